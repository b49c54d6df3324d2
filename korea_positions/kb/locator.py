"""Where each value of a YAML file is written: a map from paths into the data (keys and
list indexes, as pydantic reports locations) to lines and columns, made on first use."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from korea_positions.kb.yamlscan import Scan


class Locator:
    """Maps a path into the data (keys and list indexes, as pydantic reports locations) to
    a 1-based line and column: where the key is written for a mapping's value, where the
    item starts for a list's; (1, 1) for the root. The map is made on the first question,
    by matching each value's start, kept in document order, to the data: so the data must
    not be changed before."""

    def __init__(self, data: Any, starts: Callable[[], list[int]], text: str):
        # `starts` gives each value's start index in document order, when first asked.
        self._data, self._starts, self._text = data, starts, text
        self._marks: dict[tuple, tuple[int, int]] | None = None

    def marks(self) -> dict[tuple, tuple[int, int]]:
        """Every value's place."""
        if self._marks is None:
            starts, position = iter(self._starts()), Scan(self._text).position
            marks = {(): (1, 1)}

            def visit(value, path: tuple) -> None:  # as deep as MAX_DEPTH at most
                if type(value) is dict:
                    for key, item in value.items():
                        marks[path + (key,)] = position(next(starts))  # the key's
                        next(starts)  # the value's
                        visit(item, path + (key,))
                elif type(value) is list:
                    for index, item in enumerate(value):
                        marks[path + (index,)] = position(next(starts))
                        visit(item, path + (index,))

            next(starts)  # the root's
            visit(self._data, ())
            self._marks, self._starts, self._text = marks, list, ""
        return self._marks

    def find(self, path: tuple) -> tuple[int, int]:
        """The place of the value at `path`, or of its nearest ancestor that exists."""
        marks = self.marks()
        path = tuple(path)
        while path not in marks:
            path = path[:-1]
        return marks[path]
