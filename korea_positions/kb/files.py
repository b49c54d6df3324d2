"""Where a knowledge base is, and which files make it up; light enough for every query."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import NamedTuple

from korea_positions.errors import UsageError

MAX_BYTES = 8 * 1024 * 1024  # no knowledge base file is read past this size


class Refused(Exception):
    """A file that is not read: the message says why."""


def read_bounded(path: Path | str) -> bytes:
    """The bytes of a regular file, never more than MAX_BYTES + 1 of them: a device such as
    /dev/zero reports size 0 and a file may grow after stat(). Raises Refused."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise Refused("not a regular file")
        if info.st_size > MAX_BYTES:
            raise Refused(
                f"file is {info.st_size} bytes; files larger than {MAX_BYTES} bytes are refused"
            )
        with open(path, "rb") as stream:
            # Asked for its size and one byte more, not for MAX_BYTES: a buffer that large
            # would be allocated and given back for every file.
            raw = stream.read(info.st_size + 1)
            if len(raw) > info.st_size:  # it grew since
                raw += stream.read(MAX_BYTES + 1 - len(raw))
    except OSError as exc:
        raise Refused(f"cannot read file: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise Refused(f"file is larger than {MAX_BYTES} bytes; such files are refused")
    return raw


_PACKAGE = Path(__file__).resolve().parent.parent

# The kinds of file, in the order they are read and their records listed.
KINDS = ("source-card", "actors", "steps", "source-data")


def bundled_root() -> Path:
    """An installed wheel carries the knowledge base in the package; a source checkout
    (or editable install) has it beside the package."""
    shipped = _PACKAGE / "_kb"
    return shipped if (shipped / "data").is_dir() else _PACKAGE.parent


class Root(NamedTuple):
    """A knowledge base root and how it was chosen: `--data`, `KPOS_DATA`, `found` (the
    nearest root from the working directory upward) or `bundled`."""

    path: Path
    origin: str

    @property
    def bundled(self) -> bool:
        """The copy shipped with kpos (not to be written to): chosen as the fallback, or
        named but lying inside the installed package."""
        if self.origin == "bundled":
            return True
        try:
            return self.path.resolve() == (_PACKAGE / "_kb").resolve()
        except OSError:
            return False

    def describe(self) -> str:
        """`/home/me/kb (--data)`, `/repo (found from the current directory)`..."""
        how = {"found": "found from the current directory", "bundled": "the bundled one"}
        return f"{os.path.abspath(self.path)} ({how.get(self.origin, self.origin)})"


def is_root(directory: Path) -> bool:
    """Whether a directory holds a knowledge base: data/actors.yaml and seeds/."""
    try:
        return (directory / "data" / "actors.yaml").is_file() and (directory / "seeds").is_dir()
    except OSError:
        return False


def find_root(given: str | None, variable: str | None = None, cwd: Path | None = None) -> Root:
    """The root a command reads: `--data` (`given`), else `KPOS_DATA` (`variable`), else
    the nearest directory from `cwd` upward holding a knowledge base, as git finds its
    repository, else the bundled one."""
    if given:
        return Root(_checked(given, "--data"), "--data")
    if variable:
        return Root(_checked(variable, "KPOS_DATA"), "KPOS_DATA")
    try:
        start = (cwd or Path.cwd()).absolute()
    except OSError:  # the working directory was deleted
        return Root(bundled_root(), "bundled")
    for directory in (start, *start.parents):
        if is_root(directory):
            return Root(directory, "found")
    return Root(bundled_root(), "bundled")


def _checked(given: str, hint: str) -> Path:
    root = Path(given).expanduser()
    try:
        if not root.exists():
            raise UsageError(f"no such directory: {given}", hint)
        if not root.is_dir():
            raise UsageError(f"not a directory: {given}", hint)
        if not (root / "data").is_dir():
            raise UsageError(
                f"{given} is not a knowledge base: it has no data/ directory (expected "
                "data/actors.yaml, data/steps.yaml, data/sources/ and seeds/; "
                "`kpos init DIR` makes one)",
                hint,
            )
    except OSError as exc:  # a name too long, a loop of links...
        raise UsageError(f"cannot use {given!r}: {exc.strerror or exc}", hint) from None
    return root


def texts_dir(root: Path, given: str | None, variable: str | None = None) -> tuple[Path, str]:
    """Where the source texts are, and which setting said so: `--texts` (`given`), else
    `KPOS_TEXTS` (`variable`), else the root's texts/ (which may not exist)."""
    if given:
        return _directory(given, "--texts"), "--texts"
    if variable:
        return _directory(variable, "KPOS_TEXTS"), "KPOS_TEXTS"
    return root / "texts", "the knowledge base's texts/"


def _directory(given: str, hint: str) -> Path:
    directory = Path(given).expanduser()
    try:
        if not directory.is_dir():
            raise UsageError(f"no such directory: {given}", hint)
    except OSError as exc:
        raise UsageError(f"cannot use {given!r}: {exc.strerror or exc}", hint) from None
    return directory


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
