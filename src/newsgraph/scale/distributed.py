"""`analyze_distributed`: the analysis records of many documents, computed on Dask."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from newsgraph.scale.plan import partitions, plan_items, restore_text
from newsgraph.scale.runner import check_scheduler, make_runner
from newsgraph.settings import Settings

JSON = dict[str, Any]

DEFAULT_PARTITION_SIZE = 64
"""Documents per Dask task: large enough to amortise scheduling, small enough to spread work."""

WORKER_MALLOC_ENVIRON = {
    "MALLOC_MMAP_THRESHOLD_": str(32 << 20),
    "MALLOC_TRIM_THRESHOLD_": str(256 << 20),
}
"""The allocator settings to give dask.distributed's worker processes (its config key
`distributed.nanny.pre-spawn-environ`; docs/scale.md shows the file). Dask's own default sets
MALLOC_TRIM_THRESHOLD_=65536, and any such setting turns off glibc's adaptive mmap threshold:
the parser's per-batch arrays are then mapped and unmapped on every batch and faulted in again,
which cost a worker about a quarter of its throughput (docs/benchmarks.md). Large arrays are
kept on the heap instead, and freed memory is returned to the system beyond 256 MiB."""

WORKER_CONFIG: dict[str, object] = {
    "distributed.nanny.pre-spawn-environ.MALLOC_MMAP_THRESHOLD_": WORKER_MALLOC_ENVIRON[
        "MALLOC_MMAP_THRESHOLD_"
    ],
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": WORKER_MALLOC_ENVIRON[
        "MALLOC_TRIM_THRESHOLD_"
    ],
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.tick.interval": "500ms",
    "distributed.scheduler.worker-saturation": "inf",
}
"""The Dask settings docs/scale.md recommends for newsgraph's workers (`dask.config.set` keys):
the allocator settings above; no statistical profiler (it samples the task thread every 10 ms:
about 9% of a worker's CPU, measured); memory and system monitors and the event-loop tick
polled less often (the client, scheduler and nannies spent about a third less CPU); and the
scheduler sends a task to a worker as soon as it is submitted ("inf" saturation), so the
worker starts its next partition from its own queue instead of waiting for the scheduler's
answer to the one it finished (two workers about 2% faster, measured). The last is the
scheduler's setting; the others are the workers' and their nannies'."""


def analyze_distributed(
    paths: Sequence[str],
    *,
    settings: Settings,
    published: dt.date | None = None,
    scheduler: str = "processes",
    workers: int | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
) -> Iterator[JSON]:
    """Analysis records (or error records) of every document under `paths`, in input order.

    `scheduler` is "threads", "processes", "synchronous" or the `tcp://host:port` of a
    dask.distributed scheduler (whose workers must see the input files at the same paths).
    Bad arguments (and a tcp:// scheduler without dask.distributed installed) raise
    `ConfigError` here; an unreachable scheduler raises it when the first record is asked for.
    """
    check_scheduler(scheduler, workers, partition_size)
    return _stream(paths, settings, published, scheduler, workers, partition_size)


def _stream(
    paths: Sequence[str],
    settings: Settings,
    published: dt.date | None,
    scheduler: str,
    workers: int | None,
    partition_size: int,
) -> Iterator[JSON]:
    runner = make_runner(scheduler, workers)  # here, so a run never started holds no pool
    try:
        items = plan_items(paths, published=published, max_text_bytes=settings.max_text_bytes)
        for part, results in runner.run(partitions(items, partition_size), settings, published):
            for item, records in zip(part, results, strict=True):
                yield from restore_text(item, records)
    finally:
        runner.close()
