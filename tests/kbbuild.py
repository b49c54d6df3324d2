"""Small knowledge bases built in Python for the analysis tests: actors, positions and the
steps they name, stored as the loader stores them."""

from __future__ import annotations

from korea_positions.kb.knowledge import KnowledgeBase


def actor(aid: str, *speaks_for: str, kind: str | None = None) -> dict:
    return {
        "id": aid,
        "name": aid.upper(),
        "kind": kind or ("person" if speaks_for else "state"),
        "aliases": [],
        "speaks_for": list(speaks_for),
    }


def pos(
    pid: str,
    who: str,
    step: str,
    before=(),
    after=(),
    together=(),
    date: str | None = "2018-01-01",
    stated_by: str | None = None,
    hedge: str | None = None,
    supersedes=(),
    source: str | None = None,
) -> dict:
    return {
        "id": pid,
        "actor": who,
        "stated_by": stated_by,
        "reported_by": None,
        "stance": "demand",
        "step": step,
        "before": list(before),
        "after": list(after),
        "together": list(together),
        "summary": pid,
        "source": source or f"src-{pid}",
        "quotes": [],
        "date": date,
        "hedge": hedge,
        "supersedes": list(supersedes),
    }


def make_kb(actors: list[dict], positions: list[dict], parts=None) -> KnowledgeBase:
    """`parts`: step -> the whole it is part of."""
    parts = parts or {}
    steps = sorted(
        {p["step"] for p in positions}
        | {s for p in positions for s in p["before"] + p["after"] + p["together"]}
        | set(parts)
        | set(parts.values())
    )
    return KnowledgeBase.from_records(
        actors=actors,
        positions=[{k: v for k, v in p.items() if k not in STORED_LATER} for p in positions],
        steps=[{"id": s, "label": f"Step {s}", "by": [], "part_of": parts.get(s)} for s in steps],
    )


# Fields a position gains when read (its date's bounds, its source's date).
STORED_LATER = ("date_start", "date_end", "published")
