"""Output formats: one module per format behind one interface (`Renderer`), chosen
through an explicit mapping from the format enum, imported only when used: the table
format needs Rich, the yaml format PyYAML, and the others should not pay for them.

Records are plain dicts; `view` describes the table (only the table renderer uses it);
`terminal` says whether `out` is a terminal (control characters in data are then
escaped); `width` and `colour` are the terminal's.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from enum import Enum
from typing import NamedTuple, Protocol, TextIO


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    yaml = "yaml"


class Styled(tuple):
    """A table cell of several (text, style) parts, each starting on a new line: a record's
    id shown dim below what it is about."""


class Column(NamedTuple):
    header: str
    value: Callable[[dict], object]  # the cell: any record value, or Styled
    ratio: int | None = None  # share of spare width for wrapping text columns
    no_wrap: bool = False
    min_width: int = 0  # prose: at least this wide (else the table is stacked)


class View(NamedTuple):
    """How a command's records look: as a table (title, columns, noun, or a custom
    table), and as csv and tsv (`fields`, fixed whatever the records hold; `flat` turns
    the records into the rows those formats print). json, jsonl and yaml print the
    records as they are."""

    title: str
    columns: tuple[Column, ...] = ()
    noun: tuple[str, str] = ("record", "records")  # singular, plural: "1 quote", "2 quotes"
    single: bool = False  # one object rather than a list (`kpos actor`)
    custom_table: Callable | None = None
    fields: tuple[str, ...] = ()  # csv/tsv columns; empty: the records' fields
    flat: Callable[[list[dict]], list[dict]] | None = None


def column(name: str, header: str | None = None, **kwargs) -> Column:
    return Column(header or name, lambda record: record.get(name), **kwargs)


class Renderer(Protocol):
    def __call__(self, records: list[dict], view: View, out: TextIO, terminal: bool,
                 width: int, colour: bool) -> None: ...  # fmt: skip


# The module that renders each format.
MODULES: dict[OutputFormat, str] = {
    OutputFormat.table: "table_format",
    OutputFormat.json: "json_format",
    OutputFormat.jsonl: "jsonl_format",
    OutputFormat.csv: "csv_format",
    OutputFormat.tsv: "tsv_format",
    OutputFormat.yaml: "yaml_format",
}


def renderer(fmt: OutputFormat) -> Renderer:
    return importlib.import_module(f"{__name__}.{MODULES[fmt]}").render


def render(fmt: OutputFormat, records: list[dict], view: View, out: TextIO, terminal: bool,
           width: int = 80, colour: bool = True) -> None:  # fmt: skip
    renderer(fmt)(records, view, out, terminal, width, colour)
