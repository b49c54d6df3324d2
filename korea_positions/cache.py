"""A cache of the validated knowledge base, so queries skip YAML parsing and validation.

Plain JSON (never pickle: loading it executes nothing), one file per knowledge base root
in the user's cache directory (XDG_CACHE_HOME). Line 1 is a header: the kpos version,
the fingerprint (size, mtime) of every knowledge base file, and the length and sha256 of
each part that follows (one per kind of record, plus indexes); a part is read, checked
and decoded only when a query first uses it. Any edit to the
knowledge base changes the fingerprint and so rebuilds the cache; a damaged or foreign
file is ignored.
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
from pathlib import Path

import orjson

from korea_positions import __version__
from korea_positions.kb import KINDS, KnowledgeBase
from korea_positions.kbfiles import fingerprint

FORMAT = 2
PARTS = (*KINDS, "origins", "actor_names", "spoken_for_by")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kpos"


def cache_path(root: Path) -> Path:
    key = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()
    return cache_dir() / f"kb-{key[:24]}.json"


def _header(root: Path, files: list[list] | None = None) -> dict:
    return {"format": FORMAT, "kpos": __version__, "root": str(root.resolve()),
            "files": fingerprint(root) if files is None else files}


def _encode(value) -> bytes:
    # orjson writes the 15 MB of a large knowledge base ten times faster than json,
    # and reads it back faster too.
    return orjson.dumps(value)


class Damaged(Exception):
    """A part of the cache does not match its checksum."""


def _decoder(view, start: int, length: int, digest: str):
    def decode():
        raw = bytes(view[start:start + length])
        if hashlib.sha256(raw).hexdigest() != digest:
            raise Damaged
        return orjson.loads(raw)
    return decode


def load(root: Path, rebuild) -> KnowledgeBase | None:
    """The cached knowledge base if its header is intact and the knowledge base files are
    unchanged, else None. Parts are read, checked and decoded only when first used (a
    query touches few of them); a damaged part makes the knowledge base call `rebuild`."""
    try:
        with open(cache_path(root), "rb") as handle:
            view = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        end = view.find(b"\n")
        header = json.loads(view[:end])
        parts = header.pop("parts")
        if header != _header(root) or list(parts) != list(PARTS):
            return None
        loaders, offset = {}, end + 1
        for kind, (length, digest) in parts.items():
            loaders[kind] = _decoder(view, offset, length, digest)
            offset += length
        if offset != len(view):
            return None
        return KnowledgeBase(loaders=loaders, rebuild=rebuild, damaged=Damaged)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def store(root: Path, kb: KnowledgeBase, files: list[list]) -> None:
    """Write the cache; `files` is the fingerprint taken before the knowledge base was
    read, so an edit made during the read makes the next run rebuild. Failures are
    ignored: the cache is an optimisation."""
    try:
        from korea_positions.names import actor_resolver

        values = {kind: getattr(kb, kind) for kind in (*KINDS, "origins")}
        actor_resolver(kb)  # makes sure the index is built
        values["actor_names"] = kb.actor_names
        values["spoken_for_by"] = kb.spoken_for_by
        parts = {kind: _encode(value) for kind, value in values.items()}
        header = _header(root, files) | {"parts": {
            kind: [len(raw), hashlib.sha256(raw).hexdigest()] for kind, raw in parts.items()}}
        path = cache_path(root)
        path.parent.mkdir(parents=True, exist_ok=True)
        from korea_positions.atomic import write_atomically

        write_atomically(path, b"".join([json.dumps(header).encode(), b"\n", *parts.values()]),
                         durable=False)
    except (OSError, ValueError, TypeError):
        pass
