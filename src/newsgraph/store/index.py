"""Write new documents: their own rows, then their place in the knowledge base across articles.

Runs inside the batch's write transaction: inserts the documents' rows (built by `rows`, getting
their ids back in insertion order), links their entities to global entities, writes mentions,
roles, participants, evidence, times, places and search texts, recognises syndicated copies, and
assigns their events to event clusters, with one statement per table for all the new documents of
a batch (`write_new`); what an earlier document of the batch adds is seen by the later ones as if
they were stored one by one. `index_document` indexes one stored document (older stores).
Replacing a document recounts what it was part of.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, Table, delete, select

from newsgraph.store import bulk, clusters, entities, fingerprint, rows
from newsgraph.store import schema as s


def insert_returning(
    conn: Connection, table: Table, values: list[rows.Row], key: str
) -> list[tuple[int, Any]]:
    """Insert rows in one multi-row statement; (new id, `key` column) of each, in any order
    (asking for the given order makes SQLite insert row by row)."""
    if not values:
        return []
    result = conn.execute(table.insert().returning(table.c.id, table.c[key]), values)
    return [(int(r[0]), r[1]) for r in result]


class Deferred:
    """Rows no later write reads (mentions, roles, search texts, quote links, times, places),
    kept until the end of a batch and then inserted with one statement per table. Flush before
    deleting a document, so that a replacement within the batch finds its rows."""

    TABLES = (s.mentions, s.roles, s.search_texts, s.quote_links, s.times, s.places)

    def __init__(self) -> None:
        self.rows: dict[str, list[rows.Row]] = {t.name: [] for t in self.TABLES}

    def add(self, table: Table, values: list[rows.Row]) -> None:
        self.rows[table.name] += values

    def flush(self, conn: Connection) -> None:
        for table in self.TABLES:
            _insert(conn, table, self.rows[table.name])
            self.rows[table.name] = []


class _Now(Deferred):
    """No deferral: every row is inserted when it is added."""

    def __init__(self, conn: Connection) -> None:
        super().__init__()
        self.conn = conn

    def add(self, table: Table, values: list[rows.Row]) -> None:
        _insert(self.conn, table, values)


def _add_unread_rows(
    later: Deferred,
    document_id: int,
    record: dict[str, Any],
    quote_ids: Mapping[str, int],
    linked: Mapping[str, Any],
    evidence: list[tuple[int, str]],
) -> None:
    """A stored document's rows that no later write of the batch reads: mentions, roles, the
    search texts of its evidence (`(row id, text)`) and quotes, quote links, times, places."""
    later.add(s.mentions, rows.mention_rows(document_id, record, linked))
    later.add(s.roles, rows.role_rows(document_id, record, linked))
    quote_texts = [
        (quote_ids[q["id"]], (q.get("speaker") or {}).get("text"), q["text"])
        for q in record["quotes"]
    ]
    later.add(
        s.search_texts,
        rows.search_rows(document_id, "evidence", [(e, None, text) for e, text in evidence])
        + rows.search_rows(document_id, "quote", quote_texts),
    )
    later.add(s.quote_links, rows.quote_link_rows(document_id, record, quote_ids, linked))
    later.add(s.times, rows.time_rows(document_id, record))
    later.add(s.places, rows.place_rows(document_id, record))


def _stored_ids(conn: Connection, document_id: int) -> dict[str, dict[str, int]]:
    """Local id → row id of a document's entities, events and quotes, as stored."""
    out = {}
    for name, table in (("entities", s.entities), ("events", s.events), ("quotes", s.quotes)):
        out[name] = {
            str(r.local_id): int(r.id)
            for r in conn.execute(
                select(table.c.id, table.c.local_id).where(table.c.document_id == document_id)
            )
        }
    return out


def index_document(
    conn: Connection,
    document_id: int,
    record: dict[str, Any],
    ids: Mapping[str, Mapping[str, int]] | None = None,
    deferred: Deferred | None = None,
) -> None:
    """The cross-article index of a stored document (its migration-1 rows are in)."""
    ids = ids if ids is not None else _stored_ids(conn, document_id)
    later = deferred if deferred is not None else _Now(conn)
    fp = fingerprint.fingerprint(fingerprint.body_text(record))
    original = fingerprint.find_original(conn, document_id, fp)
    conn.execute(
        s.document_fingerprints.insert(), [rows.fingerprint_row(document_id, fp, original)]
    )
    if fp.n_words >= fingerprint.MIN_WORDS:
        conn.execute(s.document_bands.insert(), rows.band_rows(document_id, fp))
    linked = entities.link_entities(conn, document_id, record, ids["entities"])
    event_ids, quote_ids = ids["events"], ids["quotes"]
    _insert(
        conn, s.event_participants, rows.participant_rows(document_id, record, event_ids, linked)
    )
    evidence = insert_returning(
        conn, s.evidence, rows.evidence_rows(document_id, record, event_ids), "text"
    )
    _add_unread_rows(later, document_id, record, quote_ids, linked, sorted(evidence))
    copy_of = original[1] if original else None
    clusters.assign(
        conn,
        document_id,
        rows.event_facts(record, event_ids, linked),
        copy_of,
        rows.cluster_members(document_id, record, event_ids, copy_of),
        rows.cluster_participants(record, event_ids, linked),
    )


def _insert(conn: Connection, table: Table, values: list[rows.Row]) -> None:
    bulk.insert(conn, table, values)


# --- replacing a document ------------------------------------------------------------------------


def before_delete(conn: Connection, document_id: int) -> set[int]:
    """Clusters whose counts change when a document goes (its own, and its copies')."""
    link, f = s.event_links, s.document_fingerprints
    copies = select(f.c.document_id).where(f.c.copy_of == document_id)
    touched = {
        int(r[0])
        for r in conn.execute(
            select(link.c.cluster_id).where(
                (link.c.document_id == document_id) | link.c.document_id.in_(copies)
            )
        )
    }
    # Dependent rows go explicitly (not only by ON DELETE CASCADE) so the FTS triggers see them.
    conn.execute(delete(s.search_texts).where(s.search_texts.c.document_id == document_id))
    conn.execute(delete(link).where(link.c.document_id == document_id))
    return touched


def entities_of(conn: Connection, document_id: int) -> set[int]:
    """Global entities a document is linked to (their counts change when it goes)."""
    link = s.entity_links
    return {
        int(r[0])
        for r in conn.execute(
            select(link.c.global_entity_id).where(link.c.document_id == document_id)
        )
    }


def after_delete(conn: Connection, touched: set[int], global_entities: set[int]) -> None:
    """Recount what lost a document: its clusters, then its global entities (an entity no
    document mentions any more is removed, as a fresh store would not have it)."""
    for cluster_id in sorted(touched):
        clusters.refresh(conn, cluster_id)
    entities.recount(conn, global_entities, remove_unused=True)


def unindexed(conn: Connection) -> bool:
    """Whether any stored document lacks its cross-article index."""
    d, f = s.documents, s.document_fingerprints
    query = select(d.c.id).where(d.c.id.not_in(select(f.c.document_id))).limit(1)
    return conn.execute(query).first() is not None


def index_unindexed(conn: Connection) -> None:
    """Index documents stored without the cross-article index (by version 1), oldest first."""
    d, f = s.documents, s.document_fingerprints
    found = conn.execute(
        select(d.c.id, d.c.record).where(d.c.id.not_in(select(f.c.document_id))).order_by(d.c.id)
    ).all()
    for row in found:
        index_document(conn, int(row.id), json.loads(row.record))


# --- writing many new documents at once ----------------------------------------------------------


def insert_ordered(conn: Connection, table: Table, values: list[rows.Row], check: str) -> list[int]:
    """Insert rows in multi-row statements; their new ids, in the order of `values`."""
    return bulk.insert_returning(conn, table, values, check)


def _grouped_ids(
    conn: Connection, table: Table, values: list[list[rows.Row]]
) -> list[dict[str, int]]:
    """Insert the rows of several documents at once; local id → row id per document."""
    flat = [row for doc_rows in values for row in doc_rows]
    ids = iter(insert_ordered(conn, table, flat, "local_id"))
    return [{str(row["local_id"]): next(ids) for row in doc_rows} for doc_rows in values]


def write_new(
    conn: Connection, records: list[dict[str, Any]], now: str, deferred: Deferred
) -> list[int]:
    """Insert new documents (in order, distinct keys) with every row they bring (some into
    `deferred`), one statement per table for all of them; their ids."""
    document_ids = insert_ordered(
        conn, s.documents, [rows.document_row(r, now) for r in records], "doc_key"
    )
    built = {
        name: [build(i, r) for i, r in zip(document_ids, records, strict=True)]
        for name, build in (
            ("entities", rows.entity_rows),
            ("events", rows.event_rows),
            ("quotes", rows.quote_rows),
        )
    }
    own = {
        name: _grouped_ids(conn, table, built[name])
        for name, table in (
            ("entities", s.entities),
            ("events", s.events),
            ("quotes", s.quotes),
        )
    }
    ids = [
        {name: own[name][k] for name in ("entities", "events", "quotes")}
        for k in range(len(records))
    ]
    index_new(conn, document_ids, records, ids, deferred, built["events"])
    return document_ids


def index_new(
    conn: Connection,
    document_ids: list[int],
    records: list[dict[str, Any]],
    ids: list[dict[str, dict[str, int]]],
    deferred: Deferred,
    event_rows: list[list[rows.Row]],
) -> None:
    """`index_document` for several new documents stored together (their own rows are in),
    in order: what an earlier one adds is seen by the later ones, as if stored one by one."""
    fps = [fingerprint.fingerprint(fingerprint.body_text(r)) for r in records]
    originals = fingerprint.find_originals(conn, list(zip(document_ids, fps, strict=True)))
    _insert(
        conn,
        s.document_fingerprints,
        [
            rows.fingerprint_row(i, fp, original)
            for i, fp, original in zip(document_ids, fps, originals, strict=True)
        ],
    )
    _insert(
        conn,
        s.document_bands,
        [
            row
            for i, fp in zip(document_ids, fps, strict=True)
            if fp.n_words >= fingerprint.MIN_WORDS
            for row in rows.band_rows(i, fp)
        ],
    )
    linked_all = entities.link_batch(
        conn,
        [(i, r, own["entities"]) for i, r, own in zip(document_ids, records, ids, strict=True)],
    )
    participants: list[rows.Row] = []
    evidence: list[rows.Row] = []
    for i, record, own, linked in zip(document_ids, records, ids, linked_all, strict=True):
        participants += rows.participant_rows(i, record, own["events"], linked)
        evidence += rows.evidence_rows(i, record, own["events"])
    _insert(conn, s.event_participants, participants)
    evidence_ids = iter(insert_ordered(conn, s.evidence, evidence, "text"))
    new_documents = []
    for i, record, own, linked, original, events in zip(
        document_ids, records, ids, linked_all, originals, event_rows, strict=True
    ):
        event_ids = own["events"]
        mine = [
            (next(evidence_ids), ev.get("text", ""))
            for v in record["events"]
            for ev in v.get("evidence", [])
        ]
        _add_unread_rows(deferred, i, record, own["quotes"], linked, mine)
        copy_of = original[1] if original else None
        new_documents.append(
            clusters.NewDocument(
                i,
                rows.event_facts(record, event_ids, linked),
                copy_of,
                rows.cluster_members(i, record, event_ids, copy_of, events),
                rows.cluster_participants(record, event_ids, linked),
            )
        )
    clusters.assign_batch(conn, new_documents)
