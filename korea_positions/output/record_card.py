"""The table view of `kpos show`: one record's every field as label/value lines, then the
records that belong with it (a position's quotes and source, the positions citing a
quote)."""

from __future__ import annotations

from korea_positions.output import views
from korea_positions.output.formats.layout import Line, block
from korea_positions.output.formats.table_format import pairs, parts, table_lines

NESTED = ("cited_quotes", "cited_by", "source_card")


def card(title: str, record: dict, width: int) -> list[Line]:
    """A bold title, then a line per field that has a value."""
    lines = block([(title, "bold")], width)
    fields = [(name.replace("_", " "), parts(value)) for name, value in record.items()
              if name not in ("id", *NESTED)]  # fmt: skip
    return lines + pairs(fields, width)


def show_record(screen, kind: str, record: dict) -> None:
    width = screen.width
    lines = card(f"{kind} {record['id']}", record, width)
    related = [
        (views.QUOTES, [q for q in record.get("cited_quotes") or () if q]),
        (views.POSITIONS, record.get("cited_by") or []),
    ]
    for view, records in related:
        if records:
            lines += [[], *table_lines(view, records, width)]
    if record.get("source_card"):
        source = record["source_card"]
        lines += [[], *card(f"source {source['id']}", source, width)]
    screen.write(lines)
