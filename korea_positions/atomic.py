"""Atomic file writing: readers see the old file or the whole new one, never a part.

A new file gets the usual permissions (0666 less the umask); a replaced one keeps its
mode. What cannot be written (a directory where a file is wanted, a full disk, no
permission) is a CannotWrite error naming the path.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from korea_positions.errors import CannotWrite


def new_file_mode() -> int:
    """0666 less the process's umask, as open() would create a file."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _mode(path: Path) -> int:
    try:
        found = path.stat()
    except FileNotFoundError:
        return new_file_mode()
    if stat.S_ISDIR(found.st_mode):
        raise CannotWrite(f"cannot write {path}: it is a directory, not a file")
    return stat.S_IMODE(found.st_mode) if stat.S_ISREG(found.st_mode) else new_file_mode()


@contextmanager
def replacement(path: Path) -> Iterator[Path]:
    """A temporary file beside `path`, with the mode `path` is to have, to fill in the
    block; moved over `path` when the block ends, removed if it fails."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    mode = _mode(path)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
        os.close(handle)
    except OSError as exc:
        raise CannotWrite(f"cannot write {path}: {exc.strerror or exc}") from None
    temporary = Path(name)
    try:
        os.chmod(temporary, mode)
        yield temporary
        os.replace(temporary, path)
    except BaseException as exc:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise CannotWrite(f"cannot write {path}: {exc.strerror or exc}") from None
        raise


def write_atomically(path: Path, data: bytes, durable: bool = True) -> None:
    """`durable` waits until the data is on disk before the rename (an export should
    survive a power cut); a cache need not, since it checks itself when read."""
    with replacement(path) as temporary, open(temporary, "wb") as out:
        out.write(data)
        out.flush()
        if durable:
            os.fsync(out.fileno())


def directory_for(path: Path) -> Path:
    """`path` as a directory to write files into, made if missing."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise CannotWrite(f"cannot write {path}: it is a file, not a directory")
    try:
        path.mkdir(exist_ok=True)
    except OSError as exc:
        raise CannotWrite(f"cannot write {path}: {exc.strerror or exc}") from None
    return path
