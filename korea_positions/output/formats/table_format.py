"""table: records laid out for people on a terminal of any width from 60 columns up.

Columns when they fit (wrapped, a slug broken only after a hyphen), else each record
stacked as label/value lines; nothing is ever cut off. Data is never read as markup and
its control characters are shown escaped. No line ends in padding.
"""

from __future__ import annotations

from korea_positions.output.formats import Styled
from korea_positions.output.formats.cells import cell, escape_controls
from korea_positions.output.formats.layout import (
    GAP,
    Line,
    Segment,
    allocate,
    block,
    measure,
    side_by_side,
)

LABEL_WIDTH = 16  # at most, for the labels of stacked records and cards


class Screen:
    """Where lines go: through Rich on a terminal wanting colour (it knows the terminal's
    colours and NO_COLOR), else as plain text."""

    def __init__(self, out, terminal: bool, width: int = 80, colour: bool = True):
        self.out, self.width = out, width
        self.console = console_for(out, width) if terminal and colour else None

    @property
    def styled(self) -> bool:
        """Whether styles (bold, dim, reverse video) reach the screen."""
        return self.console is not None

    def write(self, lines: list[Line]) -> None:
        if self.console is None:
            self.out.write("".join("".join(text for text, _ in line) + "\n" for line in lines))
            return
        from rich.text import Text

        self.console.print(Text("\n").join(Text.assemble(*line) for line in lines),
                           soft_wrap=True)  # fmt: skip


def console_for(out, width: int = 80):
    from rich.console import Console

    return Console(file=out, force_terminal=True, highlight=False, emoji=False, markup=False,
                   soft_wrap=True, width=width)  # fmt: skip


def parts(value: object) -> list[Segment]:
    """A cell's (text, style) parts, controls escaped; plain values have one part."""
    found = list(value) if isinstance(value, Styled) else [(value, "")]
    return [(escape_controls(cell(text), keep_newlines=True), style) for text, style in found]


def grid(columns, records: list[dict], width: int) -> list[Line] | None:
    """The records in columns, or None when the columns cannot fit in `width`."""
    cells = [[parts(column.value(record)) for column in columns] for record in records]
    measures = []
    for i, column in enumerate(columns):
        found = measure([text for row in cells for text, _ in row[i]], column.no_wrap,
                        column.min_width)  # fmt: skip
        measures.append(found.joined(measure([column.header])))
    room = width - GAP * (len(columns) - 1)
    widths = allocate(measures, [column.ratio or 1 for column in columns], room)
    if widths is None:
        return None
    headers = [
        block([(column.header, "bold")], w) for column, w in zip(columns, widths, strict=True)
    ]
    lines = side_by_side(headers, widths)
    for row in cells:
        lines += side_by_side([block(c, w) for c, w in zip(row, widths, strict=True)], widths)
    return lines


def pairs(items: list[tuple[str, list[Segment]]], width: int) -> list[Line]:
    """Label/value lines, the values wrapped beside their labels; empty values left out."""
    items = [(label, found) for label, found in items if any(text for text, _ in found)]
    label_width = min(LABEL_WIDTH, max((len(label) for label, _ in items), default=0))
    value_width = max(width - label_width - GAP, 1)
    lines: list[Line] = []
    for label, found in items:
        cells = [block([(label, "dim")], label_width), block(found, value_width)]
        lines += side_by_side(cells, [label_width, value_width])
    return lines


def stacked(columns, records: list[dict], width: int) -> list[Line]:
    """Each record as label/value lines, a blank line between records."""
    lines: list[Line] = []
    for n, record in enumerate(records):
        lines += [[]] if n else []
        lines += pairs([(column.header, parts(column.value(record))) for column in columns], width)
    return lines


def table_lines(view, records: list[dict], width: int) -> list[Line]:
    """The view's title, then its records in columns where they fit, else stacked."""
    body = grid(view.columns, records, width) or stacked(view.columns, records, width)
    return [[(view.title, "italic")], *body]


def escaped(value):
    """Every text in a record with its controls escaped, as a cell's are."""
    if isinstance(value, str):
        return escape_controls(value, keep_newlines=True)
    if isinstance(value, list):
        return [escaped(item) for item in value]
    if isinstance(value, dict):
        return {key: escaped(item) for key, item in value.items()}
    return value


def render(records, view, out, terminal, width=80, colour=True) -> None:
    screen = Screen(out, terminal, width, colour)
    if view.custom_table is not None:
        # A custom table may build text from record values itself: hand it escaped
        # records so no control character in the data can reach the terminal raw.
        view.custom_table(screen, [escaped(record) for record in records])
        return
    if not records:
        screen.write([[(f"{view.title}: none", "dim")]])
        return
    count = len(records)
    screen.write(
        [*table_lines(view, records, width), [(f"{count} {view.noun[count != 1]}", "dim")]]
    )
