"""The record of each quotation of a news article: its words, place, speaker and score.

`extract(text, actors, known_quotes)` returns one record per quotation, in text order:

- `text`, `start`, `end`: the quotation's words as printed, without the enclosing marks
  (`text[start:end] == record["text"]`). A quotation over several paragraphs is one record
  whose text keeps the paragraph breaks and the opening marks repeated at each; a quotation
  within it, brackets ("[the]") and ellipses stay as printed. A quotation the text leaves
  unclosed at the end of a paragraph ends there.
- `prefix`, `suffix`: the 30 characters before and after the text (a W3C TextQuoteSelector
  with `text` as its `exact`).
- `speaker`: the actor id of who said it, or None; `speaker_name`: who said it as printed
  (runs of whitespace made one space), also when not an actor ("a senior official",
  "John Smith", "the joint statement"), or None when nobody is found. For a pronoun or
  "the official", the name as printed where that speaker was last named.
- `reported_by`: who passed the words on — "according to X" when another speaker is
  named, the reporter of a reported clause ("X insists on “…”, Moon told me"), the one
  told ("X told South Korean envoys") — as an actor id, or as printed when not an actor
  (`reported_by in actor_ids` tells the two apart); None when the words came straight.
- `short`: a word or phrase of at most 8 words set inside a sentence (a word comes right
  before the opening mark), such as “sincerity”.
- `known`: the id of the first known quote whose text is the same after folding: curly to
  straight quotation marks and apostrophes, dashes to "-", "…" to "...", runs of
  whitespace to one space, and punctuation, quotation marks and spaces at either edge
  trimmed.
- `confidence`: how the speaker was found — a speech verb next to the quotation 0.9, a
  verb before it (the quotation in a reported clause) or "according to" 0.85, a verb
  further on in the sentence 0.8, the last speaker in the same paragraph 0.6, in an earlier
  one 0.45, nobody 0.2 — times 0.9 for a pronoun or "the official", 0.9 for a surname two
  actors share, and 0.95 for straight marks, 0.9 for single marks, 0.8 for an unclosed
  quotation.
"""

from __future__ import annotations

import re

from korea_positions.analysis.extract.actors import ActorIndex
from korea_positions.analysis.extract.attribution import Attribution, Reader
from korea_positions.analysis.extract.layout import Layout
from korea_positions.analysis.extract.names import find_mentions
from korea_positions.analysis.extract.spans import Quote, find_quotes, mask, paragraphs, sentences
from korea_positions.analysis.extract.verbs import attribution_follows
from korea_positions.analysis.textmatch import FOLD_MARKS

CONTEXT = 30
SHORT_WORDS = 8
_BASE = {
    "after-at-once": 0.9,
    "before": 0.85,
    "according": 0.85,
    "after": 0.8,
    "last-here": 0.6,
    "last": 0.45,
    "none": 0.2,
}
_STYLE = {"curly": 1.0, "straight": 0.95, "single": 0.9}
_EDGE = " \t\n.,;:!?'\"-"


def fold(text: str) -> str:
    """A quotation's words for comparison: marks, dashes, whitespace and edges evened out."""
    folded = text.translate(FOLD_MARKS).replace("\u2026", "...")  # as verify reads them
    return " ".join(folded.split()).strip(_EDGE)


def extract(text: str, actors: list[dict], known_quotes: list[dict]) -> list[dict]:
    """One record per direct quotation of `text`, in text order (see the module docstring)."""
    quotes = find_quotes(text)
    masked = mask(text, quotes)
    index = ActorIndex.build(actors)
    mentions = find_mentions(masked, index)

    layout = Layout(
        text,
        masked,
        mentions,
        sentences(text, quotes, lambda at: attribution_follows(masked, at)),
        paragraphs(text),
        quotes,
    )
    known = {}
    for record in known_quotes:
        known.setdefault(fold(record.get("text") or ""), record["id"])
    records = []
    for q, a in zip(quotes, Reader(layout).attribute_all(), strict=True):
        words = text[q.start : q.end]
        speaker, reported = a.speaker, a.reported_by
        records.append(
            {
                "text": words,
                "start": q.start,
                "end": q.end,
                "prefix": text[max(0, q.start - CONTEXT) : q.start],
                "suffix": text[q.end : q.end + CONTEXT],
                "speaker": speaker.actor if speaker else None,
                "speaker_name": speaker.name if speaker else None,
                "reported_by": (reported.actor or reported.name) if reported else None,
                "short": _short(text, q),
                "known": known.get(fold(words)),
                "confidence": _confidence(q, a),
            }
        )
    return records


def _short(text: str, q: Quote) -> bool:
    before = text[: q.open_at].rstrip(" \t*")
    return len(text[q.start : q.end].split()) <= SHORT_WORDS and bool(
        re.search(r"[\w\u2019']$", before)
    )


def _confidence(q: Quote, a: Attribution) -> float:
    score = _BASE[a.how] if a.speaker is not None else _BASE["none"]
    if a.referred:
        score *= 0.9
    if a.speaker is not None and a.speaker.ambiguous:
        score *= 0.9
    score *= _STYLE[q.style] if q.closed else 0.8
    return round(score, 2)
