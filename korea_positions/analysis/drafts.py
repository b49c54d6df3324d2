"""The quotations of an article drafted for the knowledge base (`kpos extract`): the
extractor's records with the quotes already curated marked `known`, and quote stubs with
fresh ids, ready to paste into the source's data file.

Pure: the article's text comes in as a string; reading it is the caller's job.
"""

from __future__ import annotations

import hashlib
import re

from korea_positions.analysis.extract.actors import TITLE
from korea_positions.kb.knowledge import KnowledgeBase, Record

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    {
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "we",
        "our",
        "us",
        "you",
        "your",
        "he",
        "she",
        "his",
        "her",
        "they",
        "their",
        "them",
        "i",
        "my",
        "me",
        "not",
        "no",
        "will",
        "would",
        "can",
        "could",
        "should",
        "must",
        "may",
        "might",
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "there",
        "here",
        "what",
        "which",
        "who",
        "whom",
        "so",
        "if",
        "than",
        "then",
        "into",
        "over",
        "about",
    }
)
# A person's full name: two to four capitalized words, once a title is taken off.
_PROPER_NAME = re.compile(r"(?:[A-Z][\w'’-]*\s+){1,3}[A-Z][\w'’-]*")
_UNTITLED = re.compile(rf"^(?:{TITLE}\s+)+")
MAX_ID_WORDS = 4


def source_of_text(kb: KnowledgeBase, name: str, raw: bytes) -> str | None:
    """The source whose card describes this text: the same sha256, else the same file
    name; None when no card does."""
    digest = hashlib.sha256(raw).hexdigest()
    by_name = None
    for source in kb.sources:
        if source["sha256"] == digest:
            return source["id"]
        if source["text"] == name and by_name is None:
            by_name = source["id"]
    return by_name


def extraction(kb: KnowledgeBase, text: str, source_id: str | None,
               new_only: bool = False) -> list[Record]:  # fmt: skip
    """Every direct quotation of `text` (analysis.extract's records), `known` naming a quote
    of the knowledge base with the same words: of `source_id`, or of any source when it is
    None. `new_only`: only the quotations not known."""
    from korea_positions.analysis.extract import extract

    known = [q for q in kb.quotes if source_id is None or q["source"] == source_id]
    records = extract(text, kb.actors, known)
    return [r for r in records if not (new_only and r["known"])]


def quote_stubs(records: list[Record], prefix: str, taken: set[str],
                actor_ids: set[str]) -> list[Record]:  # fmt: skip
    """A quote stub per record not yet known: `id` (fresh: `prefix` and the first words,
    unlike any of `taken`), `speaker`, `reported_by`, `text` (without the comma, or the full
    stop of a short quotation, that belongs to the reporter's sentence), `about` (empty),
    plus `note` and `via_note` saying what the curator must settle, and `confidence`.

    A speaker who is not an actor gets the id their printed name would have (so the stub
    fails validation until the actor is added or another id is put), or null when nobody,
    or no person, is named."""
    used = set(taken)
    stubs = []
    for record in records:
        if record["known"]:
            continue
        stub_id = fresh_id(prefix, record["text"], used)
        used.add(stub_id)
        speaker, note = _who(record["speaker"], record["speaker_name"], actor_ids, "spoke")
        via, via_note = (None, "")
        if record["reported_by"]:
            via, via_note = _who(record["reported_by"], record["reported_by"], actor_ids, "relayed")
        if speaker and not note and record["confidence"] < 0.5:
            note = f"a guess (confidence {record['confidence']}): check who spoke"
        text = record["text"].rstrip()
        trailing = ",." if record["short"] else ","
        if text[-1:] in trailing and len(text) > 1:
            text = text[:-1]
        stubs.append(
            {
                "id": stub_id, "speaker": speaker, "reported_by": via, "text": text,
                "about": [], "note": note, "via_note": via_note,
                "confidence": record["confidence"],
            }
        )  # fmt: skip
    return stubs


def fresh_id(prefix: str, text: str, taken: set[str]) -> str:
    """`prefix-first-words-of-text`, numbered when taken; short enough to be an id."""
    words = [w for w in _WORD.findall(text.lower()) if w not in _STOP][:MAX_ID_WORDS]
    base = "-".join([prefix, *words]) if words else f"{prefix}-quote"
    while len(base) > 70 and "-" in base:
        base = base.rsplit("-", 1)[0]
    base = base[:70]
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def id_prefix(kb: KnowledgeBase, source_id: str | None) -> str:
    """Ids of a source's quotes begin with its outlet key; a text with no card's with
    `quote`."""
    source = kb.source_by_id.get(source_id) if source_id else None
    return source["outlet"] if source else "quote"


def _who(actor: str | None, printed: str | None, actor_ids: set[str], did: str):
    """(id for the stub, note for the curator) of a speaker or an intermediary."""
    if actor and actor in actor_ids:
        return actor, ""
    if not printed:
        return None, f"unknown: nobody is named; put the id of the actor who {did}"
    name = _UNTITLED.sub("", " ".join(printed.split()))
    if _PROPER_NAME.fullmatch(name):
        slug = "-".join(_WORD.findall(name.lower()))
        return slug, (
            f"{printed!r} is not in the knowledge base: add them to data/actors.yaml with "
            f"this id, or put the id of another actor"
        )
    return None, f"unknown: printed as {printed!r}; put the id of the actor who {did}"
