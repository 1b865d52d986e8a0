"""Accuracy gate: every figure pinned in baseline.json stays at or above its floor.

Runs on the shared gold data (../shared/evaldata, present in CI and for developers) and skips,
with a message, where it is absent. The floors hold for the data whose digest baseline.json pins;
`tests/gate/floors.py` raises them (never lowers) and lowers one only by name with a reason.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.evaluate.datasets import get_dataset
from newsgraph.evaluate.runner import run_evaluation

from .floors import DIGESTS, data_digest, load_baseline
from .floors import datasets as pinned_datasets

BASELINE = load_baseline()
DATASETS = pinned_datasets(BASELINE)

pytestmark = [pytest.mark.model, pytest.mark.evaldata]


@pytest.mark.parametrize("dataset", DATASETS)
def test_gate_figures_stay_above_their_floors(dataset: str, evaldata: Path) -> None:
    spec = get_dataset(dataset)
    path = evaldata / spec.default_path
    if not path.exists():
        pytest.skip(f"{path} is absent")
    assert data_digest(path) == BASELINE[DIGESTS][dataset], (
        f"{dataset}: the evaluation data changed since its floors were set; re-measure with "
        "tests/gate/floors.py and pin the new data with --pin-data --reason ..."
    )
    result = run_evaluation(dataset, path)
    figures = {m.name: m.value for m in result.score.metrics}
    assert not result.failed, [f.message for f in result.failed][:3]
    below = {
        name: (figures.get(name), floor)
        for name, floor in BASELINE[dataset].items()
        if figures.get(name) is None or figures[name] < floor  # type: ignore[operator]
    }
    assert not below, f"{dataset}: figures below their floors (value, floor): {below}"
