"""Throughput of a dask.distributed cluster with 1, 2, ... worker processes, start-up excluded.

    python benchmarks/bench_scale.py                      # 1 and 2 workers, ~120 documents
    python benchmarks/bench_scale.py --workers 1 2 4 --docs 300
    python benchmarks/bench_scale.py --evaldata ../shared/evaldata   # distinct documents

For each size a LocalCluster of worker processes (one thread each) is started, every worker
builds its pipeline (spaCy, knowledge base, gazetteer) before the clock starts, then the
`examples/` articles, repeated to about `--docs` documents, are analysed through
`analyze_distributed` exactly as `newsgraph ingest --dask tcp://...` does (the records come back
to the client; storing them is not timed here, see bench_store.py). Prints documents per second,
the speed-up over the first size and each worker's peak resident memory.

`--corpus` names other files or folders to repeat. `--evaldata DIR` measures instead the
distinct article texts of the evaluation datasets (GUM, MEANTIME, GeoWebNews: 182 articles),
each analysed once: they are read in place and written as text files to a temporary folder
that the workers read and that is deleted afterwards. A repeated corpus favours one worker:
every worker learns the vocabulary of the repeated texts once (spaCy's lexemes and lemmas, the
knowledge base's look-ups; the first pass over `examples/` costs about 0.15 CPU s more than
later passes), and with two workers that first pass is paid by both, in a run of a few seconds.

The cluster gets the settings docs/scale.md recommends (`newsgraph.scale.WORKER_CONFIG`: the
workers' allocator settings, no worker profiler, monitors polled less often); `--dask-defaults`
leaves Dask's own (its MALLOC_TRIM_THRESHOLD_=65536 costs each worker about a quarter of its
throughput).
"""

from __future__ import annotations

import argparse
import math
import resource
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


def warm(settings: object) -> float:
    """Build this worker's pipeline and run one sentence; returns peak RSS in MiB."""
    from newsgraph.ingest import analysis_from_text
    from newsgraph.scale.worker import cached_pipeline

    pipeline = cached_pipeline(settings)  # type: ignore[arg-type]
    pipeline.run(analysis_from_text("Peru and Chile met in Lima on Monday, officials said."))
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def evaldata_folder(root: Path) -> Iterator[str]:
    """A temporary folder holding each distinct evaluation article as a text file."""
    from bench_pipeline import EVALDATA_SETS, evaldata_texts

    with tempfile.TemporaryDirectory(prefix="bench-scale-") as folder:
        for name in EVALDATA_SETS:
            for number, (text, _) in enumerate(evaldata_texts(root, name)):
                (Path(folder) / f"{name}-{number:03d}.txt").write_text(text, encoding="utf-8")
        yield folder


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--docs", type=int, default=120)
    parser.add_argument("--partition-size", type=int, default=4)
    parser.add_argument(
        "--corpus",
        action="append",
        metavar="PATH",
        help="files or folders to repeat instead of examples/ (repeatable)",
    )
    parser.add_argument(
        "--evaldata",
        type=Path,
        metavar="DIR",
        help="measure the distinct evaluation articles under DIR, once each (ignores --docs)",
    )
    parser.add_argument("--dask-defaults", action="store_true", help="keep Dask's default settings")
    args = parser.parse_args()
    if args.evaldata is None:
        measure(args, args.corpus or [str(EXAMPLES)], args.docs)
        return 0
    with evaldata_folder(args.evaldata) as folder:
        measure(args, [folder], 1)
    return 0


def measure(args: argparse.Namespace, corpus: list[str], docs: int) -> None:
    """Print one table row per cluster size: the corpus repeated to about `docs` documents."""

    import dask
    from distributed import Client, LocalCluster

    from newsgraph.ingest import read_inputs
    from newsgraph.scale import WORKER_CONFIG, analyze_distributed
    from newsgraph.settings import load_settings

    if not args.dask_defaults:
        dask.config.set(WORKER_CONFIG)

    settings = load_settings(db_url="sqlite:///:memory:")
    per_pass = sum(1 for _ in read_inputs(corpus))
    if per_pass == 0:
        raise SystemExit(f"no documents under {' '.join(corpus)}: give files or folders to read")
    paths = corpus * math.ceil(docs / per_pass)
    print("| workers | documents | seconds | docs/s | speed-up | peak MiB per worker | errors |")
    print("|---|---|---|---|---|---|---|")
    first: float | None = None
    for n in args.workers:
        with (
            LocalCluster(
                n_workers=n,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                protocol="tcp://",
                host="127.0.0.1",
            ) as cluster,
            Client(cluster) as client,
        ):
            client.run(warm, settings)  # start-up: excluded from the timing
            started = time.perf_counter()
            records = list(
                analyze_distributed(
                    paths,
                    settings=settings,
                    scheduler=cluster.scheduler_address,
                    partition_size=args.partition_size,
                )
            )
            seconds = time.perf_counter() - started
            peaks = client.run(peak_mib)
        rate = len(records) / seconds
        first = first or rate
        errors = sum("error" in r for r in records)
        memory = ", ".join(f"{v:,.0f}" for v in peaks.values())
        print(
            f"| {n} | {len(records)} | {seconds:.1f} | {rate:.2f} | {rate / first:.2f} | "
            f"{memory} | {errors} |",
            flush=True,
        )


if __name__ == "__main__":
    raise SystemExit(main())
