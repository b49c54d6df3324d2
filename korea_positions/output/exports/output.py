"""Where an export's text goes: a file, written atomically, or standard output."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from korea_positions.atomic import write_atomically


def emit_text(text: str, path: Path | None, out: TextIO | None = None) -> None:
    if path is None:
        (out or sys.stdout).write(text)
    else:
        write_atomically(path, text.encode("utf-8"))
