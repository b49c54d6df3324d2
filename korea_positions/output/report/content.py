"""What the report shows, as plain data for its template: the parties and their orders,
the matrix and why each cell holds what it does, the conflicts, and every position, quote
and source it cites, each with what a reader needs to judge it.

A party whose orders cannot be put in sequence (a cycle or a contradiction, which
`kpos validate` reports) is named with its positions rather than drawn, and the rest of
the page is still made.
"""

from __future__ import annotations

from korea_positions.analysis import queries
from korea_positions.analysis.conflicts import conflicts
from korea_positions.analysis.matrix import arrange
from korea_positions.analysis.ordergraph import SequenceCycle
from korea_positions.analysis.sequence import sequence
from korea_positions.analysis.statements import Contradiction, order_constraints
from korea_positions.kb.knowledge import KnowledgeBase
from korea_positions.output.matrix_view import depths
from korea_positions.output.report import filtermap


def build(kb: KnowledgeBase, actor_ids: list[str] | None, as_of: str | None, firm: bool) -> dict:
    chosen = actor_ids or _ordering_parties(kb, as_of, firm)
    ordered, troubles = [], []
    for actor in chosen:
        try:
            ordered.append(sequence(kb, actor, as_of, firm))
        except (SequenceCycle, Contradiction) as error:
            troubles.append({"actor": actor, "message": str(error), "positions": error.positions})
    found = conflicts(kb, [s["actor"] for s in ordered], as_of, firm)
    rows = arrange(kb, ordered, found)
    level = depths(rows)
    positions = queries.demands(kb, actor_ids, as_of=as_of, firm=firm)
    cited = {q for p in positions for q in p["quotes"]}
    spoken = {q["id"] for q in queries.quotes(kb, actor_ids=actor_ids, as_of=as_of)}
    quotes = [q for q in kb.quotes if q["id"] in cited | spoken]
    used = {p["source"] for p in positions} | {q["source"] for q in quotes}
    return {
        "as_of": as_of,
        "firm": firm,
        "chosen": actor_ids or [],
        "parties": [s["actor"] for s in ordered],
        "sequences": ordered,
        "troubles": troubles,
        "rows": [dict(r, depth=level[r["step"]], holders=_holders(r, rows)) for r in rows],
        "cells": _cells(rows),
        "conflicts": [dict(c, id=conflict_id(c["step_a"], c["step_b"])) for c in found],
        "positions": positions,
        "quotes": quotes,
        "cited_by": _cited_by(positions),
        "sources": [s for s in kb.sources if s["id"] in used],
        "filter": filtermap.filter_data(kb),
    }


def _ordering_parties(kb: KnowledgeBase, as_of: str | None, firm: bool) -> list[str]:
    """The parties with an order (as `conflicts.default_actors`), those whose orders
    contradict each other included."""
    result = []
    for actor in kb.actors:
        if kb.is_party(actor["id"]):
            try:
                ordering = bool(order_constraints(kb, actor["id"], as_of, firm))
            except Contradiction:
                ordering = True
            if ordering:
                result.append(actor["id"])
    return result


def conflict_id(step_a: str, step_b: str) -> str:
    return f"conflict-{step_a}--{step_b}"


def cell_id(actor: str, step: str) -> str:
    return f"cell-{actor}--{step}"


def _holders(row: dict, rows: list[dict]) -> list[str]:
    """The parties with a stage for the row's step or for a part of it, listed below it."""
    part_of = {r["step"]: r["part_of"] for r in rows}

    def under(step: str) -> bool:
        seen = set()
        while step is not None and step not in seen:
            if step == row["step"]:
                return True
            seen.add(step)
            step = part_of.get(step)
        return False

    return sorted(
        {a for r in rows if under(r["step"]) for a, c in r["parties"].items() if c["stage"]}
    )


def _cells(rows: list[dict]) -> list[dict]:
    """Every filled cell of the matrix, with what places it, for the page's explanations."""
    result = []
    for row in rows:
        for actor, cell in row["parties"].items():
            if cell["stage"] is not None:
                result.append(
                    dict(
                        cell,
                        actor=actor,
                        step=row["step"],
                        id=cell_id(actor, row["step"]),
                        conflicts=[
                            conflict_id(*sorted((row["step"], other))) for other in cell["against"]
                        ],
                    )
                )
    return result


def _cited_by(positions: list[dict]) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for p in positions:
        for qid in p["quotes"]:
            result.setdefault(qid, []).append(p["id"])
    return result


def lanes(kb: KnowledgeBase, content: dict) -> list[dict]:
    """The timeline's lanes: each actor asked for, else each party holding a position
    (its voices' positions in its lane), then the voices speaking for no party."""
    positions = content["positions"]
    if content["chosen"]:
        wanted = content["chosen"]
        held = {a: kb.members(a) for a in wanted}
        return [
            _lane(kb, a, [p for p in positions if {p["actor"], p.get("stated_by")} & held[a]])
            for a in wanted
        ]
    by_party: dict[str, list[dict]] = {}
    others = []
    for p in positions:
        parties = [a for a in kb.parties_of(p["actor"]) if kb.is_party(a)]
        for party in parties:
            by_party.setdefault(party, []).append(p)
        if not parties:
            others.append(p)
    result = [_lane(kb, a["id"], by_party[a["id"]]) for a in kb.actors if a["id"] in by_party]
    if others:
        members = sorted({p["actor"] for p in others})
        result.append(
            {"id": "others", "name": "Other voices", "members": members, "positions": others}
        )
    return result


def _lane(kb: KnowledgeBase, actor: str, positions: list[dict]) -> dict:
    name = (kb.actor_by_id.get(actor) or {}).get("name") or actor
    return {"id": actor, "name": name, "members": sorted(kb.members(actor)), "positions": positions}
