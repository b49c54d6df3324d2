"""The orders of steps as errors a user can act on: every actor's cycle as a problem
for `kpos validate`, and one cycle met by a query as an error naming its positions."""

from __future__ import annotations

from korea_positions.analysis.sequence import SequenceCycle, cycles
from korea_positions.errors import KposError, Problem
from korea_positions.kb.knowledge import KnowledgeBase


def order_problems(kb: KnowledgeBase) -> list[Problem]:
    problems = []
    for actor_id, position_ids in cycles(kb):
        file, line, col = kb.origin("positions", position_ids[0])
        where = ", ".join(
            f"{pid} (line {kb.origin('positions', pid)[1]} of {kb.origin('positions', pid)[0]})"
            for pid in position_ids
        )
        message = f"the order of {actor_id!r} has a cycle; the positions forming it: {where}"
        problems.append(Problem(file, line, col, message))
    return problems


def cycle_error(kb: KnowledgeBase, cycle: SequenceCycle) -> KposError:
    where = "; ".join(
        f"{pid} ({':'.join(map(str, kb.origin('positions', pid)[:2]))})" for pid in cycle.positions
    )
    return KposError(f"{cycle}. Positions: {where}. Run `kpos validate`.")
