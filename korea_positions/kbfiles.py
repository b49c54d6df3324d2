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
    """Path, size and modification time of every file: any edit changes it."""
    result = []
    for paths in files_of(root).values():
        for path in paths:
            try:
                info = path.stat()
                result.append([str(path.relative_to(root)), info.st_size, info.st_mtime_ns])
            except OSError:
                result.append([str(path.relative_to(root)), -1, -1])
    return result
