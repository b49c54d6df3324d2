"""`extract`: every direct quotation of a news text, with who said it.

The fixture texts under fixtures/extract are invented news paragraphs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from korea_positions.analysis.extract import extract

TEXTS = Path(__file__).parent / "fixtures" / "extract"
FIELDS = {
    "text",
    "start",
    "end",
    "prefix",
    "suffix",
    "speaker",
    "speaker_name",
    "reported_by",
    "short",
    "known",
    "confidence",
}
ACTORS = [
    {
        "id": "dprk",
        "name": "North Korea",
        "kind": "state",
        "aliases": ["DPRK", "Pyongyang", "the North"],
    },
    {"id": "rok", "name": "South Korea", "kind": "state", "aliases": ["Seoul"]},
    {"id": "us", "name": "United States", "kind": "state", "aliases": ["U.S.", "Washington"]},
    {"id": "moon-jae-in", "name": "Moon Jae-in", "kind": "person", "aliases": []},
    {"id": "moon-chung-in", "name": "Moon Chung-in", "kind": "person", "aliases": []},
    {"id": "kim-jong-un", "name": "Kim Jong-un", "kind": "person", "aliases": []},
    {"id": "mike-pompeo", "name": "Mike Pompeo", "kind": "person", "aliases": []},
    {"id": "xi-jinping", "name": "Xi Jinping", "kind": "person", "surname": "Xi", "aliases": []},
    {"id": "laura-brennan", "name": "Laura Brennan", "kind": "person", "aliases": []},
    {"id": "yonhap", "name": "Yonhap News Agency", "kind": "organization", "aliases": ["Yonhap"]},
]


def read(name: str) -> str:
    return (TEXTS / name).read_text("utf-8")


def quotes(name: str, known: list[dict] | None = None) -> list[dict]:
    return extract(read(name), ACTORS, known or [])


def find(records: list[dict], words: str) -> dict:
    """The one record whose text begins with `words`."""
    found = [r for r in records if r["text"].startswith(words)]
    assert len(found) == 1, (words, [r["text"] for r in records])
    return found[0]


def who(record: dict) -> tuple:
    return record["speaker"], record["speaker_name"], record["reported_by"]


@pytest.fixture(scope="module")
def summit() -> list[dict]:
    return quotes("summit.txt")


@pytest.mark.parametrize("name", ["summit.txt", "statements.txt", "interview.txt", "cut.txt"])
def test_records_have_the_fields_and_point_into_the_text(name):
    text = read(name)
    records = extract(text, ACTORS, [])
    assert records
    assert [r["start"] for r in records] == sorted(r["start"] for r in records)
    for r in records:
        assert set(r) == FIELDS
        assert text[r["start"] : r["end"]] == r["text"]
        assert r["prefix"] == text[max(0, r["start"] - 30) : r["start"]]
        assert r["suffix"] == text[r["end"] : r["end"] + 30]
        assert 0 <= r["confidence"] <= 1


def test_every_quotation_is_found_once(summit):
    assert [r["text"] for r in summit] == [
        "closer than ever",
        "We have never been this close,",
        "But closeness is not yet an agreement.",
        "The United States wants to see verifiable steps first.",
        "not pay for promises.",
        "Denuclearization comes first,",
        "Everything else follows,",
        "predictable.",
        "Each side wants the other to move first … and neither will,",
        "Somebody has to blink,",
        "It is a matter of [mutual] trust,",
        "simultaneous",
        "Pyongyang will not wait forever,",
        "They told us, ‘We can be patient if Washington is sincere,’",
        "A declaration costs nothing and gives the North a reason to keep talking,",
        "It is a first step, not a last one,",
    ]


def test_attribution_before_the_quotation_with_a_title(summit):
    assert who(find(summit, "closer than ever")) == ("moon-jae-in", "President Moon Jae-in", None)
    record = find(summit, "The United States wants")
    assert who(record) == ("mike-pompeo", "Secretary of State Mike Pompeo", None)


def test_attribution_after_the_quotation(summit):
    # "Mr. Moon": a surname two actors share, the one who spoke last
    assert who(find(summit, "We have never")) == ("moon-jae-in", "Mr. Moon", None)
    assert find(summit, "We have never")["confidence"] > 0.7


def test_a_quotation_going_on_from_the_last_speaker(summit):
    assert find(summit, "But closeness")["speaker"] == "moon-jae-in"


def test_pronoun_refers_to_the_last_person_named(summit):
    assert find(summit, "not pay for promises")["speaker"] == "mike-pompeo"
    assert who(find(summit, "Somebody has to blink")) == ("laura-brennan", "Laura Brennan", None)


def test_the_official_and_the_analyst_refer_back(summit):
    unnamed = (None, "a senior State Department official", None)
    assert who(find(summit, "Denuclearization comes first")) == unnamed
    assert who(find(summit, "Everything else follows")) == unnamed
    assert find(summit, "predictable")["speaker"] == "laura-brennan"
    assert find(summit, "Each side wants")["speaker"] == "laura-brennan"
    assert who(find(summit, "It is a first step")) == (None, "Cho Min-jae", None)


def test_a_speaker_who_is_not_an_actor_is_given_by_name(summit):
    assert who(find(summit, "It is a matter of")) == (None, "Park Ji-hoon", None)
    assert who(find(summit, "A declaration costs")) == (None, "Cho Min-jae", None)


def test_according_to_and_told_give_the_intermediary(summit):
    assert who(find(summit, "simultaneous")) == ("kim-jong-un", "Mr. Kim", "Chung Eui-yong")
    assert who(find(summit, "Pyongyang will not")) == ("kim-jong-un", "Mr. Kim", "yonhap")


def test_nested_quotation_stays_inside_the_outer_one(summit):
    record = find(summit, "They told us")
    assert "‘We can be patient if Washington is sincere,’" in record["text"]
    assert not any(r["text"].startswith("We can be patient") for r in summit)
    # "Moon" alone: the Moon who spoke last, the adviser
    assert who(record) == ("moon-chung-in", "Moon", None)


def test_ellipsis_and_brackets_are_kept(summit):
    assert "move first … and" in find(summit, "Each side wants")["text"]
    assert "[mutual]" in find(summit, "It is a matter of")["text"]


def test_short_marks_a_word_or_phrase_inside_a_sentence(summit):
    short = {r["text"] for r in summit if r["short"]}
    assert short == {"closer than ever", "not pay for promises.", "predictable.", "simultaneous"}


def test_known_quotes_match_after_folding_marks_dashes_and_space():
    known = [
        {"id": "k-close", "text": "We have never been this close"},
        {"id": "k-blink", "text": "Somebody  has\nto blink"},
        {"id": "k-first", "text": "Each side wants the other to move first ... and neither will"},
        {"id": "k-patient", "text": "They told us, 'We can be patient if Washington is sincere,'"},
        {"id": "k-other", "text": "An unrelated sentence"},
    ]
    found = {r["text"]: r["known"] for r in quotes("summit.txt", known)}
    assert found["We have never been this close,"] == "k-close"
    assert found["Somebody has to blink,"] == "k-blink"
    assert found["Each side wants the other to move first … and neither will,"] == "k-first"
    assert found["They told us, ‘We can be patient if Washington is sincere,’"] == "k-patient"
    assert list(found.values()).count(None) == len(found) - 4


def test_state_media_speak_for_the_dprk_and_a_joint_statement_for_nobody():
    records = quotes("statements.txt")
    assert who(find(records, "a rehearsal")) == ("dprk", "North Korea’s state media", None)
    assert who(find(records, "The U.S. must stop")) == ("dprk", "KCNA", None)
    # "the statement": the one North Korea's Foreign Ministry issued
    assert who(find(records, "Sanctions are")) == ("dprk", "the statement", None)
    assert who(find(records, "The two sides")) == (None, "the joint statement", None)


def test_a_quotation_over_several_paragraphs_is_one_record():
    text = read("interview.txt")
    records = extract(text, ACTORS, [])
    assert len(records) == 2
    first, running = records
    assert who(first) == (None, "Kim Yong-chol", None)  # not Kim Jong-un
    assert running["text"].startswith("We are asking only for what was promised")
    assert '\n\n"The Americans agreed' in running["text"]
    assert running["text"].endswith("no reason for us to give up anything,")
    assert who(running) == (None, "Kim Yong-chol", None)


def test_paragraphs_parted_by_a_single_line_break():
    text = (
        "“We will not move first.\n“Nor should anyone ask us to,” Pompeo said.\n"
        "Talks ended on Friday.\n“Next month,” Xi said."
    )
    records = extract(text, ACTORS, [])
    assert [r["text"] for r in records] == [
        "We will not move first.\n“Nor should anyone ask us to,",
        "Next month,",
    ]
    assert [r["speaker"] for r in records] == ["mike-pompeo", "xi-jinping"]


def test_an_unclosed_quotation_ends_with_its_paragraph():
    records = quotes("cut.txt")
    assert [r["text"] for r in records] == [
        "Talks will resume next month,",
        "We expect every party to",
    ]
    assert [r["speaker"] for r in records] == ["xi-jinping", "xi-jinping"]
    assert records[1]["confidence"] < records[0]["confidence"]


def test_attribution_patterns_in_one_sentence():
    cases = {
        '"We are ready," said Mike Pompeo.': ("mike-pompeo", "Mike Pompeo", None),
        'Pompeo said, "We are ready."': ("mike-pompeo", "Pompeo", None),
        '"We are ready," Pompeo told reporters.': ("mike-pompeo", "Pompeo", None),
        '"We are ready," Pompeo told Yonhap.': ("mike-pompeo", "Pompeo", "yonhap"),
        "“We are ready,” according to Laura Brennan.": ("laura-brennan", "Laura Brennan", None),
        "Seoul’s Unification Ministry said it was “ready.”": (
            "rok",
            "Seoul’s Unification Ministry",
            None,
        ),
        "Yonhap quoted Kim Jong-un as saying, “We are ready.”": (
            "kim-jong-un",
            "Kim Jong-un",
            "yonhap",
        ),
        "“We are ready,” a spokesman said.": (None, "a spokesman", None),
        '"We are ready," said the North Korean leader, Kim Jong-un.': (
            "kim-jong-un",
            "Kim Jong-un",
            None,
        ),
        'Officials in Washington said the plan was "premature."': (None, "Officials", None),
        'Mr. Pompeo and Mr. Kim said they would "work for peace."': (
            None,
            "Mr. Pompeo and Mr. Kim",
            None,
        ),
        'The Rodong Sinmun said in an editorial that "the U.S. must change."': (
            "dprk",
            "Rodong Sinmun",
            None,
        ),
    }
    for text, expected in cases.items():
        (record,) = extract(text, ACTORS, [])
        assert who(record) == expected, text


def test_each_clause_keeps_its_own_speaker():
    text = 'The North called the drills "provocative," while Seoul described them as "defensive."'
    assert [who(r) for r in extract(text, ACTORS, [])] == [
        ("dprk", "The North", None),
        ("rok", "Seoul", None),
    ]


def test_straight_and_curly_marks_give_the_same_records():
    curly = "“We are ready,” Pompeo said. “Are you?”"
    straight = curly.replace("“", '"').replace("”", '"')
    assert [r["text"] for r in extract(curly, ACTORS, [])] == ["We are ready,", "Are you?"]
    assert [r["text"] for r in extract(straight, ACTORS, [])] == ["We are ready,", "Are you?"]
    assert [r["speaker"] for r in extract(straight, ACTORS, [])] == ["mike-pompeo"] * 2


def test_no_quotation_no_record():
    assert extract("", ACTORS, []) == []
    assert extract("North Korea's leader didn't speak.", ACTORS, []) == []


def test_a_long_article_gives_every_quotation_of_each_part():
    # its speed is measured by benchmarks/extract_eval.py, not asserted here
    text = "\n\n".join([read("summit.txt")] * 9)  # about 2,100 words
    assert len(text.split()) > 1900
    records = extract(text, ACTORS, [])
    assert len(records) == 9 * len(quotes("summit.txt"))
