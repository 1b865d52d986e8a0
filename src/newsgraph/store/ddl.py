"""Database objects SQLAlchemy Core does not model: full-text search and the analyst views.

Full text: SQLite gets an FTS5 table over `search_texts`, kept in sync by triggers; PostgreSQL
gets a GIN index on `to_tsvector('english', ...)` of the same column. Views are plain SQL that
both databases (and the sqlite3 shell, Datasette) read as they are; docs/store.md lists them.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

FTS_TABLE = "search_fts"
TS_CONFIG = "english"
"""PostgreSQL text-search configuration (stemming like FTS5's porter tokenizer)."""

PG_DOCUMENT = "to_tsvector('english', coalesce(speaker, '') || ' ' || text)"
"""The indexed expression; queries must use exactly this text for the index to apply."""

SQLITE_FULLTEXT = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
        text, speaker, content='search_texts', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    f"""CREATE TRIGGER IF NOT EXISTS search_texts_ai AFTER INSERT ON search_texts BEGIN
        INSERT INTO {FTS_TABLE}(rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_texts_ad AFTER DELETE ON search_texts BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text, speaker)
        VALUES ('delete', old.id, old.text, old.speaker);
    END""",
]

POSTGRES_FULLTEXT = [
    f"CREATE INDEX IF NOT EXISTS ix_search_texts_fts ON search_texts USING GIN ({PG_DOCUMENT})",
]

VIEWS = {
    "event_clusters_view": """
        SELECT c.id AS cluster_id, c.event_type, c.mode, c.modality, c.cameo, c.quad_class,
               c.score, c.actor, c.actor_code, c.actor_country, c.recipient, c.recipient_code,
               c.recipient_country, c.date_start, c.date_end, c.date_precision, c.location,
               c.location_country, c.lat, c.lon, c.n_reports, c.n_documents, c.n_events,
               c.first_published, c.last_published
        FROM event_clusters c""",
    "cluster_reports": """
        SELECT l.cluster_id, e.id AS event_id, d.id AS document_id, d.doc_key, d.publisher,
               d.url, d.title, d.published, f.copy_of,
               CASE WHEN f.copy_of IS NULL THEN 0 ELSE 1 END AS is_copy
        FROM event_links l
        JOIN events e ON e.id = l.event_id
        JOIN documents d ON d.id = l.document_id
        LEFT JOIN document_fingerprints f ON f.document_id = d.id""",
    "dyad_monthly": """
        SELECT actor_country, recipient_country, period_month AS month,
               COUNT(*) AS n_events, SUM(n_reports) AS n_reports, AVG(score) AS mean_score,
               SUM(CASE WHEN quad_class IN (1, 2) THEN 1 ELSE 0 END) AS n_cooperation,
               SUM(CASE WHEN quad_class IN (3, 4) THEN 1 ELSE 0 END) AS n_conflict
        FROM event_clusters
        WHERE actor_country IS NOT NULL AND recipient_country IS NOT NULL
          AND modality = 'asserted' AND period_month IS NOT NULL
        GROUP BY actor_country, recipient_country, period_month""",
    "entity_aliases": """
        SELECT g.id AS entity_id, g.name, g.type, g.code, k.label AS alias, k.key
        FROM global_entities g JOIN entity_keys k ON k.global_entity_id = g.id""",
    "quotes_view": """
        SELECT q.id AS quote_id, d.doc_key, d.publisher, d.published, q.kind,
               COALESCE(g.name, q.speaker) AS speaker, ql.global_entity_id AS speaker_id,
               q.cue, q.via, q.text
        FROM quotes q
        JOIN documents d ON d.id = q.document_id
        LEFT JOIN quote_links ql ON ql.quote_id = q.id
        LEFT JOIN global_entities g ON g.id = ql.global_entity_id""",
}


def create_fulltext(conn: Connection) -> None:
    """The full-text table and its triggers (SQLite) or index (PostgreSQL); re-runnable."""
    statements = SQLITE_FULLTEXT if conn.dialect.name == "sqlite" else POSTGRES_FULLTEXT
    for statement in statements:
        conn.execute(text(statement))


def create_views(conn: Connection) -> None:
    """Create the views, or bring them to today's definitions (re-runnable)."""
    for name, body in VIEWS.items():
        if conn.dialect.name == "postgresql":
            conn.execute(text(f"CREATE OR REPLACE VIEW {name} AS {body}"))
        else:
            conn.execute(text(f"DROP VIEW IF EXISTS {name}"))
            conn.execute(text(f"CREATE VIEW {name} AS {body}"))
