"""table: Rich tables for people; wraps long text, never truncates it."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from korea_positions.output.formats import NARROW
from korea_positions.output.formats.cells import cell, escape_controls


def console_for(out, terminal: bool, width: int = 80, colour: bool = True) -> Console:
    # NO_COLOR means no escape sequences at all (Rich alone would still emit bold/italic).
    plain = not colour
    return Console(
        file=out,
        force_terminal=terminal and not plain,
        no_color=plain,
        color_system=None if plain else "auto",
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
        width=width,
    )


def text(value: object, style: str = "") -> Text:
    """Data as a Text: never parsed as markup, controls escaped."""
    return Text(escape_controls(cell(value), keep_newlines=True), style=style)


MAX_UNBROKEN = 26  # an id longer than this may be folded rather than squeeze the table


def table(view, records, width: int) -> Table:
    columns = view.narrow if view.narrow and width < NARROW else view.columns
    grid = Table(
        title=view.title,
        title_justify="left",
        show_lines=False,
        expand=False,
        header_style="bold",
        pad_edge=False,
        box=None,
        padding=(0, 1),
    )
    cells = [[text(col.value(record)) for col in columns] for record in records]
    # Keep ids whole where the width allows: a column is at least as wide as its longest
    # unbreakable word, unless that would leave the others too little room (then ids fold;
    # nothing is ever cut off).
    mins = [
        min(MAX_UNBROKEN, max((len(w) for row in cells for w in row[i].plain.split()), default=0))
        if col.ratio
        else 0
        for i, col in enumerate(columns)
    ]
    budget = int(width * 0.6)
    if sum(mins) > budget:
        mins = [m * budget // sum(mins) for m in mins]
    for col, minimum in zip(columns, mins, strict=True):
        grid.add_column(
            col.header,
            ratio=col.ratio,
            no_wrap=col.no_wrap,
            overflow="fold",
            min_width=minimum or None,
        )
    for row in cells:
        grid.add_row(*row)
    return grid


def escaped(value):
    """Every text in a record with its controls escaped, as `text` does for a cell."""
    if isinstance(value, str):
        return escape_controls(value, keep_newlines=True)
    if isinstance(value, list):
        return [escaped(item) for item in value]
    if isinstance(value, dict):
        return {key: escaped(item) for key, item in value.items()}
    return value


def render(records, view, out, terminal, width=80, colour=True) -> None:
    console = console_for(out, terminal, width, colour)
    if view.custom_table is not None:
        # A custom table may build Text from record values itself: hand it escaped
        # records so no control character in the data can reach the terminal raw.
        view.custom_table(console, [escaped(record) for record in records])
        return
    if not records:
        console.print(Text(f"{view.title}: none", style="dim"))
        return
    console.print(table(view, records, console.width))
    count = len(records)
    console.print(Text(f"{count} {view.noun[count != 1]}", style="dim"))
