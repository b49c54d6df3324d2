"""sequence.py on small knowledge bases built in Python."""

from __future__ import annotations

import pytest

from korea_positions.analysis.sequence import SequenceCycle, cycles, order_constraints, sequence
from korea_positions.kb.knowledge import KnowledgeBase
from korea_positions.output.views import chain_text


def actor(aid: str, speaks_for: str | None = None) -> dict:
    return {
        "id": aid,
        "name": aid.upper(),
        "kind": "state",
        "aliases": [],
        "speaks_for": speaks_for,
    }


def pos(
    pid: str,
    who: str,
    step: str,
    before=(),
    after=(),
    together=(),
    date: str | None = "2018-01-01",
    stated_by: str | None = None,
) -> dict:
    return {
        "id": pid,
        "actor": who,
        "stated_by": stated_by,
        "reported_by": None,
        "stance": "demand",
        "step": step,
        "before": list(before),
        "after": list(after),
        "together": list(together),
        "summary": pid,
        "source": f"src-{pid}",
        "quotes": [],
        "date": date,
    }


def make_kb(actors: list[dict], positions: list[dict]) -> KnowledgeBase:
    steps = sorted(
        {p["step"] for p in positions}
        | {s for p in positions for s in p["before"] + p["after"] + p["together"]}
    )
    return KnowledgeBase.from_records(
        actors=actors,
        positions=positions,
        steps=[{"id": s, "label": f"Step {s}", "by": [], "part_of": None} for s in steps],
    )


def test_together_steps_share_a_stage():
    kb = make_kb(
        [actor("us")], [pos("p1", "us", "a", together=["b"]), pos("p2", "us", "c", after=["b"])]
    )
    result = sequence(kb, "us")
    assert result == {"actor": "us", "stages": [["a", "b"], ["c"]], "positions": ["p1", "p2"]}
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
    assert sequence(kb, "us") == {"actor": "us", "stages": [], "positions": []}
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


def test_same_date_later_in_the_list_wins_and_can_turn_before_into_together():
    kb = make_kb(
        [actor("us")],
        [
            pos("p1", "us", "a", before=["b"]),
            pos("p2", "us", "b", together=["a"]),
            pos("p3", "us", "a", before=["b"], date="2017-01-01"),
        ],
    )
    constraint = order_constraints(kb, "us")[frozenset({"a", "b"})]
    assert constraint.relation == "together" and constraint.positions == ("p2",)
    assert sequence(kb, "us")["stages"] == [["a", "b"]]


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
            pos("p8", "dprk", "x", together=["y"], date="2019-01-01"),
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
    # For the party, the newer p5 replaces c→a: only Moon's own view has the cycle.
    assert cycles(kb) == [("moon", ["p1", "p3", "p4"])]
    assert sequence(kb, "rok")["stages"] == [["a"], ["b"], ["c"]]


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


def test_undated_positions_are_older_than_dated_ones_and_never_filtered():
    kb = make_kb(
        [actor("us")],
        [
            pos("p1", "us", "b", before=["a"]),
            pos("p2", "us", "a", before=["b"], date=None),
            pos("p3", "us", "c", before=["d"], date=None),
        ],
    )
    assert sequence(kb, "us")["stages"] == [["b", "c"], ["a", "d"]]
    assert sequence(kb, "us", as_of="2000-01-01")["stages"] == [["a", "c"], ["b", "d"]]
