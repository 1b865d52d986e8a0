"""The explorer in-process: every page and its JSON twin, error shapes, escaping, limits."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from serve.hostile import IMAGE, QUOTED, SCRIPT

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def ids(client: Any) -> dict[str, Any]:
    home = client.get("/index.json").json()
    clusters = client.get("/events.json", params={"sort": "reports"}).json()["clusters"]
    return {
        "document": home["documents"][0]["id"],
        "cluster": clusters[0]["cluster_id"],
        "actor": home["actors"][0]["id"],
    }


def pages(client: Any) -> list[str]:
    found = ids(client)
    return [
        "/",
        f"/article/{found['document']}",
        "/events",
        "/events?actor=KEN&sort=reports&order=asc&size=2&page=2",
        f"/event/{found['cluster']}",
        f"/actor/{found['actor']}",
        "/dyad/KEN/ETH",
        "/dyad/KEN/ETH?freq=week&directed=true",
        "/dyad/KEN/ETH/2025-05-01",
        "/network",
        "/map?quad_class=1",
        "/search?q=corridor",
    ]


@pytest.mark.parametrize("accept", ["suffix", "header"])
def test_serve_every_page_has_a_json_twin(client: Any, accept: str) -> None:
    for path in pages(client):
        html = client.get(path)
        assert html.status_code == 200, (path, html.text[:300])
        assert html.headers["content-type"].startswith("text/html")
        if accept == "suffix":
            base, _, query = path.partition("?")
            url = (base.rstrip("/") or "/index") + ".json" + (f"?{query}" if query else "")
            twin = client.get(url)
        else:
            twin = client.get(path, headers={"Accept": "application/json"})
        assert twin.status_code == 200, (path, twin.text[:300])
        assert twin.headers["content-type"] == "application/json"
        assert f'href="{_json_link(path)}"' in html.text.replace("&amp;", "&")


def _json_link(path: str) -> str:
    base, _, query = path.partition("?")
    return (base.rstrip("/") or "/index") + ".json" + (f"?{query}" if query else "")


def test_serve_openapi_describes_every_json_route(client: Any) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    for expected in [
        "/index.json",
        "/article/{document_id}.json",
        "/events.json",
        "/event/{cluster_id}.json",
        "/actor/{entity_id}.json",
        "/dyad/{a}/{b}.json",
        "/dyad/{a}/{b}/{period}.json",
        "/network.json",
        "/map.json",
        "/search.json",
    ]:
        assert expected in paths
    params = {p["name"] for p in spec["paths"]["/events.json"]["get"]["parameters"]}
    assert {
        "actor",
        "recipient",
        "type",
        "country",
        "since",
        "until",
        "quad_class",
        "modality",
        "confidence",
        "sort",
        "page",
        "size",
    } <= params
    assert not any(not p.endswith(".json") for p in paths)


def test_serve_events_page_matches_its_twin(client: Any) -> None:
    data = client.get("/events.json", params={"size": 3, "sort": "date"}).json()
    html = client.get("/events", params={"size": 3, "sort": "date"}).text
    shown = re.findall(r'class="cluster-link" href="/event/(\d+)"', html)
    assert [int(x) for x in shown] == [c["cluster_id"] for c in data["clusters"]]
    assert data["total"] >= len(data["clusters"]) and data["size"] == 3


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"actor": "KEN"}, lambda c: "KEN" in (c["actor_code"] or "") + (c["actor_country"] or "")),
        ({"type": "ACCUSE"}, lambda c: c["event_type"] == "ACCUSE"),
        ({"quad_class": 3}, lambda c: c["quad_class"] == 3),
        (
            {"country": "UGA"},
            lambda c: "UGA" in (c["actor_country"], c["recipient_country"], c["location_country"]),
        ),
        (
            {"since": "2025-05-20", "until": "2025-06-30"},
            lambda c: "2025-05-20" <= c["date_start"] <= "2025-06-30",
        ),
    ],
)
def test_serve_events_filters(client: Any, params: dict[str, Any], check: Any) -> None:
    data = client.get("/events.json", params=params).json()
    assert data["clusters"], params
    assert all(check(c) for c in data["clusters"])
    everything = client.get("/events.json").json()["total"]
    assert data["total"] < everything


def test_serve_events_confidence_and_paging(client: Any) -> None:
    assert client.get("/events.json", params={"confidence": 0.99}).json()["total"] == 0
    assert client.get("/events.json", params={"confidence": 0.5}).json()["total"] > 0
    first = client.get("/events.json", params={"size": 2, "page": 1}).json()
    second = client.get("/events.json", params={"size": 2, "page": 2}).json()
    assert {c["cluster_id"] for c in first["clusters"]}.isdisjoint(
        c["cluster_id"] for c in second["clusters"]
    )
    ascending = client.get("/events.json", params={"sort": "reports", "order": "asc"}).json()[
        "clusters"
    ]
    counts = [c["n_reports"] for c in ascending]
    assert counts == sorted(counts)


def test_serve_cluster_lists_reports_with_evidence(client: Any) -> None:
    top = client.get("/events.json", params={"sort": "documents"}).json()["clusters"][0]
    data = client.get(f"/event/{top['cluster_id']}.json").json()
    assert data["cluster"]["id"] == top["cluster_id"]
    assert len({r["document_id"] for r in data["reports"]}) == top["n_documents"] >= 2
    assert all(r["evidence"] and r["evidence"][0]["text"] for r in data["reports"])


def test_serve_actor_page(client: Any) -> None:
    found = client.get("/index.json").json()["actors"]
    ruto = next(a for a in found if "Ruto" in a["name"])
    data = client.get(f"/actor/{ruto['id']}.json").json()
    assert "Ruto" in data["aliases"]
    assert any(
        r["title"] == "President of Kenya" and r["start"] == "2022-09-13" for r in data["roles"]
    )
    assert data["timeline"]["bars"]
    assert data["n_events"] >= 3 and {e["side"] for e in data["events"]} == {"actor"}
    assert any("Abiy" in p["name"] for p in data["partners"])
    assert data["quotes"] and data["quotes"][0]["document_id"]


def test_serve_dyad_period_lists_what_the_series_counts(client: Any) -> None:
    series = client.get("/dyad/KEN/ETH.json").json()["series"]
    busy = [r for r in series if r["n_events"]]
    assert busy
    for r in busy:
        events = client.get(f"/dyad/KEN/ETH/{r['period']}.json").json()["clusters"]
        assert len(events) == r["n_events"]


def test_serve_network_and_map(client: Any) -> None:
    net = client.get("/network.json").json()
    assert net["edges"] and all(str(e["source"]) in net["layout"]["nodes"] for e in net["edges"])
    located = client.get("/map.json").json()
    assert located["points"] and all(-180 <= p["lon"] <= 180 for p in located["points"])
    assert client.get("/static/world.svg").text.count("<path") > 150


def test_serve_search(client: Any) -> None:
    data = client.get("/search.json", params={"q": "corridor"}).json()
    assert data["results"] and all(r["document_id"] for r in data["results"])


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/article/999999.json", 404),
        ("/event/999999.json", 404),
        ("/actor/999999.json", 404),
        ("/events.json?size=100000", 422),
        ("/events.json?quad_class=9", 422),
        ("/events.json?bogus=1", 422),
        ("/events.json?page=100000", 400),
        ("/events.json?actor=Nobody%20Atall", 400),
        ("/dyad/K%3CN/ETH.json", 422),
        ("/no/such/page.json", 404),
        (f"/search.json?q={'x' * 500}", 422),
    ],
)
def test_serve_errors_have_one_shape(client: Any, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    body = response.json()
    assert body["ok"] is False and body["status"] == status and body["error"]
    html = client.get(path.replace(".json", ""))
    assert html.status_code == status


def test_serve_hostile_text_is_escaped(client: Any) -> None:
    hit = client.get("/search.json", params={"q": "stole election"}).json()["results"][0]
    document = hit["document_id"]
    data = client.get(f"/article/{document}.json").json()
    assert SCRIPT in data["text"] and data["quotes"][0]["text"] == QUOTED
    for path in [f"/article/{document}", "/", "/search?q=stole", "/events?country=ZAF"]:
        html = client.get(path).text
        assert "<script>window" not in html and '<img src="http://203' not in html, path
        assert "&lt;script&gt;" in html or "&lt;img" in html, path
    assert IMAGE not in client.get(f"/article/{document}").text


def test_serve_headers_forbid_inline_script_and_framing(client: Any) -> None:
    response = client.get("/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "default-src 'none'" in policy
    assert response.headers["x-frame-options"] == "DENY"
    assert "<script>" not in response.text  # only <script src=...>


def test_serve_refuses_foreign_host_names_without_token(client: Any) -> None:
    response = client.get("/", headers={"Host": "attacker.example"})
    assert response.status_code == 400


def test_serve_sort_links_restart_at_page_one(client: Any) -> None:
    html = client.get("/events", params={"type": "CONSULT", "size": 2, "page": 2}).text
    links = re.findall(r'href="/events\?([^"]*sort=reports[^"]*)"', html.replace("&amp;", "&"))
    assert links and all("page=" not in link and "type=CONSULT" in link for link in links)


def test_serve_command_is_registered() -> None:
    from typer.testing import CliRunner

    from newsgraph.cli import app

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--token" in result.output and "--host" in result.output


def test_serve_every_twin_matches_its_openapi_shape(client: Any) -> None:
    """The models behind /openapi.json accept what the routes really return (no drift)."""
    from newsgraph.serve import schemas

    spec = client.get("/openapi.json").json()
    found = ids(client)
    period = next(r for r in client.get("/dyad/KEN/ETH.json").json()["series"] if r["n_events"])
    cases = {
        "/index.json": "/index.json",
        "/article/{document_id}.json": f"/article/{found['document']}.json",
        "/events.json": "/events.json",
        "/event/{cluster_id}.json": f"/event/{found['cluster']}.json",
        "/actor/{entity_id}.json": f"/actor/{found['actor']}.json",
        "/dyad/{a}/{b}.json": "/dyad/KEN/ETH.json",
        "/dyad/{a}/{b}/{period}.json": f"/dyad/KEN/ETH/{period['period']}.json",
        "/network.json": "/network.json",
        "/map.json": "/map.json",
        "/search.json": "/search.json?q=corridor",
    }
    for route, url in cases.items():
        ref = spec["paths"][route]["get"]["responses"]["200"]["content"]["application/json"]
        name = ref["schema"]["$ref"].rsplit("/", 1)[1]
        getattr(schemas, name).model_validate(client.get(url).json())
        error = spec["paths"][route]["get"]["responses"]["422"]["content"]["application/json"]
        assert error["schema"]["$ref"].endswith("/ApiError")
    schemas.ApiError.model_validate(client.get("/article/999999.json").json())


def test_serve_pages_show_what_their_twins_hold(client: Any) -> None:
    import html as html_lib

    found = ids(client)
    actor = client.get(f"/actor/{found['actor']}.json").json()
    page = html_lib.unescape(client.get(f"/actor/{found['actor']}").text)
    for value in [*actor["aliases"], *(p["name"] for p in actor["partners"])]:
        assert value in page
    assert all(f'href="/event/{e["cluster_id"]}"' in page for e in actor["events"])
    cluster = client.get(f"/event/{found['cluster']}.json").json()
    page = html_lib.unescape(client.get(f"/event/{found['cluster']}").text)
    for report in cluster["reports"]:
        assert f'href="/article/{report["document_id"]}"' in page
        assert all(ev["text"][:40] in page for ev in report["evidence"])
    series = client.get("/dyad/KEN/ETH.json").json()["series"]
    page = client.get("/dyad/KEN/ETH").text
    assert all(f"/dyad/KEN/ETH/{row['period']}" in page for row in series if row["n_events"])


def frame_records(frame: Any) -> list[dict[str, Any]]:
    from newsgraph.query.columns import records

    return records(frame)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"freq": "week"},
        {"directed": "true"},
        {"since": "2025-05-01", "until": "2025-06-30"},
        {"since": "2025-05-10", "freq": "week"},
    ],
)
def test_serve_dyad_page_returns_the_query_series(
    client: Any, store_url_filled: str, params: dict[str, str]
) -> None:
    """The page reads plain rows (no DataFrame); they are the query API's series."""
    from newsgraph.query import dyad_series
    from newsgraph.serve.db import ReadOnlyStore

    data = client.get("/dyad/KEN/ETH.json", params=params).json()
    store = ReadOnlyStore(store_url_filled)
    try:
        frame = dyad_series(
            store,
            "KEN",
            "ETH",
            params.get("freq", "month"),  # type: ignore[arg-type]
            directed=params.get("directed") == "true",
            since=dt.date.fromisoformat(params["since"]) if "since" in params else None,
            until=dt.date.fromisoformat(params["until"]) if "until" in params else None,
        )
    finally:
        store.close()
    expected = frame_records(frame)
    for row in expected:
        if row["mean_score"] is not None:
            row["mean_score"] = round(row["mean_score"], 2)
    assert data["series"] == expected
    assert any(r["n_events"] for r in expected) or "since" in params


def test_serve_actor_page_returns_the_query_profile(client: Any, store_url_filled: str) -> None:
    from newsgraph.query import actor_profile
    from newsgraph.serve.db import ReadOnlyStore
    from newsgraph.serve.pages import PROFILE_ROWS

    found = client.get("/index.json").json()["actors"]
    checked = 0
    store = ReadOnlyStore(store_url_filled)
    try:
        for actor in found[:6]:
            data = client.get(f"/actor/{actor['id']}.json").json()
            profile = actor_profile(store, actor["name"], entity_id=actor["id"], limit=PROFILE_ROWS)
            assert data["events"] == frame_records(profile.events)
            assert data["roles"] == frame_records(profile.roles)
            assert [{**q, "document_id": None} for q in data["quotes"]] == [
                {**q, "document_id": None} for q in frame_records(profile.quotes)
            ]
            assert (data["n_events"], data["n_quotes"]) == (profile.n_events, profile.n_quotes)
            checked += bool(data["events"]) + bool(data["roles"]) + bool(data["quotes"])
    finally:
        store.close()
    assert checked >= 6
