"""sequence, conflicts, export and the cycle check, through the command line."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import MINI, line_of


def records(kpos, *args, data=MINI):
    result = kpos(*args, "-f", "json", data=data)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_sequence_per_actor(kpos):
    stages = {r["actor"]: r["stages"] for r in records(kpos, "sequence")}
    assert stages == {
        "us": [["inventory"], ["declaration"]],
        "dprk": [["declaration"], ["inventory"]],
        "rok": [["declaration", "inventory"]],
    }


def test_sequence_of_a_person_and_an_actor_without_orders(kpos):
    assert records(kpos, "sequence", "--actor", "Ann Example") == [
        {
            "actor": "ann-example",
            "stages": [["inventory"], ["declaration"]],
            "positions": ["alpha-us-inventory-first"],
            "hedged": [],
        }
    ]
    assert records(kpos, "sequence", "--actor", "Kim Min-su")[0]["stages"] == []


def test_sequence_table_reads_as_a_chain(kpos):
    out = kpos("sequence", "--actor", "us", "-f", "table").stdout
    assert "inventory → declaration" in out
    assert "declaration + inventory" in kpos("sequence", "--actor", "rok", "-f", "table").stdout


def test_conflicts_show_all_three_orders(kpos):
    (record,) = records(kpos, "conflicts")
    assert (record["step_a"], record["step_b"]) == ("declaration", "inventory")
    assert (record["a_first"], record["b_first"], record["together"]) == (["dprk"], ["us"], ["rok"])
    assert record["positions"]["us"] == ["alpha-us-inventory-first"]
    assert record["sources"]["rok"] == ["beta-2018-03-04"]


def test_conflicts_between_chosen_actors(kpos):
    assert records(kpos, "conflicts", "--actor", "us", "--actor", "us") == []
    (record,) = records(kpos, "conflicts", "--actor", "Washington", "--actor", "Seoul")
    assert record["together"] == ["rok"] and record["a_first"] == []


CHANGE = """  - id: beta-us-now-together
    actor: us
    stance: offer
    step: inventory
    order:
      together: [declaration]
    summary: "Now the US would take both at once."
"""


def test_latest_order_wins_and_as_of_shows_the_earlier(kpos, kb_copy):
    with (kb_copy / "data/sources/beta.yaml").open("a") as out:
        out.write(CHANGE)
    now = {r["actor"]: r["stages"] for r in records(kpos, "sequence", data=kb_copy)}
    assert now["us"] == [["declaration", "inventory"]]
    before = records(kpos, "sequence", "--actor", "us", "--as-of", "2018-02-01", data=kb_copy)
    assert before[0]["stages"] == [["inventory"], ["declaration"]]
    (conflict,) = records(kpos, "conflicts", data=kb_copy)
    assert conflict["together"] == ["us", "rok"]


CYCLE = """  - id: beta-us-treaty-after-declaration
    actor: us
    stance: demand
    step: treaty
    order:
      after: [declaration]
      before: [inventory]
    summary: "A treaty after the declaration, and before the inventory."
"""


def test_validate_reports_a_cycle_with_its_positions(kpos, kb_copy):
    beta = kb_copy / "data/sources/beta.yaml"
    with beta.open("a") as out:
        out.write(CYCLE)
    result = kpos("validate", data=kb_copy)
    assert result.exit_code == 1
    (line,) = result.stdout.splitlines()
    assert "the order of 'us' has a cycle" in line
    assert "alpha-us-inventory-first (" in line and "beta-us-treaty-after-declaration (" in line
    assert "alpha.yaml:" in line and "beta.yaml:" in line
    alpha_line = line_of(kb_copy / "data/sources/alpha.yaml", "id: alpha-us-inventory-first")
    assert line.split(": the order")[0].endswith(f"data/sources/alpha.yaml:{alpha_line}:5")
    sequence = kpos("sequence", "--actor", "us", data=kb_copy)
    assert sequence.exit_code == 1 and "has a cycle" in sequence.stderr


def test_as_of_must_be_a_date(kpos):
    assert kpos("sequence", "--as-of", "last week").exit_code == 2


def test_actor_shows_its_sequence_and_conflicts(kpos):
    record = json.loads(kpos("actor", "dprk", "-f", "json").stdout)
    assert record["sequence"] == [["declaration"], ["inventory"]]
    assert [(c["step_a"], c["step_b"]) for c in record["conflicts"]] == [
        ("declaration", "inventory")
    ]
    table = kpos("actor", "dprk", "-f", "table").stdout
    assert "order declaration → inventory" in [
        " ".join(line.split()) for line in table.splitlines()
    ]


@pytest.mark.parametrize("fmt", ["dot", "mermaid", "json"])
def test_export_writes_a_file(kpos, tmp_path, fmt):
    target = tmp_path / f"out.{fmt}"
    result = kpos("export", "--format", fmt, "-o", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left
    if fmt == "json":
        assert len(json.loads(text)["positions"]) == 3
    elif fmt == "dot":
        assert text.startswith("digraph") and "inventory" in text
    else:
        assert text.startswith("flowchart LR") and "inventory" in text


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz not installed")
def test_exported_dot_renders(kpos, tmp_path):
    target = tmp_path / "orders.dot"
    kpos("export", "--format", "dot", "-o", str(target), data=None)
    rendered = subprocess.run(["dot", "-Tsvg", str(target)], capture_output=True, text=True)
    assert rendered.returncode == 0, rendered.stderr
    assert "<svg" in rendered.stdout and "Warning" not in rendered.stderr


def test_export_to_missing_directory_is_usage_error(kpos, tmp_path):
    assert kpos("export", "-f", "dot", "-o", str(tmp_path / "no" / "x.dot")).exit_code == 2


def test_bundled_deadlock_and_bridge(kpos):
    """The Atlantic's 'which comes first' deadlock, and Seoul's both-at-once bridge."""
    pairs = {
        (c["step_a"], c["step_b"]): c
        for c in records(kpos, "conflicts", data=None)
        if c["step_a"] == "end-of-war-declaration"
    }
    inventory = pairs[("end-of-war-declaration", "nuclear-inventory")]
    assert "dprk" in inventory["a_first"] and "us" in inventory["b_first"]
    assert "rok" in inventory["together"]
    assert "atlantic-2018-08-29" in inventory["sources"]["us"]
