"""csv and tsv: each command's columns are fixed (a header row even for no records), and
a sequence is one row per actor and stage."""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import MINI, edit

COLUMNS = {
    "actors": "id, name, kind, aliases, speaks_for, surname, roles, codes",
    "steps": "id, label, by, part_of",
    "sources": "id, outlet, title, authors, published, url, outlet_name, date_inferred, note, "
    "text, sha256",
    "demands": "id, actor, stated_by, stance, step, before, after, together, summary, source, "
    "quotes, date, reported_by, hedge, date_start, date_end, published, supersedes",
    "quotes": "id, source, speaker, reported_by, text, about, cut",
    "conflicts": "step_a, step_b, a_first, b_first, together, positions, sources",
    "sequence": "actor, stage, steps, hedged",
    "matrix": "step, actor, stage, hedged, conflict",
    "extract": "text, start, end, prefix, suffix, speaker, speaker_name, reported_by, short, "
    "known, confidence",
}
EMPTY = {
    "actors": ["--kind", "group"],
    "steps": None,
    "sources": None,
    "demands": ["--actor", "kim-min-su"],
    "quotes": ["--contains", "no such words"],
    "conflicts": ["--actor", "us"],
    "sequence": ["--actor", "kim-min-su"],
    "matrix": ["--actor", "kim-min-su"],
    "extract": None,
}
ARGUMENTS = {"extract": [str(MINI / "texts" / "alpha.txt")]}


def header(text: str, fmt: str) -> list[str]:
    first = text.split("\n")[0]
    return first.split("\t") if fmt == "tsv" else next(csv.reader([first]))


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
@pytest.mark.parametrize("command", sorted(COLUMNS))
def test_columns_are_fixed_and_printed_for_no_records(kpos, command, fmt):
    expected = COLUMNS[command].split(", ")
    result = kpos(command, *ARGUMENTS.get(command, ()), "-f", fmt)
    assert result.exit_code == 0, result.output
    assert header(result.stdout, fmt) == expected
    if EMPTY[command] is not None:
        empty = kpos(command, *EMPTY[command], "-f", fmt)
        assert empty.exit_code == 0, empty.output
        assert empty.stdout == result.stdout.split("\n")[0] + "\n"


def test_verify_columns(kpos):
    result = kpos("verify", "--texts", str(MINI / "texts"), "-f", "tsv")
    assert result.stdout.split("\n")[0].split("\t") == [
        *("quote", "source", "status", "detail", "line", "kind", "id", "origin")
    ]


@pytest.mark.parametrize("data", [MINI, None], ids=["mini", "bundled"])
@pytest.mark.parametrize("command", ["actors", "steps", "sources", "demands", "quotes"])
def test_every_field_of_the_records_has_its_column(kpos, command, data):
    records = json.loads(kpos(command, "-f", "json", data=data).stdout)
    fields = {field for record in records for field in record}
    assert fields <= set(COLUMNS[command].split(", "))


def test_sequence_one_row_per_actor_and_stage(kpos):
    rows = list(csv.DictReader(io.StringIO(kpos("sequence", "-f", "csv").stdout)))
    assert [(r["actor"], r["stage"], r["steps"], r["hedged"]) for r in rows] == [
        ("us", "1", "inventory", "false"),
        ("us", "2", "declaration", "false"),
        ("dprk", "1", "declaration", "false"),
        ("dprk", "2", "inventory", "false"),
        ("rok", "1", "declaration; inventory", "false"),
    ]
    nested = json.loads(kpos("sequence", "-f", "json").stdout)
    assert nested[2] == {
        "actor": "rok",
        "stages": [["declaration", "inventory"]],
        "positions": ["beta-rok-both"],
        "hedged": [],
    }


def test_a_stage_placed_only_by_hedged_positions_is_hedged(kpos, kb_copy):
    edit(
        kb_copy / "data/sources/beta.yaml",
        "stance: proposal",
        "stance: proposal\n    hedge: perhaps",
    )
    rows = kpos("sequence", "--actor", "rok", "-f", "tsv", data=kb_copy).stdout.split("\n")
    assert rows[1].split("\t") == ["rok", "1", "declaration; inventory", "true"]


def test_extract_prints_its_header_for_an_article_without_quotations(kpos, tmp_path):
    article = tmp_path / "plain.txt"
    article.write_text("Nobody is quoted in this text.\n", encoding="utf-8")
    result = kpos("extract", str(article), "-f", "tsv")
    assert result.exit_code == 0, result.output
    assert result.stdout == COLUMNS["extract"].replace(", ", "\t") + "\n"
