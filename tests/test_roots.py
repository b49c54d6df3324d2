"""Which knowledge base a command reads: --data, then KPOS_DATA, then the nearest root from
the working directory upward, then the bundled one; `validate` and `--version` say which."""

from __future__ import annotations

import json

import pytest
from conftest import MINI, edit

from korea_positions.kb.files import find_root


def actor_ids(result) -> set[str]:
    assert result.exit_code == 0, result.output
    return {a["id"] for a in json.loads(result.stdout)}


def add_japan(root) -> None:
    japan = "  - id: japan\n    name: Japan\n    kind: state\n"
    edit(root / "data/actors.yaml", "  - id: rok\n", japan + "  - id: rok\n")


@pytest.fixture
def elsewhere(tmp_path, monkeypatch):
    """A working directory with no knowledge base above it."""
    directory = tmp_path / "elsewhere"
    directory.mkdir()
    monkeypatch.chdir(directory)
    return directory


def test_the_nearest_root_upward_is_read(kpos, kb_copy, monkeypatch):
    add_japan(kb_copy)
    monkeypatch.chdir(kb_copy / "data" / "sources")
    assert "japan" in actor_ids(kpos("actors", "-f", "json", data=None))
    result = kpos("validate", data=None)
    assert result.exit_code == 0
    assert f"kpos: checked {kb_copy} (found from the current directory)" in result.stderr


def test_kpos_data_comes_before_the_root_upward(kpos, kb_copy, monkeypatch):
    add_japan(kb_copy)
    monkeypatch.chdir(kb_copy)
    monkeypatch.setenv("KPOS_DATA", str(MINI))
    assert "japan" not in actor_ids(kpos("actors", "-f", "json", data=None))
    assert f"checked {MINI} (KPOS_DATA)" in kpos("validate", data=None).stderr


def test_data_option_comes_before_kpos_data(kpos, kb_copy, monkeypatch, elsewhere):
    add_japan(kb_copy)
    monkeypatch.setenv("KPOS_DATA", str(MINI))
    assert "japan" in actor_ids(kpos("actors", "-f", "json", data=kb_copy))
    assert f"checked {kb_copy} (--data)" in kpos("validate", data=kb_copy).stderr


def test_the_bundled_root_when_nothing_else(kpos, elsewhere):
    result = kpos("validate", data=None)
    assert "(the bundled one)" in result.stderr
    assert find_root(None, None, elsewhere).origin == "bundled"


def test_a_directory_with_data_but_no_seeds_is_not_a_root(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "actors.yaml").write_text("actors: []\n")
    assert find_root(None, None, tmp_path).origin == "bundled"
    (tmp_path / "seeds").mkdir()
    assert find_root(None, None, tmp_path / "data") == (tmp_path, "found")


def test_a_wrong_kpos_data_is_named(kpos, tmp_path, monkeypatch):
    monkeypatch.setenv("KPOS_DATA", str(tmp_path / "missing"))
    result = kpos("actors", data=None)
    assert result.exit_code == 2
    assert "KPOS_DATA" in result.output and "no such directory" in result.output


def test_a_directory_that_is_no_knowledge_base_suggests_init(kpos, tmp_path):
    result = kpos("actors", data=tmp_path)
    assert result.exit_code == 2 and "kpos init DIR" in result.output


def test_validate_names_the_root_also_when_invalid(kpos, kb_copy):
    (kb_copy / "data/steps.yaml").write_text("steps: 3\n")
    result = kpos("validate", data=kb_copy)
    assert result.exit_code == 1
    assert f"problem(s) found in {kb_copy} (--data)" in result.stderr


def test_version_names_the_bundled_root(kpos):
    from korea_positions.kb.files import bundled_root

    assert f"in {bundled_root()}" in kpos("--version").stdout
