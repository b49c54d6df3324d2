"""The fastest read of an ordinary YAML file: rapidyaml (C++) parses it and writes JSON,
which Python's C json module turns into plain data, about four times faster than
building the same data from libyaml's events in Python.

It is only ever a shortcut to what the careful read (yamlread) would give, so it declines
(returns None) wherever the two could differ:

- rapidyaml follows YAML 1.2: it reads `~`, `Null` and `NULL` as text, keeps an alias
  `*x` as text, drops tags and accepts `@` and a backquote at the start of a value;
  any file with those characters where a value could begin goes the careful way;
- its JSON writes `123` or `1.5` as numbers: a number ends the shortcut (every scalar
  must stay the text written), while `true`/`false` can only ever fill the boolean
  fields, where pydantic reads the text and the boolean alike;
- duplicate keys, a second document, tabs, lone carriage returns and more values than
  the careful read allows all decline;
- and the caller re-reads a file carefully whenever the data it got here shows any
  problem, so every message comes from the careful read, with its lines and columns.

Where each record's `id` key is (the loader's only need from a valid file) is found by
scanning the text for `id:` lines and checking them against the data; when they do not
line up, every place is found by the careful read, on first need.
"""

from __future__ import annotations

import json
import os
import re
from contextlib import contextmanager
from typing import Any

try:
    import ryml
except ImportError:  # an install without it still works, at libyaml's speed
    ryml = None

# Characters that change the meaning of a value when it begins with them: anchors,
# aliases, tags, reserved indicators, directives and YAML 1.1's null.
# (The plain character class is searched first: it is many times faster.)
_ODD_CHAR = re.compile(r"[&*!@`%~]")
_VALUE_START = re.compile(r"(?:^|(?<=[\s\[{,]))[&*!@`%~]", re.M)
_NULL_WORD = re.compile(r"\b(?:Null|NULL)\b")
_ID_KEY = re.compile(r"id: *([^\n]*)")


def available() -> bool:
    return ryml is not None


def rapid_read(text: str, max_values: int) -> tuple[Any, dict] | None:
    """(data, marks of each record's id) for an ordinary file, or None to decline."""
    if ryml is None or not _looks_ordinary(text):
        return None
    raw = text.encode("utf-8")
    try:
        with _stderr_silenced():  # rapidyaml prints its errors too; ours come later
            tree = ryml.parse_in_arena(raw)
            if 2 * tree.size() > max_values:  # the careful read counts a key and its value
                return None
            node = tree.root_id()
            if tree.is_stream(node):
                if tree.num_children(node) != 1:
                    return None
                node = tree.first_child(node)
            written = ryml.emit_json_malloc(tree, node)
        if not isinstance(written, str):  # an empty document writes nothing
            return None
        data = json.loads(written, object_pairs_hook=_no_duplicates, parse_int=_decline,
                          parse_float=_decline, parse_constant=_decline)
    except (ryml.ExceptionBasic, ValueError, RecursionError, MemoryError):
        return None
    if not isinstance(data, dict):
        return None
    return data, _id_marks(text, data)


def _looks_ordinary(text: str) -> bool:
    if "\t" in text or "<<" in text:
        return False
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        return False
    if _ODD_CHAR.search(text) is not None and _VALUE_START.search(text) is not None:
        return False
    return not (("Null" in text or "NULL" in text) and _NULL_WORD.search(text))


class _Declined(ValueError):
    pass


def _decline(_text: str):
    raise _Declined


def _no_duplicates(pairs: list) -> dict:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        raise _Declined
    return mapping


def _id_marks(text: str, data: dict) -> dict[tuple, tuple[int, int]]:
    """Line and column of the `id` key of the file's record (top level) and of each record
    in its top-level lists, as the careful read would give them; {} when the `id:` lines
    of the text cannot be matched one to one with the records."""
    expected: list[tuple[tuple, str]] = []
    for key, value in data.items():
        if key == "id":
            expected.append((("id",), value))
        elif isinstance(value, list):
            expected.extend(((key, i, "id"), item["id"]) for i, item in enumerate(value)
                            if isinstance(item, dict) and "id" in item)
    marks: dict[tuple, tuple[int, int]] = {}
    line, counted = 1, 0
    keys = _id_keys(text)
    for path, record_id in expected:
        found = next(keys, None)
        if found is None or found[1] != record_id:
            return {}
        line += text.count("\n", counted, found[0])
        counted = found[0]
        marks[path] = (line, found[0] - text.rfind("\n", 0, found[0]))
    return {} if next(keys, None) is not None else marks


def _id_keys(text: str):
    """(offset, id written) of each `id:` key that opens a line or a list item."""
    for match in _ID_KEY.finditer(text):
        start = match.start()
        before = text[text.rfind("\n", 0, start) + 1:start]
        if not before.replace("- ", "").strip(" "):  # indentation and list dashes only
            yield start, _written_id(match.group(1))


def _written_id(written: str) -> str:
    value = written.split(" #", 1)[0].strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return value


@contextmanager
def _stderr_silenced():
    """Point file descriptor 2 at /dev/null for the duration (rapidyaml writes there)."""
    try:
        saved = os.dup(2)
    except OSError:  # no stderr at all: nothing to silence
        yield
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, 2)
        finally:
            os.close(null)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
