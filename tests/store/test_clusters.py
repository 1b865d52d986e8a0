"""Cross-article event resolution: one real event → one cluster, reports counted once."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from newsgraph.store import Store
from newsgraph.store import matching as cl
from newsgraph.store import schema as s
from record_factory import EXPECTED_CLUSTERS, scenario


def cluster_rows(store: Store) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return [
            dict(r._mapping)
            for r in conn.execute(
                select(s.event_clusters).order_by(
                    s.event_clusters.c.date_start, s.event_clusters.c.id
                )
            )
        ]


def docs_of(store: Store, cluster_id: int) -> set[str]:
    link, d = s.event_links, s.documents
    with store.engine.connect() as conn:
        return {
            r[0]
            for r in conn.execute(
                select(d.c.doc_key)
                .join(link, link.c.document_id == d.c.id)
                .where(link.c.cluster_id == cluster_id)
            )
        }


def visit_cluster(store: Store, day: dt.date, location: str) -> dict[str, Any]:
    rows = [
        r
        for r in cluster_rows(store)
        if r["event_type"] == "CONSULT" and r["date_start"] == day and r["location"] == location
    ]
    assert len(rows) == 1, rows
    return rows[0]


def test_clusters_scenario_counts_each_event_once(store: Store) -> None:
    for record in scenario():
        assert store.add(record) == "new"
    rows = cluster_rows(store)
    assert len(rows) == EXPECTED_CLUSTERS
    visit = visit_cluster(store, dt.date(2025, 5, 12), "Addis Ababa")
    assert (visit["n_reports"], visit["n_documents"], visit["n_events"]) == (2, 3, 4)
    assert docs_of(store, visit["id"]) == {"kb-01", "kb-02", "kb-03"}
    assert visit["actor_country"] == "KEN" and visit["recipient_country"] == "ETH"
    assert visit["period_month"] == dt.date(2025, 5, 1)
    assert visit["period_week"] == dt.date(2025, 5, 12)
    others = [r for r in rows if r["id"] != visit["id"]]
    assert all(r["n_reports"] == 1 and r["n_documents"] == 1 for r in others)


@pytest.mark.parametrize(
    ("day", "place"), [(dt.date(2025, 5, 19), "Kampala"), (dt.date(2025, 5, 26), "Addis Ababa")]
)
def test_clusters_same_leader_a_week_apart_stays_apart(
    store: Store, day: dt.date, place: str
) -> None:
    for record in scenario():
        store.add(record)
    later = visit_cluster(store, day, place)
    assert later["n_reports"] == 1
    assert len(docs_of(store, later["id"])) == 1


def test_clusters_reingest_and_copy_never_inflate(store: Store) -> None:
    records = scenario()
    for record in records:
        store.add(record)
    before = [(r["id"], r["n_reports"], r["n_documents"]) for r in cluster_rows(store)]
    for record in records:
        assert store.add(record) == "unchanged"
    assert [(r["id"], r["n_reports"], r["n_documents"]) for r in cluster_rows(store)] == before
    with store.engine.connect() as conn:
        f, d = s.document_fingerprints, s.documents
        copies = dict(
            conn.execute(select(d.c.doc_key, f.c.copy_of).join(f, f.c.document_id == d.c.id)).all()
        )
        originals = dict(conn.execute(select(d.c.id, d.c.doc_key)).all())
    assert originals[copies["kb-02"]] == "kb-01"
    assert all(v is None for k, v in copies.items() if k != "kb-02")


def test_clusters_copy_arriving_first_is_the_root(store: Store) -> None:
    records = scenario()
    for record in [records[1], records[0], records[2]]:
        store.add(record)
    visit = visit_cluster(store, dt.date(2025, 5, 12), "Addis Ababa")
    assert (visit["n_reports"], visit["n_documents"]) == (2, 3)


def test_clusters_replacing_a_document_updates_counts(store: Store) -> None:
    records = scenario()
    for record in records[:3]:
        store.add(record)
    changed = dict(records[2])
    changed["text"] = records[2]["text"] + " Engineers will visit next month."
    changed["source"] = {**records[2]["source"], "sha256": "f" * 64}
    changed["events"] = []
    assert store.add(changed) == "updated"
    visit = visit_cluster(store, dt.date(2025, 5, 12), "Addis Ababa")
    assert (visit["n_reports"], visit["n_documents"], visit["n_events"]) == (1, 2, 2)


EMPTY = cl.SideTokens(frozenset(), frozenset())


def side(strong: set[str], weak: set[str] = frozenset()) -> cl.SideTokens:  # type: ignore[assignment]
    return cl.SideTokens(frozenset(strong), frozenset(strong | set(weak)))


@pytest.mark.parametrize(
    ("event_sides", "cluster_sides", "expected"),
    [
        (
            {"actor": side({"g:1"}), "recipient": side({"g:2"})},
            {"actor": side({"g:1"}), "recipient": side({"g:2"})},
            4,
        ),
        # the same leader meeting someone else: the recipient contradicts
        (
            {"actor": side({"g:1"}), "recipient": side({"g:3"}, {"k:RUS"})},
            {"actor": side({"g:1"}), "recipient": side({"g:2"}, {"k:SYR"})},
            None,
        ),
        # an unnamed recipient is no contradiction
        (
            {"actor": side({"g:1"}), "recipient": EMPTY},
            {"actor": side({"g:1"}), "recipient": side({"g:2"})},
            2,
        ),
        # only countries in common on one side is not enough
        (
            {"actor": side(set(), {"k:TUR"}), "recipient": EMPTY},
            {"actor": side({"g:1"}, {"k:TUR"}), "recipient": EMPTY},
            None,
        ),
    ],
)
def test_clusters_match_score(
    event_sides: dict[str, cl.SideTokens],
    cluster_sides: dict[str, cl.SideTokens],
    expected: int | None,
) -> None:
    assert cl.match_score("ACCUSE", event_sides, cluster_sides) == expected


def test_clusters_symmetric_types_allow_swapped_sides() -> None:
    ev = {"actor": side({"g:2"}), "recipient": side({"g:1"})}
    cluster = {"actor": side({"g:1"}), "recipient": side({"g:2"})}
    assert cl.match_score("CONSULT", ev, cluster) == 4
    assert cl.match_score("ACCUSE", ev, cluster) is None


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (("Ankara", "TUR", 39.93, 32.86, "city"), ("Ankara", "TUR", 39.93, 32.86, "city"), True),
        (("Ankara", "TUR", 39.93, 32.86, "city"), ("Istanbul", "TUR", 41.01, 28.98, "city"), False),
        (("Turkey", "TUR", None, None, "country"), ("Ankara", "TUR", 39.93, 32.86, "city"), True),
        (("Esenboga", "TUR", 40.12, 32.99, "point"), ("Ankara", "TUR", 39.93, 32.86, "city"), True),
        (("Damascus", "SYR", 33.51, 36.29, "city"), ("Ankara", "TUR", 39.93, 32.86, "city"), False),
    ],
)
def test_clusters_places_compatible(a: tuple[Any, ...], b: tuple[Any, ...], expected: bool) -> None:
    assert cl.places_compatible(cl.PlaceFacts(*a), cl.PlaceFacts(*b)) is expected


@pytest.mark.parametrize(("gap", "expected"), [(0, 0), (1, 1), (7, 7)])
def test_clusters_date_gap(gap: int, expected: int) -> None:
    day = dt.date(2025, 5, 12)
    later = day + dt.timedelta(days=gap)
    assert cl.date_gap(day, day, later, later) == expected
    assert (cl.date_gap(day, day, later, later) <= cl.DATE_TOLERANCE_DAYS) is (gap <= 1)
