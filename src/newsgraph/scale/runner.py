"""Run partitions on a Dask scheduler and hand their records back in input order.

Local schedulers ("threads", "processes", "synchronous") run in waves of a few partitions per
worker over one long-lived pool, so worker processes (and the pipelines they cached) survive
from wave to wave; dask's own default would start and stop a process pool per compute call and
reload spaCy each time. A `tcp://` address uses a `dask.distributed` cluster with a sliding
window of futures. Either way a failed partition (a worker killed for memory, a payload that
cannot be pickled) is retried alone and, if it fails again, becomes error records.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from itertools import islice
from typing import Any, Protocol

from newsgraph.errors import ConfigError
from newsgraph.scale.plan import WorkItem, item_id
from newsgraph.scale.worker import analyse_partition, error_record
from newsgraph.settings import Settings

LOGGER = logging.getLogger(__name__)

JSON = dict[str, Any]
Results = list[list[JSON]]
"""A partition's records: one list per work item, in order."""

LOCAL_SCHEDULERS = ("threads", "processes", "synchronous")
DISTRIBUTED_PREFIX = "tcp://"
PARTITIONS_PER_WORKER = 2
"""Partitions in flight per worker: enough that a worker rarely waits, few enough to bound memory."""
DISTRIBUTED_RETRIES = 1
"""A partition whose worker died is tried once more elsewhere before it becomes error records."""
INSTALL_HINT = "pip install 'newsgraph[dask]' distributed"


def _module(name: str) -> Any:
    """Import a Dask module on first use (dask is an optional dependency, and untyped)."""
    return importlib.import_module(name)


def _distributed(address: str) -> Any:
    try:
        return _module("distributed")
    except ImportError as exc:
        raise ConfigError(
            f"the Dask scheduler {address} needs dask.distributed, which is not installed; "
            f"run `{INSTALL_HINT}`"
        ) from exc


def failed_partition(part: list[WorkItem], exc: BaseException) -> Results:
    """Error records for every document of a partition that could not be analysed."""
    return [[error_record(item_id(item), exc)] for item in part]


class Runner(Protocol):
    def run(
        self, parts: Iterator[list[WorkItem]], settings: Settings, published: dt.date | None
    ) -> Iterator[tuple[list[WorkItem], Results]]: ...

    def close(self) -> None: ...


class LocalRunner:
    """Dask's local schedulers over a pool that lives as long as the run."""

    def __init__(self, scheduler: str, workers: int | None) -> None:
        self.scheduler = scheduler
        self.workers = 1 if scheduler == "synchronous" else workers or os.cpu_count() or 1
        self._pool = self._new_pool()

    def _new_pool(self) -> Executor | None:
        if self.scheduler == "threads":
            return ThreadPoolExecutor(self.workers, thread_name_prefix="newsgraph-dask")
        if self.scheduler == "processes":
            # dask's multiprocessing context ("spawn" unless configured): fork can deadlock
            multiprocessing = _module("dask.multiprocessing")
            return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context())
        return None

    def _renew_pool(self) -> None:
        """A worker process that died breaks the whole pool; start a fresh one."""
        if isinstance(self._pool, ProcessPoolExecutor):
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new_pool()

    def _compute(
        self, parts: list[list[WorkItem]], settings: Settings, published: dt.date | None
    ) -> list[Results]:
        dask = _module("dask")
        task = dask.delayed(analyse_partition, pure=False)
        options: dict[str, Any] = {"scheduler": self.scheduler}
        if self._pool is not None:
            options.update(pool=self._pool, num_workers=self.workers)
        if self.scheduler == "processes":
            options["chunksize"] = 1  # one partition per message, so each worker gets its own
        return list(dask.compute(*(task(p, settings, published) for p in parts), **options))

    def _wave(
        self, parts: list[list[WorkItem]], settings: Settings, published: dt.date | None
    ) -> list[Results]:
        try:
            return self._compute(parts, settings, published)
        except Exception:
            LOGGER.warning("a wave of partitions failed; retrying its partitions one by one")
        self._renew_pool()
        results: list[Results] = []
        for part in parts:
            try:
                results += self._compute([part], settings, published)
            except Exception as exc:
                LOGGER.debug("partition failed twice", exc_info=True)
                results.append(failed_partition(part, exc))
                self._renew_pool()
        return results

    def run(
        self, parts: Iterator[list[WorkItem]], settings: Settings, published: dt.date | None
    ) -> Iterator[tuple[list[WorkItem], Results]]:
        wave_size = self.workers * PARTITIONS_PER_WORKER
        while wave := list(islice(parts, wave_size)):
            yield from zip(wave, self._wave(wave, settings, published), strict=True)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


class DistributedRunner:
    """A `dask.distributed` cluster, fed a sliding window of partitions."""

    def __init__(self, address: str) -> None:
        client_class = _distributed(address).Client
        try:
            self._client = client_class(address, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise ConfigError(
                f"cannot reach the Dask scheduler at {address} ({exc}); start one with "
                "`dask scheduler` (and workers with `dask worker ADDRESS`) or fix the address"
            ) from exc

    def run(
        self, parts: Iterator[list[WorkItem]], settings: Settings, published: dt.date | None
    ) -> Iterator[tuple[list[WorkItem], Results]]:
        threads = sum(self._client.nthreads().values()) or 1
        window = threads * PARTITIONS_PER_WORKER
        pending: deque[tuple[list[WorkItem], Any]] = deque()
        for part in parts:
            future = self._client.submit(
                analyse_partition,
                part,
                settings,
                published,
                pure=False,
                retries=DISTRIBUTED_RETRIES,
            )
            pending.append((part, future))
            if len(pending) >= window:
                yield self._collect(*pending.popleft())
        while pending:
            yield self._collect(*pending.popleft())

    @staticmethod
    def _collect(part: list[WorkItem], future: Any) -> tuple[list[WorkItem], Results]:
        try:
            return part, future.result()
        except Exception as exc:  # KilledWorker, a lost connection: keep the other partitions
            LOGGER.debug("partition failed on the cluster", exc_info=True)
            return part, failed_partition(part, exc)

    def close(self) -> None:
        self._client.close()


def check_scheduler(scheduler: str, workers: int | None, partition_size: int) -> None:
    """Refuse a bad scheduler, worker count or partition size before any work starts.

    A tcp:// scheduler also needs dask.distributed installed; whether it answers is only known
    once the run starts (the first record asked for).
    """
    if scheduler not in LOCAL_SCHEDULERS and not scheduler.startswith(DISTRIBUTED_PREFIX):
        raise ConfigError(
            f"unknown Dask scheduler {scheduler!r}; use one of {', '.join(LOCAL_SCHEDULERS)} "
            f"or the {DISTRIBUTED_PREFIX}host:port address of a dask.distributed scheduler"
        )
    if scheduler.startswith(DISTRIBUTED_PREFIX):
        _distributed(scheduler)
    if workers is not None and workers < 1:
        raise ConfigError(f"workers must be at least 1, got {workers}")
    if partition_size < 1:
        raise ConfigError(f"partition_size must be at least 1, got {partition_size}")


def make_runner(scheduler: str, workers: int | None) -> Runner:
    if scheduler.startswith(DISTRIBUTED_PREFIX):
        return DistributedRunner(scheduler)
    return LocalRunner(scheduler, workers)
