"""A validated file as rows for the store: its records as the knowledge base holds them,
every reference they make, and every name an actor answers to — each with where the file
holds it (the record's index in its list, an item's index in a field's list), from which
`path` gives the path into the file's data that a locator turns into a line and column.
Lines are found only when a message needs one (kb.places): working out the place of every
value of every file on each load cost more than reading the YAML.

Pure: validated fields in, rows out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from korea_positions.kb import dates
from korea_positions.kb.spelling import normalize, spellings, surname

Locate = Callable[[tuple], tuple[int, int]]

# Per kind of record: (field, kind it refers to).
REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "sources": (),
    "actors": (("speaks_for", "actors"),),
    "steps": (("by", "actors"), ("part_of", "steps")),
    "quotes": (("speaker", "actors"), ("reported_by", "actors"), ("about", "steps")),
    "positions": (
        ("actor", "actors"),
        ("stated_by", "actors"),
        ("reported_by", "actors"),
        ("step", "steps"),
        ("before", "steps"),
        ("after", "steps"),
        ("together", "steps"),
        ("quotes", "quotes"),
        ("supersedes", "positions"),
    ),
}
# Where a file writes a field that a stored record keeps elsewhere (a position's order).
_WRITTEN: dict[str, dict[str, tuple]] = {
    "sources": {}, "actors": {}, "steps": {}, "quotes": {},
    "positions": {r: ("order", r) for r in ("before", "after", "together")},
}  # fmt: skip
_MISTAKES_POSSIBLE = {"actors", "steps", "positions"}


class Rows(NamedTuple):
    records: list[tuple]  # (kind, id, seq, index, source, record)
    refs: list[tuple]  # (kind, id, field, target, value, index, item)
    names: list[tuple]  # (key, actor, index, field, item, text, is_surname)
    problems: list[tuple]  # (line, col, message): mistakes inside one record


def path(kind: str, index: int, field: str | None = None, item: int = -1) -> tuple:
    """The path into a file's data of a record (a card's index is -1; a whole file's
    reference has kind "file"), of one of its fields as the file writes it, and of an item
    of that field's list (-1: the field itself)."""
    if kind == "file":
        return (field,)
    place = () if index < 0 else (kind, index)
    if field is None:
        return place + ("id",)
    written = _WRITTEN[kind].get(field, (field,))
    return place + written + ((item,) if item >= 0 else ())


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
        # In the order `kpos demands` prints them. The first and last day its own date can
        # mean are worked out here; a position without one takes its source's when read.
        span = dates.parse(p["date"]) if p["date"] else None
        record = {
            "id": p["id"], "actor": p["actor"], "stated_by": p["stated_by"],
            "stance": p["stance"], "step": p["step"], **order, "summary": p["summary"],
            "source": source, "quotes": p["quotes"], "date": p["date"],
            "reported_by": p["reported_by"], "hedge": p["hedge"],
            "date_start": dates.iso(span.start) if span else None,
            "date_end": dates.iso(span.end) if span else None,
            "published": None, "supersedes": p["supersedes"],
        }  # fmt: skip
        result.append(("positions", ("positions", i), record))
    return result


def rows(kind: str, fields: dict, locate: Locate) -> Rows:
    """The rows of one validated file; `locate` places the mistakes found in a record."""
    found = rows_of(stored(kind, fields), locate)
    if kind == "source-data" and fields.get("source"):  # the one reference of the file itself
        found.refs.append(("file", "source", "source", "sources", fields["source"], -1, -1))
    return found


def rows_of(records: list[tuple[str, tuple, dict]], locate: Locate) -> Rows:
    """The rows of records as stored: (kind of record, place in the file, record)."""
    out = Rows([], [], [], [])
    add_ref = out.refs.append
    for seq, (record_kind, place, record) in enumerate(records):
        rid = record["id"]
        index = place[1] if place else -1
        out.records.append((record_kind, rid, seq, index, record.get("source"), record))
        for field, target in REFERENCES[record_kind]:
            value = record.get(field)
            if type(value) is list:
                for i, ref in enumerate(value):
                    add_ref((record_kind, rid, field, target, ref, index, i))
            elif value is not None:
                add_ref((record_kind, rid, field, target, value, index, -1))
        if record_kind in _MISTAKES_POSSIBLE and _mistaken(record_kind, record):
            out.problems.extend(_own_mistakes(record_kind, record, place, locate))
        if record_kind == "actors":
            for (field, *item), text in spellings(record):
                out.names.append((normalize(text), rid, index, field, *(item or [-1]), text, 0))
            family = surname(record)
            if family:
                out.names.append((normalize(family), rid, index, "name", -1, family, 1))
    return out


def _mistaken(kind: str, record: dict) -> bool:
    """Whether _own_mistakes has anything to say: a quick test, for every record."""
    rid = record["id"]
    if kind == "positions":
        step = record["step"]
        return (rid in (record.get("supersedes") or ()) or step in record["before"]
                or step in record["after"] or step in record["together"])  # fmt: skip
    return rid in record["speaks_for"] if kind == "actors" else record["part_of"] == rid


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
