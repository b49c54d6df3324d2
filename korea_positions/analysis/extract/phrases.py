"""The patterns of mentions that are not names, and of a role after a possessive.

North Korean state media such as KCNA (`"media"`, issued by the DPRK actor) and other
state media; a document such as "the joint statement" (`"document"`); "the official"/"the
expert"… pointing back at the last speaker (`"backref"`); an unnamed speaker such as "a
senior official", "analysts" or "the foreign ministry" (`"unnamed"`); he/she
(`"pronoun"`) and they/it (`"plural"`). `ROLE_AFTER` is the role that makes one mention
with an actor's possessive ("Seoul's Unification Ministry").
"""

from __future__ import annotations

import re

from korea_positions.analysis.extract.spans import word_set

MEDIA_DPRK = re.compile(
    r"\b(?:KCNA|Korean\s+Central\s+(?:News\s+Agency|Television)|KCTV|Rodong\s+Sinmun"
    r"|Uriminzokkiri|(?:(?:North\s+Korea|the\s+North|Pyongyang)['\u2019]s|North\s+Korean)"
    r"\s+(?:official\s+|state(?:-run)?\s+|state-controlled\s+)*"
    r"(?:media|news\s+agency|newspaper|television|radio))\b"
)
_MEDIA_OTHER = re.compile(
    r"\b(?:[A-Z][a-z]+\s+)?[Ss]tate(?:-run)?\s+(?:media|television|news\s+agency)\b"
)
_WS = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # a space, or a line break inside a paragraph
_MODIFIER = (
    rf"(?!(?i:the|a|an|this|that|these|such|when|which|who|and|or|but)\b)[\w'\u2019.-]+{_WS}"
)
_DOCUMENT = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Tt]his){_WS}(?:{_MODIFIER}){{0,3}}?"
    r"(?:statement|declaration|communiqu[eé]|letter|report|editorial|commentary|document"
    r"|agreement|resolution|memo|memorandum|dispatch|announcement)\b"
)
_PERSON_NOUNS = (
    r"official|expert|analyst|advis[eo]r|diplomat|spokes(?:man|woman|person)|professor"
    r"|scholar|researcher|envoy|ambassador|minister|negotiator|lawmaker|source|aide|commander"
    r"|general|admiral"
)
PERSON_ROLES = word_set(
    "spokesman spokeswoman spokesperson envoy negotiator official aide adviser advisor "
    "minister ambassador president leader chief"
)
_ROLES = (
    r"(?i:ministry|government|military|army|navy|office|agency|embassy|mission|delegation"
    r"|envoys|negotiators|officials|leadership|media|news\s+agency|spokes(?:man|woman|person)"
    r"|envoy|negotiator|official|aides?|advis[eo]rs?|minister|ambassador|president|leader|chief)"
)
ROLE_AFTER = re.compile(
    rf"['\u2019]s?{_WS}(?:[A-Za-z-]+{_WS}){{0,2}}(?P<role>{_ROLES})\b(?![ \t]+[A-Z])"
)
_ORGANS = re.compile(  # "the foreign ministry", "the South Korean presidential office"
    rf"\b[Tt]he{_WS}(?:{_MODIFIER}){{0,3}}?"
    r"(?:[Mm]inistry|government|agency|military|army|navy|embassy|council|committee"
    r"|[Dd]epartment|office|party|regime|administration|leadership|secretariat|presidency)\b"
)
_BACKREF = re.compile(rf"\b[Tt]he{_WS}(?:{_MODIFIER}){{0,3}}?(?:{_PERSON_NOUNS})\b(?![ \t]+[A-Z])")
_UNNAMED_ONE = re.compile(
    rf"\b(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther|[Ff]ew){_WS}"
    rf"(?:{_MODIFIER}){{0,4}}?(?:(?:{_PERSON_NOUNS})s?|people|observers?|critics?)\b"
)
_GROUP_NOUNS = (
    r"[Oo]fficials|[Aa]nalysts|[Ee]xperts|[Dd]iplomats|[Cc]ritics|[Oo]bservers|[Ll]awmakers"
    r"|others"
)
_UNNAMED_MANY = re.compile(
    r"\b(?:(?!(?:But|And|Or|So|Yet|When|While|If|As|The|Still|Then)\b)"
    rf"[A-Z][\w.'\u2019-]*{_WS}){{0,3}}"
    rf"(?:{_GROUP_NOUNS})\b"
)
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_PLURAL = re.compile(r"\b(?:[Tt]hey|[Ii]t)\b")  # a group, state or body

# Each pattern with the kind of mention it finds, none of them an actor of the call.
PHRASES = (
    (_MEDIA_OTHER, "media"),
    (_DOCUMENT, "document"),
    (_BACKREF, "backref"),
    (_UNNAMED_ONE, "unnamed"),
    (_UNNAMED_MANY, "unnamed"),
    (_ORGANS, "unnamed"),
    (_PRONOUN, "pronoun"),
    (_PLURAL, "plural"),
)
