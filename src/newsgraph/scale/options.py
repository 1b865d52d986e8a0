"""Typer options for `extract` and `ingest`: where to analyse (in-process or on Dask)."""

from __future__ import annotations

from typing import Annotated

import typer

from newsgraph.scale.distributed import DEFAULT_PARTITION_SIZE

DaskOption = Annotated[
    str | None,
    typer.Option(
        "--dask",
        metavar="SCHEDULER",
        help="Analyse on Dask: threads, processes, synchronous, or tcp://host:port of a "
        "dask.distributed scheduler (its workers must see the input files). Default: in-process.",
    ),
]
DaskWorkersOption = Annotated[
    int | None,
    typer.Option("--dask-workers", min=1, help="Local Dask workers (default: one per CPU core)."),
]
PartitionSizeOption = Annotated[
    int,
    typer.Option(
        "--partition-size",
        min=1,
        help=f"Documents per Dask task (default {DEFAULT_PARTITION_SIZE}).",
    ),
]
