"""A mention of someone in a text, and which of overlapping mentions stands.

Where mentions overlap the longest wins; a tie goes to an actor, then to state media, a
document, "the official", an unnamed speaker, another name and a pronoun, in that order,
and among actors to a name spelled out over a surname alone. An actor wins a phrase it
ends ("the Trump administration"). An actor's possessive and a role make one mention:
"Seoul's Unification Ministry" is South Korea, "Mr. Moon's spokesman" is unnamed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from korea_positions.analysis.extract.phrases import PERSON_ROLES, ROLE_AFTER

_POSSESSIVE = re.compile(r"['\u2019]s?(?![\w])")

_KNOWN, _MEDIA, _DOCUMENT, _BACKREF, _UNNAMED, _NAME, _PRONOUN = range(7)
_PRIORITY = {
    "actor": _KNOWN,
    "media": _MEDIA,
    "document": _DOCUMENT,
    "backref": _BACKREF,
    "unnamed": _UNNAMED,
    "name": _NAME,
    "pronoun": _PRONOUN,
    "plural": _PRONOUN,
}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    kind: str  # actor, name, pronoun, plural, backref, unnamed, document, media
    printed: str  # as printed, runs of whitespace made one space
    ids: tuple[str, ...] = ()  # actor ids; several when a shared surname
    actor_kind: str | None = None  # person, state, organization, group
    personlike: bool = False  # a single person (known, or by title or form)
    possessive: bool = False
    explicit: bool = True  # found by a name or alias, not by a surname alone


def possessive_at(masked: str, end: int) -> bool:
    """Whether a possessive ("'s", "’") follows a mention that ends at `end`."""
    return _POSSESSIVE.match(masked, end) is not None


def mention(masked, start, end, kind, ident, actor_kind, explicit) -> Mention:
    """The mention of `masked[start:end]`: an actor `ident` of `actor_kind`, or another kind."""
    printed = " ".join(masked[start:end].split())
    personlike = actor_kind == "person" or (
        kind == "unnamed" and re.match(r"(?i)(?:an?|one)\s", printed) is not None
    )
    return Mention(
        start,
        end,
        kind,
        printed,
        (ident,) if ident else (),
        actor_kind,
        personlike,
        possessive_at(masked, end),
        explicit,
    )


def choose(found: list[Mention]) -> list[Mention]:
    """Longest first, non-overlapping; a tie goes to actors, then to explicit names."""
    # an actor ends a longer phrase: "the Trump administration" is the actor
    actor_ends = {m.end: m.start for m in found if m.kind == "actor"}
    found = [
        m
        for m in found
        if m.kind == "actor" or not (m.end in actor_ends and actor_ends[m.end] > m.start)
    ]
    by_span: dict[tuple[int, int], list[Mention]] = {}
    for m in found:
        by_span.setdefault((m.start, m.end), []).append(m)
    merged = []
    for (start, end), group in by_span.items():
        best = min(_PRIORITY[m.kind] for m in group)
        group = [m for m in group if _PRIORITY[m.kind] == best]
        if any(m.explicit for m in group):
            group = [m for m in group if m.explicit]
        ids = tuple(dict.fromkeys(i for m in group for i in m.ids))
        first = group[0]
        merged.append(
            Mention(
                start,
                end,
                first.kind,
                first.printed,
                ids,
                first.actor_kind,
                first.personlike,
                first.possessive,
                first.explicit,
            )
        )
    merged.sort(key=lambda m: (-(m.end - m.start), _PRIORITY[m.kind], m.start))
    taken = bytearray(max((m.end for m in merged), default=0) + 1)
    chosen = []
    for m in merged:
        if not any(taken[m.start : m.end]):
            chosen.append(m)
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    return sorted(chosen, key=lambda m: m.start)


def with_roles(masked: str, chosen: list[Mention]) -> list[Mention]:
    """An actor's possessive and a role make one mention: "Seoul's Unification Ministry"."""
    out, skip_to = [], -1
    for m in chosen:
        if m.start < skip_to:
            continue
        role = ROLE_AFTER.match(masked, m.end) if m.possessive and m.kind == "actor" else None
        if role is None:
            out.append(m)
            continue
        single = role.group("role").lower() in PERSON_ROLES
        if m.actor_kind == "person":  # "Mr. Moon's spokesman": the words are not Moon's
            kind, ids, actor_kind = "unnamed", (), None
        else:
            kind, ids, actor_kind = "actor", m.ids, m.actor_kind
        out.append(
            Mention(
                m.start,
                role.end(),
                kind,
                " ".join(masked[m.start : role.end()].split()),
                ids,
                actor_kind,
                single,
                possessive_at(masked, role.end()),
                m.explicit,
            )
        )
        skip_to = role.end()
    return out
