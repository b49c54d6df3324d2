"""How `kpos matrix` looks: a table of steps (rows, parts indented under their whole)
against parties (columns, headed by their ids), and its flat rows for csv and tsv.

A cell holds the party's stage for the step, `?` after a placement only hedged positions
make, and the cells of steps in conflict are in reverse video on a terminal, followed by
`!` in plain text (piped, or NO_COLOR). Step ids wrap only after a hyphen, so the table
fits 80 columns with five parties and no id is broken mid-word.
"""

from __future__ import annotations

from korea_positions.output.formats import View
from korea_positions.output.formats.layout import GAP, Line, block, rstrip

CELL_FIELDS = ("step", "actor", "stage", "hedged", "conflict")
INDENT = 2  # spaces per level of part_of


def cell_text(cell: dict, plain: bool) -> str:
    """`2`, `2?` (hedged), `2!` / `2?!` (in conflict, without reverse video); blank."""
    if cell["stage"] is None:
        return ""
    return (
        f"{cell['stage']}{'?' if cell['hedged'] else ''}{'!' if plain and cell['conflict'] else ''}"
    )


def depths(records: list[dict]) -> dict[str, int]:
    """Step -> how many of the listed wholes it stands under."""
    part_of = {r["step"]: r["part_of"] for r in records}
    result: dict[str, int] = {}
    for step in part_of:
        depth, seen, current = 0, {step}, part_of[step]
        while current in part_of and current not in seen:
            depth, current = depth + 1, part_of[current]
            seen.add(current)
        result[step] = depth
    return result


def wrap_at_hyphens(text: str, width: int, indent: int = 0) -> list[str]:
    """Lines of at most `width` characters, indented by `indent`, broken only after a
    hyphen (continuation lines one space deeper); a piece with no hyphen that is wider
    than the line is folded, as the last resort."""
    width = max(width, indent + 2)
    pieces = [p + "-" for p in text.split("-")]
    pieces[-1] = pieces[-1][:-1]
    lines, current, prefix = [], "", " " * indent
    for piece in pieces:
        if current and len(prefix) + len(current) + len(piece) > width:
            lines.append(prefix + current)
            current, prefix = "", " " * (indent + 1)
        current += piece
        while len(prefix) + len(current) > width:
            room = width - len(prefix)
            lines.append(prefix + current[:room])
            current, prefix = current[room:], " " * (indent + 1)
    return lines + [prefix + current]


def rows(records: list[dict]) -> list[dict]:
    """One row per step and party, for csv and tsv."""
    return [
        dict(
            zip(
                CELL_FIELDS, (r["step"], actor, c["stage"], c["hedged"], c["conflict"]), strict=True
            )
        )
        for r in records
        for actor, c in r["parties"].items()
    ]


def show_matrix(screen, records: list[dict]) -> None:
    if not records:
        screen.write([[("Matrix: none", "dim")]])
        return
    plain = not screen.styled
    parties = list(records[0]["parties"])
    widths = [
        max(len(p), *(len(cell_text(r["parties"][p], True)) for r in records)) for p in parties
    ]
    level = depths(records)
    needed = max(INDENT * level[r["step"]] + len(r["step"]) for r in records)
    step_width = max(12, min(needed, screen.width - sum(widths) - GAP * len(parties)))
    header: Line = [("step".ljust(step_width), "bold")]
    for party, width in zip(parties, widths, strict=True):
        header += [(" " * (GAP + width - len(party)), ""), (party, "bold")]
    lines: list[Line] = [[("Matrix", "italic")], header]
    for r in records:
        wrapped = wrap_at_hyphens(r["step"], step_width, INDENT * level[r["step"]])
        first: Line = [(wrapped[0].ljust(step_width), "")]
        for party, width in zip(parties, widths, strict=True):
            cell = r["parties"][party]
            text = cell_text(cell, plain)
            style = "reverse" if cell["conflict"] and not plain else ""
            first += [(" " * (GAP + width - len(text)), ""), (text, style)]
        lines += [rstrip(first), *([(line, "")] for line in wrapped[1:])]
    legend = "stage 1 first; same number: together; ? hedged; "
    legend += "! in conflict" if plain else "reverse video: in conflict"
    lines += block([(f"{len(records)} steps; {legend}", "dim")], screen.width)
    screen.write(lines)


MATRIX = View("Matrix", noun=("step", "steps"), custom_table=show_matrix)
CELLS = View("Matrix", noun=("cell", "cells"), fields=CELL_FIELDS)
