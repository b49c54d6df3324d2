"""One party's orders as a graph, and its steps in stages.

Steps said to go together are merged into one group (named by its smallest step id);
`before` statements are edges between groups. Layering (Kahn's algorithm) puts every
group after all of its predecessors; a cycle is an error naming the positions forming it.

Pure: knowledge base in, graph and stages out.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from korea_positions.analysis.parts import expand
from korea_positions.analysis.statements import BEFORE, TOGETHER, Constraint, order_constraints
from korea_positions.kb.knowledge import KnowledgeBase


class SequenceCycle(Exception):
    """The orders of an actor cannot all hold: some steps come before themselves."""

    def __init__(self, actor_id: str, position_ids: list[str], steps: list[str] = ()):
        self.actor = actor_id
        self.positions = sorted(set(position_ids))
        self.steps = list(steps)
        loop = " → ".join(self.steps + self.steps[:1])
        super().__init__(
            f"the order of {actor_id!r} has a cycle"
            + (f" ({loop})" if loop else "")
            + f"; positions: {', '.join(self.positions)}"
        )


@dataclass
class OrderGraph:
    """One actor's constraints as a graph: steps merged into together-groups, `before`
    edges between the groups. A group is named by its smallest step id."""

    actor: str
    constraints: list[Constraint]
    leaves: dict[str, list[str]] = field(default_factory=dict)  # whole -> its ordered parts
    group_of: dict[str, str] = field(default_factory=dict)
    groups: dict[str, list[str]] = field(default_factory=dict)
    succ: dict[str, set[str]] = field(default_factory=dict)
    # step -> [(neighbour, constraint)]: together edges both ways, before edges forwards
    together_adj: dict[str, list[tuple[str, Constraint]]] = field(default_factory=dict)
    before_adj: dict[str, list[tuple[str, Constraint]]] = field(default_factory=dict)

    def path(self, start: str, goal: str, through_before: bool = True) -> list[Constraint] | None:
        """The constraints along a shortest path from start to goal (together edges either
        way, before edges forwards only when `through_before`); None when there is none."""
        came: dict[str, tuple[str, Constraint] | None] = {start: None}
        queue = deque([start])
        while queue:
            step = queue.popleft()
            if step == goal:
                result = []
                while came[step] is not None:
                    step, constraint = came[step]
                    result.append(constraint)
                return result[::-1]
            edges = list(self.together_adj.get(step, ()))
            if through_before:
                edges += self.before_adj.get(step, ())
            for other, constraint in sorted(edges, key=lambda e: (e[0], e[1].relation)):
                if other not in came:
                    came[other] = (step, constraint)
                    queue.append(other)
        return None


def order_graph(kb: KnowledgeBase, actor_id: str, as_of: str | None = None,
                firm: bool = False) -> OrderGraph:  # fmt: skip
    """The actor's constraints, wholes standing for their parts, with together-steps
    merged by union-find. Raises Contradiction."""
    constraints, leaves = expand(kb, list(order_constraints(kb, actor_id, as_of, firm).values()))
    graph = OrderGraph(actor_id, constraints, leaves)
    parent: dict[str, str] = {}

    def find(step: str) -> str:
        parent.setdefault(step, step)
        while parent[step] != step:
            parent[step] = parent[parent[step]]
            step = parent[step]
        return step

    for c in graph.constraints:
        a, b = find(c.first), find(c.second)  # also registers both steps
        if c.relation == TOGETHER:
            parent[max(a, b)] = min(a, b)  # the smaller id stays the root
            graph.together_adj.setdefault(c.first, []).append((c.second, c))
            graph.together_adj.setdefault(c.second, []).append((c.first, c))
        else:
            graph.before_adj.setdefault(c.first, []).append((c.second, c))
    for step in sorted(parent):
        graph.group_of[step] = find(step)
        graph.groups.setdefault(find(step), []).append(step)
    graph.succ = {g: set() for g in graph.groups}
    for c in graph.constraints:
        if c.relation == BEFORE:
            graph.succ[graph.group_of[c.first]].add(graph.group_of[c.second])
    return graph


def layers(graph: OrderGraph) -> list[list[str]]:
    """The groups in layers, earliest first (Kahn's algorithm: a layer holds every group whose
    predecessors are all in earlier layers). Raises SequenceCycle if some cannot be placed."""
    indegree = {g: 0 for g in graph.groups}
    for nexts in graph.succ.values():
        for n in nexts:
            indegree[n] += 1
    layer = sorted(g for g, d in indegree.items() if d == 0)
    result = []
    while layer:
        result.append(layer)
        following = []
        for g in layer:
            for n in graph.succ[g]:
                indegree[n] -= 1
                if indegree[n] == 0:
                    following.append(n)
        layer = sorted(following)
    remaining = {g for g, d in indegree.items() if d > 0}
    if remaining:
        raise _cycle_error(graph, remaining)
    return result


def _cycle_error(graph: OrderGraph, remaining: set[str]) -> SequenceCycle:
    """Find one actual cycle among the groups Kahn could not place and name its positions."""
    pred: dict[str, list[str]] = {g: [] for g in remaining}
    for g in remaining:
        for n in graph.succ[g]:
            if n in remaining:
                pred[n].append(g)
    # Every group left has a predecessor that is left too: walking back must loop.
    walk, seen, node = [], {}, min(remaining)
    while node not in seen:
        seen[node] = len(walk)
        walk.append(node)
        node = min(pred[node])
    loop = walk[seen[node] :][::-1]  # forwards: loop[i] -> loop[i + 1] -> ... -> loop[0]
    edges = []
    for i, g in enumerate(loop):
        h = loop[(i + 1) % len(loop)]
        edges.append(
            min(
                (
                    c
                    for c in graph.constraints
                    if c.relation == BEFORE
                    and graph.group_of[c.first] == g
                    and graph.group_of[c.second] == h
                ),
                key=lambda c: (c.first, c.second),
            )
        )
    used: list[Constraint] = []
    steps: list[str] = []
    for i, edge in enumerate(edges):
        nxt = edges[(i + 1) % len(edges)]
        used.append(edge)
        steps.append(edge.first)
        # Inside a group, the edge arriving and the one leaving may touch different steps:
        # the together statements joining them are part of the cycle.
        if edge.second != nxt.first:
            steps.append(edge.second)
            used += graph.path(edge.second, nxt.first, through_before=False) or []
    positions = [pid for c in used for pid in c.positions]
    return SequenceCycle(graph.actor, positions, steps)
