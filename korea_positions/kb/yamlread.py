"""Strict, safe YAML reading that remembers where every value came from.

A file is first bounded and checked as text (size, line length, characters YAML would
silently turn into line breaks), then read into plain data (dicts, lists, str, None) by
the quickest reader that gives exactly the careful read's result: rapidyaml for an
ordinary file (yamlrapid), else libyaml's events (yamlevents, which holds the careful
read and says why and where a file is refused).
"""

from __future__ import annotations

import re
import stat
from pathlib import Path
from typing import Any

from korea_positions.errors import Problem

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 40
# A valid line is far shorter: a text field holds at most 10,000 characters, 100,000 even
# if each were written as a \UXXXXXXXX escape.
MAX_LINE = 200_000
# Keys, items and texts in one file; about 60 bytes each at the size limit. Bounds the
# memory a file of `[a,a,a,...]` can claim (4 million values would take gigabytes).
MAX_VALUES = 250_000


# Characters YAML does not allow (C0 and C1 controls but tab and line breaks, DEL,
# U+FFFE/U+FFFF), plus three it allows but reads as line breaks: NEL (U+0085, which is
# often a mangled "..."), LINE and PARAGRAPH SEPARATOR. Those would silently become a
# space or a new line and shift every line number after them, so they are refused too;
# written as escapes inside double quotes they are fine.
_REFUSED_CHARS = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_LINE_BREAK = re.compile("\r\n|\r|\n")  # as libyaml counts lines, once the above are out


class YamlProblem(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


class Locator:
    """Maps a path into the data (as pydantic reports it) to a 1-based line and column.

    The fast read records only where each record's id is; `complete` re-reads the file
    for every other place, the first time one is asked for (that is, on an error)."""

    def __init__(
        self, marks: dict[tuple, tuple[int, int]], complete=None, provisional: bool = False
    ):
        self._marks = marks
        self._complete = complete
        # The data came from the rapid read: on any problem, re-read the file carefully.
        self.provisional = provisional

    def marks(self) -> dict[tuple, tuple[int, int]]:
        return self._marks

    def known(self) -> dict[tuple, tuple[int, int]]:
        """The places found so far (without reading the file again)."""
        return self._marks

    def find(self, path: tuple) -> tuple[int, int]:
        found = self._marks.get(path)  # the usual case: where a record's id is
        if found is not None:
            return found
        path = tuple(path)
        if path not in self._marks and self._complete is not None:
            self._marks, self._complete = self._complete(), None
        while path not in self._marks and path:
            path = path[:-1]
        return self._marks.get(path, (1, 1))


def read_yaml(path: Path, shown_as: str, rapid: bool = True) -> tuple[Any, Locator]:
    """Read one YAML file into plain data (dicts, lists, str, None) and its locator.

    With `rapid`, an ordinary file may be read by rapidyaml (see yamlrapid); the data is
    the same, but the locator is marked provisional and the caller must read the file
    again with rapid=False if it finds any problem in it."""

    fail = _failing(shown_as)
    raw = _read_bounded(path, fail)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        col = len(raw[line_start : exc.start].decode("utf-8", "replace")) + 1
        raise fail(f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})", line, col) from None
    _check_text(text, fail)
    data, marks = _careful_read(text, shown_as, fail)
    return data, Locator(marks)


def _careful_read(text: str, shown_as: str, fail) -> tuple[Any, dict]:
    """Data and the place of every value; raises YamlProblem at what is refused."""
    from korea_positions.kb import yamlevents

    return yamlevents.careful_read(text, shown_as, fail)


def _fast_read(text: str) -> tuple[Any, dict]:
    from korea_positions.kb import yamlevents

    return yamlevents.fast_read(text)


def file_locator(marks: dict, path: Path, shown_as: str) -> Locator:
    """A locator for a file read elsewhere: other places come from reading it carefully
    again, the first time one is asked for."""

    def text() -> str:
        return _read_bounded(path, _failing(shown_as)).decode("utf-8")

    return Locator(marks, complete=_careful_marks(text, shown_as))


def _careful_marks(text, shown_as: str):
    """What completes a locator: the place of every value, by the careful read of
    `text()`; none when that read refuses the file (the loader reads it again then)."""

    def complete() -> dict:
        fail = _failing(shown_as)
        try:
            return _careful_read(text(), shown_as, fail)[1]
        except (YamlProblem, UnicodeDecodeError):
            return {}

    return complete


def _failing(shown_as: str):
    def fail(message: str, line: int = 1, col: int = 1) -> YamlProblem:
        return YamlProblem(Problem(shown_as, line, col, message))

    return fail


def _read_bounded(path: Path, fail) -> bytes:
    """The file's bytes, never more than MAX_BYTES + 1 of them: a device such as
    /dev/zero reports size 0 and a file may grow after stat()."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise fail("not a regular file")
        if info.st_size > MAX_BYTES:
            raise fail(
                f"file is {info.st_size} bytes; files larger than {MAX_BYTES} bytes are refused"
            )
        with path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        raise fail(f"cannot read file: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise fail(f"file is larger than {MAX_BYTES} bytes; such files are refused")
    return raw


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index."""
    line_start = 0
    line = 1
    for line, match in enumerate(_LINE_BREAK.finditer(text, 0, index), 2):
        line_start = match.end()
    return line, index - line_start + 1


def _check_text(text: str, fail) -> None:
    """Refuse what is cheap to find before parsing: odd characters, overlong lines."""
    bad = _REFUSED_CHARS.search(text)
    if bad is not None:
        code = ord(bad.group())
        raise fail(
            f"character U+{code:04X} is not allowed in a YAML file; if it is meant, "
            f"write it as \\u{code:04x} inside double quotes",
            *_position(text, bad.start()),
        )
    if len(text) > MAX_LINE:
        start = 0
        for match in _LINE_BREAK.finditer(text + "\n"):
            if match.start() - start > MAX_LINE:
                line, _ = _position(text, start)
                raise fail(
                    f"line is {match.start() - start} characters long; lines longer "
                    f"than {MAX_LINE} characters are refused",
                    line,
                    1,
                )
            start = match.end()
