"""Write the output of every command in every format on a knowledge base to a directory.

    python benchmarks/contract_snapshot.py OUT_DIR [--texts DIR]

Run it before and after a change and compare with `diff -r BEFORE AFTER`: the command-line
contract (records, formats, exit codes, messages) holds when nothing differs. Each file
holds one command's standard output, then its standard error and exit status.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

FORMATS = ("table", "json", "jsonl", "csv", "tsv", "yaml")
QUERIES = [
    ["actors"],
    ["actors", "--kind", "person"],
    ["steps"],
    ["sources"],
    ["actor", "us"],
    ["actor", "Moon Jae-in"],
    ["actor", "dprk"],
    ["actor", "Brooks"],
    ["demands"],
    ["demands", "--actor", "US"],
    ["demands", "--actor", "dprk", "--actor", "rok"],
    ["demands", "--step", "end-of-war-declaration"],
    ["demands", "--source", "atlantic"],
    ["demands", "--stance", "demand"],
    ["demands", "--actor", "Pompeo"],
    ["quotes"],
    ["quotes", "--source", "nyt"],
    ["quotes", "--actor", "DPRK"],
    ["quotes", "--contains", "sincerity"],
    ["quotes", "--step", "peace-treaty"],
    ["sequence"],
    ["sequence", "--actor", "US"],
    ["sequence", "--as-of", "2018-09-01"],
    ["conflicts"],
    ["conflicts", "--actor", "US", "--actor", "DPRK"],
    ["conflicts", "--as-of", "2018-09-01"],
]
SINGLE = [
    ["validate"],
    ["schema"],
    ["schema", "actors"],
    ["export", "--format", "json"],
    ["export", "--format", "dot"],
    ["export", "--format", "mermaid"],
    ["export", "--format", "plover"],
    ["actor", "nobody"],
    ["demands", "--actor", "Kim"],
    ["sequence", "--as-of", "soon"],
    ["demand"],
    ["--version"],
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--texts", default=os.environ.get("KPOS_TEXTS"))
    parser.add_argument("--kpos", default="kpos")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    env = os.environ | {
        "COLUMNS": "100",
        "NO_COLOR": "1",
        "XDG_CACHE_HOME": tempfile.mkdtemp(prefix="kpos-snapshot-"),
    }
    runs = [q + ["--format", f] for q in QUERIES for f in FORMATS] + SINGLE
    if args.texts:
        runs += [["verify", "--texts", args.texts, "--format", f] for f in FORMATS]
    for argv in runs:
        done = subprocess.run([args.kpos, *argv], env=env, capture_output=True, text=True)
        name = (
            "_".join(a.replace("/", "-").lstrip("-") for a in argv if a != args.texts)[:150]
            or "root"
        )
        (args.out / f"{name}.txt").write_text(
            f"{done.stdout}\n--- stderr\n{done.stderr}\n--- exit {done.returncode}\n",
            encoding="utf-8",
        )
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(
            [args.kpos, "export", "--format", "csv", "-o", f"{work}/csv"], env=env, check=True
        )
        for path in sorted(Path(work, "csv").iterdir()):
            (args.out / f"export_csv_{path.name}").write_bytes(path.read_bytes())
        subprocess.run(
            [args.kpos, "export", "--format", "sqlite", "-o", f"{work}/kb.db"], env=env, check=True
        )
        with sqlite3.connect(f"{work}/kb.db") as db:
            (args.out / "export_sqlite.sql").write_text(
                "\n".join(db.iterdump()) + "\n", encoding="utf-8"
            )
    print(f"{len(runs) + 2} outputs written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
