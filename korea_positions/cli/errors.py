"""The one place where what went wrong becomes a message and an exit status.

Commands raise the knowledge base's and the analysis' own errors (errors.KposError);
`exit_status` says each in the user's terms and picks the status. Every command runs
inside `KposCommand.invoke`, which hands what a command raises to `exit_status` (a
usage error first gets the command's context, so Click prints the usage line above it);
`run` hands it what happens outside a command (bad options, a closed pipe).
"""

from __future__ import annotations

import re

import click
from typer.core import TyperCommand, TyperGroup

from korea_positions.cli.environment import Environment
from korea_positions.errors import ExitStatus, InvalidKnowledgeBase, KposError, UsageError
from korea_positions.output.formats.cells import escape_controls


class KposCommand(TyperCommand):
    def invoke(self, ctx: click.Context):
        from korea_positions.cli.session import session
        from korea_positions.kb.knowledge import StoreDamaged

        try:
            try:
                return super().invoke(ctx)
            except StoreDamaged:  # a cache damaged under a command: build it, once more
                session(ctx).forget_cache()
                return super().invoke(ctx)
        except UsageError as exc:
            raise click.BadParameter(str(exc), ctx=ctx, param_hint=exc.param_hint) from None
        except click.ClickException:
            raise
        except Exception as exc:  # noqa: BLE001 - every failure of a command is mapped here
            current = session(ctx)
            exc = _with_places(exc, current)
            raise click.exceptions.Exit(exit_status(exc, current.env, current.debug)) from None


class KposGroup(TyperGroup):
    def resolve_command(self, ctx: click.Context, args: list[str]):
        """An unknown command, with one "did you mean" (Click and Typer each add theirs)."""
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:
            raise click.UsageError(one_suggestion(exc.format_message()), exc.ctx) from None


_SUGGESTION = re.compile(r" *\(?Did you mean [^?]*\?\)?")


def one_suggestion(message: str) -> str:
    """The message with its first "did you mean" only."""
    found = _SUGGESTION.findall(message)
    rest = _SUGGESTION.sub("", message)
    return f"{rest}{found[0]}" if found else message


def _with_places(exc: Exception, current) -> Exception:
    """A cycle or contradiction in the orders, as an error naming where its positions are
    written (the analysis knows ids, the knowledge base their files and lines)."""
    from korea_positions.analysis.ordergraph import SequenceCycle
    from korea_positions.analysis.statements import Contradiction

    if isinstance(exc, (SequenceCycle, Contradiction)):
        from korea_positions.analysis.orders import order_error

        return order_error(current.kb(), exc)
    return exc


class PipeClosed(BaseException):
    """The reader of standard output (head, less) has gone.

    Raised in place of BrokenPipeError, and not an Exception, so that nothing between the
    write and `run` takes it for a failure: Click (which turns EPIPE into exit status 1)
    and Rich (which exits with status 1 itself)."""


class OutputFailed(BaseException):
    """Standard output cannot be written (disk full, I/O error): not a bug in kpos."""


def exit_status(exc: BaseException, env: Environment, debug: bool = False) -> int:
    """Say what `exc` means on env.stderr (nothing for a closed pipe) and return the
    exit status. With `debug`, a bug is re-raised for its traceback."""
    err = env.stderr
    if isinstance(exc, click.exceptions.Exit):
        return exc.exit_code
    if isinstance(exc, click.ClickException):
        exc.show(file=err)
        return exc.exit_code
    if isinstance(exc, (click.Abort, KeyboardInterrupt)):
        err.write("\n")
        return ExitStatus.INTERRUPTED
    if isinstance(exc, (PipeClosed, BrokenPipeError)):
        return ExitStatus.SUCCESS  # cut short: the reader wanted no more
    if isinstance(exc, OutputFailed):
        err.write(f"kpos: error: cannot write the output: {exc}\n")
        return ExitStatus.IO_ERROR
    if isinstance(exc, InvalidKnowledgeBase):
        report_problems(exc.problems, err)
        err.write(f"kpos: the knowledge base has {len(exc.problems)} problem(s); "
                  "run `kpos validate` for the list\n")  # fmt: skip
        return ExitStatus.PROBLEMS
    if isinstance(exc, KposError):
        err.write(f"kpos: error: {exc}\n")
        return exc.exit_status
    if debug or not isinstance(exc, Exception):
        raise exc
    err.write(f"kpos: internal error: {type(exc).__name__}: {exc}. This is a bug; please "
              "report it with the command you ran (--debug shows the traceback).\n")  # fmt: skip
    return ExitStatus.INTERNAL


def report_problems(problems, out) -> None:
    """FILE:LINE:COL: message lines; file names and messages quote data, so on a terminal
    their control characters are escaped."""
    terminal = _isatty(out)
    for problem in problems:
        line = str(problem)
        out.write(f"{escape_controls(line) if terminal else line}\n")


def _isatty(out) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False
