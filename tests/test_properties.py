"""Property: however the knowledge base files are mangled, kpos answers with exit status 0
or 1 and a message, never a crash or a traceback.

Each example takes the mini knowledge base, applies a few random edits to its YAML files
(bytes and characters inserted or deleted, lines duplicated or re-indented, values
swapped, YAML syntax the reader must refuse: anchors, aliases, tags, complex keys, merge
keys, tabs, second documents, NUL bytes, invalid UTF-8), and runs `validate` and some
query commands in-process.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from conftest import MINI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from korea_positions.cli.app import app

FILES = sorted(str(p.relative_to(MINI)) for p in MINI.rglob("*.yaml"))
COMMANDS = (
    ["validate"],
    ["quotes", "--format", "json"],
    ["quotes", "--format", "table"],  # a second run: read back from the cache if stored
    ["demands", "--format", "tsv"],
    ["actors", "--format", "yaml"],
    ["sequence", "--format", "csv"],
    ["conflicts", "--format", "jsonl"],
)
SPECIAL = [
    "&a ",
    "*a",
    "&a",
    "!!python/object:os.system ",
    "!!python/name:os.system",
    "!x ",
    "!!binary ",
    "? ",
    "<<: ",
    "<<: *a",
    "\t",
    "---\n",
    "...\n",
    "\x00",
    "%YAML 1.1\n",
    "- ",
    ": ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "#",
    "'",
    '"',
    "|\n",
    ">\n",
    "~",
    "null",
    "no",
    "10:28",
    "2018-09-17",
    "\u202e",
    "\x1b[31m",
    "\x85",
    "\u2028",
    "\ufeff",
    "\r",
    "\\",
    "=",
    "\n  ",
]
VALUE = re.compile(r"(?<=: ).+$", re.M)
# Values of other shapes, and ids of other records, to put where a value was.
REPLACEMENTS = [
    "~",
    "''",
    "[]",
    "{}",
    "[us, dprk]",
    "{a: b}",
    "yes",
    "2018-02-30",
    "-1",
    "us",
    "dprk",
    "ann-example",
    "declaration",
    "inventory",
    "treaty",
    "[inventory]",
    "[declaration, treaty]",
    "alpha-token",
    "alpha-2018-01-02",
    "beta-2018-03-04",
    "x" * 81,
]


@st.composite
def edits(draw):
    """One edit: (file, function from bytes to bytes)."""
    file = draw(st.sampled_from(FILES))
    kind = draw(
        st.sampled_from(
            [
                "insert",
                "delete",
                "duplicate-line",
                "swap-values",
                "indent",
                "special",
                "invalid-utf8",
                "replace-value",
            ]
        )
    )
    at = draw(st.floats(0, 1))
    if kind == "insert":
        text = draw(st.text(min_size=1, max_size=4)).encode("utf-8")
        return file, lambda b: b[: int(len(b) * at)] + text + b[int(len(b) * at) :]
    if kind == "special":
        text = draw(st.sampled_from(SPECIAL)).encode("utf-8")
        return file, lambda b: b[: int(len(b) * at)] + text + b[int(len(b) * at) :]
    if kind == "invalid-utf8":
        text = draw(st.sampled_from([b"\xff", b"\xc3", b"\xe9t\xe9", b"\xed\xa0\x80"]))
        return file, lambda b: b[: int(len(b) * at)] + text + b[int(len(b) * at) :]
    if kind == "delete":
        size = draw(st.integers(1, 40))
        return file, lambda b: b[: int(len(b) * at)] + b[int(len(b) * at) + size :]
    if kind == "duplicate-line":

        def duplicate(b: bytes) -> bytes:
            lines = b.split(b"\n")
            i = int((len(lines) - 1) * at)
            return b"\n".join(lines[: i + 1] + lines[i:])

        return file, duplicate
    if kind == "indent":
        change = draw(st.sampled_from([-4, -2, -1, 1, 2, 4]))

        def indent(b: bytes) -> bytes:
            lines = b.split(b"\n")
            i = int((len(lines) - 1) * at)
            lines[i] = b" " * change + lines[i] if change > 0 else lines[i][-change:]
            return b"\n".join(lines)

        return file, indent
    if kind == "replace-value":
        value = draw(st.sampled_from(REPLACEMENTS))

        def replace(b: bytes) -> bytes:
            text = b.decode("utf-8", "surrogateescape")
            spans = [m.span() for m in VALUE.finditer(text)]
            start, end = spans[int((len(spans) - 1) * at)]
            return (text[:start] + value + text[end:]).encode("utf-8", "surrogateescape")

        return file, replace
    other = draw(st.floats(0, 1))

    def swap(b: bytes) -> bytes:  # exchange two values (after "key: ") in the file
        text = b.decode("utf-8", "surrogateescape")
        spans = [m.span() for m in VALUE.finditer(text)]
        if len(spans) < 2:
            return b
        i, j = int((len(spans) - 1) * at), int((len(spans) - 1) * other)
        if i == j:
            j = (i + 1) % len(spans)
        (a1, a2), (b1, b2) = sorted([spans[i], spans[j]])
        text = text[:a1] + text[b1:b2] + text[a2:b1] + text[a1:a2] + text[b2:]
        return text.encode("utf-8", "surrogateescape")

    return file, swap


def run_all(root: Path, cache: str) -> None:
    runner = CliRunner()
    for command in COMMANDS:
        result = runner.invoke(
            app,
            ["--data", str(root), *command],
            catch_exceptions=True,
            env={"XDG_CACHE_HOME": cache, "COLUMNS": "100"},
        )
        where = f"kpos {' '.join(command)}: exit {result.exit_code}\n{result.output}"
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            where,
            result.exc_info,
        )
        assert result.exit_code in (0, 1), where
        assert "Traceback" not in result.stdout and "Traceback" not in result.stderr, where
        assert "internal error" not in result.stderr, where


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(edits(), min_size=1, max_size=3))
def test_mangled_knowledge_base_never_crashes(changes):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "kb"
        shutil.copytree(MINI, root)
        for file, change in changes:
            path = root / file
            path.write_bytes(change(path.read_bytes()))
        run_all(root, str(Path(tmp) / "cache"))
