"""The SQL that selects records by what they refer to: a query by actor, step or source
asks the store for the matching records only, and follows who speaks for whom inside
SQLite, so a large knowledge base is neither decoded whole nor sent a long list of ids."""

from __future__ import annotations

import json
from typing import NamedTuple

# The actors speaking for one already in the table {m}: a chain, as a recursive query.
_SPEAKERS = (
    "SELECT r.id FROM {m} CROSS JOIN refs r ON r.target = 'actors' AND r.value = {m}.id "
    "WHERE r.kind = 'actors' AND r.field = 'speaks_for'"
)


class Filter(NamedTuple):
    """Records referring from one of `fields` to one of `ids` of kind `target`; with
    `members`, to one of them or to anyone speaking for one of them."""

    target: str
    fields: tuple[str, ...]
    ids: set[str]
    members: bool = False


def select(kind: str, filters: tuple[Filter, ...], sources: set[str] | None) -> tuple[str, list]:
    """The query (and its arguments) for the records of a kind that, for each filter, refer
    from one of its fields to one of its ids; from those sources if given."""
    chains, chain_args = [], []
    sql, args = ["SELECT shape, body FROM records WHERE kind = ?"], [kind]
    for n, (target, fields, ids, members) in enumerate(filters):
        if members:
            table = f"m{n}"
            chains.append(f"{table}(id) AS (SELECT value FROM json_each(?) UNION "
                          f"{_SPEAKERS.format(m=table)})")  # fmt: skip
            chain_args.append(json.dumps(sorted(ids)))
            wanted = f"{table} v"
        else:
            wanted = "(SELECT value AS id FROM json_each(?)) v"
            args.append(json.dumps(sorted(ids)))
        sql.append(
            f"AND rowid IN (SELECT t.rowid FROM {wanted} CROSS JOIN refs f ON f.target = ? "
            "AND f.value = v.id CROSS JOIN records t ON t.kind = f.kind AND t.id = f.id "
            f"WHERE f.kind = ? AND f.field IN ({_marks(fields)}))"
        )
        args += [target, kind, *fields]
    if sources is not None:
        sql.append(f"AND source IN ({_marks(sources)})")
        args += list(sources)
    head = f"WITH RECURSIVE {', '.join(chains)} " if chains else ""
    return head + " ".join(sql) + " ORDER BY file, seq", chain_args + args


def members() -> str:
    """The query for an actor (its one argument) and every actor speaking for it."""
    return f"WITH RECURSIVE m(id) AS (SELECT ? UNION {_SPEAKERS.format(m='m')}) SELECT id FROM m"


def _marks(values) -> str:
    return ", ".join("?" * len(values))
