"""libyaml's syntax errors in a curator's words: what is wrong and how to fix it.

libyaml says where it stopped and what it expected ("mapping values are not allowed in
this context", "did not find expected '-' indicator"); the usual causes are few: a colon
inside an unquoted value, a line indented differently from the fields around it, a
quotation mark or bracket left open. `explain` recognises them from the lines around the
place and says the fix, with the indentation expected; anything else keeps libyaml's words.
"""

from __future__ import annotations

import json
import re

# A line that holds a key: indentation, list dashes, the key (plain or quoted), its colon.
_KEY = re.compile(r"""^( *)((?:- +)*)("[^"]*"|'[^']*'|[^\s#'"\[\]{}\-?][^:#]*?) *:(?: |$)""")


def explain(problem: str, context: str | None, context_mark, mark, lines: list[str]) -> str | None:
    """The message for libyaml's `problem` at `mark`, or None when no plain words fit.
    (Where it is, libyaml's mark, is for the caller to say.)"""
    line = lines[mark.line] if mark.line < len(lines) else ""
    if problem.startswith("mapping values are not allowed"):
        return _colon(line, mark, lines)
    if problem in ("did not find expected '-' indicator", "did not find expected key"):
        return _misplaced(line, mark, context, context_mark, lines)
    if problem == "found unexpected end of stream" and "quoted scalar" in (context or ""):
        opened = lines[context_mark.line][context_mark.column]
        written = '\\"' if opened == '"' else "''"
        return (
            f"the quotation mark {opened} opened at line {context_mark.line + 1}, column "
            f"{context_mark.column + 1} is never closed: end the text with {opened} (a "
            f"{opened} inside it is written {written})"
        )
    closing = re.fullmatch(r"did not find expected ',' or '([\]}])'", problem)
    if closing and context_mark is not None:
        what, opened = ("list", "[") if closing.group(1) == "]" else ("mapping", "{")
        return (
            f"the {what} opened with {opened} at line {context_mark.line + 1}, column "
            f"{context_mark.column + 1} is not closed: end it with {closing.group(1)}, and "
            "separate its items with commas"
        )
    if problem == "could not find expected ':'" and context_mark is not None:
        return (
            f"line {context_mark.line + 1} is neither `key: value` nor a list item: add ': ' "
            "after its key, or, if it goes on with the value above, indent it more than that "
            "value's key"
        )
    if problem == "block sequence entries are not allowed in this context":
        return (
            "a list item ('- ') cannot follow a key on its line: put each item on a line of "
            "its own, indented under the key, or write the list as [a, b]"
        )
    if problem == "found unknown escape character":
        return (
            "a backslash in a double-quoted text starts an escape, and this one is unknown: "
            "write \\\\ for a backslash, or quote the value with ' instead"
        )
    if problem == "found character that cannot start any token":
        char = line[mark.column : mark.column + 1]
        if char.strip():
            return f"a value cannot begin with {char}: quote the value{_example(line)}"
    return None


def _colon(line: str, mark, lines: list[str]) -> str | None:
    key = _KEY.match(line)
    if key and key.end(3) < mark.column:  # the colon is inside the value
        return (
            "a colon followed by a space inside an unquoted value ends it: quote the "
            f"value{_example(line)}"
        )
    above = _key_above(lines, mark.line)
    spaces = _spaces(line)
    if above and spaces > above[1]:
        number, column, name = above
        return (
            f"this line is indented {_n(spaces)}, more than `{name}:` on line {number} "
            f"({column}), so it reads as part of that value: indent it {_n(column)} to "
            f"make it a field beside `{name}:`, or quote the value if it goes on"
        )
    return None


def _misplaced(line: str, mark, context, context_mark, lines: list[str]) -> str | None:
    spaces = _spaces(line)
    if mark.column > spaces:  # stopped inside the line, after a value
        if line[: mark.column].rstrip().endswith(('"', "'")):
            return "text after the closing quotation mark: put all of the value inside the quotes"
        return None
    above = _key_above(lines, mark.line)
    if line.lstrip().startswith("- ") and "mapping" in (context or "") and above:
        number, column, name = above
        return (
            f"a list item ('- ') among the fields of a mapping (like `{name}:` on line "
            f"{number}): give the list a key of its own, or indent it under its key"
        )
    if above is None:
        return None
    number, column, name = above
    message = (
        f"this line is indented {_n(spaces)}, which matches none of the fields above it: "
        f"indent it {_n(column)}, like `{name}:` on line {number}"
    )
    if "collection" in (context or "") and context_mark is not None:
        message += f", or {_n(context_mark.column)} with '- ' to begin a new item"
    return message


def _key_above(lines: list[str], before: int) -> tuple[int, int, str] | None:
    """(line number, indentation, key) of the nearest line above holding a key."""
    for number in range(min(before, len(lines)) - 1, -1, -1):
        match = _KEY.match(lines[number])
        if match:
            column = len(match.group(1)) + len(match.group(2))
            return number + 1, column, match.group(3).strip("'\"")
    return None


def _n(spaces: int) -> str:
    return "1 space" if spaces == 1 else f"{spaces} spaces"


def _spaces(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _example(line: str) -> str:
    """`, as in key: "value"` for the line's key and value, when it has them."""
    key = _KEY.match(line)
    value = line[key.end() :].strip() if key else ""
    if not key or not value:
        return ""
    return f", as in {key.group(3)}: {json.dumps(value, ensure_ascii=False)}"
