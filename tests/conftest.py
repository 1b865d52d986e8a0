"""Shared fixtures: the spaCy model is loaded once per session; shared evaluation data is optional."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parent.parent
SHARED_EVALDATA = REPO.parent / "shared" / "evaldata"


# CI runs property tests with a fixed seed, so a run is reproducible; locally they explore anew.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", default=False, help="run slow corpus tests")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip_slow = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip_slow)


@pytest.fixture(scope="session")
def nlp() -> Any:
    from newsgraph.annotate import load_spacy
    from newsgraph.settings import DEFAULT_SPACY_MODEL

    return load_spacy(DEFAULT_SPACY_MODEL)


@pytest.fixture(scope="session")
def pipeline() -> Any:
    """The full pipeline, built once (stages keep their models and data loaded)."""
    from newsgraph.pipeline import Pipeline
    from newsgraph.settings import Settings

    return Pipeline(Settings(db_url="sqlite:///:memory:"))


@pytest.fixture(scope="session")
def evaldata() -> Path:
    if not SHARED_EVALDATA.is_dir():
        pytest.skip("../shared/evaldata is absent (only CI and developers have it)")
    return SHARED_EVALDATA
