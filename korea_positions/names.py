"""Resolve what a user types (id, name, alias, surname) to ids.

Matching ignores case, spaces, hyphens, periods and a leading "the": `Kim Jong Un` =
`kim jong-un`, `U.S.` = `US`, `the Trump administration` = `Trump administration`.
"""

from __future__ import annotations

import difflib
import re

from korea_positions.errors import UsageError
from korea_positions.kb import KnowledgeBase, Record

_IGNORED = re.compile(r"[\s.\-\u2010-\u2015\u2212_]+")


_DROP = str.maketrans(dict.fromkeys(" \t\n\r\f\v.-_\u00a0\u2010\u2011\u2012\u2013\u2014\u2015\u2212"))


def normalize(text: str) -> str:
    """`The U.S.` -> `us`: case, spaces, hyphens, periods and a leading "the" ignored;
    a curly apostrophe is a straight one."""
    text = text.strip()
    if text[:4].lower() == "the " or text[:4].lower() == "the\t":
        text = text[4:]
    key = text.translate(_DROP).replace("\u2019", "'").casefold()
    # Rare whitespace (other Unicode spaces) is dropped too; the table covers the usual.
    return _IGNORED.sub("", key) if not key.isalnum() and any(c.isspace() for c in key) else key


def surname(actor: Record) -> str | None:
    """A person's family name: given, or by rule the first word of a Korean-style name
    whose given name is hyphenated (Moon Jae-in), else the last word (Donald Trump)."""
    if actor.get("kind") != "person":
        return None
    if actor.get("surname"):
        return actor["surname"]
    words = actor["name"].split()
    if len(words) < 2:
        return None
    return words[0] if "-" in words[-1] else words[-1]


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

    @property
    def spellings(self) -> dict:
        """Normalized id, name or alias -> the ids it names (surnames aside)."""
        return self._keys

    def to_json(self) -> dict:
        return {"what": self.what, "option": self.option, "labels": self._labels,
                "keys": {k: sorted(v) for k, v in self._keys.items()},
                "surnames": {k: sorted(v) for k, v in self._surnames.items()}}

    @classmethod
    def from_json(cls, data: dict) -> "Resolver":
        resolver = cls(data["what"], data["option"])
        resolver._labels = data["labels"]
        resolver._keys = data["keys"]
        resolver._surnames = data["surnames"]
        return resolver

    def resolve_all(self, text: str) -> set[str]:
        key = normalize(text)
        found = self._keys.get(key) or self._surnames.get(key) or set()
        return set(found)

    def resolve(self, text: str) -> str:
        found = self.resolve_all(text)
        if len(found) == 1:
            return next(iter(found))
        if found:
            raise UsageError(
                f"{text!r} is ambiguous: it could be {self._describe(sorted(found))}",
                self.option,
            )
        raise UsageError(self._unknown(text), self.option)

    def _describe(self, ids: list[str]) -> str:
        return ", ".join(f"{i} ({self._labels[i]})" if self._labels[i] != i else i for i in ids)

    def _unknown(self, text: str) -> str:
        key = normalize(text)
        spellings = {k: ids for k, ids in {**self._surnames, **self._keys}.items()}
        close = difflib.get_close_matches(key, list(spellings), n=8, cutoff=0.6)
        close += [k for k in spellings if key and key in k and k not in close][:8]
        ids = sorted({i for k in close for i in spellings[k]})[:8]
        hint = f"; did you mean {self._describe(ids)}?" if ids else ""
        return f"no {self.what} called {text!r}{hint}"


def actor_resolver(kb: KnowledgeBase) -> Resolver:
    """From the cache when it holds one: normalizing thousands of names costs start-up.
    Built once per knowledge base otherwise: checks, the cache and the query share it."""
    if not kb.actor_names:
        kb.keep("actor_names", actor_index(kb.actors))
    return Resolver.from_json(kb.actor_names)


def actor_index(actors: list[Record]) -> dict:
    """The actor name index (Resolver.to_json) of these actor records."""
    resolver = Resolver("actor", "--actor")
    for actor in actors:
        resolver.add(actor["id"], actor["name"], [actor["name"], *actor["aliases"]], surname(actor))
    return resolver.to_json()


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
        raise UsageError(resolver._unknown(text), "--source")
    return found
