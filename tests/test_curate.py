"""`kpos init` writes a knowledge base of one's own; `kpos add source` adds an article to
it: its card with the sha256 computed, its empty data file, never overwriting, never into
the bundled knowledge base; `--update` refreshes the sha256 after the text changed."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO

from korea_positions.kb.files import bundled_root, files_of

ARTICLE = FIXTURES / "curate" / "envoys.txt"


def add(kpos, root: Path, *extra: str, text: Path = ARTICLE):
    return kpos(
        "add", "source", str(text), "--outlet", "herald", "--outlet-name", "The Korea Herald",
        "--title", "Envoys Trade Terms", "--published", "2018-10-02", *extra, data=root,
    )  # fmt: skip


@pytest.fixture
def empty_root(kpos, tmp_path) -> Path:
    root = tmp_path / "kb"
    result = kpos("init", "--empty", str(root), data=None)
    assert result.exit_code == 0, result.output
    return root


# --- kpos init --------------------------------------------------------------------------


def test_init_copies_the_bundled_files_and_schemas(kpos, tmp_path):
    root = tmp_path / "copy"
    result = kpos("init", str(root), data=None)
    for _, path in files_of(bundled_root()):
        assert (root / path).read_bytes() == (bundled_root() / path).read_bytes(), path
    for schema in (REPO / "schemas").glob("*.schema.json"):
        assert (root / "schemas" / schema.name).read_bytes() == schema.read_bytes()
    # validated at once: whatever the bundled knowledge base's state, the copy's is the same
    assert result.exit_code == kpos("validate", data=bundled_root()).exit_code
    assert f"kpos: wrote {root}" in result.stderr


def test_init_empty_holds_the_five_parties_and_nothing_else(kpos, empty_root):
    actors = json.loads(kpos("actors", "-f", "json", data=empty_root).stdout)
    assert [a["id"] for a in actors] == ["us", "dprk", "rok", "china", "unc"]
    assert "Pyongyang" in actors[1]["aliases"]
    assert kpos("validate", data=empty_root).stdout == (
        "ok: 0 sources, 5 actors, 0 steps, 0 positions, 0 quotes\n"
    )
    assert sorted(p.name for p in (empty_root / "schemas").iterdir()) == [
        "actors.schema.json", "source-card.schema.json", "source-data.schema.json",
        "steps.schema.json",
    ]  # fmt: skip


def test_init_links_each_file_to_its_schema(empty_root):
    first = (empty_root / "data/actors.yaml").read_text().splitlines()[0]
    link = first.removeprefix("# yaml-language-server: $schema=")
    assert (empty_root / "data" / link).resolve() == empty_root / "schemas/actors.schema.json"


def test_init_makes_texts_ignored_by_version_control(empty_root):
    ignore = (empty_root / "texts/.gitignore").read_text()
    assert "*\n!.gitignore\n" in ignore


def test_init_refuses_to_overwrite(kpos, empty_root, tmp_path):
    before = (empty_root / "data/actors.yaml").read_bytes()
    result = kpos("init", str(empty_root), data=None)
    assert result.exit_code == 2 and "never overwrites" in result.output
    assert (empty_root / "data/actors.yaml").read_bytes() == before
    (tmp_path / "file").write_text("x")
    assert kpos("init", str(tmp_path / "file"), data=None).exit_code == 2


def test_init_into_an_empty_directory(kpos, tmp_path):
    (tmp_path / "new").mkdir()
    assert kpos("init", "--empty", str(tmp_path / "new"), data=None).exit_code == 0
    assert (tmp_path / "new/data/actors.yaml").is_file()
    assert not list(tmp_path.glob(".new.*"))  # nothing left of the staging directory


# --- kpos add source ---------------------------------------------------------------------


def test_add_source_writes_the_card_and_the_data_file(kpos, empty_root):
    result = add(kpos, empty_root, "--author", "Jo Reporter", "--url", "https://example.org/a")
    assert result.exit_code == 0, result.output
    card = (empty_root / "seeds/herald-2018-10-02.yaml").read_text()
    assert "sha256: " + hashlib.sha256(ARTICLE.read_bytes()).hexdigest() in card
    assert "text: envoys.txt\n" in card and "authors: [Jo Reporter]\n" in card
    assert card.startswith("# yaml-language-server: $schema=../schemas/source-card.schema.json")
    data = (empty_root / "data/sources/herald-2018-10-02.yaml").read_text()
    assert data.startswith("# yaml-language-server: $schema=../../schemas/source-data.schema")
    assert "source: herald-2018-10-02\n" in data
    (source,) = json.loads(kpos("sources", "-f", "json", data=empty_root).stdout)
    assert source | {"outlet_name": "The Korea Herald", "date_inferred": False} == source
    assert source["url"] == "https://example.org/a" and source["published"] == "2018-10-02"
    assert "Next steps:" in result.stderr
    assert f"kpos --data {empty_root} extract herald-2018-10-02" in result.stderr


def test_add_source_copies_the_text_only_when_asked(kpos, empty_root):
    assert add(kpos, empty_root).exit_code == 0
    assert not (empty_root / "texts/envoys.txt").exists()
    assert add(kpos, empty_root, "--id", "herald-copy", "--copy").exit_code == 0
    assert (empty_root / "texts/envoys.txt").read_bytes() == ARTICLE.read_bytes()
    assert kpos("verify", data=empty_root).exit_code == 0  # nothing to prove yet, text found


def test_add_source_says_where_the_text_stays(kpos, empty_root):
    result = add(kpos, empty_root)
    assert f"the text stays in {ARTICLE.parent}" in result.stderr


def test_add_source_refuses_to_overwrite(kpos, empty_root):
    assert add(kpos, empty_root).exit_code == 0
    card = (empty_root / "seeds/herald-2018-10-02.yaml").read_bytes()
    result = add(kpos, empty_root, "--title", "Another")
    assert result.exit_code == 2
    assert "already exists" in result.output and "--update herald-2018-10-02" in result.output
    assert (empty_root / "seeds/herald-2018-10-02.yaml").read_bytes() == card


def test_add_source_refuses_the_bundled_knowledge_base(kpos, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no knowledge base upward: the bundled one
    result = add(kpos, None)
    assert result.exit_code == 2
    assert "bundled" in result.output and "kpos init DIR" in result.output
    assert not list(bundled_root().glob("seeds/herald-*"))


@pytest.mark.parametrize(
    "args, message",
    [
        (("--outlet", "The Herald"), "is not an id: use lowercase letters"),
        (("--published", "2 Oct 2018"), "is not a date; use YYYY-MM-DD"),
        (("--id", "Herald_1"), "is not an id"),
    ],
)
def test_add_source_explains_a_bad_value(kpos, empty_root, args, message):
    result = add(kpos, empty_root, *args)
    assert result.exit_code == 2 and message in result.output


def test_a_new_outlet_needs_its_name(kpos, empty_root):
    result = kpos("add", "source", str(ARTICLE), "--outlet", "herald", "--title", "T",
                  "--published", "2018-10-02", data=empty_root)  # fmt: skip
    assert result.exit_code == 2 and '--outlet-name "' in result.output


def test_missing_options_are_named(kpos, empty_root):
    result = kpos("add", "source", str(ARTICLE), data=empty_root)
    assert result.exit_code == 2 and "missing --outlet, --title, --published" in result.output


def test_update_refreshes_the_sha256(kpos, empty_root):
    assert add(kpos, empty_root, "--copy").exit_code == 0
    text = empty_root / "texts/envoys.txt"
    text.write_text(text.read_text() + "\nCorrection: the meeting was on Wednesday.\n")
    assert kpos("verify", data=empty_root).exit_code == 0  # no quote yet to find a mismatch
    result = kpos("add", "source", "--update", "herald-2018-10-02", data=empty_root)
    assert result.exit_code == 0, result.output
    new = hashlib.sha256(text.read_bytes()).hexdigest()
    card = (empty_root / "seeds/herald-2018-10-02.yaml").read_text()
    assert f"sha256: {new}\n" in card and card.count("sha256:") == 1
    assert "title: Envoys Trade Terms" in card  # the rest untouched
    again = kpos("add", "source", "--update", "herald-2018-10-02", data=empty_root)
    assert "already" in again.stderr


def test_update_of_an_unknown_source_suggests_ids(kpos, empty_root):
    assert add(kpos, empty_root, "--copy").exit_code == 0
    result = kpos("add", "source", "--update", "herald-2018-10-20", data=empty_root)
    assert result.exit_code == 2 and "did you mean herald-2018-10-02" in result.output


def test_a_text_that_is_not_utf8_is_refused(kpos, empty_root, tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\u00e9".encode("latin-1"))
    result = add(kpos, empty_root, text=latin)
    assert result.exit_code == 2 and "not UTF-8" in result.output


def test_update_with_the_text_elsewhere(kpos, empty_root, tmp_path):
    assert add(kpos, empty_root).exit_code == 0  # the text stays where it is
    result = kpos("add", "source", "--update", "herald-2018-10-02", data=empty_root)
    assert result.exit_code == 2 and "give TEXT_FILE, or --texts DIR" in result.output
    changed = tmp_path / "envoys.txt"
    changed.write_text(ARTICLE.read_text() + "\nCorrected.\n")
    result = kpos("add", "source", "--update", "herald-2018-10-02", "--texts", str(tmp_path),
                  data=empty_root)  # fmt: skip
    assert result.exit_code == 0, result.output
    digest = hashlib.sha256(changed.read_bytes()).hexdigest()
    assert f"sha256: {digest}\n" in (empty_root / "seeds/herald-2018-10-02.yaml").read_text()
