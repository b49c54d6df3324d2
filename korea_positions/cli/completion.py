"""Shell completion of actor, step and source names: on every Tab, so from the cache."""

from __future__ import annotations


def _kb(ctx):
    from korea_positions.cli.environment import Environment
    from korea_positions.cli.session import Session

    root_params = ctx.find_root().params if ctx is not None else {}
    try:
        return Session(Environment.from_process(), data=root_params.get("data")).kb()
    except Exception:  # completion must never print an error into the user's prompt
        return None


def _matching(candidates: list[tuple[str, str]], incomplete: str) -> list[tuple[str, str]]:
    from korea_positions.kb.spelling import normalize

    wanted = normalize(incomplete)
    return [(value, help_text) for value, help_text in candidates
            if normalize(value).startswith(wanted)]  # fmt: skip


def actors(ctx, incomplete: str) -> list[tuple[str, str]]:
    kb = _kb(ctx)
    if kb is None:
        return []
    return _matching(sorted((a["id"], a["name"]) for a in kb.actors), incomplete)


def steps(ctx, incomplete: str) -> list[tuple[str, str]]:
    kb = _kb(ctx)
    return [] if kb is None else _matching([(s["id"], s["label"]) for s in kb.steps], incomplete)


def sources(ctx, incomplete: str) -> list[tuple[str, str]]:
    kb = _kb(ctx)
    if kb is None:
        return []
    outlets = {s["outlet"]: s["outlet_name"] for s in kb.sources}
    return _matching(sorted(outlets.items()) + [(s["id"], s["title"]) for s in kb.sources],
                     incomplete)  # fmt: skip
