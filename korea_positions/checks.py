"""Cross-record checks of a knowledge base: resolving references, unique names.

Pure: takes the records, returns findings as (kind, id, field path, message); the loader
turns them into FILE:LINE:COL problems.
"""

from __future__ import annotations

from typing import Iterator

from korea_positions.kb import KnowledgeBase
from korea_positions.names import actor_resolver, normalize

Finding = tuple[str, str, tuple, str]


def check(kb: KnowledgeBase, broken: frozenset[str] | set[str] = frozenset()) -> list[Finding]:
    """`broken` holds "kind:id" of records that failed validation ("kind:*" when a whole
    file could not be read); references to them are not reported again as unknown."""
    return list(_references(kb, broken)) + list(_names(kb))


# The reference fields of each kind of record, and the kind each refers to.
_REFERENCES = {
    "actors": (("speaks_for", "actor"),),
    "steps": (("by", "actor"), ("part_of", "step")),
    "quotes": (("speaker", "actor"), ("reported_by", "actor"), ("about", "step")),
    "positions": (("actor", "actor"), ("stated_by", "actor"), ("reported_by", "actor"),
                  ("step", "step"), ("before", "step"), ("after", "step"),
                  ("together", "step"), ("quotes", "quote")),
}
# Where a position's order fields are written in its file.
_WRITTEN_AT = {"before": ("order", "before"), "after": ("order", "after"),
               "together": ("order", "together")}


def _references(kb: KnowledgeBase, broken) -> Iterator[Finding]:
    index = {"actor": kb.actor_by_id, "step": kb.step_by_id, "quote": kb.quote_by_id}
    for kind, fields in _REFERENCES.items():
        specs = [(field, target, index[target]) for field, target in fields]
        for record in getattr(kb, kind):
            for field, target, known in specs:
                value = record[field]
                # The common case, every reference known, at C speed.
                if value is None or (all(map(known.__contains__, value))
                                     if type(value) is list else value in known):
                    continue
                yield from _unknown(kind, record["id"], _WRITTEN_AT.get(field, (field,)),
                                    value, target, known, broken)
    for a in kb.actors:
        if a["speaks_for"] == a["id"]:
            yield "actors", a["id"], ("speaks_for",), "an actor cannot speak for itself"
    for s in kb.steps:
        if s["part_of"] == s["id"]:
            yield "steps", s["id"], ("part_of",), "a step cannot be part of itself"
    quote_by_id = kb.quote_by_id
    for p in kb.positions:
        pid = p["id"]
        for relation in ("before", "after", "together"):
            if p["step"] in p[relation]:
                yield ("positions", pid, ("order", relation),
                       f"step {p['step']!r} cannot be {relation} itself")
        for i, qid in enumerate(p["quotes"]):
            quote = quote_by_id.get(qid)
            if quote and quote["source"] != p["source"]:
                yield ("positions", pid, ("quotes", i),
                       f"quote {qid!r} is from source {quote['source']!r}, not {p['source']!r}")


def _unknown(kind: str, rid: str, path: tuple, value, target: str, known,
             broken) -> Iterator[Finding]:
    values = value if isinstance(value, list) else [value]
    for i, ref in enumerate(values):
        if ref is None or ref in known:
            continue
        if not {f"{target}s:{ref}", f"{target}s:*"} & broken:
            where = path + (i,) if isinstance(value, list) else path
            yield kind, rid, where, f"unknown {target} {ref!r}"


def _names(kb: KnowledgeBase) -> Iterator[Finding]:
    """Two actors must not share a name or alias: it would make both unreachable by it."""
    spellings = actor_resolver(kb).spellings
    clashing = {i for ids in spellings.values() if len(ids) > 1 for i in ids}
    owner: dict[str, str] = {}
    for a in kb.actors:
        if a["id"] not in clashing:  # its spellings are its own: nothing to report
            continue
        spellings = [("id",), ("name",)] + [("aliases", i) for i in range(len(a["aliases"]))]
        for path in spellings:
            value = a[path[0]] if len(path) == 1 else a["aliases"][path[1]]
            key = normalize(value)
            if owner.get(key, a["id"]) != a["id"]:
                yield ("actors", a["id"], path,
                       f"{value!r} already names actor {owner[key]!r}; names must be unique")
            owner.setdefault(key, a["id"])
