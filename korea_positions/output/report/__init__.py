"""`kpos report`: one self-contained HTML page to look at — the matrix, each party's
sequence drawn, the conflicts, a timeline, and every position, quote and source behind
them, with a filter box. Made with Jinja2 (autoescaping every value) from the package's
templates; imported only by the report command."""

from __future__ import annotations

from korea_positions.kb.knowledge import KnowledgeBase


def render_report(
    kb: KnowledgeBase,
    actor_ids: list[str] | None = None,
    as_of: str | None = None,
    firm: bool = False,
) -> str:
    """The page as text. A party whose orders have a cycle is named, not drawn."""
    from korea_positions.output.report.page import render

    return render(kb, actor_ids, as_of, firm)
