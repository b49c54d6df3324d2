"""The bundled knowledge base answers every question at every date of 2018: no cycle, no
contradiction, for any party, at any --as-of (the `validate` guarantee, checked the way a
user would meet a failure)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import REPO

from korea_positions.analysis.conflicts import conflicts, default_actors
from korea_positions.analysis.profile import actor_profile
from korea_positions.analysis.sequence import sequences
from korea_positions.kb.cache import load_uncached
from korea_positions.output.diagrams import dot, mermaid

DAYS = [dt.date(2018, 1, 1) + dt.timedelta(days=n) for n in range(365)]


@pytest.fixture(scope="module")
def kb():
    return load_uncached(REPO)


@pytest.mark.parametrize("firm", [False, True], ids=["all", "firm"])
def test_every_day_of_2018_is_answered(kb, firm):
    for day in map(str, DAYS):
        parties = default_actors(kb, day, firm)
        sequences(kb, parties, day, firm)
        conflicts(kb, None, day, firm)
        for party in parties:
            actor_profile(kb, party, day, firm)
        dot(kb, day, firm)
        mermaid(kb, day, firm)


@pytest.mark.parametrize("day", ["2018-01-01", "2018-05-01", "2018-09-01", "2018-12-31"])
@pytest.mark.parametrize("command", ["sequence", "conflicts", "actor dprk", "export -f dot"])
def test_the_command_line_answers_with_exit_0(kpos, command, day):
    result = kpos(*command.split(), "--as-of", day, data=None)
    assert result.exit_code == 0, result.output
