"""Who said each quotation: rules over the sentence around it and what came before.

Reading goes through the text in order, keeping who spoke last (see `speakers`). For each
quotation, in its sentence (quotations blanked out):

1. A speech verb before the quotation ("X said", "X warned that", "X is insisting that",
   "what X consider"), nearest first: its subject is the speaker. A verb in a clause
   opened by "as" ("as the Post reported") is an aside and is skipped.
2. Else a speech verb after it: the first one when it follows at once (`“…,” he said`,
   `“…,” said Mr. Moon`, `“…?” Moon asked`), else the last one of the sentence
   (`“…” to the proposal, Moon said`).
3. Else "according to X": X.
4. Else whoever spoke last (a quotation that goes on from the one before).

The intermediary (`reported_by`) is, when the speaker came from a verb before the
quotation: the subject of a verb after it (`X insists on “sincerity”, Moon told me`), or of
"according to", or of an earlier verb (`CNN noted that Pyongyang warned …`); and in every
case the person told (`X told South Korean envoys`), unless that is the writer ("told me").
A verb's subject is found by `subjects`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from korea_positions.analysis.extract.layout import Layout
from korea_positions.analysis.extract.spans import Quote
from korea_positions.analysis.extract.speakers import Speaker, State, same
from korea_positions.analysis.extract.subjects import Subjects
from korea_positions.analysis.extract.verbs import Verb, find_verbs


@dataclass(frozen=True)
class Attribution:
    speaker: Speaker | None
    reported_by: Speaker | None
    how: str  # before, after-at-once, after, according, last-here, last, none
    referred: bool = False  # the speaker came by a pronoun or "the official"


class Reader:
    """One pass over a text: its mentions, verbs and sentences, and who spoke last."""

    def __init__(self, layout: Layout):
        self.layout = layout
        self.verbs = find_verbs(layout.masked, layout.mentions)
        self.state = State()
        self.subjects = Subjects(layout, self.state)

    def attribute_all(self) -> list[Attribution]:
        """Who said each quotation, in text order."""
        events = [(v.start, 0, v) for v in self.verbs]
        events += [(q.open_at, 1, q) for q in self.layout.quotes]
        out = []
        for at, _, item in sorted(events, key=lambda e: (e[0], e[1])):
            if isinstance(item, Verb):
                self.state.update(self.subjects.of(item)[0], at)
            else:
                attribution = self.attribute(item)
                self.state.update(attribution.speaker, at)
                if attribution.reported_by and attribution.reported_by.person:
                    self.state.last_person = attribution.reported_by
                out.append(attribution)
        return out

    def attribute(self, q: Quote) -> Attribution:
        subject = self.subjects.of
        s_start, s_end = self.layout.sentence_of(q.open_at)
        before = [v for v in self.verbs if s_start <= v.start < q.open_at and not v.according]
        after = [v for v in self.verbs if q.close_end <= v.start < s_end and not v.according]
        according = [v for v in self.verbs if s_start <= v.start < s_end and v.according]
        by_according = subject(according[0])[0] if according else None
        usable = [k for k, v in enumerate(before) if subject(v)[0] and not subject(v)[1]]
        reported, referred = None, False
        if usable:  # X said (that) “…”; X is insisting on “…”
            verb = before[usable[-1]]
            speaker, _, referred = subject(verb)
            how = "before"
            # who reports it: a verb after it, or one before whose clause holds the verb
            # ("CNN noted that Pyongyang warned …"), not one with a quotation of its own
            own = [q2 for q2 in self.layout.quotes if s_start <= q2.open_at < s_end and q2 != q]
            reporting = [v for v in after if not any(q2.open_at > v.start for q2 in own)]
            earlier = (
                subject(before[k])[0]
                for k in reversed(usable[:-1])
                if not any(before[k].start < q2.open_at < verb.start for q2 in own)
            )
            reported = (
                self.after_subject(q, reporting)[0]
                or by_according
                or next((e for e in earlier if not same(e, speaker)), None)
                or self.subjects.told(verb)
            )
        else:
            speaker, at_once, verb = self.after_subject(q, after)
            if speaker is not None:  # “…,” X said
                how = "after-at-once" if at_once else "after"
                referred = subject(verb)[2]
                reported = by_according or self.subjects.told(verb)
            elif by_according is not None:
                speaker, how = by_according, "according"
            elif self.state.last_any is not None:  # goes on from the last speaker
                paragraph_starts = self.layout.paragraph_starts
                here = bisect.bisect_right(paragraph_starts, q.open_at)
                there = bisect.bisect_right(paragraph_starts, self.state.last_at)
                speaker, how = self.state.last_any, ("last-here" if here == there else "last")
            else:
                how = "none"
        if same(reported, speaker):
            reported = None
        return Attribution(speaker, reported, how, referred)

    def after_subject(
        self, q: Quote, after: list[Verb]
    ) -> tuple[Speaker | None, bool, Verb | None]:
        """The attribution after a quotation: its subject, whether at once, its verb."""
        with_subject = [v for v in after if self.subjects.of(v)[0] is not None]
        if not with_subject:
            return None, False, None
        first = with_subject[0]
        masked = self.layout.masked
        words = masked[q.close_end : first.start].split()
        last = self.layout.text[q.start : q.end].rstrip(" \u2019'")[-1:]
        punctuated = last in (",", ".", "?", "!") or masked[q.close_end : q.close_end + 1] == ","
        at_once = punctuated and len(words) <= 8
        chosen = first if at_once else with_subject[-1]
        return self.subjects.of(chosen)[0], at_once, chosen
