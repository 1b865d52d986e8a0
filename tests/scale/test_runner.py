"""A partition that fails outright becomes error records; the other partitions are kept."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from newsgraph.model import Analysis
from newsgraph.scale import runner
from newsgraph.scale.plan import WorkItem, item_id
from newsgraph.scale.runner import LocalRunner

from .helpers import SETTINGS


def fake_partition(
    items: list[WorkItem], settings: Any, published: dt.date | None
) -> list[list[dict[str, Any]]]:
    if any(item_id(i) == "bad" for i in items):
        raise MemoryError("worker ran out of memory")
    return [[{"id": item_id(i), "ok": True}] for i in items]


@pytest.mark.parametrize("scheduler", ["synchronous", "threads"])
@pytest.mark.parametrize("bad_at", [0, 3, 5])
def test_runner_failed_partition_keeps_the_others(
    scheduler: str, bad_at: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "analyse_partition", fake_partition)
    ids = [f"d{i}" for i in range(6)]
    ids[bad_at] = "bad"
    parts: list[list[WorkItem]] = [[Analysis(id=i, text="t")] for i in ids]
    local = LocalRunner(scheduler, workers=2)
    try:
        results = [group[0] for _, part in local.run(iter(parts), SETTINGS, None) for group in part]
    finally:
        local.close()
    assert [r["id"] for r in results] == ids
    assert [r["id"] for r in results if "error" in r] == ["bad"]
    assert "MemoryError" in results[bad_at]["error"]["message"]
