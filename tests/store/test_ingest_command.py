"""The ingest command's storage loop, end to end with the model: what goes in is stored."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import Store
from newsgraph.store import schema as s

from .checks import duplicate_entities
from .conftest import PG_SKIP, reset_postgres, store_url

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


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_ingest_four_concurrent_processes_with_overlapping_inputs(
    kind: str, tmp_path: Path
) -> None:
    """Four `newsgraph ingest` runs at once into one new store, sharing documents."""
    url = store_url(kind, tmp_path)
    files = sorted(str(p) for p in EXAMPLES.iterdir())
    inputs = [files, files[: len(files) // 2 + 2], files[len(files) // 2 - 2 :], files[::-1]]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "newsgraph.cli", "ingest", *paths, "--db", url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for paths in inputs
    ]
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=600)
        assert proc.returncode == 0, stdout + stderr
        assert "Traceback" not in stderr
    with Store(url) as store:
        assert store.summary().documents == 15
        with store.engine.connect() as conn:
            keys = conn.execute(select(s.documents.c.doc_key)).scalars().all()
        assert len(keys) == len(set(keys)) == 15
        assert duplicate_entities(store) == []


def test_ingest_duplicate_id_in_one_corpus_is_an_error_not_a_replacement(tmp_path: Path) -> None:
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text(
        '{"id": "wire-7", "text": "Kenyan President William Ruto met Ethiopian Prime Minister '
        'Abiy Ahmed in Addis Ababa on Monday to discuss the Moyale corridor."}\n'
        '{"id": "wire-8", "text": "Brazil raised tariffs on Chinese steel on Tuesday, the trade '
        'ministry in Brasilia said."}\n'
        '{"id": "wire-7", "text": "Polish Foreign Minister Radoslaw Sikorski summoned the '
        "Belarusian charge d'affaires in Warsaw on Friday over border incidents.\"}\n"
    )
    url = f"sqlite:///{tmp_path / 'dup.sqlite'}"
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", url])
    assert result.exit_code == 1, result.output
    assert "duplicate_id" in result.output and "2 new" in result.output
    with Store(url) as store:
        kept = store.record("wire-7")
        assert kept is not None and "Ruto" in kept["text"]
        assert store.summary().failures == 1
