"""The loaded knowledge base: plain records (dicts of str, list, None) plus indexes.

Records are exactly what the commands print, so the query functions stay simple and the
whole knowledge base can be cached as JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

Record = dict

KINDS = ("sources", "actors", "steps", "positions", "quotes")


@dataclass
class KnowledgeBase:
    sources: list[Record] = field(default_factory=list)
    actors: list[Record] = field(default_factory=list)
    steps: list[Record] = field(default_factory=list)
    positions: list[Record] = field(default_factory=list)
    quotes: list[Record] = field(default_factory=list)
    # "kind:id" -> [file, line, col] where the record is defined, for messages.
    origins: dict[str, list] = field(default_factory=dict)

    def origin(self, kind: str, record_id: str) -> tuple[str, int, int]:
        file, line, col = self.origins.get(f"{kind}:{record_id}", ["?", 0, 0])
        return file, line, col

    @cached_property
    def source_by_id(self) -> dict[str, Record]:
        return {r["id"]: r for r in self.sources}

    @cached_property
    def actor_by_id(self) -> dict[str, Record]:
        return {r["id"]: r for r in self.actors}

    @cached_property
    def step_by_id(self) -> dict[str, Record]:
        return {r["id"]: r for r in self.steps}

    @cached_property
    def position_by_id(self) -> dict[str, Record]:
        return {r["id"]: r for r in self.positions}

    @cached_property
    def quote_by_id(self) -> dict[str, Record]:
        return {r["id"]: r for r in self.quotes}

    @cached_property
    def members(self) -> dict[str, set[str]]:
        """Actor id -> itself plus every actor that speaks for it, directly or in a chain."""
        children: dict[str, list[str]] = {}
        for actor in self.actors:
            if actor.get("speaks_for"):
                children.setdefault(actor["speaks_for"], []).append(actor["id"])
        result: dict[str, set[str]] = {}
        for actor in self.actors:
            seen = {actor["id"]}
            stack = [actor["id"]]
            while stack:
                for child in children.get(stack.pop(), ()):
                    if child not in seen:
                        seen.add(child)
                        stack.append(child)
            result[actor["id"]] = seen
        return result

    @cached_property
    def positions_of_voice(self) -> dict[str, list[int]]:
        """Actor id -> indexes of the positions it holds or states, in order."""
        index: dict[str, list[int]] = {}
        for i, p in enumerate(self.positions):
            for voice in {p["actor"], p.get("stated_by")} - {None}:
                index.setdefault(voice, []).append(i)
        return index

    def counts(self) -> dict[str, int]:
        return {kind: len(getattr(self, kind)) for kind in KINDS}

    def to_json(self) -> dict:
        return {kind: getattr(self, kind) for kind in KINDS} | {"origins": self.origins}

    @classmethod
    def from_json(cls, data: dict) -> "KnowledgeBase":
        return cls(**{kind: data[kind] for kind in KINDS}, origins=data["origins"])
