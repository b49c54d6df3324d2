"""How `kpos extract` looks: each quotation found with its likely speaker, as a table, and
its fixed csv and tsv columns."""

from __future__ import annotations

from korea_positions.output.formats import Column, View


def extracted_speaker(record: dict) -> str:
    """The speaker's id, or the name as printed (not an actor), or `?`; through whom; and
    the curated quote with the same words."""
    if record.get("speaker"):
        text = record["speaker"]
    elif record.get("speaker_name"):
        text = f"{record['speaker_name']}\n(not an actor)"
    else:
        text = "?"
    if record.get("reported_by"):
        text += f"\n(via {record['reported_by']})"
    return text + (f"\nknown: {record['known']}" if record.get("known") else "")


def extracted_text(record: dict) -> str:
    return f"“{record['text']}”" + ("\n(short)" if record.get("short") else "")


EXTRACT = View(
    "Quotations",
    (
        Column("speaker", extracted_speaker, ratio=3),
        Column("quotation", extracted_text, ratio=5, min_width=20),
        Column("conf.", lambda r: f"{r['confidence']:.2f}", no_wrap=True),
    ),
    noun=("quotation", "quotations"),
    fields=(
        *("text", "start", "end", "prefix", "suffix", "speaker", "speaker_name"),
        *("reported_by", "short", "known", "confidence"),
    ),
)
