"""The subject of a speech verb: who said it, and who was told.

A verb's subject is the name, pronoun, "the official", "a senior official", document or
group right before it (over "has", "also", "on Monday" and the like; "officials in
Washington said" is the officials; "Mr. Moon and Mr. Kim said" is no one actor; "quoted
Kim as saying" is Kim), or right after it when a name ends there (`said Moon.`, `said one of
the envoys, Chung Eui-yong,`: a single person first; not `said the North had …`), or, when
a comma comes before it, the first name that opens a clause and is followed by a comma
(`Kim Sung-han, a former minister …, said`), or for a participle the clause's subject
(`X echoed it, saying …`). The subject of "according to" is the mention right after it. A
subject in a clause opened by "as" ("as the Post reported") makes the verb an aside.
"""

from __future__ import annotations

import bisect
import re

from korea_positions.analysis.extract.layout import Layout
from korea_positions.analysis.extract.mentions import Mention
from korea_positions.analysis.extract.spans import CLOSING, STRAIGHT
from korea_positions.analysis.extract.speakers import Speaker, State, resolve
from korea_positions.analysis.extract.verbs import (
    AFTER_SUBJECT,
    AUX,
    BLOCKS_INVERSION,
    INVERTIBLE,
    OF,
    QUOTED_AS,
    TELL,
    WHEN,
    Verb,
    word_before,
)

_DETERMINER_AT_END = re.compile(r"(?:^|\s)(?:[Tt]he|[Aa]n?)$")
_CLAUSE_OPENERS = ",;:(\u2014\u2013" + CLOSING + STRAIGHT
_TOLD_NAME = re.compile(r"\s+([A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,3})")


class Subjects:
    """The subjects of a text's speech verbs, each worked out once, when first asked for.

    A subject that is a pronoun or a surname is resolved against `state` as it is then.
    """

    def __init__(self, layout: Layout, state: State):
        self.layout, self.state = layout, state
        self.found: dict[int, tuple[Speaker | None, bool, bool]] = {}

    def of(self, verb: Verb) -> tuple[Speaker | None, bool, bool]:
        """(speaker, in an aside, found by a pronoun) of a verb; worked out once."""
        if verb.start not in self.found:
            mention = self._mention(verb)
            aside = False
            if mention is not None and not verb.according:
                aside = word_before(self.layout.masked, mention.start) == "as"  # as X reported
            speaker = resolve(self.layout, self.state, mention) if mention else None
            pronoun = mention is not None and mention.kind in ("pronoun", "plural", "backref")
            self.found[verb.start] = (speaker, aside, pronoun)
        return self.found[verb.start]

    def told(self, verb: Verb | None) -> Speaker | None:
        """Who was told, as the one who passed the words on ("told South Korean envoys")."""
        if verb is None or verb.word not in TELL:
            return None
        masked = self.layout.masked
        mention = self.layout.mention_at(verb.end, len(masked))
        if mention is not None and mention.kind not in ("pronoun", "plural"):
            return resolve(self.layout, self.state, mention)
        m = _TOLD_NAME.match(masked, verb.end)
        return Speaker(None, " ".join(m.group(1).split())) if m else None

    def _mention(self, verb: Verb) -> Mention | None:
        layout = self.layout
        masked, mentions, mention_starts = layout.masked, layout.mentions, layout.mention_starts
        s_start, s_end = layout.sentence_of(verb.start)
        if verb.according:
            return layout.mention_at(verb.end, s_end)
        seg = s_start
        for q in layout.quotes:
            if s_start <= q.close_end <= verb.start:
                seg = max(seg, q.close_end)
        k = bisect.bisect_left(mention_starts, verb.start) - 1
        if k >= 0:  # right before: "Moon told", "the official said", "X has also said"
            m = mentions[k]
            gap = masked[m.end : verb.start].replace("*", " ").split()
            allowed = AUX | WHEN | (QUOTED_AS if verb.word == "saying" else frozenset())
            if (
                m.start >= seg
                and not m.possessive
                and len(gap) <= 4
                and all(w.lower() in allowed for w in gap)
            ):
                # "officials in Washington said": the subject is before the preposition
                while k > 0 and word_before(masked, m.start) in OF:
                    head = mentions[k - 1]
                    between = masked[head.end : m.start].split()
                    if head.start < seg or len(between) != 1 or head.possessive:
                        break
                    k, m = k - 1, head
                first = mentions[k - 1] if k > 0 else None
                if first and first.start >= seg and masked[first.end : m.start].split() == ["and"]:
                    # "Mr. Moon and Mr. Kim said": both, so no one actor
                    printed = " ".join(masked[first.start : m.end].split())
                    return Mention(first.start, m.end, "unnamed", printed)
                return m
        lead_words = masked[seg : verb.start].replace("*", " ").split()
        while lead_words and lead_words[-1].lower() in AUX:  # "…, has said"
            lead_words.pop()
        lead = " ".join(lead_words)
        if verb.word in INVERTIBLE and (not lead or lead[-1] in _CLAUSE_OPENERS):
            found = self._inverted(verb, s_end)
            if found:
                return found
        if lead.endswith(","):  # "Kim Sung-han, a former minister …, said"
            openers, first = [], None
            for m in mentions[bisect.bisect_left(mention_starts, seg) : k + 1]:
                if m.possessive or m.kind == "plural":
                    continue
                before = _DETERMINER_AT_END.sub(
                    "", masked[seg : m.start].replace("*", " ").rstrip()
                )
                opens = not before or before[-1] in _CLAUSE_OPENERS
                opens = opens or before.endswith((" and", " but"))
                if opens and first is None:
                    first = m
                if (
                    opens
                    and m.kind != "pronoun"
                    and masked[m.end : m.end + 3].lstrip(" *")[:1] == ","
                ):
                    openers.append(m)
            people = [m for m in openers if m.personlike]
            if people or openers:
                return (people or openers)[0]
            if verb.word.endswith("ing"):  # "X echoed it, saying …": the clause's subject
                return first
        return None

    def _inverted(self, verb: Verb, s_end: int) -> Mention | None:
        """The subject after a verb: "said Moon", "said one of the envoys, Chung Eui-yong"."""
        k = bisect.bisect_left(self.layout.mention_starts, verb.end)
        first = None
        for m in self.layout.mentions[k:]:
            if m.start >= s_end:
                break
            words = self.layout.masked[verb.end : m.start].replace(",", " ").split()
            if len(words) > 8 or any(w.lower() in BLOCKS_INVERSION for w in words):
                break
            if m.kind in ("pronoun", "plural"):
                break
            if m.possessive or not self._ends_subject(m, s_end):
                continue  # "said the North had …": the subject of what was said
            if m.personlike:
                return m
            if first is None and len(words) <= 1:
                first = m
        return first

    def _ends_subject(self, m: Mention, s_end: int) -> bool:
        """Whether a name after "said" ends there, as its subject does ("said Moon, who")."""
        rest = self.layout.masked[m.end : s_end].lstrip(" *")
        if not rest or rest[0] in ",.;:!?)\u2014\u2013" + CLOSING + STRAIGHT:
            return True
        return rest.split(None, 1)[0].lower() in AFTER_SUBJECT
