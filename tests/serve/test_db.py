"""The explorer opens the store read-only, bounds query time, and guards its address."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from newsgraph.errors import ConfigError
from newsgraph.serve.command import check_token
from newsgraph.serve.db import ReadOnlyStore

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

SLOW = {
    "sqlite": "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000000) "
    "SELECT count(*) FROM n",
    "postgresql": "SELECT pg_sleep(2)",
}


def test_serve_store_is_read_only(store_url_filled: str) -> None:
    store = ReadOnlyStore(store_url_filled)
    try:
        with pytest.raises(DBAPIError), store.engine.begin() as conn:
            conn.execute(text("DELETE FROM quotes"))
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM quotes")).scalar()
    finally:
        store.close()


def test_serve_store_interrupts_costly_queries(store_url_filled: str) -> None:
    store = ReadOnlyStore(store_url_filled, query_seconds=0.2)
    try:
        with pytest.raises(DBAPIError) as caught, store.engine.connect() as conn:
            conn.execute(text(SLOW[store.engine.dialect.name])).all()
        assert store.is_timeout(caught.value)
        with store.engine.connect() as conn:  # the connection is usable afterwards
            assert conn.execute(text("SELECT 1")).scalar() == 1
    finally:
        store.close()


def test_serve_costly_request_answers_503(store_url_filled: str, monkeypatch: Any) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.serve import pages
    from newsgraph.serve.app import create_app

    store = ReadOnlyStore(store_url_filled, query_seconds=0.2)

    def slow_search(*_: Any) -> dict[str, Any]:
        with store.engine.connect() as conn:
            conn.execute(text(SLOW[store.engine.dialect.name])).all()
        return {}

    monkeypatch.setattr(pages, "search", slow_search)
    try:
        client = TestClient(create_app(store), base_url="http://127.0.0.1")
        response = client.get("/search.json", params={"q": "x"})
        assert response.status_code == 503 and "narrow" in response.json()["error"]
    finally:
        store.close()


@pytest.mark.parametrize("url", ["sqlite:////nonexistent/dir/store.sqlite", "sqlite:///:memory:"])
def test_serve_store_must_exist(url: str) -> None:
    with pytest.raises(ConfigError):
        ReadOnlyStore(url)


@pytest.mark.parametrize(
    ("host", "token", "outcome"),
    [
        ("127.0.0.1", None, None),
        ("localhost", None, None),
        ("0.0.0.0", None, ConfigError),
        ("192.168.1.20", None, ConfigError),
        ("0.0.0.0", "short", ConfigError),
        ("0.0.0.0", "a-long-enough-token-1234", "a-long-enough-token-1234"),
        ("0.0.0.0", "bad token with spaces ok?", ConfigError),
    ],
)
def test_serve_token_needed_off_localhost(host: str, token: str | None, outcome: Any) -> None:
    if outcome is ConfigError:
        with pytest.raises(ConfigError):
            check_token(host, token)
    else:
        assert check_token(host, token) == outcome


def test_serve_auto_token_is_random() -> None:
    first, second = check_token("0.0.0.0", "auto"), check_token("0.0.0.0", "auto")
    assert first and second and first != second and len(first) >= 24


def test_serve_token_checked_on_every_request(store_url_filled: str) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.serve.app import create_app

    store = ReadOnlyStore(store_url_filled)
    token = "test-token-abcdefghijklmnop"
    try:
        client = TestClient(create_app(store, token=token), base_url="http://192.0.2.1")
        for path in ["/", "/events.json", "/static/explorer.css", "/openapi.json"]:
            assert client.get(path).status_code == 401, path
        auth = {"Authorization": f"Bearer {token}"}
        assert client.get("/events.json", headers=auth).status_code == 200
        link = client.get("/events?token=" + token + "&type=CONSULT", follow_redirects=False)
        assert link.status_code == 303 and link.headers["location"] == "/events?type=CONSULT"
        assert "HttpOnly" in link.headers["set-cookie"]
        assert client.get("/events.json").status_code == 200  # the cookie now
        client.cookies.clear()
        assert client.get("/events.json?token=wrong-token-abcdefghij").status_code == 401
    finally:
        store.close()


def test_serve_token_link_redirects_only_to_this_server() -> None:
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from newsgraph.serve.security import Guard

    token = "test-token-abcdefghijklmnop"
    sent: list[dict[str, Any]] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        raise AssertionError("the token link must redirect before reaching the app")

    async def receive() -> dict[str, Any]:
        return {"type": "http.request"}

    async def send(message: Any) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "path": "//evil.example/x",
        "query_string": f"token={token}".encode(),
        "headers": [(b"host", b"192.0.2.1")],
    }
    with ThreadPoolExecutor(1) as pool:  # its own event loop (the browser tests may run one)
        pool.submit(asyncio.run, Guard(app, token)(scope, receive, send)).result()
    headers = dict(sent[0]["headers"])
    assert sent[0]["status"] == 303 and headers[b"location"] == b"/evil.example/x"
