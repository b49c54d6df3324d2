"""What each field of the knowledge base files means, with an example: the descriptions the
JSON Schemas carry, so that an editor shows them on hover. `describe` puts them into a
model's schema (the models' `json_schema_extra`); a test checks that none is missing."""

from __future__ import annotations

FIELDS: dict[str, dict[str, str]] = {
    "SourceCard": {
        "id": "The source's id, used by its data file and every quote and position from it. "
        "Example: nyt-2018-09-17 (outlet key and date).",
        "outlet": "Short key of the outlet, shared by all its sources; `--source` takes it. "
        "Example: nyt.",
        "outlet_name": "The outlet's name as it prints it. Example: The New York Times.",
        "title": "The article's headline, as printed. Example: North and South Korea Push to "
        "End Korean War, but U.S. Remains Wary.",
        "authors": "The bylines, each a name as printed. Example: [Choe Sang-Hun].",
        "published": "The day it was published, YYYY-MM-DD (the date positions default to). "
        "Example: 2018-09-17.",
        "date_inferred": "True when the text prints no date and `published` was inferred from "
        "what it says. Example: true.",
        "note": "Anything a reader of the card should know, in our words. Example: Dated by "
        "Moon's Pyongyang visit, 'Tuesday'.",
        "url": "Where the article was published. Example: https://www.nytimes.com/2018/09/17/"
        "world/asia/north-south-korea-war.html.",
        "text": "File name of the article's text (no directory), looked up by `kpos verify` "
        "and `kpos extract` in --texts, KPOS_TEXTS, then texts/. Example: nyt-2018-09-17.txt.",
        "sha256": "The sha256 of the text file, as sha256sum prints it, proving which text the "
        "quotes come from; `kpos add source --update ID` refreshes it. Example: 2e6d254c…",
    },
    "Codes": {
        "cameo": "The actor's CAMEO code, for event data. Example: PRK.",
        "plover": "The actor's PLOVER code. Example: PRK.",
        "wikidata": "The actor's Wikidata id: Q and digits. Example: Q423 (North Korea).",
    },
    "Actor": {
        "id": "The actor's id, used wherever a file names it. Example: moon-jae-in.",
        "name": "The name most sources print. Example: Moon Jae-in.",
        "kind": "What the actor is: state or organization (a party), person or group (a "
        "voice). Example: person.",
        "aliases": "Every other spelling a reader might type or a source print: other "
        "romanizations, abbreviations, titles. Example: [Moon Jae In, President Moon].",
        "surname": "The family name, when it is neither the name's first word (Moon Jae-in) "
        "nor its last (Donald Trump). Example: Xi.",
        "speaks_for": "The actor or actors this person or group speaks for: one id or a list; "
        "their positions count for those parties. Example: rok, or [us, unc].",
        "roles": "Titles held as of the sources' dates. Example: [President of South Korea].",
        "codes": "Identifiers in other datasets. Example: {cameo: PRK, wikidata: Q423}.",
    },
    "Step": {
        "id": "The step's id, used by positions and quotes. Example: end-of-war-declaration.",
        "label": "What the step is, in a few words. Example: A political declaration ending "
        "the Korean War.",
        "by": "The actors who would take the step. Example: [us, dprk, rok, china].",
        "part_of": "The larger step this one belongs to; an order on the whole applies to "
        "its parts. Example: denuclearization (for nuclear-inventory).",
    },
    "Order": {
        "before": "Steps this position's step must come before, in the actor's view. "
        "Example: step nuclear-inventory, before: [end-of-war-declaration] (inventory first).",
        "after": "Steps that must come first, before this position's step. Example: step "
        "sanctions-relief, after: [denuclearization].",
        "together": "Steps to be taken at the same time as this one. Example: step "
        "end-of-war-declaration, together: [nuclear-inventory].",
    },
    "Quote": {
        "id": "The quote's id, used by positions. Example: nyt-kim-simultaneous.",
        "speaker": "The actor the source names as saying it (an unnamed group, or the "
        "document's issuer, when it names no one). Example: kim-jong-un.",
        "reported_by": "Who relayed the words, when the source did not hear them itself. "
        "Example: south-korean-envoys.",
        "text": "The exact words between the quotation marks, [insertions] and ellipses "
        "kept, a trailing comma or full stop of the reporter's sentence left out. Example: "
        "simultaneous.",
        "about": "The steps the words are about. Example: [end-of-war-declaration].",
        "cut": "True when the source cuts the quotation off before it ends. Example: true.",
    },
    "Position": {
        "id": "The position's id. Example: nyt-us-inventory-first.",
        "actor": "The party (or voice) whose position it is. Example: us.",
        "stated_by": "The person who voiced it for the actor. Example: mike-pompeo.",
        "reported_by": "Who relayed it, when the source learned it second-hand. Example: "
        "moon-chung-in.",
        "stance": "What the actor does about the step: demand, condition, offer, proposal, "
        "support, oppose, warning, assessment or commitment. Example: demand.",
        "step": "The step the position is about. Example: nuclear-inventory.",
        "order": "Where the step falls among other steps, for this actor: before, after or "
        "together with them. Example: {before: [end-of-war-declaration]}.",
        "summary": "The position in our own words, one sentence. Example: Washington wants "
        "a full nuclear inventory before any declaration.",
        "quotes": "The quotes of this source that show the position. Example: "
        "[nyt-us-concrete-steps].",
        "date": "When the actor stated or held it, as precisely as the source allows "
        "(default: the source's date): YYYY, YYYY-MM or YYYY-MM-DD, ~ for approximate, "
        "START/END for an interval. Example: 2018-06, or /2018-09-17 (up to that day).",
        "hedge": "The source's words that qualify the stance, verbatim, when it is not firm. "
        "Example: may also want.",
        "supersedes": "Earlier positions of the actor that this one replaces: the later word "
        "wins. Example: [atl-rok-panmunjom-vow].",
    },
    "ActorsFile": {"actors": "Every actor: parties first, then the people and groups."},
    "StepsFile": {"steps": "Every step that can be sequenced."},
    "SourceDataFile": {
        "source": "The id of the source whose card is in seeds/. Example: nyt-2018-09-17.",
        "quotes": "The source's quotations, verbatim; `kpos extract ID --format yaml` drafts them.",
        "positions": "The positions the source reports, each one actor's stance on a step.",
    },
}


def describe(schema: dict, model) -> None:
    """Give each property of a model's schema its description (json_schema_extra)."""
    described = FIELDS.get(model.__name__, {})
    for name, prop in schema.get("properties", {}).items():
        if name in described:
            prop["description"] = described[name]
