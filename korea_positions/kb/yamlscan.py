"""What the YAML reader checks on the text itself, around libyaml's parse.

Before the parse: characters YAML would refuse or silently turn into line breaks, and
overlong lines. After it, the constructs where libyaml departs from the YAML spec. Run
over the official YAML test suite, libyaml reads a few valid files otherwise than the
spec says and accepts a few invalid ones; each such construct is rare in real files and
easy to recognise once the parser has said where every scalar starts and ends, so the
reader refuses it in plain words rather than guess:

- a line that continues a flow list or mapping, or a quoted text, must be indented more
  than the key or `-` it belongs to (libyaml does not check);
- a block text (`|` or `>`): only an indentation digit, `+` or `-`, and a comment after a
  space may follow the indicator (libyaml takes `>#x` for a comment); the indicator must
  be indented more than its key or `-`, and no line of spaces before the first line of
  text may be longer than that line's indentation (libyaml accepts the first and ends the
  text early in the second); at the top level, neither a digit nor a first line at column
  0 (libyaml indents such a text one column more than the spec); and a file must not end
  in a line of spaces just after one (libyaml drops that line);
- outside scalars: a comment needs a space before its `#` (libyaml takes `"a"#b` or
  `[a]#b` for a comment), and `?` marks a key only when a space follows (libyaml reads
  `{?x: y}` as the key `x` where the spec reads `?x`);
- a lone `-` inside [ ] or { } (libyaml takes it for the text "-").

Regular expressions look for the few characters concerned; only where one occurs are the
scalars' places kept and consulted, so an ordinary file costs next to nothing."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property

_LINE_BREAK = re.compile("\r\n|\r|\n")  # as libyaml counts lines
# Characters YAML does not allow (C0 and C1 controls but tab and line breaks, DEL,
# U+FFFE/U+FFFF), plus three it allows but reads as line breaks: NEL (U+0085, which is
# often a mangled "..."), LINE and PARAGRAPH SEPARATOR. Those would silently become a
# space or a new line and shift every line number after them, so they are refused too;
# written as escapes inside double quotes they are fine. (Listed, not as the complement of
# those allowed: the same set, compiled in an eighth of the time, on every edit.)
_REFUSED_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
)
# From the scalar's start: a tag (a standard one, or `!`), the indicator, then the line's end.
_BLOCK_HEADER = re.compile(
    r"(![^\s]*[ \t]+)?[|>]([1-9][+-]?|[+-][1-9]?)?([ \t]+(#[^\r\n]*)?)?(\r|\n|\Z)"
)
_TAG_AND_SPACE = re.compile(r"!\S*(?:[ \t\r\n]|#[^\r\n]*)*")  # to the first entry after it
# Outside scalars, these may be read otherwise than the spec says: a `#` right after a
# character that can end a token other than a plain text, a `?` followed by no space, a
# `-` followed by a flow indicator. Each pattern opens with its character: quick to find.
_SUSPECTS = (
    re.compile(r"#(?<=[\[\]{}\"',:?]#)"),
    re.compile(r"\?(?=\S)(?<!\w\?)"),
    re.compile(r"-(?=[,\]}])"),
)


class Scan:
    """One text, its lines and places, and the checks on it: each returns None or the
    problem as (message, line, col)."""

    def __init__(self, text: str):
        self.text = text
        self._line_starts: list[int] | None = None
        self._blank_end: int | None = None

    @cached_property
    def lines(self) -> list[str]:
        return _LINE_BREAK.split(self.text)

    def position(self, index: int) -> tuple[int, int]:
        """1-based line and column of a character index."""
        if self._line_starts is None:
            self._line_starts = [0, *(match.end() for match in _LINE_BREAK.finditer(self.text))]
        line = bisect_right(self._line_starts, index) - 1
        return line + 1, index - self._line_starts[line] + 1

    def _following(self, index: int):
        """The lines after the one holding character `index`, one at a time."""
        text, search = self.text, _LINE_BREAK.search
        found = search(text, index)
        while found is not None:
            start = found.end()
            found = search(text, start)
            yield text[start : found.start() if found else len(text)]

    def blank_end(self) -> int:
        """Where the file ends in a line of spaces or tabs (after a line break, and with
        none after it); the file's length if it does not."""
        if self._blank_end is None:
            text, end = self.text, len(self.text)
            start = len(text.rstrip(" \t"))
            after_break = start > 0 and text[start - 1] in "\r\n"
            self._blank_end = start if start < end and after_break else end
        return self._blank_end

    def column_after_tag(self, index: int) -> int:
        """The column of a block list's or mapping's first `-` or key, when its start mark
        (at `index`) is at its tag."""
        return self.position(_TAG_AND_SPACE.match(self.text, index).end())[1] - 1

    def characters(self, max_line: int):
        """A character YAML would refuse or read as a line break; a line too long."""
        text = self.text
        bad = _REFUSED_CHARS.search(text)
        if bad is not None:
            code = ord(bad.group())
            message = (
                f"character U+{code:04X} is not allowed in a YAML file; if it is meant, "
                f"write it as \\u{code:04x} inside double quotes"
            )
            return message, *self.position(bad.start())
        if len(text) > max_line:
            for number, line in enumerate(self.lines, 1):
                if len(line) > max_line:
                    message = (
                        f"line is {len(line)} characters long; lines longer than {max_line} "
                        "characters are refused"
                    )
                    return message, number, 1
        return None

    def syntax_error(self, mark, problem: str | None, context: str | None, start):
        """libyaml's `problem` noticed at `mark`, while reading the `context` that began at
        `start`: where it was noticed, and where that began (an unclosed quote is noticed
        at the end of the file; the curator needs the line where it opened)."""
        from korea_positions.kb.yamlhints import explain

        message = explain(problem or "", context, start, mark, self.lines)
        if message is None:
            message = f"invalid YAML: {problem or 'syntax error'}"
            if context and start is not None and (start.line, start.column) != (mark.line, mark.column):  # fmt: skip
                message += f" ({context} at line {start.line + 1}, column {start.column + 1})"
            elif context:
                message += f" ({context})"
        line = self.lines[mark.line] if mark.line < len(self.lines) else ""
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent or line[mark.column : mark.column + 1] == "\t":
            message += "; indent with spaces: YAML does not allow tabs there"
        return message, mark.line + 1, mark.column + 1

    def continuation(self, at: int, first: int, last: int, indent: int, what: str):
        """Lines first+1..last (0-based) continue a flow collection or a quoted text that
        starts at character `at` on line `first`, whose key or `-` is at column `indent`:
        each must be indented more, blank lines aside (in a quoted text a line of tabs is
        not blank: it would be part of the text)."""
        blank = " " if what == "quoted text" else " \t"
        for number, line in zip(range(first + 1, last + 1), self._following(at), strict=False):
            spaces = len(line) - len(line.lstrip(" "))
            if spaces <= indent and line.strip(blank):
                missing = (
                    " is its closing quotation mark missing? Else" if what == "quoted text" else ""
                )
                message = (
                    f"this line continues the {what} begun on line {first + 1}:{missing} indent "
                    f"it with more than {indent} spaces (tabs do not count), deeper than its "
                    "key or '-'"
                )
                return message, number + 1, spaces + 1
        return None

    def scalar(self, start, end, style: str, indent: int):
        """A quoted or block scalar outside [ ] and { }, from mark `start` to mark `end`,
        whose key or `-` is at column `indent` (-1 at the top level)."""
        if style not in "|>":
            if end.line == start.line:
                return None
            return self.continuation(start.index, start.line, end.line, indent, "quoted text")
        text = self.text
        header = _BLOCK_HEADER.match(text, start.index)
        if header is None:
            message = (
                "after | or > only an indentation digit, + or -, and a comment after a "
                "space may follow (a tag goes before them, on the same line)"
            )
            return message, start.line + 1, start.column + 1
        if start.column <= indent:  # libyaml takes it on the line under its key, unindented
            message = "a block text (| or >) must be indented more than its key or '-'"
            return message, start.line + 1, start.column + 1
        # The first line of text sets the indentation, unless a digit does: no blank line
        # before it may be longer. At the top level, libyaml indents the text one column
        # more than the spec says: neither a digit nor a first line at column 0 is taken.
        number, widest = start.line + 1, (0, 0)
        following = self._following(start.index)
        line = next(following, None)
        while line is not None and not line.strip(" "):
            widest = max(widest, (len(line), number))
            number, line = number + 1, next(following, None)
        first = len(line) - len(line.lstrip(" ")) if line is not None else -1
        digit = any(c.isdigit() for c in header.group(2) or "")
        if indent < 0 and (digit or first == 0):
            message = "at the top level, a block text needs its first line indented, no digit"
            return message, start.line + 1, start.column + 1
        if not digit and indent < first < widest[0]:
            message = (
                "this line of spaces is longer than the indentation of the first line of the "
                f"block text ({first}); remove the extra spaces"
            )
            return message, widest[1] + 1, 1
        if end.index >= self.blank_end() < len(text):
            message = (
                "the file ends in a line of spaces after a block text; remove them or end "
                "the line with a line break"
            )
            return message, len(self.lines), 1
        return None

    def suspects(self) -> list[int]:
        """Where the text holds a character that may be read otherwise than the spec says,
        if it stands outside every scalar (gaps checks that)."""
        return sorted(match.start() for find in _SUSPECTS for match in find.finditer(self.text))

    def gaps(self, places: list, suspects: list[int]):
        """Check the characters outside every scalar at `suspects`. `places` holds each
        value's start and end index in document order (for a list or a mapping, its start
        and None)."""
        text = self.text
        starts, ends = places[0::2], places[1::2]
        comments: dict[int, int] = {}  # line number -> its first `#` outside scalars, or -1
        for at in suspects:
            k = bisect_right(starts, at) - 1
            inside = k >= 0 and ends[k] is not None and at < ends[k]
            if text[at] == "-":
                if inside and (starts[k], ends[k]) == (at, at + 1):
                    message = "a lone '-' inside [ ] or { } is not a value; put it in quotes"
                    return message, *self.position(at)
                continue
            if inside:
                continue
            line = self.position(at)[0] - 1
            if line not in comments:
                comments[line] = self._comment(self._line_starts[line], starts, ends)
            comment = comments[line]
            if comment < 0 or comment > at:
                if text[at] == "?":
                    message = "a '?' right before a text is read as a key marker; quote the text"
                    return message, *self.position(at)
                comment = at
            if text[comment - 1 : comment] not in ("", " ", "\t", "\n", "\r"):
                return "a comment needs a space before its #", *self.position(comment)
        return None

    def _comment(self, i: int, starts: list, ends: list) -> int:
        """Index of the first `#` outside scalars on the line that opens at `i`; -1 if
        there is none."""
        text = self.text
        line_break = _LINE_BREAK.search(text, i)
        stop = line_break.start() if line_break else len(text)
        first = bisect_right(starts, i) - 1
        if first >= 0 and ends[first] is not None and ends[first] > i:
            i = ends[first]  # the line opens inside a scalar
        for k in range(first + 1, len(starts)):
            if i >= stop or starts[k] >= stop:
                break
            if ends[k] is not None:  # a scalar (else a list or mapping: only its start)
                found = text.find("#", i, starts[k])
                if found >= 0:
                    return found
                i = max(i, ends[k])
        return text.find("#", i, stop)
