"""Run every benchmark in turn and print its output (`make bench`).

The numbers go into docs/benchmarks.md by hand, with the date, the commit and the machine: a
benchmark is a measurement to read, not a test to pass.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = [
    ["bench_places.py"],
    ["bench_load.py"],
    ["bench_events.py", "--articles", "100"],
    ["bench_pipeline.py"],
    [
        "bench_pipeline.py",
        "--mode",
        "ratio",
        "--corpus",
        str(HERE / "corpus" / "news"),
        "--docs",
        "96",
    ],
    ["bench_fixed_cost.py"],
    ["bench_store.py"],
    ["bench_serve.py"],
]


def main() -> int:
    status = 0
    for script, *args in BENCHMARKS:
        print(f"\n## {script} {' '.join(args)}\n", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(HERE / script), *args], check=False)
        print(f"\n({script}: {time.perf_counter() - started:.0f} s, exit {result.returncode})")
        status = status or result.returncode
    return status


if __name__ == "__main__":
    raise SystemExit(main())
