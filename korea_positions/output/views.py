"""How each command's records look: the table on a terminal, and the fixed columns of csv
and tsv (today's fields in today's order; a new field is appended, never inserted)."""

from __future__ import annotations

from korea_positions.output.formats import Column, Styled, View, column
from korea_positions.output.formats.cells import LIST_SEPARATOR


def who(record: dict) -> str:
    """`rok` / `rok (via moon-jae-in)`: the holder and who voiced or relayed it."""
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


def with_id(text: str, record: dict) -> Styled:
    """A cell ending in the record's id, dim: what `kpos show ID` takes."""
    return Styled(((text, ""), (record["id"], "dim")))


ACTOR_FIELDS = ("id", "name", "kind", "aliases", "speaks_for", "surname", "roles", "codes")
STEP_FIELDS = ("id", "label", "by", "part_of")
SOURCE_FIELDS = (
    *("id", "outlet", "title", "authors", "published", "url", "outlet_name", "date_inferred"),
    *("note", "text", "sha256"),
)
POSITION_FIELDS = (
    *("id", "actor", "stated_by", "stance", "step", "before", "after", "together", "summary"),
    *("source", "quotes", "date", "reported_by", "hedge", "date_start", "date_end", "published"),
    "supersedes",
)
QUOTE_FIELDS = ("id", "source", "speaker", "reported_by", "text", "about", "cut")

ACTORS = View(
    "Actors",
    (
        column("id", ratio=2),
        column("name", ratio=2),
        column("kind"),
        column("speaks_for", "speaks for"),
        column("aliases", ratio=4, min_width=16),
    ),
    noun=("actor", "actors"),
    fields=ACTOR_FIELDS,
)
STEPS = View(
    "Steps",
    (
        column("id", ratio=2),
        column("label", ratio=3, min_width=16),
        column("by", ratio=2, min_width=8),
        column("part_of", "part of", ratio=1),
    ),
    noun=("step", "steps"),
    fields=STEP_FIELDS,
)
SOURCES = View(
    "Sources",
    (
        column("id", ratio=3),
        column("outlet"),
        column("published", no_wrap=True),
        column("title", ratio=3, min_width=16),
        column("authors", ratio=1),
    ),
    noun=("source", "sources"),
    fields=SOURCE_FIELDS,
)
POSITIONS = View(
    "Positions",
    (
        Column("actor / source", lambda r: f"{who(r)}\n{r['source']}", ratio=2),
        Column("stance: step / order", lambda r: f"{stance(r)}: {step_and_order(r)}", ratio=3),
        Column("summary / id", lambda r: with_id(r["summary"], r), ratio=6, min_width=20),
    ),
    noun=("position", "positions"),
    fields=POSITION_FIELDS,
)
QUOTES = View(
    "Quotes",
    (
        Column("speaker / source", lambda r: f"{speaker(r)}\n{r['source']}", ratio=2),
        Column("quote / id", lambda r: with_id(quote_text(r), r), ratio=6, min_width=20),
        column("about", ratio=2),
    ),
    noun=("quote", "quotes"),
    fields=QUOTE_FIELDS,
)
VERIFY = View(
    "Verification",
    (
        Column("quote / source", lambda r: f"{r['quote']}\n{r['source']}", ratio=2),
        column("status", no_wrap=True),
        column("line"),
        column("detail", ratio=6, min_width=20),
    ),
    noun=("quote", "quotes"),
    fields=("quote", "source", "status", "detail", "line", "kind", "id", "origin"),
)


def chain_text(stages: list[list[str]], labels: dict[str, str] | None = None) -> str:
    """'a + b → c → d': steps of a stage joined by ' + ', stages by ' → '."""
    labels = labels or {}
    return " → ".join(" + ".join(labels.get(s, s) for s in stage) for stage in stages)


def chain(record: dict) -> str:
    hedged = {step: f"{step} (hedged)" for step in record.get("hedged") or ()}
    return chain_text(record["stages"], hedged) or "(no stated order)"


def stage_rows(records: list[dict]) -> list[dict]:
    """A sequence as csv and tsv print it: one row per actor and stage (1 = earliest),
    `hedged` when only hedged positions place the stage's steps."""
    return [
        {
            "actor": record["actor"],
            "stage": number,
            "steps": stage,
            "hedged": all(step in (record.get("hedged") or ()) for step in stage),
        }
        for record in records
        for number, stage in enumerate(record["stages"], 1)
    ]


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
        column("actor", ratio=1),
        Column("order, earliest first", chain, ratio=5, min_width=20),
        Column("positions", lambda r: len(r["positions"]), no_wrap=True),
    ),
    noun=("actor", "actors"),
    fields=("actor", "stage", "steps", "hedged"),
    flat=stage_rows,
)
CONFLICTS = View(
    "Conflicts",
    (
        Column("steps", lambda r: f"{r['step_a']}\nvs {r['step_b']}", ratio=2),
        Column("who wants what first", sides, ratio=3),
        Column("positions", evidence, ratio=4),
    ),
    noun=("conflict", "conflicts"),
    fields=("step_a", "step_b", "a_first", "b_first", "together", "positions", "sources"),
)


def _actor_table(screen, records) -> None:
    from korea_positions.output.actor_table import show_actor

    show_actor(screen, records)


ACTOR = View(
    "Actor",
    single=True,
    custom_table=_actor_table,
    fields=(
        *("id", "name", "kind", "aliases", "surname", "speaks_for", "roles", "codes"),
        *("members", "positions", "quotes", "sequence", "conflicts"),
    ),
)


def _record_card(kind: str):
    def show(screen, records) -> None:
        from korea_positions.output.record_card import show_record

        show_record(screen, kind, records[0])

    return show


# `kpos show`: one record of each kind; csv and tsv print the columns of its kind.
SHOW = {
    kind: View(kind, single=True, custom_table=_record_card(kind), fields=fields)
    for kind, fields in (
        ("position", POSITION_FIELDS),
        ("quote", QUOTE_FIELDS),
        ("actor", ACTOR_FIELDS),
        ("step", STEP_FIELDS),
        ("source", SOURCE_FIELDS),
    )
}
