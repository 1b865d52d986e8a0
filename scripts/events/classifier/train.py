"""Train the event-type classifier and write its weights into the package.

Parses the corpus with spaCy, featurizes every sentence, fits a multinomial logistic regression
(numpy, full-batch Adam with L2, seeded), prints held-out accuracy and per-type F1 on the
frames held out by `make_corpus.py`, then refits on the whole corpus and saves the weights.

    python scripts/events/classifier/train.py [--corpus PATH] [--out PATH] [--no-save]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from newsgraph.annotate import load_spacy
from newsgraph.events.classifier.features import featurize
from newsgraph.events.classifier.model import HASH_BITS, NO_EVENT, WEIGHTS_PATH, bucket
from newsgraph.model import PLOVER_EVENT_TYPES
from newsgraph.settings import DEFAULT_SPACY_MODEL

CORPUS_PATH = WEIGHTS_PATH.parent / "corpus.jsonl"
LABELS = [NO_EVENT, *PLOVER_EVENT_TYPES]
SEED = 7
EPOCHS = 300  # full-batch steps; the loss is flat well before this on a 4k-sentence corpus
LEARNING_RATE = 0.05
L2 = 3e-4  # strong enough that frame-specific words do not dominate unseen phrasings
DENSE_NAME = re.compile(r"^m?vec\d+$")  # the context-vector features (see features.py)
PRUNE_BELOW = 1e-3  # weight rows whose largest absolute value is smaller are not stored


@dataclass
class Matrix:
    """A sparse design matrix in coordinate form (entries sorted by row) over compact columns.

    Products use `np.add.reduceat` over sorted segments, which is far faster than `np.add.at`.
    """

    rows: npt.NDArray[np.int64]
    cols: npt.NDArray[np.int64]
    vals: npt.NDArray[np.float64]
    n_rows: int

    def __post_init__(self) -> None:
        self.row_starts = np.flatnonzero(np.r_[True, self.rows[1:] != self.rows[:-1]])
        self.row_ids = self.rows[self.row_starts]
        self.by_col = np.argsort(self.cols, kind="stable")
        sorted_cols = self.cols[self.by_col]
        self.col_starts = np.flatnonzero(np.r_[True, sorted_cols[1:] != sorted_cols[:-1]])
        self.col_ids = sorted_cols[self.col_starts]

    def times(self, w: Any) -> Any:
        """X @ w."""
        out = np.zeros((self.n_rows, w.shape[1]))
        out[self.row_ids] = np.add.reduceat(self.vals[:, None] * w[self.cols], self.row_starts)
        return out

    def transpose_times(self, g: Any, n_cols: int) -> Any:
        """X.T @ g."""
        out = np.zeros((n_cols, g.shape[1]))
        contrib = (self.vals[:, None] * g[self.rows])[self.by_col]
        out[self.col_ids] = np.add.reduceat(contrib, self.col_starts)
        return out


def read_corpus(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@dataclass
class Featurized:
    """Sparse features keyed by hash bucket, plus the dense vector features in a matrix (they
    are in every row, so a dense product is far faster than treating them as sparse)."""

    sparse: list[dict[int, float]]
    dense: npt.NDArray[np.float64]
    dense_names: list[str]

    def subset(self, index: Any) -> Featurized:
        return Featurized([self.sparse[i] for i in index], self.dense[index], self.dense_names)


def featurize_all(texts: list[str]) -> Featurized:
    """Parse and featurize every sentence."""
    nlp = load_spacy(DEFAULT_SPACY_MODEL)
    sparse: list[dict[int, float]] = []
    dense_rows: list[dict[str, float]] = []
    for doc in nlp.pipe(texts, batch_size=256):
        hashed: dict[int, float] = {}
        vector: dict[str, float] = {}
        for name, value in featurize(doc[:]).items():
            if DENSE_NAME.match(name):
                vector[name] = value
                continue
            key = bucket(name)
            hashed[key] = hashed.get(key, 0.0) + value
        sparse.append(hashed)
        dense_rows.append(vector)
    names = sorted({name for row in dense_rows for name in row})
    dense = np.array([[row.get(name, 0.0) for name in names] for row in dense_rows])
    return Featurized(sparse, dense.reshape(len(texts), len(names)), names)


def to_matrix(feats: list[dict[int, float]], columns: dict[int, int]) -> Matrix:
    """The sparse part as a `Matrix` over the given bucket -> column map."""
    rows, cols, vals = [], [], []
    for i, hashed in enumerate(feats):
        for key, value in hashed.items():
            col = columns.get(key)
            if col is not None:
                rows.append(i)
                cols.append(col)
                vals.append(value)
    return Matrix(np.array(rows), np.array(cols), np.array(vals, dtype=np.float64), len(feats))


@dataclass
class Params:
    """Weights for the sparse columns, the dense columns, and the bias."""

    w: Any
    d: Any
    b: Any


def scores(x: Matrix, dense: Any, p: Params) -> Any:
    return x.times(p.w) + dense @ p.d + p.b


def softmax(z: Any) -> Any:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit(x: Matrix, dense: Any, y: npt.NDArray[np.int64], n_cols: int) -> Params:
    """Full-batch Adam on mean cross-entropy + L2 (not on the bias)."""
    rng = np.random.default_rng(SEED)
    k = len(LABELS)
    p = Params(rng.normal(0.0, 1e-3, (n_cols, k)), np.zeros((dense.shape[1], k)), np.zeros(k))
    onehot = np.eye(k)[y]
    moments = [(np.zeros_like(a), np.zeros_like(a)) for a in (p.w, p.d, p.b)]
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, EPOCHS + 1):
        grad_z = (softmax(scores(x, dense, p)) - onehot) / x.n_rows
        grads = (
            L2 * p.w + x.transpose_times(grad_z, n_cols),
            L2 * p.d + dense.T @ grad_z,
            grad_z.sum(axis=0),
        )
        for param, grad, (m, v) in zip((p.w, p.d, p.b), grads, moments, strict=True):
            m *= beta1
            m += (1 - beta1) * grad
            v *= beta2
            v += (1 - beta2) * grad * grad
            param -= (
                LEARNING_RATE * (m / (1 - beta1**step)) / (np.sqrt(v / (1 - beta2**step)) + eps)
            )
    return p


def report(y_true: npt.NDArray[np.int64], y_pred: npt.NDArray[np.int64]) -> None:
    """Accuracy, macro-F1 over the 16 types plus None, and per-label P/R/F1."""
    print(f"held-out accuracy {np.mean(y_true == y_pred):.3f} on {len(y_true)} sentences")
    f1s = []
    for index, label in enumerate(LABELS):
        tp = int(np.sum((y_pred == index) & (y_true == index)))
        fp = int(np.sum((y_pred == index) & (y_true != index)))
        fn = int(np.sum((y_pred != index) & (y_true == index)))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        f1s.append(f1)
        print(f"  {label:<10} P {p:.2f}  R {r:.2f}  F1 {f1:.2f}  (n={tp + fn})")
    print(f"macro-F1 {np.mean(f1s):.3f}")


def train(feats: Featurized, y: npt.NDArray[np.int64]) -> tuple[list[int], Params]:
    """Fit on these rows; returns (sorted sparse bucket ids, parameters)."""
    keys = sorted({key for hashed in feats.sparse for key in hashed})
    columns = {key: i for i, key in enumerate(keys)}
    return keys, fit(to_matrix(feats.sparse, columns), feats.dense, y, len(keys))


def predict(keys: list[int], p: Params, feats: Featurized) -> Any:
    columns = {key: i for i, key in enumerate(keys)}
    return scores(to_matrix(feats.sparse, columns), feats.dense, p).argmax(axis=1)


def save(path: Path, keys: list[int], p: Params, dense_names: list[str]) -> None:
    """Write only the buckets that matter: sparse rows above PRUNE_BELOW plus the dense rows
    under their names' buckets (rows that share a bucket are summed, as at inference)."""
    rows: dict[int, Any] = {}
    for key, row in zip(keys, p.w, strict=True):
        if np.abs(row).max() >= PRUNE_BELOW:
            rows[key] = row
    for name, row in zip(dense_names, p.d, strict=True):
        key = bucket(name)
        rows[key] = rows.get(key, 0.0) + row
    ordered = sorted(rows)
    np.savez_compressed(
        path,
        labels=np.array(LABELS),
        buckets=np.array(ordered, dtype=np.int32),
        weights=np.array([rows[key] for key in ordered], dtype=np.float16),
        bias=p.b.astype(np.float32),
        hash_bits=np.array(HASH_BITS),
    )
    print(
        f"saved {len(ordered)} of {len(keys) + len(dense_names)} feature rows to {path} "
        f"({path.stat().st_size / 1e6:.2f} MB)"
    )


def macro_f1(y_true: npt.NDArray[np.int64], y_pred: npt.NDArray[np.int64]) -> float:
    f1s = []
    for index in range(len(LABELS)):
        tp = int(np.sum((y_pred == index) & (y_true == index)))
        wrong = int(np.sum((y_pred == index) != (y_true == index)))
        f1s.append(2 * tp / (2 * tp + wrong) if tp else 0.0)
    return float(np.mean(f1s))


def cross_validate(rows: list[dict[str, Any]], feats: Featurized, y: Any, k: int) -> None:
    """K folds over frames (every frame's sentences in one fold): a steadier estimate of how
    the model does on unseen phrasings than the single held-out split."""
    frames = sorted({row["frame"] for row in rows})
    np.random.default_rng(SEED).shuffle(frames)
    fold_of = {frame: i % k for i, frame in enumerate(frames)}
    folds = np.array([fold_of[row["frame"]] for row in rows])
    predicted = np.zeros_like(y)
    for fold in range(k):
        train_idx, test_idx = np.flatnonzero(folds != fold), np.flatnonzero(folds == fold)
        keys, params = train(feats.subset(train_idx), y[train_idx])
        predicted[test_idx] = predict(keys, params, feats.subset(test_idx))
    print(
        f"{k}-fold CV by frame: accuracy {np.mean(predicted == y):.3f}, "
        f"macro-F1 {macro_f1(y, predicted):.3f} over {len(y)} sentences"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS_PATH)
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    parser.add_argument("--no-save", action="store_true", help="only report held-out scores")
    parser.add_argument("--cv", type=int, default=0, help="also run K-fold CV grouped by frame")
    args = parser.parse_args()
    rows = read_corpus(args.corpus)
    started = time.perf_counter()
    feats = featurize_all([row["text"] for row in rows])
    print(f"featurized {len(rows)} sentences in {time.perf_counter() - started:.1f} s")
    y = np.array([LABELS.index(row["event_type"] or NO_EVENT) for row in rows])
    is_test = np.array([row["split"] == "test" for row in rows])
    train_idx, test_idx = np.flatnonzero(~is_test), np.flatnonzero(is_test)
    keys, params = train(feats.subset(train_idx), y[train_idx])
    report(y[test_idx], predict(keys, params, feats.subset(test_idx)))
    if args.cv:
        cross_validate(rows, feats, y, args.cv)
    if args.no_save:
        return
    keys, params = train(feats, y)
    save(args.out, keys, params, feats.dense_names)


if __name__ == "__main__":
    main()
