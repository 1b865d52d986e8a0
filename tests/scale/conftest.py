"""A tiny corpus written to a temporary folder, and a clean pipeline cache for every test."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.scale import worker

from .helpers import ARTICLES, CORPUS


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    lines = [json.dumps(record) for record in CORPUS]
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def fresh_pipeline_cache() -> Iterator[None]:
    worker.clear_pipeline_cache()
    yield
    worker.clear_pipeline_cache()
