"""Where a knowledge base is, and which files make it up; light enough for every query."""

from __future__ import annotations

import os
from pathlib import Path

from korea_positions.errors import UsageError

_PACKAGE = Path(__file__).resolve().parent.parent

# The kinds of file, in the order they are read and their records listed.
KINDS = ("source-card", "actors", "steps", "source-data")


def bundled_root() -> Path:
    """An installed wheel carries the knowledge base in the package; a source checkout
    (or editable install) has it beside the package."""
    shipped = _PACKAGE / "_kb"
    return shipped if (shipped / "data").is_dir() else _PACKAGE.parent


def resolve_root(given: str | None) -> Path:
    """The root named by --data (or KPOS_DATA), else the bundled one."""
    if not given:
        return bundled_root()
    root = Path(given).expanduser()
    try:
        if not root.exists():
            raise UsageError(f"no such directory: {given}", "--data")
        if not root.is_dir():
            raise UsageError(f"not a directory: {given}", "--data")
        if not (root / "data").is_dir():
            raise UsageError(
                f"{given} is not a knowledge base: it has no data/ directory (expected "
                "data/actors.yaml, data/steps.yaml, data/sources/ and seeds/)",
                "--data",
            )
    except OSError as exc:  # a name too long, a loop of links...
        raise UsageError(f"cannot use {given!r}: {exc.strerror or exc}", "--data") from None
    return root


def _yaml_names(directory: str) -> list[str]:
    try:
        with os.scandir(directory) as entries:
            return sorted(e.name for e in entries if e.name.endswith(".yaml"))
    except OSError:
        return []


def files_of(root: Path) -> list[tuple[str, str]]:
    """(kind, path relative to the root) of every file, in reading order."""
    base = str(root)
    cards = [("source-card", f"seeds/{n}") for n in _yaml_names(os.path.join(base, "seeds"))]
    data = [
        ("source-data", f"data/sources/{n}")
        for n in _yaml_names(os.path.join(base, "data", "sources"))
    ]
    return [*cards, ("actors", "data/actors.yaml"), ("steps", "data/steps.yaml"), *data]


def shown_path(path: Path | str) -> str:
    """The path as the user can open it: relative to the working directory when inside it."""
    try:
        absolute = os.path.abspath(path)
        cwd = os.getcwd().rstrip(os.sep)
        return absolute[len(cwd) + 1 :] if absolute.startswith(cwd + os.sep) else str(path)
    except (OSError, ValueError):
        return str(path)
