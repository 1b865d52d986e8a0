"""A dask.distributed cluster of 2 worker processes analyses, the client writes into PostgreSQL,
and the store holds exactly what an in-process ingest into SQLite holds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import create_store_engine

pytestmark = [pytest.mark.model, pytest.mark.postgres]


def table_counts(url: str) -> dict[str, int]:
    engine = create_store_engine(url)
    try:
        tables = sorted(
            t for t in inspect(engine).get_table_names() if not t.startswith("search_fts")
        )
        with engine.connect() as conn:
            return {
                t: conn.execute(text(f'SELECT COUNT(*) FROM "{t}"')).scalar_one() for t in tables
            }
    finally:
        engine.dispose()


def test_cluster_of_two_workers_fills_postgresql_like_in_process_sqlite(
    corpus: Path, tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    pg_url = os.environ.get("NEWSGRAPH_TEST_PG_URL", "")
    if not pg_url:
        pytest.skip("PostgreSQL tests need NEWSGRAPH_TEST_PG_URL (.ci/run starts a server)")
    from tests.store.conftest import reset_postgres

    reset_postgres(pg_url)
    sqlite_url = f"sqlite:///{tmp_path / 'in-process.sqlite'}"
    runner = CliRunner()
    local = runner.invoke(app, ["ingest", str(corpus), "--db", sqlite_url])
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        protocol="tcp://",
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        assert len(cluster.workers) == 2
        clustered = runner.invoke(
            app,
            [
                "ingest",
                str(corpus),
                "--db",
                pg_url,
                "--dask",
                cluster.scheduler_address,
                "--partition-size",
                "2",
            ],
        )
    assert clustered.exit_code == local.exit_code, clustered.output
    assert "Traceback" not in clustered.output
    new = [line for line in local.output.splitlines() if " new, " in line]
    assert new and new[0] in clustered.output
    pg, lite = table_counts(pg_url), table_counts(sqlite_url)
    assert pg["documents"] == lite["documents"] > 0
    assert {t: pg[t] for t in lite if t in pg} == {t: lite[t] for t in lite if t in pg}
