"""table: Rich tables for people; wraps long text, never truncates it."""

from __future__ import annotations

import os

from rich.console import Console
from rich.table import Table
from rich.text import Text

from korea_positions.formats.cells import cell, escape_controls


def console_for(out, terminal: bool) -> Console:
    # Rich honours NO_COLOR itself; colour only on a terminal.
    return Console(file=out, force_terminal=terminal, no_color=bool(os.environ.get("NO_COLOR")),
                   highlight=False, emoji=False, markup=False, soft_wrap=False)


def text(value: object, style: str = "") -> Text:
    """Data as a Text: never parsed as markup, controls escaped."""
    return Text(escape_controls(cell(value), keep_newlines=True), style=style)


def table(view, records) -> Table:
    grid = Table(title=view.title, title_justify="left", show_lines=False, expand=False,
                 header_style="bold", pad_edge=False, box=None, padding=(0, 1))
    for col in view.columns:
        grid.add_column(col.header, ratio=col.ratio, no_wrap=col.no_wrap, overflow="fold")
    for record in records:
        grid.add_row(*(text(col.value(record)) for col in view.columns))
    return grid


def render(records, view, out, terminal) -> None:
    console = console_for(out, terminal)
    if view.custom_table is not None:
        view.custom_table(console, records)
        return
    if not records:
        console.print(Text(f"{view.title}: none", style="dim"))
        return
    console.print(table(view, records))
    count = len(records)
    console.print(Text(f"{count} {view.noun[count != 1]}", style="dim"))
