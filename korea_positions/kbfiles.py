"""The files that make up a knowledge base root; light enough for the start-up path."""

from __future__ import annotations

import os
from pathlib import Path


def _yaml_files(directory: Path) -> list[Path]:
    try:
        with os.scandir(directory) as entries:
            return sorted(Path(e.path) for e in entries if e.name.endswith(".yaml"))
    except OSError:
        return []


def files_of(root: Path) -> dict[str, list[Path]]:
    """The files of a knowledge base, by the kind of file they hold."""
    data = root / "data"
    return {
        "source-card": _yaml_files(root / "seeds"),
        "actors": [data / "actors.yaml"],
        "steps": [data / "steps.yaml"],
        "source-data": _yaml_files(data / "sources"),
    }


def fingerprint(root: Path) -> list[list]:
    """Path, size and modification time of every file: any edit changes it. Runs on every
    query, so it stays with plain strings and os.scandir (no Path objects per file)."""
    result = []
    base = str(root)
    for folder in ("seeds", os.path.join("data", "sources")):
        try:
            with os.scandir(os.path.join(base, folder)) as entries:
                found = sorted((e.name, e) for e in entries if e.name.endswith(".yaml"))
        except OSError:
            found = []
        for name, entry in found:
            result.append(_stamp(os.path.join(folder, name), entry.stat))
    for name in (os.path.join("data", "actors.yaml"), os.path.join("data", "steps.yaml")):
        result.append(_stamp(name, lambda n=name: os.stat(os.path.join(base, n))))
    return result


def _stamp(relative: str, stat) -> list:
    try:
        info = stat()
        return [relative, info.st_size, info.st_mtime_ns]
    except OSError:
        return [relative, -1, -1]
