"""One actor whole: its record, the positions and quotes it holds, voices or relays, its
order of steps and the conflicts it is part of (`kpos actor`)."""

from __future__ import annotations

from korea_positions.analysis.conflicts import conflicts, default_actors
from korea_positions.analysis.queries import actor_detail
from korea_positions.analysis.sequence import sequence
from korea_positions.kb.knowledge import KnowledgeBase


def actor_profile(kb: KnowledgeBase, actor_id: str, as_of: str | None = None,
                  firm: bool = False) -> dict:  # fmt: skip
    """Raises SequenceCycle or Contradiction."""
    record = actor_detail(kb, actor_id, as_of, firm)
    record["sequence"] = sequence(kb, actor_id, as_of, firm)["stages"]
    # Against every other party with an order (a person is not set against the party it
    # speaks for).
    own = set(kb.parties_of(actor_id))
    others = [a for a in default_actors(kb, as_of, firm) if a not in own]
    record["conflicts"] = [
        c for c in conflicts(kb, [actor_id, *others], as_of, firm) if actor_id in c["positions"]
    ]
    return record
