"""Record → row builders, one per table, checked without a database; and the one place where
the same values are written two ways (a new cluster from its first event, or a refresh from the
stored rows) agrees."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from sqlalchemy import select

from newsgraph.store import Store, clusters, rows
from newsgraph.store import schema as s
from newsgraph.store.rows import LinkedEntity

from .varied import corpus, document


def linked_for(record: dict[str, Any]) -> dict[str, LinkedEntity]:
    return {
        e["id"]: LinkedEntity(100 + i, 500 + i, e["type"], e["name"], e["name"].lower(), e["name"])
        for i, e in enumerate(record["entities"])
    }


def test_rows_events_join_every_coded_party() -> None:
    record = document(0, random.Random(1))  # an extreme record: three recipients
    event = record["events"][0]
    event["recipients"] = [
        {"entity": None, "text": t, "code": c, "country": c[:3], "sector": "GOV"}
        for t, c in (("France", "FRAGOV"), ("Germany", "DEUGOV"), ("Britain", "GBRGOV"))
    ]
    row = rows.event_rows(7, record)[0]
    assert row["recipient_code"] == "FRAGOV; DEUGOV; GBRGOV"
    assert row["recipient"] == "France; Germany; Britain"
    assert row["recipient_country"] == "FRA"
    assert row["document_id"] == 7 and row["date_start"] == dt.date.fromisoformat(
        event["date"]["start"]
    )


def test_rows_document_and_children_counts() -> None:
    record = document(3, random.Random(2))
    doc = rows.document_row(record, "2026-01-01T00:00:00+00:00")
    assert doc["doc_key"] == record["id"] and doc["n_events"] == len(record["events"])
    assert doc["published"] == dt.date.fromisoformat(record["document"]["published"])
    assert [r["local_id"] for r in rows.entity_rows(1, record)] == [
        e["id"] for e in record["entities"]
    ]
    assert rows.entity_rows(1, record)[0]["aliases"] == "; ".join(record["entities"][0]["aliases"])
    assert len(rows.quote_rows(1, record)) == len(record["quotes"])
    assert len(rows.time_rows(1, record)) == len(record["times"])
    assert rows.place_rows(1, record)[0]["adjectival"] is False


def test_rows_knowledge_base_rows_use_the_given_ids() -> None:
    record = document(4, random.Random(3))
    linked = linked_for(record)
    event_ids = {v["id"]: 900 + i for i, v in enumerate(record["events"])}
    quote_ids = {q["id"]: 700 + i for i, q in enumerate(record["quotes"])}
    participants = rows.participant_rows(1, record, event_ids, linked)
    assert len(participants) == sum(
        len(v["actors"]) + len(v["recipients"]) for v in record["events"]
    )
    assert {p["event_id"] for p in participants} == set(event_ids.values())
    assert participants[0]["global_entity_id"] == 500
    mentions = rows.mention_rows(1, record, linked)
    assert {m["entity_id"] for m in mentions} <= {v.row_id for v in linked.values()}
    roles = rows.role_rows(1, record, linked)
    assert roles and all(r["seen"] == rows.published(record) for r in roles)
    assert rows.quote_link_rows(1, record, quote_ids, linked) == [
        {"quote_id": 700, "document_id": 1, "global_entity_id": 500}
    ]
    evidence = rows.evidence_rows(1, record, event_ids)
    assert len(evidence) == sum(len(v["evidence"]) for v in record["events"])
    assert rows.search_rows(1, "quote", [(700, "A", "text")])[0]["kind"] == "quote"


def test_rows_event_facts_date_defaults_to_publication() -> None:
    record = document(5, random.Random(4))
    record["events"][0]["date"] = None
    event_ids = {v["id"]: i for i, v in enumerate(record["events"])}
    facts = rows.event_facts(record, event_ids, linked_for(record))
    assert facts[0].start == facts[0].end == rows.published(record)
    assert "g:500" in facts[0].sides["actor"].strong


def cluster_tables(store: Store) -> list[list[Any]]:
    with store.engine.connect() as conn:
        return [
            sorted(tuple(r) for r in conn.execute(select(t)))
            for t in (s.event_clusters, s.cluster_keys, s.cluster_participants)
        ]


def test_rows_new_cluster_equals_its_refresh(tmp_path: Any) -> None:
    with Store(f"sqlite:///{tmp_path / 'c.sqlite'}") as store:
        for record in corpus(60):
            store.add(record)
        written = cluster_tables(store)
        with store.engine.begin() as conn:
            for cluster_id in conn.execute(select(s.event_clusters.c.id)).scalars().all():
                clusters.refresh(conn, cluster_id)
        assert cluster_tables(store) == written


def test_rows_two_reports_of_one_event_in_one_document_share_a_cluster(tmp_path: Any) -> None:
    """The second event finds the cluster the first opened, before its keys are written."""
    record = document(3, random.Random(9))
    first = record["events"][0]
    first["modality"] = "asserted"
    second = {**first, "id": f"V{len(record['events']) + 1}", "confidence": 0.1}
    record["events"].append(second)
    record["document"]["body"] = [{"start": 0, "end": len(record["text"])}]
    with Store(f"sqlite:///{tmp_path / 'one.sqlite'}") as store:
        store.add(record)
        with store.engine.connect() as conn:
            link = s.event_links
            clusters_of = dict(conn.execute(select(link.c.event_id, link.c.cluster_id)).all())
            events = dict(conn.execute(select(s.events.c.local_id, s.events.c.id)).all())
            cluster = clusters_of[events[first["id"]]]
            assert clusters_of[events[second["id"]]] == cluster
            n_events = conn.execute(
                select(s.event_clusters.c.n_events).where(s.event_clusters.c.id == cluster)
            ).scalar()
        assert n_events is not None and n_events >= 2
