"""Messages a curator can act on: each problem at its file and line, in plain words, with
the nearest valid name or the fix."""

from __future__ import annotations

import pytest
from conftest import edit, line_of


def problems(kpos, root) -> list[str]:
    result = kpos("validate", data=root)
    assert result.exit_code == 1, result.output
    return result.stdout.replace(f"{root}/", "").splitlines()


def one(kpos, root, needle: str) -> str:
    found = [p for p in problems(kpos, root) if needle in p]
    assert len(found) == 1, problems(kpos, root)
    return found[0]


@pytest.mark.parametrize(
    "file, old, new, expected",
    [
        ("data/sources/alpha.yaml", "speaker: kim-bo-ra", "speaker: kim-bora",
         "unknown actor 'kim-bora'; did you mean 'kim-bo-ra'?"),
        ("data/sources/beta.yaml", "together: [inventory]", "together: [inventroy]",
         "unknown step 'inventroy'; did you mean 'inventory'?"),
        ("data/sources/alpha.yaml", "quotes: [alpha-token]", "quotes: [alpha-tokens]",
         "unknown quote 'alpha-tokens'; did you mean 'alpha-token'?"),
        ("data/sources/beta.yaml", "source: beta-2018-03-04", "source: beta-2018-03-05",
         "unknown source 'beta-2018-03-05'; did you mean 'beta-2018-03-04'"),
    ],
)  # fmt: skip
def test_an_unknown_reference_suggests_the_closest_ids(kpos, kb_copy, file, old, new, expected):
    edit(kb_copy / file, old, new)
    message = one(kpos, kb_copy, "unknown")
    assert message.startswith(f"{file}:{line_of(kb_copy / file, new.split(': ')[1])}:")
    assert expected in message


def test_an_unknown_reference_with_nothing_close_says_where_to_add_it(kpos, kb_copy):
    edit(kb_copy / "data/sources/alpha.yaml", "speaker: kim-bo-ra", "speaker: xi")
    message = one(kpos, kb_copy, "unknown actor 'xi'")
    assert "did you mean" not in message and "add it to data/actors.yaml" in message


def test_an_unquoted_colon_says_quote_the_value(kpos, kb_copy):
    path = kb_copy / "data/sources/alpha.yaml"
    edit(path, '"The US wants the weapons list', "The US wants: the weapons list")
    message = one(kpos, kb_copy, "alpha.yaml")
    line = line_of(path, "The US wants:")
    assert message.startswith(f"data/sources/alpha.yaml:{line}:")
    assert "quote the value, as in summary: " in message
    assert "mapping values" not in message


def test_a_line_indented_less_gives_the_indentation_expected(kpos, kb_copy):
    path = kb_copy / "data/steps.yaml"
    text = path.read_text()
    field = next(line for line in text.splitlines() if line.startswith("    label:"))
    edit(path, field, field[1:])  # 3 spaces instead of 4
    message = one(kpos, kb_copy, "steps.yaml")
    assert "indented 3 spaces" in message and "indent it 4 spaces, like `id:`" in message


def test_a_line_indented_more_gives_the_indentation_expected(kpos, kb_copy):
    path = kb_copy / "seeds/alpha.yaml"
    edit(path, "outlet_name:", "  outlet_name:")
    message = one(kpos, kb_copy, "seeds/alpha.yaml")
    assert message.startswith(f"seeds/alpha.yaml:{line_of(path, 'outlet_name:')}:")
    assert "indent it 0 spaces to make it a field beside `outlet:`" in message


def test_an_unclosed_quote_names_where_it_opened(kpos, kb_copy):
    path = kb_copy / "data/sources/alpha.yaml"
    edit(path, 'text: "sincerity"', 'text: "sincerity')
    message = one(kpos, kb_copy, "alpha.yaml")
    opened = line_of(path, 'text: "sincerity')
    assert message.startswith(f"data/sources/alpha.yaml:{opened + 1}:")
    assert (
        f"the quoted text begun on line {opened}: is its closing quotation mark missing?" in message
    )


def test_a_field_in_the_wrong_place_says_where_it_belongs(kpos, kb_copy):
    path = kb_copy / "data/sources/alpha.yaml"
    edit(path, "    order:\n      before: [declaration]\n", "    before: [declaration]\n")
    message = one(kpos, kb_copy, "unknown field")
    assert message.startswith(f"data/sources/alpha.yaml:{line_of(path, 'before: [decl')}:5:")
    assert "put it under `order:`" in message


def test_a_position_field_in_a_quote_names_positions(kpos, kb_copy):
    edit(kb_copy / "data/sources/alpha.yaml", '    text: "sincerity"\n',
         '    text: "sincerity"\n    stance: demand\n')  # fmt: skip
    assert "`stance` is a field of positions" in one(kpos, kb_copy, "unknown field")


def test_a_record_field_at_the_top_level_belongs_in_a_record(kpos, kb_copy):
    (kb_copy / "data/steps.yaml").write_text(
        (kb_copy / "data/steps.yaml").read_text() + "by: [us]\n"
    )
    assert "it belongs in a record of `steps:`" in one(kpos, kb_copy, "unknown field 'by'")


def test_a_duplicate_id_names_both_places_at_the_later_one(kpos, kb_copy):
    path = kb_copy / "data/sources/alpha.yaml"
    edit(path, "  - id: alpha-not-first", "  - id: alpha-sincerity")
    edit(path, "[alpha-sincerity, alpha-not-first]", "[alpha-sincerity]")
    first, later = line_of(path, "id: alpha-sincerity"), line_of(path, "id: alpha-sincerity", 2)
    message = one(kpos, kb_copy, "duplicate")
    assert message == (
        f"data/sources/alpha.yaml:{later}:5: duplicate quote id 'alpha-sincerity', also "
        f"defined at data/sources/alpha.yaml:{first}: rename one of them"
    )


def test_a_duplicate_across_files_is_reported_in_the_file_read_later(kpos, kb_copy):
    edit(kb_copy / "data/sources/beta.yaml", "  - id: beta-simultaneously",
         "  - id: alpha-token")  # fmt: skip
    edit(kb_copy / "data/sources/beta.yaml", "[beta-simultaneously]", "[alpha-token]")
    message = one(kpos, kb_copy, "duplicate")
    assert message.startswith("data/sources/beta.yaml:")
    assert "also defined at data/sources/alpha.yaml:" in message


@pytest.mark.parametrize(
    "file, old, new, words",
    [
        ("data/steps.yaml", "id: treaty", "id: Peace Treaty",
         "should be an id: lowercase letters a-z and digits, words joined by single hyphens"),
        ("seeds/alpha.yaml", "sha256: 11d6", "sha256: 11D6", "64 characters 0-9 and a-f"),
        ("seeds/alpha.yaml", "text: alpha.txt", "text: ../alpha.txt", "a bare file name"),
        ("data/actors.yaml", "plover: USA}", "plover: USA, wikidata: 30}",
         "a Wikidata id: Q followed by digits"),
    ],
)  # fmt: skip
def test_a_pattern_mismatch_is_said_in_words(kpos, kb_copy, file, old, new, words):
    edit(kb_copy / file, old, new)
    message = one(kpos, kb_copy, "should be")
    assert words in message
    assert not any(sign in message for sign in ("^", "[a-z0-9]", "{64}", "$'"))


def test_a_bad_id_suggests_one(kpos, kb_copy):
    edit(kb_copy / "data/steps.yaml", "id: treaty", "id: Peace Treaty")
    assert "here perhaps 'peace-treaty'" in one(kpos, kb_copy, "should be")


def test_a_misspelt_stance_suggests_the_closest(kpos, kb_copy):
    edit(kb_copy / "data/sources/alpha.yaml", "stance: demand", "stance: demands")
    assert "did you mean 'demand'?" in one(kpos, kb_copy, "stance")


def test_an_empty_required_value_says_so(kpos, kb_copy):
    edit(kb_copy / "data/sources/alpha.yaml", "speaker: kim-bo-ra", "speaker: null")
    assert "quotes.2.speaker is empty: give it a value" in one(kpos, kb_copy, "speaker")


def test_a_misspelt_field_suggests_the_closest(kpos, kb_copy):
    edit(kb_copy / "data/steps.yaml", "    label:", "    lable:")
    message = one(kpos, kb_copy, "unknown field")
    assert "unknown field 'lable'; did you mean 'label'? (valid fields: id, label" in message
