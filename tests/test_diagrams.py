"""diagrams.py: DOT checked by Graphviz when installed, Mermaid checked for structure."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from functools import partial
from itertools import pairwise

import kbbuild
import pytest

from korea_positions.kb.knowledge import KnowledgeBase
from korea_positions.output.diagrams import dot, mermaid

LABELS = {
    "a-b": 'Say "hi" [now] (done) {x} <y> | #1',
    "a_b": "ends with a backslash \\",
    "c": "C",
    "d": "D: step d",
}
US_NAME = 'The "U.S." \\ [Washington]'


def actor(aid: str, name: str, speaks_for: str | None = None) -> dict:
    return {
        "id": aid,
        "name": name,
        "kind": "person" if speaks_for else "state",
        "aliases": [],
        "speaks_for": [speaks_for] if speaks_for else [],
    }


# Every position from one source: the diagrams do not depend on which.
pos = partial(kbbuild.pos, source="src")


def make_kb(positions: list[dict], actors: list[dict] | None = None) -> KnowledgeBase:
    actors = actors or [
        actor("us", US_NAME),
        actor("dprk", "North Korea"),
        actor("rok", "South Korea"),
        actor("moon", "Moon", "rok"),
        actor("china", "China"),
    ]
    steps = [{"id": s, "label": label, "by": [], "part_of": None} for s, label in LABELS.items()]
    return KnowledgeBase.from_records(actors=actors, steps=steps, positions=positions)


def sample_kb() -> KnowledgeBase:
    # us: a-b → a_b + c (together) → d; dprk: c → a-b; rok, through Moon: a-b + c together.
    # One contested pair: (a-b, c). China has no orders.
    return make_kb(
        [
            pos("u1", "us", "a-b", before=["c"]),
            pos("u2", "us", "a_b", together=["c"]),
            pos("u3", "us", "c", before=["d"]),
            pos("d1", "dprk", "c", before=["a-b"]),
            pos("m1", "moon", "c", together=["a-b"]),
            pos("x1", "china", "d"),
        ]
    )


# --- Mermaid ----------------------------------------------------------------------------

_ID = r"[A-Za-z0-9_]+"
_LABEL = r'"([^"]*)"'
_MERMAID_LINE = {
    "subgraph": re.compile(rf"subgraph ({_ID})\[{_LABEL}\]"),
    "node": re.compile(rf"({_ID})\[{_LABEL}\]"),
    "edge": re.compile(rf"({_ID}) (-->|---|-\.->\|{_LABEL}\|) ({_ID})"),
    "end": re.compile("end"),
}


def parse_mermaid(text: str) -> dict:
    """Declared ids with their labels unescaped, and edges (from, arrow, label, to); fails
    on any line of another shape, an undeclared id or an unescaped character in a label."""
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    declared: dict[str, str] = {}
    edges: list[tuple[str, str, str | None, str]] = []
    labels: list[str] = []
    depth = 0
    for line in lines[1:]:
        kind = next((k for k, rx in _MERMAID_LINE.items() if rx.fullmatch(line.strip())), None)
        assert kind, f"unexpected Mermaid line: {line!r}"
        m = _MERMAID_LINE[kind].fullmatch(line.strip())
        if kind in ("subgraph", "node"):
            assert m[1] not in declared, f"{m[1]} declared twice"
            declared[m[1]] = m[2]
            labels.append(m[2])
            depth += kind == "subgraph"
        elif kind == "edge":
            edges.append((m[1], m[2].split("|")[0], m[3], m[4]))
            labels += [m[3]] if m[3] is not None else []
        else:
            depth -= 1
            assert depth >= 0
    assert depth == 0
    for label in labels:
        assert not set(label) & set('"[](){}<>|`'), label
        assert "#" not in re.sub(r"#(quot|\d+);", "", label), label
    for a, _, _, b in edges:
        assert a in declared and b in declared, (a, b)
    return {
        "declared": {i: unescape_mermaid(label) for i, label in declared.items()},
        "edges": [(a, arrow, label and unescape_mermaid(label), b) for a, arrow, label, b in edges],
    }


def unescape_mermaid(label: str) -> str:
    return re.sub(r"#(quot|\d+);", lambda m: '"' if m[1] == "quot" else chr(int(m[1])), label)


def test_mermaid_structure_and_escaping():
    parsed = parse_mermaid(mermaid(sample_kb()))
    declared, edges = parsed["declared"], parsed["edges"]
    by_label: dict[str, list[str]] = {}
    for node_id, label in declared.items():
        by_label.setdefault(label, []).append(node_id)
    # Labels survive escaping; "a-b" and "a_b" get distinct ids.
    assert len(by_label[US_NAME]) == 1
    assert len(by_label[LABELS["a-b"]]) == 3  # us, dprk and rok each show it
    assert len(by_label[LABELS["a_b"]]) == 1
    assert set(by_label[LABELS["a-b"]]).isdisjoint(by_label[LABELS["a_b"]])
    assert "China" not in by_label and "Moon" not in by_label  # no orders / rolled up
    assert {"North Korea", "South Korea", "Conflicts"} <= set(by_label)
    # us: stage 1 {a-b}, stage 2 {a_b, c} joined by an undirected edge, stage 3 {d}
    us = [i for i in declared if i.startswith("a_us")][0]
    stages = [i for i in declared if i.startswith(us + "_stage")]
    assert [declared[i] for i in stages] == ["stage 1", "stage 2", "stage 3"]
    assert [(a, b) for a, arrow, _, b in edges if arrow == "-->" and a.startswith(us)] == list(
        pairwise(stages)
    )
    joined = [{declared[a], declared[b]} for a, arrow, _, b in edges if arrow == "---"]
    assert joined == [{LABELS["a_b"], "C"}, {LABELS["a-b"], "C"}]  # us, then rok
    # One conflict node on (a-b, c), pointing at each actor's step wanted first.
    [conflict] = [i for i, label in declared.items() if label == f"{LABELS['a-b']} vs C"]
    pointed = {label: (b, declared[b]) for a, _, label, b in edges if a == conflict}
    assert {label: text for label, (_, text) in pointed.items()} == {
        f"{US_NAME}: first": LABELS["a-b"],
        "North Korea: first": "C",
        "South Korea: together with c": LABELS["a-b"],
    }
    assert pointed["North Korea: first"][0].startswith("s_dprk")
    assert pointed["South Korea: together with c"][0].startswith("s_rok")


def test_mermaid_cycle_actor_gets_a_note_and_no_stages():
    kb = make_kb(
        [
            pos("u1", "us", "c", before=["d"]),
            pos("d1", "dprk", "c", before=["a-b"]),
            pos("d2", "dprk", "a-b", before=["d"]),
            pos("d3", "dprk", "d", together=["c"]),
        ]
    )
    declared = parse_mermaid(mermaid(kb))["declared"]
    [note] = [label for label in declared.values() if "cycle" in label]
    assert note == "order has a cycle; positions: d1, d2, d3"
    assert not [i for i in declared if i.startswith("a_dprk_stage")]
    assert [i for i in declared if i.startswith("a_us_stage")] == ["a_us_stage_1", "a_us_stage_2"]


def test_no_orders_gives_an_empty_diagram():
    kb = make_kb([pos("x1", "china", "d")])
    assert mermaid(kb) == "flowchart LR\n"
    assert "subgraph" not in dot(kb)


# --- Graphviz ---------------------------------------------------------------------------


def test_dot_ids_and_escaping():
    text = dot(sample_kb())
    assert text.startswith("digraph kpos {") and text.rstrip().endswith("}")
    # every node statement and edge end is a bare [A-Za-z0-9_] id
    for line in text.splitlines()[5:]:
        line = line.strip()
        if line.startswith(("subgraph", "label=", "style=", "}")):
            continue
        assert re.match(rf"{_ID}( -> {_ID})? \[", line), line
    assert 'label="The \\"U.S.\\" \\\\ [Washington]"' in text
    assert '"ends with a backslash \\\\"' in text
    assert text.count("cluster_") >= 7 and "subgraph cluster_china" not in text


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_dot_renders_with_graphviz():
    result = subprocess.run(
        ["dot", "-Tsvg"], input=dot(sample_kb()), capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "Warning" not in result.stderr and "Error" not in result.stderr, result.stderr
    svg = ET.fromstring(result.stdout)
    texts = [
        html.unescape("".join(t.itertext())) for t in svg.iter("{http://www.w3.org/2000/svg}text")
    ]
    assert US_NAME in texts
    assert "ends with a backslash \\" in texts
    assert f"{US_NAME}: first" in texts and "South Korea: together with c" in texts
    # Each actor box plus three stage boxes for us, two each for dprk and rok, Conflicts.
    titles = [
        t.text
        for g in svg.iter("{http://www.w3.org/2000/svg}g")
        if g.get("class") == "cluster"
        for t in g.iter("{http://www.w3.org/2000/svg}title")
    ]
    assert sorted(titles) == sorted(
        [
            "cluster_us",
            "cluster_dprk",
            "cluster_rok",
            "cluster_us_stage_1",
            "cluster_us_stage_2",
            "cluster_us_stage_3",
            "cluster_dprk_stage_1",
            "cluster_dprk_stage_2",
            "cluster_rok_stage_1",
            "cluster_conflicts",
        ]
    )
