"""The orders of steps as errors a user can act on: every cycle and contradiction as a
problem for `kpos validate`, and one met by a query as an error naming its positions."""

from __future__ import annotations

from korea_positions.analysis.sequence import order_errors
from korea_positions.analysis.statements import Contradiction
from korea_positions.errors import KposError, Problem
from korea_positions.kb.knowledge import KnowledgeBase


def order_problems(kb: KnowledgeBase) -> list[Problem]:
    problems = []
    for actor_id, as_of, error in order_errors(kb):
        file, line, col = kb.origin("positions", error.positions[0])
        where = ", ".join(f"{pid} ({_at(kb, pid)})" for pid in error.positions)
        when = f" as of {as_of}" if as_of else ""
        if isinstance(error, Contradiction):
            message = (f"positions of {actor_id!r} contradict each other{when} on the order "
                       f"of {error.steps[0]!r} and {error.steps[1]!r}: {where}; date them "
                       "apart or say which one supersedes the other")  # fmt: skip
        else:
            message = (
                f"the order of {actor_id!r} has a cycle{when}; the positions forming it: {where}"
            )
        problems.append(Problem(file, line, col, message))
    return problems


def order_error(kb: KnowledgeBase, error: Exception) -> KposError:
    """A cycle or contradiction met by a query, with where its positions are written."""
    where = "; ".join(f"{pid} ({_at(kb, pid)})" for pid in error.positions)
    return KposError(f"{error}. Positions: {where}. Run `kpos validate`.")


def _at(kb: KnowledgeBase, position_id: str) -> str:
    file, line, _ = kb.origin("positions", position_id)
    return f"{file}:{line}"
