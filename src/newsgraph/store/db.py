"""The store: the one module that reads and writes the database.

SQLite (WAL mode) is the embedded default; a `postgresql://` URL uses PostgreSQL through the same
SQLAlchemy Core code. Documents are keyed by the sha256 of their analysed text, so ingesting the
same article twice changes nothing. Each document is written in one transaction: a crash
mid-ingest leaves the database consistent, and a rerun completes the rest.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Any, Literal

from sqlalchemy import Connection, delete, func, select
from sqlalchemy.exc import DBAPIError

from newsgraph.errors import ConfigError
from newsgraph.store import fingerprint, index, migrations, rows
from newsgraph.store import schema as s
from newsgraph.store.engine import StoreError, create_store_engine, retrying, write_transaction

IngestStatus = Literal["new", "unchanged", "updated", "failed"]


@dataclass(frozen=True, slots=True)
class StoreSummary:
    url: str
    schema_version: int
    documents: int
    events: int
    quotes: int
    entities: int
    failures: int


def _open_error(url: str, exc: DBAPIError) -> str:
    """One line that says why a store cannot be opened, and what to do."""
    reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
    shown = url.split("@")[-1] if "://" in url else url
    if "not a database" in reason or "malformed" in reason:
        return f"{shown} is not a newsgraph store (SQLite says: {reason}); use another --db"
    if "unable to open" in reason or "readonly" in reason or "read-only" in reason:
        return f"cannot write the store {shown} ({reason}); check the path and its permissions"
    return f"cannot open the store {shown}: {reason}"


class Store:
    """Open (and migrate) a store; write analysis records; list what it holds."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_store_engine(url)
        try:
            self.schema_version = retrying(lambda: migrations.migrate(self.engine))
            retrying(self._index_unindexed)
        except DBAPIError as exc:
            self.engine.dispose()
            raise StoreError(_open_error(url, exc)) from exc

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ---------------------------------------------------------------------------

    def _index_unindexed(self) -> None:
        """Index documents an older store kept without the cross-article index (version 1).
        Checked without the write lock, so opening a store never waits for writers."""
        with self.engine.connect() as conn:
            if not index.unindexed(conn):
                return
        with write_transaction(self.engine) as conn:
            index.index_unindexed(conn)

    def add(self, record: dict[str, Any]) -> IngestStatus:
        """Store one analysis record (or error record) in one transaction, retried as a whole
        when a concurrent writer holds the lock."""
        return self.add_many([record])[0]

    def add_many(self, records: list[dict[str, Any]]) -> list[IngestStatus]:
        """Store several records in one transaction (one commit, one lock for all: the fast
        path for ingest). Each document is still all-or-nothing: if one fails, the batch is
        rolled back and its records are stored one transaction each, so those before the
        failing one are kept and it raises as `add` would."""
        try:
            return retrying(lambda: self._write(records))
        except Exception:
            if len(records) == 1:
                raise
        return [retrying(partial(self._write, [record]))[0] for record in records]

    def _write(self, records: list[dict[str, Any]]) -> list[IngestStatus]:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with _collector_paused(), write_transaction(self.engine) as conn:
            deferred = index.Deferred()
            statuses: list[IngestStatus] = []
            for segment in _segments(records):
                statuses += self._write_segment(conn, segment, now, deferred)
            deferred.flush(conn)
        return statuses

    def _write_segment(
        self, conn: Connection, records: list[dict[str, Any]], now: str, deferred: index.Deferred
    ) -> list[IngestStatus]:
        """Records with distinct ids, in order: the new documents among them are written
        together (`index.write_new`), a replaced one on its own."""
        keys = [str(record.get("id")) for record in records]
        # The failures table says what failed in the last run, once per document.
        f, d = s.failures, s.documents
        conn.execute(delete(f).where(f.c.doc_key.in_(keys)))
        previous: dict[str, list[Any]] = {}
        for row in conn.execute(
            select(d.c.id, d.c.sha256, d.c.doc_key).where(d.c.doc_key.in_(keys)).order_by(d.c.id)
        ):
            previous.setdefault(str(row.doc_key), []).append(row)
        statuses: list[IngestStatus] = []
        new: list[dict[str, Any]] = []
        failed: list[rows.Row] = []
        for key, record in zip(keys, records, strict=True):
            if "error" in record:
                failed.append(rows.failure_row(record, now))
                statuses.append("failed")
            elif any(row.sha256 == record["source"]["sha256"] for row in previous.get(key, [])):
                statuses.append("unchanged")
            elif key in previous:
                if new:
                    index.write_new(conn, new, now, deferred)
                    new = []
                self._replace(conn, record, previous[key], now, deferred)
                statuses.append("updated")
            else:
                new.append(record)
                statuses.append("new")
        if new:
            index.write_new(conn, new, now, deferred)
        if failed:
            conn.execute(f.insert(), failed)
        return statuses

    def _replace(
        self,
        conn: Connection,
        record: dict[str, Any],
        previous: list[Any],
        now: str,
        deferred: index.Deferred,
    ) -> None:
        """Replace the stored versions of a document with a new one; recount what they were
        part of."""
        clusters: set[int] = set()
        entities: set[int] = set()
        orphans: set[int] = set()
        deferred.flush(conn)
        for row in previous:
            clusters |= index.before_delete(conn, row.id)
            entities |= index.entities_of(conn, row.id)
            orphans |= set(fingerprint.copies_of(conn, row.id))
            self._delete_document(conn, row.id)
        fingerprint.relink(conn, sorted(orphans))
        index.write_new(conn, [record], now, deferred)
        index.after_delete(conn, clusters, entities)

    def delete(self, doc_key: str) -> int:
        """Remove what is stored under `doc_key` (its analysis, clusters' links and failure
        rows) in one transaction; return how many documents were removed."""
        with write_transaction(self.engine) as conn:
            ids = conn.execute(
                select(s.documents.c.id).where(s.documents.c.doc_key == doc_key)
            ).all()
            touched: set[int] = set()
            entities: set[int] = set()
            orphans: set[int] = set()
            for (document_id,) in ids:
                touched |= index.before_delete(conn, document_id)
                entities |= index.entities_of(conn, document_id)
                orphans |= set(fingerprint.copies_of(conn, document_id))
                self._delete_document(conn, document_id)
            fingerprint.relink(conn, sorted(orphans))
            index.after_delete(conn, touched, entities)
            conn.execute(delete(s.failures).where(s.failures.c.doc_key == doc_key))
        return len(ids)

    @staticmethod
    def _delete_document(conn: Connection, document_id: int) -> None:
        for table in (s.entities, s.events, s.quotes):
            conn.execute(delete(table).where(table.c.document_id == document_id))
        conn.execute(delete(s.documents).where(s.documents.c.id == document_id))

    # --- reading ---------------------------------------------------------------------------

    def summary(self) -> StoreSummary:
        with self.engine.connect() as conn:

            def count(table: Any) -> int:
                return int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)

            return StoreSummary(
                url=self.url,
                schema_version=self.schema_version,
                documents=count(s.documents),
                events=count(s.events),
                quotes=count(s.quotes),
                entities=count(s.entities),
                failures=count(s.failures),
            )

    def rows(
        self,
        table_name: Literal["documents", "events", "quotes", "entities"],
        *,
        filters: dict[str, Any] | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Rows of one listing (without the stored record blob), filtered by equal columns."""
        table = {
            "documents": s.documents,
            "events": s.events,
            "quotes": s.quotes,
            "entities": s.entities,
        }[table_name]
        columns = [c for c in table.c if c.name != "record"]
        query = select(*columns)
        for name, value in (filters or {}).items():
            if value is None:
                continue
            if name not in table.c:
                raise ConfigError(f"{table_name} cannot be filtered by {name!r}")
            column = table.c[name]
            if isinstance(value, str) and "*" in value:
                query = query.where(func.lower(column).like(value.lower().replace("*", "%")))
            else:
                query = query.where(column == value)
        date_column = {"documents": "published", "events": "date_start"}.get(table_name)
        if date_column is not None:
            if since is not None:
                query = query.where(table.c[date_column] >= since)
            if until is not None:
                query = query.where(table.c[date_column] <= until)
        query = query.order_by(table.c.id)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                yield dict(row._mapping)

    def record(self, doc_key: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            value = conn.execute(
                select(s.documents.c.record).where(s.documents.c.doc_key == doc_key)
            ).scalar()
        return json.loads(value) if value else None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a batch is written. A batch builds ~140 row
    dicts and tuples per record, nearly all freed by reference counting when it ends, yet their
    allocation triggers a young-generation collection every 700 objects and now and then a full
    one over every long-lived object of the process (the knowledge base, the models): about 6%
    of a batch's CPU time in bench_store_writes. Turned on again only if it was on, so a write
    inside another leaves it as it found it."""
    enabled = gc.isenabled()
    if enabled:
        gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _segments(records: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Consecutive runs of records with distinct ids (a later record with the same id sees
    the earlier one as stored)."""
    out: list[list[dict[str, Any]]] = [[]]
    seen: set[str] = set()
    for record in records:
        key = str(record.get("id"))
        if key in seen:
            out.append([])
            seen = set()
        out[-1].append(record)
        seen.add(key)
    return [segment for segment in out if segment]
