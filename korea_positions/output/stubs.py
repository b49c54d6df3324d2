"""Quote stubs as YAML to paste under `quotes:` in a source's data file (`kpos extract
--format yaml`): one list item per quotation not yet in the knowledge base, in text order,
each with comments saying what the curator must settle; those already curated are named
in a comment, not repeated."""

from __future__ import annotations

from typing import TextIO

from korea_positions.kb.yamlwrite import quoted, scalar


def render_stubs(stubs: list[dict], known: list[dict], data_file: str | None,
                 out: TextIO) -> None:  # fmt: skip
    """`stubs` from analysis.drafts.quote_stubs; `known`: the extractor's records of
    quotations already curated; `data_file`: where the stubs go (None: a text with no card)."""
    where = f"in {data_file}" if data_file else "in the data file of the article's source"
    lines = [
        f"# Quote stubs: paste them under `quotes:` {where}.",
        "# Trim each text to the words a position needs (verbatim, [insertions] and ... kept),",
        "# fill in `about` with the steps it is about, and settle every speaker marked below.",
    ]
    for record in known:
        lines.append(f"# already curated as {record['known']}: {quoted(_line(record['text']))}")
    if not stubs:
        lines.append("# no quotation to add")
    for stub in stubs:
        lines.append(f"  - id: {stub['id']}")
        lines.append(_commented(f"    speaker: {scalar(stub['speaker'])}", stub["note"]))
        if stub["reported_by"] or stub["via_note"]:
            line = f"    reported_by: {scalar(stub['reported_by'])}"
            lines.append(_commented(line, stub["via_note"]))
        lines.append(f"    text: {quoted(stub['text'])}")
        lines.append("    about: []")
    out.write("\n".join(lines) + "\n")


def _commented(line: str, note: str) -> str:
    return f"{line}  # {_line(note)}" if note else line


def _line(text: str) -> str:
    """A text on one line, for a comment."""
    return " ".join(text.split())
