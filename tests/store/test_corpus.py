"""Done-when: the kb corpus, analysed by the full pipeline, ingests into the right clusters.

tests/fixtures/corpus_kb/README.md says what the twelve articles are. The test asserts the
visits: three reports of one visit (one a syndicated copy) form one cluster with two reports and
three documents; the same leader's visit a week later is another; no cluster mixes unrelated
stories; re-ingesting changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from newsgraph.store import Store
from newsgraph.store import schema as s

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus_kb" / "articles.jsonl"
SAME_VISIT = {"kb-01", "kb-02", "kb-03"}

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def records(pipeline: Any) -> list[dict[str, Any]]:
    from newsgraph.export import to_record
    from newsgraph.ingest import read_inputs

    return [to_record(a) for a in pipeline.run_many(read_inputs([str(CORPUS)]))]


def clusters_by_document(store: Store) -> dict[int, dict[str, Any]]:
    c, link, d = s.event_clusters, s.event_links, s.documents
    out: dict[int, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for row in conn.execute(
            select(
                c.c.id, c.c.event_type, c.c.n_reports, c.c.n_documents, d.c.doc_key, link.c.event_id
            )
            .join(link, link.c.cluster_id == c.c.id)
            .join(d, d.c.id == link.c.document_id)
        ):
            entry = out.setdefault(
                row.id,
                {
                    "type": row.event_type,
                    "n_reports": row.n_reports,
                    "n_documents": row.n_documents,
                    "docs": set(),
                },
            )
            entry["docs"].add(row.doc_key)
    return out


def ruto_visit_clusters(store: Store) -> list[dict[str, Any]]:
    """Clusters of CONSULT events with William Ruto among the actors."""
    c, cp, g = s.event_clusters, s.cluster_participants, s.global_entities
    with store.engine.connect() as conn:
        ids = (
            conn.execute(
                select(cp.c.cluster_id)
                .distinct()
                .join(g, g.c.id == cp.c.global_entity_id)
                .join(c, c.c.id == cp.c.cluster_id)
                .where(
                    g.c.name == "William Ruto", cp.c.side == "actor", c.c.event_type == "CONSULT"
                )
            )
            .scalars()
            .all()
        )
    every = clusters_by_document(store)
    return [every[i] for i in ids]


def test_corpus_kb_clusters_reports_of_one_visit(
    store: Store, records: list[dict[str, Any]]
) -> None:
    assert [r["id"] for r in records] == [f"kb-{i:02d}" for i in range(1, 13)]
    assert all("error" not in r for r in records)
    for record in records:
        assert store.add(record) == "new"
    visits = ruto_visit_clusters(store)
    addis = [v for v in visits if v["docs"] & SAME_VISIT]
    kampala = [v for v in visits if "kb-04" in v["docs"]]
    assert len(addis) == 1, addis
    assert addis[0]["docs"] == SAME_VISIT
    assert (addis[0]["n_reports"], addis[0]["n_documents"]) == (2, 3)
    assert len(kampala) == 1 and kampala[0]["docs"] == {"kb-04"}
    assert kampala[0]["n_reports"] == 1
    for cluster in clusters_by_document(store).values():
        assert len(cluster["docs"]) == 1 or cluster["docs"] <= SAME_VISIT, cluster
        assert cluster["n_reports"] <= cluster["n_documents"]


def test_corpus_kb_reingest_changes_nothing(store: Store, records: list[dict[str, Any]]) -> None:
    for record in records:
        store.add(record)
    before = clusters_by_document(store)
    assert [store.add(r) for r in records] == ["unchanged"] * len(records)
    assert clusters_by_document(store) == before
    with store.engine.connect() as conn:
        f, d = s.document_fingerprints, s.documents
        copies = (
            conn.execute(
                select(d.c.doc_key)
                .join(f, f.c.document_id == d.c.id)
                .where(f.c.copy_of.is_not(None))
            )
            .scalars()
            .all()
        )
    assert copies == ["kb-02"]
