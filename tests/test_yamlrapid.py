"""The rapid read (rapidyaml) is only ever a shortcut to the careful read (libyaml events):
whenever it gives data, that data and the places of the records' ids are exactly what the
careful read gives; everywhere else it declines."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO, edit, line_of
from korea_positions import yamlrapid
from korea_positions.errors import Problem
from korea_positions.yamlread import (MAX_DEPTH, MAX_VALUES, YamlProblem, _careful_read,
                                      _check_text)

pytestmark = pytest.mark.skipif(not yamlrapid.available(), reason="rapidyaml not installed")


def _fail(message: str, line: int = 1, col: int = 1) -> YamlProblem:
    return YamlProblem(Problem("t.yaml", line, col, message))


def _passes_check(text: str) -> bool:
    try:
        _check_text(text, _fail)
    except YamlProblem:
        return False
    return True


def _same(rapid, careful) -> bool:
    """Exactly equal, types included; a rapid boolean stands only for the text true/false."""
    if isinstance(rapid, bool):
        return careful == ("true" if rapid else "false")
    if type(rapid) is not type(careful):
        return False
    if isinstance(rapid, dict):
        return list(rapid) == list(careful) and all(_same(rapid[k], careful[k]) for k in rapid)
    if isinstance(rapid, list):
        return len(rapid) == len(careful) and all(map(_same, rapid, careful))
    return rapid == careful


def assert_rapid_is_careful(text: str, max_values: int = MAX_VALUES):
    """The safety property; returns the rapid read (None when it declined)."""
    read = yamlrapid.rapid_read(text, max_values)
    if read is None:
        return None
    data, marks = read
    try:
        careful, careful_marks = _careful_read(text, "t.yaml", _fail)
    except YamlProblem as exc:
        raise AssertionError(f"rapid read {data!r} where the careful read refuses: {exc}")
    assert _same(data, careful), (data, careful)
    for path, mark in marks.items():
        assert careful_marks.get(path) == mark, (path, mark, careful_marks.get(path))
    return read


# --- a grammar of realistic and risky YAML -------------------------------------------

WORDS = ["a", "id", "x", "us", "dprk", "moon-jae-in", "end-of-war", "nyt-2018-09-17", "text",
         "The North", "U.S.", "Mr. Moon's", "Pandora’s box", "“quoted”", "em — dash", "café",
         "a b", "x y z", "10:28", "2018-09-17", "0x10", "1e3", "-", "--", "- x", "a: b",
         "a #b", "a#b", "id: x", "k:v", "true", "false", "True", "FALSE", "yes", "no", "on",
         "y", "n", "~", "null", "Null", "NULL", "", " ", "123", "-4", "1.5", ".5", "+1", "007",
         "0o7", ".inf", "-.Inf", ".nan", "NaN", "Infinity", "1_000", "&a", "*a", "!x", "!!str",
         "%x", "@x", "`x`", "a & b", "a ! b", "50 %", "a * b", "?", "? x", ":", "a:", "|",
         ">", "{", "}", "[", "]", ",", "'", '"', "\\", "#", "...", "---", "<<", "=", "\xa0",
         "x\xa0y", "\U0001f600", "ü", "\u2028", "\ufeff", "x\ty", "long " * 220,
         "long: " * 200]
TAME_WORDS = ["a", "x", "us", "dprk", "moon-jae-in", "The North", "U.S.", "Mr. Moon's",
              "Pandora’s box", "em — dash", "café", "a b", "x y z", "2018-09-17", "true"]
CHARS = list("abcxyz019 -_.:#,'\"\\&!%*@`~?|>{}[]=/") + ["’", "“", "”", "—", "é", "\xa0",
                                                          "\t", "\n", "\ufeff"]
TAME_CHARS = list("abxyz09 -.’é")
ESCAPES = ["\\n", "\\t", "\\\"", "\\\\", "\\/", "\\x41", "\\xe9", "\\u00e9", "\\u2019",
           "\\U0001F600", "\\0", "\\a", "\\b", "\\e", "\\f", "\\r", "\\v", "\\N", "\\_",
           "\\L", "\\P", "\\ ", "\\\t", "\\q", "\\x4", "\\u12", "\\'", "\\%", "\\\n", "\\",
           "\\ud800", "\\uDE00", "\\U0000DBFF", "\\uD83D\\uDE00", "\\x00", "\\u0000"]
NAMES = ["id", "source", "quotes", "actors", "steps", "speaker", "text", "about", "cut",
         "reported_by", "note", "codes", "by", "part_of", "a", "b", "x", "aliases", "order"]
ODD_KEYS = ["1", "true", "null", "~", "<<", "a b", "id ", " id", "'id'", '"id"', "? id", "x:y",
            "-", "é", "k#", "&a id", "!!str id", "'a''b'", '"a\\"b"', "id", "?x", "a :",
            "k" * 1030, '"' + "k" * 1030 + '"']
EMPTY = ["", " ", " ~", " null", " Null", " NULL", " ''", ' ""']
HEADERS = ["|", ">", "|-", ">-", "|+", ">+", "|2", ">1", "|-2", "|2-", ">+1", "|0", "|9",
           "| # note", "| # +", "> #-", ">  ", "|x"]
BLOCK_LINES = ["id: x", "- id: a", "  more", "", "# not a comment", "---", "a: b", "..."]
EXTRA_LINES = ["# comment", "  # indented comment", "#id: x", "---", "...", "--- # doc",
               "%YAML 1.2\n---", "%TAG ! tag:x,2000:", "<<: {a: b}", "x: &a [1]", "y: *a",
               "z: !!str 1", "w: !x y", "v: @x", "u: `x`", "", " ", "\t", "a:\tb", "id: x",
               "  id: x", "- id: x", "k: v # id: x", "? complex", ": value", "a: b: c",
               '"q": "unclosed', "'x'", "- a", "-", "{a: b}", "[a, b]", "]", "- ]", "a: }"]


def _palettes(draw) -> dict:
    """The few choices of each kind one example draws from: a file then holds a few kinds
    of risk, not all of them (with all of them it would almost never be valid YAML); half
    the examples take tame words and characters only."""
    tame = draw(st.booleans())

    def few(choices, most):
        return draw(st.lists(st.sampled_from(choices), min_size=1, max_size=most, unique=True))

    return {"words": few(TAME_WORDS if tame else WORDS, 6),
            "chars": few(TAME_CHARS if tame else CHARS, 6),
            "escapes": few(ESCAPES, 3), "keys": NAMES * 2 + few(ODD_KEYS, 2),
            "empty": few(EMPTY, 2), "extras": few(EXTRA_LINES, 2)}


class _Grammar:
    """Draws the pieces of one file; `p` holds its palettes."""

    def __init__(self, draw):
        self.draw = draw
        self.p = _palettes(draw)

    def pick(self, choices):
        return choices[self.draw(st.integers(0, len(choices) - 1))]

    def chance(self, one_in: int) -> bool:
        return self.draw(st.integers(0, one_in - 1)) == 0

    def word(self) -> str:
        if self.chance(3):
            return "".join(self.pick(self.p["chars"]) for _ in range(self.pick([0, 1, 3, 6])))
        return self.pick(self.p["words"])

    def scalar(self, indent: int, in_flow: bool = False) -> str:
        """One scalar as written after `key: ` or `- `, possibly over several lines."""
        style = self.pick(["plain", "plain", "single", "double", "double", "block",
                           "multi-plain", "multi-quoted"])
        pad = " " * (indent + self.pick([0, 1, 2, 2, 4]))
        if style == "plain" or (style == "block" and in_flow):
            return self.word()
        if style == "single":
            parts = [self.pick([self.word(), "''", "'"]) for _ in range(self.pick([1, 2]))]
            return "'" + "".join(parts) + "'"
        if style == "double":
            return '"' + "".join(self.pick([self.word(), self.pick(self.p["escapes"])])
                                 for _ in range(self.pick([1, 2, 3]))) + '"'
        if style == "multi-plain":
            sep = self.pick(["\n" + pad, "\n\n" + pad, "\n" + pad + "  "])
            return self.word() + sep + self.word()
        if style == "multi-quoted":
            quote = self.pick(["'", '"'])
            sep = self.pick(["\n" + pad, "\n\n" + pad, "\n", "\n" + pad + " \n" + pad])
            last = self.pick([self.word(), self.pick(self.p["escapes"])])
            return quote + self.word() + sep + last + quote
        inner = " " * (indent + self.pick([2, 2, 1, 3, 0]))
        lines = [self.pick([self.word(), self.pick(BLOCK_LINES)])
                 for _ in range(self.pick([0, 1, 2, 3]))]
        return self.pick(HEADERS) + "".join(
            "\n" + (inner + line if line else self.pick(["", inner, inner + "  "]))
            for line in lines)

    def flow(self, depth: int = 0) -> str:
        """A flow list or mapping, on one line or a few."""
        items = [self.flow(depth + 1) if depth < 1 and self.chance(3) else self.scalar(0, True)
                 for _ in range(self.pick([0, 1, 2, 3]))]
        sep = self.pick([", ", ",", " , ", ",\n    "])
        if self.chance(2):
            return "[" + sep.join(items) + self.pick(["", ",", " "]) + "]"
        return "{" + sep.join(self.pick(self.p["keys"]) + self.pick([": ", ": ", ":"]) + item
                              for item in items) + "}"

    def value(self, indent: int, depth: int) -> str:
        """What follows `key:` or `-`: a scalar or flow, or a nested block on new lines."""
        kind = self.pick(["scalar", "scalar", "scalar", "flow", "map", "list", "empty",
                          "comment"] if depth < 3 else ["scalar", "flow", "empty"])
        if kind == "scalar":
            return " " + self.scalar(indent)
        if kind == "flow":
            return " " + self.flow()
        if kind == "empty":
            return self.pick(self.p["empty"])
        if kind == "comment":
            return self.pick([" # note", "  #", " #: x"]) + self.value(indent, depth + 1)
        step = self.pick([2, 2, 4, 1, 0])
        if kind == "map":
            return "\n" + self.block_map(indent + step, depth + 1)
        return "\n" + self.block_list(indent + step, depth + 1)

    def block_map(self, indent: int, depth: int) -> str:
        keys = [self.pick(self.p["keys"]) for _ in range(self.pick([1, 2, 3]))]
        return "\n".join(" " * indent + key + ":" + self.value(indent, depth) for key in keys)

    def block_list(self, indent: int, depth: int) -> str:
        pad = " " * indent
        items = []
        for _ in range(self.pick([1, 2, 2, 3])):
            kind = self.pick(["scalar", "record", "record", "flow", "list"])
            if kind == "scalar":
                items.append(pad + "-" + self.value(indent + 2, depth))
            elif kind == "record":
                items.append(pad + "- " + self.record(indent + 2, depth + 1))
            elif kind == "flow":
                items.append(pad + "- " + self.flow())
            else:
                items.append(pad + "- " + self.block_list(indent + 2, depth + 1).lstrip(" "))
        return "\n".join(items)

    def record(self, indent: int, depth: int) -> str:
        """A record as the project writes them, `id:` first (mostly), after a list dash."""
        pad = " " * indent
        id_key = self.pick(["id", "id", "id", "id", '"id"', "'id'", "id ", "? id\n" + pad])
        id_value = self.pick(["a", "b", "x", "nyt-moon", "a # c", "'a'", '"b"', "x y", "", "~",
                              "a\n" + pad + "  b", self.scalar(indent)])
        fields = [self.pick(self.p["keys"]) + ":" + self.value(indent, depth)
                  for _ in range(self.pick([0, 1, 2, 3]))]
        fields.insert(self.pick(range(len(fields) + 1)) if self.chance(5) else 0,
                      f"{id_key}: {id_value}")
        return ("\n" + pad).join(fields)

    def deep(self) -> str:
        """Nesting near the careful read's limit: mappings and lists, each a column or two
        further in, or `- ` after `- ` on one line."""
        lines, line, indent = [], "deep:", 0
        for level in range(self.pick([10, 25, 35, 45])):
            if line.endswith(":"):
                lines.append(line)
                indent += self.pick([0, 1, 2]) if self.chance(2) else 1
                line = " " * indent + self.pick(["- ", f"k{level}:"])
            elif self.chance(3):
                line += "- "
            else:
                indent = len(line)
                line += f"k{level}:"
        return "\n".join(lines + [line + " " + self.word()])

    def document(self) -> str:
        """A whole file: top-level keys and record lists, odd lines, ends and marks."""
        parts = []
        for _ in range(self.pick([1, 2, 2, 3])):
            kind = self.pick(["record-list", "record-list", "key", "key", "id", "map", "deep"])
            if kind == "record-list":
                parts.append(self.pick(["quotes", "actors", "steps", "a"]) + ":\n"
                             + self.block_list(self.pick([0, 2, 2, 4]), 1))
            elif kind == "id":
                parts.append("id: " + self.pick(["nyt-2018-09-17", "a", "x"]))
            elif kind == "map":
                parts.append(self.block_map(0, 1))
            elif kind == "deep":
                parts.append(self.deep())
            else:
                parts.append(self.pick(self.p["keys"]) + ":" + self.value(0, 1))
        if self.chance(3):
            for _ in range(self.pick([1, 2])):
                parts.insert(self.pick(range(len(parts) + 1)), self.pick(self.p["extras"]))
        text = "\n".join(parts) + self.pick(["\n", "\n", "\n", "", "\n\n", "\n...\n", "\n# end\n"])
        if self.chance(5):
            text = self.pick(["---\n", "--- \n", "---\n\n", "# head\n---\n", "---\n---\n"]) + text
        ending = self.pick(["\n", "\n", "\n", "\r\n", "\r\n", "\r", "mixed"])
        if ending == "mixed":
            lines = text.split("\n")
            text = "".join(line + self.pick(["\n", "\r\n"]) for line in lines[:-1]) + lines[-1]
        elif ending != "\n":
            text = text.replace("\n", ending)
        return ("\ufeff" if self.chance(10) else "") + text


@st.composite
def documents(draw) -> str:
    return _Grammar(draw).document()


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(documents())
def test_rapid_read_is_the_careful_read_or_declines(text):
    if _passes_check(text):
        assert_rapid_is_careful(text)


PROSE = ['"It will be a political statement"', '"Pandora’s box"', '"what it doesn’t mean"',
         '"a & b"', '"100% sure"', '"*really* so"', '"No! Never"', '"@handle"', '"`code`"',
         '"~ approx"', '"say \\"hi\\""', "'it''s'", '"id: a"', '"x\\u2019y"', "plain prose",
         "U.S.–North Korean talks — soon", "“curly”", '"multi\n      line"', "true", "false",
         "null", "", "~", "Null", "'single'", '"a # not a comment"', "x # comment", '""',
         "moon-jae-in", "[a, b]", "[]", "{}", "{cameo: USA, plover: USA, wikidata: Q30}",
         "{id: a}", "[{id: a}]", "123", "2018-09-17", "x:y", "|\n      id: a\n      text",
         ">-\n      - id: b\n", "|\n    id: a", "\n      id: b", "\n      - id: a"]


@st.composite
def data_files(draw) -> str:
    """Files shaped like the project's: a comment, top-level fields, lists of records whose
    ids come from a tiny pool (so that stray `id:` lines can coincide with real ones)."""
    parts = draw(st.sampled_from([[], ["# yaml-language-server: $schema=../x.json"]]))
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["id: a", "id: b", "source: a", "id: a # c"])))
    for name in draw(st.lists(st.sampled_from(["quotes", "positions", "actors", "steps"]),
                              min_size=1, max_size=2, unique=True)):
        parts.append(name + ":" + draw(st.sampled_from(["", "", " # the list"])))
        pad = " " * draw(st.sampled_from([0, 2, 2, 4]))
        for _ in range(draw(st.integers(0, 3))):
            id_key = draw(st.sampled_from(["id", "id", "id", '"id"', "'id'", "ids"]))
            fields = [f"{id_key}: {draw(st.sampled_from(['a', 'b', 'a', 'c']))}"]
            for key in draw(st.lists(st.sampled_from(["speaker", "text", "about", "note",
                                                      "cut", "sub", "codes"]),
                                     max_size=3, unique=True)):
                if key == "sub":
                    fields.append("sub:\n" + pad + "    id: " + draw(st.sampled_from("ab")))
                else:
                    fields.append(f"{key}: {draw(st.sampled_from(PROSE))}")
            if draw(st.integers(0, 4)) == 0:
                fields.insert(draw(st.integers(0, len(fields))), fields.pop(0))
            if draw(st.integers(0, 5)) == 0:
                parts.append(pad + "- {" + ", ".join(f.replace("\n", " ") for f in fields) + "}")
            else:
                parts.append(pad + "- " + ("\n" + pad + "  ").join(
                    f.replace("\n      ", "\n" + pad + "    ") for f in fields))
    return "\n".join(parts) + "\n"


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data_files())
def test_rapid_read_of_data_files_is_the_careful_read_or_declines(text):
    if _passes_check(text):
        assert_rapid_is_careful(text)


# --- each guard declines --------------------------------------------------------------

DECLINED = {
    "tab": "a:\tb\n",
    "tab indentation": "a:\n\tb: c\n",
    "lone carriage return": "a: b\rc: d\r",
    "tilde": "a: ~\n",
    "Null": "a: Null\n",
    "NULL": "a: [x, NULL]\n",
    "anchor": "a: &x b\n",
    "alias": "a: b\nc: *x\n",
    "tag": "a: !!str b\n",
    "local tag": "a: !x b\n",
    "at sign": "a: @b\n",
    "backquote": "a: `b`\n",
    "directive": "%YAML 1.2\n---\na: b\n",
    "merge key": "a: {b: c}\nd:\n  <<: {b: c}\n",
    "duplicate key": "a: b\nc: d\na: e\n",
    "nested duplicate key": "a:\n  - id: x\n    id: y\n",
    "second document": "a: b\n---\nc: d\n",
    "integer": "a: 123\n",
    "negative integer": "a: [x, -4]\n",
    "float": "a: 1.5\n",
    "exponent": "a: 1e3\n",
    "empty document": "# nothing\n",
    "a list at the top": "- a\n- b\n",
    "a text at the top": "just text\n",
}


@pytest.mark.parametrize("text", DECLINED.values(), ids=DECLINED.keys())
def test_guard_declines(text):
    assert yamlrapid.rapid_read(text, MAX_VALUES) is None


def test_too_many_values_declines():
    text = "a: [" + ", ".join(["x"] * 50) + "]\n"
    assert yamlrapid.rapid_read(text, 1000) is not None
    assert yamlrapid.rapid_read(text, 60) is None


# Counterexamples found by reading random files both ways (the property tests above, and
# probes around what they found); the rapid read of the first version of yamlrapid gave
# each of them data the careful read does not. rapidyaml reads them otherwise than
# libyaml, so the rapid read must decline them.
COUNTEREXAMPLES = {
    # a byte order mark, then a block scalar: rapidyaml counted the mark as indentation
    "bom shifts indentation": "\ufeffquotes:\n- source: |\n  id: a\n",
    "bom inside": "a: b\n\ufeffc: d\n",
    # rapidyaml ends a last block scalar with a line break the file does not have
    "block scalar at end of file": "a: |\n b",
    "folded scalar at end of file": "a: >\n b",
    "block scalar with trailing spaces at end": "a: |\n b\n \n  ",
    # rapidyaml reads on after a `...` before any content; libyaml refuses
    "document end first": "...\nid: a\n",
    # a value that opens with `]` or `}`: libyaml refuses, rapidyaml takes a text
    "value opens with brace": "id: }\n",
    "value opens with bracket": "a: ]x\n",
    "item opens with bracket": "a:\n- x\n- ]\n",
    "key opens with brace": "}x: y\n",
    "value on next line opens with bracket": "a:\n  ]\n",
    # colons: empty keys, and texts in a flow that begin or end with one
    "empty key in a list": "a:\n- :\n",
    "empty key at the top": ": x\n",
    "empty key in a flow": "a: [ : ]\n",
    "colon ends a flow item": "a: [x:]\n",
    "colon then comma": "a: {x:, y: z}\n",
    "colon opens a flow item": "a: [x, :y]\n",
    # after a quoted key a value may follow the colon at once: what begins it counts
    "tilde after a quoted key": 'a: {"b":~}\n',
    "tilde after a single-quoted key": "a: ['b':~]\n",
    "alias after a quoted key": 'a: {"b":*c}\n',
    "at sign after a quoted key": 'a: {"b":@c}\n',
    "question mark after a colon in a flow": "quotes:\n- {id:?aaaaa}\n- {}\n",
    # libyaml reads `?x` in a flow as a key; rapidyaml as the text "?x"
    "question mark in a flow": "a: [?x]\n",
    "question mark key in a flow": "a: {?b: c}\n",
    # rapidyaml's JSON spells these .inf, -.inf and .nan
    "inf": "a: inf\n",
    "minus Inf": "quotes:\n- -.Inf\n",
    "NaN": "a: [.NaN]\n",
    "infinity": "a: -infinity\n",
    # in a flow mapping, rapidyaml keeps a comment in the text
    "comment in a flow mapping": "quotes:\n- {id: a, speaker: x # comment}\n",
    "comment in a flow pair": "a: [b: x # c]\n",
    # rapidyaml reads a key over two lines in a flow; libyaml refuses
    "plain key over two lines in a flow": "a: {b\n c: d}\n",
    "quoted key over two lines in a flow": 'a: ["b\n c": d]\n',
    "escaped quote hides a line break": 'a: ["x\\"], \n y": d]\n',
    "quote inside a plain text": "a: [it's, 'x]y', z\n w: v]\n",
    # explicit indentation: rapidyaml drops the spaces of a line of spaces beyond it
    "indentation indicator": "# comment\nid: |2\n    \n",
    "indentation indicator, keep": "a:\n- |+2\n     \n- z\n",
    "indentation indicator, folded": "a:\n  b: >1-\n    \n     \nz: q\n",
    # rapidyaml passes over what follows a block scalar header; libyaml refuses
    "text after a folded header": "=’:  > +null\"\n",
    "spaces inside a header": "a: |  -\n  y\n",
    # rapidyaml takes a `+` or `-` in a comment after a block header for chomping
    "chomping in a comment": "a: | #? +\n\n",
    "chomping in a comment, folded": "a: > # -\n  y\n\n",
    # libyaml refuses a key of 1024 characters or more
    "long key": "k" * 1100 + ": v\n",
    "long quoted key": "".join(f"a{i}: b\n" for i in range(300)) + '"' + "k" * 1100 + '": v\n',
    "long key in a flow": "a: [" + "k" * 1100 + ": v]\n",
    # an escaped surrogate: libyaml refuses it, rapidyaml writes bytes that are not UTF-8
    "escaped surrogate": 'a: "\\ud800"\n',
    "escaped surrogate pair": 'a: ["\\uD83D\\uDE00"]\n',
    "long escaped surrogate": 'a: "x \\U0000DFFF"\n',
    # nesting deeper than the careful read's limit (40 levels)
    "deep compact lists": "deep:\n" + "- " * 45 + "x\n",
    "deep mappings and lists": "a:\n" + "".join("  " * i + f"- b{i}:\n" for i in range(25))
                               + " " * 52 + "x\n",
}


@pytest.mark.parametrize("text", COUNTEREXAMPLES.values(), ids=COUNTEREXAMPLES.keys())
def test_counterexample_declined_or_equal(text):
    assert _passes_check(text)
    read = assert_rapid_is_careful(text)
    if text.startswith("\ufeffquotes"):  # the mark is skipped, then the read is exact
        assert read is not None and read[1] == {("quotes", 0, "id"): (3, 3)}
    else:
        assert read is None


# `id:` lines that are not the records' id keys, while a record's key is written so that
# a scan for `id:` lines cannot see it: the marks must not take one for the other (the
# first version of yamlrapid did).
MISPLACED_IDS = {
    "quoted key, id line in a block scalar": 'quotes:\n- "id": a\n  speaker: |\n    id: a\n',
    "single-quoted key": "quotes:\n- 'id': a\n  note: |\n    id: a\n",
    "flow record, id line in a block scalar": "quotes:\n  - {id: a}\n  - x: |\n      id: a\n",
    "nested id, quoted record key": 'quotes:\n- id: a\n  sub:\n    id: b\n- "id": b\n',
    "escaped key": 'quotes:\n- "\\x69d": a\n  note: |\n    id: a\n',
    "id line in a multi-line text": 'items:\n- "id": a\n  note: "x\n    id: a\n    y"\n',
    "bom before the top-level id": "\ufeffid: a\nnote: |\n  id: a\n",
}


@pytest.mark.parametrize("text", MISPLACED_IDS.values(), ids=MISPLACED_IDS.keys())
def test_misplaced_id_lines_give_no_wrong_marks(text):
    assert assert_rapid_is_careful(text) is not None


def test_long_lines_accepted_unless_a_key_could_be_long():
    text = "text: \"" + "x" * 3000 + "\"\n" + "k" * 990 + ": v\n"
    assert assert_rapid_is_careful(text) is not None
    assert yamlrapid.rapid_read(text.replace("xxx\"", "x: y\""), MAX_VALUES) is None


def test_depth_guard_is_well_under_the_careful_limit():
    # a level of nesting takes a column at least: DEEP columns cannot reach MAX_DEPTH
    assert yamlrapid.DEEP + 5 <= MAX_DEPTH
    lists = "deep:\n" + "- " * 14 + "x\n"  # 16 levels, 28 columns: still rapid
    assert assert_rapid_is_careful(lists) is not None
    assert yamlrapid.rapid_read("deep:\n" + "- " * 15 + "x\n", MAX_VALUES) is None


def test_flows_that_close_on_their_line_accepted():
    text = ("a: [\"U.S.\", \"Mr. Moon's\", 'it''s', \"a]b\", 'c}d', \"x # y\", \"q\\\"]\"]\n"
            "b: {cameo: USA, plover: USA, wikidata: Q30}\nc: []\nd: {}\ne: [x#y, 'z']\n")
    data, _ = assert_rapid_is_careful(text)
    assert data["a"] == ["U.S.", "Mr. Moon's", "it's", "a]b", "c}d", "x # y", 'q"]']
    for declined in ("a: [b, [c]]\n", "a: [b,\n  c]\n", "a: [b, c # d\n  ]\n"):
        assert yamlrapid.rapid_read(declined, MAX_VALUES) is None


def test_leading_document_start_accepted_with_marks():
    text = "---\n# a record\nid: a\nitems:\n  - id: b\n    name: x\n"
    data, marks = assert_rapid_is_careful(text)
    assert data == {"id": "a", "items": [{"id": "b", "name": "x"}]}
    assert marks == {("id",): (3, 1), ("items", 0, "id"): (5, 5)}


def test_crlf_accepted_with_marks():
    text = "source: s\r\nquotes:\r\n  - id: a\r\n    text: \"two\r\n      lines\"\r\n" \
           "  - id: b\r\n    note: |\r\n      kept\r\n"
    data, marks = assert_rapid_is_careful(text)
    assert data == {"source": "s", "quotes": [{"id": "a", "text": "two lines"},
                                              {"id": "b", "note": "kept\n"}]}
    assert marks == {("quotes", 0, "id"): (3, 5), ("quotes", 1, "id"): (6, 5)}


def test_byte_order_mark_skipped_like_libyaml():
    data, marks = assert_rapid_is_careful("\ufeffid: a\nitems:\n- id: b\n")
    assert data == {"id": "a", "items": [{"id": "b"}]}
    assert marks == {("id",): (1, 1), ("items", 0, "id"): (3, 3)}


def test_true_and_false_come_as_booleans_and_nothing_else_does():
    data, _ = assert_rapid_is_careful("a: true\nb: false\nc: True\nd: 'true'\ne: yes\n"
                                      "f: null\ng:\nh: ''\ni: -Inf\nj: 0x10\n")
    assert data == {"a": True, "b": False, "c": "True", "d": "true", "e": "yes", "f": None,
                    "g": None, "h": "", "i": "-Inf", "j": "0x10"}


def test_prose_with_indicators_inside_words_accepted():
    # (after a space they decline: the guards do not tell a quoted text from a value)
    text = ('quotes:\n  - id: a\n    text: "Pandora’s box — 100% R&D, so*so, wow!#1"\n'
            "    note: 'it''s: [not] {a} flow'\n    about: [x, y]\n    codes: {a: b, c: d}\n")
    assert assert_rapid_is_careful(text) is not None
    assert yamlrapid.rapid_read(text.replace("R&D", "R & D"), MAX_VALUES) is None


BUNDLED = sorted([*REPO.glob("data/*.yaml"), *REPO.glob("data/sources/*.yaml"),
                  *REPO.glob("seeds/*.yaml")])


@pytest.mark.parametrize("path", BUNDLED, ids=lambda path: str(path.relative_to(REPO)))
def test_bundled_files_take_the_rapid_path(path):
    text = path.read_text(encoding="utf-8")
    read = assert_rapid_is_careful(text)
    assert read is not None, "declined"
    data, marks = read
    careful, careful_marks = _careful_read(text, "t.yaml", _fail)
    id_paths = {path for path in careful_marks if path[-1:] == ("id",) and len(path) in (1, 3)}
    assert id_paths and set(marks) == id_paths
    assert all(marks[path] == careful_marks[path] for path in id_paths)
    assert _same(data, careful)  # (assert_rapid_is_careful checked it too)


def test_bundled_files_found():
    assert {path.parent.name for path in BUNDLED} == {"data", "sources", "seeds"}


# --- through the loader: every problem in the careful read's words and places ---------

ALPHA = "data/sources/alpha.yaml"


def test_problem_deep_in_a_rapid_file_is_located_by_the_careful_read(kpos, kb_copy):
    path = kb_copy / ALPHA
    edit(path, "stance: demand\n    step: declaration", "stance: demands\n    step: declaration")
    text = path.read_text(encoding="utf-8")
    assert yamlrapid.rapid_read(text, MAX_VALUES) is not None  # the rapid read takes it
    line, col = _careful_read(text, ALPHA, _fail)[1][("positions", 1, "stance")]
    assert (line, col) == (line_of(path, "stance: demands"), 5)
    result = kpos("validate", data=kb_copy)
    assert result.exit_code == 1
    assert f"{ALPHA}:{line}:{col}: positions.1.stance: Input should be" in result.stdout


def test_boolean_from_the_rapid_read_is_no_problem_where_a_text_is_expected(kpos, kb_copy):
    # rapidyaml gives True for `text: true`; the loader reads the file again carefully
    # (the text "true") and reports only the real problem, further down, where it is
    path = kb_copy / ALPHA
    edit(path, 'text: "sincerity"', "text: true")
    edit(path, "speaker: kim-bo-ra", "speaker: Kim Bo-ra")
    text = path.read_text(encoding="utf-8")
    assert yamlrapid.rapid_read(text, MAX_VALUES)[0]["quotes"][0]["text"] is True
    result = kpos("validate", data=kb_copy)
    assert result.exit_code == 1
    problems = [line.split("kb/", 1)[-1] for line in result.stdout.splitlines() if ALPHA in line]
    assert problems == [f"{ALPHA}:{line_of(path, 'Kim Bo-ra')}:5: quotes.2.speaker: String "
                        "should match pattern '^[a-z0-9]+(?:-[a-z0-9]+)*$' (got 'Kim Bo-ra')"]


def test_number_in_a_text_field_stays_the_text_written(kpos, kb_copy):
    path = kb_copy / ALPHA
    edit(path, 'text: "sincerity"', "text: 123")
    assert yamlrapid.rapid_read(path.read_text(encoding="utf-8"), MAX_VALUES) is None
    result = kpos("validate", data=kb_copy)
    assert result.exit_code == 0, result.output
    edit(path, "about: [inventory]", "about: [inventory, 123]")  # now a real problem
    result = kpos("validate", data=kb_copy)
    assert result.exit_code == 1
    line = line_of(path, "about: [inventory, 123]")
    assert f"{ALPHA}:{line}:24: unknown step '123'" in result.stdout


def test_problem_in_a_crlf_file_is_located(kpos, kb_copy):
    path = kb_copy / ALPHA
    edit(path, "stance: demand\n    step: declaration", "stance: demands\n    step: declaration")
    text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(text.encode("utf-8"))
    assert yamlrapid.rapid_read(text, MAX_VALUES) is not None
    result = kpos("validate", data=kb_copy)
    assert result.exit_code == 1
    assert f"{ALPHA}:{line_of(path, 'stance: demands')}:5: positions.1.stance" in result.stdout
