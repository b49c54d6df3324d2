"""The cache: a fresh one answers, an edited file is seen (even one keeping its size and
modification time), a damaged or foreign cache is rebuilt, never trusted."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

from conftest import edit

from korea_positions.kb import cache


def ids(kpos, data, *options):
    result = kpos(*options, "steps", "-f", "json", data=data)
    assert result.exit_code == 0, result.output
    return [r["id"] for r in json.loads(result.stdout)]


def test_query_writes_the_cache_where_cache_path_says(kpos, kb_copy, private_cache):
    assert ids(kpos, kb_copy) == ["declaration", "inventory", "treaty"]
    (cached,) = private_cache.glob("*.sqlite3")
    shown = kpos("cache", "path", data=kb_copy)
    assert shown.exit_code == 0 and shown.stdout.strip() == str(cached)
    assert cache.cache_path(kb_copy) == cached


def test_an_edit_is_seen_and_a_removed_file_too(kpos, kb_copy):
    ids(kpos, kb_copy)
    edit(kb_copy / "data/steps.yaml", "id: treaty", "id: peace-treaty")
    assert ids(kpos, kb_copy) == ["declaration", "inventory", "peace-treaty"]
    (kb_copy / "seeds/beta.yaml").unlink()
    assert kpos("steps", data=kb_copy).exit_code == 1


def test_an_edit_keeping_size_and_mtime_is_seen(kpos, kb_copy):
    """Within the second the cache was written: the file is hashed, not trusted by stamp."""
    ids(kpos, kb_copy)
    steps = kb_copy / "data/steps.yaml"
    before = steps.stat()
    edit(steps, "id: treaty", "id: tready")
    os.utime(steps, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert steps.stat().st_size == before.st_size
    assert ids(kpos, kb_copy)[-1] == "tready"


def test_an_old_edit_keeping_size_and_mtime_is_seen_by_its_ctime(kpos, kb_copy):
    steps = kb_copy / "data/steps.yaml"
    old = steps.stat().st_mtime_ns - 10 * 10**9  # long before the cache is written
    os.utime(steps, ns=(old, old))
    ids(kpos, kb_copy)
    edit(steps, "id: treaty", "id: tready")
    os.utime(steps, ns=(old, old))  # the change time still moves
    assert ids(kpos, kb_copy)[-1] == "tready"


def test_problems_stay_reported_from_the_cache(kpos, kb_copy):
    edit(kb_copy / "data/steps.yaml", "id: treaty", "id: Treaty")
    first = kpos("validate", data=kb_copy)
    second = kpos("validate", data=kb_copy)
    assert first.exit_code == second.exit_code == 1
    assert first.stdout == second.stdout and "steps.yaml" in first.stdout


def test_damaged_cache_is_rebuilt(kpos, kb_copy, private_cache):
    ids(kpos, kb_copy)
    (cached,) = private_cache.glob("*.sqlite3")
    raw = cached.read_bytes()
    for damage in (raw[: len(raw) // 2], b"\x00\xff not a database" * 100, b""):
        cached.write_bytes(damage)
        assert ids(kpos, kb_copy) == ["declaration", "inventory", "treaty"]


def test_cache_of_another_version_is_rebuilt(kpos, kb_copy, private_cache):
    ids(kpos, kb_copy)
    (cached,) = private_cache.glob("*.sqlite3")
    with sqlite3.connect(cached) as db:
        db.execute("UPDATE meta SET value = '0.0.0' WHERE key = 'kpos'")
        db.execute("DELETE FROM records WHERE kind = 'steps'")
    assert ids(kpos, kb_copy) == ["declaration", "inventory", "treaty"]
    with sqlite3.connect(cached) as db:
        db.execute("PRAGMA user_version = 99")
    assert ids(kpos, kb_copy) == ["declaration", "inventory", "treaty"]


def test_a_foreign_database_is_not_trusted(kpos, kb_copy, private_cache):
    private_cache.mkdir(parents=True)
    with sqlite3.connect(cache.cache_path(kb_copy)) as db:
        db.execute("CREATE TABLE records (kind, id, body)")
    assert ids(kpos, kb_copy) == ["declaration", "inventory", "treaty"]


def test_no_cache_bypasses(kpos, kb_copy, private_cache):
    result = kpos("--no-cache", "steps", data=None)
    assert result.exit_code == 0 and not private_cache.exists()


def test_cache_clear(kpos, kb_copy, private_cache):
    ids(kpos, kb_copy)
    assert len(list(private_cache.glob("*.sqlite3"))) == 1
    result = kpos("cache", "clear", data=kb_copy)
    assert result.exit_code == 0 and "removed 1 cache file" in result.stderr
    assert not list(private_cache.iterdir())


def test_unwritable_cache_dir_is_harmless(kpos, kb_copy, monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert ids(kpos, kb_copy) == ["declaration", "inventory", "treaty"]


def test_query_path_imports_no_pydantic_yaml_or_rich(kb_copy, tmp_path):
    env = os.environ | {"XDG_CACHE_HOME": str(tmp_path / "c")}
    code = (
        f"import sys; sys.argv = ['kpos', '--data', {str(kb_copy)!r}, 'demands', '--actor', 'us', '-f', "
        "'json']\nfrom korea_positions.cli.run import run\nrun()\nprint(sorted(m for m in "
        "('pydantic', 'yaml', 'rich') if m in sys.modules), file=sys.stderr)"
    )
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert "pydantic" in first.stderr  # the first run validates the files
    assert second.stderr.strip().splitlines()[-1] == "[]", second.stderr


STEPS = [  # (file, old text, new text): each a change a curator might make
    ("data/steps.yaml", "id: inventory", "id: full-inventory"),  # orphans references
    ("data/steps.yaml", "id: full-inventory", "id: inventory"),  # and back
    ("data/sources/beta.yaml", "source: beta-2018-03-04", "source: gamma"),  # unknown source
    ("data/sources/beta.yaml", "source: gamma", "source: beta-2018-03-04"),
    ("data/actors.yaml", "  - id: ann-example", "  - id: us"),  # duplicate id, clashing name
    ("data/actors.yaml", "  - id: us\n    name: Ann", "  - id: ann-example\n    name: Ann"),
    ("data/sources/alpha.yaml", "quotes:", "quotes: [\n"),  # unreadable file
    ("data/sources/alpha.yaml", "quotes: [\n", "quotes:"),
]


def test_checking_only_what_changed_finds_what_checking_everything_finds(kpos, kb_copy):
    """After each edit the cached answer equals a full read without the cache."""
    statuses = [kpos("validate", data=kb_copy).exit_code]
    for file, old, new in STEPS:
        edit(kb_copy / file, old, new)
        cached = kpos("validate", data=kb_copy)
        fresh = kpos("--no-cache", "validate", data=kb_copy)
        assert (cached.exit_code, cached.stdout) == (fresh.exit_code, fresh.stdout), (file, new)
        statuses.append(cached.exit_code)
    assert statuses == [0, 1, 0, 1, 0, 1, 0, 1, 0]


def test_a_damaged_record_in_the_cache_is_rebuilt_not_shown(kpos, kb_copy, private_cache):
    ids(kpos, kb_copy)
    (cached,) = private_cache.glob("*.sqlite3")
    with sqlite3.connect(cached) as db:
        db.execute("""UPDATE records SET body = '{"id": "declar' WHERE kind = 'steps'""")
    assert ids(kpos, kb_copy) == ["declaration", "inventory", "treaty"]
