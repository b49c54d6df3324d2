"""The one YAML reader: strict, safe, exact, and it remembers where every value came from.

A file is bounded and checked as text first (size, UTF-8, characters, line length; see
yamlscan). Then libyaml's parser (PyYAML's C parser) turns it into events, and one loop
builds plain data from them (dicts, lists, str, None) with an explicit stack. Neither
PyYAML's composer nor its constructors are used, so that:

- no tag constructs an object, and every scalar stays the text as written (YAML 1.1's `no`
  -> False or `10:28` -> 628 never happen; pydantic parses what the schema asks for). Only
  a plain `~`, `null`, `Null`, `NULL` or nothing, or an explicit `!!null`, is None;
- anchors, aliases, merge keys, duplicate keys, empty keys, keys that are lists or
  mappings, a second document, deep nesting and too many values are refused where they
  first occur, so an alias bomb or 100,000 nested `[` stop at once;
- where libyaml departs from the YAML spec, yamlscan refuses the file: it is read as the
  spec says or refused with a line and column, never misread.

Why events rather than the C composer (`yaml.compose` with a C loader, every node's start
mark at C speed): it recurses once per level of nesting, so depth would have to be bounded
by a pass before it; it hides anchors behind shared nodes; and it calls back into Python
to resolve every scalar's tag. Measured on a generated knowledge base of 802 files (8.6
million characters; benchmarks/yaml_speed.py), composing alone, with a resolver that does
nothing, takes 0.50 of `yaml.load`'s time (CSafeLoader), before any walk over the nodes;
read_yaml takes 0.47-0.49 of it all told: reading, checks, events and data. Where each
value starts and ends is kept only when the text holds a character yamlscan must look at
outside the scalars; a locator asks for the starts (parsing again) only on an error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.cyaml import CParser  # libyaml is required: no pure-Python fallback

from korea_positions.errors import Problem
from korea_positions.kb.files import Refused, read_bounded
from korea_positions.kb.locator import Locator
from korea_positions.kb.yamlscan import Scan

MAX_DEPTH = 40
# A valid line is far shorter: a text field holds at most 10,000 characters, 100,000 even
# if each were written as a \UXXXXXXXX escape.
MAX_LINE = 200_000
# Keys, items and texts in one file; about 60 bytes each at the size limit. Bounds the
# memory a file of `[a,a,a,...]` can claim (4 million values would take gigabytes).
MAX_VALUES = 250_000

_NULL_TAG = "tag:yaml.org,2002:null"
_STANDARD_TAGS = {"!"} | {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}
_NULL_TEXTS = {"", "~", "null", "Null", "NULL"}  # what a plain scalar needs to mean null
_SCALAR, _ALIAS = yaml.ScalarEvent, yaml.AliasEvent
_MAP_START, _SEQ_START = yaml.MappingStartEvent, yaml.SequenceStartEvent
_MAP_END, _SEQ_END = yaml.MappingEndEvent, yaml.SequenceEndEvent
_DOC_START, _STREAM_END = yaml.DocumentStartEvent, yaml.StreamEndEvent


class YamlProblem(Exception):
    """A file refused: `problem` says where and why."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def read_yaml(path: Path, shown_as: str) -> tuple[Any, Locator]:
    """Read one YAML file into plain data (dicts, lists, str, None) and its locator;
    raises YamlProblem, located in `shown_as`, at the first thing refused."""
    try:
        raw = read_bounded(path)
    except Refused as exc:
        raise _failing(shown_as)(str(exc)) from None
    return read_bytes(raw, shown_as)


def read_bytes(raw: bytes, shown_as: str) -> tuple[Any, Locator]:
    """The same as read_yaml, for a file's bytes already read (files.read_bounded)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        col = len(raw[line_start : exc.start].decode("utf-8", "replace")) + 1
        message = f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})"
        raise _failing(shown_as)(message, line, col) from None
    return read_text(text, shown_as)


def read_text(text: str, shown_as: str) -> tuple[Any, Locator]:
    """The same as read_yaml, for text already in memory."""
    fail = _failing(shown_as)
    text = text.removeprefix("\ufeff")  # libyaml skips a byte order mark, uncounted
    scan = Scan(text)
    problem = scan.characters(MAX_LINE)
    if problem:
        raise fail(*problem)
    suspects = scan.suspects()
    data, places = _parse(scan, fail, keep=bool(suspects))
    problem = scan.gaps(places, suspects) if suspects else None
    if problem:
        raise fail(*problem)
    # Where each value starts is needed only for a message: then the text is parsed again.
    return data, Locator(data, lambda: _parse(Scan(text), fail, keep=True)[1][0::2], text)


def _failing(shown_as: str):
    def fail(message: str, line: int = 1, col: int = 1) -> YamlProblem:
        return YamlProblem(Problem(shown_as, line, col, message))

    return fail


def _parse(scan: Scan, fail, keep: bool) -> tuple[Any, list]:
    """The document's data, and if `keep`, each value's start and end index in document
    order (for a list or mapping, its start and None); raises YamlProblem at the first
    thing refused."""
    parser = CParser(scan.text)
    get = parser.get_event
    places: list = []
    add = places.append
    values = 0
    stack: list = []  # for each list or mapping open around the current event: the state
    container, is_map, key, wants_key = None, False, None, False  # of the one it is in
    indent = -1  # column of the innermost block list or mapping (its key or `-`)
    flow = flow_at = flow_line = 0  # depth inside [ ] and { }; where the outermost opened
    root, documents = None, 0
    try:
        while True:
            event = get()
            kind = type(event)
            if kind is _SCALAR:
                if keep:
                    add(event.start_mark.index)
                    add(event.end_mark.index)
                values += 1
                tag = event.tag
                if tag is not None or event.anchor is not None or values > MAX_VALUES:
                    _check_node(event, values > MAX_VALUES, fail)
                value, style = event.value, event.style
                if style and not flow:
                    problem = scan.scalar(event.start_mark, event.end_mark, style, indent)
                    if problem:
                        raise fail(*problem)
                if wants_key:
                    if not (value or style) or value == "<<" or value in container:
                        raise fail(*_bad_key(value, style, event.start_mark))
                    key, wants_key = value, False
                    continue
                if tag == _NULL_TAG or (not style and tag is None and value in _NULL_TEXTS):
                    value = None
            elif kind is _MAP_START or kind is _SEQ_START:
                start, tag = event.start_mark, event.tag
                if keep:
                    add(start.index)
                    add(None)
                values += 1
                if tag is not None or event.anchor is not None or values > MAX_VALUES:
                    _check_node(event, values > MAX_VALUES, fail)
                if wants_key:
                    raise fail("a key must be a plain name, not a list or mapping", *_at(start))
                if len(stack) > MAX_DEPTH:
                    raise fail(f"nesting is too deep (more than {MAX_DEPTH} levels)", *_at(start))
                stack.append((container, is_map, key, indent))
                if event.flow_style:
                    flow += 1
                    if flow == 1:
                        flow_at, flow_line = start.index, start.line
                else:
                    indent = start.column if tag is None else scan.column_after_tag(start.index)
                is_map = wants_key = kind is _MAP_START
                container = {} if is_map else []
                continue
            elif kind is _MAP_END or kind is _SEQ_END:
                value = container
                container, is_map, key, indent = stack.pop()
                if flow:
                    flow -= 1
                    if not flow and event.end_mark.line != flow_line:
                        problem = scan.continuation(
                            flow_at, flow_line, event.end_mark.line, indent, "list or mapping"
                        )
                        if problem:
                            raise fail(*problem)
            elif kind is _DOC_START:
                documents += 1
                if documents > 1:
                    raise fail(
                        "a second YAML document (---); a file holds one", *_at(event.start_mark)
                    )
                continue
            elif kind is _ALIAS:
                raise fail("anchors and aliases (&, *) are not allowed", *_at(event.start_mark))
            elif kind is _STREAM_END:
                break
            else:  # stream start, document end
                continue
            if is_map:
                container[key] = value
            elif container is not None:
                container.append(value)
            else:
                root = value
            wants_key = is_map
    except yaml.MarkedYAMLError as exc:
        raise fail(*_syntax_error(exc, scan)) from None
    except yaml.YAMLError as exc:  # not expected after the text's checks; on one line
        raise fail("invalid YAML: " + " ".join(str(exc).split())) from None
    finally:
        parser.dispose()
    if documents == 0 or root is None:
        raise fail("file is empty")
    return root, places


def _bad_key(value: str, style, mark) -> tuple[str, int, int]:
    if not (value or style):  # libyaml may read `[? , : ]` as one pair
        return "a key must not be empty", *_at(mark)
    if value == "<<":
        return "merge keys (<<) are not allowed", *_at(mark)
    return f"duplicate key {value!r}", *_at(mark)


def _check_node(event, too_many: bool, fail) -> None:
    """Refuse an anchor, a tag other than the standard ones, a value past MAX_VALUES."""
    at = _at(event.start_mark)
    if event.anchor is not None:
        raise fail("anchors and aliases (&, *) are not allowed", *at)
    if event.tag is not None and event.tag not in _STANDARD_TAGS:
        raise fail(f"tag {event.tag!r} is not allowed", *at)
    if too_many:
        raise fail(f"more than {MAX_VALUES} values in one file; files that large are refused", *at)


def _at(mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _syntax_error(exc: yaml.MarkedYAMLError, scan: Scan) -> tuple[str, int, int]:
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return f"invalid YAML: {exc}".splitlines()[0], 1, 1
    if "maximum nesting depth" in (exc.problem or ""):
        # Newer libyaml scans ahead and stops deep flow nesting itself: the same refusal
        # as ours, in the same words whichever version is installed.
        return f"nesting is too deep (more than {MAX_DEPTH} levels)", *_at(mark)
    return scan.syntax_error(mark, exc.problem, exc.context, exc.context_mark)
