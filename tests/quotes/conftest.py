"""Fixtures for the quotes tests: annotate a text with spaCy, then run the quotes stage."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.model import Analysis, Entity, Quote

Analyse = Callable[..., Analysis]


@pytest.fixture(scope="session")
def analyse() -> Analyse:
    """Annotate `text` (one body paragraph per line), add `entities`, run QuoteStage."""
    from newsgraph.annotate import AnnotateStage
    from newsgraph.quotes import QuoteStage
    from newsgraph.settings import DEFAULT_SPACY_MODEL

    annotate, quotes = AnnotateStage(DEFAULT_SPACY_MODEL), QuoteStage()

    def run(text: str, entities: list[Entity] | None = None) -> Analysis:
        analysis = annotate(Analysis(id="test", text=text))
        analysis.entities = entities or []
        return quotes(analysis)

    return run


def quote_text(analysis: Analysis, quote: Quote) -> str:
    return analysis.text[quote.start : quote.end]
