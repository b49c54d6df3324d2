"""Running a program on a real terminal: a pseudo-terminal of a given width, whose screen
is read back as text (for the table tests and the README's tour)."""

from __future__ import annotations

import fcntl
import os
import pty
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path

BIN = Path(sys.executable).parent
KPOS = shutil.which("kpos", path=str(BIN)) or shutil.which("kpos")


def on_a_pty(argv: list[str], env: dict, columns: int, cwd=None) -> tuple[int, str]:
    """Exit status and screen of `argv` run with standard output and error on a terminal
    `columns` wide; the terminal's "\\r\\n" line ends read back as "\\n"."""
    primary, replica = pty.openpty()
    fcntl.ioctl(replica, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    process = subprocess.Popen(
        argv, stdin=subprocess.DEVNULL, stdout=replica, stderr=replica, env=env, cwd=cwd
    )
    os.close(replica)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # EIO: the other side is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    status = process.wait(timeout=300)
    os.close(primary)
    return status, b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def environment(columns: int, **extra: str) -> dict:
    """The process environment for a terminal `columns` wide, without colour, with the
    installed kpos first on PATH and no knowledge base chosen by the environment."""
    env = {k: v for k, v in os.environ.items() if k not in ("KPOS_DATA", "NO_COLOR")}
    path = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return (
        env | {"COLUMNS": str(columns), "NO_COLOR": "1", "PATH": path, "LC_ALL": "C.UTF-8"} | extra
    )
