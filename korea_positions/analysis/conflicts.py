"""Where actors disagree on the order of two steps.

Pure: knowledge base in, plain records out. Orders count transitively within one actor's
view (a before b and b before c means a before c), but steps on unrelated branches of its
order are not comparable and so cannot conflict.
"""

from __future__ import annotations

from korea_positions.analysis.ordergraph import layers, order_graph
from korea_positions.analysis.statements import order_constraints
from korea_positions.kb.knowledge import KnowledgeBase

X_FIRST, Y_FIRST, TOGETHER = "x-first", "y-first", "together"


def relation_map(
    kb: KnowledgeBase, actor_id: str, as_of: str | None = None, firm: bool = False
) -> dict[tuple[str, str], tuple[str, list[str]]]:
    """(x, y) with x < y -> (relation, positions along the path implying it), for every
    pair of steps the actor's orders make comparable. Raises SequenceCycle or
    Contradiction."""
    graph = order_graph(kb, actor_id, as_of, firm)
    layers(graph)  # on a cycle every step would reach every other: refuse instead
    steps = sorted(graph.group_of)
    result = {}
    for i, x in enumerate(steps):
        for y in steps[i + 1 :]:
            if graph.group_of[x] == graph.group_of[y]:
                relation, path = TOGETHER, graph.path(x, y, through_before=False)
            elif (path := graph.path(x, y)) is not None:
                relation = X_FIRST
            elif (path := graph.path(y, x)) is not None:
                relation = Y_FIRST
            else:
                continue
            positions: list[str] = []
            for constraint in path:
                positions += [p for p in constraint.positions if p not in positions]
            result[(x, y)] = (relation, positions)
    return result


def default_actors(kb: KnowledgeBase, as_of: str | None = None, firm: bool = False) -> list[str]:
    """The parties (states and organizations) that order at least one pair of steps, the
    people and groups speaking for them counted in them."""
    return [
        a["id"]
        for a in kb.actors
        if kb.is_party(a["id"]) and order_constraints(kb, a["id"], as_of, firm)
    ]


def conflicts(
    kb: KnowledgeBase,
    actor_ids: list[str] | None = None,
    as_of: str | None = None,
    firm: bool = False,
) -> list[dict]:
    """One record per pair of steps that at least two actors order differently. Raises
    SequenceCycle or Contradiction (`kpos validate` reports them all)."""
    if actor_ids is None:
        actor_ids = default_actors(kb, as_of, firm)
    maps = {actor_id: relation_map(kb, actor_id, as_of, firm) for actor_id in actor_ids}
    # A step and one of its own parts (part_of) are not alternatives to put in order.
    pairs = sorted(
        {pair for relations in maps.values() for pair in relations if not _nested(kb, *pair)}
    )
    result = []
    for pair in pairs:
        holding = {a: m[pair] for a, m in maps.items() if pair in m}
        if len(holding) < 2 or len({rel for rel, _ in holding.values()}) < 2:
            continue
        result.append(
            {
                "step_a": pair[0],
                "step_b": pair[1],
                "a_first": [a for a, (rel, _) in holding.items() if rel == X_FIRST],
                "b_first": [a for a, (rel, _) in holding.items() if rel == Y_FIRST],
                "together": [a for a, (rel, _) in holding.items() if rel == TOGETHER],
                "positions": {a: pids for a, (_, pids) in holding.items()},
                "sources": {a: _sources(kb, pids) for a, (_, pids) in holding.items()},
            }
        )
    return result


def _sources(kb: KnowledgeBase, position_ids: list[str]) -> list[str]:
    result: list[str] = []
    for pid in position_ids:
        source = kb.position_by_id[pid].get("source")
        if source and source not in result:
            result.append(source)
    return result


def _nested(kb: KnowledgeBase, a: str, b: str) -> bool:
    """Whether one step is part of the other, directly or through parts of parts."""
    return b in _ancestors(kb, a) or a in _ancestors(kb, b)


def _ancestors(kb: KnowledgeBase, step: str) -> set[str]:
    seen: set[str] = set()
    current = (kb.step_by_id.get(step) or {}).get("part_of")
    while current and current not in seen:
        seen.add(current)
        current = (kb.step_by_id.get(current) or {}).get("part_of")
    return seen
