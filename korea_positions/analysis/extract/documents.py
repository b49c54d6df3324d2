"""Who issued a document or a statement of state media, for it to speak for them.

An actor in or just before its phrase ("North Korea's statement"), after "by"/"from"
("carried by KCNA"), or for "the statement" the actor that issued the statement named
before, else the state or body that spoke last; a joint statement speaks for no one.
North Korean state media are found with their issuer already (see `phrases`).
"""

from __future__ import annotations

import bisect
import re

from korea_positions.analysis.extract.layout import Layout
from korea_positions.analysis.extract.mentions import Mention

_BY = re.compile(r",?\s+(?:(?:issued|released|carried|published|sent|signed)\s+)?(?:by|from|of)\s+")


def issuer(layout: Layout, m: Mention, last_group: str | None) -> str | None:
    """Who issued the document or media `m` (see the module docstring), given the actor of
    the state or body that spoke last, `last_group`."""
    if m.ids:
        return m.ids[0]
    if "joint" in m.printed.lower():
        return None
    mentions, mention_starts = layout.mentions, layout.mention_starts
    k = bisect.bisect_left(mention_starts, m.start)
    inside = [x for x in mentions[max(0, k - 1) : k + 4] if x.kind == "actor"]
    for x in inside:
        if len(x.ids) == 1 and (
            m.start <= x.start < m.end
            or (x.end <= m.start and x.possessive and m.start - x.end <= 3)
        ):
            return x.ids[0]
    by = _BY.match(layout.masked, m.end)
    if by:
        after = layout.mention_at(by.end(), len(layout.masked))
        if after is not None and len(after.ids) == 1:
            return after.ids[0]
    if m.printed.lower().startswith("the ") and m.kind == "document":
        # "the statement" is the one named before: "X issued a statement. …"
        head = m.printed.split()[-1].lower()
        for earlier in reversed(mentions[:k]):
            if earlier.kind == "document" and earlier.printed.split()[-1].lower() == head:
                if "joint" in earlier.printed.lower():
                    return None
                s_start, _ = layout.sentence_of(earlier.start)
                lo = bisect.bisect_left(mention_starts, s_start)
                for x in mentions[lo:k]:
                    if x.kind == "actor" and len(x.ids) == 1 and x.start < earlier.end:
                        return x.ids[0]
                return None
        return last_group  # what the state or body just said
    return None
