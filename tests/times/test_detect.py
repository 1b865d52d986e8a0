"""Table-driven tests of time expression detection and normalisation (expressions.tsv)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.model import TimeExpr
from newsgraph.times import find_times
from newsgraph.times.detect import Candidate, Detected, _select

TABLE = Path(__file__).with_name("expressions.tsv")


@dataclass(frozen=True)
class Row:
    sentence: str
    reference: dt.date | None
    text: str
    type: str
    value: str | None
    mod: str | None


def _rows() -> list[Row]:
    rows: list[Row] = []
    for line in TABLE.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sentence, reference, text, type_, value, mod = line.split("\t")
        ref = None if reference == "none" else dt.date.fromisoformat(reference)
        rows.append(Row(sentence, ref, text, type_, value or None, mod or None))
    return rows


ROWS = _rows()


def _find(exprs: list[TimeExpr], sentence: str, text: str) -> TimeExpr | None:
    return next((e for e in exprs if sentence[e.start : e.end] == text), None)


def test_detect_table_is_large_enough() -> None:
    assert len(ROWS) >= 150


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.text}@{r.reference}" for r in ROWS])
def test_detect_expression_from_table(row: Row) -> None:
    exprs = find_times(row.sentence, row.reference)
    found = _find(exprs, row.sentence, row.text)
    assert found is not None, [row.sentence[e.start : e.end] for e in exprs]
    assert (found.type, found.value, found.mod) == (row.type, row.value, row.mod)


@pytest.mark.parametrize(
    "sentence",
    [
        "A 27-year-old man was detained at the border.",
        "She won a second term in office.",
        "Analysts say the governor may resign.",
        "The A320 jet landed safely.",
        "The budget rose by 35% to $2019 million.",
        "March organisers said thousands would attend.",
        "He scored 1,998 votes in the first round.",
    ],
)
def test_detect_ignores_non_temporal_words(sentence: str) -> None:
    assert find_times(sentence, dt.date(2025, 2, 4)) == []


def test_detect_ids_follow_text_order() -> None:
    sentence = "On Feb. 2 the envoy left; last week talks stalled; tomorrow they resume."
    exprs = find_times(sentence, dt.date(2025, 2, 4))
    assert [e.id for e in exprs] == ["T1", "T2", "T3"]
    assert [e.start for e in exprs] == sorted(e.start for e in exprs)


def test_detect_two_years_in_a_range() -> None:
    sentence = "Deliveries will run between 2014 and 2016."
    values = [e.value for e in find_times(sentence, dt.date(2012, 5, 1))]
    assert values == ["2014", "2016"]


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Rains flooded the capital today.", "today"),
        ("The vote was held last Tuesday.", "last Tuesday"),
        ("In March, the central bank raised rates.", "March"),
        ("The blast occurred at 10:30 a.m. in the market.", "10:30 a.m."),
        ("The storm hit on Feb. 2. The dam collapsed the previous day.", "the previous day"),
    ],
)
def test_detect_without_reference_never_invents_a_date(sentence: str, text: str) -> None:
    found = _find(find_times(sentence, None), sentence, text)
    assert found is not None
    if text == "the previous day":
        # No publication date, but the text named Feb. 2 without a year: nothing to count from.
        assert found.value is None
    else:
        assert found.value is None


def _select_by_scan(candidates: list[Candidate]) -> list[Candidate]:
    """`_select` as first written: each candidate against every chosen one."""
    chosen: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.priority, c.start)):
        if all(cand.end <= other.start or other.end <= cand.start for other in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


@given(
    st.lists(
        st.tuples(st.integers(0, 60), st.integers(0, 12), st.integers(0, 5)),
        max_size=40,
    )
)
def test_select_by_binary_search_chooses_what_the_scan_chose(
    spans: list[tuple[int, int, int]],
) -> None:
    candidates = [Candidate(start, start + width, priority) for start, width, priority in spans]
    assert _select(candidates) == _select_by_scan(candidates)


DATELINE_ARTICLES = [
    "NAIROBI, Kenya (AP) — Kenya's parliament voted on Tuesday to extend the curfew by two weeks."
    " The day before, police said protests would resume next month. Talks are set for March 3.",
    "GENEVA (Reuters) - Negotiators met this morning and will meet again tomorrow at 10 a.m.;"
    " a deal is expected within three days, a year after the last round ended in May.",
    "Updated: Officials said yesterday that the count, which began last week, ends on Friday.",
]


@pytest.mark.parametrize("text", DATELINE_ARTICLES)
def test_detect_detected_normalises_from_each_day_as_find_times_does(text: str) -> None:
    detected = Detected(text)
    for day in (None, dt.date(2024, 3, 1), dt.date(2023, 12, 31), dt.date(2025, 7, 15)):
        first, again = detected.times(day), detected.times(day)
        assert first == find_times(text, day) == again
        assert all(a is not b for a, b in zip(first, again, strict=True))
