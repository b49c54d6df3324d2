"""The options several commands share, as `Annotated` types, and parsing of their values."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Optional

import typer

from korea_positions.cli import completion
from korea_positions.errors import UsageError
from korea_positions.output.formats import OutputFormat

Format = Annotated[
    Optional[OutputFormat],
    typer.Option("--format", "-f", case_sensitive=False, show_default=False,
                 help="Output format (default: table on a terminal, tsv when piped)."),
]  # fmt: skip
AsOf = Annotated[
    Optional[str],
    typer.Option("--as-of", metavar="DATE",
                 help="Only positions stated on or before this date (YYYY-MM-DD)."),
]  # fmt: skip
Firm = Annotated[
    bool,
    typer.Option("--firm", help="Leave out hedged positions (perhaps, might, expected...)."),
]
Voices = Annotated[
    Optional[list[str]],
    typer.Option(
        "--actor",
        "-a",
        click_type=completion.ACTORS,
        help="Actor (repeatable): who holds, states or speaks it; a party includes those "
        "who speak for it.",
    ),
]
Parties = Annotated[
    Optional[list[str]],
    typer.Option("--actor", "-a", click_type=completion.ACTORS,
                 help="Actor (repeatable) [default: every party with an order]."),
]  # fmt: skip
Source = Annotated[
    Optional[str],
    typer.Option("--source", click_type=completion.SOURCES, help="Source id or outlet key."),
]

Texts = Annotated[
    Optional[str],
    typer.Option("--texts", metavar="DIR",
                 help="Directory holding the source texts [default: KPOS_TEXTS, else the "
                 "knowledge base's texts/]."),
]  # fmt: skip


def no_texts_hint(directory, said_by: str) -> str:
    """What to do when no source text is where they were looked for: said once."""
    return (
        f"kpos: no source text found in {directory} ({said_by}); give --texts DIR or set "
        "KPOS_TEXTS to the directory holding the texts the source cards name, or copy them "
        "into the knowledge base's texts/\n"
    )


def as_of(value: str | None) -> str | None:
    """An --as-of value as an ISO date."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"{value!r} is not a date; use YYYY-MM-DD", "--as-of") from None


def actor_ids(kb, names: list[str] | None) -> list[str] | None:
    if not names:
        return None
    from korea_positions.analysis.names import actor_resolver

    resolver = actor_resolver(kb)
    return [resolver.resolve(name) for name in names]


def step_id(kb, name: str | None) -> str | None:
    if name is None:
        return None
    from korea_positions.analysis.names import step_resolver

    return step_resolver(kb).resolve(name)


def source_ids(kb, name: str | None) -> set[str] | None:
    if name is None:
        return None
    from korea_positions.analysis.names import resolve_sources

    return resolve_sources(kb, name)
