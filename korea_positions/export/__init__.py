"""Whole-knowledge-base exports: one module per format, each writing atomically.

Every writer takes the knowledge base, an output path (None for standard output where
the format allows it) and the --as-of date for the analysis formats.
"""

from __future__ import annotations

import importlib
from enum import Enum


class ExportFormat(str, Enum):
    json = "json"
    csv = "csv"
    sqlite = "sqlite"
    dot = "dot"
    mermaid = "mermaid"
    plover = "plover"


# Formats that cannot go to standard output: csv is a directory, sqlite a binary file.
NEEDS_PATH = {ExportFormat.csv, ExportFormat.sqlite}


def writer(fmt: ExportFormat):
    return importlib.import_module(f"korea_positions.export.{fmt.value}_export").write
