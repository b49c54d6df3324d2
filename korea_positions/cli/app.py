"""The `kpos` Typer application: the global options, and every command registered in
the order `kpos --help` lists them."""

# No `from __future__ import annotations`: Typer reads these annotations at start-up.
from typing import Annotated, Optional

import typer

from korea_positions import __version__
from korea_positions.cli import (
    curate_commands,
    kb_commands,
    query_commands,
    report_commands,
    show_command,
)
from korea_positions.cli.environment import Environment
from korea_positions.cli.errors import KposCommand, KposGroup
from korea_positions.cli.session import Session

app = typer.Typer(
    name="kpos",
    cls=KposGroup,
    help="Who demands what, and in which order, in the negotiations over ending the Korean War.",
    no_args_is_help=True,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Exit codes: 0 success (an empty result too); 1 invalid knowledge base or a failed "
    "check; 2 usage error; 70 internal error (a bug: --debug shows the traceback); 74 the "
    "output could not be written; 130 interrupted.",
    pretty_exceptions_enable=False,
    # Plain click help and errors: stable text for the README's reference and for scripts,
    # and no Rich import just to print usage.
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    """The version, and what the bundled knowledge base holds and where it lies."""
    if value:
        typer.echo(f"kpos {__version__}")
        from korea_positions.kb.cache import load_cached
        from korea_positions.kb.files import bundled_root

        root = bundled_root()
        try:
            kb = load_cached(root)
            counts = kb.counts()
            latest = max(kb.published.values(), default="none")
            typer.echo(
                f"bundled knowledge base: {counts['sources']} sources, {counts['positions']} "
                f"positions, {counts['quotes']} quotes, latest source {latest}, in {root}"
            )
        except Exception as exc:  # noqa: BLE001 - the version is said whatever the data
            typer.echo(f"bundled knowledge base: cannot be read ({exc}), in {root}")
        raise typer.Exit()


@app.callback()
def global_options(
    ctx: typer.Context,
    data: Annotated[
        Optional[str],
        typer.Option(
            "--data",
            metavar="DIR",
            help="Knowledge base root holding data/ and seeds/ [default: KPOS_DATA, else the "
            "nearest one from the current directory upward, else the bundled one].",
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks of internal errors.")
    ] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Read the knowledge base files, bypassing the cache.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Who demands what, and in which order, in the negotiations over ending the Korean War."""
    env = ctx.obj if isinstance(ctx.obj, Environment) else Environment.from_process()
    ctx.obj = Session(env, data=data, debug=debug, no_cache=no_cache)


for command in (
    query_commands.actors, query_commands.actor, show_command.show, query_commands.steps,
    query_commands.sources,
    query_commands.demands, query_commands.quotes, kb_commands.validate, kb_commands.verify,
    query_commands.sequence, query_commands.conflicts, report_commands.matrix,
    report_commands.report, kb_commands.export, kb_commands.schema,
    curate_commands.init, curate_commands.extract,
):  # fmt: skip
    app.command(cls=KposCommand)(command)

add_app = typer.Typer(help="Add to a knowledge base of your own.", no_args_is_help=True)
add_app.command("source", cls=KposCommand)(curate_commands.add_source)
app.add_typer(add_app, name="add")

kb_commands.cache_app.command("path", cls=KposCommand)(kb_commands.cache_path)
kb_commands.cache_app.command("clear", cls=KposCommand)(kb_commands.cache_clear)
app.add_typer(kb_commands.cache_app, name="cache")
