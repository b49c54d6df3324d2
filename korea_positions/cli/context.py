"""What every command needs: the knowledge base, error handling and output."""

from __future__ import annotations

import contextlib
import functools
import gc
import sys
from pathlib import Path

import typer

from korea_positions.errors import ExitStatus, InvalidKnowledgeBase, KposError, UsageError
from korea_positions.formats import OutputFormat, View, render


class State:
    """The global options, and the knowledge base once a command asks for it."""

    def __init__(self, data: str | None = None, debug: bool = False, no_cache: bool = False):
        self.data, self.debug, self.no_cache = data, debug, no_cache
        self._kb = None

    @property
    def root(self) -> Path:
        from korea_positions.kbroot import resolve_root

        return resolve_root(self.data)

    def kb(self):
        if self._kb is None:
            root = self.root
            if self.no_cache:
                from korea_positions.loader import load

                with _collector_paused():
                    self._kb = load(root)
                return self._kb
            from korea_positions import cache

            self._kb = cache.load(root, rebuild=lambda: self._load_and_cache(root))
            if self._kb is None:
                self._kb = self._load_and_cache(root)
        return self._kb

    @staticmethod
    def _load_and_cache(root: Path):
        from korea_positions import cache
        from korea_positions.kbfiles import fingerprint
        from korea_positions.loader import load

        files = fingerprint(root)
        with _collector_paused():
            kb = load(root)
            cache.store(root, kb, files)
        return kb


@contextlib.contextmanager
def _collector_paused():
    """Loading makes hundreds of thousands of dicts and lists, none in a reference cycle:
    Python's cycle collector would walk them over and over for nothing (~15% of a load)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def state(ctx: typer.Context) -> State:
    return ctx.find_root().obj or State()


def report_problems(problems, out=None) -> None:
    out = out or sys.stderr
    terminal = out.isatty()
    from korea_positions.formats.cells import escape_controls

    for problem in problems:
        # File names and messages quote data: never let its control characters reach a
        # terminal raw.
        line = str(problem)
        out.write(f"{escape_controls(line) if terminal else line}\n")


def handle_errors(command):
    """Map the errors a user can cause to messages and exit codes; hide tracebacks."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except UsageError as exc:
            raise typer.BadParameter(str(exc), param_hint=exc.param_hint) from None
        except InvalidKnowledgeBase as exc:
            report_problems(exc.problems)
            typer.echo(f"kpos: the knowledge base has {len(exc.problems)} problem(s); "
                       "run `kpos validate` for the list", err=True)
            raise typer.Exit(ExitStatus.PROBLEMS) from None
        except KposError as exc:
            typer.echo(f"kpos: error: {exc}", err=True)
            raise typer.Exit(exc.exit_status) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt, BrokenPipeError):
            raise
        except Exception as exc:  # a bug in kpos: one line, the traceback only on request
            import click

            ctx = click.get_current_context(silent=True)
            if ctx is not None and state(ctx).debug:
                raise
            typer.echo(f"kpos: internal error: {type(exc).__name__}: {exc}. This is a bug; "
                       "please report it with the command you ran (--debug shows the "
                       "traceback).", err=True)
            raise typer.Exit(ExitStatus.INTERNAL) from None

    return wrapper


def emit(records: list[dict], view: View, fmt: OutputFormat | None) -> None:
    terminal = sys.stdout.isatty()
    if fmt is None:
        fmt = OutputFormat.table if terminal else OutputFormat.tsv
    render(fmt, records, view, sys.stdout, terminal)


FormatOption = typer.Option(
    None, "--format", "-f", case_sensitive=False,
    help="Output format (default: table on a terminal, tsv when piped).", show_default=False)
