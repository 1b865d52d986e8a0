"""The Dask settings recommended for newsgraph's workers name real Dask settings."""

from __future__ import annotations

import pytest

dask = pytest.importorskip("dask")
pytest.importorskip("distributed")


def test_worker_config_keys_are_dask_settings_and_set_the_worker_environment() -> None:
    from newsgraph.scale import WORKER_CONFIG, WORKER_MALLOC_ENVIRON

    environ_prefix = "distributed.nanny.pre-spawn-environ."
    for key in WORKER_CONFIG:
        if not key.startswith(environ_prefix):
            # a misspelt key would be silently ignored by Dask: each must be one it knows
            assert dask.config.get(key, default=KeyError) is not KeyError, key
    with dask.config.set(WORKER_CONFIG):
        environ = dask.config.get("distributed.nanny.pre-spawn-environ")
        for name, value in WORKER_MALLOC_ENVIRON.items():
            assert environ[name] == value
        assert environ["OMP_NUM_THREADS"] == 1  # Dask's other worker variables are kept
        assert dask.config.get("distributed.worker.profile.enabled") is False


def test_a_scheduler_under_the_recommended_settings_sends_tasks_without_queuing() -> None:
    """Dask reads "inf" specially (a string: no float infinity fits a DASK_* variable)."""
    import asyncio
    import math

    from distributed import Scheduler

    from newsgraph.scale import WORKER_CONFIG

    async def saturation() -> float:
        async with Scheduler(dashboard_address=":0", host="127.0.0.1", port=0) as scheduler:
            return float(scheduler.WORKER_SATURATION)

    with dask.config.set(WORKER_CONFIG):
        assert math.isinf(asyncio.run(saturation()))
    assert not math.isinf(asyncio.run(saturation()))  # Dask's default queues root tasks
