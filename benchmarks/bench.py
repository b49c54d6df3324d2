"""Time kpos side by side with its floors, on the bundled knowledge base and at 200x.

    python benchmarks/bench.py [--runs 9] [--scale 200]

Runs alternate between the commands compared (so drift in machine load hits all alike)
and report medians and peak memory (max RSS). Measured, as in the design's budget:

- a query on the bundled knowledge base against `python -c "import typer"`;
- at SCALE times the bundled size (benchmarks/generate.py): a warm filtered query, and
  the query after editing one file, against the bundled query;
- a cold first load (`--no-cache`) against PyYAML's CSafeLoader merely loading the same
  files in a loop (the floor: kpos also checks, validates and builds the store).

Prints each figure, the ratios, and whether each target is met (exit 1 if one is missed).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402

PYTHON = sys.executable
KPOS = [PYTHON, "-c", "from korea_positions.cli.run import main; main()"]  # as `kpos` does
QUERY = ["demands", "--actor", "US", "--format", "json"]
FLOOR = (
    "import sys, yaml\n"
    "for path in sys.argv[1:]:\n"
    "    with open(path, encoding='utf-8') as f:\n"
    "        yaml.load(f.read(), Loader=yaml.CSafeLoader)\n"
)


def run(argv: list[str], env: dict) -> tuple[float, int]:
    """Wall time (s) and peak RSS (MiB) of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(argv)}: {process.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss // 1024


def alternate(cases: dict, runs: int) -> dict[str, tuple[float, int]]:
    """Median time and max RSS per case; a case is (argv, env, prepare or None)."""
    times: dict[str, list[float]] = {name: [] for name in cases}
    memory = dict.fromkeys(cases, 0)
    for _ in range(runs):
        for name, (argv, env, prepare) in cases.items():
            if prepare:
                prepare()
            elapsed, rss = run(argv, env)
            times[name].append(elapsed)
            memory[name] = max(memory[name], rss)
    return {name: (statistics.median(t), memory[name]) for name, t in times.items()}


class Editor:
    """Edits one file of the knowledge base before each run, a different edit each time."""

    def __init__(self, path: Path):
        self.path, self.count = path, 0

    def __call__(self) -> None:
        self.count += 1
        text = self.path.read_text(encoding="utf-8").rstrip("\n").split("\n# edit")[0]
        self.path.write_text(f"{text}\n# edit {self.count}\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--scale", type=int, default=200)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kpos-bench-"))
    env = os.environ | {"XDG_CACHE_HOME": str(work / "cache"), "PYTHONDONTWRITEBYTECODE": ""}
    env.pop("KPOS_DATA", None)
    root = work / f"kb{args.scale}"
    counts = generate.generate(args.scale, root)
    files = sorted(str(p) for p in root.rglob("*.yaml"))
    size = sum(os.path.getsize(p) for p in files)
    data = ["--data", str(root)]
    edited = sorted((root / "data" / "sources").glob("*.yaml"))[len(files) // 4]
    for argv in (KPOS + ["actors"], KPOS + data + QUERY):  # fill both caches
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"python {sys.version.split()[0]}, {cpus} CPUs, {args.runs} runs each, medians")
    print(f"{args.scale}x: {counts['positions']} positions, {counts['quotes']} quotes, "
          f"{counts['actors']} actors, {len(files)} files, {size / 1e6:.1f} MB\n")  # fmt: skip

    results = alternate({
        "python -c 'import typer'": ([PYTHON, "-c", "import typer"], env, None),
        "bundled: demands --actor US -f json": (KPOS + QUERY, env, None),
        "bundled: actors": (KPOS + ["actors"], env, None),
        f"{args.scale}x warm: demands --actor US -f json": (KPOS + data + QUERY, env, None),
        f"{args.scale}x after editing one file": (KPOS + data + QUERY, env, Editor(edited)),
    }, args.runs)  # fmt: skip
    results |= alternate({
        f"{args.scale}x cold: --no-cache demands ...": (KPOS + ["--no-cache"] + data + QUERY, env, None),
        f"floor: CSafeLoader loading the {len(files)} files": ([PYTHON, "-c", FLOOR, *files], env, None),
    }, max(3, args.runs // 3))  # fmt: skip
    for name, (seconds, rss) in results.items():
        print(f"  {name:48s} {seconds * 1000:8.1f} ms  {rss:4d} MiB")

    (typer, _), (bundled, _), (actors, _), (warm, _), (edit, _), (cold, _), (floor, _) = (
        results.values()
    )
    peak = max(rss for name, (_, rss) in results.items() if name.startswith(f"{args.scale}x"))
    checks = [
        (f"bundled demands ≤ 1.5x import typer: {bundled / typer:.2f}x", bundled / typer <= 1.5),
        (f"bundled actors ≤ 1.5x import typer: {actors / typer:.2f}x", actors / typer <= 1.5),
        (f"{args.scale}x warm query ≤ 2x the bundled query: {warm / bundled:.2f}x",
         warm / bundled <= 2),
        (f"{args.scale}x query after an edit ≤ 3x the bundled query: {edit / bundled:.2f}x",
         edit / bundled <= 3),
        (f"{args.scale}x cold load ≤ CSafeLoader's loop: {cold / floor:.2f}x "
         f"({cold:.2f} s against {floor:.2f} s)", cold <= floor),
        (f"peak memory at {args.scale}x < 300 MiB: {peak} MiB", peak < 300),
    ]  # fmt: skip
    print("\ntargets")
    for text, ok in checks:
        print(f"  [{'ok' if ok else 'MISSED'}] {text}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
