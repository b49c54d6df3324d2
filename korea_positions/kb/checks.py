"""Checks across files, run on the assembled records in the store: every reference
resolves, ids are unique per kind, no two actors share a name, a position cites quotes
of its own source.

After an edit only what the changed files can affect is checked again: the references
they make, and everything that involves an id they define or defined (`Scope`). The
findings kept in the store for that scope are replaced, so the result is the same as
checking everything, which is what an empty store gets.
"""

from __future__ import annotations

import difflib
import sqlite3
from typing import NamedTuple

from korea_positions.kb.files import KINDS as FILE_KINDS
from korea_positions.kb.records import path


class Scope(NamedTuple):
    """The changed files and every (kind, id) they define or defined; None: everything."""

    files: set[str]
    ids: set[tuple[str, str]]


# Each check finds (file, path into its data, message, kind, id, first file, first path)
# among the references and records in scope, and `check` locates each path; (kind, id) is
# what a finding is about, for replacing it when it comes into scope again. {refs} and
# {ids} are the references and ids in scope: those the temporary scope tables name, or,
# when everything is checked, all of them (no table of all of them to fill first). Joins
# run in the order written (CROSS JOIN), the scope first: the planner has no statistics
# to find that order itself.
_REFS_IN_SCOPE = """
INSERT OR IGNORE INTO scope_refs
SELECT r.rowid FROM refs r WHERE r.file IN (SELECT path FROM scope_files)
UNION ALL SELECT r.rowid FROM scope_ids s CROSS JOIN refs r ON r.target = s.kind AND r.value = s.id
"""
_UNKNOWN = """
SELECT r.file, r.kind, r.idx, r.field, r.item, r.target, r.value
FROM {refs}
WHERE NOT EXISTS (SELECT 1 FROM records t WHERE t.kind = r.target AND t.id = r.value)
"""
_DUPLICATES = """
SELECT r.file, r.seq, r.idx, r.kind, r.id, f.kind FROM {ids}
CROSS JOIN records r ON r.kind = s.kind AND r.id = s.id CROSS JOIN files f ON f.path = r.file
WHERE (SELECT COUNT(*) FROM records x WHERE x.kind = s.kind AND x.id = s.id) > 1
"""
_OTHER_SOURCE = """
SELECT r.file, r.kind, r.idx, r.field, r.item, 'quote ' || quote(r.value) || ' is from source '
  || quote(q.source) || ', not ' || quote(p.source), r.value
FROM {refs}
CROSS JOIN records q ON q.kind = 'quotes' AND q.id = r.value
CROSS JOIN records p ON p.kind = 'positions' AND p.id = r.id
WHERE r.kind = 'positions' AND r.field = 'quotes' AND q.source IS NOT p.source
"""
_SHARED_NAMES = """
SELECT key, actor, text, file, idx, field, item FROM names WHERE surname = 0 AND key IN
(SELECT key FROM names WHERE surname = 0 GROUP BY key HAVING COUNT(DISTINCT actor) > 1)
ORDER BY file, rowid
"""
_SCOPED = {"refs": "scope_refs s CROSS JOIN refs r ON r.rowid = s.ref", "ids": "scope_ids s"}
_WHOLE = {
    "refs": "refs r",
    "ids": "(SELECT kind, id FROM records GROUP BY kind, id HAVING COUNT(*) > 1) s",
}
# The findings a scope replaces: those the checks above could find again.
_IN_SCOPE = """
DELETE FROM findings WHERE file IN (SELECT path FROM scope_files)
  OR (kind, id) IN (SELECT kind, id FROM scope_ids) OR (kind = 'names' AND :names)
"""


def check(db: sqlite3.Connection, broken: set[str], scope: Scope | None, locate) -> None:
    """Bring the store's findings up to date. `broken` holds "kind:id" of records that
    could not be read ("kind:*" for a whole file): references to them are not reported.
    `locate(file, path)` gives the line and column of a path into a file's data."""
    # A whole file that could not be read (or now can) affects references to its kind
    # anywhere: check everything.
    whole = (scope is None or any(b.endswith(":*") for b in broken)
             or any(rid == "*" for _, rid in scope.ids))  # fmt: skip
    if whole:
        db.execute("DELETE FROM findings")
    else:
        _fill_scope(db, scope)
    names = whole or "data/actors.yaml" in scope.files
    tables = _WHOLE if whole else _SCOPED
    found = [
        *_unknown(db, broken, tables),
        *_duplicates(db, tables),
        *_other_source(db, tables),
        *(_names(db) if names else ()),
    ]
    if not whole:
        db.execute(_IN_SCOPE, {"names": names})
    db.executemany(
        "INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(file, *locate(file, at), message, kind, rid, first,
          None if first is None else locate(first, first_at)[0])
         for file, at, message, kind, rid, first, first_at in found],
    )  # fmt: skip


def _fill_scope(db: sqlite3.Connection, scope: Scope) -> None:
    db.execute("CREATE TEMP TABLE IF NOT EXISTS scope_files (path TEXT PRIMARY KEY)")
    db.execute("CREATE TEMP TABLE IF NOT EXISTS scope_ids (kind TEXT, id TEXT, PRIMARY KEY (kind, id))")  # fmt: skip
    db.execute("CREATE TEMP TABLE IF NOT EXISTS scope_refs (ref INTEGER PRIMARY KEY)")
    for table in ("scope_files", "scope_ids", "scope_refs"):
        db.execute(f"DELETE FROM {table}")
    db.executemany("INSERT INTO scope_files VALUES (?)", [(f,) for f in scope.files])
    db.executemany("INSERT INTO scope_ids VALUES (?, ?)", sorted(scope.ids))
    db.execute(_REFS_IN_SCOPE)


def findings(db: sqlite3.Connection, shown) -> list[tuple[str, int, int, str]]:
    """(file, line, col, message) of every finding; `shown` turns a path into the one a
    message names (a duplicate, reported where it is defined later, names where it was
    defined first)."""
    rows = db.execute("SELECT file, line, col, message, first_file, first_line FROM findings")
    return sorted(
        (file, line, col, message if first is None else f"{message}, also defined at "
         f"{shown(first)}:{first_line}: rename one of them")
        for file, line, col, message, first, first_line in rows
    )  # fmt: skip


# What to do about a reference to an id no record has, by the kind it refers to.
_ADD = {
    "actors": "add it to data/actors.yaml",
    "steps": "add it to data/steps.yaml",
    "quotes": "define it under `quotes:` in the source's data file",
    "sources": "give it a card in seeds/ with `kpos add source`",
    "positions": "define it under `positions:` in a source's data file",
}


def _unknown(db, broken: set[str], tables: dict):
    """Each reference to a missing id, with the ids of that kind nearest to it."""
    ids: dict[str, list[str]] = {}
    for file, kind, index, field, item, target, value in db.execute(_UNKNOWN.format(**tables)):
        if {f"{target}:{value}", f"{target}:*"} & broken:
            continue
        if target not in ids:
            rows = db.execute(
                "SELECT DISTINCT id FROM records WHERE kind = ? ORDER BY id", (target,)
            )
            ids[target] = [rid for (rid,) in rows]
        message = f"unknown {target[:-1]} {value!r}{did_you_mean(value, ids[target])}"
        message += f" (if it is new, {_ADD[target]})" if target in _ADD else ""
        yield file, path(kind, index, field, item), message, target, value, None, None


def did_you_mean(value: str, known: list[str]) -> str:
    """`; did you mean 'kim-bo-ra'?` naming the closest known ids, if any is close."""
    close = difflib.get_close_matches(value, known, n=3, cutoff=0.6)
    close += [k for k in known if value and (value in k or k in value) and k not in close]
    if not close:
        return ""
    return "; did you mean " + " or ".join(repr(k) for k in close[:3]) + "?"


def _duplicates(db, tables: dict):
    """Every definition after the first, in reading order, names the first."""
    found: dict[tuple, list] = {}
    for file, seq, index, kind, rid, file_kind in db.execute(_DUPLICATES.format(**tables)):
        found.setdefault((kind, rid), []).append((FILE_KINDS.index(file_kind), file, seq, index))
    for (kind, rid), places in found.items():
        _, first_file, _, first_index = min(places)
        for _, file, _, index in sorted(places)[1:]:
            message = f"duplicate {kind[:-1]} id {rid!r}"
            yield file, path(kind, index), message, kind, rid, first_file, path(kind, first_index)


def _other_source(db, tables: dict):
    """A position citing a quote of another source."""
    for file, kind, index, field, item, message, quote in db.execute(
        _OTHER_SOURCE.format(**tables)
    ):
        yield file, path(kind, index, field, item), message, "quotes", quote, None, None


def _names(db):
    """Two actors must not share a name or alias: it would make both unreachable by it."""
    owner: dict[str, str] = {}
    for key, actor, text, file, index, field, item in db.execute(_SHARED_NAMES):
        if owner.setdefault(key, actor) != actor:
            message = f"{text!r} already names actor {owner[key]!r}; names must be unique"
            yield file, path("actors", index, field, item), message, "names", key, None, None
