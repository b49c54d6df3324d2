"""`kpos show [KIND:]ID`: any record whole, in every format; ids unique per kind only."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml
from conftest import edit


def test_a_position_with_its_quotes_and_source(kpos):
    record = json.loads(kpos("show", "alpha-us-inventory-first", "-f", "json").stdout)
    assert record["id"] == "alpha-us-inventory-first" and record["stance"] == "demand"
    assert [q["text"] for q in record["cited_quotes"]] == ["sincerity", "We will not move first"]
    assert record["source_card"]["title"] == "Talks stall over which comes first"
    assert list(record)[:4] == ["id", "actor", "stated_by", "stance"]


def test_a_quote_with_the_positions_citing_it(kpos):
    record = json.loads(kpos("show", "beta-simultaneously", "-f", "json").stdout)
    assert record["text"] == "simultaneously"
    assert [p["id"] for p in record["cited_by"]] == ["beta-rok-both"]
    assert record["source_card"]["id"] == "beta-2018-03-04"


@pytest.mark.parametrize(
    "record_id,field,value",
    [
        ("kim-bo-ra", "name", "Kim Bo-ra"),
        ("inventory", "label", "Full nuclear inventory"),
        ("alpha-2018-01-02", "outlet", "alpha"),
    ],
)
def test_actors_steps_and_sources(kpos, record_id, field, value):
    record = json.loads(kpos("show", record_id, "-f", "json").stdout)
    assert record[field] == value


def test_every_format(kpos):
    expected = json.loads(kpos("show", "alpha-token", "-f", "json").stdout)
    assert json.loads(kpos("show", "alpha-token", "-f", "jsonl").stdout) == expected
    assert yaml.safe_load(kpos("show", "alpha-token", "-f", "yaml").stdout) == expected
    rows = list(csv.reader(io.StringIO(kpos("show", "alpha-token", "-f", "csv").stdout)))
    assert rows[0] == ["id", "source", "speaker", "reported_by", "text", "about", "cut"]
    assert rows[1][:5] == ["alpha-token", "alpha-2018-01-02", "kim-bo-ra", "", expected["text"]]
    tsv = kpos("show", "alpha-us-inventory-first", "-f", "tsv").stdout.split("\n")
    assert tsv[0].split("\t")[:3] == ["id", "actor", "stated_by"] and len(tsv) == 3
    table = kpos("show", "alpha-us-inventory-first", "-f", "table").stdout
    for words in ("alpha-us-inventory-first", "weapons list", "sincerity", "The Alpha Post"):
        assert words in table


def test_kind_colon_id_picks_one_of_several(kpos, kb_copy):
    # A quote and a position both called alpha-dprk-peace-first.
    edit(kb_copy / "data/sources/alpha.yaml", "- id: alpha-token", "- id: alpha-dprk-peace-first")
    edit(kb_copy / "data/sources/alpha.yaml", "quotes: [alpha-token]",
         "quotes: [alpha-dprk-peace-first]")  # fmt: skip
    assert kpos("validate", data=kb_copy).exit_code == 0
    shared = kpos("show", "alpha-dprk-peace-first", data=kb_copy)
    assert shared.exit_code == 2
    assert "position:alpha-dprk-peace-first, quote:alpha-dprk-peace-first" in shared.stderr
    quote = json.loads(
        kpos("show", "quote:alpha-dprk-peace-first", "-f", "json", data=kb_copy).stdout
    )
    assert quote["text"] == "a declaration is the token of trust"
    position = kpos("show", "Position:alpha-dprk-peace-first", "-f", "json", data=kb_copy)
    assert json.loads(position.stdout)["stance"] == "demand"


def test_unknown_ids_are_usage_errors_with_suggestions(kpos):
    result = kpos("show", "alpha-sincerty")
    assert result.exit_code == 2 and "did you mean alpha-sincerity" in result.stderr
    result = kpos("show", "position:alpha-sincerity")
    assert result.exit_code == 2
    assert "no position with the id 'alpha-sincerity'; did you mean quote:alpha-sincerity?" in (
        result.stderr
    )


def test_the_ids_conflicts_list_are_in_the_tables(kpos):
    conflicts = json.loads(kpos("conflicts", "-f", "json").stdout)
    ids = {pid for c in conflicts for pids in c["positions"].values() for pid in pids}
    demands = kpos("demands", "-f", "table").stdout
    assert ids and all(pid in demands for pid in ids)
    assert all(kpos("show", pid).exit_code == 0 for pid in ids)
    quotes = kpos("quotes", "-f", "table").stdout
    assert all(q["id"] in quotes for q in json.loads(kpos("quotes", "-f", "json").stdout))
