"""json: the whole knowledge base as one object of record lists."""

from __future__ import annotations

from korea_positions.kb.knowledge import KINDS
from korea_positions.output.exports.output import emit_text
from korea_positions.output.formats.json_format import dumps


def write(kb, path, as_of=None, out=None, firm=False) -> None:
    emit_text(dumps({kind: getattr(kb, kind) for kind in KINDS}) + "\n", path, out)
