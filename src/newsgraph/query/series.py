"""Dyad time series: how relations between two actors moved, week by week or month by month.

An event counts for the dyad A–B when one is on the actor side and the other on the recipient
side (either way round unless `directed`), and also when both are on the actor side ("Kenya
and Ethiopia agreed ..."): a joint action is an interaction between them. A and B are codes or
names, matched like every other actor filter (`newsgraph.query.filters`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

import pandas as pd
from sqlalchemy import ColumnElement, Connection, Select, and_, case, false, func, or_, select

from newsgraph.errors import ConfigError
from newsgraph.query.columns import SERIES_SCHEMA, typed
from newsgraph.query.events import UNDATED as UNDATED_KEY
from newsgraph.query.filters import clean, cluster_match
from newsgraph.store import Store
from newsgraph.store import schema as s

Freq = Literal["week", "month"]
PANDAS_FREQ = {"month": "MS", "week": "W-MON"}
"""Period starts as the store keeps them: the first of the month, the Monday of the ISO week."""

SERIES_COLUMNS = list(SERIES_SCHEMA)
COUNTS = ("n_events", "n_reports", "n_cooperation", "n_conflict")


PAIRS = (("actor", "recipient"), ("recipient", "actor"), ("actor", "actor"))
"""The sides (of A, of B) that make a dyad event: A to B, B to A, and a joint action."""


KEY = re.compile(r"^[A-Z]{3}$")
"""A value the dyad reads from `cluster_dyads`: a country, or a code prefix as long as the
table's keys (a participant matches `KEN` when its country is KEN or its code starts with KEN,
which is its key being KEN)."""

ENOUGH_ROWS = 2_000
"""How far `dyad` counts each party's rows to find the rarer one (under a millisecond each on
the bench store; a party with more rows is taken as busy)."""


def dyad(conn: Connection, a: str, b: str, *, directed: bool = False) -> ColumnElement[bool]:
    """Clusters between `a` and `b` (see the module docstring).

    Two different three-letter values (countries, or code prefixes like KEN) are read from
    `cluster_dyads`, which holds each cluster's pairs of such keys: one index range per
    direction. Other values (longer codes, wildcards, names, A = B) take the general way: one join of the per-cluster participant tables (`filters.cluster_match`): a row for one
    party, and in the same cluster a row for the other on a side that pairs with it. The same
    clusters as asking per side whether any member event has a participant matching A (or B),
    as sides are read independently there too, without reading events. The join reads every row
    of the party it starts from and looks the other up per cluster, so it starts from the rarer
    one: PostgreSQL's planner knows which from its statistics, SQLite's does not, so there the
    rows of each are counted up to ENOUGH_ROWS and the rarer is put first."""
    if a != b and KEY.match(a) and KEY.match(b):
        return s.event_clusters.c.id.in_(_keyed(a, b, directed=directed))
    x, a_match = cluster_match(conn, a, "a")
    y, b_match = cluster_match(conn, b, "b")
    pairs = PAIRS[:1] if directed else PAIRS
    sides = or_(*(and_(x.c.side == sa, y.c.side == sb) for sa, sb in pairs))
    first, second = y, x
    if conn.dialect.name == "sqlite" and _rows(conn, x, a_match) < _rows(conn, y, b_match):
        first, second = x, y
    between = (
        select(first.c.cluster_id)
        .select_from(first)
        .join(second, second.c.cluster_id == first.c.cluster_id)
        .where(b_match, a_match, sides)
    )
    return s.event_clusters.c.id.in_(between)


def _keyed(a: str, b: str, *, directed: bool) -> Select[Any]:
    """The clusters between two three-letter keys, from `cluster_dyads`: A to B, and unless
    `directed` also B to A and joint actions (stored in both orders)."""
    d = s.cluster_dyads
    there = and_(d.c.source == a, d.c.target == b)
    if directed:
        return select(d.c.cluster_id).where(there, d.c.joint == false())
    return select(d.c.cluster_id).where(or_(there, and_(d.c.source == b, d.c.target == a)))


def _rows(conn: Connection, table: Any, match: ColumnElement[bool]) -> int:
    """Rows of `table` matching, counted up to ENOUGH_ROWS."""
    some = select(table.c.cluster_id).where(match).limit(ENOUGH_ROWS).subquery()
    return int(conn.execute(select(func.count()).select_from(some)).scalar() or 0)


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
    """Per period: event clusters, reports, mean PLOVER score, and cooperation (quad classes
    1-2) against conflict (3-4), for asserted events between `a` and `b`. Periods with no events
    are filled with zeros when `fill`. `attrs["undated_left_out"]` counts the dyad's events
    that have no date and so are in no period."""
    rows, undated = dyad_rows(
        store, a, b, freq, directed=directed, since=since, until=until, fill=fill
    )
    result = typed(pd.DataFrame(rows, columns=SERIES_COLUMNS), SERIES_SCHEMA)
    result.attrs[UNDATED_KEY] = undated
    return result


def dyad_rows(
    store: Store,
    a: str,
    b: str,
    freq: Freq = "month",
    *,
    directed: bool = False,
    since: dt.date | None = None,
    until: dt.date | None = None,
    fill: bool = True,
) -> tuple[list[dict[str, Any]], int]:
    """`dyad_series` as plain rows (SERIES_COLUMNS, `period` a date, `mean_score` a float or
    None), and the count of undated events; for callers that need no DataFrame (the explorer
    page, where building one cost more than the query)."""
    if freq not in PANDAS_FREQ:
        raise ConfigError(f"freq must be 'week' or 'month', not {freq!r}")
    a_value, b_value = clean(a, "a"), clean(b, "b")
    assert a_value is not None and b_value is not None
    c = s.event_clusters
    period = c.c.period_month if freq == "month" else c.c.period_week
    with store.engine.connect() as conn:
        query = (
            select(
                period.label("period"),
                func.count().label("n_events"),
                func.sum(c.c.n_reports).label("n_reports"),
                func.avg(c.c.score).label("mean_score"),
                func.sum(case((c.c.quad_class.in_([1, 2]), 1), else_=0)).label("n_cooperation"),
                func.sum(case((c.c.quad_class.in_([3, 4]), 1), else_=0)).label("n_conflict"),
            )
            .where(dyad(conn, a_value, b_value, directed=directed), c.c.modality == "asserted")
            .group_by(period)
            .order_by(period)
        )
        if since is not None or until is not None:
            # One pass over the dyad: the undated clusters are the group without a period.
            window: list[ColumnElement[bool]] = [period.is_not(None)]
            if since is not None:
                window.append(c.c.date_start >= since)
            if until is not None:
                window.append(c.c.date_start <= until)
            query = query.where(or_(period.is_(None), and_(*window)))
        found = conn.execute(query).all()
    undated = sum(int(r.n_events) for r in found if r.period is None)
    rows = [
        {
            "period": r.period,
            "n_events": int(r.n_events),
            "n_reports": int(r.n_reports or 0),
            "mean_score": None if r.mean_score is None else float(r.mean_score),
            "n_cooperation": int(r.n_cooperation or 0),
            "n_conflict": int(r.n_conflict or 0),
        }
        for r in found
        if r.period is not None
    ]
    return (_filled(rows, freq) if fill else rows), undated


def _filled(rows: list[dict[str, Any]], freq: Freq) -> list[dict[str, Any]]:
    """Every period from the first to the last, those without events as zeros."""
    if not rows:
        return rows
    by_period = {r["period"]: r for r in rows}
    zero = {"period": None, "mean_score": None, **dict.fromkeys(COUNTS, 0)}
    out = []
    day = rows[0]["period"]
    while day <= rows[-1]["period"]:
        found = by_period.get(day)
        out.append(found if found is not None else {**zero, "period": day})
        day = _next_period(day, freq)
    return out


def _next_period(day: dt.date, freq: Freq) -> dt.date:
    if freq == "week":
        return day + dt.timedelta(days=7)
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


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
    with store.engine.connect() as conn:
        query = (
            select(*(c.c[name] for name in EVENT_COLUMNS))
            .where(
                dyad(conn, a, b, directed=directed), c.c.modality == "asserted", column == period
            )
            .order_by(c.c.date_start.desc(), c.c.id.desc())
            .limit(limit)
        )
        rows = conn.execute(query)
        result = pd.DataFrame(rows.all(), columns=list(rows.keys()))
    return result.rename(columns={"id": "cluster_id"})
