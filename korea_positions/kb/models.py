"""The schema of the knowledge base files, as pydantic models.

Every class forbids unknown fields, so a typo in a field name is an error, not a silently
ignored value. These models validate files; queries work on the plain records they produce
(see records.py), so the query path never needs pydantic.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Optional

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

from korea_positions.kb import dates
from korea_positions.kb.descriptions import describe
from korea_positions.vocabulary import ActorKind, Stance

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SHA256 = r"^[0-9a-f]{64}$"
# A bare file name: `kpos verify --texts DIR` must read only inside DIR.
FILE_NAME = (
    r"^(?:[^/\\\x00.][^/\\\x00]{0,254}|\.[^/\\\x00.][^/\\\x00]{0,253}|\.\.[^/\\\x00]{1,253})$"
)
WIKIDATA = r"^Q[0-9]+$"
# What each pattern allows, in words: a message never shows a regular expression.
PATTERN_WORDS = {
    SLUG: "an id: lowercase letters a-z and digits, words joined by single hyphens, such as "
    "peace-treaty",
    SHA256: "the text's sha256: 64 characters 0-9 and a-f, as sha256sum prints it "
    "(`kpos add source --update ID` writes it)",
    FILE_NAME: "a bare file name, without a directory, looked up in the texts directory",
    WIKIDATA: "a Wikidata id: Q followed by digits, such as Q423",
}

Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG, max_length=80),
    Field(description="A short lowercase id: letters, digits and single hyphens."),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=10_000)]
Sha256 = Annotated[str, StringConstraints(pattern=SHA256)]
FileName = Annotated[str, StringConstraints(pattern=FILE_NAME)]


def _date(text: str) -> str:
    dates.parse(text)  # raises ValueError saying which forms are allowed
    return text


def _listed(value):
    """A single value where a list is expected: a list of one (`speaks_for: us`)."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else value


PartialDate = Annotated[
    str,
    AfterValidator(_date),
    Field(
        description="When: YYYY, YYYY-MM or YYYY-MM-DD, optionally ending in ~ (approximate), "
        "or an interval START/END with either side empty (/2018-09-17: up to that day)."
    ),
]


class Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, defer_build=True, json_schema_extra=describe
    )


class SourceCard(Strict):
    """One source document (seeds/*.yaml)."""

    id: Slug
    outlet: Slug = Field(description="Short outlet key such as nyt or atlantic.")
    outlet_name: Text
    title: Text
    authors: list[Text] = Field(default_factory=list)
    published: dt.date
    date_inferred: bool = Field(False, description="True when the text prints no date.")
    note: Optional[Text] = None
    url: Optional[Text] = None
    text: FileName = Field(
        description="File name of the source text (no directory), for `kpos verify --texts DIR`."
    )
    sha256: Sha256


class Codes(Strict):
    """External identifiers for joining other datasets."""

    cameo: Optional[Text] = None
    plover: Optional[Text] = None
    wikidata: Optional[Annotated[str, StringConstraints(pattern=WIKIDATA)]] = None


class Actor(Strict):
    """A state, organization, person or group (data/actors.yaml)."""

    id: Slug
    name: Text
    kind: ActorKind
    aliases: list[Text] = Field(default_factory=list)
    surname: Optional[Text] = Field(
        None, description="Family name, when it is not the name's first or last word by rule."
    )
    speaks_for: Annotated[list[Slug], BeforeValidator(_listed)] = Field(
        default_factory=list,
        description="The actors this person or group speaks for: one id or a list of ids.",
    )
    roles: list[Text] = Field(default_factory=list)
    codes: Optional[Codes] = None


class Step(Strict):
    """An agenda item that can be sequenced (data/steps.yaml)."""

    id: Slug
    label: Text
    by: list[Slug] = Field(default_factory=list)
    part_of: Optional[Slug] = None


class Order(Strict):
    """Where the position's step falls relative to other steps, in the actor's view."""

    before: list[Slug] = Field(default_factory=list)
    after: list[Slug] = Field(default_factory=list)
    together: list[Slug] = Field(default_factory=list)


class Quote(Strict):
    """A passage of the source, verbatim, and who said it."""

    id: Slug
    speaker: Slug
    reported_by: Optional[Slug] = None
    text: Text
    about: list[Slug] = Field(default_factory=list)
    cut: bool = Field(False, description="True when the source text cuts the quotation off.")


class Position(Strict):
    """One actor's stance on a step, as one source reports it."""

    id: Slug
    actor: Slug
    stated_by: Optional[Slug] = None
    reported_by: Optional[Slug] = None
    stance: Stance
    step: Slug
    order: Optional[Order] = None
    summary: Text
    quotes: list[Slug] = Field(default_factory=list)
    date: Optional[PartialDate] = None
    hedge: Optional[Text] = Field(
        None,
        description="The source's words that qualify the stance (perhaps, might, expected, "
        "for example), verbatim; none when the stance is firm.",
    )
    supersedes: list[Slug] = Field(
        default_factory=list, description="Earlier positions this one replaces."
    )


class ActorsFile(Strict):
    """data/actors.yaml"""

    actors: list[Actor]


class StepsFile(Strict):
    """data/steps.yaml"""

    steps: list[Step]


class SourceDataFile(Strict):
    """data/sources/<source-id>.yaml: one source's quotes and positions."""

    source: Slug
    quotes: list[Quote] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)


FILE_MODELS: dict[str, type[Strict]] = {
    "source-card": SourceCard,
    "actors": ActorsFile,
    "steps": StepsFile,
    "source-data": SourceDataFile,
}
