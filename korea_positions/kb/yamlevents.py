"""Plain data from the event stream of PyYAML's parser (libyaml, in C): the careful read,
which keeps the place of every value and says what it refuses, and a fast read of
ordinary files. Imported only when a file is read this way (see yamlread).

We build the data ourselves, never through PyYAML's composer or constructors, so that:

- no tag constructs an object, and every scalar stays the text the curator wrote (YAML
  1.1's `no` -> False, `10:28` -> 628 or `=` -> a "value" tag never happen; pydantic
  parses dates and booleans where the schema asks for them);
- duplicate keys, merge keys and aliases are refused where they occur (an alias bomb
  stops at its first `*`);
- nesting depth and the number of values are bounded while parsing. libyaml's parser
  keeps its state on the heap, but the C composer recurses once per level and overflows
  the C stack (a segfault) on ~100,000 nested `[`; building from events with an
  explicit stack, and stopping at MAX_DEPTH, avoids any recursion.
"""

from __future__ import annotations

from typing import Any

import yaml

from korea_positions.errors import Problem
from korea_positions.kb.yamlread import _LINE_BREAK, MAX_DEPTH, MAX_VALUES, YamlProblem

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULL_TAG = "tag:yaml.org,2002:null"
_STANDARD_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}
_NULL_TEXTS = {"", "~", "null", "Null", "NULL"}  # what a plain scalar needs to mean null


def read(text: str, shown_as: str, fail) -> tuple[Any, dict, bool]:
    """(data, marks, complete): the fast read when it can, else the careful one (whose
    marks are complete, and which raises YamlProblem at what it refuses)."""
    try:
        data, marks = fast_read(text)
        return data, marks, False
    except (Unusual, yaml.YAMLError):
        pass  # the careful read says what and where
    data, marks = careful_read(text, shown_as, fail)
    return data, marks, True


def careful_read(text: str, shown_as: str, fail) -> tuple[Any, dict]:
    """Data and the place of every value; raises YamlProblem at what is refused."""
    loader = _Loader(text)
    try:
        builder = _Builder(shown_as)
        data = builder.run(loader)
    except yaml.MarkedYAMLError as exc:
        raise fail(*_syntax_error(exc, text)) from None
    except yaml.YAMLError as exc:  # not expected after _check_text; keep it on one line
        raise fail("invalid YAML: " + " ".join(str(exc).split())) from None
    finally:
        loader.dispose()
    if builder.documents == 0 or data is None:
        raise fail("file is empty")
    return data, builder.marks


class Unusual(Exception):
    """Something the fast read does not handle; the careful read decides on it."""


_SCALAR, _ALIAS = yaml.ScalarEvent, yaml.AliasEvent
_MAP_START, _MAP_END = yaml.MappingStartEvent, yaml.MappingEndEvent
_SEQ_START, _SEQ_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_DOC_START, _STREAM_END = yaml.DocumentStartEvent, yaml.StreamEndEvent


def fast_read(text: str) -> tuple[Any, dict]:
    """The data of an ordinary file, several times faster than the careful read: no
    mark is kept but where each record's `id` key is (the loader's only need when the
    file is valid). Anything out of the ordinary — an alias, anchor or explicit tag, a
    merge or duplicate key, a complex key, deep nesting, too many values, a second or no
    document — raises Unusual and the careful read takes over."""
    loader = _Loader(text)
    get = loader.get_event
    stack: list = []  # open mappings and lists
    keys: list = []  # per open container: the key awaiting its value, or NO_KEY
    no_key = keys  # a sentinel no key can equal
    marks: dict[tuple, tuple[int, int]] = {}
    root, documents, values = None, 0, 0
    try:
        while True:
            event = get()
            kind = type(event)
            if kind is _SCALAR or kind is _MAP_START or kind is _SEQ_START:
                values += 1
                if (
                    event.anchor is not None
                    or (event.tag is not None and event.tag != "!")
                    or values > MAX_VALUES
                ):
                    raise Unusual
            if kind is _SCALAR:
                value = event.value
                if stack and keys[-1] is no_key and type(stack[-1]) is dict:
                    if value in stack[-1] or value == "<<":
                        raise Unusual
                    keys[-1] = value
                    if value == "id" and len(stack) in (1, 3):
                        mark = event.start_mark
                        path = ("id",) if len(stack) == 1 else (keys[0], len(stack[1]), "id")
                        marks[path] = (mark.line + 1, mark.column + 1)
                    continue
                if event.implicit[0] and value in _NULL_TEXTS:
                    value = None
            elif kind is _MAP_START or kind is _SEQ_START:
                if (stack and keys[-1] is no_key and type(stack[-1]) is dict) or len(
                    stack
                ) > MAX_DEPTH:
                    raise Unusual
                stack.append({} if kind is _MAP_START else [])
                keys.append(no_key)
                continue
            elif kind is _MAP_END or kind is _SEQ_END:
                value = stack.pop()
                keys.pop()
            elif kind is _DOC_START:
                documents += 1
                if documents > 1:
                    raise Unusual
                continue
            elif kind is _STREAM_END:
                break
            elif kind is _ALIAS:
                raise Unusual
            else:  # stream start, document end
                continue
            if not stack:
                root = value
            elif type(stack[-1]) is dict:
                stack[-1][keys[-1]] = value
                keys[-1] = no_key
            else:
                stack[-1].append(value)
    finally:
        loader.dispose()
    if documents == 0 or root is None:
        raise Unusual
    return root, marks


def _syntax_error(exc: yaml.MarkedYAMLError, text: str) -> tuple[str, int, int]:
    """Message, line and column of a syntax error: where libyaml noticed it, and where
    the construct it was reading began (an unclosed quote is noticed at the end of the
    file; the curator needs the line where it opened)."""
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return f"invalid YAML: {exc}".splitlines()[0], 1, 1
    if "maximum nesting depth" in (exc.problem or ""):
        # Newer libyaml scans ahead and stops deep flow nesting itself: the same refusal
        # as ours, in the same words whichever version is installed.
        return f"nesting is too deep (more than {MAX_DEPTH} levels)", mark.line + 1, mark.column + 1
    message = f"invalid YAML: {exc.problem or 'syntax error'}"
    start = exc.context_mark
    if exc.context and start is not None and (start.line, start.column) != (mark.line, mark.column):
        message += f" ({exc.context} at line {start.line + 1}, column {start.column + 1})"
    elif exc.context:
        message += f" ({exc.context})"
    lines = _LINE_BREAK.split(text)
    line = lines[mark.line] if mark.line < len(lines) else ""
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    if "\t" in indent or line[mark.column : mark.column + 1] == "\t":
        message += "; indent with spaces: YAML does not allow tabs there"
    return message, mark.line + 1, mark.column + 1


class _Open:
    """A list or mapping being built; `key` is the mapping's key awaiting its value."""

    __slots__ = ("value", "path", "key")
    _NO_KEY = object()

    def __init__(self, value, path: tuple):
        self.value = value
        self.path = path
        self.key = self._NO_KEY

    def wants_key(self) -> bool:
        return isinstance(self.value, dict) and self.key is self._NO_KEY

    def child_path(self) -> tuple:
        return self.path + ((self.key,) if isinstance(self.value, dict) else (len(self.value),))

    def add(self, value) -> None:
        if isinstance(self.value, dict):
            self.value[self.key] = value
            self.key = self._NO_KEY
        else:
            self.value.append(value)


_START = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)
_END = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


class _Builder:
    """Turns parser events into plain data, with an explicit stack (no recursion)."""

    def __init__(self, shown_as: str):
        self.shown_as = shown_as
        self.marks: dict[tuple, tuple[int, int]] = {}
        self.documents = 0
        self.values = 0

    def _fail(self, event: yaml.Event, message: str) -> YamlProblem:
        mark = event.start_mark
        return YamlProblem(Problem(self.shown_as, mark.line + 1, mark.column + 1, message))

    def run(self, loader) -> Any:
        """The document's data; raises YamlProblem at the first thing refused, so a
        hostile file is never read further than that."""
        stack: list[_Open] = []  # the lists and mappings open around the current event
        root = None
        while True:
            event = loader.get_event()
            if isinstance(event, yaml.StreamEndEvent):
                return root
            if isinstance(event, yaml.DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    raise self._fail(event, "a second YAML document (---); a file holds one")
                continue
            if isinstance(event, yaml.AliasEvent):
                raise self._fail(event, "anchors and aliases (&, *) are not allowed")
            if isinstance(event, _END):
                value = stack.pop().value
            elif isinstance(event, _START):
                self._check(event)
                if stack and stack[-1].wants_key():
                    self._key(stack[-1], event)
                    continue
                if len(stack) > MAX_DEPTH:
                    raise self._fail(event, f"nesting is too deep (more than {MAX_DEPTH} levels)")
                path = stack[-1].child_path() if stack else ()
                mark = event.start_mark
                self.marks.setdefault(path, (mark.line + 1, mark.column + 1))
                if not isinstance(event, yaml.ScalarEvent):
                    is_list = isinstance(event, yaml.SequenceStartEvent)
                    stack.append(_Open([] if is_list else {}, path))
                    continue
                value = _scalar(event)
            else:  # stream start, document end
                continue
            if stack:
                stack[-1].add(value)
            else:
                root = value

    def _check(self, event: yaml.Event) -> None:
        """Refuse a foreign tag, and count values: keys, items and texts alike."""
        self.values += 1
        if self.values > MAX_VALUES:
            raise self._fail(
                event, f"more than {MAX_VALUES} values in one file; files that large are refused"
            )
        tag = event.tag
        if tag is not None and tag != "!" and tag not in _STANDARD_TAGS:
            raise self._fail(event, f"tag {tag!r} is not allowed")

    def _key(self, mapping: _Open, event: yaml.Event) -> None:
        if not isinstance(event, yaml.ScalarEvent):
            raise self._fail(event, "a key must be a plain name, not a list or mapping")
        key = event.value
        if key == "<<":
            raise self._fail(event, "merge keys (<<) are not allowed")
        if key in mapping.value:
            raise self._fail(event, f"duplicate key {key!r}")
        mapping.key = key
        mark = event.start_mark
        self.marks[mapping.path + (key,)] = (mark.line + 1, mark.column + 1)


def _scalar(event: yaml.ScalarEvent) -> str | None:
    """The text as written; None only for an explicit !!null or a plain ~, null or nothing."""
    if event.tag == _NULL_TAG:
        return None
    if event.tag is None and event.implicit[0] and event.value in _NULL_TEXTS:
        return None
    return event.value
