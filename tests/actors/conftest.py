"""Shared helpers for the actors tests: run annotate + actors on a short text, or the whole
pipeline on a few stories."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsgraph.actors import ActorStage
from newsgraph.annotate import AnnotateStage
from newsgraph.model import Analysis
from newsgraph.settings import DEFAULT_SPACY_MODEL

PEOPLE: list[dict[str, Any]] = [
    {
        "id": "test:laila-mansour",
        "name": "Laila Mansour",
        "type": "PERSON",
        "aliases": ["Umm Karim"],
        "roles": [
            {
                "title": "opposition leader",
                "country": "LBN",
                "sector": "OPP",
                "start": "2015-01-01",
                "end": "2023-05-01",
            },
            {
                "title": "president",
                "country": "LBN",
                "sector": "GOV",
                "start": "2023-05-01",
                "end": None,
            },
        ],
    },
    {
        "id": "test:blue-crescent",
        "name": "Blue Crescent Brigades",
        "type": "ORG",
        "aliases": ["BCB"],
        "country": "LBN",
        "sector": "REB",
    },
    {"id": "test:wirepix", "name": "Wirepix", "type": "ORG", "is_agency": True},
    {
        "id": "test:miners-front",
        "name": "Highland Miners' Front",
        "type": "ORG",
        "country": "BOL",
        "sector": "REB",
    },
    {
        "id": "test:sahel-concord",
        "name": "Sahel Concord Council",
        "type": "ORG",
        "aliases": ["SCC"],
        "country": "IGO",
        "sector": "IGO",
        "code": "IGOSCC",
    },
]
"""Invented actors, so the tests do not depend on what the built-in knowledge base ships."""


@pytest.fixture(scope="session")
def kb_file(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = Path(tmp_path_factory.mktemp("kb")) / "people.json"
    path.write_text(json.dumps(PEOPLE), encoding="utf-8")
    return str(path)


Analyse = Callable[..., Analysis]


@pytest.fixture(scope="session")
def analyse(kb_file: str) -> Analyse:
    annotate = AnnotateStage(DEFAULT_SPACY_MODEL)
    actors = ActorStage(kb_paths=[kb_file])

    def run(text: str, published: dt.date | None = dt.date(2024, 6, 1)) -> Analysis:
        analysis = Analysis(id="t", text=text)
        analysis.document.published = published
        return actors(annotate(analysis))

    return run


def analyse_stories(
    pipeline: Any, folder: Path, stories: dict[str, tuple[str, str]]
) -> dict[str, Analysis]:
    """Each story (id: (headline, body)) analysed by the whole pipeline, read from one feed file
    as `newsgraph extract` reads it."""
    from newsgraph.ingest import read_inputs

    path = folder / "stories.jsonl"
    path.write_text(
        "".join(
            json.dumps(
                {
                    "id": key,
                    "title": title,
                    "text": body,
                    "published": "2025-03-04",
                    "url": f"https://wire.example/{key}",
                }
            )
            + "\n"
            for key, (title, body) in stories.items()
        ),
        encoding="utf-8",
    )
    return {a.id: a for a in pipeline.run_many(read_inputs([str(path)]))}
