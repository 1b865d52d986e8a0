"""Scale-out on Dask: the same analysis records as the in-process pipeline, from many workers.

    analyze_distributed(paths, settings=..., scheduler="processes")   records in input order
    run_records(paths, settings, published, dask)                     the CLI's one entry point

Each worker process builds its pipeline once (`worker.cached_pipeline`); per-document errors
come back as error records exactly as `Pipeline.run_many` makes them.
"""

from newsgraph.scale.distributed import (
    DEFAULT_PARTITION_SIZE,
    WORKER_CONFIG,
    WORKER_MALLOC_ENVIRON,
    analyze_distributed,
)
from newsgraph.scale.records import run_records

__all__ = [
    "DEFAULT_PARTITION_SIZE",
    "WORKER_CONFIG",
    "WORKER_MALLOC_ENVIRON",
    "analyze_distributed",
    "run_records",
]
