"""csv: RFC 4180, header row, lists joined with '; '."""

from __future__ import annotations

import csv

from korea_positions.formats.cells import cell, escape_controls, flat_fields


def render(records, view, out, terminal) -> None:
    fields = flat_fields(records)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    for record in records:
        row = [cell(record.get(name)) for name in fields]
        writer.writerow([escape_controls(v) for v in row] if terminal else row)
