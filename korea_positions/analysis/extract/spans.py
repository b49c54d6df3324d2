"""Where the quotations of a news text are, and where its sentences are.

Quotations are delimited by double marks: curly (“ ”), straight ("), low-9 („) and
guillemets (« »). Single marks inside a double-marked quotation are a quotation within
it and stay part of its text; a curly single-marked quotation (‘…’) stands on its own only
outside double marks (straight single marks are never read as quotation marks: they are
too often apostrophes).

A quotation running over several paragraphs is one quotation: American style repeats the
opening mark at each new paragraph and closes only at the end. Paragraphs are parted by a
blank line; for texts that part them by a single line break, an opening mark that begins
a line after a finished sentence, inside a quotation, is read the same way. A paragraph
that ends with a quotation still open, when the next paragraph does not open with a mark,
ends the quotation there: the text was cut (the quotation is `closed=False`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

OPENING = "\u201c\u201e\u00ab"  # “ „ «
CLOSING = "\u201d\u00bb"  # ” »
STRAIGHT = '"'
SINGLE_OPEN, SINGLE_CLOSE = "\u2018", "\u2019"  # ‘ ’

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_OPENS_AFTER = set(" \t\n([{\u2014\u2013-/*")  # what a straight mark that opens follows


@dataclass(frozen=True)
class Quote:
    """One quotation: `start`/`end` bound its words, `open_at`/`close_end` its marks."""

    open_at: int
    start: int
    end: int
    close_end: int
    closed: bool
    style: str  # "curly", "straight" or "single"


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: the text between blank lines, edges trimmed."""
    spans, begin = [], 0
    for brk in [*_PARAGRAPH_BREAK.finditer(text), None]:
        stop = brk.start() if brk else len(text)
        chunk = text[begin:stop]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((begin + lead, begin + len(chunk.rstrip())))
        if brk:
            begin = brk.end()
    return spans


def find_quotes(text: str) -> list[Quote]:
    """Every quotation of `text`, in text order."""
    paras = paragraphs(text)
    quotes: list[Quote] = []
    open_at = -1  # the opening mark of the quotation being read, or -1
    style = ""
    for index, (p_start, p_end) in enumerate(paras):
        i = p_start
        if open_at >= 0:  # a quotation runs on from the last paragraph: skip its new mark
            i += 1
        while i < p_end:
            ch = text[i]
            if open_at < 0:
                if ch in OPENING or (ch in STRAIGHT + CLOSING and _opens(text, i, p_start)):
                    open_at, style = i, ("straight" if ch == STRAIGHT else "curly")
                elif ch == SINGLE_OPEN and _opens(text, i, p_start):
                    single = _single_quote(text, i, p_end)
                    if single:
                        quotes.append(single)
                        i = single.close_end
                        continue
            elif ch in CLOSING or ch == STRAIGHT:
                quotes.append(Quote(open_at, open_at + 1, i, i + 1, True, style))
                open_at = -1
            elif ch in OPENING and not _goes_on(text, i):
                # a new quotation opens: the last one was never closed
                quotes.append(_unclosed(text, open_at, i, style))
                open_at, style = i, "curly"
            i += 1
        if open_at >= 0:
            following = paras[index + 1][0] if index + 1 < len(paras) else None
            if following is None or text[following] not in OPENING + STRAIGHT:
                quotes.append(_unclosed(text, open_at, p_end, style))
                open_at = -1
    return quotes


def _opens(text: str, i: int, p_start: int) -> bool:
    """A mark at `i` (straight, or a stray closing one) opens a quotation by its context."""
    before = text[i - 1] if i > p_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before in _OPENS_AFTER and not after.isspace()


def _goes_on(text: str, i: int) -> bool:
    """An opening mark at the start of a line after a finished sentence: the quotation goes
    on into a new paragraph, in a text that ends paragraphs with a single line break."""
    line_start = text.rfind("\n", 0, i)
    if line_start < 0 or text[line_start + 1 : i].strip():
        return False
    return text[:line_start].rstrip()[-1:] in (".", "?", "!", "\u2026")


def _single_quote(text: str, i: int, p_end: int) -> Quote | None:
    """A ‘…’ quotation opening at `i` outside double marks, closed in the paragraph."""
    if i + 1 >= p_end or text[i + 1].isdigit():  # ‘90s
        return None
    for j in range(i + 2, p_end):
        if text[j] in OPENING + STRAIGHT:
            return None
        after = text[j + 1] if j + 1 < len(text) else " "
        if text[j] == SINGLE_CLOSE and not text[j - 1].isspace() and not after.isalnum():
            return Quote(i, i + 1, j, j + 1, True, "single")
    return None


def _unclosed(text: str, open_at: int, stop: int, style: str) -> Quote:
    end = stop
    while end > open_at + 1 and text[end - 1].isspace():
        end -= 1
    return Quote(open_at, open_at + 1, end, end, False, style)


def mask(text: str, quotes: list[Quote]) -> str:
    """`text` with the words of each quotation blanked out (line breaks kept), same length."""
    chars = list(text)
    for q in quotes:
        for k in range(q.start, q.end):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars)


# --- sentences ---------------------------------------------------------------------------


def word_set(text: str) -> frozenset[str]:
    """The words of a space-separated list."""
    return frozenset(text.split())


ABBREVIATIONS = word_set(
    "mr mrs ms dr gen lt col adm sgt capt maj sen rep gov prof amb rev st jr sr inc co corp "
    "no vs etc jan feb mar apr aug sept sep oct nov dec u.s u.n u.k e.g i.e a.m p.m"
)
_TERMINAL = re.compile(r"[.?!][)\]'\u2019*]*(?=\s+[\"(\[*\u2018\u201c\u201e\u00abA-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)\.$")


def sentences(
    text: str, quotes: list[Quote], attribution_follows: Callable[[int], bool]
) -> list[tuple[int, int]]:
    """(start, end) of each sentence, read so that no sentence ends inside a quotation.

    A sentence ends at a terminal mark followed by a capital (not after an abbreviation or
    an initial), and at a paragraph break (unless the next paragraph goes on in lower
    case: a page break in the middle of a sentence). A quotation whose words end a
    sentence ends the outer one too, unless an attribution follows (`… war?” Moon asked.`),
    which `attribution_follows(offset after the closing mark)` decides.
    """
    inside = _inside(len(text), quotes)
    cuts = set()
    for m in _TERMINAL.finditer(text):
        if inside[m.start()] or _abbreviation(text, m.start()):
            continue
        cuts.add(m.end())
    for q in quotes:
        words = text[q.start : q.end].rstrip(" \u2019'")
        if q.closed and words[-1:] in (".", "?", "!"):
            after = text[q.close_end : q.close_end + 3].lstrip()[:1]
            capital = after.isupper() or (after and after in OPENING + STRAIGHT)
            if capital and not attribution_follows(q.close_end):
                cuts.add(q.close_end)
    for m in _PARAGRAPH_BREAK.finditer(text):
        nxt = text[m.end() : m.end() + 1]
        if not inside[m.start()] and not nxt.islower():
            cuts.add(m.start())
    bounds = [0, *sorted(cuts), len(text)]
    spans = []
    for a, b in itertools.pairwise(bounds):
        while a < b and text[a].isspace():
            a += 1
        if a < b:
            spans.append((a, b))
    return spans


def _inside(length: int, quotes: list[Quote]) -> list[bool]:
    flags = [False] * (length + 1)
    for q in quotes:
        for k in range(q.start, q.end):
            flags[k] = True
    return flags


def _abbreviation(text: str, period: int) -> bool:
    if text[period] != ".":
        return False
    m = _WORD_BEFORE.search(text[max(0, period - 12) : period + 1])
    if not m:
        return False
    word = m.group(1)
    return (len(word) == 1 and word.isupper()) or word.lower() in ABBREVIATIONS
