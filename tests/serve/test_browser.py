"""The explorer in a real browser (Debian's chromium driven by Playwright).

One store filled from examples/ by the real pipeline (plus one hostile article), one server per
session, one browser per session. Skips with a message where Playwright or chromium is absent
(.ci/run installs chromium). Set NEWSGRAPH_SCREENSHOT=docs/explorer.png to refresh the README's
screenshot.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from serve.hostile import SCRIPT, hostile_record

REPO = Path(__file__).resolve().parents[2]
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")

pytestmark = [pytest.mark.model, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


def chromium_path() -> str:
    configured = os.environ.get("NEWSGRAPH_CHROMIUM")
    found = configured or next((p for p in map(shutil.which, CHROMIUM_NAMES) if p), None)
    if not found:
        pytest.skip("browser tests need chromium (apt-get install chromium; .ci/run does it)")
    return found


class Server:
    """uvicorn in a thread on a free local port."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the explorer did not start")
            time.sleep(0.02)
        self.base = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def example_store(pipeline: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
    from newsgraph.export import to_record
    from newsgraph.ingest import read_inputs
    from newsgraph.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('explorer') / 'examples.sqlite'}"
    with Store(url) as store:
        examples = os.path.relpath(REPO / "examples")  # document keys as a user would see them
        for analysis in pipeline.run_many(read_inputs([examples])):
            store.add(to_record(analysis))
        store.add(hostile_record())
    return url


@pytest.fixture(scope="session")
def servers(example_store: str) -> Iterator[dict[str, Server]]:
    from newsgraph.serve.app import create_app
    from newsgraph.serve.db import ReadOnlyStore

    store = ReadOnlyStore(example_store)
    open_server = Server(create_app(store))
    token_server = Server(create_app(store, token="browser-test-token-0123456789"))
    yield {"open": open_server, "token": token_server}
    open_server.stop()
    token_server.stop()
    store.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("browser tests need the playwright package (pip install playwright)")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield launched
        launched.close()


class Watched:
    """A page whose every request is recorded; requests to other hosts are blocked."""

    def __init__(self, browser: Any, base: str) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 860})
        self.base = base
        self.outside: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on(
            "response", lambda r: r.status >= 400 and self.failed.append(f"{r.status} {r.url}")
        )

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(self.base + "/") or url.startswith("data:"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def goto(self, path: str) -> Any:
        response = self.page.goto(self.base + path)
        return response

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def web(browser: Any, servers: dict[str, Server]) -> Iterator[Watched]:
    watched = Watched(browser, servers["open"].base)
    yield watched
    watched.close()


def _json(web: Watched, path: str) -> Any:
    return web.page.request.get(web.base + path).json()


def test_browser_every_page_loads_from_this_host_only(web: Watched) -> None:
    home = _json(web, "/index.json")
    clusters = _json(web, "/events.json?sort=reports")["clusters"]
    paths = [
        "/",
        f"/article/{home['documents'][0]['id']}",
        "/events",
        f"/event/{clusters[0]['cluster_id']}",
        f"/actor/{home['actors'][0]['id']}",
        "/network",
        "/map",
        "/search?q=talks",
        "/openapi.json",
    ]
    dyad = next(c for c in clusters if c["actor_country"] and c["recipient_country"])
    paths.append(f"/dyad/{dyad['actor_country']}/{dyad['recipient_country']}")
    for path in paths:
        response = web.goto(path)
        assert response.status == 200, path
    assert web.outside == []
    assert web.failed == []
    assert web.errors == []  # a CSP violation or script error shows here


def test_browser_click_article_event_actor_dyad(web: Watched) -> None:
    web.goto("/events?sort=reports")
    link = web.page.locator("a.cluster-link").first
    link.click()
    web.page.wait_for_url("**/event/*")
    assert web.page.locator("h1").inner_text().startswith("Event #")
    web.page.locator("a.evidence-link").first.click()  # the article, with this event selected
    web.page.wait_for_url("**/article/*#V*")
    assert web.page.locator("#article-text mark.m-trigger.active").count() > 0
    web.page.locator("#side a.cluster-link").first.click()
    web.page.wait_for_url("**/event/*")
    web.page.locator("a.actor-link").first.click()
    web.page.wait_for_url("**/actor/*")
    assert web.page.locator("h1.actor-name").inner_text()
    dyad = web.page.locator("a.dyad-link")
    if dyad.count() == 0:  # this actor has no cross-border partner: take one that has
        web.goto("/events")
        dyad = web.page.locator("a.dyad-link")
    dyad.first.click()
    web.page.wait_for_url("**/dyad/*/*")
    web.page.locator("a.period-link").first.click()
    web.page.wait_for_url("**/dyad/*/*/*")
    assert web.page.locator("a.cluster-link").count() > 0
    assert web.outside == [] and web.errors == []


MARKS_IN_DOM = """() => {
  const root = document.getElementById('article-text');
  return Array.from(root.querySelectorAll('mark')).map(m => {
    const range = document.createRange();
    range.setStart(root, 0);
    range.setEndBefore(m);
    return {offset: range.toString().length, text: m.textContent, start: +m.dataset.start,
            end: +m.dataset.end, span: m.dataset.span, kind: m.dataset.kind, ref: m.dataset.ref};
  });
}"""


def test_browser_highlighted_spans_match_record_offsets(web: Watched) -> None:
    home = _json(web, "/index.json")
    busiest = max(home["documents"], key=lambda d: d["n_events"] + d["n_quotes"])
    data = _json(web, f"/article/{busiest['id']}.json")
    text = data["text"]
    web.goto(f"/article/{busiest['id']}")
    shown = web.page.evaluate(MARKS_IN_DOM)
    assert web.page.locator("#article-text").text_content() == text
    for m in shown:
        assert m["offset"] == m["start"], m
        assert m["text"] == text[m["start"] : m["end"]], m
    pieces: dict[tuple[str, str, str], list[tuple[int, int]]] = {}
    for m in shown:
        pieces.setdefault((m["span"], m["kind"], m["ref"]), []).append((m["start"], m["end"]))
    expected = {(f"{m['start']}-{m['end']}", m["kind"], m["ref"]) for m in data["marks"]}
    assert set(pieces) == expected
    for (span, _, _), parts in pieces.items():  # the pieces of a span cover exactly that span
        start, end = map(int, span.split("-"))
        covered = sorted(parts)
        assert covered[0][0] == start and covered[-1][1] == end
        assert all(a[1] == b[0] for a, b in itertools.pairwise(covered))
    record_spans = {(e["start"], e["end"]) for v in data["entities"] for e in v["mentions"]}
    assert record_spans <= {(m["start"], m["end"]) for m in data["marks"] if m["kind"] == "entity"}
    event = data["events"][0]
    web.page.locator(f'#side .item[data-ref="{event["id"]}"]').click()
    active = web.page.evaluate(
        "() => Array.from(document.querySelectorAll('#article-text mark.active')).map(m => m.dataset.kind)"
    )
    assert "evidence" in active and set(active) == {
        m["kind"] for m in data["marks"] if m["ref"] == event["id"]
    }
    shot = os.environ.get("NEWSGRAPH_SCREENSHOT")
    if shot:
        web.page.set_viewport_size({"width": 1100, "height": 640})
        web.page.evaluate("() => window.scrollTo(0, 0)")
        web.page.screenshot(path=shot)


def test_browser_hostile_text_is_inert(web: Watched) -> None:
    hit = _json(web, "/search.json?q=stole+election")["results"][0]
    for path in [
        f"/article/{hit['document_id']}",
        "/",
        "/search?q=stole+election",
        "/events?country=ZAF",
    ]:
        web.goto(path)
        assert web.page.evaluate("() => window.__pwned === undefined"), path
        assert web.page.locator("script").count() == 1, path  # only the explorer's own
        assert web.page.locator("main img").count() == 0, path
    web.goto(f"/article/{hit['document_id']}")
    assert SCRIPT in web.page.locator("#article-text").inner_text()
    assert "Mbeki<script>" in web.page.locator("h1").inner_text()
    assert web.outside == []


def test_browser_token_required_off_localhost(browser: Any, servers: dict[str, Server]) -> None:
    guarded = Watched(browser, servers["token"].base)
    try:
        refused = guarded.goto("/events")
        assert refused.status == 401
        assert "token" in guarded.page.content()
        assert guarded.page.request.get(guarded.base + "/events.json").status == 401
        bearer = guarded.page.request.get(
            guarded.base + "/events.json",
            headers={"Authorization": "Bearer browser-test-token-0123456789"},
        )
        assert bearer.status == 200
        opened = guarded.goto("/events?token=browser-test-token-0123456789&type=CONSULT")
        assert opened.status == 200
        query = urllib.parse.urlparse(guarded.page.url).query
        assert "token" not in query and "type=CONSULT" in query
        guarded.page.locator("a.cluster-link").first.click()  # the cookie carries on
        guarded.page.wait_for_url("**/event/*")
        assert guarded.page.locator("h1").inner_text().startswith("Event #")
        wrong = guarded.page.request.get(
            guarded.base + "/events.json", headers={"Authorization": "Bearer wrong-token-123456789"}
        )
        assert wrong.status in (200, 401)  # the cookie from above may still be sent
    finally:
        guarded.close()
    fresh = Watched(browser, servers["token"].base)
    try:
        wrong = fresh.page.request.get(
            fresh.base + "/events.json", headers={"Authorization": "Bearer wrong-token-123456789"}
        )
        assert wrong.status == 401
    finally:
        fresh.close()
