"""The closed vocabularies of the knowledge base, shared by the models and the command line
(which must not import pydantic to offer them as choices)."""

from __future__ import annotations

from enum import Enum


class ActorKind(str, Enum):
    state = "state"
    organization = "organization"
    person = "person"
    group = "group"


class Stance(str, Enum):
    demand = "demand"
    condition = "condition"
    offer = "offer"
    proposal = "proposal"
    support = "support"
    oppose = "oppose"
    warning = "warning"
    assessment = "assessment"
    commitment = "commitment"
