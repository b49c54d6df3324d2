"""jsonl: one JSON record per line."""

from __future__ import annotations

from korea_positions.output.formats.json_format import dumps


def render(records, view, out, terminal, width=80, colour=True) -> None:
    for record in records:
        out.write(dumps(record, indent=None) + "\n")
