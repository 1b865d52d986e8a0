"""The store fixture: every store test runs on SQLite and, where a server is available, on
PostgreSQL (NEWSGRAPH_TEST_PG_URL; .ci/run starts one with scripts/start-test-postgres.sh)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from newsgraph.store import Store, create_store_engine

PG_SKIP = "PostgreSQL tests need NEWSGRAPH_TEST_PG_URL (.ci/run starts a server)"


def reset_postgres(url: str) -> None:
    engine = create_store_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def store_url(kind: str, tmp_path: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite'}"
    url = os.environ.get("NEWSGRAPH_TEST_PG_URL", "")
    if not url:
        pytest.skip(PG_SKIP)
    reset_postgres(url)
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The same tests run on SQLite and, where a server is available, PostgreSQL."""
    with Store(store_url(request.param, tmp_path)) as opened:
        yield opened
