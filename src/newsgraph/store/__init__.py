"""The store: SQLite by default, PostgreSQL through a database URL."""

from newsgraph.store.db import IngestStatus, Store, StoreSummary, create_store_engine

__all__ = ["IngestStatus", "Store", "StoreSummary", "create_store_engine"]
