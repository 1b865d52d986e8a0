"""The store: SQLite by default, PostgreSQL through a database URL."""

from newsgraph.store.db import IngestStatus, Store, StoreSummary
from newsgraph.store.engine import StoreError, create_store_engine

__all__ = ["IngestStatus", "Store", "StoreError", "StoreSummary", "create_store_engine"]
