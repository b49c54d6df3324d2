"""The order of steps in one actor's view, from the order statements of its positions.

Pure: knowledge base in, plain records out. A position says its `step` comes before each
step in `before`, after each in `after` and at the same time as each in `together`. Each
statement relates an unordered pair of steps; the newest statement on a pair wins, so an
actor that changes its mind over time is read as holding its latest order.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from korea_positions.kb.knowledge import KnowledgeBase, Record

BEFORE = "before"
TOGETHER = "together"


@dataclass(frozen=True)
class Constraint:
    """The order an actor currently holds on one pair of steps.

    For 'before', `first` comes before `second`; for 'together' the two are in string order.
    `positions` are the statements standing behind it: the newest one on the pair plus any
    earlier ones that said the same since the last statement saying otherwise (removing
    only the newest would leave the order in place, so all of them are its evidence)."""

    first: str
    second: str
    relation: str
    positions: tuple[str, ...]


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


def statements(position: Record) -> list[tuple[str, str, str]]:
    """(first, second, relation) for each order statement of one position."""
    step = position["step"]
    result = [(step, other, BEFORE) for other in position.get("before") or ()]
    result += [(other, step, BEFORE) for other in position.get("after") or ()]
    result += [(*sorted((step, other)), TOGETHER) for other in position.get("together") or ()]
    # A step ordered against itself is reported by the checks; it says nothing here.
    return [s for s in result if s[0] != s[1]]


def order_constraints(
    kb: KnowledgeBase, actor_id: str, as_of: str | None = None
) -> dict[frozenset, Constraint]:
    """The pairs of steps the actor (with everyone speaking for it) orders, as of a date.

    Undated positions cannot be placed in time: they count as older than any dated one
    and are not excluded by `as_of`."""
    voices = kb.members(actor_id)
    said: dict[frozenset, list[tuple[tuple, str, str, str]]] = {}
    for index in sorted({i for voice in voices for i in kb.positions_of_voice.get(voice, ())}):
        p = kb.positions[index]
        date = p.get("date") or ""
        if as_of is not None and date and date > as_of:
            continue
        for first, second, relation in statements(p):
            said.setdefault(frozenset((first, second)), []).append(
                ((date, index), first, second, relation, p["id"])
            )
    result = {}
    for pair, found in said.items():
        found.sort(key=lambda s: s[0])
        # The newest statement wins; earlier ones agreeing with it, back to the last
        # statement that disagreed, stand behind it too.
        _, first, second, relation, _ = found[-1]
        standing: list[str] = []
        for _, f, s, r, pid in reversed(found):
            if (f, s, r) != (first, second, relation):
                break
            if pid not in standing:
                standing.append(pid)
        result[pair] = Constraint(first, second, relation, tuple(reversed(standing)))
    return result


@dataclass
class OrderGraph:
    """One actor's constraints as a graph: steps merged into together-groups, `before`
    edges between the groups. A group is named by its smallest step id."""

    actor: str
    constraints: dict[frozenset, Constraint]
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


def order_graph(kb: KnowledgeBase, actor_id: str, as_of: str | None = None) -> OrderGraph:
    """The actor's constraints with together-steps merged by union-find."""
    graph = OrderGraph(actor_id, order_constraints(kb, actor_id, as_of))
    parent: dict[str, str] = {}

    def find(step: str) -> str:
        parent.setdefault(step, step)
        while parent[step] != step:
            parent[step] = parent[parent[step]]
            step = parent[step]
        return step

    for c in graph.constraints.values():
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
    for c in graph.constraints.values():
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
                    for c in graph.constraints.values()
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


def sequence(kb: KnowledgeBase, actor_id: str, as_of: str | None = None) -> dict:
    """The actor's steps in stages, earliest first; steps of one stage have no order among
    them (together, or simply not ordered). Raises SequenceCycle."""
    graph = order_graph(kb, actor_id, as_of)
    stages = [sorted(s for g in layer for s in graph.groups[g]) for layer in layers(graph)]
    used = {pid for c in graph.constraints.values() for pid in c.positions}
    return {
        "actor": actor_id,
        "stages": stages,
        "positions": [p["id"] for p in kb.positions if p["id"] in used],
    }


def _depth(kb: KnowledgeBase, actor_id: str) -> int:
    """How many speaks_for links lie above the actor (0 for a party)."""
    seen = {actor_id}
    actor = kb.actor_by_id.get(actor_id) or {}
    while actor.get("speaks_for") and actor["speaks_for"] not in seen:
        seen.add(actor["speaks_for"])
        actor = kb.actor_by_id.get(actor["speaks_for"]) or {}
    return len(seen) - 1


def cycles(kb: KnowledgeBase) -> list[tuple[str, list[str]]]:
    """(actor id, position ids) for each actor whose current orders contain a cycle.

    A member's positions roll up into its party, so the same cycle usually shows for both:
    it is reported once, for the actor highest in the speaks_for chain."""
    found: dict[tuple[str, ...], str] = {}
    for actor_id in kb.actor_by_id:
        try:
            layers(order_graph(kb, actor_id))
        except SequenceCycle as cycle:
            key = tuple(cycle.positions)
            if key not in found or _depth(kb, actor_id) < _depth(kb, found[key]):
                found[key] = actor_id
    order = {a: i for i, a in enumerate(kb.actor_by_id)}
    return sorted(
        ((actor, list(key)) for key, actor in found.items()),
        key=lambda item: (order[item[0]], item[1]),
    )


def sequences(kb: KnowledgeBase, actor_ids: list[str], as_of: str | None = None) -> list[dict]:
    """The sequence of each actor, in the order given. Raises SequenceCycle."""
    return [sequence(kb, actor_id, as_of) for actor_id in actor_ids]
