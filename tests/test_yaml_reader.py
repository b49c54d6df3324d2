"""The YAML reader (korea_positions.kb.yamlread): plain data, the text as written, every
value's place, and a located refusal of everything unsafe, unusual or read otherwise than
the YAML spec says. Only its public names are used."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import ClassVar

import pytest
import yaml
from hostile import billion_laughs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from korea_positions.kb.files import MAX_BYTES
from korea_positions.kb.yamlread import (
    MAX_DEPTH,
    MAX_LINE,
    MAX_VALUES,
    YamlProblem,
    read_text,
    read_yaml,
)

REPO = Path(__file__).resolve().parent.parent


def read(text: str):
    return read_text(text, "f.yaml")


def refusal(text: str):
    """The problem the reader reports for `text`, as (line, col, message)."""
    with pytest.raises(YamlProblem) as info:
        read(text)
    problem = info.value.problem
    assert problem.file == "f.yaml" and str(info.value) == str(problem)
    return problem.line, problem.col, problem.message


# --- plain data, every scalar the text as written -------------------------------------


def test_scalars_stay_the_text_written():
    data, _ = read("a: no\nb: 10:28\nc: 2018-09-17\nd: 0x10\ne: ~\nf: ''\ng: 1e3\n")
    expected = {"a": "no", "b": "10:28", "c": "2018-09-17", "d": "0x10", "e": None, "f": ""}
    assert data == expected | {"g": "1e3"}


def test_yaml_1_1_values_stay_text():
    words = "yes off 0o17 1_000 .inf = 0x10 1e3 2018-09-17T10:28:00 << true 123 -4"
    data, _ = read(f"roles: [{words.replace(' ', ', ')}]\n")
    assert data["roles"] == words.split(" ")


def test_only_plain_null_words_nothing_and_explicit_null_are_none():
    data, _ = read(
        "a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: !!null x\ng: 'null'\nh: \"~\"\n"
        "i: ! null\nj: nil\nk: [~, '', null]\n"
    )
    texts = {"g": "null", "h": "~", "i": "null", "j": "nil", "k": [None, "", None]}
    assert data == dict.fromkeys("abcdef") | texts


def test_keys_stay_the_text_written():
    data, _ = read("1: a\ntrue: b\nnull: c\n'x y': d\n")
    assert data == {"1": "a", "true": "b", "null": "c", "x y": "d"}


def test_styles_read_as_the_spec_says():
    text = textwrap.dedent("""\
        plain: a
          b
        single: 'it''s'
        double: "tab\\t, \\u00e9, \\x41"
        folded: >
          one
          two

          three
        literal: |-
          keep
           this
        flow: {x: [1, 'two', "three"], y: }
        """)
    assert read(text)[0] == {
        "plain": "a b",
        "single": "it's",
        "double": "tab\t, é, A",
        "folded": "one two\nthree\n",
        "literal": "keep\n this",
        "flow": {"x": ["1", "two", "three"], "y": None},
    }


def test_standard_tags_and_the_non_specific_tag_are_allowed():
    data, _ = read("a: !!str 12\nb: ! x\nc: !!map {d: !!int 3}\ne: !!seq [f]\n")
    assert data == {"a": "12", "b": "x", "c": {"d": "3"}, "e": ["f"]}


def test_read_yaml_and_read_text_agree(tmp_path):
    text = '\ufeff# c\nitems:\r\n  - id: a\r\n    name: "x\r\n      y"\r\n'
    path = tmp_path / "f.yaml"
    path.write_bytes(text.encode("utf-8"))
    (data, locator), (same, same_locator) = read_yaml(path, "f.yaml"), read(text)
    assert data == same == {"items": [{"id": "a", "name": "x y"}]}
    assert locator.marks() == same_locator.marks()


# --- where each value is --------------------------------------------------------------


def test_locator_maps_paths_to_lines():
    _, locator = read("items:\n  - id: a\n  - id: b\n    name: x\n")
    assert locator.find(("items", 1, "name")) == (4, 5)
    assert locator.find(("items", 1, "missing")) == (3, 5)
    assert locator.find(("items", 0)) == (2, 5)
    assert locator.find(("nothing", "here")) == locator.find(()) == (1, 1)


def test_marks_hold_every_value():
    _, locator = read("# a record\nid: a\nitems: [b, {c: d}]\nnote: |\n  text\n")
    assert locator.marks() == {
        (): (1, 1),
        ("id",): (2, 1),
        ("items",): (3, 1),
        ("items", 0): (3, 9),
        ("items", 1): (3, 12),
        ("items", 1, "c"): (3, 13),
        ("note",): (4, 1),
    }


def test_places_in_a_crlf_file_after_a_byte_order_mark():
    text = (
        '\ufeffsource: s\r\nquotes:\r\n  - id: a\r\n    text: "two\r\n      lines"\r\n'
        "  - id: b\r\n    note: |\r\n      kept\r\n"
    )
    data, locator = read(text)
    assert data == {
        "source": "s",
        "quotes": [{"id": "a", "text": "two lines"}, {"id": "b", "note": "kept\n"}],
    }
    assert locator.find(("source",)) == (1, 1)
    assert locator.find(("quotes", 1, "note")) == (7, 5)
    assert locator.find(("quotes", 1, "id")) == (6, 5)


def test_places_count_characters_not_bytes():
    _, locator = read("a: 김보라 😀 [x]\nb: {c: 'é', d: e}\n")
    assert locator.find(("b", "d")) == (2, 13)


def test_places_after_a_leading_document_start():
    _, locator = read("---\n# a record\nid: a\nitems:\n  - id: b\n")
    assert locator.find(("id",)) == (3, 1) and locator.find(("items", 0, "id")) == (5, 5)


# --- refused, where it occurs ---------------------------------------------------------

REFUSED = {
    # name: (text, line, col, message fragment)
    "python object tag": (
        'a: !!python/object/apply:os.system ["touch x"]\n',
        1,
        4,
        "tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed",
    ),
    "local tag": ("a: !custom x\n", 1, 4, "tag '!custom' is not allowed"),
    "binary tag": (
        "a: b\nc: !!binary aGk=\n",
        2,
        4,
        "tag 'tag:yaml.org,2002:binary' is not allowed",
    ),
    "set tag": ("!!set {a, b}\n", 1, 1, "tag 'tag:yaml.org,2002:set' is not allowed"),
    "tag on a key": ("!!python/str a: b\n", 1, 1, "tag 'tag:yaml.org,2002:python/str' is not"),
    "anchor": ("a: &x [1, 2]\nb: c\n", 1, 4, "anchors and aliases (&, *) are not allowed"),
    "alias": ("a: [1, 2]\nb: *x\n", 2, 4, "anchors and aliases (&, *) are not allowed"),
    "anchor name with a colon": ("key: &an:chor value\n", 1, 6, "anchors and aliases"),
    "merge key": ("a:\n  b: c\n  <<: {d: e}\n", 3, 3, "merge keys (<<) are not allowed"),
    "duplicate key": ("a: 1\nb: 2\na: 3\n", 3, 1, "duplicate key 'a'"),
    "duplicate key, quoted": ("a:\n  - id: x\n    'id': y\n", 3, 5, "duplicate key 'id'"),
    "empty key": ("a: {? : b}\n", 1, 7, "a key must not be empty"),
    "list as a key": ("a:\n  ? [b]\n  : c\n", 2, 5, "a key must be a plain name, not a list"),
    "mapping as a key": ("{a: b}: c\n", 1, 1, "a key must be a plain name, not a list or mapping"),
    "second document": (
        "a: b\n---\nc: d\n",
        2,
        1,
        "a second YAML document (---); a file holds one",
    ),
    "empty": ("", 1, 1, "file is empty"),
    "only comments": ("# steps to come\n\n", 1, 1, "file is empty"),
    "only a document marker": ("---\n", 1, 1, "file is empty"),
    "only a null": ("~\n", 1, 1, "file is empty"),
    "deep nesting": (
        "a: " + "[" * 50 + "]" * 50 + "\n",
        1,
        4 + MAX_DEPTH,
        f"nesting is too deep (more than {MAX_DEPTH} levels)",
    ),
    "deep block nesting": (
        "".join(" " * i + "a:\n" for i in range(50)),
        MAX_DEPTH + 2,
        MAX_DEPTH + 2,
        "nesting is too deep",
    ),
    "tab indentation": ("a:\n\tb: 1\n", 2, 1, "indent with spaces: YAML does not allow tabs"),
    "unclosed flow list": (
        "a: [1, 2\nb: 3\n",
        2,
        2,
        "the list opened with [ at line 1, column 4 is not closed: end it with ]",
    ),
    "unclosed quote": (
        'a: "x\nb: c\n',
        3,
        1,
        'the quotation mark " opened at line 1, column 4 is never closed: end the text with "',
    ),
    "mapping value in plain text": ("a: b: c\n", 1, 5, 'quote the value, as in a: "b: c"'),
    "less indented than the fields above": (
        "a:\n  - b: 1\n    c: 2\n   d: 3\n",
        4,
        4,
        "indented 3 spaces, which matches none of the fields above it: indent it 4 spaces, "
        "like `c:` on line 3, or 2 spaces with '- ' to begin a new item",
    ),
    "more indented than the field above": (
        "a:\n  b: 1\n    c: 2\n",
        3,
        6,
        "indented 4 spaces, more than `b:` on line 2 (2), so it reads as part of that value: "
        "indent it 2 spaces",
    ),
    "no colon": ("a: 1\nb\nc: 2\n", 3, 1, "line 2 is neither `key: value` nor a list item"),
    "a list after a key": ("a: - b\n", 1, 4, "a list item ('- ') cannot follow a key"),
    "text after a closing quote": ('a: "x" y\n', 1, 8, "put all of the value inside the quotes"),
    "unknown escape": ('a: "x\\q"\n', 1, 6, "write \\\\ for a backslash"),
    "reserved first character": ("a: @x\n", 1, 4, "a value cannot begin with @: quote the value"),
}


@pytest.mark.parametrize("name", REFUSED)
def test_refused_where_it_occurs(name):
    text, line, col, message = REFUSED[name]
    got = refusal(text)
    assert got[:2] == (line, col) and message in got[2], got


def test_a_tag_never_runs_code(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    refusal('a: !!python/object/apply:os.system ["touch PWNED"]\n')
    assert not (tmp_path / "PWNED").exists()


# --- the text before it is parsed -----------------------------------------------------

TEXT_REFUSED = {
    "NUL": (
        "a: b\nc: x\x00y\n",
        2,
        5,
        (
            "character U+0000 is not allowed in a YAML file; if it is meant, write it as "
            "\\u0000 inside double quotes"
        ),
    ),
    "escape sequence": ("a: North \x1b[31mKorea\n", 1, 10, "character U+001B is not allowed"),
    "NEL": ("a: Kim Bo-ra\x85\n", 1, 13, "character U+0085 is not allowed"),
    "line separator": ('a: "since\u2028rity"\n', 1, 10, "character U+2028 is not allowed"),
    "paragraph separator": ("a: b\u2029\n", 1, 5, "character U+2029 is not allowed"),
    "long line": (
        "a: b\nc: " + "x" * MAX_LINE + "\n",
        2,
        1,
        (
            f"line is {MAX_LINE + 3} characters long; lines longer than {MAX_LINE} "
            "characters are refused"
        ),
    ),
}


@pytest.mark.parametrize("name", TEXT_REFUSED)
def test_text_refused_where_it_occurs(name):
    text, line, col, message = TEXT_REFUSED[name]
    got = refusal(text)
    assert got[:2] == (line, col) and message in got[2], got


def test_escapes_of_refused_characters_are_fine():
    assert read('a: "\\N \\L \\P \\x1b \\0"\n')[0] == {"a": "\x85 \u2028 \u2029 \x1b \x00"}


@pytest.mark.parametrize(
    "raw, line, col, byte",
    [
        (b"a: ok\nb: caf\xe9\n", 2, 7, "e9"),
        ("a: ok\nname: 김보라 ".encode() + b"caf\xe9\n", 2, 14, "e9"),
        ("a: b\n".encode("utf-16"), 1, 1, "ff"),
    ],
)
def test_non_utf8_is_located(tmp_path, raw, line, col, byte):
    path = tmp_path / "f.yaml"
    path.write_bytes(raw)
    with pytest.raises(YamlProblem) as info:
        read_yaml(path, "f.yaml")
    problem = info.value.problem
    assert (problem.line, problem.col, problem.message) == (
        line,
        col,
        f"not valid UTF-8 (byte 0x{byte})",
    )


def test_a_device_is_not_read(tmp_path):
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    with pytest.raises(YamlProblem, match=r"zero\.yaml:1:1: not a regular file"):
        read_yaml(link, "zero.yaml")


def test_a_missing_file_is_a_problem(tmp_path):
    with pytest.raises(YamlProblem, match="cannot read file: No such file"):
        read_yaml(tmp_path / "missing.yaml", "missing.yaml")


# --- where libyaml departs from the spec: refused, never misread ----------------------

DEPARTURES = {
    # name: (text, line, col, message fragment). libyaml reads each otherwise than the spec
    # says, or accepts it though it is not YAML.
    "? before a text in a flow mapping": ("a: { ?b: c }\n", 1, 6, "a '?' right before a text"),
    "? before a text in a flow list": ("a: [x, ?y]\n", 1, 8, "read as a key marker"),
    "? before a quoted text": ('a: [?"y"]\n', 1, 5, "read as a key marker"),
    "block text ending the file in a line of spaces": (
        "note: |\n  kept\n    ",
        3,
        1,
        "the file ends in a line of spaces after a block text",
    ),
    "keep block ending the file in a line of spaces": (
        "notes:\n- |+\n   ",
        3,
        1,
        "the file ends in a line of spaces",
    ),
    "comment right after a closing quote": ('a: "b"# c\n', 1, 7, "a comment needs a space"),
    "comment right after a closing single quote": ("a: 'b'#c\n", 1, 7, "needs a space before"),
    "comment right after a flow list": ("a: [b, c]#d\n", 1, 10, "a comment needs a space"),
    "comment right after a flow mapping": ("a: {b: c}#d\n", 1, 10, "a comment needs a space"),
    "comment right after a comma": ("a: [b,#c\n  d]\n", 1, 7, "a comment needs a space"),
    "comment right after an opening bracket": ("a: [#c\n  d]\n", 1, 5, "needs a space"),
    "comment right after a block indicator": ("a: >#c\n  d\n", 1, 4, "after | or > only"),
    "tag on the line above its block indicator": ("a: !!str\n  |\n  b\n", 1, 4, "on the same line"),
    "text after a block indicator's digit": ("a: |2#c\n   d\n", 1, 4, "after | or > only"),
    "empty key, then an empty pair": ("a: [? , : ]\n", 1, 8, "a key must not be empty"),
    "tag alone before a colon": ("a: [! :b]\n", 1, 5, "a key must not be empty"),
    "block text under its key, at the key's column": (
        "a:\n|\n  b\n",
        2,
        1,
        "a block text (| or >) must be indented more than its key or '-'",
    ),
    "top-level block text with an indentation digit": ("--- |1\n  a\n", 1, 5, "at the top level"),
    "top-level block text opening at column 0": ("--- >\n# a\n", 1, 5, "needs its first line"),
    "lone - in a flow list": ("a: [b, -]\n", 1, 8, "a lone '-' inside [ ] or { }"),
    "lone - as a flow value": ("a: {b: -}\n", 1, 8, "a lone '-' inside [ ] or { }"),
    "flow list continued at its key's column": (
        "a:\n  b: [c,\n  d]\n",
        3,
        3,
        (
            "this line continues the list or mapping begun on line 2: indent it with more "
            "than 2 spaces"
        ),
    ),
    "flow mapping continued at column 1": ("a: {b: c,\nd: e}\n", 2, 1, "continues the list"),
    "flow continued after a tab": ("- [\n\tb,\n c]\n", 2, 1, "(tabs do not count)"),
    "closing bracket at its key's column": ("a: [b,\n  c\n]\n", 3, 1, "continues the list"),
    "quoted text continued at its key's column": (
        'a:\n  b: "c\n  d"\n',
        3,
        3,
        "this line continues the quoted text begun on line 2",
    ),
    "quoted text continued after a tab": ('a: "b\n\tc"\n', 2, 1, "continues the quoted text"),
    "single-quoted text continued at column 1": ("- 'a\nb'\n", 2, 1, "the quoted text"),
    "blank line longer than the block text's first line": (
        "a: >\n \n   \n  text\n",
        3,
        1,
        "this line of spaces is longer than the indentation",
    ),
    "blank lines longer than a comment taken for text": (
        "a: >\n \n  \n   \n # comment\n",
        4,
        1,
        "longer than the indentation of the first line",
    ),
}


@pytest.mark.parametrize("name", DEPARTURES)
def test_departure_of_libyaml_refused(name):
    text, line, col, message = DEPARTURES[name]
    got = refusal(text)
    assert got[:2] == (line, col) and message in got[2], got


NEAR_MISSES = {
    # name: (text, data): look like the departures above, but libyaml reads them right
    "? followed by a space": ("a: { ? b : c }\nd: [? e]\n", {"a": {"b": "c"}, "d": [{"e": None}]}),
    "? inside texts": (
        'a: "why?"\nb: [x?y]\nc: http://x.org/?q=1#top\n? d\n: e\n',
        {"a": "why?", "b": ["x?y"], "c": "http://x.org/?q=1#top", "d": "e"},
    ),
    "? at the start of a plain text": ("a: ?b\n?c: d\n", {"a": "?b", "?c": "d"}),
    "# inside texts": ("a: C#\nb: x#y\nc: 'q'\n", {"a": "C#", "b": "x#y", "c": "q"}),
    "comments after spaces": (
        'a: "b" # c\nd: [e] #f\ng: [h, # i\n  j]\nk: > # l\n  m\n',
        {"a": "b", "d": ["e"], "g": ["h", "j"], "k": "m\n"},
    ),
    "suspect characters inside a comment": ('a: b # see [?x], "c"#d and [-]\n', {"a": "b"}),
    "- inside texts": (
        "a: [b-, --, -c]\nb: {-: x}\n-: y\nc: -\\\n",
        {"a": ["b-", "--", "-c"], "b": {"-": "x"}, "-": "y", "c": "-\\"},
    ),
    "flow and quoted texts indented deeper than their key": (
        "a:\n  b: [c,\n   d]\n  e: \"f\n   g\"\n  h: 'i\n\n     j'\n",
        {"a": {"b": ["c", "d"], "e": "f g", "h": "i\nj"}},
    ),
    "top-level flow over lines": ("{a: [b,\nc],\nd: e}\n", {"a": ["b", "c"], "d": "e"}),
    "blank lines of tabs inside a flow": ("- [\n\t\n a\n ]\n", [["a"]]),
    "block text ending the file without a line break": ("a: |\n  b", {"a": "b"}),
    "line of spaces at the end, not after a block text": ("a: b\n  ", {"a": "b"}),
    "tagged block texts": (
        "a: !!str |\n  b\nc: ! >-\n  d\ne: !<tag:yaml.org,2002:str> |2\n   f\n",
        {"a": "b\n", "c": "d", "e": " f\n"},
    ),
    "tagged block list and mapping": (
        'a: !!map\n  b: "c\n   d"\ne: !!seq # f\n- |\n g\n',
        {"a": {"b": "c d"}, "e": ["g\n"]},
    ),
    "empty quoted key": ('"": a\n', {"": "a"}),
    "value right after a quoted key": ('{"a":b, "c" :d}\n', {"a": "b", "c": "d"}),
    "top-level block text, indented": ("--- |\n  a\n# b\n", "a\n"),
    "block text with an indentation digit": ("a: |1\n   \n  x\n", {"a": "  \n x\n"}),
    "blank lines before an empty block text": ("a: >\n   \nb: c\n", {"a": "", "b": "c"}),
}


@pytest.mark.parametrize("name", NEAR_MISSES)
def test_near_miss_read_as_the_spec_says(name):
    text, data = NEAR_MISSES[name]
    assert read(text)[0] == data


def test_checks_take_linear_time():
    """Many suspect characters in one comment after many values, many block texts: each
    line's comment is found once, the end of the file looked at once."""
    started = time.perf_counter()
    read("a: [" + "a," * 40_000 + "a] # " + "?x " * 30_000 + "\n")
    read("".join(f"k{i}: |\n  x\n" for i in range(50_000)))
    assert time.perf_counter() - started < 10  # minutes when quadratic


# --- hostile files, read in a subprocess with a memory limit --------------------------


HOSTILE = {
    # name: (content, message fragment, line)
    "alias bomb": (billion_laughs(), "anchors and aliases (&, *) are not allowed", 1),
    "100,000 nested [ on one line": ("a: " + "[" * 100_000 + "\n", "nesting is too deep", 1),
    "100,000 nested [ on lines": (
        "[\n" * 100_000 + "]\n" * 100_000,
        "nesting is too deep",
        MAX_DEPTH + 2,
    ),
    "100,000 nested mappings": ("{a:\n" * 100_000, "nesting is too deep", MAX_DEPTH + 2),
    "50,000 nested block lists": ("- " * 50_000 + "a\n", "nesting is too deep", 1),
    "deep block mappings": (
        "".join(" " * i + "a:\n" for i in range(2_000)),
        "nesting is too deep",
        MAX_DEPTH + 2,
    ),
    "enormous file": (
        ("# " + "x" * 98 + "\n") * 90_000,
        f"files larger than {MAX_BYTES} bytes are refused",
        1,
    ),
    "very long line": (
        'a:\n  - id: x\n    name: "' + "x" * 1_000_000 + '"\n',
        "line is 1000012 characters long; lines longer than",
        3,
    ),
    "millions of values": ("- a\n" * 2_000_000, f"more than {MAX_VALUES} values", MAX_VALUES),
    "millions of values in a flow": (
        "[" + "a,\n" * 2_000_000 + "]\n",
        f"more than {MAX_VALUES} values",
        MAX_VALUES,
    ),
}

CHILD = """
import resource, sys
limit = 1024 ** 3  # address space: the reader needs far less
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from pathlib import Path
from typing import ClassVar
from korea_positions.kb.yamlread import YamlProblem, read_yaml
try:
    read_yaml(Path(sys.argv[1]), "f.yaml")
except YamlProblem as exc:
    print(exc)
else:
    print("read")
"""


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_file_refused_with_a_reason(tmp_path, name):
    content, message, line = HOSTILE[name]
    path = tmp_path / "f.yaml"
    path.write_text(content, encoding="utf-8")
    environment = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        check=False,
    )
    # A crash (C stack overflow) would be a negative status; running out of the memory
    # limit a MemoryError and a traceback.
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
    match = re.fullmatch(r"f\.yaml:(\d+):\d+: (.*)\n", result.stdout)
    assert match and message in match[2], result.stdout
    assert int(match[1]) == line, result.stdout


# --- properties -----------------------------------------------------------------------

TEXTS = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Zl", "Zp"]), max_size=12
) | st.sampled_from(
    ["", "~", "null", "no", "- x", "a: b", "#", "? x", "'", '"', "x\ny", " lead", "trail "]
)
KEYS = TEXTS.filter(lambda key: key != "<<")  # a merge key is refused
DATA = st.recursive(
    st.none() | TEXTS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=20,
)


class _TextLoader(yaml.CSafeLoader):
    """PyYAML reading texts as written and plain null words as None, keys as written: the
    reader's data, by another route (its composer and constructors)."""

    yaml_implicit_resolvers: ClassVar[dict] = {}

    def construct_mapping(self, node, deep=False):
        return {key.value: self.construct_object(value, deep=True) for key, value in node.value}


_TextLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    DATA.filter(lambda data: isinstance(data, (dict, list))),
    st.sampled_from([None, False, True]),
    st.sampled_from([20, 80]),
    st.sampled_from([2, 4]),
)
def test_dumped_data_reads_back(data, flow, width, indent):
    text = yaml.safe_dump(
        data, default_flow_style=flow, width=width, indent=indent, allow_unicode=True
    )
    got, locator = read(text)
    assert got == data
    assert set(locator.marks()) >= {()}


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(DATA.filter(lambda data: isinstance(data, dict)), st.data())
def test_edited_text_read_as_pyyaml_reads_it_or_refused(data, draw):
    """After random edits (indicators, spaces, breaks inserted anywhere), a text is either
    refused or read as PyYAML's own composer reads it: the event loop builds the same."""
    text = yaml.safe_dump(data, width=draw.draw(st.sampled_from([20, 80])), allow_unicode=True)
    for _ in range(draw.draw(st.integers(1, 3))):
        at = draw.draw(st.integers(0, len(text)))
        edit = draw.draw(st.sampled_from(list("#?-:,[]{}'\"|>!&* \t\n") + [" #", ": ", "- "]))
        text = text[:at] + edit + text[at:]
    try:
        got, locator = read(text)
    except YamlProblem:
        return
    assert got == yaml.load(text, Loader=_TextLoader)
    marks = locator.marks()
    assert all(isinstance(line, int) and line >= 1 and col >= 1 for line, col in marks.values())


def test_bundled_files_read_with_each_record_id_located():
    files = sorted([*REPO.glob("data/**/*.yaml"), *REPO.glob("seeds/*.yaml")])
    assert len(files) >= 6
    for path in files:
        _, locator = read_yaml(path, path.name)
        lines = path.read_text(encoding="utf-8").splitlines()
        for where, (line, col) in locator.marks().items():
            if where[-1:] == ("id",):
                assert lines[line - 1][col - 1 :].startswith("id:"), (path, where)
