"""Pure query functions: knowledge base and resolved ids in, records out. No I/O."""

from __future__ import annotations

from korea_positions.analysis.statements import counts
from korea_positions.kb.knowledge import KnowledgeBase, Record
from korea_positions.kb.selection import Filter

ACTOR_FIELDS = ("id", "name", "kind", "aliases", "speaks_for")
STEP_FIELDS = ("id", "label", "by")
SOURCE_FIELDS = ("id", "outlet", "title", "authors", "published", "url")
POSITION_FIELDS = (
    *("id", "actor", "stated_by", "stance", "step", "before", "after", "together", "summary"),
    *("source", "quotes", "date", "reported_by"),
    *("hedge", "date_start", "date_end", "published"),  # appended to the first contract
)
QUOTE_FIELDS = ("id", "source", "speaker", "reported_by", "text", "about")


def _pick(record: Record, fields: tuple[str, ...], fresh: bool = False) -> Record:
    """The contract's fields first, in order; the rest after them. A copy, unless the
    record is `fresh` (decoded for this answer alone) and in that order already."""
    if tuple(record)[: len(fields)] == fields:  # stored in that order already
        return record if fresh else dict(record)
    return {f: record[f] for f in fields} | {k: v for k, v in record.items() if k not in fields}


def listed(kind: str, record: Record) -> Record:
    """A record of a kind (`positions`...) as its listing command prints it."""
    fields = {"actors": ACTOR_FIELDS, "steps": STEP_FIELDS, "sources": SOURCE_FIELDS,
              "positions": POSITION_FIELDS, "quotes": QUOTE_FIELDS}[kind]  # fmt: skip
    return _pick(record, fields)


def actors(kb: KnowledgeBase, kind: str | None = None) -> list[Record]:
    return [_pick(a, ACTOR_FIELDS) for a in kb.actors if kind is None or a["kind"] == kind]


def steps(kb: KnowledgeBase) -> list[Record]:
    return [_pick(s, STEP_FIELDS) for s in kb.steps]


def sources(kb: KnowledgeBase) -> list[Record]:
    return [_pick(s, SOURCE_FIELDS) for s in kb.sources]


def demands(
    kb: KnowledgeBase,
    actor_ids: list[str] | None = None,
    step: str | None = None,
    source_ids: set[str] | None = None,
    stance: str | None = None,
    as_of: str | None = None,
    firm: bool = False,
) -> list[Record]:
    """Positions, filtered. An actor filter matches the positions an actor holds or states,
    and those of the people and groups who speak for it; a step filter, the positions on
    the step or ordering it."""
    filters = []
    if actor_ids:
        filters.append(Filter("actors", ("actor", "stated_by"), set(actor_ids), members=True))
    if step is not None:
        filters.append(Filter("steps", ("step", "before", "after", "together"), {step}))
    fresh = bool(filters) or source_ids is not None
    found = kb.where("positions", *filters, sources=source_ids) if fresh else kb.positions
    return [
        _pick(p, POSITION_FIELDS, fresh)
        for p in found
        if (stance is None or p["stance"] == stance) and counts(p, as_of, firm)
    ]


def quotes(
    kb: KnowledgeBase,
    source_ids: set[str] | None = None,
    actor_ids: list[str] | None = None,
    step: str | None = None,
    contains: str | None = None,
    as_of: str | None = None,
) -> list[Record]:
    """Quotes, filtered. `contains` matches case-insensitively, ignoring quote-mark style
    and dash variants; `as_of` keeps the quotes stated by then (quote_starts)."""
    filters = []
    if actor_ids:
        filters.append(Filter("actors", ("speaker",), set(actor_ids), members=True))
    if step is not None:
        filters.append(Filter("steps", ("about",), {step}))
    fresh = bool(filters) or source_ids is not None
    found = kb.where("quotes", *filters, sources=source_ids) if fresh else kb.quotes
    needle = _fold(contains) if contains else None
    starts = quote_starts(kb) if as_of else {}
    return [
        _pick(q, QUOTE_FIELDS, fresh)
        for q in found
        if (needle is None or needle in _fold(q["text"]))
        and (as_of is None or (starts.get(q["id"]) or "") <= as_of)
    ]


def quote_starts(kb: KnowledgeBase) -> dict[str, str | None]:
    """Quote id -> the first day it can have been said: the earliest start of the positions
    citing it (None, an open start, when one of them has one), else its source's date."""
    starts: dict[str, str | None] = {}
    for p in kb.positions:
        for qid in p["quotes"]:
            known = starts.get(qid, p["date_start"])
            starts[qid] = None if None in (known, p["date_start"]) else min(known, p["date_start"])
    published = kb.published
    return {q["id"]: starts[q["id"]] if q["id"] in starts else published.get(q["source"])
            for q in kb.quotes}  # fmt: skip


def _fold(text: str) -> str:
    """As `kpos verify` compares texts: quote marks, dashes and spaces alike."""
    from korea_positions.analysis.textmatch import fold  # only for --contains

    return " ".join(fold(text).casefold().split())


def actor_detail(kb: KnowledgeBase, actor_id: str, as_of: str | None = None,
                 firm: bool = False) -> Record:  # fmt: skip
    """One actor with the positions it holds, voices or relays and the words it spoke or
    relayed (as of a date, firm ones only)."""
    record = dict(kb.actor_by_id[actor_id])
    record["members"] = sorted(kb.members(actor_id) - {actor_id})
    held = {p["id"] for p in demands(kb, [actor_id])}
    record["positions"] = [
        _pick(p, POSITION_FIELDS)
        for p in kb.positions
        if (p["id"] in held or p["reported_by"] == actor_id) and counts(p, as_of, firm)
    ]
    spoken = {q["id"] for q in quotes(kb, actor_ids=[actor_id], as_of=as_of)}
    record["quotes"] = [
        _pick(q, QUOTE_FIELDS)
        for q in kb.quotes
        if q["id"] in spoken or q["reported_by"] == actor_id
    ]
    return record
