"""Accuracy gate: every figure pinned in baseline.json stays at or above its floor.

Runs on the shared gold data (../shared/evaldata, present in CI and for developers) and skips,
with a message, where it is absent. A floor is lowered only on purpose, in its own commit.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluate.datasets import get_dataset
from newsgraph.evaluate.runner import run_evaluation

BASELINE = json.loads((Path(__file__).parent / "baseline.json").read_text(encoding="utf-8"))
DATASETS = [name for name in BASELINE if not name.startswith("_")]

pytestmark = [pytest.mark.model, pytest.mark.evaldata]


@pytest.mark.parametrize("dataset", DATASETS)
def test_gate_figures_stay_above_their_floors(dataset: str, evaldata: Path) -> None:
    spec = get_dataset(dataset)
    path = evaldata / spec.default_path
    if not path.exists():
        pytest.skip(f"{path} is absent")
    result = run_evaluation(dataset, path)
    figures = {m.name: m.value for m in result.score.metrics}
    assert not result.failed, [f.message for f in result.failed][:3]
    below = {
        name: (figures.get(name), floor)
        for name, floor in BASELINE[dataset].items()
        if figures.get(name) is None or figures[name] < floor  # type: ignore[operator]
    }
    assert not below, f"{dataset}: figures below their floors (value, floor): {below}"
