"""mermaid: Mermaid flowchart of each actor's order and of the conflicts."""

from __future__ import annotations

from korea_positions.output import diagrams
from korea_positions.output.exports.output import emit_text


def write(kb, path, as_of=None, out=None, firm=False) -> None:
    emit_text(diagrams.mermaid(kb, as_of, firm), path, out)
