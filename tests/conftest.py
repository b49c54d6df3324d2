from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from korea_positions.cli.app import app

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """Every test gets its own cache directory: none shares or leaves state."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "kpos"


@pytest.fixture(autouse=True)
def no_kpos_variables(monkeypatch):
    """KPOS_DATA and KPOS_TEXTS of the calling shell (CI sets KPOS_TEXTS) reach no test."""
    monkeypatch.delenv("KPOS_DATA", raising=False)
    monkeypatch.delenv("KPOS_TEXTS", raising=False)


@pytest.fixture
def kpos(runner, monkeypatch):
    """Run kpos in-process at a fixed terminal width; returns the Result."""
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("KPOS_DATA", raising=False)

    def run(*args: str, data: Path | None = MINI):
        argv = (["--data", str(data)] if data is not None else []) + list(args)
        return runner.invoke(app, argv, catch_exceptions=False)

    return run


@pytest.fixture
def kb_copy(tmp_path) -> Path:
    """A writable copy of the mini knowledge base."""
    target = tmp_path / "kb"
    shutil.copytree(MINI, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    """1-based line number of the n-th line containing `needle`."""
    hits = [
        i
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if needle in line
    ]
    return hits[occurrence - 1]
