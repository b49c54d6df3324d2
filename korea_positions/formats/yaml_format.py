"""yaml: the records as a YAML list (a mapping for single-record commands)."""

from __future__ import annotations

import yaml


def render(records, view, out, terminal) -> None:
    # safe_dump quotes strings YAML would misread (no, 10:28) and escapes non-printable
    # characters, so the output reads back as exactly the data.
    yaml.safe_dump(records[0] if view.single else records, out, allow_unicode=True,
                   sort_keys=False, width=100, default_flow_style=False)
