"""Finding a quotation in a source text, tolerant only of differences that keep the words.

Tolerated: line breaks and runs of whitespace, curly versus straight quotes and
apostrophes, dash variants (and spaces around dashes), the ellipsis character versus
three periods. When a quote is not found, the closest passage of the text is located the
way annotation tools re-anchor a quote: candidate alignments from common blocks, scored by
similarity, and the word-level difference is reported.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

# Quote marks and dashes read alike (shared with the quotation extractor).
FOLD_MARKS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)


class Normalized:
    """A text folded for matching, with each folded character's offset in the original."""

    def __init__(self, original: str):
        self.original = original
        chars: list[str] = []
        offsets: list[int] = []
        for i, char in enumerate(original.translate(FOLD_MARKS)):
            if char.isspace():
                if chars and chars[-1] != " ":
                    chars.append(" ")
                    offsets.append(i)
                continue
            if char == "-" and chars and chars[-1] == "-":  # "--" typed for a dash
                continue
            for part in "..." if char == "\u2026" else char:
                chars.append(part)
                offsets.append(i)
        # Spaces beside a dash go, so "War - and" = "War-and" and a hyphen at a line
        # break ("confidence-\nbuilding") still reads "confidence-building".
        keep = [
            k
            for k, char in enumerate(chars)
            if not (
                char == " "
                and ((k and chars[k - 1] == "-") or (k + 1 < len(chars) and chars[k + 1] == "-"))
            )
        ]
        self.text = "".join(chars[k] for k in keep)
        self.offsets = [offsets[k] for k in keep]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original [start, end) covering folded [start, end)."""
        if start >= len(self.offsets):
            return len(self.original), len(self.original)
        last = self.offsets[min(end, len(self.offsets)) - 1]
        return self.offsets[start], last + 1


def fold(text: str) -> str:
    return Normalized(text).text.strip()


@dataclass(frozen=True)
class Match:
    found: bool
    start: int  # offsets into the original text
    end: int
    similarity: float = 1.0

    def line(self, text: str) -> int:
        return text.count("\n", 0, self.start) + 1


def find(quote: str, haystack: Normalized) -> Match:
    needle = fold(quote)
    # Prefer the words where they open a quotation: a short quote ("legal") also occurs
    # in running text ("legally"), and the quotation is the proof that matters.
    for mark in ('"', "'"):
        position = haystack.text.find(mark + needle)
        if position >= 0:
            position += 1
            break
    else:
        position = haystack.text.find(needle)
    if position >= 0:
        start, end = haystack.span(position, position + len(needle))
        return Match(True, start, end)
    return _closest(needle, haystack)


def _closest(needle: str, haystack: Normalized) -> Match:
    text = haystack.text
    if not needle or not text:
        return Match(False, 0, 0, 0.0)
    matcher = difflib.SequenceMatcher(None, text, needle, autojunk=False)
    starts = {
        max(0, block.a - block.b) for block in matcher.get_matching_blocks() if block.size >= 3
    }
    best = (0.0, 0, 0)
    for start in starts or {0}:
        for end in {start + len(needle), start + len(needle) + len(needle) // 10}:
            window = text[start : min(end, len(text))]
            score = difflib.SequenceMatcher(None, window, needle, autojunk=False).ratio()
            if score > best[0]:
                best = (score, start, min(end, len(text)))
    score, start, end = best
    # Whole words only: widen the passage to the word boundaries around it.
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    original_start, original_end = haystack.span(start, end)
    return Match(False, original_start, original_end, score)


_WORDS = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


def word_diff(expected: str, actual: str) -> str:
    """`-word` for words of the quote missing from the passage, `+word` for words the passage
    has instead."""
    return closest_words(expected, actual)[1]


def closest_words(quote: str, passage: str) -> tuple[str, str]:
    """The passage cut to the words that line up with the quote's first and last, and the
    word-level difference between them: `-'words'` the quote has and the passage lacks,
    `+'words'` the passage has instead. Words of the passage before the quote's first or
    after its last (the opening quotation mark, the reporter's comma) are no difference."""
    a = [fold(w) for w in _WORDS.findall(quote)]
    spans = [m.span() for m in _WORDS.finditer(passage)]
    # Marks at the passage's edges (a dash, an opening quotation mark) are the reporter's
    # unless the quote has one there too.
    while len(spans) > 1 and _mark(passage[spans[0][0]]) and not (a and _mark(a[0][0])):
        spans.pop(0)
    while len(spans) > 1 and _mark(passage[spans[-1][0]]) and not (a and _mark(a[-1][0])):
        spans.pop()
    b = [fold(passage[i:j]) for i, j in spans]
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    while opcodes and opcodes[0][0] == "insert":  # passage words before the quote's first
        opcodes.pop(0)
    while opcodes and opcodes[-1][0] == "insert":  # and after its last
        opcodes.pop()
    parts = []
    for op, i1, i2, j1, j2 in opcodes:
        if op in ("replace", "delete"):
            parts.append("-" + repr(" ".join(a[i1:i2])))
        if op in ("replace", "insert"):
            parts.append("+" + repr(" ".join(b[j1:j2])))
    used = [j for op, _, _, j1, j2 in opcodes for j in range(j1, j2)]
    cut = passage[spans[min(used)][0] : spans[max(used)][1]] if used else passage
    return cut, " ".join(parts)


def _mark(first: str) -> bool:
    """Whether a token (by its first character) is a punctuation mark, not a word."""
    return not (first.isalnum() or first == "_")
