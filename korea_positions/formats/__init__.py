"""Output formats: one module per format behind one interface, chosen by an enum.

Each module has `render(records, view, out, terminal)`; records are plain dicts, `view`
describes the table (only the table renderer uses it), `terminal` says whether `out` is a
terminal (control characters in data are then escaped).
"""

from __future__ import annotations

import importlib
from enum import Enum
from typing import Callable, NamedTuple, TextIO


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    yaml = "yaml"


class Column(NamedTuple):
    header: str
    value: Callable[[dict], object]
    ratio: int | None = None  # share of spare width for wrapping text columns
    no_wrap: bool = False


class View(NamedTuple):
    """How a command's records look as a table; the other formats print records as they are."""

    title: str
    columns: tuple[Column, ...] = ()
    noun: tuple[str, str] = ("record", "records")  # singular, plural: "1 quote", "2 quotes"
    single: bool = False  # one object rather than a list (`kpos actor`)
    narrow: tuple[Column, ...] = ()  # columns for terminals narrower than NARROW
    custom_table: Callable | None = None


NARROW = 120


def column(name: str, header: str | None = None, **kwargs) -> Column:
    return Column(header or name, lambda record: record.get(name), **kwargs)


def render(fmt: OutputFormat, records: list[dict], view: View, out: TextIO, terminal: bool) -> None:
    # Imported on demand: the table format needs Rich, the yaml format PyYAML; the others
    # should not pay for them at start-up.
    module = importlib.import_module(f"korea_positions.formats.{fmt.value}_format")
    module.render(records, view, out, terminal)
