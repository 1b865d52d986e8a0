"""The fast paths (dense context vectors, many spans in one product) give what `featurize` gives."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from newsgraph.events.classifier import default_classifier, featurize

ARTICLE = (
    "Kenya Sends Troops To Somali Border\n"
    "Kenya deployed two battalions to the border on Monday. "
    "The defence minister said the troops would stay until the spring. "
    "Heavy rain closed the main road north of Garissa."
)
TOLERANCE = 1e-9


def _reference(span: Any) -> Any:
    """Probabilities from the named features, the way the weights were trained."""
    return default_classifier().probabilities(featurize(span))


@pytest.mark.model
def test_batch_probabilities_match_named_features(nlp: Any) -> None:
    doc = nlp(ARTICLE)
    spans = list(doc.sents)
    assert len(spans) >= 3
    batch = default_classifier().batch_probabilities(spans)
    assert batch.shape == (len(spans), len(default_classifier().labels))
    for row, span in zip(batch, spans, strict=True):
        assert np.allclose(row, _reference(span), atol=TOLERANCE)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["Police Fire Tear Gas At Protesters In Lima", "The army did not attack the town."],
)
def test_span_probabilities_match_named_features(nlp: Any, text: str) -> None:
    span = nlp(text)[:]
    classifier = default_classifier()
    probabilities = classifier.span_probabilities(span)
    expected = _reference(span)
    assert np.isclose(sum(probabilities.values()), 1.0)
    for index, label in enumerate(classifier.labels):
        assert probabilities[label] == pytest.approx(expected[index], abs=TOLERANCE)


def test_batch_of_no_spans_is_empty() -> None:
    assert default_classifier().batch_span_probabilities([]) == []


def test_batch_rows_stay_aligned_around_a_span_with_no_known_feature() -> None:
    """A tokenizer-only Doc (no lemmas, no vectors): only two-word spans carry the one
    feature this tiny model knows (the bigram of two empty lemmas), so the one-word span in
    the middle has no known feature at all and must score the bias alone."""
    import spacy

    from newsgraph.events.classifier import EventTypeClassifier
    from newsgraph.events.classifier.model import bucket

    bigram_weight = 2.0
    classifier = EventTypeClassifier(
        ["NONE", "ASSAULT"],
        np.asarray([bucket("b=_")], dtype=np.int64),
        np.asarray([[0.0, bigram_weight]], dtype=np.float32),
        np.zeros(2, dtype=np.float32),
    )
    doc = spacy.blank("en")("rebels attacked convoys near the border")
    spans = [doc[0:2], doc[2:3], doc[3:5]]
    batch = classifier.batch_probabilities(spans)
    known = np.exp(0.5 * bigram_weight) / (1 + np.exp(0.5 * bigram_weight))  # bag weight 0.5
    assert batch[:, 1] == pytest.approx([known, 0.5, known])
    for row, span in zip(batch, spans, strict=True):
        assert np.allclose(row, classifier.probabilities(featurize(span)), atol=TOLERANCE)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked the convoy and rebels attacked the town again.",  # repeated bigrams
        "a_b c and a b_c: user_name posted again",  # two bigrams named b=a_b_c
        "Kenya Sends Troops To Somali Border",  # read as a headline
    ],
)
def test_span_rows_are_the_named_features_rows(nlp: Any, text: str) -> None:
    """The batch reads the bag's weight rows without building feature names: the same rows,
    values and order as the named features give, every name known to the model."""
    from newsgraph.events.classifier import EventTypeClassifier
    from newsgraph.events.classifier.features import sparse_features
    from newsgraph.events.classifier.model import bucket

    span = nlp(text)[:]
    names = list(sparse_features(span)[0])
    buckets = sorted({bucket(name) for name in names})
    classifier = EventTypeClassifier(
        ["NONE", "ASSAULT"],
        np.asarray(buckets, dtype=np.int64),
        np.arange(2 * len(buckets), dtype=np.float32).reshape(len(buckets), 2),
        np.zeros(2, dtype=np.float32),
    )
    expected_rows: list[int] = []
    expected_values: list[float] = []
    classifier._feature_rows(sparse_features(span)[0], expected_rows, expected_values)
    for _ in range(2):  # the second time from the remembered rows
        rows: list[int] = []
        values: list[float] = []
        classifier._span_rows(span, rows, values)
        assert (rows, values) == (expected_rows, expected_values)
    assert len(expected_rows) == len(names)
