"""`kpos show`: any one record whole, by its id, in every format."""

# No `from __future__ import annotations`: Typer reads these annotations at start-up.
from typing import Annotated

import typer

from korea_positions.cli import completion, options
from korea_positions.cli.output import emit
from korea_positions.cli.session import session


def show(
    ctx: typer.Context,
    record_id: Annotated[
        str,
        typer.Argument(
            metavar="[KIND:]ID",
            click_type=completion.RECORDS,
            help="The id of a position, quote, actor, step or source; KIND:ID when several "
            "kinds share it (position:ID, quote:ID...).",
        ),
    ],
    fmt: options.Format = None,
) -> None:
    """Show one record whole, by its id, with what belongs with it.

    A position with its quotes and source, a quote with the positions citing it, an
    actor, a step or a source. csv and tsv print the columns of the record's kind, as
    its listing command does.

    Example: kpos show atl-us-inventory-first
    """
    from korea_positions.analysis.records import find, whole
    from korea_positions.output.views import SHOW

    s = session(ctx)
    kb = s.kb()
    kind, record = find(kb, record_id)
    emit([whole(kb, kind, record)], SHOW[kind], fmt, s.env)
