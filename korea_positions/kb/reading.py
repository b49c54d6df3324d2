"""Read one knowledge base file: YAML, then its model, then the rows for the store."""

from __future__ import annotations

from pathlib import Path

from korea_positions.kb.records import Rows, rows
from korea_positions.kb.validate import WHOLE_FILE, validate
from korea_positions.kb.yamlread import YamlProblem, read_yaml


def read_file(kind: str, path: Path, shown: str) -> tuple[Rows | None, list, list]:
    """(rows or None, problems as (line, col, message), "kind:id" of unreadable records)."""
    if not path.is_file() and not path.exists():
        return None, [(1, 1, "file is missing")], [WHOLE_FILE[kind]]
    try:
        data, locator = read_yaml(path, shown)
    except YamlProblem as exc:
        problem = exc.problem
        return None, [(problem.line, problem.col, problem.message)], [WHOLE_FILE[kind]]
    checked = validate(kind, data, locator)
    if checked.fields is None:
        return None, checked.problems, checked.broken
    found = rows(kind, checked.fields, locator.find)
    return found, checked.problems + found.problems, checked.broken
