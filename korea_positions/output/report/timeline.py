"""The report's timeline: one lane per party, each position placed at its date with its
precision shown (a day is a dot; a month or an interval is a bar over every day it can
mean; an open side runs to the edge, arrowed; an approximate date is dashed), and the
sources' publication dates as lines across the lanes. Positions of one lane with the same
date share a mark. Side by side for a wide screen, time running down for a narrow one.

Only geometry, as `drawing` shapes; the template writes the SVG.
"""

from __future__ import annotations

import datetime as dt

from korea_positions.output.report.drawing import shape, text

ROW = 18  # one row of marks in a lane
DAY = dt.timedelta(days=1)


def marks(lanes: list[dict]) -> list[dict]:
    """The lanes' positions grouped into marks: lane, date, positions; each with an id."""
    result = []
    for lane in lanes:
        groups: dict[tuple, list[dict]] = {}
        for p in lane["positions"]:
            approx = (p["date"] or "").endswith("~")
            groups.setdefault((p["date_start"], p["date_end"], approx), []).append(p)
        for n, ((start, end, approx), found) in enumerate(groups.items(), 1):
            dates = sorted({p["date"] or "" for p in found})
            result.append(
                {
                    "id": f"mark-{lane['id']}-{n}",
                    "lane": lane["id"],
                    "lane_name": lane["name"],
                    "start": start,
                    "end": end,
                    "approx": approx,
                    "dates": dates,
                    "positions": found,
                }
            )
    return result


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _ticks(lo: dt.date, hi: dt.date) -> list[tuple[dt.date, str]]:
    months = (hi.year - lo.year) * 12 + hi.month - lo.month
    step = 1 if months <= 12 else 3 if months <= 36 else 12 * max(1, months // 120)
    year, month, found = lo.year, lo.month, []
    while (year, month) <= (hi.year, hi.month):
        day = dt.date(year, month, 1)
        if day >= lo:
            found.append((day, f"{year}" if step >= 12 else f"{year}-{month:02d}"))
        month += step
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return found


def timeline(
    lanes: list[dict], grouped: list[dict], sources: list[dict], horizontal: bool = True
) -> dict | None:
    days = [_day(d) for m in grouped for d in (m["start"], m["end"]) if d]
    days += [_day(s["published"]) for s in sources if s.get("published")]
    if not days or not lanes:
        return None
    lo, hi = min(days), max(days) + DAY
    if (hi - lo).days < 30:
        lo, hi = lo - dt.timedelta(days=15), hi + dt.timedelta(days=15)
    pad = dt.timedelta(days=max(2, (hi - lo).days // 30))
    lo, hi = lo - pad, hi + pad
    length = 840 if horizontal else 560
    scale = length / (hi - lo).days

    def t(day: dt.date) -> float:
        return round((day - lo).days * scale, 1)

    # Each mark's extent along time, and its row in its lane (first row it fits in).
    placed, rows = [], {lane["id"]: [] for lane in lanes}
    for m in sorted(grouped, key=lambda m: (m["start"] or "", m["end"] or "~")):
        start, end = _day(m["start"]), _day(m["end"])
        a = 0.0 if start is None else t(start)
        b = length if end is None else t(end + DAY)
        dot = start is not None and start == end
        if dot:
            r = 8 if len(m["positions"]) > 1 else 6
            a, b = (a + b) / 2 - r, (a + b) / 2 + r
        b = max(b, a + 4)
        lane_rows = rows[m["lane"]]
        row = next((i for i, last in enumerate(lane_rows) if last + 3 <= a), len(lane_rows))
        lane_rows[row : row + 1] = [b]
        placed.append((m, a, b, row, dot))
    head, axis, side = (62, 112, 24) if horizontal else (40, 64, 86)
    offsets, at = {}, head
    for lane in lanes:
        size = max(1, len(rows[lane["id"]])) * ROW + 12
        size = max(size, 14 * len(_words(lane["name"], 15)) + 10) if horizontal else max(size, 50)
        offsets[lane["id"]] = (at, size)
        at += size
    across = at  # where the lanes end

    def box(a: float, b: float, lane_at: float, row: int) -> dict:
        u = lane_at + 6 + row * ROW
        if horizontal:
            return {"x": axis + a, "y": u + 2, "width": b - a, "height": ROW - 4}
        return {"x": axis + u - head + 2, "y": head + a, "width": ROW - 4, "height": b - a}

    shapes = []
    for n, lane in enumerate(lanes):
        lane_at, size = offsets[lane["id"]]
        if horizontal:
            band = {"x": 0, "y": lane_at, "width": axis + length + side, "height": size}
            label = text(6, lane_at + 16, _words(lane["name"], 15), "lane-label")
        else:
            band = {"x": axis + lane_at - head, "y": 0, "width": size, "height": head + length + 8}
            label = text(axis + lane_at - head + 4, 16, _words(lane["id"], 7), "lane-label")
        shapes.append(
            shape(
                "g",
                data_actors=" ".join(lane["members"]),
                children=[shape("rect", cls=f"lane lane-{n % 2}", **band), label],
            )
        )
    for day, label in _ticks(lo, hi):
        u = t(day)
        if horizontal:
            line = shape("line", x1=axis + u, y1=head - 4, x2=axis + u, y2=across, cls="tick")
            shapes += [line, text(axis + u + 3, head - 8, [label], "tick-label")]
        else:
            line = shape(
                "line", x1=axis - 4, y1=head + u, x2=axis + across - head, y2=head + u, cls="tick"
            )
            shapes += [line, text(4, head + u + 4, [label], "tick-label")]
    last = [-1e9, -1e9]
    for source in sources:
        u = t(_day(source["published"]) + DAY / 2)
        label = f"{source['outlet']} {source['published']}"
        if horizontal:
            level = 0 if u - last[0] > 7.5 * len(label) else 1
            last[level] = u
            line = {"x1": axis + u, "y1": 8 + 14 * level, "x2": axis + u, "y2": across}
            where = text(axis + u + 3, 18 + 14 * level, [label], "source-label")
            if u + 7.5 * len(label) > length + side:  # near the right edge: left of the line
                where = text(axis + u - 3, 18 + 14 * level, [label], "source-label end")
        else:
            line = {"x1": axis, "y1": head + u, "x2": axis + across - head + 6, "y2": head + u}
            where = text(
                axis + across - head + 8,
                head + u + 4,
                [source["outlet"], source["published"][5:]],
                "source-label",
            )
        shapes.append(
            shape(
                "a",
                href=f"#s-{source['id']}",
                cls="source-mark",
                title=f"{source['title']} ({source['outlet_name']}, {source['published']})",
                children=[shape("line", **line), where],
            )
        )
    for m, a, b, row, dot in placed:
        shapes.append(_mark(m, box(a, b, offsets[m["lane"]][0], row), dot, horizontal))
    width = axis + length + side if horizontal else axis + across - head + side
    height = across + 4 if horizontal else head + length + 8
    return {"width": width, "height": height, "shapes": shapes}


def _mark(m: dict, where: dict, dot: bool, horizontal: bool) -> dict:
    ids = [p["id"] for p in m["positions"]]
    href = f"#p-{ids[0]}" if len(ids) == 1 else f"#{m['id']}"
    kinds = ["mark"] + ["approx"] * m["approx"]
    kinds += ["open-start"] * (m["start"] is None) + ["open-end"] * (m["end"] is None)
    if dot:
        body = shape(
            "circle",
            cx=where["x"] + where["width"] / 2,
            r=7 if len(ids) > 1 else 5,
            cy=where["y"] + where["height"] / 2,
        )
    else:
        body = shape("rect", rx=2, **where)
    children = [body]
    for side, is_open in (("start", m["start"] is None), ("end", m["end"] is None)):
        if is_open:
            children.append(_open_arrow(where, side, horizontal))
    if len(ids) > 1:
        x, y = where["x"] + where["width"] / 2, where["y"] + where["height"] / 2 + 3
        children.append(text(x, y, [str(len(ids))], "count"))
    when = ", ".join(m["dates"])
    title = f"{m['lane_name']}, {when}: " + (
        "; ".join(ids) if len(ids) <= 3 else f"{len(ids)} positions"
    )
    actors = {
        a
        for p in m["positions"]
        for a in (p["actor"], p.get("stated_by"), p.get("reported_by"))
        if a
    }
    steps = {
        s for p in m["positions"] for s in [p["step"], *p["before"], *p["after"], *p["together"]]
    }
    return shape(
        "a",
        href=href,
        cls=" ".join(kinds),
        title=title,
        children=children,
        data_actors=" ".join(sorted(actors)),
        data_steps=" ".join(sorted(steps)),
    )


def _open_arrow(where: dict, side: str, horizontal: bool) -> dict:
    """A triangle at the open side of a bar, pointing away from it."""
    x, y, w, h = where["x"], where["y"], where["width"], where["height"]
    if horizontal:
        tip, base, mid = (
            (x - 6, x + 2, y + h / 2) if side == "start" else (x + w + 6, x + w - 2, y + h / 2)
        )
        d = f"M{tip},{mid} L{base},{mid - 6} L{base},{mid + 6} Z"
    else:
        tip, base, mid = (
            (y - 6, y + 2, x + w / 2) if side == "start" else (y + h + 6, y + h - 2, x + w / 2)
        )
        d = f"M{mid},{tip} L{mid - 6},{base} L{mid + 6},{base} Z"
    return shape("path", d=d, cls="open-arrow")


def _words(name: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in name.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines[:3] or [name]
