"""What the concurrency, crash and integrity tests check about a store."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import func, select

from newsgraph.store import Store
from newsgraph.store import schema as s
from newsgraph.store.entities import group_of


def duplicate_entities(store: Store) -> list[Any]:
    g = s.global_entities
    with store.engine.connect() as conn:
        rows = conn.execute(select(g.c.type, g.c.norm_key)).all()
    seen = Counter((group_of(r.type), r.norm_key) for r in rows)
    return [key for key, n in seen.items() if n > 1]


def per_document_counts(store: Store) -> dict[str, int]:
    tables = [s.documents, s.entities, s.events, s.quotes, s.mentions, s.roles, s.times]
    with store.engine.connect() as conn:
        return {
            t.name: int(conn.execute(select(func.count()).select_from(t)).scalar() or 0)
            for t in tables
        }


def table_counts(store: Store) -> dict[str, int]:
    """Rows in every table."""
    with store.engine.connect() as conn:
        return {
            t.name: int(conn.execute(select(func.count()).select_from(t)).scalar() or 0)
            for t in s.metadata.sorted_tables
            if t.name != "meta"
        }
