"""The console script: runs the app, ends quietly on a closed pipe or Ctrl-C."""

from __future__ import annotations

import os
import sys

from korea_positions.errors import ExitStatus


def main() -> None:
    from korea_positions.cli.app import app

    try:
        app(prog_name="kpos")
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        sys.exit(ExitStatus.INTERRUPTED)
    except BrokenPipeError:
        _quiet_broken_pipe()


def _quiet_broken_pipe() -> None:
    # The reader (head, less) has gone: point stdout at /dev/null so the interpreter's
    # final flush does not complain, and exit as if done.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(0)
