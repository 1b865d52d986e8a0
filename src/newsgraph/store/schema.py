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
    false,
    inspect,
    select,
    text,
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
    Column("published_source", Text),
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
    Column("kind", Text, nullable=False),
    Column("message", Text, nullable=False),
    Column("at", Text, nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("local_id", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("country", Text),
    Column("sector", Text),
    Column("code", Text),
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
    Column("local_id", Text, nullable=False),
    Column("event_type", Text, nullable=False),
    Column("mode", Text),
    Column("modality", Text, nullable=False),
    Column("historical", Boolean, nullable=False, default=False),
    Column("cameo", Text),
    Column("quad_class", Integer),
    Column("score", Float),
    Column("confidence", Float, nullable=False),
    Column("actor", Text),
    Column("actor_code", Text),
    Column("actor_country", Text),
    Column("recipient", Text),
    Column("recipient_code", Text),
    Column("recipient_country", Text),
    Column("date_value", Text),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("date_precision", Text),
    Column("date_source", Text),
    Column("location", Text),
    Column("location_country", Text),
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
    Column("local_id", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("speaker", Text),
    Column("speaker_entity", Text),
    Column("cue", Text),
    Column("via", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Index("ix_quotes_document", "document_id"),
)


# --- migration 2: the knowledge base across articles ----------------------------------------

global_entities = Table(
    "global_entities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("norm_key", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("country", Text),
    Column("sector", Text),
    Column("code", Text),
    Column("n_documents", Integer, nullable=False, default=0),
    Column("first_seen", Date),
    Column("last_seen", Date),
    Index("ix_global_entities_code", "code"),
    Index("ix_global_entities_country", "country"),
)

entity_keys = Table(
    "entity_keys",
    metadata,
    Column("key", Text, primary_key=True),
    Column("label", Text, nullable=False),
    Column("global_entity_id", Integer, ForeignKey("global_entities.id"), nullable=False),
    Index("ix_entity_keys_global", "global_entity_id"),
)

entity_links = Table(
    "entity_links",
    metadata,
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("global_entity_id", Integer, ForeignKey("global_entities.id"), nullable=False),
    Index("ix_entity_links_global", "global_entity_id"),
    Index("ix_entity_links_document", "document_id"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Index("ix_mentions_entity", "entity_id"),
    Index("ix_mentions_document", "document_id"),
)

roles = Table(
    "roles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("global_entity_id", Integer, ForeignKey("global_entities.id"), nullable=False),
    Column("title", Text, nullable=False),
    Column("country", Text),
    Column("sector", Text),
    Column("start", Date),
    Column("end", Date),
    Column("source", Text, nullable=False),
    Column("seen", Date),
    Index("ix_roles_global", "global_entity_id"),
    Index("ix_roles_document", "document_id"),
)

event_participants = Table(
    "event_participants",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("side", String(9), nullable=False),
    Column("entity_local_id", Text),
    Column("global_entity_id", Integer, ForeignKey("global_entities.id")),
    Column("text", Text, nullable=False),
    Column("country", Text),
    Column("sector", Text),
    Column("code", Text),
    Index("ix_event_participants_event", "event_id"),
    Index("ix_event_participants_global", "global_entity_id"),
    Index("ix_event_participants_document", "document_id"),
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("section", Text, nullable=False),
    Column("trigger_start", Integer),
    Column("trigger_end", Integer),
    Column("trigger_text", Text),
    Column("quote_local_id", Text),
    Index("ix_evidence_event", "event_id"),
    Index("ix_evidence_document", "document_id"),
)

times = Table(
    "times",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("local_id", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("value", Text),
    Column("mod", Text),
    Index("ix_times_document", "document_id"),
)

places = Table(
    "places",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("local_id", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("geonameid", Integer),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", Text),
    Column("feature", Text),
    Column("adjectival", Boolean, nullable=False, default=False, server_default=false()),
    Index("ix_places_document", "document_id"),
    Index("ix_places_geonameid", "geonameid"),
)

quote_links = Table(
    "quote_links",
    metadata,
    Column("quote_id", Integer, ForeignKey("quotes.id", ondelete="CASCADE"), primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("global_entity_id", Integer, ForeignKey("global_entities.id"), nullable=False),
    Index("ix_quote_links_global", "global_entity_id"),
)

document_fingerprints = Table(
    "document_fingerprints",
    metadata,
    Column(
        "document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("body_hash", String(64), nullable=False),
    Column("minhash", Text, nullable=False),
    Column("copy_of", Integer, ForeignKey("documents.id", ondelete="SET NULL")),
    Column("similarity", Float),
    Index("ix_document_fingerprints_hash", "body_hash"),
    Index("ix_document_fingerprints_copy_of", "copy_of"),
)

document_bands = Table(
    "document_bands",
    metadata,
    Column("band", String(40), primary_key=True),
    Column(
        "document_id",
        Integer,
        ForeignKey("documents.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Index("ix_document_bands_document", "document_id"),
)

event_clusters = Table(
    "event_clusters",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_type", Text, nullable=False),
    Column("modality", Text, nullable=False),
    Column("mode", Text),
    Column("cameo", Text),
    Column("quad_class", Integer),
    Column("score", Float),
    Column("actor", Text),
    Column("actor_code", Text),
    Column("actor_country", Text),
    Column("actor_entity_id", Integer, ForeignKey("global_entities.id")),
    Column("recipient", Text),
    Column("recipient_code", Text),
    Column("recipient_country", Text),
    Column("recipient_entity_id", Integer, ForeignKey("global_entities.id")),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("date_precision", Text),
    Column("period_month", Date),
    Column("period_week", Date),
    Column("location", Text),
    Column("location_country", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("location_precision", String(8)),
    Column("n_reports", Integer, nullable=False, default=0),
    Column("n_documents", Integer, nullable=False, default=0),
    Column("n_events", Integer, nullable=False, default=0),
    Column("first_published", Date),
    Column("last_published", Date),
    Index("ix_event_clusters_type_date", "event_type", "date_start"),
    Index("ix_event_clusters_date", "date_start"),
    Index(
        "ix_event_clusters_dyad_month",
        "actor_country",
        "recipient_country",
        "modality",
        "period_month",
        "quad_class",
        "score",
        "n_reports",
    ),
    Index(
        "ix_event_clusters_dyad_week",
        "actor_country",
        "recipient_country",
        "modality",
        "period_week",
        "quad_class",
        "score",
        "n_reports",
    ),
    Index("ix_event_clusters_actor_code", "actor_code"),
    Index("ix_event_clusters_recipient_code", "recipient_code"),
    Index("ix_event_clusters_recipient_country", "recipient_country"),
)

event_links = Table(
    "event_links",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("cluster_id", Integer, ForeignKey("event_clusters.id"), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Index("ix_event_links_cluster", "cluster_id"),
    Index("ix_event_links_document", "document_id"),
)

cluster_participants = Table(
    "cluster_participants",
    metadata,
    Column(
        "cluster_id",
        Integer,
        ForeignKey("event_clusters.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("global_entity_id", Integer, ForeignKey("global_entities.id"), primary_key=True),
    Column("side", String(9), primary_key=True),
    Column("date_start", Date),
    Index("ix_cluster_participants_entity", "global_entity_id", "date_start"),
)

cluster_keys = Table(
    "cluster_keys",
    metadata,
    Column("token", Text, primary_key=True),
    Column("side", String(9), primary_key=True),
    Column(
        "cluster_id",
        Integer,
        ForeignKey("event_clusters.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Index("ix_cluster_keys_cluster", "cluster_id"),
)

search_texts = Table(
    "search_texts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", Text, nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("ref_id", Integer, nullable=False),
    Column("speaker", Text),
    Column("text", Text, nullable=False),
    Index("ix_search_texts_document", "document_id"),
)

KB_TABLES = [
    global_entities,
    entity_keys,
    entity_links,
    mentions,
    roles,
    event_participants,
    evidence,
    times,
    places,
    quote_links,
    document_fingerprints,
    document_bands,
    event_clusters,
    event_links,
    cluster_participants,
    cluster_keys,
    search_texts,
]
"""Tables added by migration 2 (they only reference migration-1 tables, never change them)."""


def _migration_1(conn: Connection) -> None:
    """Initial schema: documents, failures, entities, events, quotes."""
    metadata.create_all(conn, tables=[meta, documents, failures, entities, events, quotes])


def _migration_2(conn: Connection) -> None:
    """The knowledge base across articles: global entities, event clusters, full-text search,
    views; documents stored by version 1 are indexed from their kept records."""
    from newsgraph.store import ddl, index

    metadata.create_all(conn, tables=KB_TABLES)
    ddl.create_fulltext(conn)
    ddl.create_views(conn)
    index.backfill(conn)


def _migration_3(conn: Connection) -> None:
    """places.adjectival: demonyms ("Russian officials") are place references, not locations.

    Migration 2 creates tables from the current definitions, so a new store already has the
    column; only stores made by an older newsgraph need it added."""
    columns = {c["name"] for c in inspect(conn).get_columns("places")}
    if "adjectival" not in columns:
        conn.execute(
            text("ALTER TABLE places ADD COLUMN adjectival BOOLEAN NOT NULL DEFAULT FALSE")
        )


WIDENED = {
    "documents": ("published_source",),
    "failures": ("kind",),
    "entities": ("local_id", "type", "country", "sector", "code"),
    "events": (
        "local_id",
        "event_type",
        "mode",
        "modality",
        "cameo",
        "actor_code",
        "actor_country",
        "recipient_code",
        "recipient_country",
        "date_value",
        "date_precision",
        "date_source",
        "location_country",
    ),
    "quotes": ("local_id", "kind", "speaker_entity"),
    "global_entities": ("type", "country", "sector", "code"),
    "mentions": ("kind",),
    "roles": ("country", "sector", "source"),
    "event_participants": ("entity_local_id", "country", "sector", "code"),
    "evidence": ("section", "quote_local_id"),
    "times": ("local_id", "type", "value", "mod"),
    "places": ("local_id", "country", "feature"),
    "event_clusters": (
        "event_type",
        "modality",
        "mode",
        "cameo",
        "actor_code",
        "actor_country",
        "recipient_code",
        "recipient_country",
        "date_precision",
        "location_country",
    ),
    "search_texts": ("kind",),
}
"""Columns that migrations 1-3 made VARCHAR(n) and migration 4 makes TEXT."""


def _migration_4(conn: Connection) -> None:
    """Record values as unbounded text: PostgreSQL enforced VARCHAR(n), and three coded parties
    (`FRAGOV; DEUGOV; GBRGOV`) or a user knowledge base's long code overflowed it. SQLite never
    enforced a width, so only PostgreSQL changes; its views are rebuilt around the change."""
    if conn.dialect.name != "postgresql":
        return
    from newsgraph.store import ddl

    for name in ddl.VIEWS:
        conn.execute(text(f"DROP VIEW IF EXISTS {name}"))
    for table, columns in WIDENED.items():
        changes = ", ".join(f'ALTER COLUMN "{c}" TYPE TEXT' for c in columns)
        conn.execute(text(f"ALTER TABLE {table} {changes}"))
    ddl.create_views(conn)


MIGRATIONS: list[Callable[[Connection], None]] = [
    _migration_1,
    _migration_2,
    _migration_3,
    _migration_4,
]
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
