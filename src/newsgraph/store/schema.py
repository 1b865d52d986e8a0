"""The store's tables as they are now (SQLAlchemy Core, one definition for both databases).

Tables are plain (no JSON-only blobs for what analysts query), so the SQLite file opens as it is
in the sqlite3 shell or Datasette; the full analysis record is kept too, so nothing is lost. A new
store is created from these definitions; `migrations` brings older stores to them. Columns a
record fills are unbounded text; only values the store builds itself have a width.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    false,
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
    Column("sha256", String(64), nullable=False, index=True),
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


# --- the knowledge base across articles (migration 2) ---------------------------------------

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
    Index("ix_event_participants_code", "code", "side", "event_id"),
    Index("ix_event_participants_country", "country", "side", "event_id"),
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
    Index("ix_event_clusters_window", "date_end", "date_start"),
    Index("ix_event_clusters_type_end", "event_type", "date_end", "date_start"),
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
    # cluster_id too (migration 8): an actor's newest clusters are read from the index alone.
    Index("ix_cluster_participants_entity", "global_entity_id", "date_start", "cluster_id"),
)

cluster_codes = Table(
    "cluster_codes",
    metadata,
    Column(
        "cluster_id",
        Integer,
        ForeignKey("event_clusters.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("side", String(9), nullable=False),
    Column("code", Text),
    Column("country", Text),
    # text_pattern_ops: PostgreSQL searches the index for `code LIKE 'TUR%'` in any collation.
    Index(
        "ix_cluster_codes_code",
        "code",
        "side",
        "cluster_id",
        postgresql_ops={"code": "text_pattern_ops"},
    ),
    Index("ix_cluster_codes_country", "country", "side", "cluster_id"),
    Index("ix_cluster_codes_cluster", "cluster_id", "side", "code", "country"),
)
"""Each distinct (side, code, country) of the participants of a cluster's member events, so the
actor, recipient and dyad filters read one indexed table instead of events, their links and
participants. Kept exact by `store.cluster_codes.rewrite` whenever a cluster's members change;
participants with neither a code nor a country cannot match a code filter and are left out."""

cluster_dyads = Table(
    "cluster_dyads",
    metadata,
    Column("source", Text, primary_key=True),
    Column("target", Text, primary_key=True),
    Column("joint", Boolean, primary_key=True),
    Column(
        "cluster_id",
        Integer,
        ForeignKey("event_clusters.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Index("ix_cluster_dyads_cluster", "cluster_id"),
    sqlite_with_rowid=False,
)
"""The pairs of three-letter keys each cluster is a dyad event of, derived from `cluster_codes`:
a key is a participant's country or the first three characters of its code, and a cluster has
a row (source, target, false) for each actor-side key and recipient-side key, and (source,
target, true) for each two different actor-side keys (a joint action, both orders). So the dyad
of two countries (or three-letter code prefixes) reads its clusters from the primary key alone,
where joining two parties' `cluster_codes` rows read every row of the rarer party. Kept by
`store.cluster_codes` with `cluster_codes`."""

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

WIDE_CLUSTER_DAYS = 31
"""A cluster dated over more days than this (`date_end - date_start`) is wide and has a
`wide_clusters` row. Day, week and month dates are narrow. Changing it needs a migration that
refills `wide_clusters`."""

wide_clusters = Table(
    "wide_clusters",
    metadata,
    Column(
        "cluster_id",
        Integer,
        ForeignKey("event_clusters.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("event_type", Text, nullable=False),
    Column("date_start", Date, nullable=False),
    Column("date_end", Date, nullable=False),
    Index("ix_wide_clusters_type_end", "event_type", "date_end", "date_start"),
)
"""The clusters dated over more than `WIDE_CLUSTER_DAYS` days (quarters, years, decades), with
their type and dates, kept by `store.clusters` with `event_clusters`. A new event's candidate
query reads the narrow clusters that can overlap its dates from one bounded range of
`ix_event_clusters_type_end` (a narrow cluster that starts by the event's end ends at most
`WIDE_CLUSTER_DAYS` later) and the wide ones from here; without the bound it read every later
cluster of the event's type, and an event dated long before most of the store read nearly all
of them."""

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
