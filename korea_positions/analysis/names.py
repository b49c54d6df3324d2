"""Resolve what a user types (id, name, alias, surname) to ids.

Matching ignores case, spaces, hyphens, periods and a leading "the" (kb.spelling). A
unique surname finds a person; anything unknown or ambiguous is a usage error naming the
closest candidates.
"""

from __future__ import annotations

import difflib

from korea_positions.errors import UsageError
from korea_positions.kb.knowledge import KnowledgeBase
from korea_positions.kb.spelling import normalize, surname


class Resolver:
    """Exact keys first (id, name, alias); then unique surnames; else a usage error."""

    def __init__(self, what: str, option: str):
        self.what = what
        self.option = option
        self._keys: dict[str, set[str]] = {}
        self._surnames: dict[str, set[str]] = {}
        self._labels: dict[str, str] = {}

    def add(self, record_id: str, label: str, names: list[str], family: str | None = None):
        self._labels[record_id] = label
        for name in [record_id, *names]:
            if name:
                self._keys.setdefault(normalize(name), set()).add(record_id)
        if family:
            self._surnames.setdefault(normalize(family), set()).add(record_id)

    def lookup(self, key: str) -> set[str]:
        return set(self._keys.get(key) or self._surnames.get(key) or ())

    def resolve_all(self, text: str) -> set[str]:
        return self.lookup(normalize(text))

    def resolve(self, text: str) -> str:
        found = self.resolve_all(text)
        if len(found) == 1:
            return next(iter(found))
        if found:
            raise UsageError(
                f"{text!r} is ambiguous: it could be {self.describe(sorted(found))}", self.option
            )
        raise UsageError(self.unknown(text), self.option)

    def describe(self, ids: list[str]) -> str:
        return ", ".join(f"{i} ({self._labels[i]})" if self._labels[i] != i else i for i in ids)

    def unknown(self, text: str) -> str:
        key = normalize(text)
        spellings = {**self._surnames, **self._keys}
        close = difflib.get_close_matches(key, list(spellings), n=8, cutoff=0.6)
        close += [k for k in spellings if key and key in k and k not in close][:8]
        ids = sorted({i for k in close for i in spellings[k]})[:8]
        hint = f"; did you mean {self.describe(ids)}?" if ids else ""
        return f"no {self.what} called {text!r}{hint}"


class ActorResolver(Resolver):
    """Looks names up in the knowledge base's name index, so a query need not decode
    thousands of actor records; builds the full index only to suggest names."""

    def __init__(self, kb: KnowledgeBase):
        super().__init__("actor", "--actor")
        self.kb = kb

    def lookup(self, key: str) -> set[str]:
        return self.kb.actors_named(key) or self.kb.actors_named(key, surname=True)

    def unknown(self, text: str) -> str:
        for actor in self.kb.actors:
            self.add(actor["id"], actor["name"], [actor["name"], *actor["aliases"]],
                     surname(actor))  # fmt: skip
        return super().unknown(text)

    def describe(self, ids: list[str]) -> str:
        self._labels = {a["id"]: a["name"] for a in self.kb.actors}
        return super().describe(ids)


def actor_resolver(kb: KnowledgeBase) -> Resolver:
    return ActorResolver(kb)


def step_resolver(kb: KnowledgeBase) -> Resolver:
    resolver = Resolver("step", "--step")
    for step in kb.steps:
        resolver.add(step["id"], step["label"], [step["label"]])
    return resolver


def source_resolver(kb: KnowledgeBase) -> Resolver:
    """--source matches a source id or an outlet key (which may name several sources)."""
    resolver = Resolver("source", "--source")
    for source in kb.sources:
        resolver.add(source["id"], source["title"], [source["outlet"], source["outlet_name"]])
    return resolver


def resolve_sources(kb: KnowledgeBase, text: str) -> set[str]:
    resolver = source_resolver(kb)
    found = resolver.resolve_all(text)
    if not found:
        raise UsageError(resolver.unknown(text), "--source")
    return found
