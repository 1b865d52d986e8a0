"""The store's tables (SQLAlchemy Core, one definition for SQLite and PostgreSQL) and migrations.

The schema is versioned: `meta.schema_version` says which migrations have run, and
`migrate(engine)` applies the missing ones in order, each in its own transaction. Tables are plain
(no JSON-only blobs for what analysts query), so the SQLite file opens as it is in the sqlite3
shell or Datasette; the full analysis record is kept too, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    select,
)

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_key", Text, nullable=False, index=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("path", Text),
    Column("url", Text),
    Column("publisher", Text),
    Column("title", Text),
    Column("published", Date, index=True),
    Column("published_source", String(16)),
    Column("ingested_at", Text, nullable=False),
    Column("n_events", Integer, nullable=False, default=0),
    Column("n_quotes", Integer, nullable=False, default=0),
    Column("n_entities", Integer, nullable=False, default=0),
    Column("record", Text, nullable=False),
)

failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_key", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("message", Text, nullable=False),
    Column("at", Text, nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("local_id", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("country", String(3)),
    Column("sector", String(8)),
    Column("code", String(16)),
    Column("aliases", Text, nullable=False, default=""),
    Column("titles", Text, nullable=False, default=""),
    Column("n_mentions", Integer, nullable=False, default=0),
    Column("source_agency", Boolean, nullable=False, default=False),
    Index("ix_entities_document", "document_id"),
    Index("ix_entities_name", "name"),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("local_id", String(16), nullable=False),
    Column("event_type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("modality", String(16), nullable=False),
    Column("historical", Boolean, nullable=False, default=False),
    Column("cameo", String(8)),
    Column("quad_class", Integer),
    Column("score", Float),
    Column("confidence", Float, nullable=False),
    Column("actor", Text),
    Column("actor_code", String(16)),
    Column("actor_country", String(3)),
    Column("recipient", Text),
    Column("recipient_code", String(16)),
    Column("recipient_country", String(3)),
    Column("date_value", String(32)),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("date_precision", String(16)),
    Column("date_source", String(16)),
    Column("location", Text),
    Column("location_country", String(3)),
    Column("lat", Float),
    Column("lon", Float),
    Column("evidence", Text, nullable=False),
    Index("ix_events_document", "document_id"),
    Index("ix_events_type", "event_type"),
    Index("ix_events_dyad", "actor_country", "recipient_country", "date_start"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("local_id", String(16), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("speaker", Text),
    Column("speaker_entity", String(16)),
    Column("cue", Text),
    Column("via", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Index("ix_quotes_document", "document_id"),
)


def _migration_1(conn: Connection) -> None:
    """Initial schema: documents, failures, entities, events, quotes."""
    metadata.create_all(conn, tables=[meta, documents, failures, entities, events, quotes])


MIGRATIONS: list[Callable[[Connection], None]] = [_migration_1]
"""Migration N (1-based) brings the schema from version N-1 to N. Append; never edit."""

SCHEMA_VERSION = len(MIGRATIONS)


def current_version(conn: Connection) -> int:
    if not conn.dialect.has_table(conn, "meta"):
        return 0
    value = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
    return int(value) if value is not None else 0


def migrate(engine: Engine) -> int:
    """Apply the missing migrations, each in one transaction; return the resulting version."""
    with engine.begin() as conn:
        version = current_version(conn)
    if version > SCHEMA_VERSION:
        from newsgraph.errors import ConfigError

        raise ConfigError(
            f"the store has schema version {version}, newer than this newsgraph ({SCHEMA_VERSION}); "
            "upgrade newsgraph or use another --db"
        )
    for number in range(version + 1, SCHEMA_VERSION + 1):
        with engine.begin() as conn:
            MIGRATIONS[number - 1](conn)
            conn.execute(meta.delete().where(meta.c.key == "schema_version"))
            conn.execute(meta.insert().values(key="schema_version", value=str(number)))
    return SCHEMA_VERSION
