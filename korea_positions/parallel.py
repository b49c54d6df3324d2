"""Read a large knowledge base's files in two processes at once.

A forked child reads about half of the files (by size) while this process reads the
rest; the child sends back, as JSON, what it read of each file that has no problem of
its own. Anything that goes wrong in the child only means its files are read here
afterwards: the result never depends on it.

Fork, not a pool: the child starts with every module already imported (pydantic's
schemas take ~0.1 s to build) and costs a few milliseconds; there is no fork on
Windows, where the files are read in one process.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

import orjson

# Below this many bytes of YAML one process is quicker than starting a second.
PARALLEL_FROM = 2_000_000
# The child also writes its results out as JSON and this process reads them back in:
# give it a little less to read.
_CHILD_SHARE = 0.45

Job = tuple[str, Path]


def read_clean(files: list[Job], read_one: Callable[[str, Path], Any],
               encode: Callable[[Any], Any], decode: Callable[[Any, str, Path], Any],
               parallel_from: int | None) -> dict[int, Any]:
    """Index in `files` -> read_one(kind, path) for each file read without problems.

    With fewer than `parallel_from` bytes in all (or None, or one CPU, or no fork),
    nothing is read here and {} is returned: the caller reads every file in order."""
    sizes = [_size(path) for _, path in files]
    if parallel_from is None or sum(sizes) < parallel_from or not _can_fork():
        return {}
    mine, theirs = _split(sizes)
    try:
        reader_fd, writer_fd = os.pipe()
    except OSError:
        return {}
    try:
        pid = os.fork()
    except OSError:  # out of processes or memory: read everything here
        os.close(reader_fd)
        os.close(writer_fd)
        return {}
    if pid == 0:  # the child
        os.close(reader_fd)
        _child(writer_fd, [(n, *files[n]) for n in theirs], read_one, encode)
    os.close(writer_fd)
    results: dict[int, Any] = {}
    reader = os.fdopen(reader_fd, "rb")
    try:
        for n in mine:
            got = read_one(*files[n])
            if got is not None:
                results[n] = got
        payload = reader.read()
    finally:
        reader.close()  # a child still writing gets EPIPE and exits
        _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return results
    try:
        for n, encoded in orjson.loads(payload):
            if encoded is not None:
                results[n] = decode(encoded, *files[n])
    except (ValueError, TypeError, KeyError, IndexError):  # orjson's errors are both
        pass  # a damaged reply: those files are read in order instead
    return results


def _child(writer_fd: int, jobs: list, read_one, encode) -> None:
    """Read the jobs, write [[index, encoded or null], ...] and exit without running any
    of the parent's exit handlers or flushing its output buffers."""
    code = 1
    try:
        replies = []
        for n, kind, path in jobs:
            got = read_one(kind, path)
            replies.append([n, None if got is None else encode(got)])
        payload = orjson.dumps(replies)
        with os.fdopen(writer_fd, "wb") as writer:
            writer.write(payload)
        code = 0
    except BaseException:  # noqa: BLE001 - whatever it was, the parent reads these files
        pass
    finally:
        os._exit(code)


def _split(sizes: list[int]) -> tuple[list[int], list[int]]:
    """Indexes for this process and for the child, largest files first, balanced by size."""
    mine, theirs = [], []
    load_mine = load_theirs = 0.0
    for n in sorted(range(len(sizes)), key=lambda i: -sizes[i]):
        if load_theirs / _CHILD_SHARE <= load_mine / (1 - _CHILD_SHARE):
            theirs.append(n)
            load_theirs += sizes[n]
        else:
            mine.append(n)
            load_mine += sizes[n]
    return sorted(mine), sorted(theirs)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _can_fork() -> bool:
    if not hasattr(os, "fork"):
        return False
    try:
        return len(os.sched_getaffinity(0)) > 1
    except AttributeError:  # macOS has no sched_getaffinity
        return (os.cpu_count() or 1) > 1
