"""The fastest read of an ordinary YAML file: rapidyaml (C++) parses it and writes JSON,
which Python's C json module turns into plain data: four times faster than building the
same data from libyaml's events in Python, and twice as fast with the checks below and
the search for where each record is.

It is only ever a shortcut to what the careful read (yamlread) would give, so it declines
(returns None) wherever the two could differ. Those places were found by reading random
and risky files both ways (tests/test_yamlrapid.py). The guards are cheap, as they run on
every file: a test for a character or a short string, or a regex that begins with a
literal one, and a closer look only where that hits:

- YAML 1.1 against 1.2: rapidyaml reads `~`, `Null` and `NULL` as text, keeps an alias
  `*x` as text, drops tags, accepts `@` and a backquote at the start of a value, and
  takes `?x` in a flow for a text where libyaml reads a key; any file with `&`, `*`,
  `!`, `@`, a backquote, `%`, `~` or `?` where a value could begin (after a space, a line
  break, `[`, `{`, `,` or a colon), or with the word Null or NULL, goes the careful way;
- what libyaml refuses and rapidyaml reads: a value or key that opens with `]` or `}` in
  a block; a colon before `,`, `]` or `}` or after a space or a flow indicator (`[x:]`,
  `[:x]`, and an empty key: `- :`, `[ : ]`); a `...` line with more after it; a key
  over two lines or a comment inside a flow collection (so every `[` and `{` must close
  on its own line, with no comment and no nested collection); a block scalar header
  with anything after `|` or `>` but a chomping `-` or `+`; a key of 1024 characters or
  more (so a colon past the 1000th character of a line declines); nesting deeper than
  the careful read allows (so a line indented 30 columns or more declines); an escaped
  surrogate (`"\\ud800"`, which rapidyaml writes as bytes that are not UTF-8);
- what both read, differently: a block scalar's explicit indentation (`|2`; rapidyaml
  drops spaces libyaml keeps) or a comment after its header (rapidyaml takes a `+` or
  `-` in it for chomping); a block scalar on the last line of a file with no final
  line break (rapidyaml adds one); a byte order mark anywhere but first (one first is
  skipped, as libyaml does); numbers, which its JSON writes as numbers, and `inf`, `.Inf`,
  `-infinity`, `nan`, `.NaN`..., which it writes as `.inf`, `-.inf` and `.nan` (every
  scalar must stay the text written), while `true`/`false` can only ever fill the
  boolean fields, where pydantic reads the text and the boolean alike;
- duplicate keys, merge keys (`<<`), a second document, tabs, lone carriage returns,
  anything but a mapping at the top and more values than the careful read allows;
- and the caller re-reads a file carefully whenever the data it got here shows any
  problem, so every message comes from the careful read, with its lines and columns.

Where each record's `id` key is (the loader's only need from a valid file) is found by
scanning the text for `id:` lines and checking them against the data. A quoted `id` key,
an escape that could spell one, or an `id:` key that could begin inside a line gives up
the scan, so no record's key escapes it, and an `id:` line that is no record's key (in a
block scalar, a multi-line text, a nested mapping) shows as one line too many. When they
do not line up, every place is found by the careful read, on first need.
"""

from __future__ import annotations

import json
import os
import re
from contextlib import contextmanager
from typing import Any

try:
    import ryml
except ImportError:  # an install without it still works, at libyaml's speed
    ryml = None

# Characters that change the meaning of a value when it begins with them (after a space,
# a line break, `[`, `{`, `,` or a colon, as in `{"a":~}`): anchors, aliases, tags,
# reserved indicators, directives, YAML 1.1's null and `?`, which libyaml reads as a key
# even with no space after it in a flow (`[?x]`). Each is looked for alone (str.find is
# many times faster than a regex).
_ODD_STARTS = "&*!@`%~?"
_BEFORE_VALUE = " \n[{,:"
# Colons libyaml reads otherwise than rapidyaml: before `,`, `]` or `}` (`[x:]`, refused),
# before a value that opens with `]` or `}`, or after a space or flow indicator: an empty
# key (`- :`, `[ : ]`, refused) or a text that begins with one (`[:x]`, refused).
_ODD_COLON = re.compile(r":(?:[,\]}]| ++[\]}]|(?<=[\[{, \n]:))")
# At the start of a line: `]` or `}` after indentation and list dashes, which rapidyaml
# takes for a text and libyaml refuses in a block; a `...` with more after it; or
# indentation and list dashes DEEP columns long. Each level of nesting takes a column at
# least (`- - x`, or a list as a mapping's value at the mapping's indentation, then a
# mapping in it two columns further), and flows do not nest here (_FLOW_NOT_CLOSED), so
# with less no file nests anywhere near yamlread.MAX_DEPTH (40) levels, which the careful
# read refuses and rapidyaml does not.
DEEP = 30
_ODD_LINE_START = r"[ -]*+(?:[\]}]|(?<=[ -]{%d}))|\.\.\.(?![^ \r\n])" % DEEP
_ODD_LINE = re.compile("\n(?:" + _ODD_LINE_START + ")")
_ODD_FIRST_LINE = re.compile(_ODD_LINE_START)
# A flow collection that does not close on the line where it opens: rapidyaml reads a
# key over two lines (`{a\n b: c}`) and a comment inside (`{a: b # c}`) where libyaml
# refuses them. From each `[` and `{`, plain characters and whole quoted texts (opening
# where a value can) are skipped; a line break, a comment, a quote out of place or a
# nested `[` or `{` (declined too, to keep this simple) ends the search with a hit.
_FLOW_NOT_CLOSED = re.compile(r"""[\[{](?:[^\[\]{}\n"'#]|(?<=[^ \[{,])#"""
                              r"""|(?<=[\[{,: ])(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'))*+"""
                              r"""(?:[\n\[{"'#]|\Z)""")
# A block scalar header other than `|` or `>` and a chomping `-` or `+`: with an explicit
# indentation (`|2`) rapidyaml drops the spaces of lines holding only spaces beyond it,
# which libyaml keeps; it takes a `+` or `-` in a comment after the header for chomping
# (`| # +`); and it passes over what libyaml refuses (`| x`, `|  -`). (A `|` or `>` in a
# text is taken for one too.)
_ODD_BLOCK_HEADER = re.compile(r"[|>](?![-+]? *(?:\r?\n|\Z))")
# An escaped surrogate (`"\ud800"`): libyaml refuses it, rapidyaml writes bytes that are
# not UTF-8.
_SURROGATE = re.compile(r"\\(?:u|U0000)[dD][89a-fA-F]")
_WINDOW = 512  # see _long_key_possible
_NULL = re.compile(r"N(?:ull|ULL)")
_NULL_WORD = re.compile(r"\b(?:Null|NULL)\b")
# What rapidyaml's JSON writes for `inf`, `.Inf`, `-infinity`, `nan`, `.NaN`...
_INF_OR_NAN = re.compile(r'\.(?:inf|nan)"')
# `id:` as a key: before a space or a line end (`id:x` is a text), with the rest of its
# line; or quoted (`"id":x`).
_ID_KEY = re.compile(r"""id(?::(?=((?:[ \r][^\n]*)?)(?:\n|\Z))|(["']):)""")
_ESCAPE = re.compile(r"\\[xuU]")  # a key spelled with escapes could be `id`


def available() -> bool:
    return ryml is not None


def rapid_read(text: str, max_values: int) -> tuple[Any, dict] | None:
    """(data, marks of each record's id) for an ordinary file, or None to decline."""
    if text.startswith("\ufeff"):  # libyaml skips a byte order mark and counts no column
        text = text[1:]
    if ryml is None or not _looks_ordinary(text):
        return None
    raw = text.encode("utf-8")
    try:
        with _stderr_silenced():  # rapidyaml prints its errors too; ours come later
            tree = ryml.parse_in_arena(raw)
            if 2 * tree.size() > max_values:  # the careful read counts a key and its value
                return None
            node = tree.root_id()
            if tree.is_stream(node):
                if tree.num_children(node) != 1:
                    return None
                node = tree.first_child(node)
            written = ryml.emit_json_malloc(tree, node)
        if not isinstance(written, str):  # an empty document writes nothing
            return None
        if _INF_OR_NAN.search(written) is not None:
            return None  # its JSON writes `inf`, `.Inf`, `-infinity`, `NaN`... as .inf/.nan
        data = json.loads(written, object_pairs_hook=_no_duplicates, parse_int=_decline,
                          parse_float=_decline, parse_constant=_decline)
    except (ryml.ExceptionBasic, ValueError, RecursionError, MemoryError):
        return None
    if not isinstance(data, dict):
        return None
    return data, _id_marks(text, data)


def _looks_ordinary(text: str) -> bool:
    if "\t" in text or "\ufeff" in text or ("<" in text and "<<" in text):
        return False
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        return False
    if ("|" in text or ">" in text) and (not text.endswith("\n")
                                         or _ODD_BLOCK_HEADER.search(text) is not None):
        return False  # block scalars: see _ODD_BLOCK_HEADER, and on the last line
        # of a file with no final line break rapidyaml adds one
    if text[:1] == ":" or _ODD_COLON.search(text) is not None \
            or _ODD_FIRST_LINE.match(text) is not None or _ODD_LINE.search(text) is not None:
        return False
    if "\\" in text and _SURROGATE.search(text) is not None:
        return False
    for opener in "[{":
        at = text.find(opener)
        while at >= 0:
            if _FLOW_NOT_CLOSED.match(text, at) is not None:
                return False
            at = text.find(opener, at + 1)
    for char in _ODD_STARTS:
        at = text.find(char)
        while at >= 0:
            if at == 0 or text[at - 1] in _BEFORE_VALUE:
                return False
            at = text.find(char, at + 1)
    if _NULL.search(text) is not None and _NULL_WORD.search(text) is not None:
        return False
    return not _long_key_possible(text)


def _long_key_possible(text: str) -> bool:
    """Whether a line has a colon past its 1000th character: libyaml refuses a key of 1024
    characters or more, which rapidyaml reads. A line that long (1023 or more) holds one
    of the windows of _WINDOW characters from the start of the text, so only the windows
    with no line break are looked at more closely."""
    line_end = 0
    for start in range(0, len(text) - _WINDOW + 1, _WINDOW):
        if start < line_end or text.find("\n", start, start + _WINDOW) >= 0:
            continue
        line_end = text.find("\n", start)
        if line_end < 0:
            line_end = len(text)
        if text.find(":", text.rfind("\n", 0, start) + 1001, line_end) >= 0:
            return True
    return False


class _Declined(ValueError):
    pass


def _decline(_text: str):
    raise _Declined


def _no_duplicates(pairs: list) -> dict:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        raise _Declined
    return mapping


def _id_marks(text: str, data: dict) -> dict[tuple, tuple[int, int]]:
    """Line and column of the `id` key of the file's record (top level) and of each record
    in its top-level lists, as the careful read would give them; {} when the `id:` lines
    of the text cannot be matched one to one with the records.

    No record's `id` key can escape the scan (a quoted key or an escape, and a plain `id:`
    after a space or a bracket within a line, give up at once; `id :` was declined), so
    one `id:` line too many (in a block scalar, a multi-line text, a nested mapping)
    shows as a count that does not match."""
    expected: list[tuple[tuple, str]] = []
    for key, value in data.items():
        if key == "id":
            expected.append((("id",), value))
        elif isinstance(value, list):
            expected.extend(((key, i, "id"), item["id"]) for i, item in enumerate(value)
                            if isinstance(item, dict) and "id" in item)
    if "\\" in text and _ESCAPE.search(text) is not None:
        return {}
    keys = _id_keys(text)
    if keys is None or len(keys) != len(expected):
        return {}
    marks: dict[tuple, tuple[int, int]] = {}
    line, counted = 1, 0
    for (path, record_id), (offset, written) in zip(expected, keys):
        if written != record_id:
            return {}
        line += text.count("\n", counted, offset)
        counted = offset
        marks[path] = (line, offset - text.rfind("\n", 0, offset))
    return marks


def _id_keys(text: str) -> list[tuple[int, str]] | None:
    """(offset, id written) of each `id:` key that opens a line or a list item; None when
    an `id` key could be quoted or begin inside a line (after a space, `{`, `[` or `,`)."""
    keys = []
    for match in _ID_KEY.finditer(text):
        start = match.start()
        written, quote = match.groups()
        if quote is not None:
            if text[start - 1:start] == quote:  # "id": or 'id':
                return None
            continue
        before = text[text.rfind("\n", 0, start) + 1:start]
        if not before.replace("- ", "").strip(" "):  # indentation and list dashes only
            keys.append((start, _written_id(written)))
        elif before[-1] in " {[,":
            return None
    return keys


def _written_id(written: str) -> str:
    value = written.split(" #", 1)[0].strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return value


@contextmanager
def _stderr_silenced():
    """Point file descriptor 2 at /dev/null for the duration (rapidyaml writes there)."""
    try:
        saved = os.dup(2)
    except OSError:  # no stderr at all: nothing to silence
        yield
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, 2)
        finally:
            os.close(null)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
