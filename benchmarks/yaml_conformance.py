"""Run the YAML reader over the official YAML test suite and count how it fares.

Usage: python benchmarks/yaml_conformance.py SUITE_DIR [--verbose]

SUITE_DIR is a copy of the `data` branch of https://github.com/yaml/yaml-test-suite:
one directory per case (some with numbered subdirectories) holding `in.yaml`, `in.json`
for most valid cases, and a file `error` when the YAML is invalid. Each case lands in one
bucket:

- equal: valid, and read as `in.json` says (or, without `in.json`, accepted);
- refused-valid: valid, but refused (fine: the reader refuses rare constructs);
- misread: valid, but read as other data than `in.json` (must be 0);
- refused-invalid: invalid, and refused;
- accepted-invalid: invalid, but read (must be 0).

Comparing with in.json: the reader keeps every scalar as the text written, where the
suite's JSON holds the value the YAML 1.2 core schema gives it. So a JSON string must
equal our text exactly; JSON null must be our None (a plain `~`, `null`, `Null`, `NULL`
or nothing); JSON true/false must be a text the core schema reads as that boolean
(`true`, `True`, `TRUE`...); a JSON number must be a text the core schema reads as that
number (`12`, `0o14`, `0xC`, `1.2e1`...). Objects compare key by key (keys are texts on
both sides), arrays item by item. A case whose in.json holds several documents can only
be refused (the reader takes one document per file), or it is counted as misread.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path

from korea_positions.kb.yamlread import YamlProblem, read_text

_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN = re.compile(r"\.(nan|NaN|NAN)")
BUCKETS = ("equal", "refused-valid", "misread", "refused-invalid", "accepted-invalid")


def core_schema(text: str):
    """The value the YAML 1.2 core schema gives a plain text other than null."""
    if text in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return text.lower() == "true"
    if _INT.fullmatch(text):
        return int(text, 8 if text.startswith("0o") else 16 if text.startswith("0x") else 10)
    if _FLOAT.fullmatch(text):
        return float(text)
    if _INF.fullmatch(text):
        return -math.inf if text.startswith("-") else math.inf
    if _NAN.fullmatch(text):
        return math.nan
    return text


def same(ours, expected) -> bool:
    """Whether our data (texts as written) is the suite's JSON data; see the docstring."""
    if isinstance(expected, dict):
        return (
            isinstance(ours, dict)
            and ours.keys() == expected.keys()
            and all(same(ours[key], expected[key]) for key in expected)
        )
    if isinstance(expected, list):
        return (
            isinstance(ours, list) and len(ours) == len(expected) and all(map(same, ours, expected))
        )
    if expected is None or isinstance(expected, str):
        return ours == expected
    if not isinstance(ours, str):
        return False
    value = core_schema(ours)
    if isinstance(expected, bool) or isinstance(value, bool):
        return value is expected
    return isinstance(value, (int, float)) and value == expected


def json_documents(text: str) -> list:
    """The JSON values in a file that may hold several, one after another."""
    decoder, documents, at = json.JSONDecoder(), [], 0
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at == len(text):
            return documents
        value, at = decoder.raw_decode(text, at)
        documents.append(value)


def judge(case: Path) -> str:
    text = (case / "in.yaml").read_bytes().decode("utf-8")
    invalid = (case / "error").exists()
    try:
        data, _ = read_text(text, "in.yaml")
    except YamlProblem:
        return "refused-invalid" if invalid else "refused-valid"
    if invalid:
        return "accepted-invalid"
    expected = case / "in.json"
    if not expected.exists():
        return "equal"
    documents = json_documents(expected.read_text(encoding="utf-8"))
    return "equal" if len(documents) == 1 and same(data, documents[0]) else "misread"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("suite", type=Path, help="a copy of the suite's data branch")
    parser.add_argument("--verbose", action="store_true", help="list the cases in bad buckets")
    args = parser.parse_args()
    cases = sorted(path.parent for path in args.suite.rglob("in.yaml"))
    if not cases:
        parser.error(f"no in.yaml under {args.suite}")
    found: dict[str, list[str]] = {bucket: [] for bucket in BUCKETS}
    for case in cases:
        found[judge(case)].append(case.relative_to(args.suite).as_posix())
    print(f"cases {len(cases)}, " + ", ".join(f"{b} {len(found[b])}" for b in BUCKETS))
    if args.verbose:
        for bucket in ("refused-valid", "misread", "accepted-invalid"):
            print(f"{bucket}: {' '.join(found[bucket]) or '-'}")
    return 1 if found["misread"] or found["accepted-invalid"] else 0


if __name__ == "__main__":
    sys.exit(main())
