"""The store: the one module that reads and writes the database.

SQLite (WAL mode) is the embedded default; a `postgresql://` URL uses PostgreSQL through the same
SQLAlchemy Core code. Documents are keyed by the sha256 of their analysed text, so ingesting the
same article twice changes nothing. Each document is written in one transaction: a crash
mid-ingest leaves the database consistent, and a rerun completes the rest.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Connection, Engine, create_engine, delete, event, func, select
from sqlalchemy.engine import make_url

from newsgraph.errors import ConfigError
from newsgraph.store import index
from newsgraph.store import schema as s

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


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_store_engine(url: str) -> Engine:
    """An engine for a store URL; SQLite files get WAL mode and their folder is created."""
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise ConfigError(
            f"cannot read database URL {url!r}: use sqlite:///path/to/file.sqlite, a file path, "
            "or postgresql://user@host/dbname"
        ) from exc
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        try:
            return create_engine(parsed)
        except ModuleNotFoundError as exc:
            raise ConfigError(
                "PostgreSQL support needs psycopg: pip install 'newsgraph[postgres]'"
            ) from exc
    raise ConfigError(
        f"unsupported database {parsed.get_backend_name()!r}: use sqlite or postgresql"
    )


def _first(participants: list[dict[str, Any]], key: str) -> str | None:
    values = [p.get(key) for p in participants if p.get(key)]
    return "; ".join(dict.fromkeys(str(v) for v in values)) or None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


class Store:
    """Open (and migrate) a store; write analysis records; list what it holds."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_store_engine(url)
        self.schema_version = s.migrate(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ---------------------------------------------------------------------------

    def add(self, record: dict[str, Any]) -> IngestStatus:
        """Store one analysis record (or error record) in one transaction."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        if "error" in record:
            with self.engine.begin() as conn:
                conn.execute(
                    s.failures.insert().values(
                        doc_key=str(record.get("id")),
                        kind=record["error"]["kind"],
                        message=record["error"]["message"],
                        at=now,
                    )
                )
            return "failed"
        sha = record["source"]["sha256"]
        with self.engine.begin() as conn:
            if conn.execute(select(s.documents.c.id).where(s.documents.c.sha256 == sha)).first():
                return "unchanged"
            previous = conn.execute(
                select(s.documents.c.id).where(s.documents.c.doc_key == record["id"])
            ).all()
            touched: set[int] = set()
            for (old_id,) in previous:
                touched |= index.before_delete(conn, old_id)
                self._delete_document(conn, old_id)
            document_id = self._insert_document(conn, record, now)
            self._insert_children(conn, document_id, record)
            index.index_document(conn, document_id, record)
            index.after_delete(conn, touched)
        return "updated" if previous else "new"

    def delete(self, doc_key: str) -> int:
        """Remove what is stored under `doc_key` (its analysis, clusters' links and failure
        rows) in one transaction; return how many documents were removed."""
        with self.engine.begin() as conn:
            ids = conn.execute(
                select(s.documents.c.id).where(s.documents.c.doc_key == doc_key)
            ).all()
            touched: set[int] = set()
            for (document_id,) in ids:
                touched |= index.before_delete(conn, document_id)
                self._delete_document(conn, document_id)
            index.after_delete(conn, touched)
            conn.execute(delete(s.failures).where(s.failures.c.doc_key == doc_key))
        return len(ids)

    @staticmethod
    def _delete_document(conn: Connection, document_id: int) -> None:
        for table in (s.entities, s.events, s.quotes):
            conn.execute(delete(table).where(table.c.document_id == document_id))
        conn.execute(delete(s.documents).where(s.documents.c.id == document_id))

    @staticmethod
    def _insert_document(conn: Connection, record: dict[str, Any], now: str) -> int:
        doc = record["document"]
        source = record["source"]
        result = conn.execute(
            s.documents.insert().values(
                doc_key=record["id"],
                sha256=source["sha256"],
                path=source.get("path"),
                url=source.get("url"),
                publisher=source.get("publisher"),
                title=doc.get("title"),
                published=_date(doc.get("published")),
                published_source=doc.get("published_source"),
                ingested_at=now,
                n_events=len(record["events"]),
                n_quotes=len(record["quotes"]),
                n_entities=len(record["entities"]),
                record=json.dumps(record, ensure_ascii=False),
            )
        )
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])

    @staticmethod
    def _insert_children(conn: Connection, document_id: int, record: dict[str, Any]) -> None:
        entity_rows = [
            {
                "document_id": document_id,
                "local_id": e["id"],
                "name": e["name"],
                "type": e["type"],
                "country": e.get("country"),
                "sector": e.get("sector"),
                "code": e.get("code"),
                "aliases": "; ".join(e.get("aliases", [])),
                "titles": "; ".join(e.get("titles", [])),
                "n_mentions": len(e.get("mentions", [])),
                "source_agency": bool(e.get("source_agency", False)),
            }
            for e in record["entities"]
        ]
        if entity_rows:
            conn.execute(s.entities.insert(), entity_rows)
        event_rows = []
        for v in record["events"]:
            date = v.get("date") or {}
            location = v.get("location") or {}
            event_rows.append(
                {
                    "document_id": document_id,
                    "local_id": v["id"],
                    "event_type": v["event_type"],
                    "mode": v.get("mode"),
                    "modality": v["modality"],
                    "historical": bool(v.get("historical")),
                    "cameo": v.get("cameo"),
                    "quad_class": v.get("quad_class"),
                    "score": v.get("score"),
                    "confidence": float(v.get("confidence", 0.0)),
                    "actor": _first(v["actors"], "text"),
                    "actor_code": _first(v["actors"], "code"),
                    "actor_country": (v["actors"][0].get("country") if v["actors"] else None),
                    "recipient": _first(v["recipients"], "text"),
                    "recipient_code": _first(v["recipients"], "code"),
                    "recipient_country": (
                        v["recipients"][0].get("country") if v["recipients"] else None
                    ),
                    "date_value": date.get("value"),
                    "date_start": _date(date.get("start")),
                    "date_end": _date(date.get("end")),
                    "date_precision": date.get("precision"),
                    "date_source": date.get("source"),
                    "location": location.get("name"),
                    "location_country": location.get("country"),
                    "lat": location.get("lat"),
                    "lon": location.get("lon"),
                    "evidence": json.dumps(v["evidence"], ensure_ascii=False),
                }
            )
        if event_rows:
            conn.execute(s.events.insert(), event_rows)
        quote_rows = [
            {
                "document_id": document_id,
                "local_id": q["id"],
                "kind": q["kind"],
                "text": q["text"],
                "speaker": (q.get("speaker") or {}).get("text"),
                "speaker_entity": (q.get("speaker") or {}).get("entity"),
                "cue": q.get("cue"),
                "via": q.get("via"),
                "start": q["start"],
                "end": q["end"],
            }
            for q in record["quotes"]
        ]
        if quote_rows:
            conn.execute(s.quotes.insert(), quote_rows)

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
