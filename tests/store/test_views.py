"""The SQLite file opens as it is in standard tools, and older stores are migrated in place."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from newsgraph.store import Store, index, migrations
from record_factory import EXPECTED_CLUSTERS, scenario


@pytest.fixture()
def sqlite_file(tmp_path: Path) -> Path:
    path = tmp_path / "kb.sqlite"
    with Store(f"sqlite:///{path}") as store:
        for record in scenario():
            store.add(record)
    return path


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ("SELECT count(*) FROM event_clusters_view", EXPECTED_CLUSTERS),
        ("SELECT max(n_reports) FROM event_clusters_view", 2),
        (
            "SELECT n_events FROM dyad_monthly WHERE actor_country='KEN' AND recipient_country='ETH' "
            "AND month='2025-05-01'",
            2,
        ),
        ("SELECT count(*) FROM cluster_reports WHERE is_copy = 1", 1),
        ("SELECT count(*) FROM entity_aliases WHERE alias = 'William Samoei Ruto'", 1),
        ("SELECT speaker FROM quotes_view", "William Ruto"),
        ("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'corridor'", 2),
    ],
)
def test_views_plain_sqlite3_reads_them(sqlite_file: Path, sql: str, expected: object) -> None:
    conn = sqlite3.connect(sqlite_file)
    try:
        assert conn.execute(sql).fetchone()[0] == expected
    finally:
        conn.close()


def test_views_fulltext_follows_replacement(sqlite_file: Path) -> None:
    store = Store(f"sqlite:///{sqlite_file}")
    first = scenario()[0]
    changed = {**first, "quotes": [], "source": {**first["source"], "sha256": "0" * 64}}
    assert store.add(changed) == "updated"
    with store.engine.connect() as conn:
        hits = conn.execute(
            text("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'quarter'")
        )
        assert hits.scalar() == 0  # the quote went with the old version
    store.close()


def test_views_version_1_store_is_backfilled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store written before migration 2 gets its clusters from the kept records."""
    url = f"sqlite:///{tmp_path / 'v1.sqlite'}"
    with monkeypatch.context() as old_code:  # the newsgraph that only knew migration 1
        old_code.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
        old_code.setattr(migrations, "SCHEMA_VERSION", 1)
        old_code.setattr(migrations, "create", migrations.MIGRATIONS[0])
        old_code.setattr(index, "index_document", lambda *_args: None)
        old_code.setattr(index, "index_new", lambda *_args: None)
        old_code.setattr(index, "index_unindexed", lambda *_args: None)
        old_code.setattr(index, "unindexed", lambda *_args: False)
        with Store(url) as old:
            for record in scenario():
                old.add(record)
            assert old.schema_version == 1
    with Store(url) as new:
        assert new.schema_version == migrations.SCHEMA_VERSION
        with new.engine.connect() as conn:
            counts = conn.execute(text("SELECT n_reports FROM event_clusters")).scalars().all()
            kept = json.loads(conn.execute(text("SELECT record FROM documents LIMIT 1")).scalar())
    assert len(counts) == EXPECTED_CLUSTERS and sorted(counts)[-1] == 2
    assert kept["id"] == "kb-01"
