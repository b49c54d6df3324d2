"""Loading and checking a knowledge base: one broken copy per kind of defect, each
asserting the file and line reported."""

from __future__ import annotations

import pytest
from conftest import MINI, edit, line_of

from korea_positions.errors import InvalidKnowledgeBase
from korea_positions.kb.cache import load_uncached as load


def problems_of(root):
    with pytest.raises(InvalidKnowledgeBase) as info:
        load(root)
    return info.value.problems


def test_mini_loads_with_defaults_filled():
    kb = load(MINI)
    assert kb.counts() == {"sources": 2, "actors": 7, "steps": 3, "positions": 3, "quotes": 4}
    position = kb.position_by_id["alpha-us-inventory-first"]
    assert position["date"] == "2018-01-02"  # the source's date
    assert position["before"] == ["declaration"] and position["after"] == []
    assert kb.quote_by_id["beta-simultaneously"]["source"] == "beta-2018-03-04"
    assert kb.members("us") == {"us", "ann-example"}


# (file, text to replace, replacement, line marker, expected message fragment)
DEFECTS = {
    "unknown field": (
        "data/actors.yaml",
        '    roles: ["envoy"]',
        '    roles: ["envoy"]\n    role: envoy',
        "role: envoy",
        "unknown field 'role'",
    ),
    "wrong type": (
        "data/steps.yaml",
        "    by: [dprk]",
        "    by: {dprk: yes}",
        "by: {dprk",
        "by: Input should be a valid list",
    ),
    "bad enum": (
        "data/sources/alpha.yaml",
        "stance: demand",
        "stance: demands",
        "stance: demands",
        "stance: Input should be",
    ),
    "missing field": (
        "data/sources/beta.yaml",
        '    summary: "Seoul proposes',
        '    note: "Seoul proposes',
        "note: ",
        "unknown field 'note'",
    ),
    "bad slug": (
        "data/steps.yaml",
        "id: treaty",
        "id: Peace Treaty",
        "id: Peace Treaty",
        "id: should be an id: lowercase letters a-z and digits",
    ),
    "bad date": (
        "seeds/alpha.yaml",
        "published: 2018-01-02",
        "published: 2018-13-02",
        "published:",
        "published: Input should be a valid date",
    ),
    "duplicate id": (
        "data/steps.yaml",
        "id: treaty",
        "id: inventory",
        ("id: inventory", 2),
        "duplicate step id 'inventory'",
    ),
    "unknown actor": (
        "data/sources/alpha.yaml",
        "actor: dprk",
        "actor: dprkk",
        "actor: dprkk",
        "unknown actor 'dprkk'",
    ),
    "unknown speaks_for": (
        "data/actors.yaml",
        "speaks_for: rok",
        "speaks_for: korea",
        "speaks_for: korea",
        "unknown actor 'korea'",
    ),
    "unknown order step": (
        "data/sources/beta.yaml",
        "together: [inventory]",
        "together: [inventory, treaties]",
        "together:",
        "unknown step 'treaties'",
    ),
    "unknown quote": (
        "data/sources/alpha.yaml",
        "quotes: [alpha-token]",
        "quotes: [alpha-tokens]",
        "quotes: [alpha-tokens]",
        "unknown quote 'alpha-tokens'",
    ),
    "unknown source": (
        "data/sources/beta.yaml",
        "source: beta-2018-03-04",
        "source: gamma-2018",
        "source: gamma",
        "unknown source 'gamma-2018'",
    ),
    "quote from another source": (
        "data/sources/beta.yaml",
        "quotes: [beta-simultaneously]",
        "quotes: [alpha-token]",
        "quotes: [alpha-token]",
        "is from source 'alpha-2018-01-02'",
    ),
    "shared alias": (
        "data/actors.yaml",
        'aliases: ["ROK", "Seoul"]',
        'aliases: ["ROK", "Seoul", "washington"]',
        'aliases: ["ROK"',
        "'washington' already names actor 'us'",
    ),
    "step ordered against itself": (
        "data/sources/alpha.yaml",
        "before: [inventory]",
        "before: [declaration]",
        ("before: [declaration]", 2),
        "cannot be before itself",
    ),
    "duplicate key": (
        "data/sources/beta.yaml",
        "    stance: proposal",
        "    stance: proposal\n    stance: offer",
        "stance: offer",
        "duplicate key 'stance'",
    ),
    "yaml syntax": (
        "data/actors.yaml",
        "name: South Korea",
        "name: South: Korea",
        "name: South: Korea",
        'quote the value, as in name: "South: Korea"',
    ),
}


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_each_defect_is_located(kb_copy, defect):
    rel, old, new, marker, message = DEFECTS[defect]
    edit(kb_copy / rel, old, new)
    problems = problems_of(kb_copy)
    hits = [p for p in problems if message in p.message]
    assert hits, [str(p) for p in problems]
    marker, occurrence = marker if isinstance(marker, tuple) else (marker, 1)
    assert hits[0].file.endswith(rel)
    assert hits[0].line == line_of(kb_copy / rel, marker, occurrence)


def test_missing_required_field_named(kb_copy):
    edit(kb_copy / "data/steps.yaml", '    label: "Peace treaty"\n', "")
    (problem,) = problems_of(kb_copy)
    assert "missing required field 'steps.2.label'" in problem.message
    assert problem.line == line_of(kb_copy / "data/steps.yaml", "id: treaty")


def test_every_problem_reported_at_once(kb_copy):
    edit(kb_copy / "data/actors.yaml", "kind: person", "kind: human")
    edit(kb_copy / "data/sources/alpha.yaml", "step: inventory", "step: inventori")
    edit(kb_copy / "seeds/beta.yaml", "outlet: beta", "outlet: Beta!")
    files = {p.file.split("kb/")[-1] for p in problems_of(kb_copy)}
    assert files == {"data/actors.yaml", "data/sources/alpha.yaml", "seeds/beta.yaml"}


def test_missing_file_and_wrong_top_level(kb_copy):
    (kb_copy / "data/steps.yaml").unlink()
    (kb_copy / "data/sources/beta.yaml").write_text("- just\n- a list\n")
    messages = {p.message.split(" of")[0] for p in problems_of(kb_copy)}
    assert "file is missing" in messages
    assert "expected a mapping" in messages


def test_unreadable_file_does_not_cascade(kb_copy):
    edit(kb_copy / "data/actors.yaml", "name: South Korea", "name: South: Korea")
    (problem,) = problems_of(kb_copy)
    assert problem.file.endswith("data/actors.yaml")
