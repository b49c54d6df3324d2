"""A cache of the validated knowledge base, so queries skip YAML parsing and validation.

Plain JSON (never pickle: loading it executes nothing), one file per knowledge base root
in the user's cache directory (XDG_CACHE_HOME). The first line is a header: the kpos
version, the fingerprint of every knowledge base file (size, mtime) and the sha256 of
the payload on the second line. Any edit to the knowledge base changes the fingerprint
and so rebuilds the cache; a damaged or foreign file is ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from korea_positions import __version__
from korea_positions.kb import KnowledgeBase
from korea_positions.kbfiles import fingerprint

FORMAT = 1


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kpos"


def cache_path(root: Path) -> Path:
    key = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()
    return cache_dir() / f"kb-{key[:24]}.json"


def _header(root: Path, payload_sha: str | None) -> dict:
    return {"format": FORMAT, "kpos": __version__, "root": str(root.resolve()),
            "files": fingerprint(root), "sha256": payload_sha}


def load(root: Path) -> KnowledgeBase | None:
    """The cached knowledge base if it is intact and its files are unchanged, else None."""
    try:
        raw = cache_path(root).read_bytes()
        head, _, payload = raw.partition(b"\n")
        header = json.loads(head)
        expected = _header(root, header.get("sha256"))
        if header != expected or hashlib.sha256(payload).hexdigest() != header["sha256"]:
            return None
        return KnowledgeBase.from_json(json.loads(payload))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def store(root: Path, kb: KnowledgeBase, files: list[list]) -> None:
    """Write the cache; `files` is the fingerprint taken before the knowledge base was
    read, so an edit made during the read makes the next run rebuild. Failures are
    ignored: the cache is an optimisation."""
    try:
        payload = json.dumps(kb.to_json(), ensure_ascii=False, separators=(",", ":")).encode()
        header = _header(root, hashlib.sha256(payload).hexdigest()) | {"files": files}
        path = cache_path(root)
        path.parent.mkdir(parents=True, exist_ok=True)
        from korea_positions.atomic import write_atomically

        write_atomically(path, json.dumps(header).encode() + b"\n" + payload)
    except (OSError, ValueError, TypeError):
        pass
