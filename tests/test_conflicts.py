"""conflicts.py on small knowledge bases built in Python."""

from __future__ import annotations

import pytest
from kbbuild import actor, make_kb, pos

from korea_positions.analysis.conflicts import conflicts, default_actors, relation_map
from korea_positions.analysis.ordergraph import SequenceCycle
from korea_positions.kb.knowledge import KnowledgeBase

PARTIES = [actor("us"), actor("dprk"), actor("rok"), actor("china")]


def test_three_actors_three_orders_make_one_record():
    kb = make_kb(
        PARTIES,
        [
            pos("u1", "us", "inventory", before=["declaration"], source="nyt"),
            pos("d1", "dprk", "declaration", before=["inventory"]),
            pos("r1", "rok", "inventory", together=["declaration"]),
            pos("c1", "china", "treaty"),
        ],
    )
    assert conflicts(kb) == [
        {
            "step_a": "declaration",
            "step_b": "inventory",
            "a_first": ["dprk"],
            "b_first": ["us"],
            "together": ["rok"],
            "positions": {"us": ["u1"], "dprk": ["d1"], "rok": ["r1"]},
            "sources": {"us": ["nyt"], "dprk": ["src-d1"], "rok": ["src-r1"]},
        }
    ]


def test_orders_count_through_the_actors_chain():
    kb = make_kb(
        PARTIES,
        [
            pos("u1", "us", "a", before=["b"], source="s1"),
            pos("u2", "us", "c", after=["b"], source="s2"),
            pos("u3", "us", "x", before=["y"]),
            pos("d1", "dprk", "c", before=["a"]),
        ],
    )
    assert relation_map(kb, "us") == {
        ("a", "b"): ("x-first", ["u1"]),
        ("a", "c"): ("x-first", ["u1", "u2"]),
        ("b", "c"): ("x-first", ["u2"]),
        ("x", "y"): ("x-first", ["u3"]),
    }
    [record] = conflicts(kb)
    assert (record["step_a"], record["step_b"]) == ("a", "c")
    assert (record["a_first"], record["b_first"], record["together"]) == (["us"], ["dprk"], [])
    assert record["positions"] == {"us": ["u1", "u2"], "dprk": ["d1"]}
    assert record["sources"] == {"us": ["s1", "s2"], "dprk": ["src-d1"]}


def test_together_groups_relate_every_member_and_name_the_merging_positions():
    kb = make_kb(
        PARTIES,
        [
            pos("r1", "rok", "a", together=["b"]),
            pos("r2", "rok", "b", together=["c"]),
            pos("r3", "rok", "c", before=["d"]),
            pos("u1", "us", "d", before=["a"]),
        ],
    )
    relations = relation_map(kb, "rok")
    assert relations[("a", "c")] == ("together", ["r1", "r2"])
    assert relations[("a", "d")] == ("x-first", ["r1", "r2", "r3"])
    [record] = conflicts(kb)
    assert (record["step_a"], record["step_b"], record["a_first"], record["b_first"]) == (
        "a",
        "d",
        ["rok"],
        ["us"],
    )


def test_steps_on_separate_branches_are_not_comparable():
    kb = make_kb(
        PARTIES,
        [
            pos("u1", "us", "a", before=["b", "c"]),
            pos("d1", "dprk", "c", before=["b"]),
            pos("d2", "dprk", "a", before=["c"]),
        ],
    )
    assert ("b", "c") not in relation_map(kb, "us")
    assert relation_map(kb, "dprk")[("b", "c")] == ("y-first", ["d1"])
    # us and dprk agree on a-b and a-c, and us does not order b against c.
    assert conflicts(kb) == []


def test_actor_without_orders_is_left_out():
    kb = make_kb(
        PARTIES,
        [
            pos("u1", "us", "a", before=["b"]),
            pos("d1", "dprk", "b", before=["a"]),
            pos("c1", "china", "a"),
            pos("c2", "china", "b"),
        ],
    )
    assert default_actors(kb) == ["us", "dprk"]
    assert relation_map(kb, "china") == {}
    [record] = conflicts(kb, ["us", "dprk", "china"])
    assert "china" not in record["positions"]
    assert conflicts(kb) == [record]


def test_members_roll_up_into_their_party():
    kb = make_kb(
        PARTIES + [actor("moon", "rok"), actor("envoys", "rok")],
        [
            pos("u1", "us", "a", before=["b"]),
            pos("m1", "moon", "a", together=["b"]),
            pos("e1", "dprk", "b", before=["a"], stated_by="envoys", date="2017-01-01"),
        ],
    )
    # The envoys' relay is older than Moon's word: Seoul's order is together.
    assert default_actors(kb) == ["us", "dprk", "rok"]
    [record] = conflicts(kb)
    assert record["a_first"] == ["us"] and record["together"] == ["rok"]
    assert record["b_first"] == ["dprk"]
    assert record["positions"] == {"us": ["u1"], "dprk": ["e1"], "rok": ["m1"]}
    # Asked for explicitly, a member is an actor of its own.
    [record] = conflicts(kb, ["us", "moon"])
    assert record["together"] == ["moon"] and record["positions"]["moon"] == ["m1"]


def test_change_of_order_over_time():
    kb = make_kb(
        PARTIES,
        [
            pos("u1", "us", "a", before=["b"], date="2018-01-01"),
            pos("d1", "dprk", "a", before=["b"], date="2018-02-01"),
            pos("d2", "dprk", "b", before=["a"], date="2018-09-17"),
        ],
    )
    assert conflicts(kb, as_of="2018-09-16") == []
    [record] = conflicts(kb, as_of="2018-09-17")
    assert record["b_first"] == ["dprk"] and record["positions"]["dprk"] == ["d2"]
    assert conflicts(kb) == [record]
    assert conflicts(kb, as_of="2018-01-15") == []  # dprk had no order yet


def test_actor_with_a_cycle_is_an_error_not_left_out():
    kb = make_kb(
        PARTIES,
        [
            pos("u1", "us", "a", before=["b"]),
            pos("u2", "us", "b", before=["a"], date="2017-01-01"),
            pos("d1", "dprk", "a", before=["b"]),
            pos("d2", "dprk", "b", before=["c"]),
            pos("d3", "dprk", "c", before=["a"]),
            pos("r1", "rok", "a", together=["b"]),
        ],
    )
    with pytest.raises(SequenceCycle):
        relation_map(kb, "dprk")
    with pytest.raises(SequenceCycle):
        conflicts(kb)  # `kpos validate` names the cycle; no answer silently drops DPRK
    [record] = conflicts(kb, ["us", "rok"])
    assert record["a_first"] == ["us"] and record["together"] == ["rok"]


def test_records_are_sorted_by_pair():
    kb = make_kb(
        PARTIES,
        [
            pos("u1", "us", "z", before=["y"]),
            pos("u2", "us", "b", before=["a"]),
            pos("d1", "dprk", "y", before=["z"]),
            pos("d2", "dprk", "a", before=["b"]),
        ],
    )
    assert [(r["step_a"], r["step_b"]) for r in conflicts(kb)] == [("a", "b"), ("y", "z")]


def test_a_step_and_its_own_part_are_not_a_conflict():
    kb = KnowledgeBase.from_records(
        actors=[actor("us"), actor("dprk")],
        steps=[
            {"id": "whole", "label": "W", "by": [], "part_of": None},
            {"id": "part", "label": "P", "by": [], "part_of": "whole"},
            {"id": "other", "label": "O", "by": [], "part_of": None},
        ],
        positions=[
            pos("p1", "us", "whole", before=["part"]),
            pos("p2", "dprk", "part", before=["whole"]),
            pos("p3", "us", "other", before=["whole"]),
            pos("p4", "dprk", "whole", before=["other"]),
        ],
    )
    pairs = [(c["step_a"], c["step_b"]) for c in conflicts(kb)]
    assert pairs == [("other", "part"), ("other", "whole")]  # not ("part", "whole")
