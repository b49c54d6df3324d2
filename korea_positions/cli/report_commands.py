"""The at-a-glance commands: the matrix of steps against parties on the terminal, and
the report, one self-contained HTML page to look at."""

# No `from __future__ import annotations`: Typer reads these annotations at start-up.
from typing import Annotated

import typer

from korea_positions.cli import options
from korea_positions.cli.output import emit
from korea_positions.cli.session import session
from korea_positions.errors import UsageError
from korea_positions.output.formats import OutputFormat


def matrix(
    ctx: typer.Context,
    actor: options.Parties = None,
    as_of: options.AsOf = None,
    firm: options.Firm = False,
    fmt: options.Format = None,
) -> None:
    """Show who wants what first: each party's stage for each step, conflicts marked.

    A cell is the party's stage (1 earliest; steps wanted together share a number), `?`
    when only hedged positions place it; cells of steps in conflict are in reverse video
    (`!` in plain text). csv and tsv give one row per step and party.

    Example: kpos matrix --actor US --actor DPRK --actor ROK
    """
    from korea_positions.analysis.matrix import matrix as matrix_of
    from korea_positions.output import matrix_view

    s = session(ctx)
    kb = s.kb()
    records = matrix_of(kb, options.actor_ids(kb, actor), options.as_of(as_of), firm)
    fmt = fmt or (OutputFormat.table if s.env.terminal else OutputFormat.tsv)
    if fmt in (OutputFormat.csv, OutputFormat.tsv):
        emit(matrix_view.rows(records), matrix_view.CELLS, fmt, s.env)
    else:
        emit(records, matrix_view.MATRIX, fmt, s.env)


def report(
    ctx: typer.Context,
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="HTML file to write atomically; - for standard output.",
        ),
    ] = "kpos-report.html",
    actor: options.Parties = None,
    as_of: options.AsOf = None,
    firm: options.Firm = False,
) -> None:
    """Write one self-contained HTML page: matrix, sequences, conflicts, timeline, sources.

    Everything is inline (styles, script, drawings): the page makes no request when it is
    opened, and a filter box narrows it to the actors or steps typed.

    Example: kpos report -o report.html --as-of 2018-09-01
    """
    from pathlib import Path

    from korea_positions.atomic import write_atomically
    from korea_positions.output.report import render_report

    path = None if output == "-" else Path(output).expanduser()
    if path is not None and not path.parent.is_dir():
        raise UsageError(f"no such directory: {path.parent}", "--output")
    s = session(ctx)
    kb = s.kb()
    page = render_report(kb, options.actor_ids(kb, actor), options.as_of(as_of), firm)
    if path is None:
        s.env.stdout.write(page)
        return
    write_atomically(path, page.encode("utf-8"))  # CannotWrite (exit 74) if it cannot
    s.env.stderr.write(f"kpos: wrote {path} ({len(page.encode('utf-8')) // 1024} KB)\n")
