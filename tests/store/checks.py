"""What the concurrency, crash and integrity tests check about a store."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
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


UNSTABLE_COLUMNS = frozenset({"ingested_at", "at"})
"""Columns that hold the time of the write, left out of `table_digests`."""


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(round(value, 9))
    return value


def table_digests(
    store: Store, columns: dict[str, list[str]] | None = None
) -> dict[str, dict[str, Any]]:
    """Per table: its columns, how many rows it has and a hash of all of them (ids included,
    the time of the write left out), to show that two stores hold the same rows. `columns`
    limits the comparison to the given tables and columns."""
    out: dict[str, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for table in s.metadata.sorted_tables:
            if table.name == "meta" or (columns is not None and table.name not in columns):
                continue
            names = (
                columns[table.name]
                if columns is not None
                else [c.name for c in table.c if c.name not in UNSTABLE_COLUMNS]
            )
            lines = sorted(
                json.dumps([_plain(v) for v in row], ensure_ascii=False, default=str)
                for row in conn.execute(select(*(table.c[n] for n in names)))
            )
            digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
            out[table.name] = {"columns": names, "rows": len(lines), "sha256": digest}
    return out
