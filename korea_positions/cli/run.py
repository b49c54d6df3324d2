"""Running kpos: `run` returns the exit status of one command line; `main` is the console
script, which also ends quietly on a closed pipe and in one line when standard output
cannot be written."""

from __future__ import annotations

import os
import sys

from korea_positions.cli.environment import Environment
from korea_positions.cli.errors import OutputFailed, PipeClosed, exit_status
from korea_positions.errors import ExitStatus


def run(args: list[str] | None = None, env: Environment | None = None) -> int:
    from korea_positions.cli.app import app

    env = env or Environment.from_process()
    args = sys.argv[1:] if args is None else args
    try:
        code = app(args=args, prog_name="kpos", standalone_mode=False, obj=env)
        status = code if isinstance(code, int) else ExitStatus.SUCCESS
        env.stdout.flush()
        return status
    except BaseException as exc:  # noqa: BLE001 - every way out gets its status here
        return exit_status(exc, env, debug="--debug" in args)


class _GuardedStdout:
    """sys.stdout, with write errors raised as PipeClosed or OutputFailed."""

    def __init__(self, stream):
        self._stream = stream

    def _guard(self, call, *args):
        try:
            return call(*args)
        except BrokenPipeError:
            raise PipeClosed from None
        except OSError as exc:
            raise OutputFailed(exc.strerror or str(exc)) from None

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
    """The console script. Leaves without the interpreter's teardown once its output is
    flushed: freeing a large knowledge base object by object takes a noticeable time,
    and kpos registers no exit handlers."""
    if sys.stdout is None:  # started with standard output closed (>&-)
        sys.stderr.write("kpos: error: standard output is closed\n")
        sys.exit(ExitStatus.IO_ERROR)
    sys.stdout = _GuardedStdout(sys.stdout)
    status = run()
    try:
        sys.stdout.flush()
    except PipeClosed:
        pass
    except OutputFailed as exc:
        sys.stderr.write(f"kpos: error: cannot write the output: {exc}\n")
        status = ExitStatus.IO_ERROR
    try:
        sys.stderr.flush()
    except OSError:
        pass
    os._exit(int(status) & 0xFF)
