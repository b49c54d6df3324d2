"""The console script: runs the app, ends quietly on a closed pipe or Ctrl-C, and in one
line when standard output cannot be written or something escapes the commands' handler."""

from __future__ import annotations

import os
import sys

from korea_positions.errors import ExitStatus

IO_ERROR = ExitStatus.IO_ERROR  # sysexits.h EX_IOERR: an error writing the output


class _PipeClosed(BaseException):
    """The reader of standard output (head, less) has gone.

    Raised in place of BrokenPipeError, and not an Exception, so that nothing between the
    write and main() takes it for a failure: the commands' error handler, Click (which
    turns EPIPE into exit status 1) and Rich (which exits with status 1 itself).
    """


class _OutputFailed(BaseException):
    """Standard output cannot be written (disk full, I/O error): not a bug in kpos."""


class _GuardedStdout:
    """sys.stdout, with write errors raised as the two exceptions above; all else is
    delegated."""

    def __init__(self, stream):
        self._stream = stream

    def _guard(self, call, *args):
        try:
            return call(*args)
        except BrokenPipeError:
            raise _PipeClosed from None
        except OSError as exc:
            raise _OutputFailed(exc.strerror or str(exc)) from None

    def write(self, text):
        return self._guard(self._stream.write, text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        return self._guard(self._stream.flush)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def main() -> None:
    from korea_positions.cli.app import app

    if sys.stdout is None:  # started with standard output closed (>&-)
        sys.stderr.write("kpos: error: standard output is closed\n")
        sys.exit(IO_ERROR)
    sys.stdout = _GuardedStdout(sys.stdout)
    status = 0
    try:
        app(prog_name="kpos")  # always ends in SystemExit
    except SystemExit as exc:
        status = exc.code
    except (_PipeClosed, BrokenPipeError):  # cut short: the reader wanted no more
        _end_output(0)
    except _OutputFailed as exc:
        _end_output(IO_ERROR, f"kpos: error: cannot write the output: {exc}")
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        sys.exit(ExitStatus.INTERRUPTED)
    except Exception as exc:  # escaped the commands' own handler: still one line
        if "--debug" in sys.argv[1:]:
            raise
        sys.stderr.write(f"kpos: internal error: {type(exc).__name__}: {exc}. This is a bug; "
                         "please report it with the command you ran (--debug shows the "
                         "traceback).\n")
        status = ExitStatus.INTERNAL
    # Flush here rather than leave it to the interpreter's exit, which would print
    # "Exception ignored ... BrokenPipeError" and exit 120 if the reader has gone.
    try:
        sys.stdout.flush()
    except _PipeClosed:
        _end_output(status)
    except _OutputFailed as exc:
        _end_output(IO_ERROR, f"kpos: error: cannot write the output: {exc}")
    sys.exit(status)


def _end_output(status, message: str = "") -> None:
    # Point stdout at /dev/null so that the interpreter's final flush of what is still
    # buffered does not fail again, say why if there is something to say, and exit.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    if message:
        sys.stderr.write(message + "\n")
    sys.exit(status)
