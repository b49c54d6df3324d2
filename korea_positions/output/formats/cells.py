"""Turning record values into cell text for the flat formats (table, csv, tsv)."""

from __future__ import annotations

import re

LIST_SEPARATOR = "; "

# The bidirectional controls (marks, embeddings, overrides, isolates) that can reorder
# what a terminal shows ("Trojan Source"); used in a regex character class.
BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# C0 and C1 control characters, the line and paragraph separators (a terminal may break
# the line or show nothing) and the bidi controls; escaped (never dropped) so what is
# shown still says what is stored.
_CONTROLS = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{BIDI}]")


def escape_controls(text: str, keep_newlines: bool = False) -> str:
    def escape(match: re.Match) -> str:
        char = match.group()
        if keep_newlines and char == "\n":
            return char
        return {"\t": "\\t", "\n": "\\n", "\r": "\\r"}.get(char, f"\\u{ord(char):04x}")

    return _CONTROLS.sub(escape, text)


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        # Nested records (an actor's positions) are listed by id in a flat cell.
        return LIST_SEPARATOR.join(
            cell(item["id"] if isinstance(item, dict) and "id" in item else item) for item in value
        )
    if isinstance(value, dict):
        return LIST_SEPARATOR.join(f"{k}={cell(v)}" for k, v in value.items() if v is not None)
    return str(value)


def flat_fields(records: list[dict]) -> list[str]:
    """Every field of the records, in first-seen order."""
    names: dict[str, None] = {}
    for record in records:
        names.update(dict.fromkeys(record))
    return list(names)


def flat_rows(view, records: list[dict]) -> tuple[list[str], list[dict]]:
    """The columns and rows csv and tsv print: the view's fixed columns (a header even
    for no records), else the records' own fields."""
    rows = view.flat(records) if view.flat else records
    return list(view.fields) or flat_fields(rows), rows
