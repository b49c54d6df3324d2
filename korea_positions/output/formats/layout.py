"""Laying text out in columns of a terminal: wrapping that never drops a character and
breaks a slug (`end-of-war-declaration`) only after a hyphen, and column widths chosen
from the content so that a wider terminal never gives any column less room.

Pure: strings in, lines of (text, style) segments out; the table format prints them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from rich.cells import cell_len

GAP = 2  # spaces between columns
LONGEST_PIECE = 20  # a word with no hyphen longer than this may be folded, not widen a column
SLUG = 24  # most ids fit whole in this many columns

Segment = tuple[str, str]  # text, style
Line = list[Segment]
_PIECES = re.compile(r"[^-]*-+|[^-]+")


def pieces(word: str) -> list[str]:
    """A word cut after each run of hyphens, except between digits (a date stays whole):
    `end-of-war` -> `end-`, `of-`, `war`; `nyt-2018-09-17` -> `nyt-`, `2018-09-17`."""
    found: list[str] = []
    for piece in _PIECES.findall(word) or [word]:
        if found and found[-1][-2:-1].isdigit() and piece[:1].isdigit():
            found[-1] += piece
        else:
            found.append(piece)
    return found


def _fold(text: str, width: int) -> list[str]:
    """Cut into chunks of at most `width` cells (the last resort, for a word longer than
    its column with no hyphen to break at)."""
    chunks, current = [], ""
    for char in text:
        if current and cell_len(current + char) > width:
            chunks.append(current)
            current = ""
        current += char
    return [*chunks, current]


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells holding every character of `text` but the spaces
    where a line breaks. Words move whole to the next line; a word longer than a line
    breaks after its hyphens, and only a hyphen-free piece longer than a line is folded."""
    width = max(width, 1)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line: str | None = None  # None: a fresh line, where no space is due
        for word in paragraph.split(" "):
            joined = word if line is None else f"{line} {word}"
            if cell_len(joined) <= width:
                line = joined
            elif cell_len(word) <= width:  # the word moves to the next line whole
                lines.append(line or "")
                line = word or None  # spaces at a break go
            else:  # longer than any line: broken after its hyphens
                for i, piece in enumerate(pieces(word)):
                    if line is None:
                        joined = piece
                    else:
                        joined = f"{line} {piece}" if i == 0 else line + piece
                    if cell_len(joined) <= width:
                        line = joined
                        continue
                    if line is not None:
                        lines.append(line)
                    *full, line = _fold(piece, width)
                    lines += full
        lines.append(line or "")
    return lines


class Measure(NamedTuple):
    """A column's widths: `least` keeps every piece of a word whole (a hyphen-free word
    of up to LONGEST_PIECE cells, prose its minimum), `comfortable` most words whole
    (prose twice its minimum), `natural` every line unwrapped."""

    least: int
    comfortable: int
    natural: int

    def joined(self, other: Measure) -> Measure:
        """Wide enough for both (a header and its column)."""
        return Measure(*(max(a, b) for a, b in zip(self, other, strict=True)))


def measure(texts: Sequence[str], no_wrap: bool = False, min_width: int = 0) -> Measure:
    least = words = natural = 0
    for text in texts:
        for line in text.split("\n"):
            natural = max(natural, cell_len(line))
            if no_wrap:
                continue
            for word in line.split(" "):
                words = max(words, cell_len(word))
                for piece in pieces(word):
                    least = max(least, min(cell_len(piece), LONGEST_PIECE))
    if no_wrap:
        return Measure(natural, natural, natural)
    least = max(least, min(min_width, natural))
    comfortable = min(natural, 2 * min_width) if min_width else min(words, SLUG)
    return Measure(least, max(least, comfortable), max(least, words, natural))


def allocate(measures: Sequence[Measure], ratios: Sequence[int], room: int) -> list[int] | None:
    """Column widths within `room` cells, or None when even the least widths do not fit.

    Each column starts at its least width and grows one cell at a time, in proportion to
    the ratios: first towards a comfortable width (words of up to SLUG cells whole, prose
    twice its minimum), then towards its natural width. The widths for one more cell of room are the widths for this room plus one
    cell, so a wider terminal never narrows a column."""
    widths = [m.least for m in measures]
    spare = room - sum(widths)
    if spare < 0:
        return None
    comfortable = [m.comfortable for m in measures]
    stages = (
        (comfortable, lambda i: ((widths[i] - measures[i].least) / ratios[i], i)),
        ([m.natural for m in measures], lambda i: ((widths[i] - comfortable[i]) / ratios[i], i)),
    )  # fmt: skip
    for targets, priority in stages:
        while spare:
            growing = [i for i, w in enumerate(widths) if w < targets[i]]
            if not growing:
                break
            widths[min(growing, key=priority)] += 1
            spare -= 1
    return widths


def pad(segments: Line, width: int) -> Line:
    used = sum(cell_len(text) for text, _ in segments)
    return [*segments, (" " * (width - used), "")] if used < width else segments


def rstrip(line: Line) -> Line:
    """The line without trailing spaces (a pipe gets no padding at line ends)."""
    line = list(line)
    while line and not line[-1][0].rstrip(" "):
        line.pop()
    if line:
        line[-1] = (line[-1][0].rstrip(" "), line[-1][1])
    return line


def side_by_side(cells: Sequence[Sequence[Line]], widths: Sequence[int]) -> list[Line]:
    """One row: each cell's lines side by side, padded to the column widths."""
    height = max((len(c) for c in cells), default=0)
    out = []
    for n in range(height):
        line: Line = []
        for i, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            if i:
                line.append((" " * GAP, ""))
            line += pad(cell[n] if n < len(cell) else [], width)
        out.append(rstrip(line))
    return out


def block(parts: Sequence[Segment], width: int) -> list[Line]:
    """Styled paragraphs wrapped to `width`: each part's lines carry its style."""
    return [[(text, style)] if text else [] for part, style in parts
            for text in wrap(part, width)]  # fmt: skip
