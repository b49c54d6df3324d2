"""The store: a knowledge base's files, read and validated, in one SQLite database.

One row per file (its path, the stamp and sha256 it had when read, its own problems),
and the rows each file gave (kb.records, written by kb.writer): its records (their values
as a JSON array, the names of their fields kept once per shape), the references they make
and the names of its actors, each with where its file holds it (kb.records.path). The cache is such a
database on disk; `--no-cache` builds the same in memory, so queries have one path.
"""

from __future__ import annotations

import json
import sqlite3

from korea_positions import __version__

FORMAT = 11  # bumped whenever the tables, the stored records or the messages change

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
  path TEXT PRIMARY KEY, kind TEXT NOT NULL, size INTEGER, mtime_ns INTEGER,
  ctime_ns INTEGER, inode INTEGER, sha256 TEXT NOT NULL, stamped_ns INTEGER NOT NULL,
  problems TEXT NOT NULL, broken TEXT NOT NULL);
CREATE TABLE records (
  kind TEXT NOT NULL, id TEXT NOT NULL, file TEXT NOT NULL, seq INTEGER NOT NULL,
  idx INTEGER NOT NULL, source TEXT, shape INTEGER NOT NULL, body TEXT NOT NULL);
CREATE TABLE shapes (id INTEGER PRIMARY KEY, fields TEXT NOT NULL);
CREATE TABLE refs (
  kind TEXT NOT NULL, id TEXT NOT NULL, field TEXT NOT NULL, target TEXT NOT NULL,
  value TEXT NOT NULL, file TEXT NOT NULL, idx INTEGER NOT NULL, item INTEGER NOT NULL);
CREATE TABLE names (
  key TEXT NOT NULL, actor TEXT NOT NULL, file TEXT NOT NULL, idx INTEGER NOT NULL,
  field TEXT NOT NULL, item INTEGER NOT NULL, text TEXT NOT NULL, surname INTEGER NOT NULL);
CREATE TABLE findings (
  file TEXT NOT NULL, line INTEGER NOT NULL, col INTEGER NOT NULL, message TEXT NOT NULL,
  kind TEXT NOT NULL, id TEXT NOT NULL, first_file TEXT, first_line INTEGER);
"""
# Made with the tables, and kept up to date as rows come: the writer's thread does that
# work while the loader reads on (kb.writer). refs_by_target holds every column the
# filters and speaker chains of a query read (KnowledgeBase.where): they never visit refs.
INDEXES = """
CREATE INDEX records_by_kind ON records (kind, file, seq);
CREATE INDEX records_by_id ON records (kind, id);
CREATE INDEX records_by_file ON records (file);
CREATE INDEX refs_by_file ON refs (file);
CREATE INDEX refs_by_target ON refs (target, value, kind, field, id);
CREATE INDEX names_by_key ON names (key, surname);
CREATE INDEX names_by_file ON names (file);
CREATE INDEX findings_by_file ON findings (file);
CREATE INDEX findings_by_id ON findings (kind, id);
"""


class ForeignStore(Exception):
    """The database is not a store of this version of kpos."""


def connect(location: str) -> sqlite3.Connection:
    """Open (creating when empty) a store; raise ForeignStore for any other database."""
    # Its writes run on a second thread (kb.writer), one thread at a time.
    db = sqlite3.connect(location, timeout=5, isolation_level=None, check_same_thread=False)
    try:
        # A cache need not wait for the disk: should the machine stop mid-write and leave
        # it damaged, it is deleted and built again (kb.cache).
        db.execute("PRAGMA synchronous = OFF")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version == 0 and not db.execute("SELECT 1 FROM sqlite_master").fetchone():
            with transaction(db):
                for statement in (SCHEMA + INDEXES).split(";")[:-1]:
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {FORMAT}")
                db.execute("INSERT INTO meta VALUES ('kpos', ?)", (__version__,))
        elif version != FORMAT or get_meta(db, "kpos") != __version__:
            raise ForeignStore(f"format {version}")
    except BaseException:
        db.close()
        raise
    return db


class transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on error: one writer at a time."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, kind, value, traceback):
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


def get_meta(db: sqlite3.Connection, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(db: sqlite3.Connection, key: str, value: str | None) -> None:
    if value is None:
        db.execute("DELETE FROM meta WHERE key = ?", (key,))
    else:
        db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))


def stamps(db: sqlite3.Connection) -> dict[str, tuple]:
    """path -> (kind, size, mtime_ns, ctime_ns, inode, sha256, stamped_ns) of every file."""
    return {
        row[0]: row[1:]
        for row in db.execute(
            "SELECT path, kind, size, mtime_ns, ctime_ns, inode, sha256, stamped_ns FROM files"
        )
    }


def defined(db: sqlite3.Connection, path: str) -> set[tuple[str, str]]:
    """(kind, id) of every record a file defines in the store."""
    return set(db.execute("SELECT kind, id FROM records WHERE file = ?", (path,)))


def broken_in(db: sqlite3.Connection, path: str) -> set[tuple[str, str]]:
    """(kind, id) of the records a file held that could not be read ("*" for all)."""
    row = db.execute("SELECT broken FROM files WHERE path = ?", (path,)).fetchone()
    return {tuple(b.split(":", 1)) for b in json.loads(row[0])} if row else set()


def file_problems(db: sqlite3.Connection) -> tuple[list[tuple], set[str]]:
    """(path, line, col, message) of each file's own problems, and the "kind:id" of the
    records that could not be read (references to them are not reported again)."""
    problems, broken = [], set()
    rows = db.execute(  # the usual case, no problem anywhere, decodes nothing
        "SELECT path, problems, broken FROM files WHERE problems != '[]' OR broken != '[]'"
    )
    for path, found, lost in rows:
        problems += [(path, *p) for p in json.loads(found)]
        broken.update(json.loads(lost))
    return problems, broken
