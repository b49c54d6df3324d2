"""Whole-knowledge-base exports: one module per format behind one interface (`Writer`),
chosen through an explicit mapping from the format enum and imported only when used.

Every writer takes the knowledge base, an output path (None for standard output where
the format allows it), the --as-of date and --firm for the analysis formats, and
standard output.
Files are written atomically.
"""

from __future__ import annotations

import importlib
from enum import Enum
from pathlib import Path
from typing import Protocol, TextIO


class ExportFormat(str, Enum):
    json = "json"
    csv = "csv"
    sqlite = "sqlite"
    dot = "dot"
    mermaid = "mermaid"
    plover = "plover"


# Formats that cannot go to standard output: csv is a directory, sqlite a binary file.
NEEDS_PATH = {ExportFormat.csv, ExportFormat.sqlite}


class Writer(Protocol):
    def __call__(self, kb, path: Path | None, as_of: str | None, out: TextIO,
                 firm: bool) -> None: ...  # fmt: skip


# The module that writes each format.
MODULES: dict[ExportFormat, str] = {
    ExportFormat.json: "json_export",
    ExportFormat.csv: "csv_export",
    ExportFormat.sqlite: "sqlite_export",
    ExportFormat.dot: "dot_export",
    ExportFormat.mermaid: "mermaid_export",
    ExportFormat.plover: "plover_export",
}


def writer(fmt: ExportFormat) -> Writer:
    return importlib.import_module(f"{__name__}.{MODULES[fmt]}").write
