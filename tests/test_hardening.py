"""The knowledge base is untrusted input: broken and hostile files at the command line.

1. A corpus of broken knowledge bases, one defect each (a copy of the mini one with one
   edit), run through `kpos validate`: exit 1 and FILE:LINE:COL: message, asserted.
2. Hostile files (alias bomb, deep nesting, enormous file, very long line, millions of
   values) run in a subprocess with a memory limit, so a crash shows as a signal.
3. Errors that are not the knowledge base's: bad --data, internal errors.
4. Pipes closed early by the reader, also for large outputs.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MINI
from hostile import billion_laughs
from typer.testing import CliRunner

from korea_positions.cli.app import app
from korea_positions.kb import files, yamlread

PROBLEM = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$")


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """Keep kpos's cache of the knowledge base out of the user's home."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def line_number(data: bytes, needle: bytes, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing `needle` (works on undecodable bytes)."""
    hits = [i for i, line in enumerate(data.split(b"\n"), 1) if needle in line]
    return hits[occurrence - 1]


def problems_of(result) -> list[dict]:
    """The problems `kpos validate` printed, parsed; every line must be one."""
    assert "Traceback" not in result.stdout and "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    parsed = [PROBLEM.match(line) for line in lines]
    assert lines and all(parsed), result.stdout
    return [dict(m.groupdict(), line=int(m["line"]), col=int(m["col"])) for m in parsed]


# --- 1. one broken knowledge base per defect ------------------------------------------


def replace(old: str, new: str):
    def change(data: bytes) -> bytes:
        assert old.encode() in data, old
        return data.replace(old.encode(), new.encode(), 1)

    return change


def chain(*changes):
    def change(data: bytes) -> bytes:
        for one in changes:
            data = one(data)
        return data

    return change


def whole(content: bytes):
    return lambda data: content


def append(text: str):
    return lambda data: data + text.encode()


def crlf(data: bytes) -> bytes:
    return data.replace(b"\n", b"\r\n")


# name: (file, change, line marker or (marker, occurrence) or line number, column,
#        message fragment)
DEFECTS = {
    "python object tag": (
        "data/actors.yaml",
        replace("name: Ann Example", 'name: !!python/object/apply:os.system ["touch PWNED"]'),
        "!!python",
        11,
        "tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed",
    ),
    "python name tag": (
        "data/steps.yaml",
        replace('label: "Peace treaty"', "label: !!python/name:os.system"),
        "!!python",
        12,
        "tag 'tag:yaml.org,2002:python/name:os.system' is not allowed",
    ),
    "local tag": (
        "data/actors.yaml",
        replace("kind: state", "kind: !state state"),
        "!state",
        11,
        "tag '!state' is not allowed",
    ),
    "binary tag": (
        "seeds/alpha.yaml",
        replace('title: "Talks stall over which comes first"', "title: !!binary VGFsa3M="),
        "!!binary",
        8,
        "tag 'tag:yaml.org,2002:binary' is not allowed",
    ),
    "tag on a key": (
        "data/steps.yaml",
        replace("steps:", "!!python/str steps:"),
        "!!python",
        1,
        "tag 'tag:yaml.org,2002:python/str' is not allowed",
    ),
    "alias": (
        "data/actors.yaml",
        chain(
            replace('aliases: ["ROK", "Seoul"]', 'aliases: &seoul ["ROK", "Seoul"]'),
            replace('roles: ["adviser"]', "roles: *seoul"),
        ),
        "aliases: &seoul",  # refused at the anchor, before any alias can use it
        14,
        "anchors and aliases (&, *) are not allowed",
    ),
    "merge key": (
        "data/actors.yaml",
        replace('    roles: ["envoy"]', '    roles: ["envoy"]\n    <<: {kind: group}'),
        "<<:",
        5,
        "merge keys (<<) are not allowed",
    ),
    "complex key": (
        "data/steps.yaml",
        replace("    by: [dprk]", "    ? [by]\n    : [dprk]"),
        "? [by]",
        7,
        "a key must be a plain name, not a list or mapping",
    ),
    "duplicate top-level key": (
        "data/steps.yaml",
        append("steps: []\n"),
        ("steps:", 2),
        1,
        "duplicate key 'steps'",
    ),
    "duplicate key in a source card": (
        "seeds/beta.yaml",
        append("title: again\n"),
        "title: again",
        1,
        "duplicate key 'title'",
    ),
    "tab indentation": (
        "data/actors.yaml",
        replace("    name: North Korea", "\tname: North Korea"),
        "\tname",
        1,
        "indent with spaces: YAML does not allow tabs there",
    ),
    "tab among spaces": (
        "data/steps.yaml",
        replace("    by: [dprk]", "  \t  by: [dprk]"),
        "\t",
        3,
        "YAML does not allow tabs",
    ),
    "not UTF-8": (
        "data/actors.yaml",
        lambda d: d.replace(b"Kim Bo-ra\n", b"Kim Bo-r\xe1\n"),
        b"Kim Bo-r\xe1",
        19,
        "not valid UTF-8 (byte 0xe1)",
    ),
    "Latin-1 after hangul": (
        "data/actors.yaml",
        lambda d: d.replace(b"name: Kim Bo-ra", "name: 김보라 ".encode() + b"caf\xe9"),
        "김보라".encode(),
        18,
        "not valid UTF-8 (byte 0xe9)",
    ),
    "UTF-16": (
        "data/steps.yaml",
        lambda d: d.decode().encode("utf-16"),
        1,
        1,
        "not valid UTF-8 (byte 0xff)",
    ),
    "NUL byte": (
        "seeds/alpha.yaml",
        replace("outlet_name: The Alpha Post", "outlet_name: The Alpha\x00Post"),
        "outlet_name",
        23,
        "character U+0000 is not allowed",
    ),
    "raw escape sequence": (
        "data/actors.yaml",
        replace("name: North Korea", "name: North \x1b[31mKorea"),
        "name: North",
        17,
        "character U+001B is not allowed",
    ),
    "NEL (a mangled ellipsis)": (
        "data/actors.yaml",
        replace("name: Kim Bo-ra", "name: Kim Bo-ra\u0085"),
        "name: Kim Bo-ra",
        20,
        "character U+0085 is not allowed",
    ),
    "line separator": (
        "data/sources/alpha.yaml",
        replace('text: "sincerity"', 'text: "since\u2028rity"'),
        'text: "since',
        17,
        "character U+2028 is not allowed",
    ),
    "empty file": ("data/steps.yaml", whole(b""), 1, 1, "file is empty"),
    "only comments": ("data/steps.yaml", whole(b"# steps to come\n\n"), 1, 1, "file is empty"),
    "only a document marker": ("data/steps.yaml", whole(b"---\n"), 1, 1, "file is empty"),
    "top level is a list": (
        "data/steps.yaml",
        whole(b"- id: treaty\n  label: x\n"),
        1,
        1,
        "expected a mapping of StepsFile fields at the top level, found a list",
    ),
    "top level is text": (
        "seeds/beta.yaml",
        whole(b"beta-2018-03-04\n"),
        1,
        1,
        "found a text value",
    ),
    "second document": (
        "data/steps.yaml",
        append("---\nsteps: []\n"),
        "---",
        1,
        "a second YAML document (---); a file holds one",
    ),
    # The parser notices these further on; the message says where the construct opened.
    "unclosed flow list": (
        "data/steps.yaml",
        replace("by: [dprk]", "by: [dprk"),
        "- id: treaty",
        7,
        "the list opened with [ at line {line_of:by: [dprk}, column 9 is not closed: end it with ]",
    ),
    "unclosed quote": (
        "seeds/beta.yaml",
        replace('url: "https://example.org/beta"', 'url: "https://example.org/beta'),
        13,
        1,  # the end of the file, after its 12 lines
        'the quotation mark " opened at line {line_of:url:}, column 6 is never closed',
    ),
    "mapping value in plain text": (
        "data/actors.yaml",
        replace("name: South Korea", "name: South: Korea"),
        "South: Korea",
        16,
        "a colon followed by a space inside an unquoted value ends it: quote the value",
    ),
    "unknown field in a CRLF file": (
        "data/actors.yaml",
        chain(
            replace(
                '    kind: person\n    roles: ["analyst"]', "    kind: person\n    role: analyst"
            ),
            crlf,
        ),
        "role: analyst",
        5,
        "unknown field 'role'",
    ),
    "unknown field after a byte order mark": (
        "data/steps.yaml",
        chain(lambda d: b"\xef\xbb\xbf" + d, replace("    by: [dprk]", "    bye: [dprk]")),
        "bye:",
        5,
        "unknown field 'bye'",
    ),
    "nesting too deep": (
        "data/actors.yaml",
        replace('    roles: ["envoy"]', "    roles: " + "[" * 50 + "]" * 50),
        "roles: [[",
        11 + yamlread.MAX_DEPTH - 1,
        "nesting is too deep (more than 40 levels)",
    ),
}


def expected_line(data: bytes, marker) -> int:
    if isinstance(marker, int):
        return marker
    marker, occurrence = marker if isinstance(marker, tuple) else (marker, 1)
    return line_number(data, marker if isinstance(marker, bytes) else marker.encode(), occurrence)


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_each_defect_located_by_validate(kpos, kb_copy, defect, monkeypatch, tmp_path):
    rel, change, marker, col, message = DEFECTS[defect]
    path = kb_copy / rel
    data = change(path.read_bytes())
    path.write_bytes(data)
    # A fragment may name a line: {line_of:TEXT} is the line holding TEXT.
    message = re.sub(
        r"\{line_of:([^}]*)\}", lambda m: str(line_number(data, m.group(1).encode())), message
    )
    monkeypatch.chdir(tmp_path)  # where a command run by a tag would leave its file
    result = kpos("validate", data=kb_copy)
    assert result.exit_code == 1, result.output
    problems = problems_of(result)
    hits = [p for p in problems if message in p["message"]]
    assert hits, result.stdout
    assert Path(hits[0]["file"]).resolve() == path.resolve()
    assert (hits[0]["line"], hits[0]["col"]) == (expected_line(data, marker), col), hits[0]
    assert "kpos: " in result.stderr and "problem(s) found" in result.stderr
    assert not (tmp_path / "PWNED").exists()


def test_queries_on_a_broken_kb_report_the_problem_too(kpos, kb_copy):
    rel, change, marker, col, message = DEFECTS["python object tag"]
    path = kb_copy / rel
    path.write_bytes(change(path.read_bytes()))
    for command in ("actors", "quotes", "demands", "sequence", "conflicts"):
        result = kpos(command, data=kb_copy)
        assert result.exit_code == 1 and result.stdout == ""
        assert message in result.stderr and "Traceback" not in result.stderr


def test_yaml_1_1_values_stay_the_text_written(kpos, kb_copy):
    """`no` is not False, `10:28` not 628, a date not a date object where text is meant."""
    actors, steps = kb_copy / "data/actors.yaml", kb_copy / "data/steps.yaml"
    actors.write_bytes(
        chain(
            replace("name: Kim Min-su", "name: no"),
            replace(
                'roles: ["analyst"]',
                "roles: [yes, off, 0o17, 1_000, .inf, =, 0x10, 1e3, 2018-09-17T10:28:00, <<]",
            ),
        )(actors.read_bytes())
    )
    steps.write_bytes(replace('label: "Peace treaty"', "label: 10:28")(steps.read_bytes()))
    card = kb_copy / "seeds/alpha.yaml"
    card.write_bytes(
        replace('title: "Talks stall over which comes first"', "title: 2018-09-17")(
            card.read_bytes()
        )
    )
    assert kpos("validate", data=kb_copy).exit_code == 0
    actor = next(
        a
        for a in json.loads(kpos("actors", "-f", "json", data=kb_copy).stdout)
        if a["id"] == "kim-min-su"
    )
    assert actor["name"] == "no"
    full = json.loads(kpos("actor", "kim-min-su", "-f", "json", data=kb_copy).stdout)
    assert full["roles"] == [
        "yes",
        "off",
        "0o17",
        "1_000",
        ".inf",
        "=",
        "0x10",
        "1e3",
        "2018-09-17T10:28:00",
        "<<",
    ]
    labels = {
        s["id"]: s["label"] for s in json.loads(kpos("steps", "-f", "json", data=kb_copy).stdout)
    }
    assert labels["treaty"] == "10:28"
    titles = {
        s["id"]: s["title"] for s in json.loads(kpos("sources", "-f", "json", data=kb_copy).stdout)
    }
    assert titles["alpha-2018-01-02"] == "2018-09-17"


# --- 2. hostile files, in a subprocess ------------------------------------------------

MEMORY_LIMIT = 1024**3  # address space: kpos needs ~300 MB at worst


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_kpos(*args: str, cwd: Path, timeout: float = 60, env=None, **kwargs):
    environment = {k: v for k, v in os.environ.items() if k != "KPOS_DATA"}
    environment |= {"XDG_CACHE_HOME": str(cwd / "cache")} | (env or {})
    return subprocess.run(
        [sys.executable, "-m", "korea_positions", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        **kwargs,
    )


HOSTILE = {
    # name: (content of data/actors.yaml, message fragment, line or None)
    "alias bomb": (billion_laughs(), "anchors and aliases (&, *) are not allowed", 1),
    "100,000 nested [ on one line": ("actors: " + "[" * 100_000 + "\n", "nesting is too deep", 1),
    "100,000 nested [ on lines": (
        "[\n" * 100_000 + "]\n" * 100_000,
        "nesting is too deep",
        yamlread.MAX_DEPTH + 2,
    ),
    "100,000 nested mappings": ("{a:\n" * 100_000, "nesting is too deep", yamlread.MAX_DEPTH + 2),
    "deep block mappings": (
        "".join(" " * i + "a:\n" for i in range(2_000)),
        "nesting is too deep",
        yamlread.MAX_DEPTH + 2,
    ),
    "enormous file": (
        ("# " + "x" * 98 + "\n") * 90_000,
        f"files larger than {files.MAX_BYTES} bytes are refused",
        1,
    ),
    "very long line": (
        'actors:\n  - id: x\n    name: "' + "x" * 1_000_000 + '"\n',
        "line is 1000012 characters long; lines longer than",
        3,
    ),
    "millions of values": (
        "- a\n" * 2_000_000,
        f"more than {yamlread.MAX_VALUES} values",
        yamlread.MAX_VALUES,
    ),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_file_refused_with_a_reason(kb_copy, case):
    content, message, line = HOSTILE[case]
    (kb_copy / "data/actors.yaml").write_text(content, encoding="utf-8")
    result = run_kpos(
        "--data", str(kb_copy), "validate", cwd=kb_copy.parent, preexec_fn=_limit_memory
    )
    # A crash (segfault, C stack overflow) would be a negative status; running out of
    # the memory limit would be a MemoryError, reported as an internal error.
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    (problem,) = [p for p in result.stdout.splitlines() if "actors.yaml" in p]
    match = PROBLEM.match(problem)
    assert match and message in match["message"], problem
    shown = kb_copy.parent / match["file"]  # relative to the working directory
    assert shown.resolve() == (kb_copy / "data/actors.yaml").resolve()
    if line is not None:
        assert int(match["line"]) == line, problem


def test_device_named_like_a_source_file_is_not_read(kb_copy):
    (kb_copy / "data/sources/zero.yaml").symlink_to("/dev/zero")
    result = run_kpos(
        "--data", str(kb_copy), "validate", cwd=kb_copy.parent, preexec_fn=_limit_memory
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(r"zero\.yaml:1:1: ", result.stdout), result.stdout


# --- 3. errors that are not the knowledge base's ---------------------------------------


def test_missing_or_wrong_data_directory_exit_2(kpos, tmp_path):
    (tmp_path / "file").write_text("x")
    for data, message in (
        (tmp_path / "missing", "no such directory"),
        (tmp_path / "file", "not a directory"),
        (tmp_path, "no data/ directory"),
    ):
        result = kpos("quotes", data=data)
        assert result.exit_code == 2, result.output
        assert message in result.stderr and "Traceback" not in result.stderr


def test_overlong_data_path_is_a_usage_error(kpos, tmp_path):
    result = kpos("quotes", data=tmp_path / ("a" * 5000))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.stderr


def test_data_directory_errors_in_a_subprocess(tmp_path):
    result = run_kpos("--data", str(tmp_path / "missing"), "validate", cwd=tmp_path)
    assert result.returncode == 2
    assert "no such directory" in result.stderr and "Traceback" not in result.stderr


def _boom(*args, **kwargs):
    raise RuntimeError("boom")


def test_internal_error_is_one_line_traceback_only_with_debug(monkeypatch):
    from korea_positions.analysis import queries

    monkeypatch.setattr(queries, "quotes", _boom)
    runner = CliRunner()
    result = runner.invoke(app, ["--data", str(MINI), "quotes"], catch_exceptions=True)
    assert result.exit_code == 70
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith("kpos: internal error: RuntimeError: boom")
    assert "bug" in lines[0] and "--debug" in lines[0]
    debug = runner.invoke(app, ["--debug", "--data", str(MINI), "quotes"], catch_exceptions=True)
    assert isinstance(debug.exception, RuntimeError)  # the traceback is shown


INJECT = (
    "import sys, korea_positions.analysis.queries as q\n"
    "def boom(*a, **k):\n    raise RuntimeError('boom')\n"
    "q.quotes = boom\n"
    "from korea_positions.cli.run import main\nmain()\n"
)


def test_internal_error_from_the_console_script(tmp_path):
    """Whatever escapes the commands' handler still ends as one line (exit 70) from the
    console script; --debug shows the traceback."""
    env = {k: v for k, v in os.environ.items() if k != "KPOS_DATA"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")

    def run(*args):
        return subprocess.run(
            [sys.executable, "-c", INJECT, *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )

    result = run("--data", str(MINI), "quotes")
    assert result.returncode == 70, result.stderr
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("kpos: internal error:") and "bug" in line
    debug = run("--debug", "--data", str(MINI), "quotes")
    assert "Traceback" in debug.stderr and "RuntimeError: boom" in debug.stderr


# --- 4. pipes -----------------------------------------------------------------------------


def big_kb(root: Path, quotes: int = 5_000) -> Path:
    """The mini knowledge base with thousands of generated quotes."""
    shutil.copytree(MINI, root)
    path = root / "data/sources/alpha.yaml"
    extra = "".join(
        f"  - id: generated-{i}\n    speaker: us\n"
        f'    text: "generated words, number {i}: {"lorem ipsum " * 10}"\n'
        f"    about: [inventory]\n"
        for i in range(quotes)
    )
    path.write_text(path.read_text().replace("positions:\n", extra + "positions:\n", 1))
    return root


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    return big_kb(tmp_path_factory.mktemp("big") / "kb")


def shell(command: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run a pipeline; with pipefail its status is kpos's unless the reader failed."""
    environment = {k: v for k, v in os.environ.items() if k != "KPOS_DATA"}
    environment["XDG_CACHE_HOME"] = str(cwd / "cache")
    return subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


KPOS = f"'{sys.executable}' -m korea_positions"


@pytest.mark.parametrize("fmt", ["json", "jsonl", "tsv", "csv", "yaml", "table"])
def test_reader_closing_mid_write_ends_quietly(big, fmt, tmp_path):
    result = shell(
        f"{KPOS} --data '{big}' quotes --format {fmt} | head -c 100 >/dev/null", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_head_n_1_on_a_large_output(big, tmp_path):
    result = shell(f"{KPOS} --data '{big}' quotes | head -n 1", cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("id\tsource\tspeaker")


@pytest.mark.parametrize("command", ["steps", "validate", "quotes --format json"])
def test_reader_gone_before_the_final_flush(command, tmp_path):
    """`true` exits without reading: the small output is still in Python's buffer when
    the pipe is found closed, at the flush on the way out."""
    result = shell(f"{KPOS} --data '{MINI}' {command} | true", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_large_output_complete_when_read(big, tmp_path):
    result = shell(f"{KPOS} --data '{big}' quotes --format json", cwd=tmp_path)
    assert result.returncode == 0
    assert len(json.loads(result.stdout)) == 5_004


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", ["steps", "quotes --format json"])
def test_output_that_cannot_be_written_is_one_line(command, tmp_path):
    result = shell(f"{KPOS} --data '{MINI}' {command} > /dev/full", cwd=tmp_path)
    assert result.returncode == os.EX_IOERR, result.stderr
    assert result.stderr == "kpos: error: cannot write the output: No space left on device\n"


def test_closed_standard_output_is_one_line(tmp_path):
    result = shell(f"{KPOS} --data '{MINI}' steps >&-", cwd=tmp_path)
    assert result.returncode == os.EX_IOERR
    assert result.stderr == "kpos: error: standard output is closed\n"
