"""Time and peak memory of one long article at 0.5, 1, 2 and 4 MB: is every stage linear?

    python benchmarks/bench_linearity.py                    # 0.5 1 2 4 MB
    python benchmarks/bench_linearity.py --sizes 0.5 1      # some sizes

The article is the `examples/` texts' paragraphs, repeated with the names of people, places and
numbers varied, until it reaches the size. Each size runs in a fresh child process (so its peak
memory is its own), with no per-document time budget. Prints seconds per stage (CPU seconds in
brackets), the total, the ratio to the previous size, the same for CPU seconds (which a loaded
machine disturbs far less than the wall clock), and the child's peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
from itertools import cycle
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
STAGES = ("annotate", "actors", "time", "places", "quotes", "events", "event_dating")
NAMES = cycle(
    [
        ("Kenya", "Nairobi", "William Ruto"),
        ("Peru", "Lima", "Dina Boluarte"),
        ("Ghana", "Accra", "John Mahama"),
        ("Poland", "Warsaw", "Donald Tusk"),
        ("Chile", "Santiago", "Gabriel Boric"),
        ("Vietnam", "Hanoi", "Pham Minh Chinh"),
    ]
)


def article(megabytes: float) -> str:
    """A long article of about `megabytes` MB built from the examples' paragraphs."""
    from newsgraph.ingest import read_inputs

    paragraphs: list[str] = []
    for analysis in read_inputs([str(REPO / "examples")]):
        if analysis.error is None:
            paragraphs += [p.strip() for p in analysis.text.split("\n") if len(p.split()) > 8]
    target = int(megabytes * 1_000_000)
    parts: list[str] = []
    size, round_ = 0, 0
    while size < target:
        round_ += 1
        country, city, person = next(NAMES)
        parts.append(
            f"{person}, speaking in {city} on day {round_} of the talks, said {country} would "
            f"send {round_ % 90 + 10} observers."
        )
        for paragraph in paragraphs:
            parts.append(paragraph)
            size += len(paragraph.encode("utf-8")) + 2
            if size >= target:
                break
    return "\n\n".join(parts) + "\n"


def child(megabytes: float) -> None:
    from bench_pathological import stage_times

    text = article(megabytes)
    cpu: dict[str, float] = {}
    times, outcome = stage_times(text, budget=0, cpu=cpu)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "mb": megabytes,
                "chars": len(text),
                "times": times,
                "cpu": cpu,
                "outcome": outcome,
                "peak_mib": peak,
            }
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.5, 1, 2, 4])
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child)
        return 0
    print("load average at the start: " + " ".join(f"{x:.2f}" for x in os.getloadavg()) + "\n")
    print(
        f"| MB | chars | {' | '.join(STAGES)} | total s | ×prev | CPU s | CPU ×prev | peak MiB "
        "| outcome |"
    )
    print("|---|---|" + "---|" * len(STAGES) + "---|---|---|---|---|---|")
    previous: float | None = None
    previous_cpu: float | None = None
    for mb in args.sizes:
        run = subprocess.run(
            [sys.executable, __file__, "--child", str(mb)],
            capture_output=True,
            text=True,
            check=False,
        )
        if run.returncode != 0:
            print(f"| {mb} | failed: {run.stderr.strip().splitlines()[-1:]} |", flush=True)
            continue
        row = json.loads(run.stdout.strip().splitlines()[-1])
        total = sum(row["times"].values())
        cpu = sum(row["cpu"].values())
        ratio = f"{total / previous:.2f}" if previous else "-"
        cpu_ratio = f"{cpu / previous_cpu:.2f}" if previous_cpu else "-"
        cells = " | ".join(
            f"{row['times'].get(s, 0.0):.1f} ({row['cpu'].get(s, 0.0):.1f})" for s in STAGES
        )
        print(
            f"| {mb} | {row['chars']:,} | {cells} | {total:.1f} | {ratio} | {cpu:.1f} | "
            f"{cpu_ratio} | {row['peak_mib']:,.0f} | {row['outcome']} |",
            flush=True,
        )
        previous, previous_cpu = total, cpu
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
