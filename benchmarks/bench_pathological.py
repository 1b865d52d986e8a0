"""Time per stage on small pathological inputs that once took minutes, and on long articles.

    python benchmarks/bench_pathological.py                  # every pathological input
    python benchmarks/bench_pathological.py --only digits    # one of them
    python benchmarks/bench_pathological.py --profile emoji  # cProfile of the slowest stage

Each input runs in this process through the full pipeline with a per-document budget of
`--budget` seconds; the table gives the seconds spent in each stage and the outcome (ok or the
error kind, `too_slow` when the budget ran out).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

SENTENCE = "The minister said the talks in Geneva would resume on Monday. "


def digits(size: int) -> str:
    return "Talks resumed. " + "".join(str(i % 10) for i in range(size)) + "\n"


def quote_pairs(size: int) -> str:
    return "The minister said " + "“”" * (size // 2) + " on Monday.\n"


def emoji(size: int) -> str:
    return "Crowds cheered in Lagos. " + "😀🎉🇳🇬" * (size // 12) + "\n"


def repeated(size: int) -> str:
    return SENTENCE * (size // len(SENTENCE))


INPUTS: dict[str, tuple[Callable[[int], str], int]] = {
    "digits": (digits, 80_000),
    "quote-pairs": (quote_pairs, 40_000),
    "emoji": (emoji, 20_000),
    "repeated-sentence": (repeated, 400_000),
}


def stage_times(
    text: str, budget: float, profile: bool = False, cpu: dict[str, float] | None = None
) -> tuple[dict[str, float], str]:
    """Seconds per stage and the outcome of one document (`cpu`, if given, gets each stage's
    CPU seconds: on a loaded machine they vary far less than the wall clock)."""
    from newsgraph.ingest import analysis_from_text
    from newsgraph.pipeline import Pipeline
    from newsgraph.settings import load_settings

    pipeline = Pipeline(load_settings(document_seconds=budget))
    times: dict[str, float] = {}
    profiler = cProfile.Profile() if profile else None
    for stage in pipeline.stages:
        original = stage.__call__

        def timed(analysis: object, _stage: object = stage, _call: object = original) -> object:
            started, used = time.perf_counter(), time.process_time()
            try:
                if profiler is not None:
                    profiler.enable()
                return _call(analysis)  # type: ignore[operator]
            finally:
                if profiler is not None:
                    profiler.disable()
                name = _stage.name  # type: ignore[attr-defined]
                times[name] = times.get(name, 0.0) + time.perf_counter() - started
                if cpu is not None:
                    cpu[name] = cpu.get(name, 0.0) + time.process_time() - used

        type(stage).__call__ = lambda self, a, _t=timed: _t(a)  # type: ignore[method-assign]
        if hasattr(stage, "process_batch"):
            batch = stage.process_batch

            def timed_batch(items: list[object], _batch: object = batch) -> list[object]:
                started, used = time.perf_counter(), time.process_time()
                try:
                    return list(_batch(items))  # type: ignore[operator]
                finally:
                    times["annotate"] = times.get("annotate", 0.0) + time.perf_counter() - started
                    if cpu is not None:
                        cpu["annotate"] = cpu.get("annotate", 0.0) + time.process_time() - used

            stage.process_batch = timed_batch  # type: ignore[attr-defined]
    pipeline.run(analysis_from_text("Peru and Chile met in Lima on Monday."))
    times.clear()
    if cpu is not None:
        cpu.clear()
    analysis = pipeline.run(analysis_from_text(text, id="pathological"))
    if profiler is not None:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    return times, analysis.error.kind if analysis.error else "ok"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", choices=sorted(INPUTS))
    parser.add_argument("--profile", choices=sorted(INPUTS))
    parser.add_argument("--budget", type=float, default=300.0)
    args = parser.parse_args()
    names = [args.profile] if args.profile else [args.only] if args.only else list(INPUTS)
    print(
        "| input | chars | annotate | actors | time | places | quotes | events | dating | total | outcome |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name in names:
        make, size = INPUTS[name]
        text = make(size)
        times, outcome = stage_times(text, args.budget, profile=bool(args.profile))
        cells = [
            f"{times.get(s, 0.0):.2f}"
            for s in ("annotate", "actors", "time", "places", "quotes", "events", "event_dating")
        ]
        total = sum(times.values())
        print(
            f"| {name} | {len(text):,} | {' | '.join(cells)} | {total:.1f} | {outcome} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
