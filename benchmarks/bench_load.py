"""Measure the load time of the knowledge base and the event-type classifier against budgets.

These were wall-clock assertions in the test suite, where a loaded machine made them flaky; a
benchmark reports the figure and exits 1 when a budget is exceeded. Run:
    python benchmarks/bench_load.py [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

KB_BUDGET_SECONDS = 1.5
"""Building the built-in knowledge base from its files (measured ~0.2 s)."""

CLASSIFIER_BUDGET_SECONDS = 0.2
"""Loading the event-type classifier's weights."""


def best_of(repeat: int, action: Callable[[], object]) -> float:
    """The fastest of `repeat` runs (the least disturbed by other work on the machine)."""
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return min(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from newsgraph.events.classifier.model import EventTypeClassifier
    from newsgraph.kb.loader import _builtin, build_kb

    results = [
        (
            "knowledge base build",
            best_of(args.repeat, lambda: build_kb([_builtin()])),
            KB_BUDGET_SECONDS,
        ),
        (
            "classifier load",
            best_of(args.repeat, EventTypeClassifier.load),
            CLASSIFIER_BUDGET_SECONDS,
        ),
    ]
    status = 0
    for name, seconds, budget in results:
        verdict = "ok" if seconds < budget else "OVER BUDGET"
        print(f"{name:<22} {seconds:7.3f} s  (budget {budget} s)  {verdict}")
        status = status or int(seconds >= budget)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
