"""Dyad time series: how relations between two actors moved, week by week or month by month."""

from __future__ import annotations

import datetime as dt
from typing import Literal

import pandas as pd
from sqlalchemy import ColumnElement, and_, case, func, or_, select

from newsgraph.errors import ConfigError
from newsgraph.query.resolve import is_code
from newsgraph.store import Store
from newsgraph.store import schema as s

Freq = Literal["week", "month"]
PANDAS_FREQ = {"month": "MS", "week": "W-MON"}
"""Period starts as the store keeps them: the first of the month, the Monday of the ISO week."""

COUNTRY_CODE_LENGTH = 3
SERIES_COLUMNS = ["period", "n_events", "n_reports", "mean_score", "n_cooperation", "n_conflict"]


def _pair(a: str, b: str) -> ColumnElement[bool]:
    c = s.event_clusters
    if not (is_code(a) and is_code(b)):
        raise ConfigError(
            f"dyad_series needs codes (TUR, SYR, TURGOV), got {a!r} and {b!r}; find an actor's "
            "code with `newsgraph profile NAME`"
        )

    def side(value: str, name: str) -> ColumnElement[bool]:
        if len(value) == COUNTRY_CODE_LENGTH:
            return c.c[f"{name}_country"] == value
        return c.c[f"{name}_code"].like(f"{value}%")

    return and_(side(a, "actor"), side(b, "recipient"))


def dyad_series(
    store: Store,
    a: str,
    b: str,
    freq: Freq = "month",
    *,
    directed: bool = False,
    since: dt.date | None = None,
    until: dt.date | None = None,
    fill: bool = True,
) -> pd.DataFrame:
    """Per period: event clusters, reports, mean Goldstein-style score, and cooperation (quad
    classes 1-2) against conflict (3-4), for asserted events between `a` and `b` (both directions
    unless `directed`). Periods with no events are filled with zeros when `fill`."""
    if freq not in PANDAS_FREQ:
        raise ConfigError(f"freq must be 'week' or 'month', not {freq!r}")
    c = s.event_clusters
    period = c.c.period_month if freq == "month" else c.c.period_week
    pair = _pair(a, b) if directed else or_(_pair(a, b), _pair(b, a))
    query = (
        select(
            period.label("period"),
            func.count().label("n_events"),
            func.sum(c.c.n_reports).label("n_reports"),
            func.avg(c.c.score).label("mean_score"),
            func.sum(case((c.c.quad_class.in_([1, 2]), 1), else_=0)).label("n_cooperation"),
            func.sum(case((c.c.quad_class.in_([3, 4]), 1), else_=0)).label("n_conflict"),
        )
        .where(pair, c.c.modality == "asserted", period.is_not(None))
        .group_by(period)
        .order_by(period)
    )
    if since is not None:
        query = query.where(c.c.date_start >= since)
    if until is not None:
        query = query.where(c.c.date_start <= until)
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    result = pd.DataFrame(rows, columns=SERIES_COLUMNS)
    result["period"] = pd.to_datetime(result["period"])
    for column in ("n_events", "n_reports", "n_cooperation", "n_conflict"):
        result[column] = result[column].astype("int64")
    result["mean_score"] = result["mean_score"].astype("float64")
    if fill and len(result):
        full = pd.date_range(result["period"].min(), result["period"].max(), freq=PANDAS_FREQ[freq])
        result = result.set_index("period").reindex(full)
        counts = ["n_events", "n_reports", "n_cooperation", "n_conflict"]
        result[counts] = result[counts].fillna(0).astype("int64")
        result = result.rename_axis("period").reset_index()
    return result


def dyad_events(
    store: Store,
    a: str,
    b: str,
    period: dt.date,
    freq: Freq = "month",
    *,
    directed: bool = False,
    limit: int = 200,
) -> pd.DataFrame:
    """The asserted event clusters counted in one period of `dyad_series` (newest first)."""
    from newsgraph.query.events import EVENT_COLUMNS

    if freq not in PANDAS_FREQ:
        raise ConfigError(f"freq must be 'week' or 'month', not {freq!r}")
    c = s.event_clusters
    column = c.c.period_month if freq == "month" else c.c.period_week
    pair = _pair(a, b) if directed else or_(_pair(a, b), _pair(b, a))
    query = (
        select(*(c.c[name] for name in EVENT_COLUMNS))
        .where(pair, c.c.modality == "asserted", column == period)
        .order_by(c.c.date_start.desc(), c.c.id.desc())
        .limit(limit)
    )
    with store.engine.connect() as conn:
        rows = conn.execute(query)
        result = pd.DataFrame(rows.all(), columns=list(rows.keys()))
    return result.rename(columns={"id": "cluster_id"})
