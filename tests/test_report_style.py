"""The report's colours meet WCAG AA: each text colour against every background it is
written on 4.5:1 or more, marks and focus rings 3:1 (read from the stylesheet itself)."""

from __future__ import annotations

import re
from importlib import resources

import pytest

CSS = (resources.files("korea_positions.output.report") / "templates" / "report.css").read_text()
COLOURS = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6});", CSS))

TEXT = [  # (text, background)
    ("ink", "paper"), ("ink", "panel"), ("ink", "chip"),
    ("muted", "paper"), ("muted", "panel"),
    ("link", "paper"), ("link", "panel"),
    ("conflict-ink", "conflict"),
    ("source", "paper"), ("source", "panel"),
    ("paper", "mark"),
]  # fmt: skip
GRAPHICS = [("mark", "paper"), ("mark", "panel"), ("focus", "paper"), ("conflict", "paper")]


def luminance(colour: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(COLOURS[a]), luminance(COLOURS[b])), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("text, background", TEXT)
def test_text_contrast_is_at_least_4_5(text, background):
    assert contrast(text, background) >= 4.5


@pytest.mark.parametrize("mark, background", GRAPHICS)
def test_marks_contrast_is_at_least_3(mark, background):
    assert contrast(mark, background) >= 3


def test_every_colour_is_a_variable():
    """No colour written outside :root, so the pairs above cover what the page shows."""
    body = CSS.split("}", 1)[1]
    assert not re.findall(r"#[0-9a-fA-F]{3,6}\b", body)
