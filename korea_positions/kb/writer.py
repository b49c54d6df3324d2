"""Writing files' rows into the store on a second thread, while the loader reads on.

Reading a file is Python work; storing its rows is SQLite's, and SQLite lets go of the
GIL while a statement runs, so the two can share two cores. Rows are sent in batches,
each as one JSON text that a single `INSERT ... SELECT ... FROM json_each(?)` spreads
into rows: one statement per batch, because a thread that gave the GIL back for every
row would wait up to the interpreter's switch interval to get it back, every row.

Everything the writer does runs in the order it was asked, on the one connection; the
caller does not use the connection until `close()` has waited for the writer. Until the
first batch fills, there is no thread: the caller writes the little there is itself, row
by row.
"""

from __future__ import annotations

import json
import queue
import sqlite3
import sys
import threading

BATCH = 2000  # rows: big enough that hand-overs are rare, small enough to keep memory flat
# While the thread runs, the interpreter offers it the GIL every millisecond, not every
# five: the thread needs the GIL for a moment before and after each statement.
SWITCH = 0.001
QUEUED = 64  # batches waiting at most: the reader need not wait for the writer

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


def _spread(table: str, columns: int) -> str:
    values = ", ".join(f"json_extract(value, '$[{i}]')" for i in range(columns))
    return f"INSERT INTO {table} SELECT {values} FROM json_each(?)"


_INSERTS = {
    "files": _spread("files", 10),
    "records": _spread("records", 8),
    "refs": _spread("refs", 8),
    "names": _spread("names", 8),
}


class Writer:
    """Stores, drops and re-stamps files in the order asked. Its thread starts with the
    first full batch; until then (an edit of a few files) the caller writes, since it
    would only wait for the thread to do it."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self._rows: dict[str, list] = {table: [] for table in _INSERTS}
        self._pending = 0
        self._queue: queue.Queue = queue.Queue(maxsize=QUEUED)
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        self._switch = 0.0
        self._closed = False
        # The names of a record's fields are kept once per shape (a few per kind): here,
        # each shape's number, by its names.
        self._shapes = {tuple(json.loads(names)): number
                        for number, names in db.execute("SELECT id, fields FROM shapes")}  # fmt: skip

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is not None:  # what is pending would be rolled back: only stop the thread
            self._rows = {table: [] for table in _INSERTS}
        self.close()

    def put_file(self, path: str, kind: str, stamp: tuple, sha256: str, now_ns: int, rows,
                 problems: list, broken: list) -> None:  # fmt: skip
        """Store one file (a new one, or one dropped before) and the rows it gave."""
        add = self._rows
        add["files"].append((path, kind, *stamp, sha256, now_ns, _encode(problems),
                             _encode(broken)))  # fmt: skip
        if rows is not None:
            shape = self._shape
            add["records"] += [(k, i, path, seq, index, source, shape(record), list(record.values()))
                               for k, i, seq, index, source, record in rows.records]  # fmt: skip
            add["refs"] += [(*ref[:5], path, *ref[5:]) for ref in rows.refs]
            add["names"] += [(key, actor, path, *rest) for key, actor, *rest in rows.names]
            self._pending += len(rows.records) + len(rows.refs) + len(rows.names)
        if self._pending >= BATCH:
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="kpos-store", daemon=True)
                self._switch = sys.getswitchinterval()
                sys.setswitchinterval(SWITCH)
                self._thread.start()
            self._flush()

    def drop_file(self, path: str) -> None:
        """Forget a file and every row it gave."""
        for table in ("records", "refs", "names"):
            self._run(f"DELETE FROM {table} WHERE file = ?", (path,))
        self._run("DELETE FROM files WHERE path = ?", (path,))

    def restamp(self, path: str, stamp: tuple, now_ns: int) -> None:
        """A file touched but not changed: its new stamp, and when it was taken."""
        self._run(
            "UPDATE files SET size = ?, mtime_ns = ?, ctime_ns = ?, inode = ?, stamped_ns = ? "
            "WHERE path = ?",
            (*stamp, now_ns, path),
        )

    def _shape(self, record: dict) -> int:
        names = tuple(record)
        number = self._shapes.get(names)
        if number is None:
            number = self._shapes[names] = len(self._shapes) + 1
            self._do(("INSERT INTO shapes VALUES (?, ?)", (number, _encode(names))))
        return number

    def close(self) -> None:
        """Write what is pending and wait until everything asked is done; raise what went
        wrong, if anything did."""
        if not self._closed:
            self._closed = True
            try:
                self._flush()
            finally:
                if self._thread is not None:
                    self._queue.put(None)
                    self._thread.join()
                    sys.setswitchinterval(self._switch)
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def _run(self, sql: str, args: tuple) -> None:
        self._flush()
        self._do((sql, args))

    def _flush(self) -> None:
        for table, rows in self._rows.items():
            if not rows:
                continue
            self._rows[table] = []
            if self._thread is not None:
                self._queue.put((_INSERTS[table], (_encode(rows),)))
            else:  # row by row is quicker for a few rows, and the GIL is the caller's anyway
                if table == "records":
                    rows = [(*row[:-1], _encode(row[-1])) for row in rows]
                marks = ", ".join("?" * len(rows[0]))
                self.db.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        self._pending = 0

    def _do(self, task: tuple) -> None:
        if self._thread is None:
            self.db.execute(*task)
        else:
            self._queue.put(task)

    def _work(self) -> None:
        while (task := self._queue.get()) is not None:
            if self._error is None:  # after an error, drain the queue without writing
                try:
                    self.db.execute(*task)
                except BaseException as exc:
                    self._error = exc
