"""The cache: one store (kb.store) per knowledge base root, in the user's cache
directory, so a query reads validated records instead of parsing YAML.

A cache that cannot be opened, is damaged or was written by another version of kpos is
deleted and built afresh; one that cannot be written at all gives way to a store in
memory. It is never trusted over the files: each file's stamp or hash is checked on
every load (kb.loader).
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from korea_positions.kb import store
from korea_positions.kb.knowledge import KnowledgeBase
from korea_positions.kb.loader import load


def cache_dir() -> Path:
    # XDG_CACHE_HOME on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows.
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("kpos", appauthor=False))


def cache_path(root: Path, directory: Path | None = None) -> Path:
    key = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()
    return (directory or cache_dir()) / f"kb-{key[:24]}.sqlite3"


def load_cached(root: Path, directory: Path | None = None) -> KnowledgeBase:
    """The knowledge base at `root`, through its cache."""
    path = cache_path(root, directory)
    for _attempt in range(2):
        try:
            db = _open(path)
        except (sqlite3.Error, store.ForeignStore, OSError):
            remove(path)
            continue
        try:
            return load(root, db)
        except sqlite3.DatabaseError:  # damaged under our feet: start again
            db.close()
            remove(path)
    return load(root, store.connect(":memory:"))


def load_uncached(root: Path) -> KnowledgeBase:
    """The knowledge base at `root`, every file read afresh (`--no-cache`)."""
    return load(root, store.connect(":memory:"))


def clear(directory: Path | None = None) -> list[Path]:
    """Delete every cache (with its write-ahead log); the caches deleted."""
    directory = directory or cache_dir()
    removed = []
    for path in sorted(directory.glob("kb-*.sqlite3")):
        remove(path)
        removed.append(path)
    return removed


def _open(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    return store.connect(str(path))


def remove(path: Path) -> None:
    for name in (path, *(Path(f"{path}-{end}") for end in ("journal", "wal", "shm"))):
        try:
            name.unlink()
        except OSError:
            pass
