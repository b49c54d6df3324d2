"""csv: RFC 4180, header row, lists joined with '; '."""

from __future__ import annotations

import csv

from korea_positions.output.formats.cells import cell, escape_controls, flat_rows


def render(records, view, out, terminal, width=80, colour=True) -> None:
    fields, records = flat_rows(view, records)
    writer = csv.writer(out, lineterminator="\n")
    # The writer quotes a value holding a delimiter, a quote or a character of its line
    # terminator, and so leaves a lone "\r" bare, which readers take as the end of the
    # row. A row holding one is written with every value quoted.
    quoting_writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(fields)
    for record in records:
        row = [cell(record.get(name)) for name in fields]
        if terminal:
            row = [escape_controls(v) for v in row]
        (quoting_writer if any("\r" in v for v in row) else writer).writerow(row)
