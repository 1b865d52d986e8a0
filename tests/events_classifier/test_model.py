"""The shipped weights: size, labels, loading, and probabilities (no spaCy needed)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsgraph.errors import ResourceError
from newsgraph.events.classifier.model import (
    WEIGHTS_PATH,
    EventTypeClassifier,
    bucket,
    default_classifier,
)
from newsgraph.model import PLOVER_EVENT_TYPES

MAX_WEIGHTS_BYTES = 2_000_000


def test_model_weights_file_is_small() -> None:
    assert WEIGHTS_PATH.stat().st_size < MAX_WEIGHTS_BYTES


def test_model_loads_with_all_labels() -> None:
    # the load time is measured by benchmarks/bench_load.py (a budget, not a flaky assertion)
    classifier = EventTypeClassifier.load()
    assert classifier.labels == [None, *PLOVER_EVENT_TYPES]


def test_model_missing_weights_error_says_how_to_rebuild(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match=r"train\.py"):
        EventTypeClassifier.load(tmp_path / "absent.npz")


@pytest.mark.parametrize(
    "features",
    [{}, {"v=attack": 1.0}, {"v=praise": 1.0, "w=election": 0.5}, {"unknown-feature": 3.0}],
)
def test_model_predict_features_is_a_sorted_distribution(features: dict[str, float]) -> None:
    prediction = default_classifier().predict_features(features)
    probs = [p for _, p in prediction]
    assert len(prediction) == 1 + len(PLOVER_EVENT_TYPES)
    assert probs == sorted(probs, reverse=True)
    assert np.isclose(sum(probs), 1.0)


@pytest.mark.parametrize(
    ("features", "expected"),
    [
        ({"rootv=attack": 1.0, "v=attack": 1.0}, "ASSAULT"),
        ({"rootv=condemn": 1.0, "v=condemn": 1.0}, "ACCUSE"),
        ({"rootv=arrest": 1.0, "v=arrest": 1.0}, "COERCE"),
    ],
)
def test_model_verb_feature_moves_the_type(features: dict[str, float], expected: str) -> None:
    classifier = default_classifier()
    baseline = dict(classifier.predict_features({}))
    prediction = classifier.predict_features(features)
    best_type = next(label for label, _ in prediction if label is not None)
    assert best_type == expected
    assert dict(prediction)[expected] > 2 * baseline[expected]


@pytest.mark.parametrize("name", ["v=attack", "w=<GPE>", "vec0"])
def test_model_bucket_is_stable_and_in_range(name: str) -> None:
    assert bucket(name) == bucket(name)
    assert 0 <= bucket(name) < 1 << 20
