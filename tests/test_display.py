"""What is shown equals what is stored, in every format.

A knowledge base whose texts hold Rich markup, escape sequences, control characters,
bidi overrides, tabs, newlines, backslashes, quotes, commas, hangul and YAML-looking text:
the machine formats give every value back exactly; on a terminal no markup is interpreted
and no control character arrives raw; a long quote is never cut short.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import sys
from pathlib import Path

import pytest
import terminal
import yaml
from conftest import MINI
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from korea_positions.analysis import queries
from korea_positions.kb.cache import load_uncached as load
from korea_positions.output import views
from korea_positions.output.formats import OutputFormat, View, render

MARKUP = "[bold]x[/bold] [link=http://e]click[/link] [red]"
ESCAPES = "red \x1b[31mRED\x1b[0m, osc-8 \x1b]8;;http://x\x07link\x1b]8;;\x07"
CONTROLS = "bell\x07 bs\x08 nul\x00 vt\x0b ff\x0c del\x7f csi\x9b nel\x85 ls\u2028 ps\u2029"
BIDI = "bidi \u202eevil\u202c \u2066iso\u2069 \u200fmark \u061carabic"
PUNCTUATION = "tab\there, new\nline, cr\r\nlf, back\\slash, \\t \\n, \"dq\" 'sq', a,b;c"
NON_ASCII = "한국어 — “curly” ‘q’ … 😀"
YAMLISH = [
    "no",
    "10:28",
    "- a",
    "key: value",
    "#x",
    "~",
    "null",
    " lead",
    "trail ",
    "*a",
    "&a",
    "!!python/object:x",
    "{a: b}",
    "[1]",
    "'single'",
    "@at",
    "`tick`",
    "%pct",
]
TEXTS = [MARKUP, ESCAPES, CONTROLS, BIDI, PUNCTUATION, NON_ASCII, *YAMLISH]
LONG_QUOTE = " ".join(f"word{i:03d}" for i in range(150))

# Raw characters that must never reach a terminal from the data.
RAW = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
SGR = re.compile(r"\x1b\[[0-9;]*m")  # Rich's own styling (bold, dim, italic)


def yaml_string(text: str) -> str:
    """`text` as a double-quoted YAML scalar using only printable ASCII."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif " " <= char <= "~":
            out.append(char)
        else:
            out.append(f"\\U{ord(char):08x}" if ord(char) > 0xFFFF else f"\\u{ord(char):04x}")
    return '"' + "".join(out) + '"'


def build(root: Path) -> Path:
    shutil.copytree(MINI, root)

    def change(rel: str, old: str, new: str) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    change("data/actors.yaml", "name: Kim Min-su", "name: " + yaml_string(ESCAPES + BIDI))
    change(
        "data/actors.yaml",
        'roles: ["analyst"]',
        "roles: [" + ", ".join(yaml_string(t) for t in TEXTS) + "]",
    )
    change("data/steps.yaml", 'label: "Peace treaty"', "label: " + yaml_string(MARKUP))
    change("data/sources/alpha.yaml", 'text: "sincerity"', "text: " + yaml_string(LONG_QUOTE))
    change(
        "data/sources/alpha.yaml",
        'text: "We will not move first"',
        "text: " + yaml_string(" | ".join(TEXTS)),
    )
    change(
        "data/sources/alpha.yaml",
        'summary: "The US wants the weapons list before any declaration."',
        "summary: " + yaml_string(PUNCTUATION + MARKUP),
    )
    change(
        "seeds/alpha.yaml",
        'title: "Talks stall over which comes first"',
        "title: " + yaml_string(CONTROLS + NON_ASCII),
    )
    change(
        "seeds/alpha.yaml",
        'authors: ["Jo Writer"]',
        "authors: [" + ", ".join(yaml_string(t) for t in YAMLISH[:6]) + "]",
    )
    return root


@pytest.fixture(scope="module")
def nasty(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("display") / "kb")


@pytest.fixture(autouse=True)
def environment(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("NO_COLOR", raising=False)


def stored(root: Path) -> dict[str, list[dict]]:
    kb = load(root)
    return {
        "quotes": queries.quotes(kb),
        "actors": queries.actors(kb),
        "demands": queries.demands(kb),
        "sources": queries.sources(kb),
        "steps": queries.steps(kb),
    }


def test_the_kb_holds_the_texts_exactly(nasty):
    records = stored(nasty)
    actor = next(a for a in load(nasty).actors if a["id"] == "kim-min-su")
    assert actor["name"] == ESCAPES + BIDI and actor["roles"] == TEXTS
    assert records["quotes"][1]["text"] == " | ".join(TEXTS)


# --- machine formats: parse back, compare -------------------------------------------------

COMMANDS = ["quotes", "actors", "demands", "sources", "steps"]


def cell(value) -> str:
    """A value as the flat formats write it: lists joined by '; ', nothing for null."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, dict):  # an actor's codes: cameo=USA; plover=USA
        return "; ".join(f"{k}={cell(v)}" for k, v in value.items() if v is not None)
    return str(value)


def stdout_of(result) -> str:
    """Exactly what was written: Click's Result.stdout turns "\r\n" into "\n"."""
    return result.stdout_bytes.decode("utf-8")


def tsv_unescape(field: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}[m[1]], field)


@pytest.mark.parametrize("command", COMMANDS)
def test_json_jsonl_yaml_give_back_every_value(kpos, nasty, command):
    expected = stored(nasty)[command]
    assert json.loads(kpos(command, "-f", "json", data=nasty).stdout) == expected
    jsonl = stdout_of(kpos(command, "-f", "jsonl", data=nasty))
    assert [json.loads(line) for line in jsonl.split("\n")[:-1]] == expected
    assert yaml.safe_load(kpos(command, "-f", "yaml", data=nasty).stdout) == expected


@pytest.mark.parametrize("command", COMMANDS)
def test_csv_gives_back_every_text(kpos, nasty, command):
    expected = stored(nasty)[command]
    out = stdout_of(kpos(command, "-f", "csv", data=nasty))
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0] == list(expected[0])
    assert [dict(zip(rows[0], row, strict=True)) for row in rows[1:]] == [
        {k: cell(v) for k, v in record.items()} for record in expected
    ]


@pytest.mark.parametrize("command", COMMANDS)
def test_tsv_unescapes_to_every_text(kpos, nasty, command):
    expected = stored(nasty)[command]
    out = stdout_of(kpos(command, "-f", "tsv", data=nasty))
    lines = out.split("\n")
    assert lines[-1] == "" and len(lines) == len(expected) + 2  # one line per record
    header = lines[0].split("\t")
    rows = [
        dict(zip(header, map(tsv_unescape, line.split("\t")), strict=True)) for line in lines[1:-1]
    ]
    assert rows == [{k: cell(v) for k, v in record.items()} for record in expected]


def test_actor_json_is_exact(kpos, nasty):
    actor = json.loads(kpos("actor", "kim-min-su", "-f", "json", data=nasty).stdout)
    assert actor["name"] == ESCAPES + BIDI and actor["roles"] == TEXTS


@pytest.mark.parametrize("fmt", [f for f in OutputFormat if f is not OutputFormat.table])
def test_no_raw_control_on_a_terminal_in_any_format(nasty, fmt):
    for command, records in stored(nasty).items():
        out = io.StringIO()
        render(fmt, records, views.QUOTES, out, terminal=True)
        raw = {f"U+{ord(c):04X}" for c in RAW.findall(out.getvalue())}
        assert not raw, (command, raw)


# --- the table ---------------------------------------------------------------------------


def table(records, view, terminal=True, colour=True) -> str:
    out = io.StringIO()
    render(OutputFormat.table, records, view, out, terminal=terminal, colour=colour)
    return out.getvalue()


def assert_safe_screen(screen: str) -> None:
    assert "[bold]x[/bold]" in screen and "[link=http://e]click[/link]" in screen
    assert "\x1b[31m" not in screen and "\x1b]" not in screen and "\x07" not in screen
    leftover = RAW.findall(SGR.sub("", screen))
    assert not leftover, sorted({f"U+{ord(c):04X}" for c in leftover})
    # Shown escaped, so what is shown still says what is stored.
    assert "\\u001b[31mRED" in screen and "\\u202eevil" in screen


@pytest.mark.parametrize(
    "command,view,markup",
    [
        ("quotes", views.QUOTES, True),
        ("demands", views.POSITIONS, True),
        ("steps", views.STEPS, True),
        ("sources", views.SOURCES, False),
        ("actors", views.ACTORS, False),
    ],
)
def test_table_interprets_no_markup_and_escapes_controls(nasty, command, view, markup):
    screen = table(stored(nasty)[command], view)
    assert not markup or "[bold]x[/bold]" in screen
    leftover = RAW.findall(SGR.sub("", screen))
    assert not leftover and "\x1b[31m" not in screen and "\x1b]" not in screen


def test_quote_table_on_a_terminal(nasty):
    assert_safe_screen(table(stored(nasty)["quotes"], views.QUOTES))


def test_actor_card_escapes_the_name(nasty):
    from korea_positions.output.actor_table import show_actor

    kb = load(nasty)
    record = queries.actor_detail(kb, "kim-min-su") | {"sequence": [], "conflicts": []}
    screen = table([record], View("Actor", single=True, custom_table=show_actor))
    assert_safe_screen(screen)


def test_no_color_means_no_escape_sequences(nasty, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    from korea_positions.cli.environment import Environment

    screen = table(stored(nasty)["quotes"], views.QUOTES, colour=Environment.from_process().colour)
    assert "\x1b" not in screen
    assert_safe_screen(screen)


def words_on(screen: str) -> set[str]:
    return {word.strip("“”") for word in SGR.sub("", screen).split()}


def test_long_quote_never_truncated_at_80_columns(nasty):
    screen = table(stored(nasty)["quotes"], views.QUOTES)
    assert max(cell_len(line) for line in SGR.sub("", screen).split("\n")) <= 80
    assert not set(LONG_QUOTE.split()) - words_on(screen)


# --- on a real terminal: a pty ---------------------------------------------------------------


def on_a_pty(args: list[str], env: dict, columns: int = 80) -> tuple[int, str]:
    return terminal.on_a_pty([sys.executable, "-m", "korea_positions", *args], env, columns)


def pty_env(tmp_path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("KPOS_DATA", "NO_COLOR")}
    return env | {"COLUMNS": "80", "XDG_CACHE_HOME": str(tmp_path / "cache")} | extra


@pytest.mark.parametrize("no_color", [False, True])
def test_quotes_on_a_pty(nasty, tmp_path, no_color):
    env = pty_env(tmp_path, **({"NO_COLOR": "1"} if no_color else {}))
    status, screen = on_a_pty(["--data", str(nasty), "quotes"], env)
    assert status == 0, screen
    assert "Quotes" in screen and "\t" not in screen
    assert_safe_screen(screen)
    if no_color:
        assert "\x1b[" not in screen
    assert not set(LONG_QUOTE.split()) - words_on(screen)


def test_actor_on_a_pty(nasty, tmp_path):
    status, screen = on_a_pty(
        ["--data", str(nasty), "actor", "kim-min-su"], pty_env(tmp_path, NO_COLOR="1")
    )
    assert status == 0, screen
    assert "\x1b" not in screen
    assert_safe_screen(screen)


@pytest.mark.parametrize("fmt", ["json", "yaml", "csv", "tsv"])
def test_machine_formats_on_a_pty_carry_no_raw_controls(nasty, tmp_path, fmt):
    status, screen = on_a_pty(["--data", str(nasty), "quotes", "-f", fmt], pty_env(tmp_path))
    assert status == 0, screen
    assert not RAW.findall(screen.replace("\t", "")), fmt


# --- any text at all round-trips (renderers called directly) ----------------------------------

ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
RECORDS = st.lists(
    st.fixed_dictionaries(
        {
            "id": ANY_TEXT,
            "text": ANY_TEXT,
            "note": st.none() | ANY_TEXT,
            "about": st.lists(ANY_TEXT, max_size=3),
        }
    ),
    min_size=1,
    max_size=3,
)
PLAIN = View("Records")


def rendered(fmt: OutputFormat, records, terminal=False) -> str:
    out = io.StringIO()
    render(fmt, records, PLAIN, out, terminal)
    return out.getvalue()


@settings(max_examples=200, deadline=None)
@given(RECORDS)
def test_any_text_round_trips_json_jsonl_yaml(records):
    assert json.loads(rendered(OutputFormat.json, records)) == records
    lines = rendered(OutputFormat.jsonl, records).split("\n")[:-1]
    assert [json.loads(line) for line in lines] == records
    assert yaml.safe_load(rendered(OutputFormat.yaml, records)) == records


@settings(max_examples=200, deadline=None)
@given(RECORDS)
def test_any_text_round_trips_csv_tsv(records):
    expected = [{k: cell(v) for k, v in r.items()} for r in records]
    rows = list(csv.reader(io.StringIO(rendered(OutputFormat.csv, records), newline="")))
    assert [dict(zip(rows[0], row, strict=True)) for row in rows[1:]] == expected
    lines = rendered(OutputFormat.tsv, records).split("\n")[:-1]
    header = lines[0].split("\t")
    assert [
        dict(zip(header, map(tsv_unescape, line.split("\t")), strict=True)) for line in lines[1:]
    ] == expected


@settings(max_examples=100, deadline=None)
@given(RECORDS)
def test_any_text_reaches_a_terminal_escaped(records):
    for fmt in OutputFormat:
        out = rendered(fmt, records, terminal=True)
        if fmt is OutputFormat.table:
            out = SGR.sub("", out)
        assert not RAW.findall(out.replace("\t", "") if fmt is OutputFormat.tsv else out), fmt
