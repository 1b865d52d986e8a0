"""Crash safety at scale: many SIGKILLs of writer processes, on SQLite and PostgreSQL.

The small version runs in the tests (tests/store/test_crash.py); this one kills more often, on
a larger corpus: writers creating a new store, and writers ingesting into one store (each rerun
killed again). After every kill the store must open and be consistent; at the end the resumed
ingest is completed and compared with a clean run (rows per table and the PLOVER export).
Run:
    python benchmarks/bench_crash.py [--creating 30] [--ingesting 60] [--size 300] [--pg URL]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from store.crash import postgres_databases, run_trials


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--creating", type=int, default=30)
    parser.add_argument("--ingesting", type=int, default=60)
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("--pg", default="", help="a PostgreSQL URL (its server gets new databases)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        targets = [("SQLite", lambda name: f"sqlite:///{Path(folder) / name}.sqlite")]
        if args.pg:
            targets.append(("PostgreSQL", postgres_databases(args.pg, "bench_crash")))
        for label, new_url in targets:
            start = time.perf_counter()
            report = run_trials(
                new_url,
                creating=args.creating,
                ingesting=args.ingesting,
                size=args.size,
                seed=7,
                ingest_seconds=0.4,
            )
            print(
                f"{label}: {report.kills} kills ({report.kills_creating} before the new store's "
                f"creation committed), {report.finished_before_kill} runs finished first, "
                f"{len(report.problems)} problems, {time.perf_counter() - start:.0f} s"
            )
            for problem in report.problems[:20]:
                print("  ", problem)


if __name__ == "__main__":
    main()
