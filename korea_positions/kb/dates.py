"""When a stance was stated or held, as precisely as its source allows.

`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, optionally ending in `~` (approximate: "recently",
"last week"; it does not widen the bounds), or an interval `START/END` where either side
may be empty (`/2018-09-17`: "for decades", up to the article). Each has a first and a
last day it can mean (`start`, `end`; None for an open side).

Pure; used by the models to validate a date and by the analysis to place one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple

_ONE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
FORMS = (
    "YYYY, YYYY-MM or YYYY-MM-DD, optionally ending in ~ (approximate), or an interval "
    "START/END where either side may be empty (such as 2018-04/2018-06 or /2018-09-17)"
)


class Span(NamedTuple):
    text: str
    start: dt.date | None
    end: dt.date | None
    approximate: bool


@lru_cache(maxsize=4096)  # a knowledge base repeats few dates many times
def parse(text: str) -> Span:
    """The span a date means; raises ValueError saying what is allowed."""
    written = text
    approximate = text.endswith("~")
    body = text[:-1] if approximate else text
    if "/" in body:
        first, _, last = body.partition("/")
        if "/" in last or not (first or last):
            raise ValueError(f"{written!r} is not a date; use {FORMS}")
        start = _bounds(first, written)[0] if first else None
        end = _bounds(last, written)[1] if last else None
        if start and end and start > end:
            raise ValueError(f"{written!r} ends before it starts")
        return Span(written, start, end, approximate)
    start, end = _bounds(body, written)
    return Span(written, start, end, approximate)


def _bounds(text: str, written: str) -> tuple[dt.date, dt.date]:
    match = _ONE.fullmatch(text)
    if not match:
        raise ValueError(f"{written!r} is not a date; use {FORMS}")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            return dt.date(year, month, 1), dt.date(
                year, month, calendar.monthrange(year, month)[1]
            )
        return dt.date(year, month, day), dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"{written!r} is not a day of the calendar") from None


def overlap(a: Span, b: Span) -> bool:
    """Whether two spans share a day (an open side reaches without end)."""
    a_before_b = a.end is not None and b.start is not None and a.end < b.start
    b_before_a = b.end is not None and a.start is not None and b.end < a.start
    return not (a_before_b or b_before_a)


def iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
