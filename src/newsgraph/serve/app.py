"""The explorer's route table: every page at PATH has a JSON twin at PATH.json (or PATH with
`Accept: application/json`), built from the same dict (`newsgraph.serve.pages`).

Only the `.json` routes appear in the OpenAPI document (`/openapi.json`); the HTML routes take
the same parameters. Errors have one shape: `{"ok": false, "status": N, "error": "..."}` in
JSON, an error page in HTML.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, Undefined
from sqlalchemy.exc import DBAPIError, OperationalError

from newsgraph import __version__
from newsgraph.errors import ConfigError
from newsgraph.serve import pages, schemas
from newsgraph.serve.db import ReadOnlyStore
from newsgraph.serve.highlight import Mark, render
from newsgraph.serve.security import Guard
from newsgraph.store import Store

HERE = Path(__file__).resolve().parent
log = logging.getLogger(__name__)

Code = Annotated[str, pages.CODE_PATH]

QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=Undefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["quad_names"] = QUAD_NAMES
    env.globals["version"] = __version__
    return env


def wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def create_app(store: Store, *, token: str | None = None) -> Any:
    """The explorer as an ASGI application over an open (read-only) store."""
    app = FastAPI(
        title="newsgraph explorer",
        version=__version__,
        description=(
            "Read-only JSON API over a newsgraph store. Every HTML page at PATH has this JSON "
            "twin at PATH.json with the same parameters."
        ),
        docs_url=None,  # the interactive docs load scripts from another host
        redoc_url=None,
    )
    templates = Jinja2Templates(env=_environment())
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def page(request: Request, template: str, data: dict[str, Any], **extra: Any) -> Response:
        if wants_json(request):
            return JSONResponse(data)
        context = {"data": data, "request": request, "json_url": _json_url(request), **extra}
        return templates.TemplateResponse(request, template, context)

    def error(request: Request, status: int, message: str) -> Response:
        if (
            request.url.path.endswith(".json")
            or wants_json(request)
            or request.url.path == "/openapi.json"
        ):
            return JSONResponse(
                {"ok": False, "status": status, "error": message}, status_code=status
            )
        return templates.TemplateResponse(
            request,
            "error.html",
            {"status": status, "message": message, "json_url": None},
            status_code=status,
        )

    @app.exception_handler(pages.NotFound)
    def _not_found(request: Request, exc: pages.NotFound) -> Response:
        return error(request, 404, str(exc))

    @app.exception_handler(ConfigError)
    def _bad_request(request: Request, exc: ConfigError) -> Response:
        return error(request, 400, str(exc))

    @app.exception_handler(pages.BadRequest)
    def _bad_value(request: Request, exc: pages.BadRequest) -> Response:
        return error(request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    def _invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:]) or 'request'}: {e['msg']}"
            for e in exc.errors()
        )
        return error(request, 422, problems)

    @app.exception_handler(DBAPIError)
    def _database(request: Request, exc: DBAPIError) -> Response:
        if isinstance(store, ReadOnlyStore) and store.is_timeout(exc):
            return error(
                request, 503, "the query took too long; narrow the filters (dates, actor, type)"
            )
        log.error("database error on %s: %s", request.url.path, exc)
        if isinstance(exc, OperationalError):
            return error(request, 503, "the database could not answer; see the server log")
        raise exc

    @app.exception_handler(404)
    def _no_route(request: Request, exc: Exception) -> Response:
        return error(request, 404, f"no page at {request.url.path}")

    # --- home --------------------------------------------------------------------------------

    @app.get(
        "/index.json",
        tags=["pages"],
        response_class=JSONResponse,
        summary="Store summary, newest documents, top actors",
        responses=schemas.described(schemas.Home),
    )
    def home_json() -> Response:
        return JSONResponse(pages.home(store))

    @app.get("/", include_in_schema=False)
    def home_page(request: Request) -> Response:
        return page(request, "home.html", pages.home(store))

    # --- article -----------------------------------------------------------------------------

    @app.get(
        "/article/{document_id}.json",
        tags=["pages"],
        response_class=JSONResponse,
        summary="One article: text, marks, events, quotes, actors, times, places",
        responses=schemas.described(schemas.Article),
    )
    def article_json(document_id: int) -> Response:
        return JSONResponse(pages.article(store, document_id))

    @app.get("/article/{document_id}", include_in_schema=False)
    def article_page(request: Request, document_id: int) -> Response:
        data = pages.article(store, document_id)
        marks = [Mark(**m) for m in data["marks"]]
        return page(request, "article.html", data, body=render(data["text"], marks))

    # --- events ------------------------------------------------------------------------------

    @app.get(
        "/events.json",
        tags=["pages"],
        response_class=JSONResponse,
        summary="Event clusters: filtered, sorted, paginated",
        responses=schemas.described(schemas.Events),
    )
    def events_json(params: Annotated[pages.EventsQuery, Query()]) -> Response:
        return JSONResponse(pages.events(store, params))

    @app.get("/events", include_in_schema=False)
    def events_page(request: Request, params: Annotated[pages.EventsQuery, Query()]) -> Response:
        return page(request, "events.html", pages.events(store, params), params=params)

    @app.get(
        "/event/{cluster_id}.json",
        tags=["pages"],
        response_class=JSONResponse,
        summary="One event cluster with its reports and their evidence",
        responses=schemas.described(schemas.ClusterPage),
    )
    def cluster_json(cluster_id: int) -> Response:
        return JSONResponse(pages.cluster(store, cluster_id))

    @app.get("/event/{cluster_id}", include_in_schema=False)
    def cluster_page(request: Request, cluster_id: int) -> Response:
        return page(request, "event.html", pages.cluster(store, cluster_id))

    # --- actor -------------------------------------------------------------------------------

    @app.get(
        "/actor/{entity_id}.json",
        tags=["pages"],
        response_class=JSONResponse,
        summary="One actor: aliases, roles over time, events, quotes, partners",
        responses=schemas.described(schemas.Actor),
    )
    def actor_json(entity_id: int) -> Response:
        return JSONResponse(pages.actor(store, entity_id))

    @app.get("/actor/{entity_id}", include_in_schema=False)
    def actor_page(request: Request, entity_id: int) -> Response:
        return page(request, "actor.html", pages.actor(store, entity_id))

    # --- dyad --------------------------------------------------------------------------------

    @app.get(
        "/dyad/{a}/{b}.json",
        tags=["pages"],
        response_class=JSONResponse,
        summary="Two actors' relations per month or week",
        responses=schemas.described(schemas.Dyad),
    )
    def dyad_json(a: Code, b: Code, params: Annotated[pages.DyadQuery, Query()]) -> Response:
        return JSONResponse(pages.dyad(store, a, b, params))

    @app.get("/dyad/{a}/{b}", include_in_schema=False)
    def dyad_page(
        request: Request, a: Code, b: Code, params: Annotated[pages.DyadQuery, Query()]
    ) -> Response:
        return page(request, "dyad.html", pages.dyad(store, a, b, params), params=params)

    @app.get(
        "/dyad/{a}/{b}/{period}.json",
        tags=["pages"],
        response_class=JSONResponse,
        summary="The events of one period of a dyad",
        responses=schemas.described(schemas.DyadPeriod),
    )
    def period_json(
        a: Code, b: Code, period: dt.date, params: Annotated[pages.DyadQuery, Query()]
    ) -> Response:
        return JSONResponse(pages.dyad_period(store, a, b, period, params))

    @app.get("/dyad/{a}/{b}/{period}", include_in_schema=False)
    def period_page(
        request: Request,
        a: Code,
        b: Code,
        period: dt.date,
        params: Annotated[pages.DyadQuery, Query()],
    ) -> Response:
        return page(
            request, "period.html", pages.dyad_period(store, a, b, period, params), params=params
        )

    # --- network, map, search ------------------------------------------------------------------

    @app.get(
        "/network.json",
        tags=["pages"],
        response_class=JSONResponse,
        summary="Actors as nodes, event counts as edges",
        responses=schemas.described(schemas.Network),
    )
    def network_json(params: Annotated[pages.NetworkQuery, Query()]) -> Response:
        return JSONResponse(pages.network(store, params))

    @app.get("/network", include_in_schema=False)
    def network_page(request: Request, params: Annotated[pages.NetworkQuery, Query()]) -> Response:
        return page(request, "network.html", pages.network(store, params), params=params)

    @app.get(
        "/map.json",
        tags=["pages"],
        response_class=JSONResponse,
        summary="Located event clusters",
        responses=schemas.described(schemas.Map),
    )
    def map_json(params: Annotated[pages.MapQuery, Query()]) -> Response:
        return JSONResponse(pages.world_map(store, params))

    @app.get("/map", include_in_schema=False)
    def map_page(request: Request, params: Annotated[pages.MapQuery, Query()]) -> Response:
        return page(request, "map.html", pages.world_map(store, params), params=params)

    @app.get(
        "/search.json",
        tags=["pages"],
        response_class=JSONResponse,
        summary="Full-text search over quotes and evidence",
        responses=schemas.described(schemas.Search),
    )
    def search_json(params: Annotated[pages.SearchQuery, Query()]) -> Response:
        return JSONResponse(pages.search(store, params))

    @app.get("/search", include_in_schema=False)
    def search_page(request: Request, params: Annotated[pages.SearchQuery, Query()]) -> Response:
        return page(request, "search.html", pages.search(store, params), params=params)

    return Guard(app, token)


def from_environment() -> Any:
    """The app for `newsgraph serve --workers N`: each worker process opens the store named by
    NEWSGRAPH_DB and requires the token in NEWSGRAPH_SERVE_TOKEN, if any (set by the command)."""
    import os

    from newsgraph.serve.security import TOKEN_ENV
    from newsgraph.settings import load_settings

    store = ReadOnlyStore(load_settings().db_url)
    return create_app(store, token=os.environ.get(TOKEN_ENV) or None)


def _json_url(request: Request) -> str:
    path = request.url.path.rstrip("/") or ""
    url = (path or "/index") + ".json"
    return url + ("?" + request.url.query if request.url.query else "")


Handler = Callable[..., Any]
