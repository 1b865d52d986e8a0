"""The shapes of the JSON twins, for the OpenAPI document (`/openapi.json`).

The routes return plain dicts built by `newsgraph.serve.pages` (no validation on the way out,
which costs time per request); these models describe them, and the tests check every twin
against its model, so the description cannot drift from what is served.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class Shape(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ApiError(Shape):
    """Every error: `ok` false, the HTTP status, and what to do about it."""

    ok: bool
    status: int
    error: str


class Cluster(Shape):
    """One event cluster: a real event and the reports behind it."""

    cluster_id: int
    event_type: str
    mode: str | None
    modality: str
    cameo: str | None
    quad_class: int | None
    score: float | None
    actor: str | None
    actor_code: str | None
    actor_country: str | None
    recipient: str | None
    recipient_code: str | None
    recipient_country: str | None
    date_start: str | None
    date_end: str | None
    date_precision: str | None
    location: str | None
    location_country: str | None
    lat: float | None
    lon: float | None
    n_reports: int
    n_documents: int
    first_published: str | None
    last_published: str | None


class Home(Shape):
    store: dict[str, int]
    documents: list[dict[str, Any]]
    n_documents: int
    actors: list[dict[str, Any]]


class Mark(Shape):
    """One highlighted span: offsets into `text`, what it is, and the record item it belongs to."""

    start: int
    end: int
    kind: str
    ref: str
    label: str


class Article(Shape):
    """The document's metadata, its text, the marks drawn on it, and the record's items (as in
    the analysis record, with `cluster_id` on events and `global_id` on entities)."""

    document: dict[str, Any]
    text: str
    marks: list[Mark]
    entities: list[dict[str, Any]]
    events: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    times: list[dict[str, Any]]
    places: list[dict[str, Any]]


class Events(Shape):
    """One page of clusters; `total` counts matches up to 10,000 (`more` when there are more)."""

    filters: dict[str, Any]
    total: int
    more: bool
    page: int
    size: int
    pages: int
    sort: str
    order: str
    clusters: list[Cluster]


class ClusterPage(Shape):
    """One cluster and its reports, each with its evidence sentences and trigger offsets."""

    cluster: dict[str, Any]
    reports: list[dict[str, Any]]


class Actor(Shape):
    entity: dict[str, Any]
    aliases: list[str]
    roles: list[dict[str, Any]]
    timeline: dict[str, Any]
    events: list[dict[str, Any]]
    n_events: int
    quotes: list[dict[str, Any]]
    n_quotes: int
    partners: list[dict[str, Any]]


class Period(Shape):
    period: str
    n_events: int
    n_reports: int
    mean_score: float | None
    n_cooperation: int
    n_conflict: int


class Dyad(Shape):
    a: str
    b: str
    freq: str
    directed: bool
    series: list[Period]
    chart: dict[str, Any]


class DyadPeriod(Shape):
    a: str
    b: str
    freq: str
    period: str
    clusters: list[Cluster]


class Network(Shape):
    filters: dict[str, Any]
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    layout: dict[str, Any]


class Map(Shape):
    """Located clusters; `x`, `y` are the equirectangular position on the 360 x 180 map."""

    filters: dict[str, Any]
    total: int
    more: bool
    points: list[dict[str, Any]]


class Search(Shape):
    q: str
    kind: str
    results: list[dict[str, Any]]


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ApiError, "description": "A filter names nothing in the store"},
    404: {"model": ApiError, "description": "Not in the store"},
    422: {"model": ApiError, "description": "A parameter is invalid or over its limit"},
    503: {"model": ApiError, "description": "The query took too long; narrow the filters"},
}


def described(model: type[BaseModel]) -> dict[int | str, dict[str, Any]]:
    """The `responses=` of a JSON twin: its shape on success, and the error shape."""
    return {200: {"model": model}, **ERRORS}
