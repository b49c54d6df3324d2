"""plover: positions as political-event records in the style of the PLOVER ontology
(JSON lines), so the knowledge base can join event datasets.

Source actor: the position's holder, coded by its `codes.plover` (else CAMEO) code — a
person or group speaking for a party carries the party's code, with the person named as
the agent. Targets: who would perform the step. Event type and mode from the stance; a
party's warning is THREATEN, while analysts' warnings and all assessments are commentary
that PLOVER has no event type for: `event_type: null`, the stance as the mode.
"""

from __future__ import annotations

import json

from korea_positions.analysis.statements import counts
from korea_positions.output.exports.output import emit_text

EVENTS = {
    "demand": ("REQUEST", "demand"),
    "condition": ("REQUEST", "conditional"),
    "proposal": ("REQUEST", "propose"),
    "offer": ("AGREE", "offer"),
    "commitment": ("AGREE", "promise"),
    "support": ("SUPPORT", "endorse"),
    "oppose": ("REJECT", "oppose"),
    "warning": (None, "warning"),
    "assessment": (None, "assessment"),
}
# Context by step, PLOVER-style: what the event is about.
CONTEXTS = {
    "suspension-of-exercises": "military",
    "exercise-reduction": "military",
    "halt-strategic-assets": "military",
    "us-troop-reduction": "military",
    "unc-dissolution": "military",
    "armistice-unc-kept": "military",
    "sanctions-relief": "economic",
    "human-rights-criticism": "human_rights",
}


def code(kb, actor_id: str | None) -> str | None:
    """The actor's own code, else that of the party it speaks for, up the chain."""
    for party in kb.parties_of(actor_id) if actor_id else ():
        codes = (kb.actor_by_id.get(party) or {}).get("codes") or {}
        if codes.get("plover") or codes.get("cameo"):
            return codes.get("plover") or codes.get("cameo")
    return None


def event(kb, position: dict) -> dict:
    event_type, mode = EVENTS[position["stance"]]
    if mode == "warning" and code(kb, position["actor"]):
        event_type = "THREATEN"  # a party's warning; an analyst's stays commentary
    step = kb.step_by_id[position["step"]]
    actor = kb.actor_by_id[position["actor"]]
    quotes = [kb.quote_by_id[q]["text"] for q in position["quotes"] if q in kb.quote_by_id]
    source = kb.source_by_id.get(position["source"], {})
    return {
        "event_id": position["id"],
        "event_date": position["date"],
        "event_type": event_type,
        "mode": mode,
        "context": [CONTEXTS.get(position["step"], "diplomatic"), "nuclear"]
        if "nuclear" in step["label"].lower() or "denuclear" in position["step"]
        else [CONTEXTS.get(position["step"], "diplomatic")],
        "actor_code": code(kb, actor["id"]),
        "actor_name": actor["name"],
        "agent": position.get("stated_by"),
        "reported_by": position.get("reported_by"),
        "targets": [
            {"code": code(kb, a), "name": kb.actor_by_id[a]["name"]}
            for a in step.get("by", [])
            if a != actor["id"] and a in kb.actor_by_id
        ],
        "issue": step["id"],
        "issue_label": step["label"],
        "order": {rel: position[rel] for rel in ("before", "after", "together") if position[rel]},
        "summary": position["summary"],
        "quotes": quotes,
        "source": {
            "id": source.get("id"),
            "outlet": source.get("outlet_name"),
            "title": source.get("title"),
            "url": source.get("url"),
        },
    }


def write(kb, path, as_of=None, out=None, firm=False) -> None:
    lines = [
        json.dumps(event(kb, p), ensure_ascii=False) for p in kb.positions if counts(p, as_of, firm)
    ]
    emit_text("".join(line + "\n" for line in lines), path, out)
