from __future__ import annotations

import pytest

from newsgraph.evaluate.spans import (
    LabeledSpan,
    best_phrase,
    content_tokens,
    match_spans,
    phrases_overlap,
    span_prf,
)

S = LabeledSpan


@pytest.mark.parametrize(
    ("gold", "predicted", "exact", "expected"),
    [
        ([S(0, 10)], [S(2, 10)], False, (1, 0, 0)),  # overlap counts
        ([S(0, 10)], [S(2, 10)], True, (0, 1, 1)),  # exact does not
        ([S(0, 10)], [S(10, 12)], False, (0, 1, 1)),  # touching is not overlapping
        ([S(0, 10)], [S(0, 4), S(5, 10)], False, (1, 1, 0)),  # one-to-one: a gold span counts once
        ([S(0, 4), S(5, 10)], [S(0, 10)], False, (1, 0, 1)),
    ],
)
def test_spans_span_prf_overlap_and_exact(
    gold: list[LabeledSpan],
    predicted: list[LabeledSpan],
    exact: bool,
    expected: tuple[int, int, int],
) -> None:
    prf = span_prf(gold, predicted, exact=exact)
    assert (prf.tp, prf.fp, prf.fn) == expected


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        # the better overlap wins the shared predicted span
        ([S(0, 5), S(0, 20)], [S(0, 20)], [(1, 0)]),
        ([S(0, 5), S(0, 20)], [S(0, 5), S(0, 20)], [(0, 0), (1, 1)]),
    ],
)
def test_spans_match_spans_prefers_best_overlap(
    gold: list[LabeledSpan], predicted: list[LabeledSpan], expected: list[tuple[int, int]]
) -> None:
    assert match_spans(gold, predicted) == expected


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("U.S. ... negotiators", "U.S.", True),
        ("Chilean students", "the students", True),
        ("the government", "The Government of Chile", True),
        ("Chilean students", "the government", False),
        ("the army", "of the", False),  # stopwords alone never match
        ("Côte d'Ivoire", "Cote d'Ivoire", True),
    ],
)
def test_spans_phrases_overlap(gold: str, predicted: str, expected: bool) -> None:
    assert phrases_overlap(gold, predicted) is expected


@pytest.mark.parametrize(("text", "tokens"), [("U.S.A.", {"usa"}), ("The Hague", {"hague"})])
def test_spans_content_tokens_normalise(text: str, tokens: set[str]) -> None:
    assert content_tokens(text) == tokens


@pytest.mark.parametrize(
    ("gold", "candidates", "expected"),
    [
        ("Israeli soldiers", ["Israeli", "Israeli soldiers"], 1),
        ("Israeli", ["Israeli soldiers", "Israeli"], 1),
        ("Hamas", ["Israeli", "soldiers"], None),
    ],
)
def test_spans_best_phrase_prefers_closest(
    gold: str, candidates: list[str], expected: int | None
) -> None:
    assert best_phrase(gold, candidates) == expected
