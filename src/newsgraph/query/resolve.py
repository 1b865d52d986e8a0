"""Small helpers of the query modules: run a query into a DataFrame, count its rows.

The filter language itself lives in `newsgraph.query.filters`; its names are re-exported here
for code written against the earlier module.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from sqlalchemy import Connection, Select, func, select

from newsgraph.query.filters import EventFilter, apply_filter, entity_ids, is_code
from newsgraph.store import Store

__all__ = ["EventFilter", "apply_filter", "connect", "count", "entity_ids", "frame", "is_code"]


def frame(conn: Connection, query: Select[Any]) -> pd.DataFrame:
    result = conn.execute(query)
    return pd.DataFrame(result.all(), columns=list(result.keys()))


def count(conn: Connection, query: Select[Any]) -> int:
    return int(conn.execute(select(func.count()).select_from(query.subquery())).scalar() or 0)


def connect(store: Store) -> Connection:
    return store.engine.connect()
