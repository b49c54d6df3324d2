"""How names are compared: the one normalization shared by the name index and the
resolvers, so that what the knowledge base stores and what a user types meet.

Matching ignores case, spaces, hyphens, periods and a leading "the": `Kim Jong Un` =
`kim jong-un`, `U.S.` = `US`, `the Trump administration` = `Trump administration`.
"""

from __future__ import annotations

import re

_IGNORED = re.compile(r"[\s.\-\u2010-\u2015\u2212_]+")
# The characters a name is compared without (the report's filter box drops them too).
IGNORED_CHARACTERS = " \t\n\r\f\v.-_\u00a0\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_DROP = str.maketrans(dict.fromkeys(IGNORED_CHARACTERS))


def normalize(text: str) -> str:
    """`The U.S.` -> `us`: case, spaces, hyphens, periods and a leading "the" ignored;
    a curly apostrophe is a straight one."""
    text = text.strip()
    if text[:4].lower() in ("the ", "the\t"):
        text = text[4:]
    key = text.translate(_DROP).replace("\u2019", "'").casefold()
    # Rare whitespace (other Unicode spaces) is dropped too; the table covers the usual.
    return _IGNORED.sub("", key) if not key.isalnum() and any(c.isspace() for c in key) else key


def surname(actor: dict) -> str | None:
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


def spellings(actor: dict) -> list[tuple[tuple, str]]:
    """(place in the record, text) of every name the actor answers to."""
    names = [(("id",), actor["id"]), (("name",), actor["name"])]
    return names + [(("aliases", i), alias) for i, alias in enumerate(actor.get("aliases") or [])]
