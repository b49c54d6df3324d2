"""JSON Schemas of the knowledge base files, for editors (yaml-language-server)."""

from __future__ import annotations

import json

from korea_positions.kb.models import FILE_MODELS

TITLES = {
    "source-card": "kpos source card (seeds/*.yaml)",
    "actors": "kpos actors (data/actors.yaml)",
    "steps": "kpos steps (data/steps.yaml)",
    "source-data": "kpos quotes and positions of one source (data/sources/*.yaml)",
}


def schema(kind: str) -> dict:
    document = FILE_MODELS[kind].model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": TITLES[kind]} | {
        k: v for k, v in document.items() if k != "title"
    }


def schema_text(kind: str) -> str:
    return json.dumps(schema(kind), indent=2, ensure_ascii=False) + "\n"


def file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def all_text(kinds: list[str]) -> str:
    """The schemas of several kinds of file, as one JSON object by kind."""
    return json.dumps({k: schema(k) for k in kinds}, indent=2, ensure_ascii=False) + "\n"
