"""The patterns that find the actors of a call in a text.

An actor is found by its name, its aliases, its id (`cnn` as "CNN", `moon-jae-in` as "Moon
Jae In") and, for a person, by its surname alone or after a title ("Mr.", "Gen.",
"President", "Secretary of State"…). The surname is the `surname` field, else the first
word of a Korean-style name whose given name is hyphenated ("Moon Jae-in" → Moon), else
the last word. A spelled-out name or alias wins over a surname; a surname two people share
("Moon") is kept with both ids, for the attribution to settle from what came before.
Matching allows a hyphen for a space (and the reverse), any case after a hyphen ("Jae-In"),
a line break inside a name, curly for straight apostrophes, and a lower-case first letter
for groups ("critics") and for names that begin with a common word ("the North").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TITLE = (
    r"(?:(?:[Ff]ormer|[Tt]he\s+late)\s+)?(?:"
    r"(?:Mr|Mrs|Ms|Dr|Gen|Lt\.\s*Gen|Maj\.\s*Gen|Brig\.\s*Gen|Col|Adm|Sgt|Capt|Sen|Rep|Gov|Prof"
    r"|Amb|Rev)\.|(?i:(?:vice\s+|deputy\s+|acting\s+)?(?:president|prime\s+minister|premier"
    r"|chairman|chairwoman|secretary\s+of\s+state|secretary[-\s]general|defense\s+secretary"
    r"|secretary|foreign\s+minister|defense\s+minister|unification\s+minister|minister"
    r"|ambassador|general|admiral|senator|representative|governor|professor|supreme\s+leader"
    r"|leader|marshal|king)))"
)
TITLE_BEFORE = re.compile(rf"(?<![\w.]){TITLE}\s+$")
_APOSTROPHE = "['\u2019]"


@dataclass
class ActorIndex:
    """Compiled patterns for the actors of one call."""

    patterns: list[tuple[re.Pattern, str, str, bool]]  # (pattern, id, kind, explicit)
    dprk: str | None  # the actor that North Korean state media speak for

    @classmethod
    def build(cls, actors: list[dict]) -> ActorIndex:
        patterns = []
        dprk = None
        for actor in actors:
            ident, kind = actor["id"], actor.get("kind") or "state"
            forms = [actor.get("name") or "", *(actor.get("aliases") or []), _id_form(ident)]
            if ident == "dprk" or {"North Korea", "DPRK"} & set(forms):
                dprk = dprk or ident
            surname = surname_of(actor) if kind == "person" else None
            seen = set()
            for form, explicit in [*((f, True) for f in forms), (surname, False)]:
                if not form or form in seen:
                    continue
                seen.add(form)
                pattern = re.compile(rf"{_form_pattern(form, kind)}(?![\w\-])")
                patterns.append((pattern, ident, kind, explicit))
        return cls(patterns, dprk)


def surname_of(actor: dict) -> str | None:
    """A person's surname: the `surname` field, else read from the name's form."""
    if actor.get("surname"):
        return actor["surname"]
    words = (actor.get("name") or "").split()
    if len(words) < 2:
        return None
    if len(words) == 2 and "-" in words[1]:  # Moon Jae-in, Kim Jong-un
        return words[0]
    return words[-1]


def _id_form(ident: str) -> str:
    if ident.isalpha() and len(ident) <= 4:
        return ident.upper()  # cnn → CNN, us → US (never the pronoun "us")
    return " ".join(part.capitalize() for part in ident.split("-"))


def _form_pattern(form: str, kind: str) -> str:
    flexible_start = (
        kind in ("group", "organization")
        or form[:1].islower()
        or (form.split()[0] in ("The", "Some"))
    )
    out = []
    for k, piece in enumerate(re.split(r"(\s+|-)", form.strip())):
        if piece.isspace():
            out.append(r"\s+")
        elif piece == "-":
            out.append(r"(?:\s*[-\u2010\u2011]\s*|\s+)")
        elif piece:
            flex = (k == 0 and flexible_start) or (k >= 2 and out[-1].startswith("(?:\\s*["))
            head = piece[0]
            if flex and head.isalpha():
                out.append(f"[{head.upper()}{head.lower()}]")
                piece = piece[1:]
            out.append(re.sub("['\u2019]", lambda _: _APOSTROPHE, re.escape(piece)))
    return "".join(out)
