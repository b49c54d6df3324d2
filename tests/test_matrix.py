"""`kpos matrix`: steps against parties, stages in the cells, hedges and conflicts marked,
in every format; the analysis behind it through its public function."""

from __future__ import annotations

import csv
import io
import json

import pytest
import report_kb
from conftest import MINI
from rich.cells import cell_len

from korea_positions.analysis.matrix import matrix
from korea_positions.cli.environment import Environment
from korea_positions.kb.cache import load_uncached


@pytest.fixture
def big(tmp_path):
    return report_kb.build(tmp_path / "kb")


def cells(records):
    return {
        (r["step"], actor): (c["stage"], c["hedged"], c["conflict"])
        for r in records
        for actor, c in r["parties"].items()
        if c["stage"] is not None
    }


def test_mini_matrix_cells(kpos):
    records = json.loads(kpos("matrix", "-f", "json").stdout)
    assert [r["step"] for r in records] == ["declaration", "inventory"]
    assert records[0] == {
        "step": "declaration",
        "part_of": None,
        "parties": {
            "us": {
                "stage": 2,
                "hedged": False,
                "conflict": True,
                "against": ["inventory"],
                "positions": ["alpha-us-inventory-first"],
            },
            "dprk": {
                "stage": 1,
                "hedged": False,
                "conflict": True,
                "against": ["inventory"],
                "positions": ["alpha-dprk-peace-first"],
            },
            "rok": {
                "stage": 1,
                "hedged": False,
                "conflict": True,
                "against": ["inventory"],
                "positions": ["beta-rok-both"],
            },
        },
    }


def test_parts_under_their_whole_hedges_and_conflicts(big):
    records = matrix(load_uncached(big))
    order = [r["step"] for r in records]
    assert order == [
        "declaration",
        report_kb.LONG,
        "denuclearization",
        "inventory",
        "inspections",
        "treaty",
    ]
    assert {r["step"]: r["part_of"] for r in records}["inventory"] == "denuclearization"
    assert list(records[0]["parties"]) == ["us", "dprk", "rok", "china", "unc"]
    found = cells(records)
    assert found[("inventory", "us")] == (1, False, True)  # before the declaration, vs Seoul
    assert found[("inspections", "us")] == (1, True, False)  # hedged: "perhaps"
    assert found[("declaration", "us")] == (2, False, True)
    assert found[("declaration", "rok")] == found[("inventory", "rok")] == (1, False, True)
    assert found[("treaty", "unc")] == (2, True, True)
    assert ("denuclearization", "us") not in found  # the U.S. orders parts, not the whole
    assert found[("denuclearization", "dprk")] == (2, False, False)


def test_firm_and_as_of_as_in_sequence(big):
    kb = load_uncached(big)
    firm = cells(matrix(kb, firm=True))
    assert ("inspections", "us") not in firm and ("treaty", "unc") not in firm
    early = matrix(kb, as_of="2018-08-15")
    assert list(early[0]["parties"]) == ["us", "dprk", "rok"]  # by then: a month, the April word
    assert cells(early)[("inspections", "us")] == (1, True, False)


def test_voice_only_when_named(kpos, big):
    records = json.loads(kpos("matrix", "--actor", "Ann Example", "-f", "json", data=big).stdout)
    assert [r["step"] for r in records] == ["declaration", "denuclearization", "inventory"]
    assert [list(r["parties"]) for r in records] == [["ann-example"]] * 3
    assert records[1]["parties"]["ann-example"]["stage"] is None  # the whole, as a heading


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_flat_formats_one_row_per_step_and_party(kpos, big, fmt):
    out = kpos("matrix", "-f", fmt, data=big).stdout
    rows = list(csv.DictReader(io.StringIO(out), delimiter="," if fmt == "csv" else "\t"))
    assert list(rows[0]) == ["step", "actor", "stage", "hedged", "conflict"]
    assert len(rows) == 6 * 5
    assert {
        "step": "treaty",
        "actor": "unc",
        "stage": "2",
        "hedged": "true",
        "conflict": "true",
    } in rows
    assert {
        "step": "treaty",
        "actor": "us",
        "stage": "",
        "hedged": "false",
        "conflict": "false",
    } in rows


def test_plain_table_fits_80_columns_and_breaks_ids_after_hyphens(kpos, big, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    out = kpos("matrix", "-f", "table", data=big).stdout
    lines = out.splitlines()
    assert all(cell_len(line) <= 80 for line in lines)
    assert lines[1].split() == ["step", "us", "dprk", "rok", "china", "unc"]
    assert "\x1b[" not in out
    row = next(line for line in lines if line.startswith("treaty"))
    assert row.split() == ["treaty", "2", "2!", "1!", "2?!"]
    wrapped = [line.split()[0] for line in lines if "elimination" in line or "parties" in line]
    assert "".join(wrapped) == report_kb.LONG
    assert all(part.endswith("-") for part in wrapped[:-1])


def test_on_a_terminal_conflicts_are_in_reverse_video(runner, big):
    from korea_positions.cli.app import app

    env = Environment(stdout=io.StringIO(), terminal=True, width=80, colour=True)
    result = runner.invoke(app, ["--data", str(big), "matrix"], obj=env)
    out = env.stdout.getvalue()
    assert result.exit_code == 0
    assert "\x1b[7m" in out and "!" not in out.split("Matrix")[1].split("steps;")[0]
    env = Environment(stdout=io.StringIO(), terminal=True, width=80, colour=False)  # NO_COLOR
    runner.invoke(app, ["--data", str(big), "matrix"], obj=env)
    assert "\x1b[" not in env.stdout.getvalue() and "2?!" in env.stdout.getvalue()


def test_empty_and_cycle(kpos, kb_copy):
    assert json.loads(kpos("matrix", "--actor", "Kim Min-su", "-f", "json").stdout) == []
    assert "Matrix: none" in kpos("matrix", "--actor", "Kim Min-su", "-f", "table").stdout
    with (kb_copy / "data/sources/beta.yaml").open("a") as out:
        out.write(
            "  - {id: beta-us-loop, actor: us, stance: demand, step: declaration, "
            "order: {before: [inventory]}, summary: x, date: '2018-01-02'}\n"
        )
    result = kpos("matrix", data=kb_copy)
    assert result.exit_code == 1 and "contradict" in result.stderr


def test_mini_still_matches_sequence(kpos):
    sequences = {r["actor"]: r["stages"] for r in json.loads(kpos("sequence", "-f", "json").stdout)}
    for record in json.loads(kpos("matrix", "-f", "json", data=MINI).stdout):
        for actor, cell in record["parties"].items():
            assert record["step"] in sequences[actor][cell["stage"] - 1]
