"""json: one array of records (one object for single-record commands)."""

from __future__ import annotations

import json
import re

from korea_positions.output.formats.cells import BIDI

_UNSAFE = re.compile(f"[\x7f-\x9f\u2028\u2029{BIDI}]")


def _compact_encoder():
    """json.dumps(value, ensure_ascii=False) for one record after another: one C encoder
    made once, where JSONEncoder.encode makes a new one for every record."""
    from json.encoder import c_make_encoder, encode_basestring

    if c_make_encoder is None:  # an interpreter without the C accelerator
        return json.JSONEncoder(ensure_ascii=False).encode
    default = json.JSONEncoder().default  # raises TypeError, as json.dumps does
    encode = c_make_encoder(None, default, encode_basestring, None, ": ", ", ", False, False, True)
    return lambda value: "".join(encode(value, 0))


_COMPACT = _compact_encoder()


def dumps(value: object, indent: int | None = 2) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return safe(text)


def safe(text: str) -> str:
    """json escapes C0 controls itself; DEL, C1 controls, the line separators and the bidi
    controls are escaped too so none reaches a terminal raw. Still valid, lossless JSON."""
    if text.isascii() and "\x7f" not in text:  # the usual case, told at once: nothing to do
        return text
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def render(records, view, out, terminal, width=80, colour=True) -> None:
    if view.single or terminal:
        out.write(dumps(records[0] if view.single else records) + "\n")
        return
    # For pipes: one compact record a line, which the C encoder writes several times
    # faster than an indented document; still one JSON array.
    body = safe(",\n".join(map(_COMPACT, records)))  # one pass over the whole text
    out.write("[\n" + body + ("\n]\n" if records else "]\n"))
