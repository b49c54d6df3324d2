"""A knowledge base for the matrix and the report: five parties and their voices, nested
steps with long hyphenated ids, hedged and dated positions (a day, a month, an interval,
an open start), and quotes whose text HTML would misread."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

TRICKY = 'the "[the]" <b>bold</b> & <script>alert(1)</script>  two  spaces'
LONG = "elimination-of-hostile-relations-between-the-parties-concerned"

ACTORS = [
    {"id": "us", "name": "United States", "kind": "state", "aliases": ["U.S.", "Washington"]},
    {"id": "dprk", "name": "North Korea", "kind": "state", "aliases": ["DPRK", "Pyongyang"]},
    {"id": "rok", "name": "South Korea", "kind": "state", "aliases": ["ROK", "Seoul"]},
    {"id": "china", "name": "China", "kind": "state", "aliases": ["Beijing"]},
    {"id": "unc", "name": "United Nations Command", "kind": "organization", "aliases": ["UNC"]},
    {"id": "ann-example", "name": "Ann Example", "kind": "person", "speaks_for": "us"},
    {"id": "kim-bo-ra", "name": "Kim Bo-ra", "kind": "person", "speaks_for": "dprk"},
    {"id": "pat-analyst", "name": "Pat Analyst", "kind": "person"},
]
STEPS = [
    {"id": "declaration", "label": "End-of-war declaration", "by": ["us", "dprk"]},
    {"id": LONG, "label": "Hostile relations ended", "part_of": "declaration"},
    {"id": "denuclearization", "label": "Denuclearization", "by": ["dprk"]},
    {"id": "inventory", "label": "Full nuclear inventory", "part_of": "denuclearization"},
    {"id": "inspections", "label": "Inspections", "part_of": "denuclearization"},
    {"id": "treaty", "label": "Peace treaty <formal>", "by": ["us", "dprk", "china"]},
]


def position(pid, actor, step, summary, **fields):
    order = {k: fields.pop(k) for k in ("before", "after", "together") if k in fields}
    record = {"id": pid, "actor": actor, "stance": fields.pop("stance", "demand"), "step": step}
    if order:
        record["order"] = order
    return record | {"summary": summary} | fields


SOURCES = {
    "one-2018-08-29": {
        "card": {
            "outlet": "one",
            "outlet_name": "The One <Times>",
            "title": "Who goes first?",
            "authors": ["A. Writer"],
            "published": "2018-08-29",
            "url": "https://example.org/one?a=1&b=2",
        },
        "quotes": [
            {"id": "one-tricky", "speaker": "ann-example", "text": TRICKY, "about": ["inventory"]},
            {
                "id": "one-trust",
                "speaker": "kim-bo-ra",
                "text": "trust [the] process",
                "about": ["declaration"],
            },
            {"id": "one-unused", "speaker": "pat-analyst", "text": "nobody cites me < you"},
        ],
        "positions": [
            position(
                "one-us-inventory-first",
                "us",
                "inventory",
                "Inventory <first> & then",
                before=["declaration"],
                stated_by="ann-example",
                quotes=["one-tricky"],
            ),
            position(
                "one-us-inspections",
                "us",
                "inspections",
                "Inspections too, perhaps.",
                before=["declaration"],
                hedge="perhaps",
                date="2018-08",
            ),
            position(
                "one-dprk-declaration-first",
                "dprk",
                "declaration",
                "Peace first.",
                before=["denuclearization"],
                stated_by="kim-bo-ra",
                quotes=["one-trust"],
                date="2018-06/2018-08~",
            ),
            position(
                "one-dprk-hostile-first",
                "dprk",
                LONG,
                "Hostility ends first.",
                before=["treaty"],
                date="/2018-08-29",
                reported_by="pat-analyst",
            ),
            position(
                "one-china-treaty",
                "china",
                "treaty",
                "A treaty with the declaration.",
                together=["declaration"],
                stance="proposal",
            ),
            position(
                "one-unc-kept",
                "unc",
                "treaty",
                "The armistice holds until a treaty.",
                after=["declaration"],
                stance="assessment",
                hedge="expected",
            ),
            position(
                "one-pat-view",
                "pat-analyst",
                "inventory",
                "An analyst's view.",
                stance="assessment",
            ),
        ],
    },
    "two-2018-09-17": {
        "card": {
            "outlet": "two",
            "outlet_name": "Two Weekly",
            "title": "Both at once",
            "authors": [],
            "published": "2018-09-17",
            "url": None,
        },
        "quotes": [{"id": "two-both", "speaker": "rok", "text": "simultaneously"}],
        "positions": [
            position(
                "two-rok-both",
                "rok",
                "declaration",
                "Both at once.",
                together=["inventory"],
                stance="proposal",
                quotes=["two-both"],
                date="2018-09-01/2018-09-17",
            ),
            position(
                "two-rok-treaty-last",
                "rok",
                "treaty",
                "The treaty last.",
                after=["denuclearization"],
                date="2018-04-27",
            ),
        ],
    },
}


def dump(path: Path, value) -> None:
    """JSON is YAML: every string is quoted, so every value reads as written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def build(root: Path) -> Path:
    dump(root / "data/actors.yaml", {"actors": ACTORS})
    dump(root / "data/steps.yaml", {"steps": STEPS})
    for source_id, source in SOURCES.items():
        hedges = [p["hedge"] for p in source["positions"] if p.get("hedge")]
        text = " ".join([q["text"] for q in source["quotes"]] + hedges) + "\n"
        (root / "texts").mkdir(parents=True, exist_ok=True)
        (root / "texts" / f"{source_id}.txt").write_text(text, encoding="utf-8")
        card = {
            "id": source_id,
            **source["card"],
            "text": f"{source_id}.txt",
            "sha256": hashlib.sha256(text.encode()).hexdigest(),
        }
        dump(root / "seeds" / f"{source_id}.yaml", card)
        dump(
            root / "data/sources" / f"{source_id}.yaml",
            {"source": source_id, "quotes": source["quotes"], "positions": source["positions"]},
        )
    return root
