"""Throughput of a dask.distributed cluster with 1, 2, ... worker processes, start-up excluded.

    python benchmarks/bench_scale.py                      # 1 and 2 workers, ~120 documents
    python benchmarks/bench_scale.py --workers 1 2 4 --docs 300

For each size a LocalCluster of worker processes (one thread each) is started, every worker
builds its pipeline (spaCy, knowledge base, gazetteer) before the clock starts, then the
`examples/` articles, repeated to about `--docs` documents, are analysed through
`analyze_distributed` exactly as `newsgraph ingest --dask tcp://...` does (the records come back
to the client; storing them is not timed here, see bench_store.py). Prints documents per second,
the speed-up over the first size and each worker's peak resident memory.

The cluster gets the settings docs/scale.md recommends (`newsgraph.scale.WORKER_CONFIG`: the
workers' allocator settings, no worker profiler, monitors polled less often); `--dask-defaults`
leaves Dask's own (its MALLOC_TRIM_THRESHOLD_=65536 costs each worker about a quarter of its
throughput).
"""

from __future__ import annotations

import argparse
import math
import resource
import time
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


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--docs", type=int, default=120)
    parser.add_argument("--partition-size", type=int, default=4)
    parser.add_argument("--dask-defaults", action="store_true", help="keep Dask's default settings")
    args = parser.parse_args()

    import dask
    from distributed import Client, LocalCluster

    from newsgraph.ingest import read_inputs
    from newsgraph.scale import WORKER_CONFIG, analyze_distributed
    from newsgraph.settings import load_settings

    if not args.dask_defaults:
        dask.config.set(WORKER_CONFIG)

    settings = load_settings(db_url="sqlite:///:memory:")
    per_pass = sum(1 for _ in read_inputs([str(EXAMPLES)]))
    paths = [str(EXAMPLES)] * math.ceil(args.docs / per_pass)
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
