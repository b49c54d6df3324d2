"""Bring a store up to date with a knowledge base root, then check it.

Each file is re-read only when it changed: its (size, mtime_ns, ctime_ns, inode) stand
in for its content unless it was modified in the same second as its row was written
(git's rule for racy entries), when its sha256 decides. A changed file is read, validated
and stored with its own problems; then the checks across files run on the assembled
records, whenever any file changed. Every problem, of any file, is reported together as
FILE:LINE:COL.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from korea_positions.errors import InvalidKnowledgeBase, Problem
from korea_positions.kb import checks, store
from korea_positions.kb.files import Refused, files_of, read_bounded, shown_path
from korea_positions.kb.knowledge import KnowledgeBase
from korea_positions.kb.places import Places
from korea_positions.kb.writer import Writer

_SECOND = 1_000_000_000


def load(root: Path, db) -> KnowledgeBase:
    """The knowledge base at `root`, through the store `db`; raises InvalidKnowledgeBase
    listing every problem."""
    listing = files_of(root)
    known = store.stamps(db)
    base = str(root)  # plain strings: this runs for every file on every query
    stale = [(kind, path, stamp) for kind, path in listing
             if (stamp := _stamp(f"{base}/{path}")) is None or _stale(kind, stamp, known.get(path))]  # fmt: skip
    gone = set(known) - {path for _, path in listing}
    if stale or gone or store.get_meta(db, "checked") is None:
        with store.transaction(db):
            _refresh(root, db, stale, gone, known)
    problems, _ = store.file_problems(db)
    found = [*problems, *checks.findings(db, shown=lambda file: shown_path(root / file))]
    if found:
        raise InvalidKnowledgeBase(
            [
                Problem(shown_path(root / file), line, col, message)
                for file, line, col, message in found
            ]  # fmt: skip
        )
    return KnowledgeBase(db, root)


def _refresh(root: Path, db, stale: list, gone: set, known: dict) -> None:
    """Store what changed, then check again what the change can affect."""
    scope = checks.Scope(set(gone), set())
    # What each file held before, read now: the writer has the connection from here on.
    held = {path: store.defined(db, path) | store.broken_in(db, path)
            for path in {*gone, *(path for _, path, _ in stale if path in known)}}  # fmt: skip
    with Writer(db) as writer:
        for path in gone:
            scope.ids.update(held[path])
            writer.drop_file(path)
        for kind, path, stamp in stale:
            now = time.time_ns()
            raw = _read(f"{root}/{path}")
            digest = hashlib.sha256(raw).hexdigest() if raw is not None else ""
            row = known.get(path)
            if raw is not None and row is not None and row[0] == kind and row[5] == digest:
                # Touched, not changed. A new stamp in the file's own second would still be
                # racy, so it is written only once it can spare the next query the hash.
                if stamp[1] // _SECOND < now // _SECOND:
                    writer.restamp(path, stamp, now)
                continue
            from korea_positions.kb.reading import read_file  # pydantic and YAML: only here

            scope.files.add(path)
            if row is not None:  # what it defined before
                scope.ids.update(held[path])
                writer.drop_file(path)
            rows, problems, broken = read_file(kind, root / path, shown_path(root / path), raw)
            writer.put_file(path, kind, stamp or (-1, -1, -1, -1), digest, now, rows,
                            problems, broken)  # fmt: skip
            scope.ids.update(tuple(b.split(":", 1)) for b in broken)
            if rows is not None:
                scope.ids.update((r[0], r[1]) for r in rows.records)
    first = store.get_meta(db, "checked") is None
    if scope.files or first:
        _, broken = store.file_problems(db)
        checks.check(db, broken, None if first else scope, Places(root).find)
        store.set_meta(db, "checked", "1")


def _stamp(path: str) -> tuple[int, int, int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


def _stale(kind: str, stamp: tuple, row: tuple | None) -> bool:
    """Whether the file must be looked at again: new, of another kind, stamped otherwise,
    or modified no earlier than the second its row was written (racy)."""
    if row is None or row[0] != kind or row[1:5] != stamp:
        return True
    return stamp[1] // _SECOND >= row[6] // _SECOND


def _read(path: str) -> bytes | None:
    """The file's bytes; None if it cannot be read (reading it again says why)."""
    try:
        return read_bounded(path)
    except Refused:
        return None
