"""Every query command in every format, through CliRunner, on the mini knowledge base."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml
from conftest import MINI

COMMANDS = {
    "actors": (["actors"], ["id", "name", "kind", "aliases", "speaks_for"]),
    "steps": (["steps"], ["id", "label", "by"]),
    "sources": (["sources"], ["id", "outlet", "title", "authors", "published", "url"]),
    "demands": (
        ["demands"],
        [
            "id",
            "actor",
            "stated_by",
            "stance",
            "step",
            "before",
            "after",
            "together",
            "summary",
            "source",
            "quotes",
            "date",
        ],
    ),
    "quotes": (["quotes"], ["id", "source", "speaker", "reported_by", "text", "about"]),
}
COUNTS = {"actors": 7, "steps": 3, "sources": 2, "demands": 3, "quotes": 4}


def parse(fmt: str, output: str):
    if fmt == "json":
        return json.loads(output)
    if fmt == "jsonl":
        return [json.loads(line) for line in output.splitlines()]
    if fmt == "yaml":
        return yaml.safe_load(output)
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(output)))
    if fmt == "tsv":
        lines = output.splitlines()
        header = lines[0].split("\t")
        return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]
    raise AssertionError(fmt)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "yaml", "csv", "tsv"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_every_machine_format(kpos, command, fmt):
    args, fields = COMMANDS[command]
    result = kpos(*args, "--format", fmt)
    assert result.exit_code == 0, result.output
    records = parse(fmt, result.stdout)
    assert len(records) == COUNTS[command]
    assert list(records[0])[: len(fields)] == fields


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_as_table(kpos, command):
    result = kpos(*COMMANDS[command][0], "--format", "table")
    assert result.exit_code == 0
    assert f"{COUNTS[command]} {command if command != 'demands' else 'positions'}" in result.stdout


def test_default_format_when_not_a_terminal_is_tsv(kpos):
    result = kpos("actors")
    assert result.stdout.splitlines()[0].startswith("id\tname\tkind\taliases\tspeaks_for")


def test_json_values_are_exact(kpos):
    (record,) = [
        r
        for r in json.loads(kpos("quotes", "-f", "json").stdout)
        if r["id"] == "beta-simultaneously"
    ]
    assert record == {
        "id": "beta-simultaneously",
        "source": "beta-2018-03-04",
        "speaker": "rok",
        "reported_by": "lee-min-ho",
        "text": "simultaneously",
        "about": ["declaration", "inventory"],
        "cut": False,
    }


def test_tsv_lists_joined(kpos):
    rows = parse("tsv", kpos("quotes", "--actor", "rok").stdout)
    assert rows[0]["about"] == "declaration; inventory"


@pytest.mark.parametrize("name", ["US", "u.s.", "United States", "washington", "WASHINGTON"])
def test_actor_names_resolve(kpos, name):
    records = json.loads(kpos("demands", "--actor", name, "-f", "json").stdout)
    assert [r["id"] for r in records] == ["alpha-us-inventory-first"]


def test_party_includes_people_speaking_for_it(kpos):
    (record,) = json.loads(kpos("demands", "--actor", "dprk", "-f", "json").stdout)
    assert record["stated_by"] == "kim-bo-ra"


@pytest.mark.parametrize("name", ["Kim Bo-ra", "kim bo ra", "Bo-ra Kim", "borakim"])
def test_person_spellings_resolve(kpos, name):
    record = json.loads(kpos("actor", name, "-f", "json").stdout)
    assert record["id"] == "kim-bo-ra"
    assert [p["id"] for p in record["positions"]] == ["alpha-dprk-peace-first"]
    assert [q["id"] for q in record["quotes"]] == ["alpha-token"]


def test_unique_surname_resolves(kpos):
    assert json.loads(kpos("actor", "Example", "-f", "json").stdout)["id"] == "ann-example"
    assert json.loads(kpos("actor", "lee", "-f", "json").stdout)["id"] == "lee-min-ho"


def test_ambiguous_surname_lists_candidates(kpos):
    result = kpos("actor", "Kim")
    assert result.exit_code == 2
    assert "ambiguous" in result.output
    assert "kim-bo-ra" in result.output and "kim-min-su" in result.output


def test_unknown_name_suggests(kpos):
    result = kpos("demands", "--actor", "Washingtn")
    assert result.exit_code == 2
    assert "no actor called 'Washingtn'" in result.output and "us (United States)" in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["demands", "--step", "treatie"],
        ["quotes", "--source", "gamma"],
        ["demands", "--stance", "wish"],
        ["actors", "--kind", "robot"],
        ["actors", "--format", "xml"],
        ["nosuchcommand"],
    ],
)
def test_usage_errors_exit_2(kpos, args):
    assert kpos(*args).exit_code == 2


def test_filters(kpos):
    def ids(*args):
        return [r["id"] for r in json.loads(kpos(*args, "-f", "json").stdout)]

    assert ids("demands", "--step", "inventory") == [
        "alpha-us-inventory-first",
        "alpha-dprk-peace-first",
        "beta-rok-both",
    ]
    assert ids("demands", "--stance", "proposal") == ["beta-rok-both"]
    assert ids("demands", "--source", "beta") == ["beta-rok-both"]
    assert ids("demands", "--source", "alpha-2018-01-02", "--actor", "us", "--actor", "rok") == [
        "alpha-us-inventory-first"
    ]
    assert ids("quotes", "--contains", "TOKEN") == ["alpha-token"]
    assert ids("quotes", "--step", "Full nuclear inventory") == [
        "alpha-sincerity",
        "beta-simultaneously",
    ]
    assert ids("actors", "--kind", "state") == ["us", "dprk", "rok"]


def test_empty_result_is_success(kpos):
    result = kpos("quotes", "--contains", "nothing like this", "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_actor_table_shows_card_positions_and_quotes(kpos):
    out = kpos("actor", "lee", "-f", "table").stdout
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert "Lee Min-ho (lee-min-ho, person)" in lines and "speaks for rok" in lines
    assert "simultaneously" in out and "Seoul proposes the declaration" in out
    assert "order declaration + inventory" in lines


def test_validate_ok_counts(kpos):
    result = kpos("validate")
    assert result.exit_code == 0
    assert result.stdout.strip() == "ok: 2 sources, 7 actors, 3 steps, 3 positions, 4 quotes"


def test_validate_reports_problems_exit_1(kpos, kb_copy):
    (kb_copy / "data/steps.yaml").write_text("steps:\n  - id: x\n    lable: y\n")
    result = kpos("validate", data=kb_copy)
    assert result.exit_code == 1
    assert "data/steps.yaml:3:5: unknown field 'lable'" in result.stdout


def test_query_on_invalid_kb_exit_1_on_stderr(kpos, kb_copy):
    (kb_copy / "data/steps.yaml").write_text("steps: 3\n")
    result = kpos("actors", data=kb_copy)
    assert result.exit_code == 1 and result.stdout == ""
    assert "data/steps.yaml:1:1: steps: expected a list" in result.stderr


def test_data_option_errors(kpos, tmp_path):
    assert kpos("actors", data=tmp_path / "missing").exit_code == 2
    result = kpos("actors", data=tmp_path)
    assert result.exit_code == 2 and "no data/ directory" in result.output


def test_kpos_data_env(runner, monkeypatch):
    from korea_positions.cli.app import app

    monkeypatch.setenv("KPOS_DATA", str(MINI))
    result = runner.invoke(app, ["validate"])
    assert "7 actors" in result.stdout


def test_bundled_kb_is_default(kpos):
    result = kpos("sources", "-f", "json", data=None)
    assert {r["outlet"] for r in json.loads(result.stdout)} == {"nyt", "atlantic"}


def test_version(kpos):
    from korea_positions import __version__

    first, second = kpos("--version").stdout.splitlines()
    assert first == f"kpos {__version__}"
    assert second.startswith("bundled knowledge base: 2 sources, ")
    assert "latest source 2018-09-17, in " in second
