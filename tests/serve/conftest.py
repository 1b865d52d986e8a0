"""Explorer fixtures: a store filled with the hand-built scenario plus a hostile article, opened
read-only, and an in-process client (no server, no browser)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from newsgraph.store import Store
from record_factory import scenario
from serve.hostile import hostile_record
from store.conftest import store_url


def fill(url: str, records: list[dict[str, Any]]) -> None:
    with Store(url) as store:
        for record in records:
            store.add(record)


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def store_url_filled(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> str:
    url = store_url(request.param, tmp_path_factory.mktemp("serve"))
    fill(url, [*scenario(), hostile_record()])
    return url


@pytest.fixture(scope="module")
def client(store_url_filled: str) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from newsgraph.serve.app import create_app
    from newsgraph.serve.db import ReadOnlyStore

    store = ReadOnlyStore(store_url_filled)
    with TestClient(create_app(store), base_url="http://127.0.0.1:8000") as test_client:
        yield test_client
    store.close()
