"""Creating a store and bringing an older one up to date.

`meta.schema_version` says which migrations a store has had. `migrate(engine)` does all its work in
one write transaction (which holds the store's write lock, see `engine`): a new store is created
from today's table definitions and stamped with the current version; an older one gets the missing
migrations in order. A kill leaves either no schema or a complete one, and two processes opening a
new store at once both succeed (the second finds it made). Every statement is also re-runnable
(`IF NOT EXISTS`, checks before `ALTER`).

Migrations are self-contained: they create tables and change columns, and never call the code
that indexes documents (that would tie an old migration to today's behaviour and make an import
cycle). Documents an older store kept without the cross-article index are indexed when the store
is opened (`Store`), by today's code. Append a migration; never edit one.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Engine, inspect, select, text
from sqlalchemy.schema import CreateTable

from newsgraph.errors import ConfigError
from newsgraph.store import ddl
from newsgraph.store import schema as s
from newsgraph.store.engine import write_transaction

MIGRATION_1_TABLES = [s.meta, s.documents, s.failures, s.entities, s.events, s.quotes]
"""Version 1: one row per document and per thing found in it."""

KB_TABLES = [
    s.global_entities,
    s.entity_keys,
    s.entity_links,
    s.mentions,
    s.roles,
    s.event_participants,
    s.evidence,
    s.times,
    s.places,
    s.quote_links,
    s.document_fingerprints,
    s.document_bands,
    s.event_clusters,
    s.event_links,
    s.cluster_participants,
    s.cluster_keys,
    s.search_texts,
]
"""Tables added by migration 2 (they only reference migration-1 tables, never change them)."""


def _migration_1(conn: Connection) -> None:
    """Initial schema: documents, failures, entities, events, quotes."""
    s.metadata.create_all(conn, tables=MIGRATION_1_TABLES)


def _migration_2(conn: Connection) -> None:
    """The knowledge base across articles: global entities, event clusters, full-text search,
    views. Documents stored by version 1 are indexed when the store is next opened."""
    s.metadata.create_all(conn, tables=KB_TABLES)
    ddl.create_fulltext(conn)
    ddl.create_views(conn)


def _migration_3(conn: Connection) -> None:
    """places.adjectival: demonyms ("Russian officials") are place references, not locations."""
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
    for name in ddl.VIEWS:
        conn.execute(text(f"DROP VIEW IF EXISTS {name}"))
    for table, columns in WIDENED.items():
        changes = ", ".join(f'ALTER COLUMN "{c}" TYPE TEXT' for c in columns)
        conn.execute(text(f"ALTER TABLE {table} {changes}"))
    ddl.create_views(conn)


def _migration_5(conn: Connection) -> None:
    """Documents are one per id, not one per text: `sha256` is no longer unique, so an update
    whose text equals another stored document's is stored under its own id. SQLite cannot drop a
    UNIQUE constraint, so its `documents` table is rebuilt (`migrate` turns foreign keys off for
    that, as SQLite's ALTER TABLE instructions say, and checks them before committing)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("ALTER TABLE documents DROP CONSTRAINT IF EXISTS documents_sha256_key"))
        conn.execute(text("CREATE INDEX IF NOT EXISTS ix_documents_sha256 ON documents (sha256)"))
        return
    columns = [c["name"] for c in inspect(conn).get_columns("documents")]
    listed = ", ".join(f'"{c}"' for c in columns)
    for name in ddl.VIEWS:
        conn.execute(text(f"DROP VIEW IF EXISTS {name}"))
    conn.execute(text("DROP TABLE IF EXISTS documents_new"))
    create = str(CreateTable(s.documents).compile(dialect=conn.dialect)).strip()
    conn.execute(text(create.replace("CREATE TABLE documents", "CREATE TABLE documents_new", 1)))
    conn.execute(text(f"INSERT INTO documents_new ({listed}) SELECT {listed} FROM documents"))
    conn.execute(text("DROP TABLE documents"))
    conn.execute(text("ALTER TABLE documents_new RENAME TO documents"))
    for index in s.documents.indexes:
        index.create(conn, checkfirst=True)
    ddl.create_views(conn)


def _migration_6(conn: Connection) -> None:
    """Index event participants by code and by country (with side and event id, so the actor
    and dyad filters read only the index): they were scanned whole for every code filter."""
    for index in s.event_participants.indexes:
        if index.name in ("ix_event_participants_code", "ix_event_participants_country"):
            index.create(conn, checkfirst=True)


def _migration_7(conn: Connection) -> None:
    """`cluster_codes`: each cluster's distinct participant (side, code, country), filled from
    its member events' participants, so the actor and dyad filters stop joining events, links
    and participants for every cluster (the table is kept by `store.cluster_codes`). And an
    index on clusters by end date: a recent window (`date_end >= since AND date_start <=
    until`) was counted through the start-date index from the oldest cluster on. (With
    `modality` in it too, SQLite chose it to scan every cluster for a listing sorted by
    reports, a slower plan than the table scan.)"""
    for index in s.event_clusters.indexes:
        if index.name == "ix_event_clusters_window":
            index.create(conn, checkfirst=True)
    s.cluster_codes.create(conn, checkfirst=True)
    conn.execute(text("DELETE FROM cluster_codes"))
    conn.execute(
        text(
            "INSERT INTO cluster_codes (cluster_id, side, code, country)"
            " SELECT DISTINCT l.cluster_id, p.side, p.code, p.country"
            " FROM event_links l JOIN event_participants p ON p.event_id = l.event_id"
            " WHERE p.code IS NOT NULL OR p.country IS NOT NULL"
        )
    )


def _migration_8(conn: Connection) -> None:
    """`cluster_dyads`: the pairs of three-letter keys (countries, code prefixes) each cluster
    is a dyad event of, derived from `cluster_codes`, so a dyad series of two countries reads
    its clusters from one index range instead of joining both parties' rows (the table is kept
    by `store.cluster_codes`). And `cluster_id` in the index of `cluster_participants` by entity
    and date, so an actor's newest clusters (its page, its partners) are read from the index
    alone instead of one table row each."""
    conn.execute(text("DROP INDEX IF EXISTS ix_cluster_participants_entity"))
    for index in s.cluster_participants.indexes:
        if index.name == "ix_cluster_participants_entity":
            index.create(conn)
    s.cluster_dyads.create(conn, checkfirst=True)
    conn.execute(text("DELETE FROM cluster_dyads"))
    keys = (
        "SELECT cluster_id, side, substr(code, 1, 3) AS key FROM cluster_codes"
        " WHERE code IS NOT NULL"
        " UNION SELECT cluster_id, side, country AS key FROM cluster_codes"
        " WHERE country IS NOT NULL"
    )
    conn.execute(
        text(
            f"INSERT INTO cluster_dyads (source, target, joint, cluster_id)"
            f" WITH k AS ({keys})"
            " SELECT x.key, y.key, :no, x.cluster_id FROM k x JOIN k y"
            " ON y.cluster_id = x.cluster_id WHERE x.side = 'actor' AND y.side = 'recipient'"
            " UNION SELECT x.key, y.key, :yes, x.cluster_id FROM k x JOIN k y"
            " ON y.cluster_id = x.cluster_id WHERE x.side = 'actor' AND y.side = 'actor'"
            " AND x.key <> y.key"
        ).bindparams(no=False, yes=True)
    )


def _migration_9(conn: Connection) -> None:
    """An index on clusters by type and end date, so the candidate query of a new event reads
    the clusters of its type around its dates and checks their identity keys, instead of
    collecting every cluster that shares one of its keys: a country or a code of a populous
    country is a key of thousands of clusters in a store in use. (Not modality: with it SQLite
    skip-scanned this index for listings filtered by modality, slower than the table.)"""
    conn.execute(text("DROP INDEX IF EXISTS ix_event_clusters_kind_end"))  # a development form
    for index in s.event_clusters.indexes:
        if index.name == "ix_event_clusters_type_end":
            index.create(conn, checkfirst=True)


def _migration_10(conn: Connection) -> None:
    """`wide_clusters`: the clusters dated over more than `WIDE_CLUSTER_DAYS` days, so a new
    event's candidate query reads the narrow clusters around its dates from one bounded index
    range (it read every later cluster of its type) and the wide ones from this table (kept by
    `store.clusters`)."""
    s.wide_clusters.create(conn, checkfirst=True)
    conn.execute(text("DELETE FROM wide_clusters"))
    days = (
        "julianday(date_end) - julianday(date_start)"
        if conn.dialect.name == "sqlite"
        else "date_end - date_start"
    )
    conn.execute(
        text(
            "INSERT INTO wide_clusters (cluster_id, event_type, date_start, date_end)"
            " SELECT id, event_type, date_start, date_end FROM event_clusters"
            f" WHERE date_start IS NOT NULL AND date_end IS NOT NULL AND {days} > :days"
        ).bindparams(days=s.WIDE_CLUSTER_DAYS)
    )


MIGRATIONS: list[Callable[[Connection], None]] = [
    _migration_1,
    _migration_2,
    _migration_3,
    _migration_4,
    _migration_5,
    _migration_6,
    _migration_7,
    _migration_8,
    _migration_9,
    _migration_10,
]
"""Migration N (1-based) brings the schema from version N-1 to N. Append; never edit."""

SCHEMA_VERSION = len(MIGRATIONS)


def current_version(conn: Connection) -> int:
    if not conn.dialect.has_table(conn, "meta"):
        return 0
    value = conn.execute(select(s.meta.c.value).where(s.meta.c.key == "schema_version")).scalar()
    return int(value) if value is not None else 0


def create(conn: Connection) -> None:
    """A new store: every table as defined today, full-text search and views."""
    s.metadata.create_all(conn)
    ddl.create_fulltext(conn)
    ddl.create_views(conn)


def _stamp(conn: Connection, version: int) -> None:
    conn.execute(s.meta.delete().where(s.meta.c.key == "schema_version"))
    conn.execute(s.meta.insert().values(key="schema_version", value=str(version)))


def migrate(engine: Engine) -> int:
    """Create or update the store in one transaction; return the resulting version."""
    with engine.connect() as conn:  # a reader does not wait for writers' lock
        version = current_version(conn)
    if version == SCHEMA_VERSION:
        return version
    if 0 < version < SCHEMA_VERSION and engine.dialect.name == "sqlite":
        # Table rebuilds need foreign keys off (else dropping the old table cascades).
        with write_transaction(engine, foreign_keys=False) as conn:
            return _migrate(conn)
    with write_transaction(engine) as conn:
        return _migrate(conn)


def _migrate(conn: Connection) -> int:
    version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise ConfigError(
            f"the store has schema version {version}, newer than this newsgraph "
            f"({SCHEMA_VERSION}); upgrade newsgraph or use another --db"
        )
    if version == SCHEMA_VERSION:
        return version
    if version == 0 and not conn.dialect.has_table(conn, "documents"):
        create(conn)
    else:
        for number in range(version + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[number - 1](conn)
    if conn.dialect.name == "sqlite" and conn.execute(text("PRAGMA foreign_key_check")).first():
        raise ConfigError("migrating the store broke a foreign key; it was left unchanged")
    _stamp(conn, SCHEMA_VERSION)
    return SCHEMA_VERSION
