"""Who is named where in a text: actors, other names, and the phrases of `phrases`.

Actors are found by the patterns of `actors`, a title before a person's name belonging to
the mention ("President Moon", "former President Park", not "press secretary Sanders").
A name followed by another capitalized word is part of a longer name ("Washington" of
"Washington Post"), and so is a surname after one ("Kim" of "Sung Kim"). Capitalized names
that are not actors are mentions of `kind="name"` ("John Smith", "Mr. Park"): a single
person when it has a title, or two words or more the first of which is not all capitals,
unless a word says it is an organization or a place ("Korea University", "Washington
Post"); a single word is a person once a person of that surname has been named. Which of
overlapping mentions stands is settled by `mentions`.
"""

from __future__ import annotations

import re

from korea_positions.analysis.extract.actors import TITLE, TITLE_BEFORE, ActorIndex, surname_of
from korea_positions.analysis.extract.mentions import (
    Mention,
    choose,
    mention,
    possessive_at,
    with_roles,
)
from korea_positions.analysis.extract.phrases import MEDIA_DPRK, PHRASES
from korea_positions.analysis.extract.spans import word_set

_NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w'\u2019-]*)")
_PREVIOUS_WORD = re.compile(r"([A-Z][\w.-]*)[ \t]+$")  # not a possessive: "Korea's Moon"
_WORD = r"(?:[A-Z][\w'\u2019-]*[a-z][\w'\u2019-]*|[A-Z]\.|[A-Z]{2,})"
_NAME = re.compile(rf"(?<![\w.])(?:{TITLE}\s+)?{_WORD}(?:(?:[ \t]+|[ \t]*\n[ \t]*){_WORD}){{0,3}}")
_STOP = word_set(
    "the a an but and or in on at for when if as after before since while although though "
    "then this that these those it he she they we i our his her their its what why how where "
    "who yes no now still even some many such there here instead initially over under with "
    "from by to of not only once first last next another other every each both either more "
    "most press reports monday tuesday wednesday thursday friday saturday sunday january "
    "february march april may june july august september october november december "
    "meanwhile however moreover furthermore nonetheless nevertheless indeed also later "
    "earlier today yesterday tonight tomorrow asked speaking despite during until unlike "
    "like because so yet thus therefore besides already officials others everyone nobody "
    "none all any several few whether amid following according mr mrs ms dr"
)
_ORG_WORDS = word_set(
    "university institute institution center centre agency ministry command forces nations "
    "assembly council committee party times post news journal department house office bank "
    "foundation association studies service army navy force corporation company group court "
    "congress senate parliament government administration union organization republic "
    "kingdom states korea korean china chinese japan japanese american peninsula sea war "
    "zone line declaration agreement summit york"
)


def find_mentions(masked: str, index: ActorIndex) -> list[Mention]:
    """Every mention in `masked` (quotations blanked out), in text order, none overlapping."""
    found: list[Mention] = []
    for pattern, ident, kind, explicit in index.patterns:
        for m in pattern.finditer(masked):
            start = m.start()
            if start and (masked[start - 1].isalnum() or masked[start - 1] in "_.-"):
                continue
            title = None
            if kind == "person":  # a title before the name belongs to the mention
                title = TITLE_BEFORE.search(masked, max(0, start - 40), start)
                capital = re.search(r"[A-Z]", title.group(0)) if title else None
                if capital:  # "(former) President Park", not "press secretary Sanders"
                    start = title.start() + capital.start()
            if _in_longer_name(masked, start, m.end(), before=not explicit and not title):
                continue  # "Kim" of "Kim Yong-chol", "Washington" of "Washington Post"
            found.append(mention(masked, start, m.end(), "actor", ident, kind, explicit))
    for m in MEDIA_DPRK.finditer(masked):
        found.append(mention(masked, m.start(), m.end(), "media", index.dprk, None, True))
    for regex, kind in PHRASES:
        for m in regex.finditer(masked):
            found.append(mention(masked, m.start(), m.end(), kind, None, None, True))
    chosen = with_roles(masked, choose(found))
    return sorted(chosen + _other_names(masked, chosen), key=lambda m: m.start)


def _in_longer_name(masked: str, start: int, end: int, before: bool) -> bool:
    """Whether a capitalized word follows (or, for a surname, comes before) a name."""
    after = _NEXT_WORD.match(masked, end)
    if after and after.group(1).lower() not in _STOP:
        return True
    previous = _PREVIOUS_WORD.search(masked, max(0, start - 30), start) if before else None
    return bool(previous and previous.group(1).lower().strip(".") not in _STOP)


def _other_names(masked: str, taken: list[Mention]) -> list[Mention]:
    """Capitalized names that are not actors: "John Smith", "Mr. Park", "Smith" once named."""
    busy = bytearray(len(masked) + 1)
    for m in taken:
        busy[m.start : m.end] = b"\x01" * (m.end - m.start)
    names, surnames = [], set()
    for m in _NAME.finditer(masked):
        title = re.match(rf"{TITLE}\s+", m.group(0))
        skip = title.end() if title else 0
        words = [
            (m.start() + skip + w.start(), m.start() + skip + w.end(), w.group(0))
            for w in re.finditer(r"\S+", m.group(0)[skip:])
        ]
        while not title and words and words[0][2].lower().strip(".") in _STOP:
            words.pop(0)
        while words and words[-1][2].lower() in _STOP:
            words.pop()
        if not words:
            continue
        capital = re.search(r"[A-Z]", title.group(0)) if title else None
        start, end = (m.start() + capital.start() if capital else words[0][0]), words[-1][1]
        if any(busy[start:end]):
            continue
        tokens = [w[2] for w in words]
        organized = any(t.lower().rstrip("s").rstrip("'\u2019") in _ORG_WORDS for t in tokens)
        organized = organized or any(t.lower() in _ORG_WORDS for t in tokens)
        personlike = not organized and (
            title is not None or (len(tokens) >= 2 and not tokens[0].isupper())
        )
        if personlike and len(tokens) >= 2:
            surnames.add(surname_of({"name": " ".join(tokens)}))
        personlike = personlike or (len(tokens) == 1 and tokens[0] in surnames)
        printed = " ".join(masked[start:end].split())
        names.append(
            Mention(
                start,
                end,
                "name",
                printed,
                (),
                None,
                personlike,
                possessive_at(masked, end),
                True,
            )
        )
    return names
