"""Whole-knowledge-base exports, as text; writing them to disk is the caller's job."""

from __future__ import annotations

from korea_positions.kb import KnowledgeBase


def render(kb: KnowledgeBase, fmt: str, as_of: str | None = None) -> str:
    if fmt == "json":
        from korea_positions.formats.json_format import dumps

        data = {kind: getattr(kb, kind) for kind in ("sources", "actors", "steps", "positions",
                                                      "quotes")}
        return dumps(data) + "\n"
    from korea_positions import diagrams

    return {"dot": diagrams.dot, "mermaid": diagrams.mermaid}[fmt](kb, as_of)
