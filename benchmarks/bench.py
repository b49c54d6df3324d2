"""Time kpos side by side with `python -c "import typer"`, and at scale.

    python benchmarks/bench.py [--runs 15]

Runs alternate between the commands compared (so drift in machine load hits all alike)
and report medians. Measures: bundled queries (cache warm) against importing typer; the
same query on generated knowledge bases 20 and 200 times the bundled one, on first load
(empty cache) and once loaded before (warm cache); peak memory (max RSS) of each run.
Prints each figure, the ratios, and whether the targets of the design are met.
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
KPOS = [PYTHON, "-c", "from korea_positions.__main__ import main; main()"]  # as `kpos` does


def run(argv: list[str], env: dict) -> tuple[float, int]:
    """Wall time (s) and peak RSS (MiB) of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(argv)}: {process.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss // 1024


def alternate(cases: dict[str, tuple[list[str], dict]], runs: int, before=None) -> dict:
    """Median time and max RSS per case, running the cases in turn `runs` times."""
    times: dict[str, list[float]] = {name: [] for name in cases}
    memory: dict[str, int] = dict.fromkeys(cases, 0)
    for _ in range(runs):
        for name, (argv, env) in cases.items():
            if before:
                before(name)
            elapsed, rss = run(argv, env)
            times[name].append(elapsed)
            memory[name] = max(memory[name], rss)
    return {name: (statistics.median(t), memory[name]) for name, t in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kpos-bench-"))
    env = os.environ | {"XDG_CACHE_HOME": str(work / "cache"), "PYTHONDONTWRITEBYTECODE": ""}
    env.pop("KPOS_DATA", None)
    query = ["demands", "--actor", "US", "--format", "json"]
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"python {sys.version.split()[0]}, {cpus} CPUs, {args.runs} runs each, medians\n")

    subprocess.run(KPOS + ["actors"], env=env, stdout=subprocess.DEVNULL, check=True)
    bundled = alternate(
        {
            "python -c 'import typer'": ([PYTHON, "-c", "import typer"], env),
            "kpos demands --actor US --format json": (KPOS + query, env),
            "kpos actors": (KPOS + ["actors"], env),
        },
        args.runs,
    )
    base = bundled["python -c 'import typer'"][0]
    print("bundled knowledge base (cache warm)")
    for name, (seconds, rss) in bundled.items():
        print(f"  {name:42s} {seconds * 1000:7.1f} ms  {seconds / base:5.2f}x  {rss:4d} MiB")

    results = {}
    for scale in (20, 200):
        root = work / f"kb{scale}"
        counts = generate.generate(scale, root)
        data = ["--data", str(root)]
        cold_cache = work / f"cold{scale}"
        cold_env = env | {"XDG_CACHE_HOME": str(cold_cache)}

        def empty(_name, directory=cold_cache):
            for path in directory.glob("kpos/*"):
                path.unlink()

        first = alternate({"first": (KPOS + data + query, cold_env)}, args.runs, before=empty)[
            "first"
        ]
        subprocess.run(KPOS + data + ["actors"], env=env, stdout=subprocess.DEVNULL, check=True)
        warm = alternate({"warm": (KPOS + data + query, env)}, args.runs)["warm"]
        results[scale] = (first, warm)
        print(
            f"\n{scale}x: {counts['positions']} positions, {counts['quotes']} quotes, "
            f"{counts['actors']} actors, {counts['sources']} sources"
        )
        print(f"  first load (empty cache)  {first[0] * 1000:7.1f} ms  {first[1]:4d} MiB")
        print(f"  loaded before             {warm[0] * 1000:7.1f} ms  {warm[1]:4d} MiB")

    demands_ratio = bundled["kpos demands --actor US --format json"][0] / base
    actors_ratio = bundled["kpos actors"][0] / base
    (first200, warm200), (first20, _) = results[200], results[20]
    peak = max(m for pair in results.values() for _, m in pair)
    growth = first200[0] / first20[0]
    checks = [
        (f"bundled demands ≤ 1.5x import typer: {demands_ratio:.2f}x", demands_ratio <= 1.5),
        (f"bundled actors ≤ 1.5x import typer: {actors_ratio:.2f}x", actors_ratio <= 1.5),
        (f"200x first load < 1 s: {first200[0]:.2f} s", first200[0] < 1.0),
        (f"200x loaded before < 0.25 s: {warm200[0]:.3f} s", warm200[0] < 0.25),
        (f"peak memory < 300 MiB: {peak} MiB", peak < 300),
        (f"first load 20x -> 200x grows ≤ 10x (linear): {growth:.1f}x", growth <= 10),
    ]
    print("\ntargets")
    for text, ok in checks:
        print(f"  [{'ok' if ok else 'MISSED'}] {text}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
