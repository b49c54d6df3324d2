"""yaml: the records as a YAML list (a mapping for single-record commands)."""

from __future__ import annotations

import re

import yaml

from korea_positions.output.formats.cells import BIDI

# Strings holding any of these are written double-quoted, the one style with escapes.
# PyYAML's own choice is not enough: it writes NEL (U+0085) raw in other styles, where
# reading it back turns it into a line break, so '\x85' would not round-trip.
_NEEDS_ESCAPES = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff{BIDI}]")
# What PyYAML leaves raw even in double quotes (with allow_unicode): the bidi controls,
# which could reorder what a terminal shows. Only double-quoted strings can hold them
# (see above), and there \uXXXX means the same character.
_RAW_BIDI = re.compile(f"[{BIDI}]")


class _Dumper(yaml.SafeDumper):
    pass


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if _NEEDS_ESCAPES.search(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def render(records, view, out, terminal, width=80, colour=True) -> None:
    # safe_dump quotes strings YAML would misread (no, 10:28) and escapes non-printable
    # characters, so the output reads back as exactly the data.
    text = yaml.dump(
        records[0] if view.single else records,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=False,
    )
    out.write(_RAW_BIDI.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
