"""Each party's steps in stages, earliest first, as of a date.

Steps of one stage have no order among them (together, or simply not ordered). A whole
sits at the stage of its earliest ordered part (analysis.parts), so no part is shown
before its whole has begun. A step is `hedged` when only hedged positions place it.

Pure: knowledge base in, plain records out.
"""

from __future__ import annotations

from korea_positions.analysis.ordergraph import SequenceCycle, layers, order_graph
from korea_positions.analysis.statements import Contradiction
from korea_positions.kb.knowledge import KnowledgeBase


def sequence(kb: KnowledgeBase, actor_id: str, as_of: str | None = None,
             firm: bool = False) -> dict:  # fmt: skip
    """Raises SequenceCycle or Contradiction."""
    graph = order_graph(kb, actor_id, as_of, firm)
    layered = layers(graph)
    stage_of = {
        step: n for n, layer in enumerate(layered) for g in layer for step in graph.groups[g]
    }
    for whole, leaves in graph.leaves.items():
        stage_of[whole] = min(stage_of[leaf] for leaf in leaves)
    stages = [sorted(s for s, n in stage_of.items() if n == i) for i in range(len(layered))]
    firmly = {step for c in graph.constraints if not c.hedged for step in (c.first, c.second)}
    used = {pid for c in graph.constraints for pid in c.positions}
    return {
        "actor": actor_id,
        "stages": [stage for stage in stages if stage],
        "positions": [p["id"] for p in kb.positions if p["id"] in used],
        "hedged": sorted(set(stage_of) - firmly),
    }


def sequences(kb: KnowledgeBase, actor_ids: list[str], as_of: str | None = None,
              firm: bool = False) -> list[dict]:  # fmt: skip
    """The sequence of each actor, in the order given. Raises SequenceCycle or
    Contradiction."""
    return [sequence(kb, actor_id, as_of, firm) for actor_id in actor_ids]


def order_errors(kb: KnowledgeBase) -> list[tuple[str, str | None, Exception]]:
    """(actor, date, error) for every cycle or contradiction in any actor's orders at any
    date on which one of its positions starts (the only dates its orders change), each
    reported once: for a party rather than a voice, at the earliest date."""
    found: dict[tuple, tuple[str, str | None, Exception]] = {}
    for actor_id in kb.actor_by_id:
        voices = kb.members(actor_id)
        held = [p for p in kb.positions if {p["actor"], p.get("stated_by")} & voices
                and (p["before"] or p["after"] or p["together"])]  # fmt: skip
        for as_of in sorted({p["date_start"] for p in held if p["date_start"]}) or [None]:
            try:
                layers(order_graph(kb, actor_id, as_of))
            except (SequenceCycle, Contradiction) as error:
                key = (type(error).__name__, tuple(error.positions))
                rank = (not kb.is_party(actor_id), as_of or "")
                if key not in found or rank < (not kb.is_party(found[key][0]), found[key][1] or ""):
                    found[key] = (actor_id, as_of, error)
    return list(found.values())
