"""Details a new user trips over: one "did you mean" per message, choices in any case,
--contains folding dashes and quote marks as verify does, no padding in piped tables."""

from __future__ import annotations

import json

import pytest
from conftest import edit


@pytest.mark.parametrize(
    "args,message",
    [
        (["demand"], "No such command 'demand'. Did you mean 'demands'?\n"),
        (["cache", "clea"], "No such command 'clea'. Did you mean 'clear'?\n"),
        (["sho"], "No such command 'sho'. Did you mean 'show'?\n"),
    ],
)
def test_one_did_you_mean(kpos, args, message):
    result = kpos(*args)
    assert result.exit_code == 2
    assert result.stderr.endswith(f"Error: {message}") and result.stderr.count("Did you mean") == 1


@pytest.mark.parametrize(
    "args",
    [
        ["demands", "--stance", "DEMAND"],
        ["demands", "--stance", "Demand"],
        ["actors", "--kind", "PERSON"],
        ["steps", "--format", "JSON"],
        ["schema", "ACTORS"],
        ["export", "--format", "Mermaid"],
    ],
)
def test_choices_in_any_case(kpos, args):
    result = kpos(*args)
    assert result.exit_code == 0, result.output


def test_stance_in_capitals_finds_the_same(kpos):
    lower = json.loads(kpos("demands", "--stance", "demand", "-f", "json").stdout)
    assert lower and json.loads(kpos("demands", "--stance", "DEMAND", "-f", "json").stdout) == lower


@pytest.mark.parametrize(
    "typed",
    [
        'declaration - the "token" of trust',
        "declaration—the “token” of trust",
        'DECLARATION -- THE "TOKEN" OF TRUST',
        "declaration – the “token” of   trust",
        "declaration―the ”token„ of trust",
    ],
)
def test_contains_folds_dashes_and_quote_marks(kpos, kb_copy, typed):
    edit(
        kb_copy / "data/sources/alpha.yaml",
        'text: "a declaration is the token of trust"',
        'text: "a declaration — the “token” of trust"',
    )
    records = json.loads(kpos("quotes", "--contains", typed, "-f", "json", data=kb_copy).stdout)
    assert [r["id"] for r in records] == ["alpha-token"]


@pytest.mark.parametrize("command", ["demands", "quotes", "actors", "steps", "sources"])
def test_a_piped_table_has_no_trailing_spaces(kpos, command):
    out = kpos(command, "-f", "table").stdout
    assert out and all(line == line.rstrip() for line in out.split("\n"))
