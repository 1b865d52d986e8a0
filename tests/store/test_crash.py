"""A killed writer leaves a store that opens, is consistent, and completes to a clean run's.

SIGKILLs at random moments: while a new store is being created, and while documents are being
ingested (each rerun of the ingest is killed again, as on a flaky machine). The large version is
benchmarks/bench_crash.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import PG_SKIP
from .crash import postgres_databases, run_trials


def test_crash_kills_during_creation_and_ingest_sqlite(tmp_path: Path) -> None:
    report = run_trials(
        lambda name: f"sqlite:///{tmp_path / name}.sqlite",
        creating=10,
        ingesting=14,
        size=100,
        seed=20261204,
        ingest_seconds=0.3,
    )
    assert report.problems == []
    assert report.kills >= 20
    assert report.kills_creating >= 3


@pytest.mark.postgres
def test_crash_kills_during_creation_and_ingest_postgresql() -> None:
    url = os.environ.get("NEWSGRAPH_TEST_PG_URL", "")
    if not url:
        pytest.skip(PG_SKIP)
    report = run_trials(
        postgres_databases(url, "crash"),
        creating=3,
        ingesting=9,
        size=60,
        seed=20261205,
        ingest_seconds=0.3,
    )
    assert report.problems == []
    # A resumed writer has less left to do each time, and may finish before its kill: the
    # trials leave room for that (the faster the analysis, the more often it happens).
    assert report.kills >= 10
