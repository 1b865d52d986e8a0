"""The store keeps each document once, writes it in one transaction, and lists what it holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from newsgraph.store import Store, clusters, index, migrations
from record_factory import make_record


@pytest.mark.parametrize("body", ["Olaf Weber met the Polish president in Warsaw."])
def test_store_same_text_is_unchanged(store: Store, body: str) -> None:
    assert store.add(make_record(body)) == "new"
    assert store.add(make_record(body)) == "unchanged"
    summary = store.summary()
    assert (summary.documents, summary.events, summary.entities) == (1, 1, 1)


def test_store_changed_text_replaces_the_document(store: Store) -> None:
    store.add(make_record("Olaf Weber met the Polish president in Warsaw."))
    status = store.add(make_record("Olaf Weber met the Czech president in Prague."))
    assert status == "updated"
    assert store.summary().documents == 1
    assert [r["doc_key"] for r in store.rows("documents")] == ["doc-1"]


def test_store_error_records_are_kept(store: Store) -> None:
    status = store.add(
        {"id": "bad.txt", "error": {"kind": "empty", "message": "the file is empty"}}
    )
    assert status == "failed"
    assert store.summary().failures == 1
    assert store.summary().documents == 0


def test_store_write_is_atomic(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash while writing a document's children leaves no half-written document."""

    def explode(*_args: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(index, "index_new", explode)  # after the documents' own rows
    with pytest.raises(RuntimeError):
        store.add(make_record("Olaf Weber met the Polish president in Warsaw."))
    assert store.summary().documents == 0
    monkeypatch.undo()
    assert store.add(make_record("Olaf Weber met the Polish president in Warsaw.")) == "new"


def test_store_filters_rows(store: Store) -> None:
    store.add(make_record("Olaf Weber met the Polish president in Warsaw.", "a", "2025-03-02"))
    store.add(make_record("Olaf Weber met the Dutch king in The Hague.", "b", "2025-05-10"))
    import datetime as dt

    assert len(list(store.rows("events", filters={"event_type": "CONSULT"}))) == 2
    assert len(list(store.rows("events", filters={"actor_code": "DEU*"}))) == 2
    assert len(list(store.rows("events", filters={"event_type": "ASSAULT"}))) == 0
    later = list(store.rows("events", since=dt.date(2025, 4, 1)))
    assert [r["date_value"] for r in later] == ["2025-05-10"]
    assert len(list(store.rows("documents", limit=1))) == 1


def test_store_migrations_are_versioned_and_idempotent(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'v.sqlite'}"
    first = Store(url)
    assert first.schema_version == migrations.SCHEMA_VERSION
    first.close()
    second = Store(url)  # reopening applies nothing twice
    with second.engine.connect() as conn:
        version = conn.execute(text("select value from meta where key='schema_version'")).scalar()
        mode = conn.execute(text("PRAGMA journal_mode")).scalar()
    assert int(version) == migrations.SCHEMA_VERSION
    assert mode == "wal"


def test_store_migration_3_adds_adjectival_to_older_stores(tmp_path: Path) -> None:
    """A store made before places.adjectival existed gains the column when it is opened."""
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    Store(url).close()
    from newsgraph.store import create_store_engine

    engine = create_store_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP INDEX IF EXISTS ix_places_document"))
        conn.execute(text("ALTER TABLE places DROP COLUMN adjectival"))
        conn.execute(text("UPDATE meta SET value = '2' WHERE key = 'schema_version'"))
    engine.dispose()
    reopened = Store(url)
    with reopened.engine.connect() as conn:
        columns = [row[1] for row in conn.execute(text("PRAGMA table_info(places)"))]
    reopened.close()
    assert "adjectival" in columns


def test_store_add_many_keeps_the_good_records_of_a_failing_batch(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = index.write_new

    def fails_on_b(conn: Any, records: list[dict[str, Any]], *rest: Any) -> list[int]:
        if any(record["id"] == "b" for record in records):
            raise RuntimeError("disk full")
        return real(conn, records, *rest)

    monkeypatch.setattr(index, "write_new", fails_on_b)
    batch = [
        make_record(f"Olaf Weber met the {who} president in Warsaw.", key)
        for key, who in (("a", "Polish"), ("b", "Czech"), ("c", "Slovak"))
    ]
    with pytest.raises(RuntimeError):
        store.add_many(batch)
    assert sorted(r["doc_key"] for r in store.rows("documents")) == ["a"]
    monkeypatch.undo()
    assert store.add_many(batch) == ["unchanged", "new", "new"]


def test_store_migration_9_indexes_clusters_by_kind_and_end_date(tmp_path: Path) -> None:
    """A store made before migration 9 gains the index the candidate query of new events reads,
    and SQLite reads the clusters of the event's kind from it instead of collecting every
    cluster that shares a key (a populous country's key is shared by thousands)."""
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    Store(url).close()
    from newsgraph.store import create_store_engine

    engine = create_store_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_event_clusters_type_end"))
        conn.execute(text("UPDATE meta SET value = '8' WHERE key = 'schema_version'"))
    engine.dispose()
    with Store(url) as reopened:
        assert reopened.schema_version == migrations.SCHEMA_VERSION >= 9
        with reopened.engine.connect() as conn:
            indexes = [row[1] for row in conn.execute(text("PRAGMA index_list(event_clusters)"))]
            plan = conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN "
                + clusters._CANDIDATE_ARM.format(
                    index=0, m="?", types="?", modalities="?", tokens="?, ?"
                ),
                (
                    "MEET",
                    "asserted",
                    "2025-01-02",
                    "2024-12-31",
                    "2025-02-02",
                    "w:k:FRA",
                    "s:k:FRA",
                ),
            ).all()
    assert "ix_event_clusters_type_end" in indexes
    assert any("ix_event_clusters_type_end" in str(row[-1]) for row in plan), plan


@pytest.mark.parametrize("last", ["ix_event_clusters_type_date", "ix_event_clusters_type_end"])
def test_store_candidate_query_reads_the_end_date_index_whichever_was_made_last(
    tmp_path: Path, last: str
) -> None:
    """SQLite once rated the clusters' (type, start) and (type, end) indexes alike for the
    candidate query and took the one created last, an order that varies from store to store
    (a table's indexes are a set in SQLAlchemy); from the first each new event read nearly every
    cluster of its type, twice the CPU of a batch's writes. Whatever the order, it reads the
    second."""
    url = f"sqlite:///{tmp_path / 'order.sqlite'}"
    Store(url).close()
    from newsgraph.store import create_store_engine

    engine = create_store_engine(url)
    with engine.begin() as conn:
        ddl = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (last,)
        ).scalar()
        conn.exec_driver_sql(f"DROP INDEX {last}")
        conn.exec_driver_sql(str(ddl))
        arm = clusters._CANDIDATE_ARM.format(
            index=0, m="?", types="?", modalities="?", tokens="?, ?"
        )
        plan = conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN " + arm,
            ("MEET", "asserted", "2025-01-02", "2024-12-31", "2025-02-02", "w:k:FRA", "s:k:FRA"),
        ).all()
    engine.dispose()
    assert any("ix_event_clusters_type_end" in str(row[-1]) for row in plan), plan
