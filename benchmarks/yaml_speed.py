"""Time the YAML reader against PyYAML's C loader over every file of a knowledge base.

Usage: python benchmarks/yaml_speed.py KB_DIR [--runs 5]

KB_DIR holds data/ and seeds/ (e.g. from `benchmarks/generate.py --scale 200 KB_DIR`).
Each run reads all files with `read_yaml` and then all the same texts with
`yaml.load(text, Loader=yaml.CSafeLoader)`, alternately; the best total of each is shown,
with their ratio (the reader's target: at most about 0.6).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import yaml

from korea_positions.kb.yamlread import read_yaml


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kb", type=Path, help="a knowledge base directory")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    files = sorted([*args.kb.glob("data/**/*.yaml"), *args.kb.glob("seeds/*.yaml")])
    if not files:
        parser.error(f"no YAML files under {args.kb}/data or {args.kb}/seeds")
    texts = [path.read_text(encoding="utf-8") for path in files]
    best = {"read_yaml": float("inf"), "CSafeLoader": float("inf")}
    for _ in range(args.runs):
        start = time.perf_counter()
        for path in files:
            read_yaml(path, path.name)
        best["read_yaml"] = min(best["read_yaml"], time.perf_counter() - start)
        start = time.perf_counter()
        for text in texts:
            yaml.load(text, Loader=yaml.CSafeLoader)
        best["CSafeLoader"] = min(best["CSafeLoader"], time.perf_counter() - start)
    size = sum(map(len, texts)) / 1e6
    print(f"{len(files)} files, {size:.1f} million characters, best of {args.runs} runs")
    for name, seconds in best.items():
        print(f"{name:12} {seconds:.3f} s")
    print(f"ratio        {best['read_yaml'] / best['CSafeLoader']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
