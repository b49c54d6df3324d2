"""The actors' sequences and their conflicts as Graphviz DOT or Mermaid text.

Pure: knowledge base in, text out. One box per actor that orders steps, holding its stages
(one box per stage, earliest first; steps to be taken together are joined by an undirected
edge), then a Conflicts box with one node per contested pair and dashed edges to the step
each actor wants first.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from itertools import pairwise

from korea_positions.analysis.conflicts import conflicts, default_actors
from korea_positions.analysis.ordergraph import OrderGraph, SequenceCycle, layers, order_graph
from korea_positions.analysis.statements import Contradiction
from korea_positions.kb.knowledge import KnowledgeBase


@dataclass
class _ActorView:
    id: str
    name: str
    stages: list[list[list[str]]]  # stage -> together-group -> step ids
    cycle: SequenceCycle | Contradiction | None
    hedged: set[str]  # steps placed by hedged positions only: drawn dashed


def _views(kb: KnowledgeBase, as_of: str | None, firm: bool) -> tuple[list[_ActorView], list[dict]]:
    views = []
    for actor_id in default_actors(kb, as_of, firm):
        name = kb.actor_by_id.get(actor_id, {}).get("name") or actor_id
        try:
            graph = order_graph(kb, actor_id, as_of, firm)
            firmly = {s for c in graph.constraints if not c.hedged for s in (c.first, c.second)}
            views.append(
                _ActorView(actor_id, name, _stages(graph), None, set(graph.group_of) - firmly)
            )
        except (SequenceCycle, Contradiction) as error:
            views.append(_ActorView(actor_id, name, [], error, set()))
    drawn = [v.id for v in views if v.cycle is None]
    return views, conflicts(kb, drawn, as_of, firm)


def _stages(graph: OrderGraph) -> list[list[list[str]]]:
    """Stages of together-groups; a whole drawn in the stage of its earliest ordered part."""
    wholes = set(graph.leaves)
    stages = [
        [[s for s in graph.groups[g] if s not in wholes] for g in layer] for layer in layers(graph)
    ]
    stage_of = {step: n for n, stage in enumerate(stages) for group in stage for step in group}
    for whole, leaves in sorted(graph.leaves.items()):
        stages[min(stage_of[leaf] for leaf in leaves)].append([whole])
    return [[group for group in stage if group] for stage in stages if any(stage)]


class _Ids:
    """Node ids made of [A-Za-z0-9_] only; distinct keys never share an id even when they
    sanitize alike ('a-b' and 'a_b')."""

    def __init__(self):
        self.by_key: dict[tuple, str] = {}
        self.taken: set[str] = set()

    def __call__(self, *key: str) -> str:
        if key not in self.by_key:
            base = "_".join(re.sub(r"[^A-Za-z0-9_]", "_", part) for part in key)
            candidate, n = base, 2
            while candidate in self.taken:
                candidate, n = f"{base}_{n}", n + 1
            self.taken.add(candidate)
            self.by_key[key] = candidate
        return self.by_key[key]


def _trouble(error: Exception) -> str:
    return (
        "orders contradict each other" if isinstance(error, Contradiction) else "order has a cycle"
    )


def _label(kb: KnowledgeBase, step: str) -> str:
    return (kb.step_by_id.get(step) or {}).get("label") or step


def _wanted_first(record: dict) -> list[tuple[str, str, str]]:
    """(actor, step it points at, what it wants) for each side of a conflict."""
    result = [(a, record["step_a"], "first") for a in record["a_first"]]
    result += [(a, record["step_b"], "first") for a in record["b_first"]]
    result += [
        (a, record["step_a"], f"together with {record['step_b']}") for a in record["together"]
    ]
    return result


# --- Graphviz ---------------------------------------------------------------------------


def _conflict_parts(kb: KnowledgeBase, views, records: list[dict]):
    """What both diagram languages draw for the conflicts: one node per contested pair
    (number, text) and one edge per actor's wish (number, actor, step, label)."""
    names = {v.id: v.name for v in views}
    nodes = [
        (str(n), f"{_label(kb, r['step_a'])} vs {_label(kb, r['step_b'])}")
        for n, r in enumerate(records, 1)
    ]
    edges = [
        (str(n), actor, step, f"{names[actor]}: {wants}")
        for n, r in enumerate(records, 1)
        for actor, step, wants in _wanted_first(r)
    ]
    return nodes, edges


def _dot_string(text: str, wrap: int | None = 28) -> str:
    """A DOT double-quoted string; long text is broken into lines with DOT's \\n escape."""
    lines = textwrap.wrap(" ".join(text.split()), wrap) if wrap else [" ".join(text.split())]
    escaped = [line.replace("\\", "\\\\").replace('"', '\\"') for line in lines or [""]]
    return '"' + "\\n".join(escaped) + '"'


def dot(kb: KnowledgeBase, as_of: str | None = None, firm: bool = False) -> str:
    views, records = _views(kb, as_of, firm)
    ids = _Ids()
    out = [
        "digraph kpos {",
        "  rankdir=LR;",
        "  compound=true;",
        '  node [shape=box, style=rounded, fontname="Helvetica"];',
        '  edge [fontname="Helvetica"];',
    ]
    between = []  # edges between stage boxes, drawn outside them
    for view in views:
        cluster = ids("cluster", view.id)
        out += [f"  subgraph {cluster} {{", f"    label={_dot_string(view.name, None)};"]
        if view.cycle is not None:
            note = f"{_trouble(view.cycle)}; positions: {', '.join(view.cycle.positions)}"
            out.append(f"    {ids('cycle', view.id)} [label={_dot_string(note)}, shape=note];")
        previous = None
        for number, stage in enumerate(view.stages, 1):
            box = ids("cluster", view.id, "stage", str(number))
            out += [f"    subgraph {box} {{", f'      label="{number}";', "      style=dashed;"]
            for group in stage:
                for step in group:
                    dashed = ', style="rounded,dashed"' if step in view.hedged else ""
                    out.append(
                        f"      {ids('s', view.id, step)} [label={_dot_string(_label(kb, step))}"
                        f"{dashed}];"
                    )
                for a, b in pairwise(group):
                    out.append(
                        f"      {ids('s', view.id, a)} -> {ids('s', view.id, b)} "
                        "[dir=none, style=bold, constraint=false];"
                    )
            out.append("    }")
            first_node = ids("s", view.id, stage[0][0])
            if previous is not None:
                between.append(
                    f"  {previous[1]} -> {first_node} [ltail={previous[0]}, lhead={box}];"
                )
            previous = (box, first_node)
        out.append("  }")
    out += between
    if records:
        nodes, edges = _conflict_parts(kb, views, records)
        out += [f"  subgraph {ids('cluster_conflicts')} {{", '    label="Conflicts";']
        out += [
            f"    {ids('c', n)} [label={_dot_string(text, 40)}, shape=note];" for n, text in nodes
        ]
        out.append("  }")
        out += [
            f"  {ids('c', n)} -> {ids('s', actor, step)} [label={_dot_string(label, None)}, "
            "style=dashed, constraint=false];"
            for n, actor, step, label in edges
        ]
    out.append("}")
    return "\n".join(out) + "\n"


# --- Mermaid ----------------------------------------------------------------------------

# Entity codes for everything Mermaid could read as syntax inside a label; '#' first, as
# it starts the codes themselves.
_MERMAID_CODES = {
    "#": "#35;",
    '"': "#quot;",
    "[": "#91;",
    "]": "#93;",
    "(": "#40;",
    ")": "#41;",
    "{": "#123;",
    "}": "#125;",
    "<": "#60;",
    ">": "#62;",
    "|": "#124;",
    "`": "#96;",
}


def _mermaid_string(text: str) -> str:
    return '"' + "".join(_MERMAID_CODES.get(ch, ch) for ch in " ".join(text.split())) + '"'


def mermaid(kb: KnowledgeBase, as_of: str | None = None, firm: bool = False) -> str:
    views, records = _views(kb, as_of, firm)
    ids = _Ids()
    out = ["flowchart LR"]
    for view in views:
        out.append(f"  subgraph {ids('a', view.id)}[{_mermaid_string(view.name)}]")
        if view.cycle is not None:
            note = f"{_trouble(view.cycle)}; positions: {', '.join(view.cycle.positions)}"
            out.append(f"    {ids('cycle', view.id)}[{_mermaid_string(note)}]")
        boxes = []
        for number, stage in enumerate(view.stages, 1):
            box = ids("a", view.id, "stage", str(number))
            boxes.append(box)
            out.append(f"    subgraph {box}[{_mermaid_string(f'stage {number}')}]")
            for group in stage:
                for step in group:
                    out.append(
                        f"      {ids('s', view.id, step)}[{_mermaid_string(_label(kb, step))}]"
                    )
                for a, b in pairwise(group):
                    out.append(f"      {ids('s', view.id, a)} --- {ids('s', view.id, b)}")
            out.append("    end")
        out += [f"    {a} --> {b}" for a, b in pairwise(boxes)]
        out.append("  end")
    if records:
        nodes, edges = _conflict_parts(kb, views, records)
        out.append(f"  subgraph {ids('conflicts')}[{_mermaid_string('Conflicts')}]")
        out += [f"    {ids('c', n)}[{_mermaid_string(text)}]" for n, text in nodes]
        out.append("  end")
        out += [
            f"  {ids('c', n)} -.->|{_mermaid_string(label)}| {ids('s', actor, step)}"
            for n, actor, step, label in edges
        ]
    hedged = [ids("s", view.id, step) for view in views for step in sorted(view.hedged)]
    if hedged:  # drawn dashed: placed by hedged positions only
        out += ["  classDef hedged stroke-dasharray: 5 5;", f"  class {','.join(hedged)} hedged;"]
    return "\n".join(out) + "\n"
