"""The candidate query reads narrow clusters from a bounded date range and wide ones from
`wide_clusters`, and must find exactly the clusters the unbounded query found: a store written
with the bound holds the same rows as one written without it, on SQLite and PostgreSQL, for
events dated long before, among and long after the stored clusters, at every width."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from newsgraph.store import Store, clusters, create_store_engine, migrations
from newsgraph.store import schema as s

from .checks import table_digests
from .conftest import store_url
from .crash import per_cluster_problems, per_cluster_rows
from .dated import dated_corpus

KINDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def _write(store: Store, records: list[dict[str, Any]], batch: int) -> list[str]:
    statuses: list[str] = []
    for start in range(0, len(records), batch):
        statuses += store.add_many(records[start : start + batch])
    return statuses


def _clusters(store: Store) -> list[Any]:
    c = s.event_clusters
    with store.engine.connect() as conn:
        return conn.execute(select(c.c.id, c.c.date_start, c.c.date_end, c.c.n_events)).all()


def _stored(kind: str, folder: Path, records: list[dict[str, Any]], batch: int) -> Any:
    """What a store holds after the records: the statuses, a digest of every table but
    `wide_clusters`, the clusters (`wide_clusters` checked against them)."""
    with Store(store_url(kind, folder)) as store:
        statuses = _write(store, records, batch)
        digests = table_digests(store)
        assert per_cluster_problems(store) == []
        found = _clusters(store)
    return statuses, {t: d for t, d in digests.items() if t != "wide_clusters"}, found


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("batch", [32, 1])
def test_wide_clusters_bound_finds_what_the_unbounded_query_found(
    kind: str, batch: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = dated_corpus()
    bounded = _stored(kind, tmp_path / "bounded", records, batch)
    # Nothing wide and no end to the narrow range: the candidate query as it was.
    monkeypatch.setattr(s, "WIDE_CLUSTER_DAYS", 10**6)
    unbounded = _stored(kind, tmp_path / "unbounded", records, batch)
    monkeypatch.undo()
    assert bounded[:2] == unbounded[:2]
    assert sum((c.date_end - c.date_start).days > 31 for c in bounded[2]) > 10
    joined = [c for c in bounded[2] if c.n_events > 1]
    assert any(c.date_start.year < 2000 for c in joined)
    assert any(c.date_start.year > 2030 for c in joined)
    if batch == 32:  # the corpus has events that only the wide clusters' arm finds
        monkeypatch.setattr(clusters, "_WIDE_ARM", clusters._WIDE_ARM + " AND 1 = 0")
        blind = _stored(kind, tmp_path / "blind", records, batch)
        assert blind[1] != bounded[1]


@pytest.mark.parametrize("kind", KINDS)
def test_wide_clusters_migration_10_fills_the_table_of_an_older_store(
    kind: str, tmp_path: Path
) -> None:
    url = store_url(kind, tmp_path)
    with Store(url) as store:
        _write(store, dated_corpus(60), 16)
        stored, expected = per_cluster_rows(store)["wide_clusters"]
    assert stored and set(stored) == expected
    engine = create_store_engine(url)
    with engine.begin() as conn:  # as version 9 left it
        conn.execute(text("DROP TABLE wide_clusters"))
        conn.execute(text("UPDATE meta SET value = '9' WHERE key = 'schema_version'"))
    engine.dispose()
    with Store(url) as reopened:
        assert reopened.schema_version == migrations.SCHEMA_VERSION >= 10
        refilled, _ = per_cluster_rows(reopened)["wide_clusters"]
        assert sorted(refilled) == sorted(stored)
        assert per_cluster_problems(reopened) == []


def test_wide_clusters_dates_near_the_last_date_do_not_overflow(tmp_path: Path) -> None:
    """The narrow range ends `WIDE_CLUSTER_DAYS` after an event's latest start: for an event
    dated in the last days there are, it ends on the last date."""
    records = [r for r in dated_corpus(4) if "error" not in r][:2]
    last = dt.date.max - dt.timedelta(days=5)
    for record in records:
        for event in record["events"]:
            event["date"] = {**event["date"], "start": last.isoformat(), "end": last.isoformat()}
    with Store(f"sqlite:///{tmp_path / 'late.sqlite'}") as store:
        assert store.add_many(records) == ["new", "new"]
        assert per_cluster_problems(store) == []
