"""The report's filter box: what each name a reader may type means, computed by kpos and
embedded in the page, so the page resolves names as the command line does (ids, names,
aliases and unique surnames of actors; ids and labels of steps) without a resolver of
its own. The page only drops from what is typed the characters names are compared
without, and looks the rest up here.

Elements of the page say which actors and steps they concern (`data-actors`,
`data-steps`); typing a party selects it and everyone speaking for it, typing a step
selects it, its parts and the wholes it is part of.
"""

from __future__ import annotations

from korea_positions.analysis.matrix import ancestors, descendants
from korea_positions.kb.knowledge import KnowledgeBase
from korea_positions.kb.spelling import IGNORED_CHARACTERS, normalize


def filter_data(kb: KnowledgeBase) -> dict:
    exact: dict[str, set[str]] = {}
    family: dict[str, set[str]] = {}
    for key, actor, is_surname in kb.actor_spellings():
        (family if is_surname else exact).setdefault(key, set()).add(actor)
    actors = {**family, **exact}  # a surname counts only where no name or alias is spelt so
    steps: dict[str, set[str]] = {}
    for step in kb.steps:
        for name in (step["id"], step["label"]):
            steps.setdefault(normalize(name), set()).add(step["id"])
    names = {
        key: {"actors": sorted(actors.get(key, ())), "steps": sorted(steps.get(key, ()))}
        for key in sorted(set(actors) | set(steps))
    }
    return {
        "names": names,
        "members": {a["id"]: sorted(kb.members(a["id"])) for a in kb.actors},
        "related": {
            s["id"]: sorted({s["id"]} | ancestors(kb, s["id"]) | descendants(kb, s["id"]))
            for s in kb.steps
        },
        # As a regular expression's character class, every character escaped.
        "ignore": "".join(f"\\u{ord(c):04x}" for c in IGNORED_CHARACTERS),
        "labels": {
            **{a["id"]: a["name"] for a in kb.actors},
            **{s["id"]: s["label"] for s in kb.steps},
        },
    }


def position_actors(position: dict) -> str:
    return " ".join(
        dict.fromkeys(
            a
            for a in (position["actor"], position.get("stated_by"), position.get("reported_by"))
            if a
        )
    )


def position_steps(position: dict) -> str:
    mentioned = [position["step"]]
    for relation in ("before", "after", "together"):
        mentioned += position.get(relation) or []
    return " ".join(dict.fromkeys(mentioned))


def quote_actors(quote: dict) -> str:
    return " ".join(a for a in (quote["speaker"], quote.get("reported_by")) if a)
