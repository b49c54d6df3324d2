"""Strict, safe YAML reading that remembers where every value came from.

PyYAML composes the node tree (marks included); we build plain data ourselves so that
no tag constructs an object, every scalar stays the text the curator wrote (YAML 1.1's
`no` -> False or `10:28` -> 628 never happen; pydantic parses dates and booleans where
the schema asks for them), duplicate keys and aliases are refused, and hostile input is
bounded in size and depth.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from korea_positions.errors import Problem

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 40
_NULL_TAG = "tag:yaml.org,2002:null"
_STANDARD_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}

Path_ = tuple  # a path into the data: keys and list indexes


class YamlProblem(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


class Locator:
    """Maps a path into the data (as pydantic reports it) to a 1-based line and column."""

    def __init__(self, marks: dict[tuple, tuple[int, int]]):
        self._marks = marks

    def find(self, path: tuple) -> tuple[int, int]:
        path = tuple(path)
        while path not in self._marks and path:
            path = path[:-1]
        return self._marks.get(path, (1, 1))


def read_yaml(path: Path, shown_as: str) -> tuple[Any, Locator]:
    """Read one YAML file into plain data (dicts, lists, str, None) and its locator."""

    def fail(message: str, line: int = 1, col: int = 1) -> YamlProblem:
        return YamlProblem(Problem(shown_as, line, col, message))

    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise fail(f"file is {size} bytes; files larger than {MAX_BYTES} bytes are refused")
        raw = path.read_bytes()
    except OSError as exc:
        raise fail(f"cannot read file: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise fail(f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})", line, col) from None
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(p for p in (exc.context, exc.problem) if p) or "invalid YAML"
        if mark is None:
            raise fail(f"invalid YAML: {message}") from None
        raise fail(f"invalid YAML: {message}", mark.line + 1, mark.column + 1) from None
    except yaml.YAMLError as exc:
        raise fail(f"invalid YAML: {exc}") from None
    except RecursionError:
        raise fail(f"nesting is too deep (more than {MAX_DEPTH} levels)") from None
    if root is None:
        raise fail("file is empty")
    builder = _Builder(shown_as)
    data = builder.build(root, (), 0)
    return data, Locator(builder.marks)


class _Builder:
    def __init__(self, shown_as: str):
        self.shown_as = shown_as
        self.marks: dict[tuple, tuple[int, int]] = {}
        self._seen: set[int] = set()

    def _fail(self, node: yaml.Node, message: str) -> YamlProblem:
        mark = node.start_mark
        return YamlProblem(Problem(self.shown_as, mark.line + 1, mark.column + 1, message))

    def build(self, node: yaml.Node, path: tuple, depth: int, used_at=None) -> Any:
        if depth > MAX_DEPTH:
            raise self._fail(node, f"nesting is too deep (more than {MAX_DEPTH} levels)")
        # The composer hands an alias back as the very node it names: seeing a node twice
        # means an alias, which is how alias bombs multiply; the knowledge base needs none.
        if id(node) in self._seen:
            raise self._fail(used_at or node, "anchors and aliases (&, *) are not allowed")
        self._seen.add(id(node))
        if node.tag not in _STANDARD_TAGS:
            raise self._fail(node, f"tag {node.tag!r} is not allowed")
        self.marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        if node.tag == _NULL_TAG:  # resolved only for plain ~, null or nothing
            return None
        return node.value

    def _mapping(self, node: yaml.MappingNode, path: tuple, depth: int) -> dict:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self._fail(key_node, "a key must be a plain name, not a list or mapping")
            if key_node.tag not in _STANDARD_TAGS:
                raise self._fail(key_node, f"tag {key_node.tag!r} is not allowed")
            key = key_node.value
            if key == "<<":
                raise self._fail(key_node, "merge keys (<<) are not allowed")
            if key in result:
                raise self._fail(key_node, f"duplicate key {key!r}")
            mark = key_node.start_mark
            self.marks[path + (key,)] = (mark.line + 1, mark.column + 1)
            result[key] = self.build(value_node, path + (key,), depth + 1, used_at=key_node)
        return result
