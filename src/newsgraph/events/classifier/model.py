"""A multinomial logistic regression over hashed features: the event-type classifier.

Weights live in `data/weights.npz` next to this module (written by
`scripts/events/classifier/train.py`). Only the hash buckets seen in training are stored, as
sorted bucket ids plus one float16 weight row per bucket, so the file stays well under 2 MB and
loads in milliseconds. Inference is numpy only.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from newsgraph.errors import ResourceError
from newsgraph.events.classifier.features import featurize

WEIGHTS_PATH = Path(__file__).resolve().parent / "data" / "weights.npz"
HASH_BITS = 20  # 1M buckets: collisions are rare for the ~50k features a corpus produces
NO_EVENT = "NONE"
"""The label of the no-event class in the weights file; `predict` reports it as None."""
PROPOSE_THRESHOLD = 0.9
"""Probability above which the classifier alone may propose an event no trigger matched."""

Prediction = list[tuple[str | None, float]]


def bucket(name: str) -> int:
    """A feature name's hash bucket; crc32 is stable across processes, unlike `hash`."""
    return zlib.crc32(name.encode("utf-8")) & ((1 << HASH_BITS) - 1)


class EventTypeClassifier:
    """Scores a sentence or clause for the 16 PLOVER types and "no event"."""

    def __init__(
        self,
        labels: list[str],
        buckets: npt.NDArray[np.int64],
        weights: npt.NDArray[np.float32],
        bias: npt.NDArray[np.float32],
    ) -> None:
        self.labels: list[str | None] = [None if lab == NO_EVENT else lab for lab in labels]
        self._rows = {int(b): i for i, b in enumerate(buckets.tolist())}
        self._weights = weights
        self._bias = bias

    @classmethod
    def load(cls, path: Path = WEIGHTS_PATH) -> EventTypeClassifier:
        """Read the shipped weights (or another file written by the training script)."""
        if not path.is_file():
            raise ResourceError(
                f"event classifier weights {path} are missing: run "
                "`python scripts/events/classifier/train.py` to rebuild them"
            )
        with np.load(path, allow_pickle=False) as data:
            if int(data["hash_bits"]) != HASH_BITS:
                raise ResourceError(
                    f"{path} was trained with {int(data['hash_bits'])} hash bits, this code uses "
                    f"{HASH_BITS}: retrain with scripts/events/classifier/train.py"
                )
            return cls(
                [str(label) for label in data["labels"]],
                data["buckets"].astype(np.int64),
                data["weights"].astype(np.float32),
                data["bias"].astype(np.float32),
            )

    def probabilities(self, features: Mapping[str, float]) -> npt.NDArray[np.float64]:
        """Class probabilities (in `self.labels` order) for named feature values."""
        rows: list[int] = []
        values: list[float] = []
        for name, value in features.items():
            row = self._rows.get(bucket(name))
            if row is not None:
                rows.append(row)
                values.append(value)
        scores = self._bias.astype(np.float64)
        if rows:
            scores = scores + np.asarray(values) @ self._weights[rows]
        scores -= scores.max()
        exp = np.exp(scores)
        result: npt.NDArray[np.float64] = exp / exp.sum()
        return result

    def predict_features(self, features: Mapping[str, float]) -> Prediction:
        """Every label with its probability, most probable first; None means no event."""
        probs = self.probabilities(features)
        order = np.argsort(-probs, kind="stable")
        return [(self.labels[i], float(probs[i])) for i in order]

    def predict(self, span: Any) -> Prediction:
        """Every label with its probability for a spaCy Span, most probable first."""
        return self.predict_features(featurize(span))

    def probability(self, span: Any, event_type: str | None) -> float:
        """How probable one type (None: no event) is for a span: to confirm a lexicon trigger."""
        probs = self.probabilities(featurize(span))
        return float(probs[self.labels.index(event_type)])

    def propose(self, span: Any, threshold: float = PROPOSE_THRESHOLD) -> tuple[str, float] | None:
        """The best event type if it alone passes `threshold` (for spans no trigger matched)."""
        label, prob = self.predict(span)[0]
        return (label, prob) if label is not None and prob >= threshold else None


@lru_cache(maxsize=1)
def default_classifier() -> EventTypeClassifier:
    """The shipped classifier, loaded once per process."""
    return EventTypeClassifier.load()
