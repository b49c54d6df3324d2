"""A validated file as rows for the store: its records as the knowledge base holds them,
every reference they make, and every name an actor answers to — each with the line and
column where the file writes it, so a problem found later can still be located.

Pure: validated fields and a locator in, rows out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from korea_positions.kb.spelling import normalize, spellings, surname

Locate = Callable[[tuple], tuple[int, int]]

# Per kind of record: (field, kind it refers to, where the file writes it).
REFERENCES: dict[str, tuple[tuple[str, str, tuple], ...]] = {  # fmt: skip
    "sources": (),
    "actors": (("speaks_for", "actors", ("speaks_for",)),),  # fmt: skip
    "steps": (("by", "actors", ("by",)), ("part_of", "steps", ("part_of",))),
    "quotes": (
        ("speaker", "actors", ("speaker",)),
        ("reported_by", "actors", ("reported_by",)),
        ("about", "steps", ("about",)),
    ),
    "positions": (
        ("actor", "actors", ("actor",)),
        ("stated_by", "actors", ("stated_by",)),
        ("reported_by", "actors", ("reported_by",)),
        ("step", "steps", ("step",)),
        ("before", "steps", ("order", "before")),
        ("after", "steps", ("order", "after")),
        ("together", "steps", ("order", "together")),
        ("quotes", "quotes", ("quotes",)),
        ("supersedes", "positions", ("supersedes",)),
    ),
}


class Rows(NamedTuple):
    records: list[tuple]  # (kind, id, seq, line, col, source, record)
    refs: list[tuple]  # (kind, id, field, target, value, line, col)
    names: list[tuple]  # (key, actor, line, col, text, is_surname)
    problems: list[tuple]  # (line, col, message): mistakes inside one record


def stored(kind: str, fields: dict) -> list[tuple[str, tuple, dict]]:
    """(kind of record, place in the file, record as stored) for each record of a file.

    Quotes and positions gain their source; a position's order becomes three lists of
    its own (`before`, `after`, `together`)."""
    if kind == "source-card":
        return [("sources", (), fields["card"])]
    if kind in ("actors", "steps"):
        return [(kind, (kind, i), r) for i, r in fields.get(kind, [])]
    source = fields.get("source")
    result = [
        ("quotes", ("quotes", i), {"id": q["id"], "source": source, **q})
        for i, q in fields.get("quotes", [])
    ]
    for i, p in fields.get("positions", []):
        order = p["order"] or {"before": [], "after": [], "together": []}
        # In the order `kpos demands` prints them; the last three are filled when read,
        # from the date and the source's card.
        record = {
            "id": p["id"], "actor": p["actor"], "stated_by": p["stated_by"],
            "stance": p["stance"], "step": p["step"], **order, "summary": p["summary"],
            "source": source, "quotes": p["quotes"], "date": p["date"],
            "reported_by": p["reported_by"], "hedge": p["hedge"], "date_start": None,
            "date_end": None, "published": None, "supersedes": p["supersedes"],
        }  # fmt: skip
        result.append(("positions", ("positions", i), record))
    return result


def rows(kind: str, fields: dict, locate: Locate) -> Rows:
    """The rows of one validated file."""
    found = rows_of(stored(kind, fields), locate)
    if kind == "source-data" and fields.get("source"):  # the one reference of the file itself
        found.refs.append(
            ("file", "source", "source", "sources", fields["source"], *locate(("source",)))
        )
    return found


def rows_of(records: list[tuple[str, tuple, dict]], locate: Locate) -> Rows:
    """The rows of records as stored: (kind of record, place in the file, record)."""
    out = Rows([], [], [], [])
    for seq, (record_kind, place, record) in enumerate(records):
        rid = record["id"]
        line, col = locate(place + ("id",))
        out.records.append((record_kind, rid, seq, line, col, record.get("source"), record))
        for field, target, written in REFERENCES[record_kind]:
            value = record.get(field)
            values = value if isinstance(value, list) else [value]
            for i, ref in enumerate(values):
                if ref is None:
                    continue
                at = place + written + (i,) if isinstance(value, list) else place + written
                out.refs.append((record_kind, rid, field, target, ref, *locate(at)))
        out.problems.extend(_own_mistakes(record_kind, record, place, locate))
        if record_kind == "actors":
            for path, text in spellings(record):
                out.names.append((normalize(text), rid, *locate(place + path), text, 0))
            family = surname(record)
            if family:
                out.names.append((normalize(family), rid, *locate(place + ("name",)), family, 1))
    return out


def _own_mistakes(kind: str, record: dict, place: tuple, locate: Locate):
    """What is wrong inside one record, whatever the rest of the knowledge base holds."""
    if kind == "actors" and record["id"] in record["speaks_for"]:
        yield (*locate(place + ("speaks_for",)), "an actor cannot speak for itself")
    if kind == "steps" and record["part_of"] == record["id"]:
        yield (*locate(place + ("part_of",)), "a step cannot be part of itself")
    if kind == "positions":
        if record["id"] in (record.get("supersedes") or ()):
            yield (*locate(place + ("supersedes",)), "a position cannot supersede itself")
        for relation in ("before", "after", "together"):
            if record["step"] in record[relation]:
                yield (
                    *locate(place + ("order", relation)),
                    f"step {record['step']!r} cannot be {relation} itself",
                )
