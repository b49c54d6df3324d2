"""A whole stands for its parts: how an order on a step reaches the steps `part_of` it.

Within one party's orders: X before a whole puts X before each of its ordered parts; a
whole before Y puts each part before Y; X together with a whole puts X together with the
whole's earliest parts. Nested parts follow (a part of a part is a part). Only parts the
party orders itself count: steps it never mentions are not brought in. Sequencing then
places the whole at the stage of its earliest ordered part.

Pure: the steps and one party's constraints in, constraints out.
"""

from __future__ import annotations

from korea_positions.analysis.statements import BEFORE, TOGETHER, Constraint
from korea_positions.kb.knowledge import KnowledgeBase


def ordered_leaves(kb: KnowledgeBase, steps: set[str]) -> dict[str, list[str]]:
    """Whole -> its ordered parts that have no ordered part of their own, for every step
    among `steps` with any ordered part."""
    parent = {s["id"]: s.get("part_of") for s in kb.steps}
    parts: dict[str, set[str]] = {}
    for step in steps:
        seen, current = {step}, parent.get(step)
        while current and current not in seen:  # a loop of part_of is reported elsewhere
            if current in steps:
                parts.setdefault(current, set()).add(step)
            seen.add(current)
            current = parent.get(current)
    return {whole: sorted(p for p in found if p not in parts) for whole, found in parts.items()}


def expand(kb: KnowledgeBase, constraints: list[Constraint]):
    """(the constraints plus those their wholes imply for their parts, whole -> leaves)."""
    steps = {c.first for c in constraints} | {c.second for c in constraints}
    leaves = ordered_leaves(kb, steps)
    result = list(constraints)
    for c in constraints:
        if c.relation == BEFORE and (c.first in leaves or c.second in leaves):
            result += [
                Constraint(a, b, BEFORE, c.positions, c.hedged)
                for a in leaves.get(c.first, [c.first])
                for b in leaves.get(c.second, [c.second])
                if a != b
            ]
    befores = [c for c in result if c.relation == BEFORE]
    for c in constraints:
        if c.relation == TOGETHER and (c.first in leaves or c.second in leaves):
            result += [
                Constraint(*sorted((a, b)), TOGETHER, c.positions, c.hedged)
                for a in _earliest(leaves, c.first, befores)
                for b in _earliest(leaves, c.second, befores)
                if a != b
            ]
    return result, leaves


def _earliest(leaves: dict[str, list[str]], step: str, befores: list[Constraint]) -> list[str]:
    """The parts of a whole that no other of its parts comes before (the step itself when
    it has no ordered part)."""
    own = leaves.get(step)
    if not own:
        return [step]
    later = {c.second for c in befores if c.first in own and c.second in own}
    return [leaf for leaf in own if leaf not in later] or own
