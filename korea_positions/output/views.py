"""How each command's records look as a table on a terminal."""

from __future__ import annotations

from korea_positions.output.formats import Column, View, column
from korea_positions.output.formats.cells import LIST_SEPARATOR


def who(record: dict) -> str:
    """`rok` / `rok via moon-jae-in`: the holder and who voiced it."""
    text = record["actor"]
    if record.get("stated_by"):
        text += f"\n(by {record['stated_by']})"
    if record.get("reported_by"):
        text += f"\n(via {record['reported_by']})"
    return text


def step_and_order(record: dict) -> str:
    """The step, then where the actor wants it: `before: x; y` on the next lines."""
    parts = [record["step"]] + [
        f"{rel}: {LIST_SEPARATOR.join(record[rel])}"
        for rel in ("before", "after", "together")
        if record.get(rel)
    ]
    return "\n".join(parts)


def speaker(record: dict) -> str:
    text = record["speaker"]
    if record.get("reported_by"):
        text += f"\n(via {record['reported_by']})"
    return text


def quote_text(record: dict) -> str:
    return f"“{record['text']}”" + (" [cut off in the source]" if record.get("cut") else "")


def stance(record: dict) -> str:
    """`demand`, or `demand (perhaps)` when the source hedges it."""
    return record["stance"] + (f" ({record['hedge']})" if record.get("hedge") else "")


ACTORS = View(
    "Actors",
    (
        column("id", ratio=2),
        column("name", ratio=2),
        column("kind"),
        column("speaks_for", "speaks for"),
        column("aliases", ratio=4),
    ),
    noun=("actor", "actors"),
)
STEPS = View(
    "Steps",
    (
        column("id", ratio=2),
        column("label", ratio=3),
        column("by", ratio=2),
        column("part_of", "part of", ratio=1),
    ),
    noun=("step", "steps"),
)
SOURCES = View(
    "Sources",
    (
        column("id"),
        column("outlet"),
        column("published", no_wrap=True),
        column("title", ratio=3),
        column("authors", ratio=1),
    ),
    noun=("source", "sources"),
)
POSITIONS = View(
    "Positions",
    (
        Column("actor", who, ratio=2),
        Column("stance", stance, no_wrap=True),
        Column("step / order", step_and_order, ratio=3),
        column("summary", ratio=6),
        column("source", ratio=2),
    ),
    noun=("position", "positions"),
    narrow=(
        Column("actor / source", lambda r: f"{who(r)}\n{r['source']}", ratio=2),
        Column("stance", stance, no_wrap=True),
        Column("step / order", step_and_order, ratio=2),
        column("summary", ratio=4),
    ),
)
QUOTES = View(
    "Quotes",
    (
        Column("speaker", speaker, ratio=2),
        Column("quote", quote_text, ratio=7),
        column("about", ratio=2),
        column("source", ratio=2),
    ),
    noun=("quote", "quotes"),
    narrow=(
        Column("speaker / source", lambda r: f"{speaker(r)}\n{r['source']}", ratio=2),
        Column(
            "quote / about",
            lambda r: f"{quote_text(r)}\nabout: {LIST_SEPARATOR.join(r['about'])}",
            ratio=5,
        ),
    ),
)
VERIFY = View(
    "Verification",
    (
        column("quote", ratio=3),
        column("source", ratio=2),
        column("status", no_wrap=True),
        column("line"),
        column("detail", ratio=6),
    ),
    noun=("quote", "quotes"),
)


def extracted_speaker(record: dict) -> str:
    """The speaker's id, or the name as printed (not an actor), or `?`; and through whom."""
    if record.get("speaker"):
        text = record["speaker"]
    elif record.get("speaker_name"):
        text = f"{record['speaker_name']}\n(not an actor)"
    else:
        text = "?"
    if record.get("reported_by"):
        text += f"\n(via {record['reported_by']})"
    return text


def extracted_text(record: dict) -> str:
    return f"“{record['text']}”" + ("\n(short)" if record.get("short") else "")


EXTRACT = View(
    "Quotations",
    (
        Column("speaker", extracted_speaker, ratio=2),
        Column("quotation", extracted_text, ratio=7),
        Column("known", lambda r: r.get("known") or "new", ratio=2),
        Column("conf.", lambda r: f"{r['confidence']:.2f}", no_wrap=True),
    ),
    noun=("quotation", "quotations"),
    narrow=(
        Column(
            "speaker",
            lambda r: extracted_speaker(r) + (f"\nknown: {r['known']}" if r.get("known") else ""),
            ratio=2,
        ),
        Column("quotation", extracted_text, ratio=5),
        Column("conf.", lambda r: f"{r['confidence']:.2f}", no_wrap=True),
    ),
)


def chain_text(stages: list[list[str]], labels: dict[str, str] | None = None) -> str:
    """'a + b → c → d': steps of a stage joined by ' + ', stages by ' → '."""
    labels = labels or {}
    return " → ".join(" + ".join(labels.get(s, s) for s in stage) for stage in stages)


def chain(record: dict) -> str:
    hedged = {step: f"{step} (hedged)" for step in record.get("hedged") or ()}
    return chain_text(record["stages"], hedged) or "(no stated order)"


def sides(record: dict) -> str:
    """Who stands where on a contested pair, one line per side."""
    lines = []
    for key, label in (
        ("a_first", f"{record['step_a']} first"),
        ("b_first", f"{record['step_b']} first"),
        ("together", "together"),
    ):
        if record[key]:
            lines.append(f"{label}: {LIST_SEPARATOR.join(record[key])}")
    return "\n".join(lines)


def evidence(record: dict) -> str:
    return "\n".join(
        f"{actor}: {LIST_SEPARATOR.join(ids)}" for actor, ids in record["positions"].items()
    )


SEQUENCES = View(
    "Sequences",
    (
        column("actor", no_wrap=True),
        Column("order, earliest first", chain, ratio=5),
        Column("positions", lambda r: len(r["positions"]), no_wrap=True),
    ),
    noun=("actor", "actors"),
)
CONFLICTS = View(
    "Conflicts",
    (
        Column("steps", lambda r: f"{r['step_a']}\nvs {r['step_b']}", ratio=2),
        Column("who wants what first", sides, ratio=3),
        Column("positions", evidence, ratio=4),
    ),
    noun=("conflict", "conflicts"),
)


def _actor_table(console, records) -> None:
    from korea_positions.output.actor_table import show_actor

    show_actor(console, records)


ACTOR = View("Actor", single=True, custom_table=_actor_table)
