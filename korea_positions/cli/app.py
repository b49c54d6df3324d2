"""The `kpos` Typer application: global options and the query commands."""

from __future__ import annotations

from enum import Enum
from typing import List, Optional

import typer

from korea_positions import __version__
from korea_positions.cli import views
from korea_positions.cli.context import FormatOption, State, emit, handle_errors, state
from korea_positions.formats import OutputFormat, View

app = typer.Typer(
    name="kpos",
    help="Who demands what, and in which order, in the negotiations over ending the Korean War.",
    no_args_is_help=True,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


class ActorKind(str, Enum):
    state = "state"
    organization = "organization"
    person = "person"
    group = "group"


class Stance(str, Enum):
    demand = "demand"
    condition = "condition"
    offer = "offer"
    proposal = "proposal"
    support = "support"
    oppose = "oppose"
    warning = "warning"
    assessment = "assessment"
    commitment = "commitment"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kpos {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    data: Optional[str] = typer.Option(
        None, "--data", envvar="KPOS_DATA", metavar="DIR",
        help="Knowledge base root holding data/ and seeds/ (default: the bundled one)."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks of internal errors."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    """Who demands what, and in which order, in the negotiations over ending the Korean War."""
    ctx.obj = State(data=data, debug=debug)


def _actor_ids(kb, names: list[str] | None) -> list[str] | None:
    if not names:
        return None
    from korea_positions.names import actor_resolver

    resolver = actor_resolver(kb)
    return [resolver.resolve(name) for name in names]


def _step_id(kb, name: str | None) -> str | None:
    if name is None:
        return None
    from korea_positions.names import step_resolver

    return step_resolver(kb).resolve(name)


def _source_ids(kb, name: str | None) -> set[str] | None:
    if name is None:
        return None
    from korea_positions.names import resolve_sources

    return resolve_sources(kb, name)


@app.command()
@handle_errors
def actors(
    ctx: typer.Context,
    kind: Optional[ActorKind] = typer.Option(None, "--kind", help="Only actors of this kind."),
    fmt: Optional[OutputFormat] = FormatOption,
) -> None:
    """List the actors: states, organizations, people and groups.

    Example: kpos actors --kind person
    """
    from korea_positions import queries

    records = queries.actors(state(ctx).kb(), kind.value if kind else None)
    emit(records, views.ACTORS, fmt)


@app.command()
@handle_errors
def actor(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Id, name, alias or unique surname."),
    fmt: Optional[OutputFormat] = FormatOption,
) -> None:
    """Show one actor with its positions and quotes.

    Example: kpos actor "Moon Jae In"
    """
    from korea_positions import queries
    from korea_positions.names import actor_resolver

    kb = state(ctx).kb()
    try:
        actor_id = actor_resolver(kb).resolve(name)
    except Exception as exc:
        setattr(exc, "param_hint", "NAME")
        raise
    record = queries.actor_detail(kb, actor_id)
    from korea_positions.cli.actor_view import show_actor

    emit([record], View("Actor", single=True, custom_table=show_actor), fmt)


@app.command()
@handle_errors
def steps(ctx: typer.Context, fmt: Optional[OutputFormat] = FormatOption) -> None:
    """List the steps that can be sequenced: declarations, inspections, treaties...

    Example: kpos steps --format json
    """
    from korea_positions import queries

    emit(queries.steps(state(ctx).kb()), views.STEPS, fmt)


@app.command()
@handle_errors
def sources(ctx: typer.Context, fmt: Optional[OutputFormat] = FormatOption) -> None:
    """List the source documents the knowledge base cites.

    Example: kpos sources
    """
    from korea_positions import queries

    emit(queries.sources(state(ctx).kb()), views.SOURCES, fmt)


@app.command()
@handle_errors
def demands(
    ctx: typer.Context,
    actor: Optional[List[str]] = typer.Option(
        None, "--actor", "-a", help="Actor (repeatable); a party includes those who speak for it."),
    step: Optional[str] = typer.Option(None, "--step", "-s", help="Only positions on this step."),
    source: Optional[str] = typer.Option(None, "--source", help="Source id or outlet key."),
    stance: Optional[Stance] = typer.Option(None, "--stance", help="Only this stance."),
    fmt: Optional[OutputFormat] = FormatOption,
) -> None:
    """List positions: who demands, offers or warns what, in which order, citing whom.

    Example: kpos demands --actor US --step end-of-war-declaration
    """
    from korea_positions import queries

    kb = state(ctx).kb()
    records = queries.demands(kb, _actor_ids(kb, actor), _step_id(kb, step),
                              _source_ids(kb, source), stance.value if stance else None)
    emit(records, views.POSITIONS, fmt)


@app.command()
@handle_errors
def quotes(
    ctx: typer.Context,
    source: Optional[str] = typer.Option(None, "--source", help="Source id or outlet key."),
    actor: Optional[List[str]] = typer.Option(
        None, "--actor", "-a", help="Speaker (repeatable); a party includes those who speak for it."),
    step: Optional[str] = typer.Option(None, "--step", "-s", help="Only quotes about this step."),
    contains: Optional[str] = typer.Option(
        None, "--contains", help="Only quotes containing this text (case-insensitive)."),
    fmt: Optional[OutputFormat] = FormatOption,
) -> None:
    """List quotes: the exact words, their speaker, who relayed them, and the source.

    Example: kpos quotes --source atlantic --contains sincerity
    """
    from korea_positions import queries

    kb = state(ctx).kb()
    records = queries.quotes(kb, _source_ids(kb, source), _actor_ids(kb, actor),
                             _step_id(kb, step), contains)
    emit(records, views.QUOTES, fmt)


@app.command()
@handle_errors
def validate(ctx: typer.Context) -> None:
    """Check the knowledge base; print every problem as FILE:LINE:COL: message.

    Exit 0 and a count of each entity when it is valid, 1 when it has problems.
    Example: kpos --data ~/my-kb validate
    """
    from korea_positions.cli.context import report_problems
    from korea_positions.errors import ExitStatus, InvalidKnowledgeBase
    from korea_positions.loader import load

    try:
        kb = load(state(ctx).root)
    except InvalidKnowledgeBase as exc:
        import sys

        report_problems(exc.problems, sys.stdout)
        typer.echo(f"kpos: {len(exc.problems)} problem(s) found", err=True)
        raise typer.Exit(ExitStatus.PROBLEMS) from None
    counts = ", ".join(f"{n} {kind}" for kind, n in kb.counts().items())
    typer.echo(f"ok: {counts}")


@app.command()
@handle_errors
def verify(
    ctx: typer.Context,
    texts: str = typer.Option(..., "--texts", metavar="DIR",
                              help="Directory holding the source texts named by the source cards."),
    fmt: Optional[OutputFormat] = FormatOption,
) -> None:
    """Prove every quote is its source's exact words; exit 1 unless all are found.

    Example: kpos verify --texts ../shared/seeds
    """
    from pathlib import Path

    from korea_positions.errors import ExitStatus, UsageError
    from korea_positions.verify import OK, read_texts, verify as verify_quotes

    directory = Path(texts).expanduser()
    if not directory.is_dir():
        raise UsageError(f"no such directory: {texts}", "--texts")
    kb = state(ctx).kb()
    records = verify_quotes(kb, read_texts(kb, directory))
    emit(records, views.VERIFY, fmt)
    failed = [r for r in records if r["status"] != OK]
    if failed:
        typer.echo(f"kpos: {len(failed)} of {len(records)} quote(s) not verified", err=True)
        raise typer.Exit(ExitStatus.PROBLEMS)
    typer.echo(f"kpos: all {len(records)} quote(s) verified", err=True)
