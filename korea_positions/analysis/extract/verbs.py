"""Speech verbs: which words attribute a quotation, and where they are in a text.

`find_verbs` finds the speech verbs ("said", "told", "warned", "insisting", "called"…) and
"according to" outside quotations and names, leaving out passives ("was told", "when
asked") and infinitives ("declined to say"). The word lists here also say what may stand
between a subject and its verb ("has also said", "on Monday said"), and what follows a
subject placed after its verb ("said Moon, who…").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from korea_positions.analysis.extract.mentions import Mention
from korea_positions.analysis.extract.spans import CLOSING, OPENING, STRAIGHT, word_set

_SAY = (
    "say says said saying tell tells told telling add adds added adding ask asks asked "
    "note notes noted noting write writes wrote writing stated explain explains "
    "explained explaining insist insists insisted insisting argue argues argued arguing "
    "acknowledge acknowledges acknowledged acknowledging admit admits admitted observe "
    "observes observed warn warns warned warning caution cautions cautioned replied replies "
    "responded recall recalls recalled stress stresses stressed emphasize emphasizes "
    "emphasized suggest suggests suggested predict predicts predicted declared announced "
    "announces claim claims claimed contend contends contended complain complains "
    "complained describe describes described characterize characterizes characterized urge "
    "urges urged believe believes believed consider considers considered think thinks "
    "reported reports quipped tweeted remarked concede concedes conceded countered "
    "maintain maintains maintained assert asserts asserted reiterated lamented continued "
    "concluded wondered quoted called calls calling denounced denounces dismissed dismisses "
    "criticized criticizes praised praises hailed hails accused accuses labeled branded "
    "condemned condemns agreed"
)
VERBS = word_set(_SAY)
# Verbs that can come before their subject: "…,” said Mr. Moon.
INVERTIBLE = word_set(
    "said says asked added noted wrote explained insisted argued acknowledged admitted "
    "observed warned cautioned replied recalled stressed suggested declared continued "
    "concluded countered wondered"
)
TELL = frozenset(("tell", "tells", "told", "telling"))
AUX = word_set(
    "has have had is are was were also later then recently previously repeatedly once "
    "often publicly privately earlier already long would will may might could can did does "
    "do not never only still further even again separately subsequently initially first "
    "reportedly now too herself himself themselves itself"
)
# Between a subject and its verb: "X on Monday said", "X, in a statement, said" is a comma.
WHEN = word_set(
    "on in at last this week month year monday tuesday wednesday thursday friday saturday "
    "sunday today yesterday tonight morning afternoon evening"
)
AFTER_SUBJECT = word_set(
    "in at on during after before from who whose through when while last this according "
    "adding noting referring speaking told"
)
OF = word_set("in at of from for with on by to")
QUOTED_AS = word_set("as quoted")  # "KCNA quoted Kim as saying", "Kim was quoted as saying"
_PASSIVE_BEFORE = word_set("be been being is are was were when if unless once as to")
BLOCKS_INVERSION = word_set(
    "that he she they it we i who which was were is are will would had has have"
)
_VERB = re.compile(r"\b(?:" + "|".join(sorted(VERBS, key=len, reverse=True)) + r")\b")
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+")
_QUOTE_MARKS = OPENING + CLOSING + STRAIGHT


@dataclass(frozen=True)
class Verb:
    start: int
    end: int
    word: str
    according: bool = False  # "according to": its subject follows


def word_before(text: str, at: int) -> str:
    """The word before `at`, in lower case, italics marks left out."""
    words = text[max(0, at - 12) : at].replace("*", " ").split()
    return words[-1].lower() if words else ""


def attribution_follows(masked: str, at: int) -> bool:
    """Whether an attribution follows a quotation that ended a sentence: “…?” Moon asked.

    A speech verb (not a participle) or "according to" within the next 6 words.
    """
    ahead = re.split(f"[{_QUOTE_MARKS}]", masked[at : at + 100])[0].split()[:6]
    ahead = [w.strip(".,;:*") for w in ahead]
    return any(w in VERBS and not w.endswith("ing") for w in ahead) or "according" in ahead


def find_verbs(masked: str, mentions: list[Mention]) -> list[Verb]:
    """Speech verbs outside quotations and names, passives and infinitives left out."""
    busy = bytearray(len(masked) + 1)
    for m in mentions:
        busy[m.start : m.end] = b"\x01" * (m.end - m.start)
    verbs = []
    for m in _VERB.finditer(masked):
        if busy[m.start()]:
            continue
        word = m.group(0)
        previous = masked[max(0, m.start() - 12) : m.start()].split()[-1:]
        if previous and previous[0].lower() in _PASSIVE_BEFORE and not word.endswith("ing"):
            continue
        verbs.append(Verb(m.start(), m.end(), word))
    for m in _ACCORDING.finditer(masked):
        verbs.append(Verb(m.start(), m.end(), "according to", according=True))
    return sorted(verbs, key=lambda v: v.start)
