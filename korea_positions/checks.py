"""Cross-record checks of a knowledge base: resolving references, unique names.

Pure: takes the records, returns findings as (kind, id, field path, message); the loader
turns them into FILE:LINE:COL problems.
"""

from __future__ import annotations

from typing import Iterator

from korea_positions.kb import KnowledgeBase
from korea_positions.names import normalize

Finding = tuple[str, str, tuple, str]


def check(kb: KnowledgeBase, broken: frozenset[str] | set[str] = frozenset()) -> list[Finding]:
    """`broken` holds "kind:id" of records that failed validation ("kind:*" when a whole
    file could not be read); references to them are not reported again as unknown."""
    return list(_references(kb, broken)) + list(_names(kb))


def _references(kb: KnowledgeBase, broken) -> Iterator[Finding]:
    index = {"actor": kb.actor_by_id, "step": kb.step_by_id, "quote": kb.quote_by_id}

    def refs(kind: str, rid: str, path: tuple, value, target: str) -> Iterator[Finding]:
        values = value if isinstance(value, list) else [value]
        for i, ref in enumerate(values):
            if ref is None or ref in index[target]:
                continue
            if not {f"{target}s:{ref}", f"{target}s:*"} & broken:
                where = path + (i,) if isinstance(value, list) else path
                yield kind, rid, where, f"unknown {target} {ref!r}"

    for a in kb.actors:
        yield from refs("actors", a["id"], ("speaks_for",), a["speaks_for"], "actor")
        if a["speaks_for"] == a["id"]:
            yield "actors", a["id"], ("speaks_for",), "an actor cannot speak for itself"
    for s in kb.steps:
        yield from refs("steps", s["id"], ("by",), s["by"], "actor")
        yield from refs("steps", s["id"], ("part_of",), s["part_of"], "step")
        if s["part_of"] == s["id"]:
            yield "steps", s["id"], ("part_of",), "a step cannot be part of itself"
    for q in kb.quotes:
        for field in ("speaker", "reported_by"):
            yield from refs("quotes", q["id"], (field,), q[field], "actor")
        yield from refs("quotes", q["id"], ("about",), q["about"], "step")
    for p in kb.positions:
        pid = p["id"]
        for field in ("actor", "stated_by", "reported_by"):
            yield from refs("positions", pid, (field,), p[field], "actor")
        yield from refs("positions", pid, ("step",), p["step"], "step")
        for relation in ("before", "after", "together"):
            where = ("order", relation)
            yield from refs("positions", pid, where, p[relation], "step")
            if p["step"] in p[relation]:
                yield "positions", pid, where, f"step {p['step']!r} cannot be {relation} itself"
        yield from refs("positions", pid, ("quotes",), p["quotes"], "quote")
        for i, qid in enumerate(p["quotes"]):
            quote = kb.quote_by_id.get(qid)
            if quote and quote["source"] != p["source"]:
                yield ("positions", pid, ("quotes", i),
                       f"quote {qid!r} is from source {quote['source']!r}, not {p['source']!r}")


def _names(kb: KnowledgeBase) -> Iterator[Finding]:
    """Two actors must not share a name or alias: it would make both unreachable by it."""
    owner: dict[str, str] = {}
    for a in kb.actors:
        spellings = [("id",), ("name",)] + [("aliases", i) for i in range(len(a["aliases"]))]
        for path in spellings:
            value = a[path[0]] if len(path) == 1 else a["aliases"][path[1]]
            key = normalize(value)
            if owner.get(key, a["id"]) != a["id"]:
                yield ("actors", a["id"], path,
                       f"{value!r} already names actor {owner[key]!r}; names must be unique")
            owner.setdefault(key, a["id"])
