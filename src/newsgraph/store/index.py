"""Write one document: its own rows, then its place in the knowledge base across articles.

Runs inside the document's write transaction: inserts the document's rows (built by `rows`,
getting their ids back with RETURNING), links its entities to global entities, writes mentions,
roles, participants, evidence, times, places and search texts, recognises a syndicated copy, and
assigns its events to event clusters. Replacing a document recounts what it was part of.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, Table, delete, select

from newsgraph.store import clusters, entities, fingerprint, rows
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


def _ids(conn: Connection, table: Table, values: list[rows.Row]) -> dict[str, int]:
    """Insert a document's rows; local id → new row id."""
    return {
        str(local): row_id for row_id, local in insert_returning(conn, table, values, "local_id")
    }


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


def write_document(
    conn: Connection, record: dict[str, Any], now: str, deferred: Deferred | None = None
) -> int:
    """Insert a new document with every row it brings (some into `deferred`); its id."""
    result = conn.execute(s.documents.insert(), rows.document_row(record, now))
    assert result.inserted_primary_key is not None
    document_id = int(result.inserted_primary_key[0])
    ids = {
        "entities": _ids(conn, s.entities, rows.entity_rows(document_id, record)),
        "events": _ids(conn, s.events, rows.event_rows(document_id, record)),
        "quotes": _ids(conn, s.quotes, rows.quote_rows(document_id, record)),
    }
    index_document(conn, document_id, record, ids, deferred)
    return document_id


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
    later.add(s.mentions, rows.mention_rows(document_id, record, linked))
    later.add(s.roles, rows.role_rows(document_id, record, linked))
    _insert(
        conn, s.event_participants, rows.participant_rows(document_id, record, event_ids, linked)
    )
    evidence = insert_returning(
        conn, s.evidence, rows.evidence_rows(document_id, record, event_ids), "text"
    )
    quote_texts = [
        (quote_ids[q["id"]], (q.get("speaker") or {}).get("text"), q["text"])
        for q in record["quotes"]
    ]
    later.add(
        s.search_texts,
        rows.search_rows(
            document_id,
            "evidence",
            [(i, None, text) for i, text in sorted(evidence)],
        )
        + rows.search_rows(document_id, "quote", quote_texts),
    )
    later.add(s.quote_links, rows.quote_link_rows(document_id, record, quote_ids, linked))
    later.add(s.times, rows.time_rows(document_id, record))
    later.add(s.places, rows.place_rows(document_id, record))
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
    if values:
        conn.execute(table.insert(), values)


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
