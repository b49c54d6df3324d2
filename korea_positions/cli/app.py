"""The `kpos` Typer application: global options and the query commands."""

# No `from __future__ import annotations` here: Typer would have to compile every string
# annotation back into a type at each start-up.
from enum import Enum
from typing import List, Optional

import typer

from korea_positions import __version__
from korea_positions.cli import completion, views
from korea_positions.cli.context import FormatOption, State, emit, handle_errors, state
from korea_positions.formats import OutputFormat, View
from korea_positions.vocabulary import ActorKind, Stance

app = typer.Typer(
    name="kpos",
    help="Who demands what, and in which order, in the negotiations over ending the Korean War.",
    no_args_is_help=True,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    # Plain click help and errors: stable text for the README's reference and for scripts,
    # and no Rich import just to print usage.
    rich_markup_mode=None,
)


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
    no_cache: bool = typer.Option(False, "--no-cache",
                                  help="Read the knowledge base files, bypassing the cache."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    """Who demands what, and in which order, in the negotiations over ending the Korean War."""
    ctx.obj = State(data=data, debug=debug, no_cache=no_cache)


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
    name: str = typer.Argument(..., autocompletion=completion.actors,
                               help="Id, name, alias or unique surname."),
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
    from korea_positions.conflicts import conflicts as conflicts_of
    from korea_positions.sequence import SequenceCycle, sequence as sequence_of

    try:
        record["sequence"] = sequence_of(kb, actor_id)["stages"]
    except SequenceCycle as cycle:
        raise _cycle_error(kb, cycle) from None
    # The conflicts this actor is part of: against every other party with an order (a
    # person is not set against the party it speaks for).
    from korea_positions.conflicts import default_actors

    own = set(kb.parties_of(actor_id))
    others = [a for a in default_actors(kb) if a not in own]
    record["conflicts"] = [c for c in conflicts_of(kb, [actor_id, *others])
                           if actor_id in c["positions"]]
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
        None, "--actor", "-a", autocompletion=completion.actors,
            help="Actor (repeatable); a party includes those who speak for it."),
    step: Optional[str] = typer.Option(None, "--step", "-s", autocompletion=completion.steps,
        help="Only positions on this step, or ordering it against another."),
    source: Optional[str] = typer.Option(None, "--source", autocompletion=completion.sources,
        help="Source id or outlet key."),
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
    source: Optional[str] = typer.Option(None, "--source", autocompletion=completion.sources,
        help="Source id or outlet key."),
    actor: Optional[List[str]] = typer.Option(
        None, "--actor", "-a", autocompletion=completion.actors,
            help="Speaker (repeatable); a party includes those who speak for it."),
    step: Optional[str] = typer.Option(None, "--step", "-s", autocompletion=completion.steps,
        help="Only quotes about this step."),
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

    from korea_positions.errors import Problem
    from korea_positions.sequence import cycles

    try:
        kb = load(state(ctx).root)
        problems = []
        for actor_id, position_ids in cycles(kb):
            file, line, col = kb.origin("positions", position_ids[0])
            where = ", ".join(f"{pid} (line {kb.origin('positions', pid)[1]} of "
                              f"{kb.origin('positions', pid)[0]})" for pid in position_ids)
            problems.append(Problem(file, line, col, (
                f"the order of {actor_id!r} has a cycle; the positions forming it: {where}")))
        if problems:
            raise InvalidKnowledgeBase(problems)
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


def _as_of(value: str | None) -> str | None:
    if value is None:
        return None
    import datetime as dt

    from korea_positions.errors import UsageError

    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"{value!r} is not a date; use YYYY-MM-DD", "--as-of") from None


def _cycle_error(kb, cycle):
    from korea_positions.errors import KposError

    where = "; ".join(f"{pid} ({':'.join(map(str, kb.origin('positions', pid)[:2]))})"
                      for pid in cycle.positions)
    return KposError(f"{cycle}. Positions: {where}. Run `kpos validate`.")


AsOfOption = typer.Option(None, "--as-of", metavar="DATE",
                          help="Only positions stated on or before this date (YYYY-MM-DD).")
PartiesOption = typer.Option(None, "--actor", "-a", autocompletion=completion.actors,
                             help="Actor (repeatable) [default: every party with an order].")


@app.command()
@handle_errors
def sequence(
    ctx: typer.Context,
    actor: Optional[List[str]] = PartiesOption,
    as_of: Optional[str] = AsOfOption,
    fmt: Optional[OutputFormat] = FormatOption,
) -> None:
    """Show each actor's steps in order, earliest first; steps in one stage go together.

    Example: kpos sequence --actor US --actor DPRK --actor ROK
    """
    from korea_positions.conflicts import default_actors
    from korea_positions.sequence import SequenceCycle, sequence as sequence_of

    kb = state(ctx).kb()
    date = _as_of(as_of)
    actor_ids = _actor_ids(kb, actor) or default_actors(kb, date)
    try:
        records = [sequence_of(kb, actor_id, date) for actor_id in actor_ids]
    except SequenceCycle as cycle:
        raise _cycle_error(kb, cycle) from None
    emit(records, views.SEQUENCES, fmt)


@app.command()
@handle_errors
def conflicts(
    ctx: typer.Context,
    actor: Optional[List[str]] = PartiesOption,
    as_of: Optional[str] = AsOfOption,
    fmt: Optional[OutputFormat] = FormatOption,
) -> None:
    """Show the pairs of steps that actors want in different orders, and who stands where.

    Example: kpos conflicts --actor US --actor DPRK
    """
    from korea_positions.conflicts import conflicts as conflicts_of

    kb = state(ctx).kb()
    records = conflicts_of(kb, _actor_ids(kb, actor), _as_of(as_of))
    emit(records, views.CONFLICTS, fmt)


from korea_positions.export import ExportFormat  # noqa: E402  (light: an enum)


@app.command()
@handle_errors
def export(
    ctx: typer.Context,
    fmt: ExportFormat = typer.Option(
        ..., "--format", "-f", case_sensitive=False,
        help="json: the whole knowledge base; csv: one file per entity in a directory; "
             "sqlite: a database with keys and full-text search over quotes; dot, mermaid: "
             "each actor's order and the conflicts; plover: positions as event records."),
    output: Optional[str] = typer.Option(
        None, "--output", "-o", metavar="PATH",
        help="File (a directory for csv) to write atomically [default: standard output]."),
    as_of: Optional[str] = AsOfOption,
) -> None:
    """Export the whole knowledge base, or diagrams of the orders, for other tools.

    Example: kpos export --format sqlite -o kpos.db && sqlite3 kpos.db "select * from quotes_fts where quotes_fts match 'sincerity'"
    """
    from pathlib import Path

    from korea_positions.errors import UsageError
    from korea_positions.export import NEEDS_PATH, writer

    if output in (None, "-") and fmt in NEEDS_PATH:
        raise UsageError(f"--format {fmt.value} needs --output PATH", "--output")
    path = None if output in (None, "-") else Path(output).expanduser()
    if path is not None and not path.parent.is_dir():
        raise UsageError(f"no such directory: {path.parent}", "--output")
    if path is not None and fmt != ExportFormat.csv and path.is_dir():
        raise UsageError(f"{output} is a directory", "--output")
    kb = state(ctx).kb()
    writer(fmt)(kb, path, _as_of(as_of))
    if path is not None:
        typer.echo(f"kpos: wrote {path}", err=True)


class SchemaKind(str, Enum):
    source_card = "source-card"
    actors = "actors"
    steps = "steps"
    source_data = "source-data"


@app.command()
@handle_errors
def schema(
    kind: Optional[SchemaKind] = typer.Argument(
        None, help="Which file's schema [default: all, as one JSON object by kind]."),
    output_dir: Optional[str] = typer.Option(
        None, "--output-dir", metavar="DIR",
        help="Write KIND.schema.json files into DIR (atomically) instead of printing."),
) -> None:
    """Print the JSON Schema of the knowledge base files, for editors.

    Example: kpos schema actors > schemas/actors.schema.json
    """
    import json
    import sys
    from pathlib import Path

    from korea_positions import schemas

    kinds = [kind.value] if kind else [k.value for k in SchemaKind]
    if output_dir is None:
        if kind:
            sys.stdout.write(schemas.schema_text(kind.value))
        else:
            sys.stdout.write(json.dumps({k: schemas.schema(k) for k in kinds}, indent=2,
                                        ensure_ascii=False) + "\n")
        return
    from korea_positions.atomic import write_atomically
    from korea_positions.errors import UsageError

    directory = Path(output_dir).expanduser()
    if not directory.is_dir():
        raise UsageError(f"no such directory: {output_dir}", "--output-dir")
    for name in kinds:
        write_atomically(directory / schemas.file_name(name),
                         schemas.schema_text(name).encode("utf-8"))
        typer.echo(f"kpos: wrote {directory / schemas.file_name(name)}", err=True)
