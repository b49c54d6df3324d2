"""The table view of `kpos actor NAME`: the actor's card, then its positions and quotes."""

from __future__ import annotations

from korea_positions.output import views
from korea_positions.output.formats.layout import block
from korea_positions.output.formats.table_format import pairs, parts, table_lines


def show_actor(screen, records) -> None:
    actor = records[0]
    lines = block([(f"{actor['name']}  ({actor['id']}, {actor['kind']})", "bold")], screen.width)
    lines += pairs(
        [
            (label, parts(actor.get(key)))
            for label, key in (
                ("aliases", "aliases"),
                ("roles", "roles"),
                ("speaks for", "speaks_for"),
                ("spoken for by", "members"),
                ("codes", "codes"),
            )
        ]
        + [("order", parts(views.chain({"stages": actor.get("sequence", [])})))],
        screen.width,
    )
    for view, key in (
        (views.CONFLICTS, "conflicts"),
        (views.POSITIONS, "positions"),
        (views.QUOTES, "quotes"),
    ):
        lines.append([])
        if actor[key]:
            lines += table_lines(view, actor[key], screen.width)
        else:
            lines.append([(f"{view.title}: none", "dim")])
    screen.write(lines)
