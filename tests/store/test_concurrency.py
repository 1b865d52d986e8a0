"""Several writers at once, on SQLite and PostgreSQL: nothing crashes, nothing is lost or doubled.

Each writer is its own process (as concurrent `newsgraph ingest` runs are). They open a new store
at the same moment and add overlapping slices of the varied corpus, so they race on creating the
schema, on the same documents and on the same new entity names.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from newsgraph.store import Store, ddl, migrations
from newsgraph.store import schema as s

from .checks import duplicate_entities, per_document_counts
from .conftest import store_url
from .varied import corpus
from .writer import CORPUS_SIZE

WRITER = Path(__file__).with_name("writer.py")
REPO = Path(__file__).resolve().parents[2]
WRITERS = 4


def run_writers(
    url: str, slices: list[tuple[int, int]], readers: int = 0
) -> list[subprocess.CompletedProcess[str]]:
    start_at = time.time() + 2.0  # every process imported and waiting before the first starts
    commands = [[str(a), str(b), str(start_at)] for a, b in slices]
    commands += [["read", "8", str(start_at)]] * readers
    procs = [
        subprocess.Popen(
            [sys.executable, str(WRITER), url, *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        for args in commands
    ]
    out = []
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=300)
        out.append(subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr))
    return out


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_concurrency_four_writers_with_overlapping_inputs(kind: str, tmp_path: Path) -> None:
    url = store_url(kind, tmp_path)  # PostgreSQL: an empty database; SQLite: no file yet
    records = corpus(CORPUS_SIZE, versions=False)
    n = len(records)
    # Three writers take overlapping halves, the fourth everything: each record goes to two or
    # three writers at about the same time.
    slices = [(0, n // 2), (n // 4, 3 * n // 4), (n // 2, n), (0, n)]
    assert len(slices) == WRITERS
    results = run_writers(url, slices, readers=1)  # and a reader: never "database is locked"
    for result in results:
        assert result.returncode == 0, result.stderr[-3000:]
        assert "Traceback" not in result.stderr
    assert "reads " in results[-1].stdout and int(results[-1].stdout.split()[-1]) > 0
    serial_url = f"sqlite:///{tmp_path / 'serial.sqlite'}"
    with Store(serial_url) as serial:
        for record in records:
            serial.add(record)
        expected = per_document_counts(serial)
    with Store(url) as store:
        assert per_document_counts(store) == expected
        assert duplicate_entities(store) == []
        with store.engine.connect() as conn:
            keys = conn.execute(select(s.documents.c.doc_key)).scalars().all()
        assert sorted(keys) == sorted({r["id"] for r in records if "error" not in r})


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_concurrency_new_store_opened_by_several_processes(kind: str, tmp_path: Path) -> None:
    url = store_url(kind, tmp_path)
    results = run_writers(url, [(0, 0)] * 6)
    for result in results:
        assert result.returncode == 0, result.stderr[-3000:]
    with Store(url) as store:
        assert store.schema_version == migrations.SCHEMA_VERSION


def test_concurrency_store_creation_is_one_transaction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A creation that fails half-way (as a kill would) leaves nothing that blocks the next."""
    url = f"sqlite:///{tmp_path / 'half.sqlite'}"

    def fail(_conn: Any) -> None:
        raise RuntimeError("killed after the tables and the full-text table were made")

    with monkeypatch.context() as broken:
        broken.setattr(ddl, "create_views", fail)
        with pytest.raises(RuntimeError):
            Store(url)
    with Store(url) as store:
        assert store.schema_version == migrations.SCHEMA_VERSION
        assert store.add(corpus(1)[0]) == "new"


def test_concurrency_creation_statements_are_rerunnable(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'twice.sqlite'}") as store, store.engine.begin() as conn:
        migrations.create(conn)
        for migration in migrations.MIGRATIONS:
            migration(conn)
