"""The report page: the content and the drawings handed to the Jinja2 templates shipped
in the package (`templates/`), with autoescaping on for every value, so a text holding
`<` or `&` shows as written."""

from __future__ import annotations

import jinja2

from korea_positions import __version__
from korea_positions.kb.knowledge import KnowledgeBase
from korea_positions.output.report import content, drawing, filtermap, timeline


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("korea_positions.output.report", "templates"),
        autoescape=True,  # every template, whatever its name: .html.j2, .svg.j2
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["position_actors"] = filtermap.position_actors
    env.filters["position_steps"] = filtermap.position_steps
    env.filters["quote_actors"] = filtermap.quote_actors
    env.filters["span"] = span
    return env


def span(position: dict) -> str:
    """The days a position's date can mean, in words."""
    start, end = position["date_start"], position["date_end"]
    about = "about: " if (position["date"] or "").endswith("~") else ""
    if start and start == end:
        return f"{about}that day"
    if start is None and end is None:
        return "undated"
    if start is None:
        return f"{about}any day up to {end}"
    if end is None:
        return f"{about}any day from {start} on"
    return f"{about}any day from {start} to {end}"


def render(kb: KnowledgeBase, actor_ids: list[str] | None, as_of: str | None, firm: bool) -> str:
    page = content.build(kb, actor_ids, as_of, firm)
    labels = {s["id"]: s["label"] for s in kb.steps}
    cells = {(c["actor"], c["step"]): c for c in page["cells"]}
    page["drawings"] = [
        {
            "actor": seq["actor"],
            "wide": drawing.sequence_drawing(seq, _of(cells, seq["actor"]), labels, True),
            "narrow": drawing.sequence_drawing(seq, _of(cells, seq["actor"]), labels, False),
        }
        for seq in page["sequences"]
        if seq["stages"]
    ]
    lanes = content.lanes(kb, page)
    marks = timeline.marks(lanes)
    page["marks"] = sorted(marks, key=lambda m: (m["start"] or "", m["end"] or "~", m["lane"]))
    page["timeline"] = {
        "wide": timeline.timeline(lanes, marks, page["sources"], True),
        "narrow": timeline.timeline(lanes, marks, page["sources"], False),
    }
    return (
        environment()
        .get_template("report.html.j2")
        .render(page=page, kb=kb, version=__version__, counts=kb.counts())
    )


def _of(cells: dict, actor: str) -> dict:
    return {step: cell for (who, step), cell in cells.items() if who == actor}
