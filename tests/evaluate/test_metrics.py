from __future__ import annotations

import pytest

from newsgraph.evaluate.metrics import PRF, micro, per_label_prf, ratio


@pytest.mark.parametrize(
    ("prf", "precision", "recall", "f1"),
    [
        (PRF(tp=1, fp=3, fn=0), 0.25, 1.0, 0.4),  # precision and recall differ: a swap fails
        (PRF(tp=2, fp=0, fn=2), 1.0, 0.5, 2 / 3),
        (PRF(tp=0, fp=0, fn=5), 0.0, 0.0, 0.0),  # nothing predicted scores 0, not undefined
        (PRF(tp=0, fp=0, fn=0), 0.0, 0.0, 0.0),
    ],
)
def test_metrics_prf_ratios(prf: PRF, precision: float, recall: float, f1: float) -> None:
    assert prf.precision == pytest.approx(precision)
    assert prf.recall == pytest.approx(recall)
    assert prf.f1 == pytest.approx(f1)


@pytest.mark.parametrize(("hits", "support", "value"), [(3, 4, 0.75), (0, 4, 0.0), (0, 0, None)])
def test_metrics_ratio_is_none_without_support(
    hits: int, support: int, value: float | None
) -> None:
    assert ratio("m", hits, support, "events").value == value


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        (
            [({"AGREE"}, {"AGREE", "CONSULT"}), ({"ASSAULT"}, set()), ({"AGREE"}, {"PROTEST"})],
            {
                "AGREE": PRF(1, 0, 1),
                "CONSULT": PRF(0, 1, 0),
                "ASSAULT": PRF(0, 0, 1),
                "PROTEST": PRF(0, 1, 0),
            },
        )
    ],
)
def test_metrics_per_label_prf_counts(
    pairs: list[tuple[set[str], set[str]]], expected: dict[str, PRF]
) -> None:
    per_type = per_label_prf(pairs)
    assert per_type == expected
    assert micro(per_type) == PRF(1, 2, 2)
