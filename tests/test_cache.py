"""The knowledge base cache: used when fresh, rebuilt on any change, ignored when damaged."""

from __future__ import annotations

import json
import os
import sys

from conftest import edit
from korea_positions import cache


def ids(kpos, data):
    result = kpos("steps", "-f", "json", data=data)
    assert result.exit_code == 0, result.output
    return [r["id"] for r in json.loads(result.stdout)]


def test_query_writes_then_uses_the_cache(kpos, kb_copy, private_cache, monkeypatch):
    assert ids(kpos, kb_copy) == ["declaration", "inventory", "treaty"]
    (cached,) = private_cache.iterdir()
    header = json.loads(cached.read_bytes().split(b"\n", 1)[0])
    assert header["root"] == str(kb_copy.resolve()) and len(header["files"]) == 6
    # A fresh cache answers without parsing YAML or validating.
    import korea_positions.loader as loader

    monkeypatch.setattr(loader, "load", lambda root: (_ for _ in ()).throw(AssertionError))
    assert ids(kpos, kb_copy) == ["declaration", "inventory", "treaty"]


def test_any_edit_rebuilds(kpos, kb_copy):
    ids(kpos, kb_copy)
    edit(kb_copy / "data/steps.yaml", "id: treaty", "id: peace-treaty")
    assert ids(kpos, kb_copy) == ["declaration", "inventory", "peace-treaty"]
    (kb_copy / "seeds/beta.yaml").unlink()  # a removed file counts too
    assert kpos("steps", data=kb_copy).exit_code == 1


def test_same_size_edit_rebuilds(kpos, kb_copy):
    ids(kpos, kb_copy)
    steps = kb_copy / "data/steps.yaml"
    before = steps.stat()
    edit(steps, "id: treaty", "id: tready")
    os.utime(steps, ns=(before.st_atime_ns, before.st_mtime_ns + 1000))
    assert ids(kpos, kb_copy)[-1] == "tready"


def test_damaged_cache_is_ignored(kpos, kb_copy, private_cache):
    ids(kpos, kb_copy)
    (cached,) = private_cache.iterdir()
    raw = cached.read_bytes()
    for damage in (raw[: len(raw) // 2], raw.replace(b'"declaration"', b'"declarashun"', 1),
                   b"\x00\xff not json", b""):
        cached.write_bytes(damage)
        assert ids(kpos, kb_copy) == ["declaration", "inventory", "treaty"]


def test_no_cache_bypasses(kpos, kb_copy, private_cache):
    result = kpos("--no-cache", "steps", data=None)
    assert result.exit_code == 0 and not private_cache.exists()


def test_unwritable_cache_dir_is_harmless(kpos, kb_copy, monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert ids(kpos, kb_copy) == ["declaration", "inventory", "treaty"]


def test_cache_is_plain_json(kpos, kb_copy, private_cache):
    ids(kpos, kb_copy)
    (cached,) = private_cache.iterdir()
    head, body = cached.read_bytes().split(b"\n", 1)
    parts = json.loads(head)["parts"]
    assert list(parts) == ["sources", "actors", "steps", "positions", "quotes", "origins",
                           "actor_names", "spoken_for_by"]
    start = parts["sources"][0] + parts["actors"][0]
    steps = json.loads(body[start:start + parts["steps"][0]])
    assert [s["id"] for s in steps] == ["declaration", "inventory", "treaty"]
    assert cache.cache_path(kb_copy) == cached


def test_query_path_imports_no_pydantic_yaml_or_rich(kb_copy, tmp_path):
    """Nor either YAML parser; and a first load of ordinary files needs no PyYAML."""
    import subprocess

    env = os.environ | {"XDG_CACHE_HOME": str(tmp_path / "c")}
    code = ("import sys; sys.argv = ['kpos', '--data', %r, 'demands', '--actor', 'us', "
            "'-f', 'json'];\nfrom korea_positions.cli.main import main\ntry: main()\n"
            "except SystemExit: pass\nprint(sorted(m for m in ('pydantic', 'yaml', 'ryml', 'rich') "
            "if m in sys.modules), file=sys.stderr)") % str(kb_copy)
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert "pydantic" in first.stderr  # the first run validates the files
    assert "'ryml'" in first.stderr and "'yaml'" not in first.stderr
    assert second.stderr.strip().splitlines()[-1] == "[]", second.stderr
