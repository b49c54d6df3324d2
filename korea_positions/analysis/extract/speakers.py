"""Who spoke last, and the speaker a mention names given that.

An actor's name is that actor; a surname two actors share is the one of them who spoke
most recently, else the one last named in full. He/she is the first person named earlier
in the sentence, else the last person who spoke; "the official"/"the expert" is the last
person who spoke; "they"/"it" is the last group, state or organization that spoke. A
document or state media speak for their issuer (see `documents`). Anyone else is a speaker
by the name as printed ("a senior official", "John Smith"), not an actor.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from korea_positions.analysis.extract.documents import issuer
from korea_positions.analysis.extract.layout import Layout
from korea_positions.analysis.extract.mentions import Mention


@dataclass(frozen=True)
class Speaker:
    actor: str | None
    name: str | None
    person: bool = False
    ambiguous: bool = False  # a surname two actors share, settled by what came before


def same(a: Speaker | None, b: Speaker | None) -> bool:
    """Whether two speakers are the same actor, or have the same name when not actors."""
    return a is not None and b is not None and (a.actor or a.name) == (b.actor or b.name)


@dataclass
class State:
    """Who spoke last: anyone, a single person, a group, state or body; the actors in order."""

    last_any: Speaker | None = None
    last_person: Speaker | None = None
    last_group: Speaker | None = None
    last_at: int = -1
    recent: list[str] = field(default_factory=list)

    def update(self, speaker: Speaker | None, at: int) -> None:
        if speaker is None:
            return
        self.last_any, self.last_at = speaker, at
        if speaker.person:
            self.last_person = speaker
        else:
            self.last_group = speaker
        if speaker.actor:
            self.recent.append(speaker.actor)


def resolve(layout: Layout, state: State, m: Mention) -> Speaker | None:
    """The speaker a mention names, given what came before it."""
    mentions, mention_starts = layout.mentions, layout.mention_starts
    if m.kind == "actor":
        person = m.personlike
        if len(m.ids) == 1:
            return Speaker(m.ids[0], m.printed, person)
        for ident in reversed(state.recent):
            if ident in m.ids:
                return Speaker(ident, m.printed, person, ambiguous=True)
        k = bisect.bisect_left(mention_starts, m.start)
        for earlier in reversed(mentions[:k]):
            if len(earlier.ids) == 1 and earlier.ids[0] in m.ids:
                return Speaker(earlier.ids[0], m.printed, person, ambiguous=True)
        return Speaker(None, m.printed, person)
    if m.kind == "pronoun":
        s_start, _ = layout.sentence_of(m.start)
        lo = bisect.bisect_left(mention_starts, s_start)
        hi = bisect.bisect_left(mention_starts, m.start)
        for earlier in mentions[lo:hi]:
            named = earlier.kind in ("actor", "name")
            if named and earlier.personlike and not earlier.possessive:
                return resolve(layout, state, earlier)
        return state.last_person
    if m.kind == "backref":
        return state.last_person
    if m.kind == "plural":
        return state.last_group
    if m.kind in ("document", "media"):
        last_group = state.last_group.actor if state.last_group is not None else None
        return Speaker(issuer(layout, m, last_group), m.printed)
    return Speaker(None, m.printed, m.personlike)
