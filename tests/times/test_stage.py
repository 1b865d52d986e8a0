"""The time stage on a parsed document."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from newsgraph.annotate import AnnotateStage
from newsgraph.model import Analysis, Block, DocumentInfo, Span
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


DATE_LINE_STORIES = [
    (
        "Ferry sinks off Sulawesi\nMarch 14, 2019\nA ferry sank today off Sulawesi, officials said.",
        "today",
        "2019-03-14",
    ),
    (
        "Strike halts Antwerp port\n2 October 2022\nDockers walked out on Friday over pensions.",
        "Friday",
        "2022-09-30",
    ),
]


@pytest.mark.parametrize(("text", "expression", "value"), DATE_LINE_STORIES)
def test_stage_reads_a_date_line_when_no_publication_date(
    text: str, expression: str, value: str
) -> None:
    analysis = Analysis(id="d", text=text, document=DocumentInfo(published=None))
    TimeStage()(analysis)
    found = {text[t.start : t.end]: t.value for t in analysis.times}
    assert found[expression] == value


def test_stage_date_line_must_stand_alone() -> None:
    text = "Talks end\nThe accord of March 14, 2019 was signed today in Lima."
    analysis = Analysis(id="d", text=text, document=DocumentInfo(published=None))
    TimeStage()(analysis)
    assert {text[t.start : t.end]: t.value for t in analysis.times}["today"] is None


def test_stage_publication_date_beats_a_date_line() -> None:
    text = "Floods in Sylhet\nJune 1, 2022\nRivers rose today."
    analysis = Analysis(id="d", text=text, document=DocumentInfo(published=dt.date(2022, 6, 2)))
    TimeStage()(analysis)
    assert {text[t.start : t.end]: t.value for t in analysis.times}["today"] == "2022-06-02"


@pytest.mark.parametrize(
    ("published", "value"),
    [
        (dt.date(2023, 5, 10), "2023-05-08"),
        (dt.date(2023, 5, 9), "2023-05-08"),
        (None, "2023-05-08"),
    ],
)
def test_stage_yesterday_counts_from_the_dateline_day(
    published: dt.date | None, value: str
) -> None:
    """A feed stamped a day late: "yesterday" is the day before the story was filed."""
    text = "LUSAKA, May 9 (Wire) - Miners marched through Kitwe yesterday."
    info = DocumentInfo(published=published, dateline=Span(0, len("LUSAKA, May 9 (Wire) - ")))
    analysis = Analysis(id="d", text=text, document=info)
    TimeStage()(analysis)
    found = {text[t.start : t.end]: t.value for t in analysis.times}
    assert found["yesterday"] == (value if published is not None else None)


def test_stage_dateline_far_from_publication_is_not_the_reference() -> None:
    text = "LUSAKA, May 9 (Wire) - Miners marched through Kitwe yesterday."
    info = DocumentInfo(published=dt.date(2023, 7, 1), dateline=Span(0, 23))
    analysis = Analysis(id="d", text=text, document=info)
    TimeStage()(analysis)
    assert {text[t.start : t.end]: t.value for t in analysis.times}["yesterday"] == "2023-06-30"
