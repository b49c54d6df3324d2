"""The loaded knowledge base: plain records (dicts of str, list, None) plus indexes.

Records are exactly what the commands print, so the query functions stay simple and the
whole knowledge base can be cached as JSON.
"""

from __future__ import annotations

from functools import cached_property

Record = dict

KINDS = ("sources", "actors", "steps", "positions", "quotes")


class KnowledgeBase:
    """Records by kind. A kind may be given as a loader instead of a list, so that a query
    decodes from the cache only the kinds it reads."""

    def __init__(self, sources=(), actors=(), steps=(), positions=(), quotes=(), origins=None,
                 loaders: dict | None = None, rebuild=None, damaged=()):
        self._data = {"sources": list(sources), "actors": list(actors), "steps": list(steps),
                      "positions": list(positions), "quotes": list(quotes),
                      "origins": dict(origins or {}), "actor_names": None,
                      "spoken_for_by": None}
        for kind in loaders or {}:
            del self._data[kind]
        self._loaders = dict(loaders or {})
        # When a loader finds its part damaged (`damaged` exception), `rebuild()` gives
        # the whole knowledge base afresh and everything not yet loaded comes from it.
        self._rebuild, self._damaged = rebuild, damaged

    def _get(self, kind: str):
        if kind not in self._data:
            try:
                self._data[kind] = self._loaders.pop(kind)()
            except self._damaged:
                fresh = self._rebuild()
                for missing in [kind, *self._loaders]:
                    self._data[missing] = fresh._get(missing)
                self._loaders.clear()
        return self._data[kind]

    def keep(self, index: str, value) -> None:
        """Remember an index computed from the records (one the cache can store)."""
        self._loaders.pop(index, None)
        self._data[index] = value

    sources = property(lambda self: self._get("sources"))
    actors = property(lambda self: self._get("actors"))
    steps = property(lambda self: self._get("steps"))
    positions = property(lambda self: self._get("positions"))
    quotes = property(lambda self: self._get("quotes"))
    # "kind:id" -> [file, line, col] where the record is defined, for messages.
    origins = property(lambda self: self._get("origins"))
    # The actor name index (names.Resolver.to_json), when a cache provides it.
    actor_names = property(lambda self: self._get("actor_names"))

    @property
    def spoken_for_by(self) -> dict[str, list[str]]:
        """Actor id -> the actors whose speaks_for names it (from the cache when it has it,
        so a query by actor need not decode every actor record)."""
        if self._get("spoken_for_by") is None:
            index: dict[str, list[str]] = {}
            for actor in self.actors:
                if actor.get("speaks_for"):
                    index.setdefault(actor["speaks_for"], []).append(actor["id"])
            self._data["spoken_for_by"] = index
        return self._data["spoken_for_by"]

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
    def members(self) -> "_Members":
        """Actor id -> itself plus every actor that speaks for it, directly or in a chain
        (computed per actor on demand: a query asks about few of thousands)."""
        return _Members(self)

    def parties_of(self, actor_id: str) -> list[str]:
        """The actor, then whom it speaks for, and so on up the chain."""
        chain = [actor_id]
        actor = self.actor_by_id.get(actor_id) or {}
        while actor.get("speaks_for") and actor["speaks_for"] not in chain:
            chain.append(actor["speaks_for"])
            actor = self.actor_by_id.get(actor["speaks_for"]) or {}
        return chain

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
        return {kind: getattr(self, kind) for kind in (*KINDS, "origins")}

    @classmethod
    def from_json(cls, data: dict) -> "KnowledgeBase":
        return cls(**{kind: data[kind] for kind in KINDS}, origins=data["origins"])


class _Members(dict):
    """A dict filled on first lookup of each actor."""

    def __init__(self, kb: KnowledgeBase):
        super().__init__()
        self._children = kb.spoken_for_by

    def __missing__(self, actor_id: str) -> set[str]:
        seen = {actor_id}
        stack = [actor_id]
        while stack:
            for child in self._children.get(stack.pop(), ()):
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        self[actor_id] = seen
        return seen

    def get(self, actor_id, default=None):
        return self[actor_id]
