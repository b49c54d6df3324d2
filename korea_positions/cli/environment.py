"""What a run of kpos is given by the world: its streams, whether standard output is a
terminal and how wide, whether colour is wanted, where the cache lives, the working
directory and the KPOS_DATA and KPOS_TEXTS variables. Built once from the process
(`Environment.from_process`) and passed down, so tests can hand a command a terminal of
any width without a pseudo-terminal."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO


@dataclass
class Environment:
    stdin: TextIO = field(default_factory=lambda: sys.stdin)
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    terminal: bool = False  # standard output is a terminal
    width: int = 80
    colour: bool = True  # NO_COLOR unset
    cache_dir: Path | None = None  # None: the platform's cache directory
    cwd: Path | None = None  # None: the process's working directory, when asked
    kpos_data: str | None = None  # KPOS_DATA: the knowledge base root
    kpos_texts: str | None = None  # KPOS_TEXTS: where the source texts are

    @classmethod
    def from_process(cls) -> Environment:
        """From the current sys streams (which a test runner may have replaced)."""
        stdout = sys.stdout
        terminal = _isatty(stdout)
        return cls(
            stdin=sys.stdin, stdout=stdout, stderr=sys.stderr, terminal=terminal,
            width=_width(stdout, terminal), colour=not os.environ.get("NO_COLOR"),
            kpos_data=os.environ.get("KPOS_DATA") or None,
            kpos_texts=os.environ.get("KPOS_TEXTS") or None,
        )  # fmt: skip


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _width(stream, terminal: bool) -> int:
    """As Rich decides it: COLUMNS when set, else the terminal's width, else 80."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if terminal:
        try:
            return os.get_terminal_size(stream.fileno()).columns
        except (OSError, ValueError, AttributeError):
            pass
    return 80
