"""`run_records`: one entry point for the CLI, in-process by default, on Dask when asked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from newsgraph.scale.distributed import DEFAULT_PARTITION_SIZE, analyze_distributed
from newsgraph.settings import Settings

JSON = dict[str, Any]


def run_records(
    paths: Sequence[str],
    settings: Settings,
    published: dt.date | None,
    dask: str | None,
    *,
    workers: int | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
) -> Iterator[JSON]:
    """Analysis records in input order: the plain pipeline when `dask` is None, else Dask."""
    if dask is not None:
        return analyze_distributed(
            paths,
            settings=settings,
            published=published,
            scheduler=dask,
            workers=workers,
            partition_size=partition_size,
        )
    return _in_process(paths, settings, published)


def _in_process(
    paths: Sequence[str], settings: Settings, published: dt.date | None
) -> Iterator[JSON]:
    from newsgraph.export import to_record
    from newsgraph.ingest import read_inputs
    from newsgraph.pipeline import Pipeline

    pipeline = Pipeline(settings)
    documents = read_inputs(paths, published=published, max_text_bytes=settings.max_text_bytes)
    for analysis in pipeline.run_many(documents):
        yield to_record(analysis)
