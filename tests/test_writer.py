"""The store's writer thread: rows arrive in the order asked, an error surfaces where the
loader waits for the writer, and a failure on the reading side stops the thread."""

from __future__ import annotations

import sqlite3
import sys
import threading

import pytest

from korea_positions.kb import store
from korea_positions.kb.records import rows_of
from korea_positions.kb.writer import BATCH, Writer


def rows(*ids: str):
    listed = [("steps", ("steps", i), {"id": rid, "label": rid, "by": [], "part_of": None})
              for i, rid in enumerate(ids)]  # fmt: skip
    return rows_of(listed, lambda at: (1, 1))


def put(writer: Writer, path: str, *ids: str) -> None:
    writer.put_file(path, "steps", (1, 2, 3, 4), "sha", 5, rows(*ids), [], [])


def stored(db) -> list[tuple[str, str]]:
    return list(db.execute("SELECT file, id FROM records ORDER BY rowid"))


def test_rows_are_stored_in_the_order_asked_across_batches():
    db = store.connect(":memory:")
    switch = sys.getswitchinterval()
    many = [f"step-{n}" for n in range(BATCH + 10)]  # more than one batch: a thread
    with store.transaction(db), Writer(db) as writer:
        put(writer, "a.yaml", "first", "second")
        writer.drop_file("a.yaml")
        put(writer, "a.yaml", "again")
        put(writer, "b.yaml", *many)
    assert stored(db) == [("a.yaml", "again"), *(("b.yaml", rid) for rid in many)]
    assert [path for (path,) in db.execute("SELECT path FROM files")] == ["a.yaml", "b.yaml"]
    refs = db.execute("SELECT COUNT(*) FROM refs").fetchone()[0]
    assert refs == 0  # steps with no `by` and no `part_of` refer to nothing
    assert sys.getswitchinterval() == switch  # the interpreter's as it was


def test_a_restamp_comes_after_the_rows_asked_before_it():
    db = store.connect(":memory:")
    with store.transaction(db), Writer(db) as writer:
        put(writer, "a.yaml", "one")
        writer.restamp("a.yaml", (9, 8, 7, 6), 42)
    assert store.stamps(db)["a.yaml"] == ("steps", 9, 8, 7, 6, "sha", 42)


def test_an_error_in_the_writer_is_raised_not_lost(tmp_path):
    path = tmp_path / "kb.sqlite3"
    store.connect(str(path)).close()
    read_only = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    with pytest.raises(sqlite3.OperationalError, match="readonly"), Writer(read_only) as writer:
        put(writer, "a.yaml", "one")
    writer.close()  # reported once; closing again is harmless


def test_an_error_in_the_writers_thread_is_raised_when_it_is_closed(tmp_path):
    path = tmp_path / "kb.sqlite3"
    db = store.connect(str(path))
    with store.transaction(db), Writer(db) as writer:
        put(writer, "a.yaml", "first")  # the shape of a step is known from now on
    read_only = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    writer = Writer(read_only)
    put(writer, "b.yaml", *(f"step-{n}" for n in range(BATCH + 1)))  # to the thread
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        writer.close()


def test_a_failure_while_reading_stops_the_writer_without_storing_what_was_pending():
    db = store.connect(":memory:")
    before = threading.active_count()
    many = [f"step-{n}" for n in range(BATCH + 1)]  # enough to start the writer's thread
    with pytest.raises(RuntimeError, match="reading failed"), Writer(db) as writer:
        put(writer, "a.yaml", *many)
        put(writer, "b.yaml", "pending")
        raise RuntimeError("reading failed")
    assert threading.active_count() == before
    assert "b.yaml" not in {file for file, _ in stored(db)}
