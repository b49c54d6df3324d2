"""Each export opened with its real reader."""

from __future__ import annotations

import csv
import json
import sqlite3

import pytest
from conftest import MINI


def export(kpos, fmt, target, data=MINI):
    result = kpos("export", "--format", fmt, "-o", str(target), data=data)
    assert result.exit_code == 0, result.output
    return target


def test_json(kpos, tmp_path):
    data = json.loads(export(kpos, "json", tmp_path / "kb.json").read_text())
    assert {k: len(v) for k, v in data.items()} == {
        "sources": 2,
        "actors": 7,
        "steps": 3,
        "positions": 3,
        "quotes": 4,
    }


def test_csv_one_file_per_entity(kpos, tmp_path):
    directory = export(kpos, "csv", tmp_path / "csv")
    with (directory / "quotes.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["id"]: r["about"] for r in rows}["beta-simultaneously"] == "declaration; inventory"
    assert sorted(p.name for p in directory.iterdir()) == [
        "actors.csv",
        "positions.csv",
        "quotes.csv",
        "sources.csv",
        "steps.csv",
    ]


def test_sqlite_keys_and_full_text(kpos, tmp_path):
    db = sqlite3.connect(export(kpos, "sqlite", tmp_path / "kb.db"))
    db.execute("PRAGMA foreign_keys = ON")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    hits = db.execute(
        "SELECT q.id, q.speaker FROM quotes_fts JOIN quotes q "
        "ON q.rowid = quotes_fts.rowid WHERE quotes_fts MATCH 'token'"
    ).fetchall()
    assert hits == [("alpha-token", "kim-bo-ra")]
    order = db.execute("SELECT position, relation, step FROM position_order ORDER BY 1").fetchall()
    assert ("beta-rok-both", "together", "inventory") in order
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO positions (id, actor, stance, step, summary, source) "
            "VALUES ('x','nobody','demand','treaty','s','alpha-2018-01-02')"
        )
    pk = [r for r in db.execute("PRAGMA table_info(actors)") if r[5]]
    assert [r[1] for r in pk] == ["id"]


def test_sqlite_replaces_atomically(kpos, tmp_path):
    target = tmp_path / "kb.db"
    target.write_bytes(b"old")
    export(kpos, "sqlite", target)
    assert sqlite3.connect(target).execute("SELECT count(*) FROM actors").fetchone() == (7,)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_plover_events(kpos, tmp_path):
    lines = export(kpos, "plover", tmp_path / "events.jsonl").read_text().splitlines()
    events = {e["event_id"]: e for e in map(json.loads, lines)}
    us = events["alpha-us-inventory-first"]
    assert (us["event_type"], us["mode"], us["actor_code"], us["agent"]) == (
        "REQUEST",
        "demand",
        "USA",
        "ann-example",
    )
    assert us["targets"] == [{"code": "PRK", "name": "North Korea"}]
    assert us["quotes"] == ["sincerity", "We will not move first"]
    assert events["beta-rok-both"]["mode"] == "propose"


def test_plover_codes_of_the_bundled_parties(kpos):
    lines = kpos("export", "--format", "plover", data=None).stdout.splitlines()
    codes = {json.loads(line)["actor_code"] for line in lines}
    assert {"USA", "PRK", "KOR", "IGO"} <= codes


def test_csv_and_sqlite_need_a_path(kpos):
    assert kpos("export", "--format", "sqlite").exit_code == 2
    assert kpos("export", "--format", "csv", "-o", "-").exit_code == 2
