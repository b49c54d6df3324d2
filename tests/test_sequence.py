"""sequence.py on small knowledge bases built in Python."""

from __future__ import annotations

import pytest
from kbbuild import actor, make_kb, pos

from korea_positions.analysis.ordergraph import SequenceCycle
from korea_positions.analysis.sequence import order_errors, sequence
from korea_positions.analysis.statements import Contradiction, order_constraints
from korea_positions.kb.knowledge import KnowledgeBase
from korea_positions.output.views import chain_text


def cycles(kb) -> list[tuple[str, list[str]]]:
    return sorted((a, e.positions) for a, _, e in order_errors(kb) if isinstance(e, SequenceCycle))


def test_together_steps_share_a_stage():
    kb = make_kb(
        [actor("us")], [pos("p1", "us", "a", together=["b"]), pos("p2", "us", "c", after=["b"])]
    )
    result = sequence(kb, "us")
    assert result == {
        "actor": "us",
        "stages": [["a", "b"], ["c"]],
        "positions": ["p1", "p2"],
        "hedged": [],
    }
    assert chain_text(result["stages"]) == "a + b → c"
    assert chain_text(result["stages"], {"a": "Alpha"}) == "Alpha + b → c"


def test_stages_are_kahn_layers_of_the_groups():
    kb = make_kb(
        [actor("us")],
        [
            pos("p1", "us", "d", after=["c"]),
            pos("p2", "us", "a", before=["b", "d"]),
            pos("p3", "us", "e", together=["b"]),
        ],
    )
    # a before b(+e) and d; c before d: a and c have no predecessors.
    assert sequence(kb, "us")["stages"] == [["a", "c"], ["b", "d", "e"]]


def test_actor_without_orders_has_no_stages():
    kb = make_kb(
        [actor("us"), actor("dprk")], [pos("p1", "us", "x"), pos("p2", "dprk", "a", before=["b"])]
    )
    assert sequence(kb, "us") == {"actor": "us", "stages": [], "positions": [], "hedged": []}
    assert order_constraints(kb, "us") == {}
    assert chain_text([]) == ""


def test_after_and_before_give_the_same_constraint():
    kb = make_kb(
        [actor("us")],
        [pos("p1", "us", "b", after=["a"]), pos("p2", "us", "a", before=["b"], date="2018-02-01")],
    )
    constraint = order_constraints(kb, "us")[frozenset({"a", "b"})]
    assert (constraint.first, constraint.second, constraint.relation) == ("a", "b", "before")
    # Both said the same: both stand behind the order.
    assert constraint.positions == ("p1", "p2")


def test_members_roll_up_into_their_party():
    kb = make_kb(
        [actor("rok"), actor("moon", "rok"), actor("aide", "moon"), actor("us")],
        [
            pos("p1", "aide", "a", before=["b"]),
            pos("p2", "us", "b", before=["c"], stated_by="moon"),
            pos("p3", "us", "c", before=["d"]),
        ],
    )
    assert sequence(kb, "rok") == {
        "actor": "rok",
        "stages": [["a"], ["b"], ["c"]],
        "positions": ["p1", "p2"],
        "hedged": [],
    }
    assert sequence(kb, "moon")["positions"] == ["p1", "p2"]
    assert sequence(kb, "us")["stages"] == [["b"], ["c"], ["d"]]


def test_order_changes_over_time():
    kb = make_kb(
        [actor("dprk")],
        [
            pos("p2", "dprk", "b", before=["a"], date="2018-06-01"),
            pos("p1", "dprk", "a", before=["b"], date="2018-01-01"),
        ],
    )
    early = sequence(kb, "dprk", as_of="2018-03-01")
    assert early["stages"] == [["a"], ["b"]] and early["positions"] == ["p1"]
    assert sequence(kb, "dprk", as_of="2018-06-01")["stages"] == [["b"], ["a"]]  # inclusive
    assert sequence(kb, "dprk")["stages"] == [["b"], ["a"]]
    assert sequence(kb, "dprk")["positions"] == ["p2"]
    assert sequence(kb, "dprk", as_of="2017-12-31")["stages"] == []


def test_overlapping_dates_that_disagree_contradict_each_other():
    kb = make_kb(
        [actor("us")],
        [
            pos("p1", "us", "a", before=["b"], date="2018-01"),
            pos("p2", "us", "b", together=["a"], date="2018-01-15"),  # within January
            pos("p3", "us", "a", before=["b"], date="2017"),  # earlier: overruled
        ],
    )
    with pytest.raises(Contradiction) as info:
        order_constraints(kb, "us")
    assert info.value.positions == ["p1", "p2"] and info.value.steps == ("a", "b")
    assert order_constraints(kb, "us", as_of="2017-12-31")[frozenset("ab")].positions == ("p3",)


def test_supersedes_settles_what_dates_cannot():
    kb = make_kb(
        [actor("us")],
        [
            pos("p1", "us", "a", before=["b"], date="2018-01"),
            pos("p2", "us", "b", together=["a"], date="2018-01-15", supersedes=["p1"]),
        ],
    )
    constraint = order_constraints(kb, "us")[frozenset({"a", "b"})]
    assert constraint.relation == "together" and constraint.positions == ("p2",)
    assert sequence(kb, "us")["stages"] == [["a", "b"]]


def test_an_open_start_counts_at_every_date_and_overlaps_every_earlier_word():
    kb = make_kb(
        [actor("us")],
        [
            pos("p1", "us", "a", before=["b"], date="/2018-06-30"),  # for decades, until June
            pos("p2", "us", "b", before=["a"], date="2018-07-01~"),
            pos("p3", "us", "c", before=["d"], date="/2018-12-31"),
        ],
    )
    assert sequence(kb, "us", as_of="1990-01-01")["stages"] == [["a", "c"], ["b", "d"]]
    assert sequence(kb, "us")["stages"] == [["b", "c"], ["a", "d"]]  # later, no overlap


def test_agreeing_statements_before_a_change_do_not_stand_behind_the_order():
    kb = make_kb(
        [actor("us")],
        [
            pos("p1", "us", "a", before=["b"], date="2018-01-01"),
            pos("p2", "us", "b", before=["a"], date="2018-02-01"),
            pos("p3", "us", "a", before=["b"], date="2018-03-01"),
            pos("p4", "us", "b", after=["a"], date="2018-04-01"),
        ],
    )
    assert order_constraints(kb, "us")[frozenset({"a", "b"})].positions == ("p3", "p4")


def test_cycle_names_its_positions():
    kb = make_kb(
        [actor("us")],
        [
            pos("p1", "us", "a", before=["b"]),
            pos("p2", "us", "b", before=["c"]),
            pos("p3", "us", "c", before=["a"]),
            pos("p4", "us", "c", before=["z"]),  # after the cycle
            pos("p5", "us", "x", before=["y"]),
        ],
    )  # unrelated
    with pytest.raises(SequenceCycle) as info:
        sequence(kb, "us")
    assert info.value.actor == "us"
    assert info.value.positions == ["p1", "p2", "p3"]
    assert set(info.value.steps) == {"a", "b", "c"}


def test_cycle_through_a_together_group_includes_the_merging_positions():
    kb = make_kb(
        [actor("us")],
        [
            pos("p1", "us", "a", before=["b"]),
            pos("p2", "us", "b", together=["c"]),
            pos("p3", "us", "c", before=["a"]),
            pos("p4", "us", "c", together=["d"]),
        ],
    )  # merged, not in it
    with pytest.raises(SequenceCycle) as info:
        sequence(kb, "us")
    assert info.value.positions == ["p1", "p2", "p3"]


def test_before_inside_one_together_group_is_a_cycle():
    kb = make_kb(
        [actor("us")],
        [
            pos("p1", "us", "a", together=["c"]),
            pos("p2", "us", "c", together=["b"]),
            pos("p3", "us", "a", before=["b"]),
            pos("p4", "us", "a", together=["d"]),
        ],
    )
    with pytest.raises(SequenceCycle) as info:
        sequence(kb, "us")
    assert info.value.positions == ["p1", "p2", "p3"]


def test_cycles_reports_a_member_cycle_once_for_the_party():
    kb = make_kb(
        [actor("rok"), actor("moon", "rok"), actor("aide", "moon"), actor("us"), actor("dprk")],
        [
            pos("p1", "aide", "a", before=["b"]),
            pos("p2", "moon", "b", before=["a"], date="2017-01-01"),
            pos("p2b", "moon", "c", before=["a"]),
            pos("p2c", "moon", "b", before=["c"]),
            pos("p3", "us", "x", before=["y"]),
            pos("p4", "dprk", "x", before=["y"]),
            pos("p5", "dprk", "y", together=["x"], stated_by="aide", date="2017-01-01"),
        ],
    )
    # a→b (p1) is newer than b→a (p2), so the party and members see a→b→c→a. DPRK's
    # newer x→y replaced the together relayed by the aide: no cycle there.
    assert cycles(kb) == [("rok", ["p1", "p2b", "p2c"])]
    # A knowledge base does not change once loaded: build the later one anew.
    kb = make_kb(
        kb.actors,
        kb.positions
        + [
            pos("p6", "us", "y", before=["x"], stated_by="moon", date="2019-01-01"),
            pos("p7", "dprk", "y", before=["x"], date="2019-01-01"),
            pos("p8", "dprk", "x", together=["y"], date="2019-01-01", supersedes=["p7"]),
        ],
    )
    # Moon's word for the U.S. does not make it Seoul's order; DPRK's last word is
    # together, which is no cycle.
    assert cycles(kb) == [("rok", ["p1", "p2b", "p2c"])]
    assert sequence(kb, "us")["stages"] == [["y"], ["x"]]
    assert sequence(kb, "dprk")["stages"] == [["x", "y"]]


def test_cycles_reports_a_member_whose_cycle_the_party_overrides():
    kb = make_kb(
        [actor("rok"), actor("moon", "rok")],
        [
            pos("p1", "moon", "a", before=["b"]),
            pos("p3", "moon", "b", before=["c"]),
            pos("p4", "moon", "c", before=["a"]),
            pos("p5", "rok", "a", before=["c"], date="2018-05-01"),
        ],
    )
    # Until p5 the party holds Moon's cycle too: it is reported for the party, at the
    # date it appears; from May the newer p5 replaces c→a and only Moon's view has it.
    assert [(a, d, e.positions) for a, d, e in order_errors(kb)] == [
        ("rok", "2018-01-01", ["p1", "p3", "p4"]),
    ]
    assert sequence(kb, "rok")["stages"] == [["a"], ["b"], ["c"]]
    with pytest.raises(SequenceCycle):
        sequence(kb, "moon")


def test_cycles_of_unrelated_actors_are_each_reported():
    kb = make_kb(
        [actor("us"), actor("dprk"), actor("kim", "dprk")],
        [
            pos("p1", "us", "a", before=["b"]),
            pos("p2", "us", "b", before=["a"], date="2018-01-01"),
            pos("p3", "us", "b", before=["c"]),
            pos("p4", "us", "c", before=["a"]),
            pos("p5", "kim", "x", together=["y"]),
            pos("p6", "kim", "y", before=["x"], date="2018-02-01"),
            pos("p7", "kim", "x", together=["z"]),
            pos("p8", "kim", "z", together=["y"]),
        ],
    )
    # us: p2, same date but later in the list, replaces p1: b→a and b→c→a, no cycle.
    # Kim: y→x inside the together group x = z = y.
    assert cycles(kb) == [("dprk", ["p6", "p7", "p8"])]


def test_a_position_without_a_date_takes_its_sources_date():
    kb = KnowledgeBase.from_records(
        sources=[{"id": "src", "published": "2018-09-17"}],
        actors=[actor("us")],
        steps=[{"id": s, "label": s, "by": [], "part_of": None} for s in "ab"],
        positions=[dict(pos("p1", "us", "a", before=["b"], date=None), source="src")],
    )
    (p,) = kb.positions
    assert (p["date"], p["date_start"], p["date_end"], p["published"]) == (
        "2018-09-17", "2018-09-17", "2018-09-17", "2018-09-17",
    )  # fmt: skip
    assert sequence(kb, "us", as_of="2018-09-16")["stages"] == []
    assert sequence(kb, "us", as_of="2018-09-17")["stages"] == [["a"], ["b"]]


# --- a whole stands for its parts --------------------------------------------------------
PARTS = {"inventory": "denuclearization", "inspections": "denuclearization"}


def test_before_a_whole_is_before_each_of_its_parts():
    kb = make_kb(
        [actor("dprk")],
        [
            pos("p1", "dprk", "declaration", before=["denuclearization"]),
            pos("p2", "dprk", "inventory", before=["inspections"]),
        ],
        PARTS,
    )
    # The whole sits with its earliest part; no part comes before the declaration.
    assert sequence(kb, "dprk")["stages"] == [
        ["declaration"],
        ["denuclearization", "inventory"],
        ["inspections"],
    ]


def test_a_whole_before_a_step_puts_each_part_before_it():
    kb = make_kb(
        [actor("us")],
        [
            pos("p1", "us", "denuclearization", before=["relief"]),
            pos("p2", "us", "inspections", after=["start"]),
            pos("p3", "us", "inventory", after=["start"]),
        ],
        PARTS,
    )
    assert sequence(kb, "us")["stages"] == [
        ["start"],
        ["denuclearization", "inspections", "inventory"],
        ["relief"],
    ]


def test_together_with_a_whole_is_together_with_its_earliest_parts():
    kb = make_kb(
        [actor("rok")],
        [
            pos("p1", "rok", "declaration", together=["denuclearization"]),
            pos("p2", "rok", "inventory", before=["inspections"]),
        ],
        PARTS,
    )
    assert sequence(kb, "rok")["stages"] == [
        ["declaration", "denuclearization", "inventory"],
        ["inspections"],
    ]


def test_nested_parts_follow_their_whole():
    parts = {"freeze": "inventory", **PARTS}  # a part of a part
    kb = make_kb(
        [actor("dprk")],
        [
            pos("p1", "dprk", "declaration", before=["denuclearization"]),
            pos("p2", "dprk", "freeze", before=["inspections"]),
            pos("p3", "dprk", "inventory", after=["talks"]),
        ],
        parts,
    )
    stages = sequence(kb, "dprk")["stages"]
    place = {step: n for n, stage in enumerate(stages) for step in stage}
    assert place["declaration"] < place["freeze"] < place["inspections"]
    assert place["talks"] < place["freeze"]
    # Each whole begins with its earliest ordered part, never after one of them.
    assert place["denuclearization"] == place["inventory"] == place["freeze"]


def test_a_part_before_a_whole_that_comes_after_it_is_a_cycle():
    kb = make_kb(
        [actor("us")],
        [
            pos("p1", "us", "inventory", before=["declaration"]),
            pos("p2", "us", "declaration", before=["denuclearization"]),
        ],
        PARTS,
    )
    with pytest.raises(SequenceCycle) as info:
        sequence(kb, "us")
    assert info.value.positions == ["p1", "p2"]


# --- hedges --------------------------------------------------------------------------------
def test_a_step_placed_only_by_hedged_positions_is_marked_and_firm_leaves_it_out():
    kb = make_kb(
        [actor("us")],
        [
            pos("p1", "us", "inventory", before=["declaration"]),
            pos("p2", "us", "warheads", before=["declaration"], hedge="perhaps"),
        ],
    )
    result = sequence(kb, "us")
    assert result["stages"] == [["inventory", "warheads"], ["declaration"]]
    assert result["hedged"] == ["warheads"]
    assert sequence(kb, "us", firm=True)["stages"] == [["inventory"], ["declaration"]]
    constraint = order_constraints(kb, "us")[frozenset({"warheads", "declaration"})]
    assert constraint.hedged


# --- who counts for whom -------------------------------------------------------------------
def test_a_voice_of_two_parties_counts_for_both():
    kb = make_kb(
        [actor("us"), actor("unc", kind="organization"), actor("brooks", "unc", "us")],
        [pos("p1", "brooks", "a", before=["b"])],
    )
    assert sequence(kb, "us")["stages"] == sequence(kb, "unc")["stages"] == [["a"], ["b"]]
    assert kb.parties_of("brooks") == ["brooks", "unc", "us"]
    assert kb.members("us") == {"us", "brooks"}


def test_parties_by_default_voices_only_when_named():
    from korea_positions.analysis.conflicts import default_actors

    kb = make_kb(
        [actor("us"), actor("analyst", kind="person"), actor("pak", "us")],
        [pos("p1", "analyst", "a", before=["b"]), pos("p2", "pak", "b", before=["c"])],
    )
    assert default_actors(kb) == ["us"]
    assert sequence(kb, "analyst")["stages"] == [["a"], ["b"]]
