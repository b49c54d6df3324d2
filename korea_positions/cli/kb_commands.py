"""The commands about the knowledge base itself: check it, prove its quotes, export it,
describe its files, and manage its cache."""

# No `from __future__ import annotations`: Typer reads these annotations at start-up.
from enum import Enum
from typing import Annotated, Optional

import typer

from korea_positions.cli import options
from korea_positions.cli.errors import KposGroup
from korea_positions.cli.output import emit
from korea_positions.cli.session import session
from korea_positions.errors import ExitStatus, InvalidKnowledgeBase, UsageError
from korea_positions.output import views
from korea_positions.output.exports import ExportFormat


def validate(ctx: typer.Context) -> None:
    """Check the knowledge base; print every problem as FILE:LINE:COL: message.

    Exit 0 and a count of each entity when it is valid, 1 when it has problems; either
    way, say which knowledge base was checked (--data, KPOS_DATA, the nearest one from the
    current directory upward, or the bundled one).

    Example: kpos --data ~/my-kb validate
    """
    from korea_positions.cli.errors import report_problems

    s = session(ctx)
    where = s.place.describe()
    try:
        kb = s.checked()
    except InvalidKnowledgeBase as exc:
        report_problems(exc.problems, s.env.stdout)
        s.env.stderr.write(f"kpos: {len(exc.problems)} problem(s) found in {where}\n")
        raise typer.Exit(ExitStatus.PROBLEMS) from None
    counts = ", ".join(f"{n} {kind}" for kind, n in kb.counts().items())
    s.env.stdout.write(f"ok: {counts}\n")
    s.env.stderr.write(f"kpos: checked {where}\n")


def verify(
    ctx: typer.Context,
    texts: options.Texts = None,
    failed_only: Annotated[
        bool, typer.Option("--failed", help="Only the quotes and hedges not verified.")
    ] = False,
    fmt: options.Format = None,
) -> None:
    """Prove every quote is its source's exact words; exit 1 unless all are found.

    The texts are looked up in --texts DIR, else KPOS_TEXTS, else the knowledge base's
    texts/ directory. A quote not found is shown with the file and line where it is
    written, the closest passage of the text and the words that differ.

    Example: kpos verify --failed
    """
    from korea_positions.analysis.verify import NO_TEXT, OK, read_texts
    from korea_positions.analysis.verify import verify as verify_quotes

    s = session(ctx)
    directory, said_by = s.texts(texts)
    kb = s.kb()
    records = verify_quotes(kb, read_texts(kb, directory), s.command("add source", texts=texts))
    failed = [r for r in records if r["status"] != OK]
    emit(failed if failed_only else records, views.VERIFY, fmt, s.env)
    if records and all(r["status"] == NO_TEXT for r in records):
        s.env.stderr.write(options.no_texts_hint(directory, said_by))
        raise typer.Exit(ExitStatus.PROBLEMS)
    if failed:
        s.env.stderr.write(f"kpos: {_count(failed)} of {_count(records)} not verified\n")
        raise typer.Exit(ExitStatus.PROBLEMS)
    s.env.stderr.write(f"kpos: all {_count(records)} verified\n")


def _count(records: list[dict]) -> str:
    """`46 quotes and 17 hedges`: what verify checked, by kind."""
    quotes = sum(r["kind"] == "quote" for r in records)
    hedges = len(records) - quotes
    said = f"{quotes} quote{'s' * (quotes != 1)}"
    return said + (f" and {hedges} hedge{'s' * (hedges != 1)}" if hedges else "")


def export(
    ctx: typer.Context,
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="json: the whole knowledge base; csv: one file per entity in a directory; "
            "sqlite: a database with keys and full-text search over quotes; dot, mermaid: "
            "each actor's order and the conflicts; plover: positions as event records.",
        ),
    ],
    output: Annotated[
        Optional[str],
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="File (a directory for csv) to write atomically [default: standard output].",
        ),
    ] = None,
    as_of: options.AsOf = None,
    firm: options.Firm = False,
) -> None:
    """Export the whole knowledge base, or diagrams of the orders, for other tools.

    Example: kpos export --format sqlite -o kpos.db && sqlite3 kpos.db "select * from quotes_fts where quotes_fts match 'sincerity'"
    """
    from pathlib import Path

    from korea_positions.output.exports import NEEDS_PATH, writer

    if output in (None, "-") and fmt in NEEDS_PATH:
        raise UsageError(f"--format {fmt.value} needs --output PATH", "--output")
    path = None if output in (None, "-") else Path(output).expanduser()
    if path is not None and not path.parent.is_dir():
        raise UsageError(f"no such directory: {path.parent}", "--output")
    s = session(ctx)
    writer(fmt)(s.kb(), path, options.as_of(as_of), s.env.stdout, firm)
    if path is not None:
        s.env.stderr.write(f"kpos: wrote {path}\n")


class SchemaKind(str, Enum):
    source_card = "source-card"
    actors = "actors"
    steps = "steps"
    source_data = "source-data"


def schema(
    ctx: typer.Context,
    kind: Annotated[
        Optional[SchemaKind],
        typer.Argument(
            case_sensitive=False,
            help="Which file's schema [default: all, as one JSON object by kind].",
        ),
    ] = None,
    output_dir: Annotated[
        Optional[str],
        typer.Option(
            "--output-dir",
            metavar="DIR",
            help="Write KIND.schema.json files into DIR (atomically) instead of printing.",
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of the knowledge base files, for editors.

    Example: kpos schema actors > schemas/actors.schema.json
    """
    from pathlib import Path

    from korea_positions.atomic import directory_for, write_atomically
    from korea_positions.output import schemas

    env = session(ctx).env
    kinds = [kind.value] if kind else [k.value for k in SchemaKind]
    if output_dir is None:
        env.stdout.write(schemas.schema_text(kind.value) if kind else schemas.all_text(kinds))
        return
    directory = Path(output_dir).expanduser()
    if not directory.exists():
        raise UsageError(f"no such directory: {output_dir}", "--output-dir")
    directory = directory_for(directory)
    for name in kinds:
        write_atomically(directory / schemas.file_name(name),
                         schemas.schema_text(name).encode("utf-8"))  # fmt: skip
        env.stderr.write(f"kpos: wrote {directory / schemas.file_name(name)}\n")


cache_app = typer.Typer(help="The cache of validated knowledge bases.", no_args_is_help=True,
                        cls=KposGroup)  # fmt: skip


def cache_path(ctx: typer.Context) -> None:
    """Print where the cache of the knowledge base is kept.

    Example: kpos cache path
    """
    from korea_positions.kb.cache import cache_path as path_of

    s = session(ctx)
    s.env.stdout.write(f"{path_of(s.root, s.env.cache_dir)}\n")


def cache_clear(ctx: typer.Context) -> None:
    """Delete the cache of every knowledge base; the next query rebuilds it.

    Example: kpos cache clear
    """
    from korea_positions.kb.cache import clear

    s = session(ctx)
    removed = clear(s.env.cache_dir)
    s.env.stderr.write(f"kpos: removed {len(removed)} cache file(s)\n")
