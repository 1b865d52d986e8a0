"""The accuracy gate's floors: pinned to a digest of the data they were measured on.

    python tests/gate/floors.py            measure, show each figure beside its floor
    python tests/gate/floors.py --raise    raise every floor the figures now allow; refuses (exit 1)
                                           while any figure is below its floor
    python tests/gate/floors.py --lower DATASET:METRIC=VALUE --reason TEXT
                                           lower one floor on purpose; the reason is kept in
                                           baseline.json beside it
    python tests/gate/floors.py --pin-data --reason TEXT
                                           the evaluation data changed: pin its new digest

A floor sits MARGIN under the measured figure, rounded down to two decimals, so only a real
regression trips it. Nothing here lowers a floor unless asked by name with a reason.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from pathlib import Path
from typing import Any

BASELINE_PATH = Path(__file__).with_name("baseline.json")
DIGESTS = "_data_sha256"
LOWERED = "_lowered"
MARGIN = 0.01
"""How far under the measured figure a raised floor sits."""

Baseline = dict[str, Any]


def load_baseline(path: Path = BASELINE_PATH) -> Baseline:
    data: Baseline = json.loads(path.read_text(encoding="utf-8"))
    return data


def save_baseline(baseline: Baseline, path: Path = BASELINE_PATH) -> None:
    path.write_text(json.dumps(baseline, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def datasets(baseline: Baseline) -> list[str]:
    return [name for name in baseline if not name.startswith("_")]


def data_digest(path: Path) -> str:
    """SHA-256 over a dataset's files: their paths (relative to it) and bytes, in sorted order."""
    digest = hashlib.sha256()
    root = path.parent if path.is_file() else path
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for file in files:
        digest.update(file.relative_to(root).as_posix().encode() + b"\0")
        digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()


def floor_for(value: float) -> float:
    """The floor a measured figure allows: MARGIN under it, rounded down to two decimals."""
    return math.floor(round((value - MARGIN) * 100, 6)) / 100


def raised(baseline: Baseline, figures: dict[str, dict[str, float]]) -> tuple[Baseline, list[str]]:
    """Floors raised to what the figures allow, never lowered; and the figures below a floor."""
    result = json.loads(json.dumps(baseline))
    below: list[str] = []
    for dataset in datasets(baseline):
        for metric, floor in baseline[dataset].items():
            value = figures.get(dataset, {}).get(metric)
            if value is None or value < floor:
                below.append(f"{dataset}: {metric} = {value} is below its floor {floor}")
            else:
                result[dataset][metric] = max(floor, floor_for(value))
    return result, below


def lowered(baseline: Baseline, target: str, value: float, reason: str) -> Baseline:
    """One floor lowered on purpose, with the reason recorded beside the floors."""
    dataset, _, metric = target.partition(":")
    if dataset not in datasets(baseline) or metric not in baseline[dataset]:
        raise ValueError(f"no floor {target!r}; floors: {sorted(_names(baseline))}")
    if not reason.strip():
        raise ValueError("lowering a floor needs --reason")
    if value >= baseline[dataset][metric]:
        raise ValueError(f"{target} is {baseline[dataset][metric]}; use --raise to raise floors")
    result = json.loads(json.dumps(baseline))
    result[dataset][metric] = value
    result.setdefault(LOWERED, []).append(
        {"floor": target, "from": baseline[dataset][metric], "to": value, "reason": reason}
    )
    return result


def _names(baseline: Baseline) -> list[str]:
    return [f"{d}:{m}" for d in datasets(baseline) for m in baseline[d]]


def digest_problems(baseline: Baseline, evaldata: Path) -> list[str]:
    """Datasets whose data differs from the data their floors were measured on."""
    from newsgraph.evaluate.datasets import get_dataset

    problems = []
    for dataset in datasets(baseline):
        path = evaldata / get_dataset(dataset).default_path
        pinned = baseline.get(DIGESTS, {}).get(dataset)
        if path.exists() and data_digest(path) != pinned:
            problems.append(f"{dataset}: data at {path} differs from the pinned digest")
    return problems


def measure(baseline: Baseline, evaldata: Path) -> dict[str, dict[str, float]]:
    from newsgraph.evaluate.datasets import get_dataset
    from newsgraph.evaluate.runner import run_evaluation

    figures: dict[str, dict[str, float]] = {}
    for dataset in datasets(baseline):
        result = run_evaluation(dataset, evaldata / get_dataset(dataset).default_path)
        figures[dataset] = {m.name: m.value for m in result.score.metrics if m.value is not None}
    return figures


def main(argv: list[str] | None = None) -> int:
    from newsgraph.evaluate.datasets import evaldata_root

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raise", dest="raise_", action="store_true")
    parser.add_argument("--lower", metavar="DATASET:METRIC=VALUE")
    parser.add_argument("--pin-data", action="store_true")
    parser.add_argument("--reason", default="")
    parser.add_argument("--evaldata", type=Path, default=None)
    args = parser.parse_args(argv)
    evaldata = args.evaldata or evaldata_root()
    baseline = load_baseline()
    if args.lower:
        target, _, value = args.lower.rpartition("=")
        save_baseline(lowered(baseline, target, float(value), args.reason))
        return 0
    if args.pin_data:
        if not args.reason.strip():
            print("pinning new evaluation data needs --reason", file=sys.stderr)
            return 1
        digests = {d: data_digest(evaldata / _path(d)) for d in datasets(baseline)}
        baseline[DIGESTS] = digests
        baseline[DIGESTS + "_reason"] = args.reason
        save_baseline(baseline)
        return 0
    problems = digest_problems(baseline, evaldata)
    if problems:
        print("\n".join(problems) + "\n(re-measure, then --pin-data --reason ...)", file=sys.stderr)
        return 1
    figures = measure(baseline, evaldata)
    for name in _names(baseline):
        dataset, _, metric = name.partition(":")
        value = figures[dataset].get(metric)
        shown = "missing" if value is None else f"{value:.4f}"
        print(f"{name:<60} {shown:>8}  floor {baseline[dataset][metric]}")
    if args.raise_:
        new, below = raised(baseline, figures)
        if below:
            print("refusing to raise while figures are below their floors:", file=sys.stderr)
            print("\n".join(below), file=sys.stderr)
            return 1
        save_baseline(new)
    return 0


def _path(dataset: str) -> Path:
    from newsgraph.evaluate.datasets import get_dataset

    return get_dataset(dataset).default_path


if __name__ == "__main__":
    raise SystemExit(main())
