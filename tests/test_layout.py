"""Wrapping and column widths: nothing dropped, slugs broken only after hyphens, and a
wider terminal never narrows a column."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from korea_positions.output import views
from korea_positions.output.formats import OutputFormat, render
from korea_positions.output.formats.layout import Measure, allocate, measure, pieces, wrap

WORD = st.text(st.sampled_from("abcdefgh-한"), min_size=1, max_size=30)
TEXT = st.lists(WORD, max_size=12).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(min_value=2, max_value=40))
def test_wrap_keeps_every_character_within_the_width(text, width):
    lines = wrap(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(min_value=20, max_value=40))
def test_wrap_breaks_inside_a_word_only_after_a_hyphen(text, width):
    """With every hyphen-free piece shorter than the line, a line that ends inside a word
    (no space dropped there) ends with a hyphen."""
    if any(cell_len(p) > width for w in text.split() for p in pieces(w)):
        return
    at = 0
    for line in wrap(text, width):
        assert text.startswith(line, at)
        at += len(line)
        if at < len(text) and text[at] == " ":
            at += 1  # broken at a space
        elif at < len(text):
            assert line.endswith("-"), (text, line)


def test_slugs_and_dates():
    assert pieces("end-of-war-declaration") == ["end-", "of-", "war-", "declaration"]
    assert pieces("nyt-2018-09-17") == ["nyt-", "2018-09-17"]
    assert wrap("before: end-of-war-declaration", 16) == ["before: end-of-", "war-declaration"]
    assert wrap("pompeo-pyongyang-visit", 21) == ["pompeo-pyongyang-", "visit"]


MEASURES = st.lists(
    st.tuples(st.integers(1, 30), st.integers(0, 30), st.integers(0, 200)).map(
        lambda t: Measure(t[0], t[0] + t[1], t[0] + t[1] + t[2])
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(MEASURES, st.data())
def test_a_wider_terminal_never_narrows_a_column(measures, data):
    ratios = data.draw(st.lists(st.integers(1, 6), min_size=len(measures), max_size=len(measures)))
    least = sum(m.least for m in measures)
    rooms = sorted(data.draw(st.lists(st.integers(least, least + 300), min_size=2, max_size=8)))
    previous = None
    for room in rooms:
        widths = allocate(measures, ratios, room)
        assert widths is not None and sum(widths) <= room
        assert all(m.least <= w <= m.natural for m, w in zip(measures, widths, strict=True))
        wider = allocate(measures, ratios, room + 1)
        assert all(a <= b for a, b in zip(widths, wider, strict=True))
        if previous is not None:
            assert all(a <= b for a, b in zip(previous, widths, strict=True))
        previous = widths
    assert allocate(measures, ratios, least - 1) is None


def test_measure_a_column():
    assert measure(["us; dprk", "end-of-war-declaration"]) == Measure(11, 22, 22)
    assert measure(["2018-09-17"], no_wrap=True) == Measure(10, 10, 10)
    assert measure(["a summary of some length"], min_width=20) == Measure(20, 24, 24)


def table(records, view, width) -> str:
    out = io.StringIO()
    render(OutputFormat.table, records, view, out, terminal=False, width=width)
    return out.getvalue()


def test_a_piped_table_has_no_trailing_spaces():
    steps = [{"id": "a", "label": "A", "by": [], "part_of": None}]
    assert all(line == line.rstrip() for line in table(steps, views.STEPS, 80).splitlines())


def test_columns_that_cannot_fit_are_stacked():
    record = {"id": "x", "label": "incomprehensibilities " * 9, "by": ["us"],
              "part_of": "missile-dismantlement-" * 3}  # fmt: skip
    narrow = table([record], views.STEPS, 40)
    assert narrow.splitlines()[1].split() == ["id", "x"]
    assert all(len(line) <= 40 for line in narrow.splitlines())


def column_starts(header: str) -> list[int]:
    """Where each column starts on a header line (columns are two spaces apart)."""
    import re

    return [m.start() for m in re.finditer(r"(?:^|(?<=  ))\S", header)]


@pytest.mark.parametrize("command", ["demands", "quotes", "actors", "steps", "conflicts"])
def test_wider_terminals_never_narrow_a_column_of_the_bundled_tables(command):
    from korea_positions.analysis import conflicts, queries
    from korea_positions.kb.cache import load_uncached
    from korea_positions.kb.files import bundled_root

    kb = load_uncached(bundled_root())
    records, view = {
        "demands": (queries.demands(kb), views.POSITIONS),
        "quotes": (queries.quotes(kb), views.QUOTES),
        "actors": (queries.actors(kb), views.ACTORS),
        "steps": (queries.steps(kb), views.STEPS),
        "conflicts": (conflicts.conflicts(kb), views.CONFLICTS),
    }[command]
    previous = None
    for width in range(60, 201, 4):
        lines = table(records, view, width).split("\n")
        if len(column_starts(lines[1])) != len(view.columns):
            assert previous is None, width  # stacked only below the widths of a table
            continue
        starts = column_starts(lines[1])
        widths = [b - a for a, b in zip(starts, starts[1:], strict=False)]
        if previous is not None:
            assert all(a <= b for a, b in zip(previous, widths, strict=True)), (width, widths)
        previous = widths
    assert previous is not None
