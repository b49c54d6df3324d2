"""Reading in two processes gives exactly what reading in one does, problems included."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from korea_positions import loader, parallel
from korea_positions.errors import InvalidKnowledgeBase

from conftest import REPO, edit

sys.path.insert(0, str(REPO / "benchmarks"))
import generate  # noqa: E402

pytestmark = pytest.mark.skipif(not parallel._can_fork(), reason="needs fork and two CPUs")


@pytest.fixture(scope="module")
def kb3(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("kb3")
    generate.generate(3, root)
    return root


def test_same_knowledge_base_either_way(kb3):
    together = loader.load(kb3, parallel_from=0)
    alone = loader.load(kb3, parallel_from=None)
    assert together.to_json() == alone.to_json()
    assert together.counts()["positions"] == 3 * 76


def test_same_problems_either_way(kb3, tmp_path):
    root = tmp_path / "kb"
    shutil.copytree(kb3, root)
    sources = sorted((root / "data" / "sources").glob("*.yaml"))
    # A bad record in one file, a syntax error in another, an unknown reference in a third:
    # wherever each file was read, the messages and their order are the same.
    edit(sources[0], "stance: ", "stance: wishes-")
    edit(sources[-1], "quotes:", "quotes: [")
    edit(sources[len(sources) // 2], "speaker: ", "speaker: nobody-")

    def problems(parallel_from):
        with pytest.raises(InvalidKnowledgeBase) as raised:
            loader.load(root, parallel_from=parallel_from)
        return [str(p) for p in raised.value.problems]

    assert problems(0) == problems(None)
    found = "\n".join(problems(0))
    assert sources[0].name in found and sources[-1].name in found
    assert "nobody-" in found


def test_child_failure_means_reading_here(kb3, monkeypatch):
    """A child that dies (here: its encoder fails) costs time, never correctness."""
    def broken_encode(got):
        raise RuntimeError("child breaks")

    expected = loader.load(kb3, parallel_from=None).to_json()
    monkeypatch.setattr(loader, "_encode", broken_encode)
    assert loader.load(kb3, parallel_from=0).to_json() == expected


def test_split_balances_bytes():
    sizes = [900, 100, 500, 500, 300, 700, 50]
    mine, theirs = parallel._split(sizes)
    assert sorted(mine + theirs) == list(range(len(sizes)))
    assert not set(mine) & set(theirs)
    share = sum(sizes[n] for n in theirs) / sum(sizes)
    assert 0.3 < share < 0.6


def test_small_knowledge_base_is_read_in_one_process():
    files = [(kind, path) for kind, paths in loader.files_of(REPO).items() for path in paths]
    assert parallel.read_clean(files, loader._clean, loader._encode, loader._decode,
                               parallel.PARALLEL_FROM) == {}


def test_no_fork_means_reading_here(kb3, monkeypatch):
    def refuse():
        raise BlockingIOError("Resource temporarily unavailable")

    expected = loader.load(kb3, parallel_from=None).to_json()
    monkeypatch.setattr(parallel.os, "fork", refuse)
    assert loader.load(kb3, parallel_from=0).to_json() == expected
