"""Each party's sequence as a drawing: its stages left to right (top to bottom for a
narrow screen), the steps of a stage stacked in it, an arrow to the next stage.

Only geometry: the shapes are plain dicts (`tag`, `attrs`, text `lines`, `title`,
`children`) that the report's template writes out as SVG, escaping every text itself.
"""

from __future__ import annotations

from korea_positions.output.matrix_view import wrap_at_hyphens

LINE = 15  # text line height
PAD = 6  # inside a step's box
HEADER = 26  # a stage's title
ARROW = 30  # between two stages
STAGE_W = 176  # a stage's width, side by side
NARROW_W = 320  # a stage's width, one above the other


def shape(
    tag: str,
    children: list | None = None,
    lines: list | None = None,
    title: str | None = None,
    **attrs,
) -> dict:
    """An SVG element: attribute names with `_` written `-`, `cls` written `class`."""
    named = {("class" if k == "cls" else k.replace("_", "-")): v for k, v in attrs.items()}
    return {
        "tag": tag,
        "attrs": named,
        "children": children or [],
        "lines": lines or [],
        "title": title,
    }


def text(x: float, y: float, lines: list[str], cls: str = "") -> dict:
    return shape(
        "text",
        lines=[(x, y + i * LINE, line) for i, line in enumerate(lines)],
        x=x,
        y=y,
        cls=cls or None,
    )


def sequence_drawing(
    seq: dict, cells: dict[str, dict], labels: dict[str, str], horizontal: bool = True
) -> dict:
    """`seq`: a `sequence` record; `cells`: step -> the party's matrix cell (with its
    `id`, `hedged`, `conflict`); `labels`: step -> label, for the tooltips."""
    width = STAGE_W if horizontal else NARROW_W
    chars = int((width - 2 * PAD - 16) / 7.5)  # a monospace character is 0.6 em: 7.2 px
    stages = []
    for n, stage in enumerate(seq["stages"], 1):
        chips, y = [], HEADER
        for step in stage:
            cell = cells.get(step, {})
            lines = wrap_at_hyphens(step, chars - 2 * bool(cell.get("hedged")))
            if cell.get("hedged"):
                lines[-1] += " ?"
            height = len(lines) * LINE + 2 * PAD
            chips.append((step, cell, lines, y, height))
            y += height + 6
        stages.append((n, chips, y + 4))
    tall = max((h for _, _, h in stages), default=HEADER)
    shapes, extent = [], 0
    for i, (n, chips, height) in enumerate(stages):
        x0, y0 = (i * (width + ARROW), 0) if horizontal else (0, extent)
        box_h = tall if horizontal else height
        group = [
            shape(
                "rect", x=x0 + 0.5, y=y0 + 0.5, width=width - 1, height=box_h - 1, rx=6, cls="stage"
            ),
            text(x0 + 10, y0 + 18, [f"Stage {n}"], "stage-title"),
        ]
        for step, cell, lines, y, h in chips:
            kind = " ".join(["chip"] + [k for k in ("conflict", "hedged") if cell.get(k)])
            why = [labels.get(step, step)]
            why += ["only hedged positions place it"] if cell.get("hedged") else []
            why += ["in conflict"] if cell.get("conflict") else []
            group.append(
                shape(
                    "a",
                    href=f"#{cell.get('id', '')}",
                    cls=kind,
                    data_steps=step,
                    title="; ".join(why),
                    children=[
                        shape("rect", x=x0 + 8, y=y0 + y, width=width - 16, height=h, rx=4),
                        text(x0 + 8 + PAD, y0 + y + PAD + 11, lines),
                    ],
                )
            )
        shapes.append(shape("g", children=group))
        if i + 1 < len(stages):
            shapes.append(_arrow(x0, y0, width, box_h, horizontal))
        extent = y0 + box_h + ARROW
    wide, tall = (
        (len(stages) * (width + ARROW) - ARROW, tall) if horizontal else (width, extent - ARROW)
    )
    return {"width": max(wide, 1), "height": max(tall, 1), "shapes": shapes}


def _arrow(x0: float, y0: float, width: float, height: float, horizontal: bool) -> dict:
    if horizontal:
        y, a, b = y0 + height / 2, x0 + width + 4, x0 + width + ARROW - 4
        points = f"M{a},{y} L{b - 8},{y} M{b - 8},{y - 5} L{b},{y} L{b - 8},{y + 5} Z"
    else:
        x, a, b = x0 + width / 2, y0 + height + 4, y0 + height + ARROW - 4
        points = f"M{x},{a} L{x},{b - 8} M{x - 5},{b - 8} L{x},{b} L{x + 5},{b - 8} Z"
    return shape("path", d=points, cls="arrow")
