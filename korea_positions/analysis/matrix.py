"""Who wants what first, at a glance: the steps against the parties, each cell the party's
stage for the step.

Rows are the steps any of the parties orders, in tree order: each whole above its parts
(`part_of`), a whole listed even when no party orders it (its cells blank) so that its
parts stand under it. A cell says the party's stage for the step (1 the earliest; steps it
wants together share one; None when it has no order on the step), whether only hedged
positions place it, whether the party is on a side of a conflict over the step (and
against which steps), and the positions that place it.

Pure: knowledge base in, plain records out.
"""

from __future__ import annotations

from korea_positions.analysis.conflicts import conflicts, default_actors
from korea_positions.analysis.sequence import sequences
from korea_positions.analysis.statements import statements
from korea_positions.kb.knowledge import KnowledgeBase


def matrix(
    kb: KnowledgeBase,
    actor_ids: list[str] | None = None,
    as_of: str | None = None,
    firm: bool = False,
) -> list[dict]:
    """One record per step: `step`, `part_of`, `parties` ({actor: cell}). Raises
    SequenceCycle or Contradiction, as `sequence` does."""
    if actor_ids is None:
        actor_ids = default_actors(kb, as_of, firm)
    ordered = sequences(kb, actor_ids, as_of, firm)
    return arrange(kb, ordered, conflicts(kb, actor_ids, as_of, firm))


def arrange(kb: KnowledgeBase, ordered: list[dict], found: list[dict]) -> list[dict]:
    """The matrix of sequences already computed (`sequence` records, one per column) and
    the conflicts among them."""
    placed = {
        seq["actor"]: {step: n for n, stage in enumerate(seq["stages"], 1) for step in stage}
        for seq in ordered
    }
    against: dict[tuple[str, str], set[str]] = {}
    for c in found:
        for actor in c["a_first"] + c["b_first"] + c["together"]:
            against.setdefault((actor, c["step_a"]), set()).add(c["step_b"])
            against.setdefault((actor, c["step_b"]), set()).add(c["step_a"])
    related = _relatives(kb)
    rows = []
    for step in tree_order(kb, {s for stages in placed.values() for s in stages}):
        parties = {}
        for seq in ordered:
            actor = seq["actor"]
            stage = placed[actor].get(step)
            others = sorted(against.get((actor, step), ())) if stage else []
            parties[actor] = {
                "stage": stage,
                "hedged": stage is not None and step in seq["hedged"],
                "conflict": bool(others),
                "against": others,
                "positions": _placing(kb, seq["positions"], related[step]) if stage else [],
            }
        rows.append({"step": step, "part_of": _part_of(kb, step), "parties": parties})
    return rows


def tree_order(kb: KnowledgeBase, steps: set[str]) -> list[str]:
    """The steps and every whole they are part of, each whole followed by its parts, in
    the order the knowledge base lists them."""
    shown = set()
    for step in steps:
        shown.add(step)
        shown |= ancestors(kb, step)
    children: dict[str | None, list[str]] = {}
    for s in kb.steps:
        if s["id"] in shown:
            parent = _part_of(kb, s["id"])
            children.setdefault(parent if parent in shown else None, []).append(s["id"])
    # Steps the knowledge base does not list (a broken reference) come last, as roots.
    children.setdefault(None, []).extend(sorted(shown - set(kb.step_by_id)))
    result: list[str] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        step = stack.pop()
        if step not in result:  # a loop of part_of is reported by the checks
            result.append(step)
            stack.extend(reversed(children.get(step, [])))
    return result


def ancestors(kb: KnowledgeBase, step: str) -> set[str]:
    """The wholes a step is part of, directly or through parts of parts."""
    seen: set[str] = set()
    current = _part_of(kb, step)
    while current and current not in seen:
        seen.add(current)
        current = _part_of(kb, current)
    return seen


def descendants(kb: KnowledgeBase, step: str) -> set[str]:
    """The parts of a step, and their parts."""
    return {s["id"] for s in kb.steps if step in ancestors(kb, s["id"])}


def _relatives(kb: KnowledgeBase) -> _Relatives:
    """Step -> itself, the wholes it is part of and its parts (any step: a missing one has
    only itself)."""
    result: dict[str, set[str]] = {}
    for s in kb.steps:
        up = ancestors(kb, s["id"])
        result.setdefault(s["id"], set()).update({s["id"], *up})
        for whole in up:
            result.setdefault(whole, set()).add(s["id"])
    return _Relatives(result)


class _Relatives(dict):
    def __missing__(self, step: str) -> set[str]:
        return {step}


def _part_of(kb: KnowledgeBase, step: str) -> str | None:
    return (kb.step_by_id.get(step) or {}).get("part_of")


def _placing(kb: KnowledgeBase, position_ids: list[str], related: set[str]) -> list[str]:
    """Of the positions behind a party's order, those ordering the step, a whole it is
    part of (an order on a whole holds for its parts) or one of its parts (a whole sits
    where its earliest part does): `related`."""
    result = []
    for pid in position_ids:
        position = kb.position_by_id.get(pid)
        mentioned = {s for first, second, _ in statements(position) for s in (first, second)}
        if mentioned & related:
            result.append(pid)
    return result
