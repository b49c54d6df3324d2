"""The loaded knowledge base: records as plain dicts (str, list, None), read from the
store a kind at a time, plus the indexes queries use.

Records are exactly what the commands print, so the analysis stays simple. A query that
filters by actor, step or source asks the store for the matching records only (`where`),
so a large knowledge base is not decoded whole for a small answer.
"""

from __future__ import annotations

import json
import sqlite3
from functools import cached_property
from pathlib import Path

from korea_positions.kb import dates, selection
from korea_positions.kb.files import shown_path
from korea_positions.kb.places import Places
from korea_positions.kb.records import path
from korea_positions.kb.selection import Filter

Record = dict
KINDS = ("sources", "actors", "steps", "positions", "quotes")
PARTY_KINDS = ("state", "organization")


class StoreDamaged(Exception):
    """What the store holds cannot be read back: a damaged cache, to be built again."""


class KnowledgeBase:
    def __init__(self, db: sqlite3.Connection, root: Path | None = None):
        self.db = db
        self.root = root

    @classmethod
    def from_records(cls, **records: list[Record]) -> KnowledgeBase:
        """A knowledge base in memory holding these records as stored (by kind:
        sources=..., actors=..., steps=..., positions=..., quotes=...), unchecked."""
        from korea_positions.kb import store
        from korea_positions.kb.records import rows_of
        from korea_positions.kb.writer import Writer

        db = store.connect(":memory:")
        with store.transaction(db), Writer(db) as writer:
            for kind, found in records.items():
                listed = [(kind, (kind, i), record) for i, record in enumerate(found)]
                rows = rows_of(listed, lambda at: (1, 1))
                writer.put_file(kind, kind, (0, 0, 0, 0), "", 0, rows, [], [])
        return cls(db)

    def _decode(self, kind: str, rows) -> list[Record]:
        """Records from (shape, values) rows: the values a JSON array, the names of the
        fields kept once per shape (kb.writer)."""
        shapes, loads = self._shapes, json.loads
        try:
            records = [dict(zip(shapes[shape], loads(values), strict=True))
                       for shape, values in rows]  # fmt: skip
        except (ValueError, TypeError, KeyError, sqlite3.DatabaseError) as exc:
            raise StoreDamaged(str(exc)) from None
        if kind == "positions":
            dated, undated = self._source_dates, (None, None, None)
            for p in records:
                _dated(p, dated.get(p["source"], undated))
        return records

    def records(self, kind: str) -> list[Record]:
        rows = self.db.execute(
            "SELECT shape, body FROM records WHERE kind = ? ORDER BY file, seq", (kind,)
        )
        return self._decode(kind, rows)

    def where(self, kind: str, *filters: Filter, sources: set[str] | None = None) -> list[Record]:
        """The records of a kind that pass every filter; from those sources if given."""
        sql, args = selection.select(kind, filters, sources)
        rows = self.db.execute(sql, args)
        return self._decode(kind, rows)

    @cached_property
    def _shapes(self) -> dict[int, tuple]:
        """Each shape's number -> the names of its fields, in order."""
        try:
            rows = self.db.execute("SELECT id, fields FROM shapes").fetchall()
            return {number: tuple(json.loads(names)) for number, names in rows}
        except (ValueError, TypeError, sqlite3.DatabaseError) as exc:
            raise StoreDamaged(str(exc)) from None

    @cached_property
    def published(self) -> dict[str, str]:
        """Source id -> its date."""
        return {source["id"]: source.get("published") for source in self.sources}

    @cached_property
    def _source_dates(self) -> dict[str, tuple]:
        """Source id -> (its date, the first and last day that date can mean)."""
        found = {}
        for source, day in self.published.items():
            span = dates.parse(day) if day else None
            first, last = (dates.iso(span.start), dates.iso(span.end)) if span else (None, None)
            found[source] = (day, first, last)
        return found

    sources = cached_property(lambda self: self.records("sources"))
    actors = cached_property(lambda self: self.records("actors"))
    steps = cached_property(lambda self: self.records("steps"))
    positions = cached_property(lambda self: self.records("positions"))
    quotes = cached_property(lambda self: self.records("quotes"))

    def counts(self) -> dict[str, int]:
        found = dict(self.db.execute("SELECT kind, COUNT(*) FROM records GROUP BY kind"))
        return {kind: found.get(kind, 0) for kind in KINDS}

    def ids(self, kind: str) -> list[str]:
        """The ids of a kind, in the order written."""
        rows = self.db.execute("SELECT id FROM records WHERE kind = ? ORDER BY file, seq", (kind,))
        return [record_id for (record_id,) in rows]

    def record(self, kind: str, record_id: str) -> Record | None:
        """One record of a kind by its id, or None."""
        rows = self.db.execute(
            "SELECT shape, body FROM records WHERE kind = ? AND id = ? ORDER BY file, seq LIMIT 1",
            (kind, record_id),
        )
        found = self._decode(kind, rows)
        return found[0] if found else None

    def origin(self, kind: str, record_id: str) -> tuple[str, int, int]:
        """Where a record is defined: (file as shown, line, col)."""
        row = self.db.execute(
            "SELECT file, idx FROM records WHERE kind = ? AND id = ? ORDER BY file, seq",
            (kind, record_id),
        ).fetchone()
        if row is None:
            return "?", 0, 0
        file = shown_path(self.root / row[0]) if self.root else row[0]
        return file, *self._places.find(row[0], path(kind, row[1]))

    @cached_property
    def _places(self) -> Places:
        return Places(self.root)

    # --- names --------------------------------------------------------------------

    def actors_named(self, key: str, surname: bool = False) -> set[str]:
        """Ids of the actors a normalized spelling (or surname) names."""
        rows = self.db.execute(
            "SELECT actor FROM names WHERE key = ? AND surname = ?", (key, int(surname))
        )
        return {actor for (actor,) in rows}

    def actor_spellings(self) -> list[tuple[str, str, bool]]:
        """(normalized spelling, actor id, is a surname) of every name, for suggestions."""
        rows = self.db.execute("SELECT key, actor, surname FROM names ORDER BY file, rowid")
        return [(key, actor, bool(family)) for key, actor, family in rows]

    # --- who speaks for whom ---------------------------------------------------------

    def members(self, actor_id: str) -> set[str]:
        """The actor and every actor speaking for it, directly or in a chain."""
        rows = self.db.execute(selection.members(), (actor_id,))
        return {rid for (rid,) in rows}

    def parties_of(self, actor_id: str) -> list[str]:
        """The actor, then those it speaks for, and so on up: nearest first."""
        chain = [actor_id]
        for current in chain:  # grows as it goes
            for party in (self.actor_by_id.get(current) or {}).get("speaks_for") or ():
                if party not in chain:
                    chain.append(party)
        return chain

    def is_party(self, actor_id: str) -> bool:
        """States and organizations are parties; people and groups are voices."""
        kind = (self.actor_by_id.get(actor_id) or {}).get("kind")
        return kind in PARTY_KINDS

    # --- indexes over decoded records -----------------------------------------------

    @cached_property
    def source_by_id(self) -> dict[str, Record]:
        return {r["id"]: r for r in self.sources}

    @cached_property
    def actor_by_id(self) -> dict[str, Record]:
        return {r["id"]: r for r in self.actors}

    @cached_property
    def step_by_id(self) -> dict[str, Record]:
        return {r["id"]: r for r in self.steps}

    @cached_property
    def position_by_id(self) -> dict[str, Record]:
        return {r["id"]: r for r in self.positions}

    @cached_property
    def quote_by_id(self) -> dict[str, Record]:
        return {r["id"]: r for r in self.quotes}

    @cached_property
    def positions_of_voice(self) -> dict[str, list[int]]:
        """Actor id -> indexes of the positions it holds or states, in order."""
        index: dict[str, list[int]] = {}
        for i, p in enumerate(self.positions):
            for voice in {p["actor"], p.get("stated_by")} - {None}:
                index.setdefault(voice, []).append(i)
        return index


def _dated(position: Record, source_date: tuple) -> None:
    """A position's effective date (its own, else its source's) and the first and last day
    it can mean, and its source's date, as the commands show them. The span of its own
    date is stored with it (kb.records); records given as stored may lack it."""
    published, first, last = source_date
    if position["date"] is None:
        position["date"], position["date_start"], position["date_end"] = published, first, last
    elif position.get("date_start") is None:
        span = dates.parse(position["date"])
        position["date_start"], position["date_end"] = dates.iso(span.start), dates.iso(span.end)
    position["published"] = published
