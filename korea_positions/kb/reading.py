"""Read one knowledge base file: YAML, then its model, then the rows for the store."""

from __future__ import annotations

from pathlib import Path

from korea_positions.kb.records import Rows, rows
from korea_positions.kb.validate import WHOLE_FILE, validate
from korea_positions.kb.yamlread import YamlProblem, read_bytes, read_yaml


def read_file(kind: str, path: Path, shown: str, raw: bytes | None = None
              ) -> tuple[Rows | None, list, list]:  # fmt: skip
    """(rows or None, problems as (line, col, message), "kind:id" of unreadable records),
    from the file's bytes if they were read already."""
    if raw is None and not path.is_file() and not path.exists():
        return None, [(1, 1, "file is missing")], [WHOLE_FILE[kind]]
    try:
        data, locator = read_yaml(path, shown) if raw is None else read_bytes(raw, shown)
    except YamlProblem as exc:
        problem = exc.problem
        return None, [(problem.line, problem.col, problem.message)], [WHOLE_FILE[kind]]
    checked = validate(kind, data, locator)
    if checked.fields is None:
        return None, checked.problems, checked.broken
    found = rows(kind, checked.fields, locator.find)
    return found, checked.problems + found.problems, checked.broken
