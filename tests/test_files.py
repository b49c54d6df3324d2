"""Files kpos writes: atomic, with the usual permissions (0666 less the umask), an
existing file's mode kept; a path of the wrong kind is exit 74 with a clear message."""

from __future__ import annotations

import os
import stat
from contextlib import contextmanager

import pytest


@contextmanager
def umask(mask: int):
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


FILES = [("json", "kb.json"), ("sqlite", "kb.db"), ("dot", "orders.dot"), ("plover", "e.jsonl")]


@pytest.mark.parametrize("fmt,name", FILES)
@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002])
def test_a_new_file_gets_0666_less_the_umask(kpos, tmp_path, fmt, name, mask):
    (tmp_path / "out").mkdir()
    with umask(mask):
        result = kpos("export", "-f", fmt, "-o", str(tmp_path / "out" / name))
    assert result.exit_code == 0, result.output
    assert mode(tmp_path / "out" / name) == 0o666 & ~mask
    assert [p.name for p in (tmp_path / "out").iterdir()] == [name]  # no temporary file left


@pytest.mark.parametrize("fmt,name", FILES)
def test_a_replaced_file_keeps_its_mode(kpos, tmp_path, fmt, name):
    target = tmp_path / name
    target.write_text("old")
    for wanted in (0o644, 0o640, 0o600):
        target.chmod(wanted)
        with umask(0o077):
            assert kpos("export", "-f", fmt, "-o", str(target)).exit_code == 0
        assert mode(target) == wanted and target.read_bytes() != b"old"


def test_csv_files_and_schemas_get_the_usual_permissions(kpos, tmp_path):
    with umask(0o022):
        assert kpos("export", "-f", "csv", "-o", str(tmp_path / "csv")).exit_code == 0
        (tmp_path / "schemas").mkdir()
        assert kpos("schema", "--output-dir", str(tmp_path / "schemas")).exit_code == 0
    written = [*(tmp_path / "csv").iterdir(), *(tmp_path / "schemas").iterdir()]
    assert len(written) == 9 and {mode(p) for p in written} == {0o644}


def test_a_file_where_a_directory_is_needed_is_exit_74(kpos, tmp_path):
    (tmp_path / "orders.dot").write_text("digraph {}")
    result = kpos("export", "-f", "csv", "-o", str(tmp_path / "orders.dot"))
    assert result.exit_code == 74
    assert result.stderr == (
        f"kpos: error: cannot write {tmp_path / 'orders.dot'}: it is a file, not a directory\n"
    )
    assert (tmp_path / "orders.dot").read_text() == "digraph {}"
    result = kpos("schema", "--output-dir", str(tmp_path / "orders.dot"))
    assert result.exit_code == 74 and "it is a file, not a directory" in result.stderr


@pytest.mark.parametrize("fmt", ["json", "sqlite", "dot", "mermaid", "plover"])
def test_a_directory_where_a_file_is_needed_is_exit_74(kpos, tmp_path, fmt):
    (tmp_path / "out").mkdir()
    result = kpos("export", "-f", fmt, "-o", str(tmp_path / "out"))
    assert result.exit_code == 74
    assert result.stderr == (
        f"kpos: error: cannot write {tmp_path / 'out'}: it is a directory, not a file\n"
    )


def test_a_directory_that_cannot_be_written_is_exit_74(kpos, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running with privileges that ignore permissions")
        result = kpos("export", "-f", "json", "-o", str(locked / "kb.json"))
        assert result.exit_code == 74 and "Permission denied" in result.stderr
    finally:
        locked.chmod(0o700)
