"""Checks across files, run on the assembled records in the store: every reference
resolves, ids are unique per kind, no two actors share a name, a position cites quotes
of its own source.

After an edit only what the changed files can affect is checked again: the references
they make, and everything that involves an id they define or defined (`Scope`). The
findings kept in the store for that scope are replaced, so the result is the same as
checking everything, which is what an empty store gets.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from korea_positions.kb.files import KINDS as FILE_KINDS


class Scope(NamedTuple):
    """The changed files and every (kind, id) they define or defined; None: everything."""

    files: set[str]
    ids: set[tuple[str, str]]


# Each check selects its findings as (file, line, col, message, kind, id, first file,
# first line); (kind, id) is what a finding is about, for replacing it within a scope.
_UNKNOWN = """
SELECT r.file, r.line, r.col, r.target, r.value FROM refs r
WHERE NOT EXISTS (SELECT 1 FROM records t WHERE t.kind = r.target AND t.id = r.value)
  AND (:all OR r.file IN (SELECT path FROM scope_files)
       OR (r.target, r.value) IN (SELECT kind, id FROM scope_ids))
"""
_DUPLICATES = """
SELECT r.file, r.line, r.col, r.kind, r.id, f.kind FROM records r JOIN files f ON f.path = r.file
WHERE (r.kind, r.id) IN (SELECT kind, id FROM records GROUP BY kind, id HAVING COUNT(*) > 1)
  AND (:all OR (r.kind, r.id) IN (SELECT kind, id FROM scope_ids))
"""
_OTHER_SOURCE = """
SELECT r.file, r.line, r.col, 'quote ' || quote(r.value) || ' is from source '
  || quote(q.source) || ', not ' || quote(p.source), 'quotes', r.value, NULL, NULL FROM refs r
JOIN records q ON q.kind = 'quotes' AND q.id = r.value
JOIN records p ON p.kind = 'positions' AND p.id = r.id
WHERE r.kind = 'positions' AND r.field = 'quotes' AND q.source IS NOT p.source
  AND (:all OR r.file IN (SELECT path FROM scope_files)
       OR ('quotes', r.value) IN (SELECT kind, id FROM scope_ids))
"""
_SHARED_NAMES = """
SELECT key, actor, text, file, line, col FROM names WHERE surname = 0 AND key IN
(SELECT key FROM names WHERE surname = 0 GROUP BY key HAVING COUNT(DISTINCT actor) > 1)
ORDER BY file, line, col
"""
# The findings a scope replaces (the same conditions as the checks above).
_IN_SCOPE = """
DELETE FROM findings WHERE :all OR file IN (SELECT path FROM scope_files)
  OR (kind, id) IN (SELECT kind, id FROM scope_ids) OR (kind = 'names' AND :names)
"""


def check(db: sqlite3.Connection, broken: set[str], scope: Scope | None = None) -> None:
    """Bring the store's findings up to date. `broken` holds "kind:id" of records that
    could not be read ("kind:*" for a whole file): references to them are not reported."""
    # A whole file that could not be read (or now can) affects references to its kind
    # anywhere: check everything.
    everything = (scope is None or any(b.endswith(":*") for b in broken)
                  or any(rid == "*" for _, rid in scope.ids))  # fmt: skip
    db.execute("CREATE TEMP TABLE IF NOT EXISTS scope_files (path TEXT PRIMARY KEY)")
    db.execute("CREATE TEMP TABLE IF NOT EXISTS scope_ids (kind TEXT, id TEXT, PRIMARY KEY (kind, id))")  # fmt: skip
    db.execute("DELETE FROM scope_files")
    db.execute("DELETE FROM scope_ids")
    if not everything:
        db.executemany("INSERT OR IGNORE INTO scope_files VALUES (?)", [(f,) for f in scope.files])
        db.executemany("INSERT OR IGNORE INTO scope_ids VALUES (?, ?)", sorted(scope.ids))
    names = everything or "data/actors.yaml" in scope.files
    found = [
        *_unknown(db, everything, broken),
        *_duplicates(db, everything),
        *db.execute(_OTHER_SOURCE, {"all": everything}),
        *(_names(db) if names else ()),
    ]  # fmt: skip
    db.execute(_IN_SCOPE, {"all": everything, "names": names})
    db.executemany("INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?)", found)


def findings(db: sqlite3.Connection, shown) -> list[tuple[str, int, int, str]]:
    """(file, line, col, message) of every finding; `shown` turns a path into the one a
    message names (a duplicate names where the id was first defined)."""
    rows = db.execute("SELECT file, line, col, message, first_file, first_line FROM findings")
    return sorted(
        (file, line, col, message if first is None else f"{message} (first defined at "
         f"{shown(first)}:{first_line})")
        for file, line, col, message, first, first_line in rows
    )  # fmt: skip


def _unknown(db, everything: bool, broken: set[str]):
    known_sources = None
    for file, line, col, target, value in db.execute(_UNKNOWN, {"all": everything}):
        if {f"{target}:{value}", f"{target}:*"} & broken:
            continue
        message = f"unknown {target[:-1]} {value!r}"
        if target == "sources":
            if known_sources is None:
                rows = db.execute("SELECT id FROM records WHERE kind = 'sources' ORDER BY id")
                known_sources = ", ".join(rid for (rid,) in rows) or "none"
            message += f" (known: {known_sources})"
        yield file, line, col, message, target, value, None, None


def _duplicates(db, everything: bool):
    """Every definition after the first, in reading order, names the first."""
    found: dict[tuple, list] = {}
    for file, line, col, kind, rid, file_kind in db.execute(_DUPLICATES, {"all": everything}):
        found.setdefault((kind, rid), []).append((FILE_KINDS.index(file_kind), file, line, col))
    for (kind, rid), places in found.items():
        _, first_file, first_line, _ = min(places)
        for _, file, line, col in sorted(places)[1:]:
            message = f"duplicate {kind[:-1]} id {rid!r}"
            yield file, line, col, message, kind, rid, first_file, first_line


def _names(db):
    """Two actors must not share a name or alias: it would make both unreachable by it."""
    owner: dict[str, str] = {}
    for key, actor, text, file, line, col in db.execute(_SHARED_NAMES):
        if owner.setdefault(key, actor) != actor:
            message = f"{text!r} already names actor {owner[key]!r}; names must be unique"
            yield file, line, col, message, "names", key, None, None
