"""A multinomial logistic regression over hashed features: the event-type classifier.

Weights live in `data/weights.npz` next to this module (written by
`scripts/events/classifier/train.py`). Only the hash buckets seen in training are stored, as
sorted bucket ids plus one float16 weight row per bucket, so the file stays well under 2 MB and
loads in milliseconds. Inference is numpy only.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from newsgraph.errors import ResourceError
from newsgraph.events.classifier.features import (
    HEADLINE,
    MEAN_VECTOR,
    ROOT_VECTOR,
    VECTOR_SCALE,
    Columns,
    bag_of,
    bag_weight,
    token_columns,
    verb_features,
)

WEIGHTS_PATH = Path(__file__).resolve().parent / "data" / "weights.npz"
HASH_BITS = 20  # 1M buckets: collisions are rare for the ~50k features a corpus produces
NO_EVENT = "NONE"
"""The label of the no-event class in the weights file; `predict` reports it as None."""
PROPOSE_THRESHOLD = 0.9
"""Probability above which the classifier alone may propose an event no trigger matched."""

MAX_VECTOR_WIDTH = 512  # context-vector components looked up at load (the parser's are 96 wide)
K = TypeVar("K", str, tuple[str, str])
"""A bag feature's key: a word or a pair of words."""

UNKNOWN_ROW = -1  # `_row_of` has not looked this name up yet (None: looked up, not in training)
ROW_CACHE = 1 << 16  # feature names whose weight row is remembered: words and bigrams repeat

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
        self.column = {label: i for i, label in enumerate(self.labels)}
        """Label → its column in `batch_probabilities`' rows."""
        self._rows = {int(b): i for i, b in enumerate(buckets.tolist())}
        self._weights = weights.astype(np.float64)
        self._bias = bias.astype(np.float64)
        self._row_of: dict[str, int | None] = {}
        """Feature name → weight row (None: unseen in training), filled as names come up."""
        self._word_row: dict[str, int | None] = {}
        """Bag word → the weight row of its "w=" feature, as `_row_of` (no name is built)."""
        self._pair_row: dict[tuple[str, str], int | None] = {}
        """Bag bigram → the weight row of its "b=" feature, as `_row_of`."""
        self._root_vector = self._dense_rows(ROOT_VECTOR)
        self._mean_vector = self._dense_rows(MEAN_VECTOR)

    def _dense_rows(self, prefix: str) -> npt.NDArray[np.float64]:
        """The weight rows of one context vector's components as a matrix (zero where a
        component was pruned), so a span's vectors cost one product instead of ~200 lookups."""
        matrix = np.zeros((MAX_VECTOR_WIDTH, len(self.labels)), dtype=np.float64)
        for i in range(MAX_VECTOR_WIDTH):
            row = self._rows.get(bucket(f"{prefix}{i}"))
            if row is not None:
                matrix[i] = self._weights[row]
        return VECTOR_SCALE * matrix

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

    def _feature_rows(
        self, features: Mapping[str, float], rows: list[int], values: list[float]
    ) -> None:
        """Append the weight rows (and values) of the features seen in training."""
        row_of = self._row_of
        if len(row_of) > ROW_CACHE:
            row_of.clear()
        known = row_of.get
        add_row, add_value = rows.append, values.append
        for name, value in features.items():
            row = known(name, UNKNOWN_ROW)
            if row is None:
                continue
            if row == UNKNOWN_ROW:
                row = row_of[name] = self._rows.get(bucket(name))
                if row is None:
                    continue
            add_row(row)
            add_value(value)

    def _span_rows(
        self, span: Any, rows: list[int], values: list[float], c: Columns | None = None
    ) -> int:
        """`_feature_rows` of `sparse_features(span)`, in the same order with the same values,
        without building the bag's feature names; returns the root verb's token number. `c`:
        the span's Doc's `token_columns`, when the caller has them."""
        if c is None:
            c = token_columns(span.doc)
        start, end = span.start, span.end
        features, root = verb_features(c, start, end)
        self._feature_rows(features, rows, values)
        words, headline = bag_of(c, start, end)
        weight = bag_weight(headline)
        unique = dict.fromkeys(words)  # the "w=" names in first-seen order, as the dict has them
        word_row, pair_row = self._word_row, self._pair_row
        if len(word_row) > ROW_CACHE or len(pair_row) > ROW_CACHE:
            word_row.clear()
            pair_row.clear()
        self._remembered_rows(unique, word_row, _word_feature, weight, rows, values)
        if "_" in "".join(unique):
            # Two bigrams may then share a name ("a_b c", "a b_c"): one feature, as named.
            bigrams = {f"b={left}_{right}": weight for left, right in pairwise(words)}
            self._feature_rows(bigrams, rows, values)
        else:
            pairs = dict.fromkeys(pairwise(words))
            self._remembered_rows(pairs, pair_row, _pair_feature, weight, rows, values)
        if headline:
            self._feature_rows({HEADLINE: 1.0}, rows, values)
        return root

    def _remembered_rows(
        self,
        keys: Iterable[K],
        memo: dict[K, int | None],
        name: Callable[[K], str],
        weight: float,
        rows: list[int],
        values: list[float],
    ) -> None:
        """Each key's weight row (by its feature `name`, looked up once per key in `memo`, with
        None for a feature not seen in training), added with `weight`."""
        known_rows = self._rows
        for key in keys:
            row = memo.get(key, UNKNOWN_ROW)
            if row == UNKNOWN_ROW:
                row = memo[key] = known_rows.get(bucket(name(key)))
            if row is not None:
                rows.append(row)
                values.append(weight)

    def probabilities(
        self, features: Mapping[str, float], vectors: tuple[Any, Any] | None = None
    ) -> npt.NDArray[np.float64]:
        """Class probabilities (in `self.labels` order) for named feature values and, when
        given, a span's (root, mean) context vectors."""
        rows: list[int] = []
        values: list[float] = []
        self._feature_rows(features, rows, values)
        scores = self._bias
        if rows:
            scores = scores + np.asarray(values) @ self._weights[rows]
        if vectors is not None and len(vectors[0]) <= len(self._root_vector):
            root_vector, mean_vector = vectors
            scores = scores + root_vector @ self._root_vector[: len(root_vector)]
            scores = scores + mean_vector @ self._mean_vector[: len(mean_vector)]
        exp = np.exp(scores - scores.max())
        result: npt.NDArray[np.float64] = exp / exp.sum()
        return result

    def batch_probabilities(self, spans: Sequence[Any]) -> npt.NDArray[np.float64]:
        """Class probabilities of many spans, one row each: the same as `probabilities` of
        their features, with one matrix product for all instead of one per span."""
        rows: list[int] = []
        values: list[float] = []
        starts: list[int] = []
        filled: list[int] = []  # the spans with a feature seen in training
        roots: list[Any] = []
        totals: list[Any] = []  # each span's summed vectors, divided by `sizes` all at once
        sizes: list[int] = []
        with_vectors: list[int] = []
        doc: Any = None
        tensor: Any = None
        columns: Columns | None = None
        for index, span in enumerate(spans):
            if span.doc is not doc:  # a batch's spans share a Doc but for re-parsed headlines
                doc = span.doc
                tensor = doc.tensor
                columns = token_columns(doc)
                if tensor is not None and getattr(tensor, "size", 0) == 0:
                    tensor = None  # as `span_vectors`: no vectors from an empty tensor
            start = len(rows)
            root = self._span_rows(span, rows, values, columns)
            if len(rows) > start:  # reduceat needs strictly increasing starts
                starts.append(start)
                filled.append(index)
            if tensor is not None:  # `span_vectors`, the mean's division left for later
                with_vectors.append(index)
                roots.append(tensor[root])
                totals.append(np.add.reduce(tensor[span.start : span.end]))
                sizes.append(span.end - span.start)
        scores = np.empty((len(spans), len(self._bias)))
        scores[:] = self._bias  # each row the bias (as `np.repeat`, without its wrapper)
        if rows:
            # `take` of an index array: the same rows as `_weights[rows]`, without the list
            # conversion and the fancy-indexing set-up
            taken = np.fromiter(rows, np.intp, len(rows))
            weighted = self._weights.take(taken, axis=0) * np.asarray(values)[:, None]
            sums = np.add.reduceat(weighted, starts, axis=0)
            if len(filled) == len(spans):
                scores += sums
            else:
                scores[filled] += sums
        if with_vectors and len(roots[0]) <= len(self._root_vector):
            # Wider vectors come from another pipeline than the one trained on: left out.
            width = len(roots[0])
            root_scores = np.asarray(roots) @ self._root_vector[:width]
            mean_scores = _means(totals, sizes) @ self._mean_vector[:width]
            if len(with_vectors) == len(spans):
                scores += root_scores
                scores += mean_scores
            else:
                scores[with_vectors] += root_scores
                scores[with_vectors] += mean_scores
        # the ufuncs' own reductions: what `max` and `sum` call, without their Python wrappers
        exp = np.exp(scores - np.maximum.reduce(scores, axis=1, keepdims=True))
        result: npt.NDArray[np.float64] = exp / np.add.reduce(exp, axis=1, keepdims=True)
        return result

    def predict_features(self, features: Mapping[str, float]) -> Prediction:
        """Every label with its probability, most probable first; None means no event."""
        return self._ranked(self.probabilities(features))

    def _ranked(self, probs: npt.NDArray[np.float64]) -> Prediction:
        order = np.argsort(-probs, kind="stable")
        return [(self.labels[i], float(probs[i])) for i in order]

    def span_probabilities(self, span: Any) -> dict[str | None, float]:
        """Every label's probability for a spaCy Span (what `featurize` would give, faster)."""
        return self.batch_span_probabilities([span])[0]

    def batch_span_probabilities(self, spans: Sequence[Any]) -> list[dict[str | None, float]]:
        """Every label's probability for each of many spans, in order."""
        if not spans:
            return []
        return [
            dict(zip(self.labels, row, strict=True))
            for row in self.batch_probabilities(spans).tolist()
        ]

    def predict(self, span: Any) -> Prediction:
        """Every label with its probability for a spaCy Span, most probable first."""
        return sorted(self.span_probabilities(span).items(), key=lambda item: -item[1])

    def probability(self, span: Any, event_type: str | None) -> float:
        """How probable one type (None: no event) is for a span: to confirm a lexicon trigger."""
        return self.span_probabilities(span)[event_type]

    def propose(self, span: Any, threshold: float = PROPOSE_THRESHOLD) -> tuple[str, float] | None:
        """The best event type if it alone passes `threshold` (for spans no trigger matched)."""
        label, prob = self.predict(span)[0]
        return (label, prob) if label is not None and prob >= threshold else None


def _means(totals: list[Any], sizes: list[int]) -> Any:
    """The spans' mean vectors as rows, each `total / size` as `span_vectors` divides it (in
    the vectors' own precision): one division for all when they share a precision."""
    stacked = np.asarray(totals)
    if all(total.dtype == stacked.dtype for total in totals):
        return stacked / np.asarray(sizes, dtype=stacked.dtype)[:, None]
    return np.asarray([total / size for total, size in zip(totals, sizes, strict=True)])


def _word_feature(word: str) -> str:
    return f"w={word}"


def _pair_feature(pair: tuple[str, str]) -> str:
    return f"b={pair[0]}_{pair[1]}"


@lru_cache(maxsize=1)
def default_classifier() -> EventTypeClassifier:
    """The shipped classifier, loaded once per process."""
    return EventTypeClassifier.load()
