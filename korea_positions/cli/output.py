"""Records to the user: the format asked for, else a table on a terminal, tsv in a pipe."""

from __future__ import annotations

from korea_positions.cli.environment import Environment
from korea_positions.output.formats import OutputFormat, View, render


def emit(records: list[dict], view: View, fmt: OutputFormat | None, env: Environment) -> None:
    if fmt is None:
        fmt = OutputFormat.table if env.terminal else OutputFormat.tsv
    render(fmt, records, view, env.stdout, env.terminal, env.width, env.colour)
