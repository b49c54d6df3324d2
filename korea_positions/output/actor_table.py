"""The table view of `kpos actor NAME`: the actor's card, then its positions and quotes."""

from __future__ import annotations

from rich.text import Text

from korea_positions.output import views
from korea_positions.output.formats.table_format import table, text


def show_actor(console, records) -> None:
    actor = records[0]
    console.print(text(actor["name"], style="bold") + text(f"  ({actor['id']}, {actor['kind']})"))
    for label, key in (
        ("aliases", "aliases"),
        ("roles", "roles"),
        ("speaks for", "speaks_for"),
        ("spoken for by", "members"),
        ("codes", "codes"),
    ):
        if actor.get(key):
            console.print(Text(f"{label}: ", style="dim") + text(actor[key]))
    console.print(
        Text("order: ", style="dim") + text(views.chain({"stages": actor.get("sequence", [])}))
    )
    for view, key in (
        (views.CONFLICTS, "conflicts"),
        (views.POSITIONS, "positions"),
        (views.QUOTES, "quotes"),
    ):
        console.print()
        if actor[key]:
            console.print(table(view, actor[key], console.width))
        else:
            console.print(Text(f"{view.title}: none", style="dim"))
