"""Entry point for `kpos` and `python -m korea_positions`."""

from __future__ import annotations

import os
import sys

from korea_positions.cli.main import main as run


def main() -> None:
    """Run kpos, then leave without the interpreter's teardown.

    Freeing a large knowledge base object by object at exit takes as long as a fifth of
    loading it (~0.2 s at 200 times the bundled size); kpos registers no exit handlers
    and has flushed its output by then. (Tests and other callers use cli.main.main,
    which ends in SystemExit as usual.)"""
    try:
        run()
        code = 0
    except SystemExit as exc:
        code = _status(exc.code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:  # noqa: BLE001 - the reader has gone; nothing left to say
            pass
    os._exit(code)


def _status(code) -> int:
    """What sys.exit would make of it: None is success, a message goes to stderr."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    sys.stderr.write(f"{code}\n")
    return 1


if __name__ == "__main__":
    main()
