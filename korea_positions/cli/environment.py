"""What a run of kpos is given by the world: its streams, whether standard output is a
terminal and how wide, whether colour is wanted, where the cache lives, the working
directory and the KPOS_DATA and KPOS_TEXTS variables. Built once from the process
(`Environment.from_process`) and passed down, so tests can hand a command a terminal of
any width without a pseudo-terminal."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO


class Environment:
    # A plain class, not a dataclass: this is on every command's start-up path.
    def __init__(self, stdin: TextIO | None = None, stdout: TextIO | None = None,
                 stderr: TextIO | None = None, terminal: bool = False, width: int = 80,
                 colour: bool = True, cache_dir: Path | None = None, cwd: Path | None = None,
                 kpos_data: str | None = None, kpos_texts: str | None = None):  # fmt: skip
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self.terminal = terminal  # standard output is a terminal
        self.width = width
        self.colour = colour  # NO_COLOR unset
        self.cache_dir = cache_dir  # None: the platform's cache directory
        self.cwd = cwd  # None: the process's working directory, when asked
        self.kpos_data = kpos_data  # KPOS_DATA: the knowledge base root
        self.kpos_texts = kpos_texts  # KPOS_TEXTS: where the source texts are

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
