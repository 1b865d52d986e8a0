"""A store filled with the hand-built cross-article scenario, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsgraph.store import Store
from record_factory import scenario
from store.conftest import store_url


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def filled(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """Filled once per module: the query and export tests only read."""
    with Store(store_url(request.param, tmp_path_factory.mktemp("store"))) as store:
        for record in scenario():
            store.add(record)
        yield store
