"""csv: one file per entity in a directory, lists joined with '; ', each file atomic."""

from __future__ import annotations

import csv
import io

from korea_positions.atomic import directory_for, write_atomically
from korea_positions.kb.knowledge import KINDS
from korea_positions.output.formats.cells import cell, flat_fields


def write(kb, path, as_of=None, out=None, firm=False) -> None:
    path = directory_for(path)
    for kind in KINDS:
        records = getattr(kb, kind)
        fields = flat_fields(records)
        buffer = io.StringIO()
        out = csv.writer(buffer, lineterminator="\n")
        out.writerow(fields)
        out.writerows([cell(r.get(f)) for f in fields] for r in records)
        write_atomically(path / f"{kind}.csv", buffer.getvalue().encode("utf-8"))
