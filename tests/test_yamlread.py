"""The strict YAML reader: plain data, exact text, located errors."""

from __future__ import annotations

import pytest

from korea_positions.kb.yamlread import YamlProblem, read_yaml


def read(tmp_path, text: str | bytes):
    path = tmp_path / "f.yaml"
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return read_yaml(path, "f.yaml")


def problem(tmp_path, text):
    with pytest.raises(YamlProblem) as info:
        read(tmp_path, text)
    return info.value.problem


def test_scalars_stay_the_text_written(tmp_path):
    data, _ = read(tmp_path, "a: no\nb: 10:28\nc: 2018-09-17\nd: 0x10\ne: ~\nf: ''\ng: 1e3\n")
    assert data == {
        "a": "no",
        "b": "10:28",
        "c": "2018-09-17",
        "d": "0x10",
        "e": None,
        "f": "",
        "g": "1e3",
    }


def test_locator_maps_paths_to_lines(tmp_path):
    _, locator = read(tmp_path, "items:\n  - id: a\n  - id: b\n    name: x\n")
    assert locator.find(("items", 1, "name")) == (4, 5)
    assert locator.find(("items", 1, "missing")) == (3, 5)
    assert locator.find(("items", 0)) == (2, 5)


def test_duplicate_key_reported_at_second_key(tmp_path):
    p = problem(tmp_path, "a: 1\nb: 2\na: 3\n")
    assert (p.line, p.col) == (3, 1)
    assert "duplicate key 'a'" in p.message


@pytest.mark.parametrize(
    "text",
    ["a: !!python/object:os.system x\n", "a: !custom x\n", "a: !!binary aGk=\n", "!!set {a, b}\n"],
)
def test_tags_never_construct_objects(tmp_path, text):
    assert "is not allowed" in problem(tmp_path, text).message


def test_aliases_refused(tmp_path):
    p = problem(tmp_path, "a: &x [1, 2]\nb: *x\n")
    assert "aliases" in p.message and p.line == 2


def test_tab_indentation_is_located(tmp_path):
    p = problem(tmp_path, "a:\n\tb: 1\n")
    assert p.line == 2 and "invalid YAML" in p.message


def test_non_utf8_is_located(tmp_path):
    p = problem(tmp_path, b"a: ok\nb: caf\xe9\n")
    assert (p.line, p.col) == (2, 7) and "UTF-8" in p.message


def test_empty_file(tmp_path):
    assert problem(tmp_path, "# only a comment\n").message == "file is empty"


def test_deep_nesting_refused(tmp_path):
    assert "too deep" in problem(tmp_path, "a: " + "[" * 100 + "]" * 100 + "\n").message


def test_syntax_error_located(tmp_path):
    p = problem(tmp_path, "a: [1, 2\nb: 3\n")
    assert p.file == "f.yaml" and p.line >= 2 and "invalid YAML" in p.message
