"""Where the knowledge base is: --data, KPOS_DATA, or the one bundled with kpos."""

from __future__ import annotations

from pathlib import Path

from korea_positions.errors import UsageError

_PACKAGE = Path(__file__).resolve().parent


def bundled_root() -> Path:
    # An installed wheel carries the knowledge base in the package; a source checkout
    # (or editable install) has it beside the package.
    shipped = _PACKAGE / "_kb"
    return shipped if (shipped / "data").is_dir() else _PACKAGE.parent


def resolve_root(given: str | None) -> Path:
    if not given:
        return bundled_root()
    root = Path(given).expanduser()
    try:
        return _checked(root, given)
    except OSError as exc:  # a name too long, a loop of links...
        raise UsageError(f"cannot use {given!r}: {exc.strerror or exc}", "--data") from None


def _checked(root: Path, given: str) -> Path:
    if not root.exists():
        raise UsageError(f"no such directory: {given}", "--data")
    if not root.is_dir():
        raise UsageError(f"not a directory: {given}", "--data")
    if not (root / "data").is_dir():
        raise UsageError(
            f"{given} is not a knowledge base: it has no data/ directory "
            "(expected data/actors.yaml, data/steps.yaml, data/sources/ and seeds/)",
            "--data",
        )
    return root
