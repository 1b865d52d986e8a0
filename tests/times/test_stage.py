"""The time stage on a parsed document."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from newsgraph.annotate import AnnotateStage
from newsgraph.model import Analysis, Block, DocumentInfo
from newsgraph.settings import DEFAULT_SPACY_MODEL
from newsgraph.times import TimeStage

TEXT = (
    "Updated: Feb. 4, 2025 10:12 a.m.\n"
    "Chile's president met miners in Antofagasta on Monday.\n"
    "The union will strike on Friday, its leader said late last year."
)


def _analysis(published: dt.date | None) -> Analysis:
    first = TEXT.index("\n")
    second = TEXT.index("\n", first + 1)
    blocks = [
        Block(0, first, "dateline"),
        Block(first + 1, second, "body"),
        Block(second + 1, len(TEXT), "body"),
    ]
    info = DocumentInfo(published=published, blocks=blocks)
    return Analysis(id="s", text=TEXT, document=info)


@pytest.mark.model
def test_stage_keeps_only_analysed_sentences_and_reads_tense(nlp: Any) -> None:
    analysis = AnnotateStage(DEFAULT_SPACY_MODEL)(_analysis(dt.date(2025, 2, 4)))
    TimeStage()(analysis)
    found = [(TEXT[t.start : t.end], t.value, t.mod) for t in analysis.times]
    assert found == [
        ("Monday", "2025-02-03", None),
        ("Friday", "2025-02-07", None),
        ("late last year", "2024", "END"),
    ]
    assert [t.id for t in analysis.times] == ["T1", "T2", "T3"]


@pytest.mark.model
def test_stage_without_publication_date_leaves_relative_values_empty(nlp: Any) -> None:
    analysis = AnnotateStage(DEFAULT_SPACY_MODEL)(_analysis(None))
    TimeStage()(analysis)
    assert [t.value for t in analysis.times] == [None, None, None]
