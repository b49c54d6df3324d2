"""What one party holds on each pair of steps, as of a date: the order statements of the
positions that count for it, the later word winning where they differ.

A position counts for a party when its actor is the party or a voice speaking for it.
It says its `step` comes before each step in `before`, after each in `after` and at the
same time as each in `together`. Where two statements on one pair differ, the later
wins when their dates do not overlap, or the one whose position `supersedes` the other's;
otherwise they contradict each other (Contradiction), which `kpos validate` reports.

Pure: knowledge base in, constraints out.
"""

from __future__ import annotations

from typing import NamedTuple

from korea_positions.kb.knowledge import KnowledgeBase, Record

BEFORE = "before"
TOGETHER = "together"


class Constraint(NamedTuple):
    """An order held on one pair of steps. For 'before', `first` comes before `second`;
    for 'together' the two are in string order. `positions` are the statements standing
    behind it; `hedged` when every one of them is hedged."""

    first: str
    second: str
    relation: str
    positions: tuple[str, ...]
    hedged: bool = False


class Contradiction(Exception):
    """Two positions counting for one party order a pair of steps differently, and neither
    is later than the other nor supersedes it."""

    def __init__(self, actor_id: str, position_ids: list[str], steps: tuple[str, str]):
        self.actor, self.positions, self.steps = actor_id, sorted(position_ids), steps
        super().__init__(
            f"positions of {actor_id!r} contradict each other on the order of {steps[0]!r} "
            f"and {steps[1]!r}: {', '.join(self.positions)}; date them apart or say which "
            "one supersedes the other"
        )


def statements(position: Record) -> list[tuple[str, str, str]]:
    """(first, second, relation) for each order statement of one position."""
    step = position["step"]
    result = [(step, other, BEFORE) for other in position.get("before") or ()]
    result += [(other, step, BEFORE) for other in position.get("after") or ()]
    result += [(*sorted((step, other)), TOGETHER) for other in position.get("together") or ()]
    # A step ordered against itself is reported by the checks; it says nothing here.
    return [s for s in result if s[0] != s[1]]


def counts(position: Record, as_of: str | None, firm: bool = False) -> bool:
    """Whether a position counts as of a date (stated by then: its first possible day on or
    before it; an open start always counts), and, with `firm`, is not hedged."""
    if firm and position.get("hedge"):
        return False
    start = position.get("date_start")
    return as_of is None or start is None or start <= as_of


def order_constraints(kb: KnowledgeBase, actor_id: str, as_of: str | None = None,
                      firm: bool = False) -> dict[frozenset, Constraint]:  # fmt: skip
    """The pairs of steps the actor (with every voice speaking for it) orders, as of a
    date. Raises Contradiction."""
    voices = kb.members(actor_id)
    said: dict[frozenset, list[tuple[Record, str, str, str]]] = {}
    for index in sorted({i for voice in voices for i in kb.positions_of_voice.get(voice, ())}):
        p = kb.positions[index]
        if counts(p, as_of, firm):
            for first, second, relation in statements(p):
                said.setdefault(frozenset((first, second)), []).append((p, first, second, relation))
    return {pair: _resolve(actor_id, found) for pair, found in said.items()}


def _resolve(actor_id: str, found: list[tuple[Record, str, str, str]]) -> Constraint:
    """The order standing on one pair: every statement no differing statement overrules."""
    standing = [s for s in found if not any(
        (t[1], t[2], t[3]) != (s[1], s[2], s[3]) and _overrules(t[0], s[0]) for t in found)]  # fmt: skip
    orders = {(s[1], s[2], s[3]) for s in standing}
    if len(orders) != 1:
        clash = standing or found
        ids = [clash[0][0]["id"]] + [
            next(s[0]["id"] for s in clash if (s[1], s[2], s[3]) != (clash[0][1:]))
        ]
        raise Contradiction(actor_id, ids, tuple(sorted((found[0][1], found[0][2]))))
    (first, second, relation), positions = orders.pop(), [s[0] for s in standing]
    ids = tuple(dict.fromkeys(p["id"] for p in positions))
    return Constraint(first, second, relation, ids, all(p.get("hedge") for p in positions))


def _overrules(later: Record, earlier: Record) -> bool:
    """Whether `later` supersedes `earlier`, or was stated after every day it can mean."""
    if earlier["id"] in (later.get("supersedes") or ()):
        return True
    end, start = earlier.get("date_end"), later.get("date_start")
    return end is not None and start is not None and end < start
