"""Dates as precise as the source allows, hedges, several sides: in the files, in every
format, in `verify`, and every --as-of answered."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import MINI, edit, line_of

from korea_positions.kb import dates

# --- partial dates ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("2018", "2018-01-01", "2018-12-31"),
        ("2018-02", "2018-02-01", "2018-02-28"),
        ("2016-02", "2016-02-01", "2016-02-29"),
        ("2018-04-27", "2018-04-27", "2018-04-27"),
        ("2018-08~", "2018-08-01", "2018-08-31"),  # approximate: the same bounds
        ("2018-04/2018-06", "2018-04-01", "2018-06-30"),
        ("/2018-09-17", None, "2018-09-17"),
        ("2018-06-12/", "2018-06-12", None),
    ],
)
def test_a_date_means_its_first_and_last_day(text, start, end):
    span = dates.parse(text)
    assert (dates.iso(span.start), dates.iso(span.end)) == (start, end)
    assert span.approximate == text.endswith("~")


@pytest.mark.parametrize(
    "text", ["18", "2018-13", "2018-02-30", "2018/06/12", "/", "2018-09/2018-01", "soon"]
)
def test_a_bad_date_says_what_is_allowed(text):
    with pytest.raises(ValueError) as info:
        dates.parse(text)
    assert repr(text) in str(info.value)


def test_spans_overlap_unless_one_ends_before_the_other_starts():
    parse = dates.parse
    assert dates.overlap(parse("2018-04"), parse("2018-04-27"))
    assert not dates.overlap(parse("2018-04"), parse("2018-05"))
    assert dates.overlap(parse("/2018-09-17"), parse("1990"))
    assert not dates.overlap(parse("/2018-05-31"), parse("2018-06-12/"))


def test_a_bad_date_in_a_file_is_located(kpos, kb_copy):
    path = kb_copy / "data/sources/alpha.yaml"
    edit(
        path,
        '    summary: "The North wants',
        '    date: "2018-02-30"\n    summary: "The North wants',
    )
    result = kpos("validate", data=kb_copy)
    assert result.exit_code == 1
    line = line_of(path, 'date: "2018-02-30"')
    assert f"alpha.yaml:{line}:5: positions.1.date: '2018-02-30' is not a day" in result.stdout
    assert "not a day of the calendar" in result.stdout


# --- dates, hedges and sides through the command line ---------------------------------


@pytest.fixture
def dated(kb_copy):
    """The mini knowledge base with a dated, hedged position and a voice of two parties."""
    path = kb_copy / "data/sources/alpha.yaml"
    edit(
        path,
        '    summary: "The North wants the declaration first',
        '    date: "2017-11"\n    hedge: "token"\n    summary: "The North wants the declaration first',
    )
    return kb_copy


def test_positions_carry_their_dates_and_hedge_in_json(kpos, dated):
    records = {r["id"]: r for r in json.loads(kpos("demands", "-f", "json", data=dated).stdout)}
    hedged = records["alpha-dprk-peace-first"]
    assert (hedged["date"], hedged["date_start"], hedged["date_end"]) == (
        "2017-11", "2017-11-01", "2017-11-30",
    )  # fmt: skip
    assert hedged["published"] == "2018-01-02" and hedged["hedge"] == "token"
    firm = records["alpha-us-inventory-first"]
    assert (firm["date"], firm["date_start"], firm["hedge"]) == ("2018-01-02", "2018-01-02", None)
    assert list(firm)[:17] == [
        "id", "actor", "stated_by", "stance", "step", "before", "after", "together", "summary",
        "source", "quotes", "date", "reported_by", "hedge", "date_start", "date_end", "published",
    ]  # fmt: skip


@pytest.mark.parametrize("fmt", ["csv", "tsv", "yaml", "jsonl", "table"])
def test_the_hedge_shows_in_every_format(kpos, dated, fmt):
    out = kpos("demands", "--actor", "dprk", "-f", fmt, data=dated).stdout
    assert "token" in out
    if fmt == "table":
        assert "demand (token)" in out
    if fmt in ("csv", "tsv"):
        header = out.splitlines()[0]
        assert header.endswith(("hedge,date_start,date_end,published,supersedes",
                                "hedge\tdate_start\tdate_end\tpublished\tsupersedes"))  # fmt: skip


def test_firm_leaves_hedged_positions_out(kpos, dated):
    ids = lambda *args: [r["id"] for r in json.loads(kpos(*args, "-f", "json", data=dated).stdout)]  # noqa: E731
    assert "alpha-dprk-peace-first" in ids("demands")
    assert "alpha-dprk-peace-first" not in ids("demands", "--firm")


def test_as_of_counts_a_position_from_its_first_possible_day(kpos, dated):
    def ids(day):
        result = kpos("demands", "--as-of", day, "-f", "json", data=dated)
        return [r["id"] for r in json.loads(result.stdout)]

    assert ids("2017-10-31") == []
    assert ids("2017-11-01") == ["alpha-dprk-peace-first"]
    assert "alpha-us-inventory-first" in ids("2018-01-02")


def test_quotes_as_of_follow_the_positions_citing_them(kpos, dated):
    def ids(day):
        result = kpos("quotes", "--as-of", day, "-f", "json", data=dated)
        return [r["id"] for r in json.loads(result.stdout)]

    assert ids("2017-11-15") == ["alpha-token"]  # cited by the November position
    assert "alpha-sincerity" in ids("2018-01-02")


@pytest.mark.parametrize(
    "command", ["demands", "quotes", "actor", "sequence", "conflicts", "export"]
)
def test_a_bad_as_of_is_a_usage_error_naming_the_form(kpos, command):
    args = {"actor": ["actor", "us"], "export": ["export", "-f", "dot"]}.get(command, [command])
    result = kpos(*args, "--as-of", "2018-02-30")
    assert result.exit_code == 2 and "use YYYY-MM-DD" in result.stderr


@pytest.mark.parametrize("command", ["demands", "actor", "sequence", "conflicts", "export"])
def test_firm_is_accepted_everywhere_it_is_promised(kpos, command):
    args = {"actor": ["actor", "us"], "export": ["export", "-f", "mermaid"]}.get(command, [command])
    assert kpos(*args, "--firm").exit_code == 0


def test_a_single_speaks_for_is_a_list_of_one_and_several_are_kept(kpos, kb_copy):
    actors = {r["id"]: r for r in json.loads(kpos("actors", "-f", "json", data=kb_copy).stdout)}
    assert actors["ann-example"]["speaks_for"] == ["us"]
    edit(kb_copy / "data/actors.yaml", "speaks_for: us", "speaks_for: [us, rok]")
    actors = {r["id"]: r for r in json.loads(kpos("actors", "-f", "json", data=kb_copy).stdout)}
    assert actors["ann-example"]["speaks_for"] == ["us", "rok"]
    tsv = kpos("actors", "-f", "tsv", data=kb_copy).stdout
    assert "\tus; rok" in tsv
    rok = [
        r["id"]
        for r in json.loads(kpos("demands", "--actor", "rok", "-f", "json", data=kb_copy).stdout)
    ]
    assert "alpha-us-inventory-first" in rok  # stated by Ann, who now speaks for Seoul too


def test_verify_checks_hedges_against_the_text(kpos, dated):
    result = kpos("verify", "--texts", str(MINI / "texts"), "-f", "json", data=dated)
    records = json.loads(result.stdout)
    (hedge,) = [r for r in records if r["kind"] == "hedge"]
    assert (hedge["id"], hedge["status"]) == ("alpha-dprk-peace-first", "ok")
    assert all(list(r)[5:7] == ["kind", "id"] for r in records)  # then appended fields
    edit(dated / "data/sources/alpha.yaml", 'hedge: "token"', 'hedge: "perhaps"')
    result = kpos("verify", "--texts", str(MINI / "texts"), "-f", "json", data=dated)
    (hedge,) = [r for r in json.loads(result.stdout) if r["kind"] == "hedge"]
    assert result.exit_code == 1 and hedge["status"] == "not-found"


def test_dates_before_any_position_answer_with_nothing(kpos):
    day = dt.date(2017, 1, 1).isoformat()
    result = kpos("sequence", "--as-of", day, "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
