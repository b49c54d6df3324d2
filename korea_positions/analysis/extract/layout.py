"""Where the quotations, sentences, paragraphs and mentions of a text are, by offset.

The rules of attribution ask what sentence an offset is in and what mention comes right
after it; the starts of sentences, paragraphs and mentions are kept in order for a binary
search.
"""

from __future__ import annotations

import bisect

from korea_positions.analysis.extract.mentions import Mention
from korea_positions.analysis.extract.spans import Quote


class Layout:
    """A text, its copy with quotations blanked out (`masked`), and what is where in it."""

    def __init__(
        self,
        text: str,
        masked: str,
        mentions: list[Mention],
        sentences: list[tuple[int, int]],
        paragraphs: list[tuple[int, int]],
        quotes: list[Quote],
    ):
        self.text, self.masked, self.mentions, self.quotes = text, masked, mentions, quotes
        self.paragraph_starts = [p for p, _ in paragraphs]
        self.sentences = sentences
        self.sentence_starts = [s for s, _ in sentences]
        self.mention_starts = [m.start for m in mentions]

    def sentence_of(self, at: int) -> tuple[int, int]:
        """(start, end) of the sentence that holds offset `at`."""
        k = max(0, bisect.bisect_right(self.sentence_starts, at) - 1)
        return self.sentences[k]

    def mention_at(self, at: int, limit: int) -> Mention | None:
        """The mention that begins at `at`, past blanks, and before `limit`; else None."""
        k = bisect.bisect_left(self.mention_starts, at)
        if k < len(self.mentions):
            m = self.mentions[k]
            if m.start < limit and not self.masked[at : m.start].strip():
                return m
        return None
