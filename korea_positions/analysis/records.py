"""Any one record whole, by its id (`kpos show [KIND:]ID`): a position with its quotes and
source, a quote with the positions citing it, an actor with who speaks for it, a step
with its parts, a source.

Ids are unique per kind only: `KIND:ID` picks one kind; an id several kinds share, or
none has, is a usage error naming the candidates. Pure: knowledge base in, record out.
"""

from __future__ import annotations

import difflib

from korea_positions.analysis.queries import listed
from korea_positions.errors import UsageError
from korea_positions.kb.knowledge import KnowledgeBase, Record

# Kind as typed before the colon -> kind as stored.
KINDS = {
    "position": "positions",
    "quote": "quotes",
    "actor": "actors",
    "step": "steps",
    "source": "sources",
}


def parse(text: str) -> tuple[str | None, str]:
    """`position:x` -> ("position", "x"); `x` -> (None, "x"). Plural kinds and any case
    are accepted before the colon."""
    kind, colon, record_id = text.partition(":")
    kind = kind.strip().lower()
    for name, plural in KINDS.items():
        if colon and kind in (name, plural):
            return name, record_id.strip()
    return None, text.strip()


def find(kb: KnowledgeBase, text: str) -> tuple[str, Record]:
    """(kind, record) of what `text` names; a usage error when it names none or several."""
    kind, record_id = parse(text)
    kinds = [kind] if kind else list(KINDS)
    found = [(k, r) for k in kinds if (r := kb.record(KINDS[k], record_id)) is not None]
    if len(found) == 1:
        return found[0]
    if found:
        candidates = ", ".join(f"{k}:{record_id}" for k, _ in found)
        raise UsageError(f"{record_id!r} is the id of several records: {candidates}; "
                         "say which one as KIND:ID", "ID")  # fmt: skip
    raise UsageError(_unknown(kb, kind, record_id), "ID")


def _unknown(kb: KnowledgeBase, kind: str | None, record_id: str) -> str:
    """No such record: the same id of another kind, else the closest ids."""
    if kind is None:
        what = f"no record with the id {record_id!r}"
        known = [i for plural in KINDS.values() for i in kb.ids(plural)]
        close = difflib.get_close_matches(record_id, known, n=5)
    else:
        what = f"no {kind} with the id {record_id!r}"
        close = [f"{k}:{record_id}" for k, plural in KINDS.items()
                 if k != kind and kb.record(plural, record_id) is not None]  # fmt: skip
        close = close or [
            f"{kind}:{i}" for i in difflib.get_close_matches(record_id, kb.ids(KINDS[kind]), n=5)
        ]
    return what + ("; did you mean " + ", ".join(close) + "?" if close else "")


def whole(kb: KnowledgeBase, kind: str, record: Record) -> Record:
    """The record as its listing command prints it, then what belongs with it."""
    result = listed(KINDS[kind], record)
    if kind == "position":
        result["cited_quotes"] = [_quote(kb, q) for q in record["quotes"]]
        result["source_card"] = _source(kb, record["source"])
    elif kind == "quote":
        citing = [p for p in kb.positions if record["id"] in p["quotes"]]
        result["cited_by"] = [listed("positions", p) for p in citing]
        result["source_card"] = _source(kb, record["source"])
    elif kind == "actor":
        result["members"] = sorted(kb.members(record["id"]) - {record["id"]})
    elif kind == "step":
        result["parts"] = [s["id"] for s in kb.steps if s.get("part_of") == record["id"]]
    return result


def _quote(kb: KnowledgeBase, quote_id: str) -> Record | None:
    found = kb.record("quotes", quote_id)
    return listed("quotes", found) if found else None


def _source(kb: KnowledgeBase, source_id: str) -> Record | None:
    found = kb.record("sources", source_id)
    return listed("sources", found) if found else None
