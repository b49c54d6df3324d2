"""The query commands: each parses its options, calls one analysis function and renders."""

# No `from __future__ import annotations`: Typer reads these annotations at start-up.
from typing import Annotated, Optional

import typer

from korea_positions.cli import completion, options
from korea_positions.cli.output import emit
from korea_positions.cli.session import session
from korea_positions.output import views
from korea_positions.vocabulary import ActorKind, Stance


def actors(
    ctx: typer.Context,
    kind: Annotated[
        Optional[ActorKind],
        typer.Option("--kind", case_sensitive=False, help="Only actors of this kind."),
    ] = None,
    fmt: options.Format = None,
) -> None:
    """List the actors: states, organizations, people and groups.

    Example: kpos actors --kind person
    """
    from korea_positions.analysis import queries

    s = session(ctx)
    emit(queries.actors(s.kb(), kind.value if kind else None), views.ACTORS, fmt, s.env)


def actor(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(click_type=completion.ACTORS, help="Id, name, alias or unique surname."),
    ],
    as_of: options.AsOf = None,
    firm: options.Firm = False,
    fmt: options.Format = None,
) -> None:
    """Show one actor with its positions and quotes.

    Example: kpos actor "Moon Jae In"
    """
    from korea_positions.analysis.names import actor_resolver
    from korea_positions.analysis.profile import actor_profile
    from korea_positions.errors import UsageError
    from korea_positions.output.views import ACTOR

    s = session(ctx)
    kb = s.kb()
    try:
        actor_id = actor_resolver(kb).resolve(name)
    except UsageError as exc:
        raise UsageError(str(exc), "NAME") from None
    date = options.as_of(as_of)
    emit([actor_profile(kb, actor_id, date, firm)], ACTOR, fmt, s.env)


def steps(ctx: typer.Context, fmt: options.Format = None) -> None:
    """List the steps that can be sequenced: declarations, inspections, treaties...

    Example: kpos steps --format json
    """
    from korea_positions.analysis import queries

    s = session(ctx)
    emit(queries.steps(s.kb()), views.STEPS, fmt, s.env)


def sources(ctx: typer.Context, fmt: options.Format = None) -> None:
    """List the source documents the knowledge base cites.

    Example: kpos sources
    """
    from korea_positions.analysis import queries

    s = session(ctx)
    emit(queries.sources(s.kb()), views.SOURCES, fmt, s.env)


def demands(
    ctx: typer.Context,
    actor: options.Voices = None,
    step: Annotated[
        Optional[str],
        typer.Option(
            "--step",
            "-s",
            click_type=completion.STEPS,
            help="Only positions on this step, or ordering it against another.",
        ),
    ] = None,
    source: options.Source = None,
    stance: Annotated[
        Optional[Stance], typer.Option("--stance", case_sensitive=False, help="Only this stance.")
    ] = None,
    as_of: options.AsOf = None,
    firm: options.Firm = False,
    fmt: options.Format = None,
) -> None:
    """List positions: who demands, offers or warns what, in which order, citing whom.

    Example: kpos demands --actor US --step end-of-war-declaration
    """
    from korea_positions.analysis import queries

    s = session(ctx)
    kb = s.kb()
    records = queries.demands(
        kb,
        options.actor_ids(kb, actor),
        options.step_id(kb, step),
        options.source_ids(kb, source),
        stance.value if stance else None,
        options.as_of(as_of),
        firm,
    )
    emit(records, views.POSITIONS, fmt, s.env)


def quotes(
    ctx: typer.Context,
    source: options.Source = None,
    actor: options.Voices = None,
    step: Annotated[
        Optional[str],
        typer.Option(
            "--step", "-s", click_type=completion.STEPS, help="Only quotes about this step."
        ),
    ] = None,
    contains: Annotated[
        Optional[str],
        typer.Option("--contains", help="Only quotes containing this text (case-insensitive)."),
    ] = None,
    as_of: options.AsOf = None,
    fmt: options.Format = None,
) -> None:
    """List quotes: the exact words, their speaker, who relayed them, and the source.

    Example: kpos quotes --source atlantic --contains sincerity
    """
    from korea_positions.analysis import queries

    s = session(ctx)
    kb = s.kb()
    records = queries.quotes(
        kb,
        options.source_ids(kb, source),
        options.actor_ids(kb, actor),
        options.step_id(kb, step),
        contains,
        options.as_of(as_of),
    )
    emit(records, views.QUOTES, fmt, s.env)


def sequence(
    ctx: typer.Context,
    actor: options.Parties = None,
    as_of: options.AsOf = None,
    firm: options.Firm = False,
    fmt: options.Format = None,
) -> None:
    """Show each actor's steps in order, earliest first; steps in one stage go together.

    Example: kpos sequence --actor US --actor DPRK --actor ROK
    """
    from korea_positions.analysis.conflicts import default_actors
    from korea_positions.analysis.sequence import sequences

    s = session(ctx)
    kb = s.kb()
    date = options.as_of(as_of)
    actors = options.actor_ids(kb, actor) or default_actors(kb, date, firm)
    emit(sequences(kb, actors, date, firm), views.SEQUENCES, fmt, s.env)


def conflicts(
    ctx: typer.Context,
    actor: options.Parties = None,
    as_of: options.AsOf = None,
    firm: options.Firm = False,
    fmt: options.Format = None,
) -> None:
    """Show the pairs of steps that actors want in different orders, and who stands where.

    Example: kpos conflicts --actor US --actor DPRK
    """
    from korea_positions.analysis.conflicts import conflicts as conflicts_of

    s = session(ctx)
    kb = s.kb()
    records = conflicts_of(kb, options.actor_ids(kb, actor), options.as_of(as_of), firm)
    emit(records, views.CONFLICTS, fmt, s.env)
