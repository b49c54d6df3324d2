"""Shell completion of actor, step and source names and of record ids: on every Tab, so
from the cache. What was typed matches the start of a spelling, ignoring case, spaces,
hyphens and periods (kb.spelling); the ids are offered, with a name as their help."""

from __future__ import annotations

import click


def _kb(ctx):
    from korea_positions.cli.environment import Environment
    from korea_positions.cli.session import Session

    root_params = ctx.find_root().params if ctx is not None else {}
    try:
        return Session(Environment.from_process(), data=root_params.get("data")).kb()
    except Exception:  # completion must never print an error into the user's prompt
        return None


def _matching(candidates: list[tuple[str, str, list[str]]], incomplete: str):
    """(id, help) of the candidates (id, help, spellings) with a spelling starting with
    what was typed."""
    from korea_positions.kb.spelling import normalize

    wanted = normalize(incomplete)
    return [(value, help_text) for value, help_text, spellings in candidates
            if any(normalize(s).startswith(wanted) for s in [value, *spellings])]  # fmt: skip


def actors(ctx, incomplete: str) -> list[tuple[str, str]]:
    """Ids of the actors whose id, name or surname starts with what was typed (`Mo`:
    moon-chung-in, moon-jae-in; `trum`: donald-trump, trump-administration-officials);
    when none does, those with an alias that does (`Pyong`: dprk)."""
    from korea_positions.kb.spelling import normalize

    kb = _kb(ctx)
    if kb is None:
        return []
    wanted = normalize(incomplete)
    spellings = kb.actor_spellings()
    found = {actor for key, actor, family in spellings if family and key.startswith(wanted)}
    found |= {a["id"] for a in kb.actors
              if normalize(a["id"]).startswith(wanted) or normalize(a["name"]).startswith(wanted)}  # fmt: skip
    found = found or {actor for key, actor, _ in spellings if key.startswith(wanted)}
    return sorted((a["id"], a["name"]) for a in kb.actors if a["id"] in found)


def steps(ctx, incomplete: str) -> list[tuple[str, str]]:
    kb = _kb(ctx)
    if kb is None:
        return []
    return _matching([(s["id"], s["label"], [s["label"]]) for s in kb.steps], incomplete)


def sources(ctx, incomplete: str) -> list[tuple[str, str]]:
    kb = _kb(ctx)
    if kb is None:
        return []
    outlets = {s["outlet"]: s["outlet_name"] for s in kb.sources}
    candidates = [(key, name, [name]) for key, name in sorted(outlets.items())]
    return _matching(candidates + [(s["id"], s["title"], []) for s in kb.sources], incomplete)


def records(ctx, incomplete: str) -> list[tuple[str, str]]:
    """`kpos show`: ids of every kind starting with what was typed (after `kind:`, the
    ids of that kind, offered with it)."""
    from korea_positions.analysis.records import KINDS

    kb = _kb(ctx)
    if kb is None:
        return []
    kind, _, typed = incomplete.rpartition(":")
    found = []
    for name, plural in KINDS.items():
        if kind and kind.lower() not in (name, plural):
            continue
        prefix = f"{name}:" if kind else ""
        found += [(prefix + i, name) for i in kb.ids(plural) if i.lower().startswith(typed.lower())]
    return sorted(found)


class Completed(click.ParamType):
    """Text whose values complete through `complete(ctx, incomplete)` as they are: the
    ids it offers need not start with what was typed (Typer's own completion keeps only
    those that do, which would drop moon-jae-in for `Mo`)."""

    name = "text"

    def __init__(self, complete):
        self.complete = complete

    def convert(self, value, param, ctx):
        return value

    def shell_complete(self, ctx, param, incomplete):
        from click.shell_completion import CompletionItem

        return [CompletionItem(value, help=text) for value, text in self.complete(ctx, incomplete)]


ACTORS = Completed(actors)
STEPS = Completed(steps)
SOURCES = Completed(sources)
RECORDS = Completed(records)
