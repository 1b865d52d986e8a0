"""Column types hold what a record holds, on both databases.

PostgreSQL enforces VARCHAR(n) where SQLite does not, so a width that is too small lost whole runs
on PostgreSQL only (three coded parties, `FRAGOV; DEUGOV; GBRGOV`, overflowed a 16-character
code column). The varied corpus (tests/store/varied.py) goes through both and must leave the same
counts in every table.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import String, Text, func, select, text

from newsgraph.store import Store, ddl, migrations
from newsgraph.store import schema as s

from .conftest import PG_SKIP, reset_postgres
from .varied import corpus

BOUNDED = {
    ("meta", "key"): "the store's own setting names",
    ("documents", "sha256"): "64 hex digits, computed by newsgraph",
    ("document_fingerprints", "body_hash"): "64 hex digits, computed by the store",
    ("document_bands", "band"): "band number and 24 hex digits, computed by the store",
    ("event_participants", "side"): "'actor' or 'recipient', written by the store",
    ("cluster_participants", "side"): "'actor' or 'recipient', written by the store",
    ("cluster_keys", "side"): "'actor' or 'recipient', written by the store",
    ("cluster_codes", "side"): "'actor' or 'recipient', copied from event_participants",
    ("event_clusters", "location_precision"): "'city' or 'country', written by the store",
}


def test_schema_only_store_built_values_have_a_width() -> None:
    """Every column a record fills is unbounded text; a width only where the store builds the value."""
    widths = {
        (table.name, column.name)
        for table in s.metadata.tables.values()
        for column in table.columns
        if isinstance(column.type, String)
        and not isinstance(column.type, Text)
        and column.type.length is not None
    }
    assert widths == set(BOUNDED)


def counts(store: Store) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with store.engine.connect() as conn:
        for table in s.metadata.sorted_tables:
            out[table.name] = conn.execute(select(func.count()).select_from(table)).scalar()
        c = s.event_clusters
        out["n_reports"] = conn.execute(select(func.sum(c.c.n_reports))).scalar()
        out["n_documents"] = conn.execute(select(func.sum(c.c.n_documents))).scalar()
        g = s.global_entities
        out["entity_documents"] = conn.execute(select(func.sum(g.c.n_documents))).scalar()
        out["longest_code"] = conn.execute(
            select(func.max(func.length(s.events.c.actor_code)))
        ).scalar()
    return out


@pytest.mark.postgres
def test_schema_same_corpus_same_counts_on_sqlite_and_postgresql(tmp_path: Path) -> None:
    url = os.environ.get("NEWSGRAPH_TEST_PG_URL", "")
    if not url:
        pytest.skip(PG_SKIP)
    reset_postgres(url)
    records = corpus(300)
    assert len(records) >= 300
    results = {}
    for name, store_url in (("sqlite", f"sqlite:///{tmp_path / 'v.sqlite'}"), ("pg", url)):
        with Store(store_url) as store:
            statuses = [store.add(r) for r in records]
            results[name] = (statuses, counts(store))
    assert results["sqlite"][0] == results["pg"][0]
    assert "failed" in results["pg"][0] and "updated" in results["pg"][0]
    assert results["sqlite"][1] == results["pg"][1]
    assert results["pg"][1]["documents"] == len({r["id"] for r in records if "error" not in r})
    assert results["pg"][1]["longest_code"] > 30


@pytest.mark.postgres
def test_schema_migration_4_widens_an_older_postgresql_store() -> None:
    url = os.environ.get("NEWSGRAPH_TEST_PG_URL", "")
    if not url:
        pytest.skip(PG_SKIP)
    reset_postgres(url)
    Store(url).close()
    with Store(url) as store, store.engine.begin() as conn:  # as version 3 left it
        for name in ddl.VIEWS:
            conn.execute(text(f"DROP VIEW {name}"))
        conn.execute(text("ALTER TABLE events ALTER COLUMN actor_code TYPE VARCHAR(16)"))
        ddl.create_views(conn)
        conn.execute(text("UPDATE meta SET value = '3' WHERE key = 'schema_version'"))
    records = [r for r in corpus(14) if "error" not in r]
    with Store(url) as store:
        assert store.schema_version == migrations.SCHEMA_VERSION
        for record in records:
            store.add(record)
        assert store.summary().documents == len({r["id"] for r in records})
