"""Throughput, peak memory and per-stage time of the pipeline, in-process and on Dask.

The `examples/` articles are repeated to about `--docs` documents. Each mode runs in a fresh
child process so its peak RSS is its own; the parent prints markdown tables:

    python benchmarks/bench_pipeline.py                 # ~200 documents, 2 Dask workers
    python benchmarks/bench_pipeline.py --docs 50 --workers 4
    python benchmarks/bench_pipeline.py --mode ratio --rounds 3   # parse / full analysis only

"dask-processes" wall time includes starting the worker processes and loading spaCy in each.

The "ratio" mode measures, side by side in one process and alternating round by round, spaCy
alone (`nlp.pipe` over the same texts, the same loaded pipeline with the same components and
batch size) and the full analysis of the same documents (reading them, every stage, the
conversion to the record). Its figure is spaCy / full analysis, in wall-clock and CPU seconds.

The corpus is `examples/` unless `--corpus` names files or folders (read as `newsgraph
extract` reads them), repeated to about `--docs` documents. `benchmarks/corpus/news/` holds
news-length articles written for this benchmark; `examples/` is shorter (about 215 words a
document, three 90-word briefs among its 15), so its per-document costs weigh more. In ratio
mode, `--evaldata DIR` measures instead the article texts of the evaluation datasets (GUM,
MEANTIME, GeoWebNews: real news), read where they lie, each dataset on its own:

    python benchmarks/bench_pipeline.py --mode ratio --corpus benchmarks/corpus/news --docs 96
    python benchmarks/bench_pipeline.py --mode ratio --evaldata ../shared/evaldata
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
KIB_PER_MIB = 1024  # ru_maxrss is in KiB on Linux
MODES = ("in-process", "dask-processes")
ONE_PROCESS_MODES = (*MODES, "ratio")
WARM_UP = "The foreign ministers of Chile and Peru met in Lima on Monday to discuss fishing rights."
"""One sentence run before timing, so lazy loads count as load time, not run time."""


def peak_rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory of this process (or of its largest finished child)."""
    return resource.getrusage(who).ru_maxrss / KIB_PER_MIB


def corpus_paths(docs: int, corpus: list[str] | None = None) -> list[str]:
    """The corpus (`examples/` unless given) repeated until it holds at least `docs` documents."""
    from newsgraph.ingest import read_inputs

    corpus = corpus or [str(EXAMPLES)]
    per_pass = sum(1 for _ in read_inputs(corpus))
    if per_pass == 0:
        raise SystemExit(f"no documents under {' '.join(corpus)}: give files or folders to read")
    return corpus * math.ceil(docs / per_pass)


EVALDATA_SETS = ("gum", "meantime", "geowebnews")
"""The evaluation datasets whose texts are whole news articles (the others are sentences)."""


def evaldata_texts(root: Path, name: str) -> list[tuple[str, Any]]:
    """(text, publication date) of each distinct article of one evaluation dataset, in place."""
    from newsgraph.evaluate.datasets import DATASETS

    spec = DATASETS[name]
    path = root / spec.default_path
    if not path.exists():
        raise SystemExit(f"no {path}: give --evaldata the evaluation data folder")
    unique = {g.text: g.published for g in spec.read(path)}
    return list(unique.items())


def count(records: Iterable[dict[str, Any]]) -> dict[str, int]:
    totals = {"docs": 0, "errors": 0, "words": 0}
    for record in records:
        totals["docs"] += 1
        if "error" in record:
            totals["errors"] += 1
        else:
            totals["words"] += len(record["text"].split())
    return totals


class TimedStage:
    """A stage that adds the time it takes to a shared total."""

    def __init__(
        self, stage: Any, totals: dict[str, float], clock: Callable[[], float] = time.perf_counter
    ) -> None:
        self.stage, self.totals, self.clock = stage, totals, clock
        self.name, self.requires, self.provides = stage.name, stage.requires, stage.provides

    def __call__(self, analysis: Any) -> Any:
        start = self.clock()
        try:
            return self.stage(analysis)
        finally:
            self.totals[self.name] += self.clock() - start


def time_stages(
    pipeline: Any, totals: dict[str, float], clock: Callable[[], float] = time.perf_counter
) -> None:
    """Wrap every stage with a timer; annotate keeps its type (the pipeline batches it)."""
    from newsgraph.annotate import AnnotateStage

    wrapped: list[Any] = []
    for stage in pipeline.stages:
        if isinstance(stage, AnnotateStage):
            original = stage.process_batch

            def timed_batch(analyses: Any, original: Any = original) -> Iterator[Any]:
                start = clock()
                done = list(original(analyses))
                totals["annotate"] += clock() - start
                return iter(done)

            stage.process_batch = timed_batch  # type: ignore[method-assign]
            wrapped.append(stage)
        else:
            wrapped.append(TimedStage(stage, totals, clock))
    pipeline.stages = wrapped


def timed_reads(
    documents: Iterator[Any],
    totals: dict[str, float],
    clock: Callable[[], float] = time.perf_counter,
) -> Iterator[Any]:
    """The documents, adding the time spent reading each to the "ingest" total."""
    while True:
        start = clock()
        document = next(documents, None)
        totals["ingest"] += clock() - start
        if document is None:
            return
        yield document


def run_in_process(paths: list[str]) -> dict[str, Any]:
    from newsgraph.export import to_record
    from newsgraph.ingest import analysis_from_text, read_inputs
    from newsgraph.pipeline import Pipeline
    from newsgraph.settings import load_settings

    settings = load_settings()
    start = time.perf_counter()
    pipeline = Pipeline(settings)
    list(pipeline.run_many([analysis_from_text(WARM_UP)]))  # loads spaCy and lazy stage data
    load_seconds = time.perf_counter() - start
    stages: dict[str, float] = defaultdict(float)
    time_stages(pipeline, stages)
    start = time.perf_counter()
    documents = timed_reads(read_inputs(paths, max_text_bytes=settings.max_text_bytes), stages)
    totals = count(to_record(a) for a in pipeline.run_many(documents))
    wall = time.perf_counter() - start
    return {
        **totals,
        "load_s": load_seconds,
        "wall_s": wall,
        "rss_mib": peak_rss_mib(),
        "workers_rss_mib": None,
        "stages": dict(stages),
    }


def run_ratio(paths: list[str], rounds: int) -> dict[str, Any]:
    """spaCy alone and the full analysis over the same documents, alternating, `rounds` times."""
    from newsgraph.ingest import read_inputs
    from newsgraph.settings import load_settings

    limit = load_settings().max_text_bytes
    texts = [a.text for a in read_inputs(paths, max_text_bytes=limit)]
    return ratio_of(texts, lambda: read_inputs(paths, max_text_bytes=limit), rounds)


def run_evaldata_ratio(root: Path, name: str, docs: int, rounds: int) -> dict[str, Any]:
    """The ratio over one evaluation dataset's articles, repeated to about `docs` documents.

    The full side builds each Analysis from the text (as `analysis_from_text` does, layout
    included); there is no file to read, so its "ingest" is that build."""
    from newsgraph.ingest import analysis_from_text

    articles = evaldata_texts(root, name)
    articles = articles * max(1, math.ceil(docs / len(articles)))
    texts = [text for text, _ in articles]

    def documents() -> Iterator[Any]:
        return (analysis_from_text(text, published=published) for text, published in articles)

    return {"corpus": name, **ratio_of(texts, documents, rounds)}


def ratio_of(
    texts: list[str], documents: Callable[[], Iterator[Any]], rounds: int
) -> dict[str, Any]:
    """spaCy alone over `texts` and the full analysis of `documents()` (the same texts as
    Analyses), alternating, `rounds` times."""
    from newsgraph.annotate import load_spacy
    from newsgraph.export import to_record
    from newsgraph.ingest import analysis_from_text
    from newsgraph.pipeline import Pipeline
    from newsgraph.settings import load_settings

    settings = load_settings()
    pipeline = Pipeline(settings)
    list(pipeline.run_many([analysis_from_text(WARM_UP)]))
    nlp = load_spacy(settings.spacy_model)
    for _doc in nlp.pipe(texts[: settings.batch_size], batch_size=settings.batch_size):
        pass  # one untimed batch, so spaCy's first full-size batch costs neither side
    measured: dict[str, list[float]] = defaultdict(list)
    stage_cpu: dict[str, float] = defaultdict(float)
    time_stages(pipeline, stage_cpu, time.process_time)
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        for _doc in nlp.pipe(texts, batch_size=settings.batch_size):
            pass
        measured["spacy_wall"].append(time.perf_counter() - wall)
        measured["spacy_cpu"].append(time.process_time() - cpu)
        wall, cpu = time.perf_counter(), time.process_time()
        timed = timed_reads(documents(), stage_cpu, time.process_time)
        totals = count(to_record(a) for a in pipeline.run_many(timed))
        measured["full_wall"].append(time.perf_counter() - wall)
        measured["full_cpu"].append(time.process_time() - cpu)
    return {
        **totals,
        "rounds": rounds,
        "components": nlp.pipe_names,
        "stage_cpu": dict(stage_cpu),
        **measured,
    }


def print_ratio(r: dict[str, Any]) -> None:
    corpus = f"{r['corpus']}: " if "corpus" in r else ""
    print(
        f"{corpus}{r['docs']} documents, {r['words']:,} words "
        f"({r['words'] / max(r['docs'], 1):.0f} a document); spaCy components {r['components']}\n"
    )
    print(
        "| round | spaCy wall s | full wall s | ratio (wall) | spaCy CPU s | full CPU s | ratio (CPU) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for i in range(r["rounds"]):
        sw, fw, sc, fc = (r[k][i] for k in ("spacy_wall", "full_wall", "spacy_cpu", "full_cpu"))
        print(
            f"| {i + 1} | {sw:.2f} | {fw:.2f} | {sw / fw:.3f} | {sc:.2f} | {fc:.2f} | {sc / fc:.3f} |"
        )
    sw, fw, sc, fc = (sum(r[k]) for k in ("spacy_wall", "full_wall", "spacy_cpu", "full_cpu"))
    print(f"| all | {sw:.2f} | {fw:.2f} | {sw / fw:.3f} | {sc:.2f} | {fc:.2f} | {sc / fc:.3f} |")
    stage_cpu, full_cpu = r["stage_cpu"], sum(r["full_cpu"])
    other = full_cpu - sum(stage_cpu.values())
    print("\n| stage (all rounds) | CPU s | share of the full analysis |")
    print("|---|---:|---:|")
    for name, seconds in [*stage_cpu.items(), ("runner, records and the rest", other)]:
        print(f"| {name} | {seconds:.2f} | {seconds / full_cpu * 100:.0f}% |")


def run_dask(paths: list[str], workers: int, partition_size: int) -> dict[str, Any]:
    from newsgraph.scale import analyze_distributed
    from newsgraph.settings import load_settings

    settings = load_settings()
    start = time.perf_counter()
    records = analyze_distributed(
        paths,
        settings=settings,
        scheduler="processes",
        workers=workers,
        partition_size=partition_size,
    )
    totals = count(records)
    wall = time.perf_counter() - start
    return {
        **totals,
        "load_s": None,
        "wall_s": wall,
        "rss_mib": peak_rss_mib(),
        "workers_rss_mib": peak_rss_mib(resource.RUSAGE_CHILDREN),
        "stages": {},
    }


def child(mode: str, args: argparse.Namespace) -> dict[str, Any]:
    """Run one mode in a fresh interpreter and read its JSON result."""
    command = [
        sys.executable,
        __file__,
        "--mode",
        mode,
        "--docs",
        str(args.docs),
        "--workers",
        str(args.workers),
        "--partition-size",
        str(args.partition_size),
        "--rounds",
        str(args.rounds),
        *corpus_arguments(args),
    ]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    return result


def corpus_arguments(args: argparse.Namespace) -> list[str]:
    """The `--corpus` options again, for a child process."""
    return [option for path in args.corpus or [] for option in ("--corpus", path)]


def fmt(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def print_tables(results: dict[str, dict[str, Any]], workers: int) -> None:
    print("| mode | docs | errors | load s | run s | docs/s | words/s | peak RSS MiB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for mode, r in results.items():
        label = f"{mode} ({workers} workers)" if mode.startswith("dask") else mode
        rss = fmt(r["rss_mib"], 0)
        if r["workers_rss_mib"] is not None:
            rss += f" client / {fmt(r['workers_rss_mib'], 0)} largest worker"
        print(
            f"| {label} | {r['docs']} | {r['errors']} | {fmt(r['load_s'], 2)} | "
            f"{fmt(r['wall_s'], 2)} | {fmt(r['docs'] / r['wall_s'])} | "
            f"{fmt(r['words'] / r['wall_s'], 0)} | {rss} |"
        )
    stages = results.get("in-process", {}).get("stages") or {}
    if not stages:
        return
    docs, total = results["in-process"]["docs"], sum(stages.values())
    print("\n| stage (in-process) | total s | ms/doc | share |")
    print("|---|---:|---:|---:|")
    for name, seconds in stages.items():
        print(
            f"| {name} | {seconds:.2f} | {seconds / docs * 1000:.1f} | "
            f"{seconds / total * 100:.0f}% |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200, help="documents, about (default 200)")
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes")
    parser.add_argument("--partition-size", type=int, default=32, help="documents per Dask task")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the ratio mode")
    parser.add_argument(
        "--mode",
        choices=ONE_PROCESS_MODES,
        help="run one mode here and print JSON (ratio: a table)",
    )
    parser.add_argument(
        "--corpus",
        action="append",
        metavar="PATH",
        help="a file or folder to read instead of examples/ (repeatable)",
    )
    parser.add_argument(
        "--evaldata",
        type=Path,
        metavar="DIR",
        help="ratio mode: each news dataset of this evaluation data folder, read in place",
    )
    args = parser.parse_args()
    if args.evaldata is not None:
        if args.mode != "ratio":
            parser.error("--evaldata goes with --mode ratio")
        for name in EVALDATA_SETS:
            print_ratio(run_evaldata_ratio(args.evaldata, name, args.docs, args.rounds))
            print()
        return
    if args.mode is not None:
        paths = corpus_paths(args.docs, args.corpus)
        if args.mode == "ratio":
            print_ratio(run_ratio(paths, args.rounds))
            return
        if args.mode == "in-process":
            result = run_in_process(paths)
        else:
            result = run_dask(paths, args.workers, args.partition_size)
        print(json.dumps(result))
        return
    results = {mode: child(mode, args) for mode in MODES}
    print_tables(results, args.workers)
    print("\nspaCy alone against the full analysis, side by side in one process:\n")
    ratio = subprocess.run(
        [
            sys.executable,
            __file__,
            "--mode",
            "ratio",
            "--docs",
            str(args.docs),
            "--rounds",
            str(args.rounds),
            *corpus_arguments(args),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    print(ratio, end="")


if __name__ == "__main__":
    main()
