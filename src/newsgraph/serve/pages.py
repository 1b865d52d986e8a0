"""What each page shows, as one JSON-ready dict: the HTML page renders it and its `.json` twin
returns it unchanged, so the two cannot disagree.

The query parameters of each page are a pydantic model: it validates what users type, caps page
sizes, and describes the parameters in the OpenAPI document.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pandas as pd
from fastapi import Path as PathParam
from pydantic import BaseModel, ConfigDict, Field

from newsgraph.query import cluster_reports
from newsgraph.query import search as run_search
from newsgraph.query.profile import profile_rows
from newsgraph.query.resolve import EventFilter
from newsgraph.query.series import dyad_events, dyad_rows
from newsgraph.serve import queries
from newsgraph.serve.highlight import record_marks
from newsgraph.serve.layout import network_layout
from newsgraph.store import Store

JSON = dict[str, Any]
MAX_PAGE_SIZE = 200
"""The most rows one page (or JSON call) returns."""
MAX_OFFSET = queries.COUNT_CAP
"""The deepest a listing pages; narrow the filters to go further."""
MAX_NETWORK_EDGES = 300
MAX_MAP_POINTS = 5_000
PROFILE_ROWS = 100
TIMELINE_WIDTH = 640
"""Width of the role timeline's time axis (SVG units; labels get the rest of 900)."""
TEXT = 200
"""Longest accepted free-text parameter (names, search words)."""

CODE_PATH = PathParam(
    pattern=r"^[A-Za-z]{3}[A-Za-z0-9]{0,12}$", description="Country (KEN) or actor code (KENGOV)"
)

Modality = Literal["asserted", "future", "intended", "hypothetical", "negated", "any"]
Freq = Literal["month", "week"]


PAGING = {"sort", "order", "page", "size"}
"""Parameters that choose the page of a listing, not what it lists."""


class NotFound(LookupError):
    """The page names something the store does not hold."""


class BadRequest(ValueError):
    """A request the explorer will not answer as asked (the message says what to change)."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Filters(Strict):
    """Filters over event clusters shared by the events, network and map pages."""

    actor: str | None = Field(
        None, max_length=TEXT, description="Actor code (TURGOV, prefix) or name"
    )
    recipient: str | None = Field(None, max_length=TEXT, description="Recipient code or name")
    type: str | None = Field(None, max_length=32, description="PLOVER event type, e.g. CONSULT")
    country: str | None = Field(
        None, max_length=3, description="Country code on either side or of the place"
    )
    since: dt.date | None = Field(None, description="Events ending on or after this date")
    until: dt.date | None = Field(None, description="Events starting on or before this date")
    quad_class: int | None = Field(
        None, ge=1, le=4, description="1 verbal cooperation … 4 material conflict"
    )
    modality: Modality = Field("asserted", description="asserted, future, …, or any")

    def event_filter(self) -> EventFilter:
        return EventFilter(
            actor=self.actor or None,
            recipient=self.recipient or None,
            event_type=self.type or None,
            country=self.country or None,
            quad_class=self.quad_class,
            since=self.since,
            until=self.until,
            modality=None if self.modality == "any" else self.modality,
        )

    def given(self) -> JSON:
        """The filters that are set, as they appear in a link."""
        return {
            k: (v.isoformat() if isinstance(v, dt.date) else v)
            for k, v in self.model_dump(exclude=PAGING).items()
            if v not in (None, "")
        }


class EventsQuery(Filters):
    confidence: float | None = Field(
        None, ge=0, le=1, description="At least one report with this confidence or more"
    )
    sort: queries.SortKey = "date"
    order: Literal["desc", "asc"] = "desc"
    page: int = Field(1, ge=1, description="Page number, from 1")
    size: int = Field(50, ge=1, le=MAX_PAGE_SIZE, description="Rows per page")


class NetworkQuery(Filters):
    edges: int = Field(100, ge=1, le=MAX_NETWORK_EDGES, description="Heaviest edges shown")


class MapQuery(Filters):
    points: int = Field(1000, ge=1, le=MAX_MAP_POINTS, description="Newest located events shown")


class DyadQuery(Strict):
    freq: Freq = "month"
    directed: bool = False
    since: dt.date | None = None
    until: dt.date | None = None


class SearchQuery(Strict):
    q: str = Field("", max_length=TEXT, description="Words that must all occur (stemmed)")
    kind: Literal["quote", "evidence", "any"] = "any"
    size: int = Field(50, ge=1, le=MAX_PAGE_SIZE)


def _records(frame: Any) -> list[JSON]:
    """A DataFrame as JSON rows (dates as ISO strings, missing values as null); column lists
    rather than `to_dict`, which is several times slower on Arrow-backed strings."""
    columns = [str(c) for c in frame.columns]
    values = [frame[c].tolist() for c in frame.columns]
    return [
        {c: _value(v) for c, v in zip(columns, row, strict=True)}
        for row in zip(*values, strict=False)
    ]


READY = frozenset({str, int, bool, type(None)})
"""Types `_value` returns unchanged (tested by exact type: most cells of a page are these)."""


def _plain(rows: list[JSON]) -> list[JSON]:
    """Database rows as JSON rows, each value as `_value` gives it (as `_records` would give
    the same rows typed into a DataFrame)."""
    return [{k: v if type(v) in READY else _value(v) for k, v in row.items()} for row in rows]


def _value(value: Any) -> Any:
    """One DataFrame cell as JSON: missing (None, NaN, NaT, NA) as null, dates as ISO dates,
    NumPy scalars as Python ones. Common types first: this runs for every cell of a listing."""
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        return None if value != value else value
    if value is pd.NaT:
        return None
    if isinstance(value, dt.date):
        text = value.isoformat()
        return text[:10] if text.endswith("T00:00:00") else text
    if hasattr(value, "item"):  # a NumPy scalar
        return _value(value.item())
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):  # not a scalar
        pass
    return value


# --- pages --------------------------------------------------------------------------------


def home(store: Store) -> JSON:
    docs, total = queries.documents(store, limit=50)
    summary = store.summary()
    return {
        "store": {
            "documents": summary.documents,
            "events": summary.events,
            "quotes": summary.quotes,
            "entities": summary.entities,
        },
        "documents": docs,
        "n_documents": total,
        "actors": queries.top_actors(store, limit=30),
    }


def article(store: Store, document_id: int) -> JSON:
    found = queries.document(store, document_id)
    if found is None:
        raise NotFound(f"no document {document_id} in the store")
    record = found.pop("record")
    clusters, entities = queries.document_links(store, document_id)
    for v in record.get("events", []):
        v["cluster_id"] = clusters.get(v["id"])
    for e in record.get("entities", []):
        e["global_id"] = entities.get(e["id"])
    return {
        "document": found,
        "text": record.get("text", ""),
        "marks": [m.as_json() for m in record_marks(record)],
        "entities": record.get("entities", []),
        "events": record.get("events", []),
        "quotes": record.get("quotes", []),
        "times": record.get("times", []),
        "places": record.get("places", []),
    }


def events(store: Store, params: EventsQuery) -> JSON:
    offset = (params.page - 1) * params.size
    if offset > MAX_OFFSET:
        raise BadRequest(f"pages stop at {MAX_OFFSET} rows; narrow the filters instead")
    rows, total = queries.cluster_page(
        store,
        params.event_filter(),
        min_confidence=params.confidence,
        sort=params.sort,
        descending=params.order == "desc",
        offset=offset,
        limit=params.size,
    )
    return {
        "filters": params.given(),
        "total": min(total, queries.COUNT_CAP),
        "more": total > queries.COUNT_CAP,
        "page": params.page,
        "size": params.size,
        "pages": max(1, -(-min(total, queries.COUNT_CAP) // params.size)),
        "sort": params.sort,
        "order": params.order,
        "clusters": rows,
    }


def cluster(store: Store, cluster_id: int) -> JSON:
    found = queries.cluster(store, cluster_id)
    if found is None:
        raise NotFound(f"no event cluster {cluster_id} in the store")
    evidence = queries.cluster_evidence(store, cluster_id)
    reports = _records(cluster_reports(store, cluster_id))
    by_document: dict[int, list[JSON]] = {}
    for row in evidence:
        by_document.setdefault(int(row.pop("document_id")), []).append(row)
    for report in reports:
        report["evidence"] = by_document.get(int(report["document_id"]), [])
    return {"cluster": found, "reports": reports}


def actor(store: Store, entity_id: int) -> JSON:
    found = queries.entity(store, entity_id)
    if found is None:
        raise NotFound(f"no actor {entity_id} in the store")
    p = profile_rows(store, str(found["name"]), entity_id=entity_id, limit=PROFILE_ROWS)
    roles = _plain(p.roles)
    quotes = _plain(p.quotes)
    where = queries.quote_documents(store, [int(q["quote_id"]) for q in quotes])
    for q in quotes:
        q["document_id"] = where.get(int(q["quote_id"]))
    return {
        "entity": {k: _value(v) for k, v in p.entity.items()},
        "aliases": p.aliases,
        "roles": roles,
        "timeline": role_timeline(roles),
        "events": _plain(p.events),
        "n_events": p.n_events,
        "quotes": quotes,
        "n_quotes": p.n_quotes,
        "partners": queries.partners(store, entity_id, limit=30),
    }


def role_timeline(roles: list[JSON]) -> JSON:
    """Role windows placed on one time axis (years), for the actor page's timeline."""
    bars: list[dict[str, Any]] = []
    spans: list[tuple[float, float]] = []
    today = dt.date.today()
    for r in roles:
        start = r.get("start") or r.get("first_seen")
        end = r.get("end") or r.get("last_seen") or (today.isoformat() if r.get("start") else None)
        if not start:
            continue
        s, e = _year(start), _year(end or start)
        spans.append((s, max(e, s + 0.05)))
        bars.append(
            {
                "title": r.get("title"),
                "country": r.get("country"),
                "from": s,
                "to": max(e, s + 0.05),
                "open": not r.get("end"),
            }
        )
    if not bars:
        return {"bars": [], "min": None, "max": None}
    low = min(s for s, _ in spans)
    high = max(e for _, e in spans)
    width = max(high - low, 1.0)
    for i, (b, (s, e)) in enumerate(zip(bars, spans, strict=True)):
        b["x"] = round(TIMELINE_WIDTH * (s - low) / width, 1)
        b["w"] = round(max(TIMELINE_WIDTH * (e - s) / width, 4), 1)
        b["y"] = i * 22
    return {"bars": bars, "min": int(low), "max": int(high) + 1, "height": len(bars) * 22}


def _year(value: str) -> float:
    d = dt.date.fromisoformat(value[:10])
    return d.year + (d.timetuple().tm_yday - 1) / 366


def dyad(store: Store, a: str, b: str, params: DyadQuery) -> JSON:
    found, _ = dyad_rows(
        store,
        a.upper(),
        b.upper(),
        params.freq,
        directed=params.directed,
        since=params.since,
        until=params.until,
    )
    series = [
        {
            **row,
            "period": row["period"].isoformat(),
            "mean_score": None if row["mean_score"] is None else round(row["mean_score"], 2),
        }
        for row in found
    ]
    return {
        "a": a.upper(),
        "b": b.upper(),
        "freq": params.freq,
        "directed": params.directed,
        "series": series,
        "chart": dyad_chart(series),
    }


def dyad_chart(series: list[JSON]) -> JSON:
    """Bar positions for the dyad chart: cooperation up, conflict down, the mean score as a line
    (score −10…10 on the same height)."""
    if not series:
        return {"bars": [], "width": 0, "height": 0}
    cooperation = [r["n_cooperation"] for r in series]
    conflict = [r["n_conflict"] for r in series]
    top = max(max(cooperation), max(conflict)) or 1
    step = max(8, min(40, 720 // len(series)))
    half = 90
    bars, line = [], []
    for i, r in enumerate(series):
        x = i * step
        # 0.0 without arithmetic for the many empty periods of a weekly series
        up = round(half * cooperation[i] / top, 1) if cooperation[i] else 0.0
        down = round(half * conflict[i] / top, 1) if conflict[i] else 0.0
        bars.append(
            {
                "period": r["period"],
                "x": x,
                "w": step - 2,
                "up": up,
                "down": down,
                "y_up": half - up,
                "n_events": r["n_events"],
                "n_cooperation": r["n_cooperation"],
                "n_conflict": r["n_conflict"],
            }
        )
        if r["mean_score"] is not None:
            line.append(f"{x + (step - 2) / 2:.1f},{half - half * r['mean_score'] / 10:.1f}")
    return {
        "bars": bars,
        "line": " ".join(line),
        "width": len(series) * step,
        "height": 2 * half,
        "mid": half,
        "max": top,
    }


def dyad_period(store: Store, a: str, b: str, period: dt.date, params: DyadQuery) -> JSON:
    frame = dyad_events(
        store,
        a.upper(),
        b.upper(),
        period,
        params.freq,
        directed=params.directed,
        limit=MAX_PAGE_SIZE,
    )
    return {
        "a": a.upper(),
        "b": b.upper(),
        "freq": params.freq,
        "period": period.isoformat(),
        "clusters": _records(frame),
    }


def network(store: Store, params: NetworkQuery) -> JSON:
    nodes, edges = queries.network(store, params.event_filter(), limit=params.edges)
    layout = network_layout(nodes, edges)
    return {"filters": params.given(), "nodes": nodes, "edges": edges, "layout": layout}


def world_map(store: Store, params: MapQuery) -> JSON:
    points, total = queries.located(store, params.event_filter(), limit=params.points)
    for p in points:
        p["x"] = round(float(p["lon"]) + 180, 3)
        p["y"] = round(90 - float(p["lat"]), 3)
    return {
        "filters": params.given(),
        "total": min(total, queries.COUNT_CAP),
        "more": total > queries.COUNT_CAP,
        "points": points,
    }


def search(store: Store, params: SearchQuery) -> JSON:
    if not params.q.strip():
        return {"q": "", "kind": params.kind, "results": []}
    kind = None if params.kind == "any" else params.kind
    frame = run_search(store, params.q, kind=kind, limit=params.size)
    results = _records(frame.drop(columns=["rank"], errors="ignore"))
    ids = queries.document_ids(store, [r["doc_key"] for r in results])
    for r in results:
        r["document_id"] = ids.get(r["doc_key"])
    return {"q": params.q, "kind": params.kind, "results": results}
