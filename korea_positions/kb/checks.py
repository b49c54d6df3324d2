"""Checks across files, run on the assembled records in the store: every reference
resolves, ids are unique per kind, no two actors share a name, a position cites quotes
of its own source.

Each finding is (file, line, col, message), the file relative to the root. References to
records that could not be read (`broken`: "kind:id", or "kind:*" for a whole file) are
not reported again.
"""

from __future__ import annotations

import sqlite3

from korea_positions.kb.files import KINDS as FILE_KINDS

Finding = tuple[str, int, int, str]

_UNKNOWN = """
SELECT r.target, r.value, r.file, r.line, r.col FROM refs r
WHERE NOT EXISTS (SELECT 1 FROM records t WHERE t.kind = r.target AND t.id = r.value)
"""
_DUPLICATES = """
SELECT r.kind, r.id, r.file, r.line, r.col, f.kind FROM records r JOIN files f ON f.path = r.file
WHERE (r.kind, r.id) IN (SELECT kind, id FROM records GROUP BY kind, id HAVING COUNT(*) > 1)
"""
_OTHER_SOURCE = """
SELECT r.value, q.source, p.source, r.file, r.line, r.col FROM refs r
JOIN records q ON q.kind = 'quotes' AND q.id = r.value
JOIN records p ON p.kind = 'positions' AND p.id = r.id
WHERE r.kind = 'positions' AND r.field = 'quotes' AND q.source IS NOT p.source
"""
_SHARED_NAMES = """
SELECT key, actor, text, file, line, col FROM names WHERE surname = 0 AND key IN
(SELECT key FROM names WHERE surname = 0 GROUP BY key HAVING COUNT(DISTINCT actor) > 1)
ORDER BY file, line, col
"""


def check(db: sqlite3.Connection, broken: set[str], shown=str) -> list[Finding]:
    """`shown` turns a file's path into the one a message names."""
    found = {*_unknown(db, broken), *_duplicates(db, shown), *_other_source(db), *_names(db)}
    return sorted(found)


def _unknown(db, broken):
    sources = None
    for target, value, file, line, col in db.execute(_UNKNOWN):
        if {f"{target}:{value}", f"{target}:*"} & broken:
            continue
        message = f"unknown {target[:-1]} {value!r}"
        if target == "sources":
            if sources is None:
                rows = db.execute("SELECT id FROM records WHERE kind = 'sources' ORDER BY id")
                sources = ", ".join(rid for (rid,) in rows) or "none"
            message += f" (known: {sources})"
        yield file, line, col, message


def _duplicates(db, shown):
    """Every definition after the first, in reading order, names the first."""
    found: dict[tuple, list] = {}
    for kind, rid, file, line, col, file_kind in db.execute(_DUPLICATES):
        rank = (FILE_KINDS.index(file_kind), file, line, col)
        found.setdefault((kind, rid), []).append(rank)
    for (kind, rid), places in found.items():
        _, first_file, first_line, _ = min(places)
        for _, file, line, col in sorted(places)[1:]:
            yield (
                file,
                line,
                col,
                (
                    f"duplicate {kind[:-1]} id {rid!r} (first defined at {shown(first_file)}:{first_line})"
                ),
            )


def _other_source(db):
    for qid, quote_source, source, file, line, col in db.execute(_OTHER_SOURCE):
        yield file, line, col, f"quote {qid!r} is from source {quote_source!r}, not {source!r}"


def _names(db):
    """Two actors must not share a name or alias: it would make both unreachable by it."""
    owner: dict[str, str] = {}
    for key, actor, text, file, line, col in db.execute(_SHARED_NAMES):
        if owner.setdefault(key, actor) != actor:
            yield (
                file,
                line,
                col,
                f"{text!r} already names actor {owner[key]!r}; names must be unique",
            )
