"""`kpos extract` on an article written for the purpose (fixtures/curate/envoys.txt): every
direct quotation with its likely speaker, in json and as a table, `known` against the
quotes already curated, and quote stubs that validate and verify once their speakers are
settled."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, edit

ARTICLE = FIXTURES / "curate" / "envoys.txt"
SOURCE = "herald-2018-10-02"
PEOPLE = """\
  - id: moon-jae-in
    name: Moon Jae-in
    kind: person
    speaks_for: rok
  - id: moon-chung-in
    name: Moon Chung-in
    kind: person
    speaks_for: rok
  - id: kim-jong-un
    name: Kim Jong-un
    kind: person
    speaks_for: dprk
  - id: mike-pompeo
    name: Mike Pompeo
    kind: person
    speaks_for: us
  - id: yonhap
    name: Yonhap News Agency
    kind: organization
    aliases: [Yonhap]
"""
FIELDS = ["text", "start", "end", "prefix", "suffix", "speaker", "speaker_name",
          "reported_by", "short", "known", "confidence"]  # fmt: skip


@pytest.fixture
def root(kpos, tmp_path) -> Path:
    """A knowledge base of the five parties, the people the article quotes, and the
    article as a source with its text copied in."""
    root = tmp_path / "kb"
    assert kpos("init", "--empty", str(root), data=None).exit_code == 0
    with (root / "data/actors.yaml").open("a") as actors:
        actors.write(PEOPLE)
    result = kpos("add", "source", str(ARTICLE), "--outlet", "herald", "--outlet-name",
                  "The Korea Herald", "--title", "Envoys Trade Terms", "--published",
                  "2018-10-02", "--copy", data=root)  # fmt: skip
    assert result.exit_code == 0, result.output
    return root


def records(kpos, root, *args) -> list[dict]:
    result = kpos("extract", *args, "-f", "json", data=root)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def find(found: list[dict], words: str) -> dict:
    (record,) = [r for r in found if r["text"].startswith(words)]
    return record


def who(record: dict) -> tuple:
    return record["speaker"], record["speaker_name"], record["reported_by"]


def test_records_have_the_fields_and_point_into_the_text(kpos, root):
    text = ARTICLE.read_text(encoding="utf-8")
    found = records(kpos, root, SOURCE)
    assert len(found) == 13
    for r in found:
        assert list(r) == FIELDS
        assert text[r["start"] : r["end"]] == r["text"]
        assert r["prefix"] == text[max(0, r["start"] - 30) : r["start"]]
        assert r["suffix"] == text[r["end"] : r["end"] + 30]


# Each construct of the article: (first words, (speaker, as printed, reported by), short)
CONSTRUCTS = {
    # straight marks, attribution before, a title, a word or phrase set in a sentence
    "within reach": (("moon-jae-in", "President Moon Jae-in", None), True),
    # attribution after, a surname two actors share: the one who spoke last
    "We have waited": (("moon-jae-in", "Mr. Moon", None), False),
    # a quotation that goes on from the last speaker
    "But not forever": (("moon-jae-in", "Mr. Moon", None), False),
    # curly marks
    "verifiable": (("mike-pompeo", "Secretary of State Mike Pompeo", None), True),
    # a pronoun refers back; an ellipsis kept verbatim
    "Sanctions will stay … until": (("mike-pompeo", "Secretary of State Mike Pompeo", None), False),
    # an unnamed speaker, then "the official" referring back; [brackets] kept
    "The sequence matters": ((None, "a senior State Department official", None), False),
    "Nobody in [the] administration": ((None, "a senior State Department official", None), False),
    # "according to": the intermediary, not an actor, by name
    "simultaneously": (("kim-jong-un", "Kim Jong-un", "Chung Eui-yong"), True),
    # "told": the intermediary, an actor
    "Pyongyang has done its part": (("kim-jong-un", "Mr. Kim", "yonhap"), False),
    # a document of North Korea's state media; a joint statement, issued by no one actor
    "The United States must abandon": (("dprk", "KCNA", None), False),
    "The two sides": ((None, "the joint statement", None), False),
}  # fmt: skip


@pytest.mark.parametrize("words", CONSTRUCTS)
def test_each_construct(kpos, root, words):
    expected, short = CONSTRUCTS[words]
    record = find(records(kpos, root, SOURCE), words)
    assert (who(record), record["short"]) == (expected, short)


def test_a_nested_quotation_stays_in_the_outer_one(kpos, root):
    found = records(kpos, root, SOURCE)
    record = find(found, "They asked us")
    assert record["text"].endswith("'Why should we disarm while the war goes on?'")
    assert who(record) == ("moon-chung-in", "Moon", None)
    assert not [r for r in found if r["text"].startswith("Why should")]


def test_a_quotation_over_three_paragraphs_is_one_record(kpos, root):
    record = find(records(kpos, root, SOURCE), "The first thing")
    assert '\n\n"The second is' in record["text"] and '\n\n"Neither comes' in record["text"]
    # an unknown speaker is given by name, with no id
    assert who(record) == (None, "Park Min-seo", None)


def test_a_file_an_outlet_key_and_a_source_id_give_the_same(kpos, root):
    by_id = records(kpos, root, SOURCE)
    assert records(kpos, root, "herald") == by_id
    assert records(kpos, root, str(ARTICLE)) == by_id


def test_known_names_the_curated_quote_of_this_source(kpos, root):
    data = root / "data/sources" / f"{SOURCE}.yaml"
    data.write_text(data.read_text() + "  - id: herald-reach\n    speaker: moon-jae-in\n"
                    '    text: "within reach"\n')  # fmt: skip
    found = records(kpos, root, SOURCE)
    assert find(found, "within reach")["known"] == "herald-reach"
    assert [r["known"] for r in found].count(None) == 12
    assert not [r for r in records(kpos, root, SOURCE, "--new") if r["known"]]
    assert len(records(kpos, root, SOURCE, "--new")) == 12


def test_a_file_with_no_card_is_compared_with_every_source(kpos, root, tmp_path):
    data = root / "data/sources" / f"{SOURCE}.yaml"
    data.write_text(data.read_text() + "  - id: herald-reach\n    speaker: moon-jae-in\n"
                    '    text: "within reach"\n')  # fmt: skip
    other = tmp_path / "reprint.txt"  # no card: another text, another name
    other.write_text("Reprinted.\n\n" + ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert find(records(kpos, root, str(other)), "within reach")["known"] == "herald-reach"


def test_the_table_is_readable(kpos, root):
    result = kpos("extract", SOURCE, "-f", "table", data=root)
    out = result.stdout
    assert out.startswith("Quotations") and out.rstrip().endswith("13 quotations")
    assert "“within reach.”" in out and "(short)" in out
    assert "(not an actor)" in out and "(via yonhap)" in out
    assert max(len(line) for line in out.splitlines()) <= 100


def settle(data: Path, printed: str, speaker: str) -> None:
    """Put `speaker` in the first stub whose speaker was printed as `printed`."""
    text = data.read_text()
    line = text[text.index(f"speaker: null  # unknown: printed as {printed!r}") :].split("\n")[0]
    edit(data, line, f"speaker: {speaker}")


def test_stubs_validate_and_verify_once_their_speakers_are_settled(kpos, root):
    data = root / "data/sources" / f"{SOURCE}.yaml"
    stubs = kpos("extract", SOURCE, "--new", "-f", "yaml", data=root).stdout
    assert stubs.count("\n  - id: herald-") == 13
    data.write_text(data.read_text() + stubs)
    # by design, a stub whose speaker is unknown says so and does not validate
    assert "speaker: null  # unknown: printed as 'a senior State Department official'" in stubs
    assert "speaker: park-min-seo  # 'Park Min-seo' is not in the knowledge base" in stubs
    problems = kpos("validate", data=root).stdout
    assert "speaker is empty: give it a value" in problems
    assert "unknown actor 'park-min-seo'" in problems
    # settled: the official speaks for the United States, the joint statement for Seoul,
    # and the people named are added
    settle(data, "a senior State Department official", "us")
    settle(data, "a senior State Department official", "us")
    settle(data, "the joint statement", "rok")
    with (root / "data/actors.yaml").open("a") as actors:
        actors.write("  - id: park-min-seo\n    name: Park Min-seo\n    kind: person\n"
                     "  - id: chung-eui-yong\n    name: Chung Eui-yong\n    kind: person\n"
                     "    speaks_for: rok\n")  # fmt: skip
    result = kpos("validate", data=root)
    assert result.exit_code == 0, result.output
    assert kpos("verify", data=root).exit_code == 0  # every stub's text is verbatim
    assert records(kpos, root, SOURCE, "--new") == []


def test_stubs_leave_out_the_reporters_comma(kpos, root):
    stubs = kpos("extract", SOURCE, "-f", "yaml", data=root).stdout
    assert 'text: "We have waited sixty-five years. We can wait a few more weeks"\n' in stubs
    assert 'text: "within reach"\n' in stubs  # and a short quotation's full stop


def test_neither_a_file_nor_a_source_suggests_sources(kpos, root):
    result = kpos("extract", "heral", data=root)
    assert result.exit_code == 2
    assert "no such file" in result.output and "did you mean" in result.output


def test_a_source_whose_text_is_missing_says_where_it_looked(kpos, root):
    (root / "texts/envoys.txt").unlink()
    result = kpos("extract", SOURCE, data=root)
    assert result.exit_code == 2
    assert f"not in {root / 'texts'}" in result.output and "--texts DIR" in result.output
    assert kpos("extract", SOURCE, "--texts", str(ARTICLE.parent), data=root).exit_code == 0
