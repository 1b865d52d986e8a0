"""The ingest command's storage loop, end to end with the model: what goes in is stored."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import Store

from .conftest import PG_SKIP, reset_postgres

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

pytestmark = pytest.mark.model


@pytest.mark.postgres
def test_ingest_examples_into_postgresql_stores_every_document() -> None:
    """Coded parties such as `FRAGOV; DEUGOV; GBRGOV` once overflowed a PostgreSQL column and
    stopped the run after 3 of 15 documents."""
    url = os.environ.get("NEWSGRAPH_TEST_PG_URL", "")
    if not url:
        pytest.skip(PG_SKIP)
    reset_postgres(url)
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLES), "--db", url])
    assert result.exit_code == 0, result.output
    assert "15 new" in result.stdout
    with Store(url) as store:
        assert store.summary().documents == 15
