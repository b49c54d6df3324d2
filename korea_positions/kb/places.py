"""Where a stored record, reference or name is written: found again in its file when a
message or `verify` needs the line. The store keeps where each sits in its file's data
(kb.records.path), not lines: working those out for every value of every file on each
load cost more than reading the YAML."""

from __future__ import annotations

from pathlib import Path


class Places:
    """Lines and columns in the files of one root, each file read once, when first asked."""

    def __init__(self, root: Path | None):
        self.root = root
        self._locators: dict = {}

    def find(self, file: str, path: tuple) -> tuple[int, int]:
        """The 1-based line and column of `path` in `file` (relative to the root), or of
        its nearest ancestor there; (1, 1) when the file cannot be read."""
        if self.root is None:
            return 1, 1
        if file not in self._locators:
            from korea_positions.kb.yamlread import YamlProblem, read_yaml

            try:
                self._locators[file] = read_yaml(self.root / file, file)[1]
            except YamlProblem:
                self._locators[file] = None
        locator = self._locators[file]
        return locator.find(path) if locator is not None else (1, 1)
