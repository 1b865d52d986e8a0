"""A country-month panel in the ICEWS style: per country and month, event counts by quad class.

Rows form a balanced panel (every country × every month between the first and the last event,
zeros where nothing happened), the shape panel regressions and plots expect. `by` says which
country an event counts for: where it happened (`place`), the actor's (`actor`) or the
recipient's (`recipient`). Undated events and events with no country on that side are in no
cell; `attrs["left_out"]` counts them.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import pandas as pd
from sqlalchemy import case, func, select

from newsgraph.errors import ConfigError
from newsgraph.query.columns import PANEL_SCHEMA, typed
from newsgraph.query.filters import EventFilter, apply_filter
from newsgraph.store import Store
from newsgraph.store import schema as s

PanelBy = Literal["place", "actor", "recipient"]
COLUMNS = {"place": "location_country", "actor": "actor_country", "recipient": "recipient_country"}


def country_month_panel(
    store: Store,
    *,
    by: PanelBy = "place",
    where: EventFilter | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    fill: bool = True,
) -> pd.DataFrame:
    """Per country and month: events, events per quad class (1 verbal cooperation ... 4
    material conflict) and the mean PLOVER score (`columns.PANEL_SCHEMA`)."""
    if by not in COLUMNS:
        raise ConfigError(f"by must be place, actor or recipient, not {by!r}")
    f = (where or EventFilter()).checked()
    c = s.event_clusters
    country = c.c[COLUMNS[by]]
    quads = [
        func.sum(case((c.c.quad_class == q, 1), else_=0)).label(f"quad{q}") for q in (1, 2, 3, 4)
    ]
    query = (
        select(
            country.label("country"),
            c.c.period_month.label("month"),
            func.count().label("n_events"),
            *quads,
            func.avg(c.c.score).label("mean_score"),
        )
        .where(country.is_not(None), c.c.period_month.is_not(None))
        .group_by(country, c.c.period_month)
        .order_by(country, c.c.period_month)
    )
    if since is not None:
        query = query.where(c.c.date_start >= since)
    if until is not None:
        query = query.where(c.c.date_start <= until)
    with store.engine.connect() as conn:
        query = apply_filter(conn, query, f)
        rows = conn.execute(query).all()
        total = apply_filter(conn, select(func.count()).select_from(c), f)
        n_all = int(conn.execute(total).scalar() or 0)
    result = typed(pd.DataFrame(rows, columns=list(PANEL_SCHEMA)), PANEL_SCHEMA)
    left_out = n_all - int(result["n_events"].sum()) if since is None and until is None else None
    if fill and len(result):
        months = pd.date_range(result["month"].min(), result["month"].max(), freq="MS")
        countries = sorted(result["country"].astype(str).unique())
        grid = pd.MultiIndex.from_product([countries, months], names=["country", "month"])
        result = result.assign(country=result["country"].astype(str))
        result = result.set_index(["country", "month"]).reindex(grid).reset_index()
        counts = ["n_events", "quad1", "quad2", "quad3", "quad4"]
        result[counts] = result[counts].fillna(0)
        result = typed(result, PANEL_SCHEMA)
    result.attrs["left_out"] = left_out
    return result
