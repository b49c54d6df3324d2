"""Write a synthetic knowledge base N times the bundled one, for scale runs.

    python benchmarks/generate.py --scale 200 /tmp/kb200

Copy k of every source gets its own source card, quotes and positions (ids suffixed
`-xK`, dates shifted by k days); the people, groups and organizations those copies
cite are copied too (names and aliases suffixed), so names stay unique and resolvable;
the five parties and the steps are shared, as they would be in a real archive.
Copy 0 is the bundled knowledge base itself.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
PARTIES = {"us", "dprk", "rok", "china", "unc"}
SCHEMA = "# yaml-language-server: $schema={}schemas/{}.schema.json\n"


def read(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):  # copies share lists; kpos refuses anchors and aliases
        return True


def write(path: Path, data, schema: str, depth: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = SCHEMA.format("../" * depth, schema) + yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100
    )
    path.write_text(text, encoding="utf-8")


def suffix(value, k: int):
    if value is None or k == 0:
        return value
    if isinstance(value, list):
        return [suffix(v, k) for v in value]
    return f"{value}-x{k}"


def actor_ref(value, k: int):
    if isinstance(value, list):
        return [actor_ref(v, k) for v in value]
    return value if value in PARTIES or value is None else suffix(value, k)


def shift(date, k: int) -> str:
    return (dt.date.fromisoformat(str(date)) + dt.timedelta(days=k)).isoformat()


def generate(scale: int, out: Path) -> dict[str, int]:
    actors = read(REPO / "data/actors.yaml")["actors"]
    steps = read(REPO / "data/steps.yaml")["steps"]
    cards = [read(p) for p in sorted((REPO / "seeds").glob("*.yaml"))]
    datas = [read(p) for p in sorted((REPO / "data/sources").glob("*.yaml"))]
    counts = dict.fromkeys(("sources", "actors", "positions", "quotes"), 0)
    all_actors = []
    for k in range(scale):
        for actor in actors:
            if k and actor["id"] in PARTIES:
                continue
            copy = dict(
                actor,
                id=actor_ref(actor["id"], k),
                speaks_for=actor_ref(actor.get("speaks_for"), k),
            )
            if k and actor["id"] not in PARTIES:
                copy["name"] = f"{actor['name']} {k}"
                copy["aliases"] = [f"{a} {k}" for a in actor.get("aliases", [])]
                copy.pop("surname", None)
            all_actors.append(copy)
        for card in cards:
            copy = dict(card, id=suffix(card["id"], k), published=shift(card["published"], k))
            if k:
                copy["title"] = f"{card['title']} ({k})"
            write(out / "seeds" / f"{copy['id']}.yaml", copy, "source-card", 1)
            counts["sources"] += 1
        for data in datas:
            quotes = [
                dict(
                    q,
                    id=suffix(q["id"], k),
                    speaker=actor_ref(q["speaker"], k),
                    reported_by=actor_ref(q.get("reported_by"), k),
                )
                for q in data.get("quotes", [])
            ]
            positions = [
                dict(
                    p,
                    id=suffix(p["id"], k),
                    actor=actor_ref(p["actor"], k),
                    stated_by=actor_ref(p.get("stated_by"), k),
                    reported_by=actor_ref(p.get("reported_by"), k),
                    quotes=suffix(p.get("quotes", []), k),
                )
                for p in data.get("positions", [])
            ]
            source = suffix(data["source"], k)
            write(
                out / "data/sources" / f"{source}.yaml",
                {"source": source, "quotes": quotes, "positions": positions},
                "source-data",
                2,
            )
            counts["quotes"] += len(quotes)
            counts["positions"] += len(positions)
    write(out / "data/actors.yaml", {"actors": all_actors}, "actors", 1)
    write(out / "data/steps.yaml", {"steps": steps}, "steps", 1)
    counts["actors"] = len(all_actors)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=200, help="copies of the bundled KB")
    parser.add_argument("out", type=Path, help="directory to write (data/ and seeds/)")
    args = parser.parse_args(argv)
    if args.scale < 1:
        parser.error("--scale must be at least 1")
    if (args.out / "data").exists():
        parser.error(f"{args.out} already holds a knowledge base")
    counts = generate(args.scale, args.out)
    print(", ".join(f"{n} {kind}" for kind, n in counts.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
