"""tsv: header row, one record a line, no colour, no truncation.

Tab, newline, carriage return and backslash inside a value are written as \\t, \\n, \\r
and \\\\ (the convention of PostgreSQL's text format), so every line is one record and
the value can be recovered exactly.
"""

from __future__ import annotations

from korea_positions.output.formats.cells import cell, escape_controls, flat_rows

_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def field(value: object, terminal: bool) -> str:
    text = cell(value).translate(_ESCAPES)
    return escape_controls(text) if terminal else text


def render(records, view, out, terminal, width=80, colour=True) -> None:
    fields, records = flat_rows(view, records)
    out.write("\t".join(fields) + "\n")
    for record in records:
        out.write("\t".join(field(record.get(name), terminal) for name in fields) + "\n")
