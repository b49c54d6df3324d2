"""sqlite: tables with primary and foreign keys, link tables for lists, and a full-text
index over quotes (FTS5), ready for the sqlite3 shell or Datasette.

Built in a temporary file beside the target, then moved into place (korea_positions.atomic).
"""

from __future__ import annotations

import sqlite3

from korea_positions.atomic import replacement

SCHEMA = """
PRAGMA foreign_keys = ON;
CREATE TABLE sources (id TEXT PRIMARY KEY, outlet TEXT NOT NULL, outlet_name TEXT,
  title TEXT NOT NULL, authors TEXT, published TEXT NOT NULL, date_inferred INTEGER,
  note TEXT, url TEXT, text TEXT, sha256 TEXT);
CREATE TABLE actors (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
  speaks_for TEXT REFERENCES actors(id), roles TEXT, cameo TEXT, plover TEXT, wikidata TEXT);
CREATE TABLE actor_speaks_for (actor TEXT NOT NULL REFERENCES actors(id),
  party TEXT NOT NULL REFERENCES actors(id), PRIMARY KEY (actor, party));
CREATE TABLE actor_aliases (actor TEXT NOT NULL REFERENCES actors(id), alias TEXT NOT NULL,
  PRIMARY KEY (actor, alias));
CREATE TABLE steps (id TEXT PRIMARY KEY, label TEXT NOT NULL, part_of TEXT REFERENCES steps(id));
CREATE TABLE step_performers (step TEXT NOT NULL REFERENCES steps(id),
  actor TEXT NOT NULL REFERENCES actors(id), PRIMARY KEY (step, actor));
CREATE TABLE quotes (id TEXT PRIMARY KEY, source TEXT NOT NULL REFERENCES sources(id),
  speaker TEXT NOT NULL REFERENCES actors(id), reported_by TEXT REFERENCES actors(id),
  text TEXT NOT NULL, cut INTEGER NOT NULL);
CREATE TABLE quote_steps (quote TEXT NOT NULL REFERENCES quotes(id),
  step TEXT NOT NULL REFERENCES steps(id), PRIMARY KEY (quote, step));
CREATE TABLE positions (id TEXT PRIMARY KEY, actor TEXT NOT NULL REFERENCES actors(id),
  stated_by TEXT REFERENCES actors(id), reported_by TEXT REFERENCES actors(id),
  stance TEXT NOT NULL, step TEXT NOT NULL REFERENCES steps(id), summary TEXT NOT NULL,
  source TEXT NOT NULL REFERENCES sources(id), date TEXT, hedge TEXT, date_start TEXT,
  date_end TEXT);
CREATE TABLE position_supersedes (position TEXT NOT NULL REFERENCES positions(id),
  earlier TEXT NOT NULL REFERENCES positions(id), PRIMARY KEY (position, earlier));
CREATE TABLE position_order (position TEXT NOT NULL REFERENCES positions(id),
  relation TEXT NOT NULL CHECK (relation IN ('before', 'after', 'together')),
  step TEXT NOT NULL REFERENCES steps(id), PRIMARY KEY (position, relation, step));
CREATE TABLE position_quotes (position TEXT NOT NULL REFERENCES positions(id),
  quote TEXT NOT NULL REFERENCES quotes(id), PRIMARY KEY (position, quote));
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='rowid');
"""


def _join(values) -> str:
    return "; ".join(values or [])


def _fill(db: sqlite3.Connection, kb) -> None:
    db.executemany(
        "INSERT INTO sources VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                s["id"],
                s["outlet"],
                s.get("outlet_name"),
                s["title"],
                _join(s.get("authors")),
                s["published"],
                int(bool(s.get("date_inferred"))),
                s.get("note"),
                s.get("url"),
                s.get("text"),
                s.get("sha256"),
            )
            for s in kb.sources
        ],
    )
    # Actors first without speaks_for, so the order of the file does not matter. The
    # column keeps the first party spoken for (as before several were allowed); the link
    # table has them all.
    db.executemany(
        "INSERT INTO actors VALUES (?,?,?,NULL,?,?,?,?)",
        [
            (
                a["id"],
                a["name"],
                a["kind"],
                _join(a.get("roles")),
                *[(a.get("codes") or {}).get(c) for c in ("cameo", "plover", "wikidata")],
            )
            for a in kb.actors
        ],
    )
    db.executemany(
        "UPDATE actors SET speaks_for = ? WHERE id = ?",
        [(a["speaks_for"][0], a["id"]) for a in kb.actors if a.get("speaks_for")],
    )
    db.executemany(
        "INSERT OR IGNORE INTO actor_speaks_for VALUES (?,?)",
        [(a["id"], party) for a in kb.actors for party in a.get("speaks_for") or ()],
    )
    db.executemany(
        "INSERT OR IGNORE INTO actor_aliases VALUES (?,?)",
        [(a["id"], alias) for a in kb.actors for alias in a.get("aliases", [])],
    )
    db.executemany("INSERT INTO steps VALUES (?,?,NULL)", [(s["id"], s["label"]) for s in kb.steps])
    db.executemany(
        "UPDATE steps SET part_of = ? WHERE id = ?",
        [(s["part_of"], s["id"]) for s in kb.steps if s.get("part_of")],
    )
    db.executemany(
        "INSERT OR IGNORE INTO step_performers VALUES (?,?)",
        [(s["id"], a) for s in kb.steps for a in s.get("by", [])],
    )
    db.executemany(
        "INSERT INTO quotes VALUES (?,?,?,?,?,?)",
        [
            (
                q["id"],
                q["source"],
                q["speaker"],
                q.get("reported_by"),
                q["text"],
                int(bool(q.get("cut"))),
            )
            for q in kb.quotes
        ],
    )
    db.executemany(
        "INSERT OR IGNORE INTO quote_steps VALUES (?,?)",
        [(q["id"], s) for q in kb.quotes for s in q.get("about", [])],
    )
    db.executemany(
        "INSERT INTO positions VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                p["id"],
                p["actor"],
                p.get("stated_by"),
                p.get("reported_by"),
                p["stance"],
                p["step"],
                p["summary"],
                p["source"],
                p.get("date"),
                p.get("hedge"),
                p.get("date_start"),
                p.get("date_end"),
            )
            for p in kb.positions
        ],
    )
    db.executemany(
        "INSERT OR IGNORE INTO position_supersedes VALUES (?,?)",
        [(p["id"], earlier) for p in kb.positions for earlier in p.get("supersedes") or ()],
    )
    db.executemany(
        "INSERT OR IGNORE INTO position_order VALUES (?,?,?)",
        [
            (p["id"], rel, step)
            for p in kb.positions
            for rel in ("before", "after", "together")
            for step in p.get(rel, [])
        ],
    )
    db.executemany(
        "INSERT OR IGNORE INTO position_quotes VALUES (?,?)",
        [(p["id"], q) for p in kb.positions for q in p.get("quotes", [])],
    )
    db.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')")


def write(kb, path, as_of=None, out=None, firm=False) -> None:
    with replacement(path) as temporary:
        db = sqlite3.connect(temporary)
        try:
            db.executescript(SCHEMA)
            with db:
                _fill(db, kb)
            problems = db.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise ValueError(f"foreign key check failed: {problems[:3]}")
        finally:
            db.close()
