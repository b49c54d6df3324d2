"""Values written as YAML that kpos's reader reads back exactly: for the files `kpos init`
and `kpos add source` write and the quote stubs `kpos extract` prints.

A text is written plain when it cannot be misread (letters, digits, spaces and a little
punctuation, and not a word YAML gives a meaning to), else double-quoted: JSON's escapes
are YAML's, and the characters the reader refuses raw are escaped too.
"""

from __future__ import annotations

import json
import re

_PLAIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9 .,'()/_-]*[A-Za-z0-9.)])?")
_SPECIAL = {"null", "true", "false", "yes", "no", "on", "off", "y", "n", "nan", "inf"}
# Raw, these would be read as line breaks or refused (kb.yamlscan): written as escapes.
_ESCAPE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def quoted(text: str) -> str:
    """A double-quoted YAML text."""
    body = json.dumps(text, ensure_ascii=False)
    return _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", body)


def scalar(value, flow: bool = False) -> str:
    """A value as YAML: null, true/false, a number, a text (plain when safe), or a flow list
    or mapping of such values (`flow`: inside one, where a comma ends a plain text)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(scalar(item, True) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {scalar(v, True)}" for k, v in value.items()) + "}"
    text = str(value)
    plain = _PLAIN.fullmatch(text) and not (flow and "," in text)
    if plain and text.lower() not in _SPECIAL and "  " not in text:
        return text
    return quoted(text)


def mapping_lines(record: dict, indent: int = 0, item: bool = False) -> list[str]:
    """`key: value` lines of a flat record; as a list item (`- key: ...`) when `item`."""
    lines = []
    for number, (key, value) in enumerate(record.items()):
        lead = " " * indent + ("- " if item and number == 0 else "  " if item else "")
        lines.append(f"{lead}{key}: {scalar(value)}")
    return lines
