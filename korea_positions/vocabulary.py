"""The closed vocabularies of the knowledge base, shared by the models and the command line
(which must not import pydantic to offer them as choices)."""

from __future__ import annotations

from enum import Enum


class Described:
    """Puts `MEANINGS` into the enum's JSON Schema: a description of the whole and, for
    each value, `enumDescriptions` (what editors show on hover). pydantic calls this only
    when it writes a schema; nothing here imports it."""

    MEANINGS: dict[str, str] = {}

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):
        schema = handler(core_schema)
        target = handler.resolve_ref_schema(schema)
        meanings = [cls.MEANINGS[member.value] for member in cls]  # type: ignore[attr-defined]
        target["description"] = " ".join((cls.__doc__ or "").split())
        target["enumDescriptions"] = meanings
        target["markdownEnumDescriptions"] = meanings
        return schema


class ActorKind(Described, str, Enum):
    """What an actor is: states and organizations are parties; people and groups are the
    voices that speak for them."""

    state = "state"
    organization = "organization"
    person = "person"
    group = "group"


class Stance(Described, str, Enum):
    """What an actor does about a step, as the source reports it."""

    demand = "demand"
    condition = "condition"
    offer = "offer"
    proposal = "proposal"
    support = "support"
    oppose = "oppose"
    warning = "warning"
    assessment = "assessment"
    commitment = "commitment"


ActorKind.MEANINGS = {
    "state": "A country, a party. Example: dprk (North Korea).",
    "organization": "A body that is not a state, a party. Example: unc (the United Nations "
    "Command).",
    "person": "Someone quoted or reported, a voice; speaks_for names the party. Example: "
    "moon-jae-in.",
    "group": "People spoken of together, unnamed, a voice. Example: us-officials (American "
    "officials).",
}
Stance.MEANINGS = {
    "demand": "What the actor insists another party do. Example: the U.S. demands a full "
    "nuclear inventory before a declaration.",
    "condition": "What the actor requires before it acts itself. Example: Pyongyang will "
    "dismantle Yongbyon if Washington takes corresponding measures.",
    "offer": "What the actor says it will do. Example: North Korea offers to close its "
    "missile engine test site.",
    "proposal": "A course the actor puts forward for both sides. Example: Seoul proposes "
    "the declaration and the inventory together.",
    "support": "The actor backs a step without demanding it. Example: China supports an "
    "end-of-war declaration.",
    "oppose": "The actor rejects a step. Example: Washington opposes a declaration before "
    "denuclearization.",
    "warning": "What the actor says will or could happen. Example: an analyst warns that a "
    "declaration could weaken the alliance.",
    "assessment": "The actor's judgment, with no call to act. Example: an analyst judges a "
    "declaration mostly symbolic.",
    "commitment": "A promise the actor has made. Example: Kim commits at Singapore to work "
    "toward denuclearization.",
}
