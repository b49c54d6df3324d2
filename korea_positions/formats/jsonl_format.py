"""jsonl: one JSON record per line."""

from __future__ import annotations

from korea_positions.formats.json_format import dumps


def render(records, view, out, terminal) -> None:
    for record in records:
        out.write(dumps(record, indent=None) + "\n")
