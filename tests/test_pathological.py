"""Small pathological inputs that once took minutes finish well within the per-document budget.

Each runs through the full pipeline with a budget of `BUDGET` seconds: before the fixes each took
several times that (digits in the time stage, “” pairs and emoji in the parse, a repeated sentence
in quotes) and would come back as `too_slow`. Sizes are smaller than in benchmarks/, where
bench_pathological.py times the full-size inputs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from newsgraph.ingest import analysis_from_text
from newsgraph.pipeline import Pipeline

pytestmark = pytest.mark.model

BUDGET = 60.0
SENTENCE = "The minister said the talks in Geneva would resume on Monday. "

CASES: dict[str, Callable[[], str]] = {
    "digits": lambda: "Talks resumed. " + "".join(str(i % 10) for i in range(40_000)) + "\n",
    "quote-pairs": lambda: "The minister said " + "“”" * 3_000 + " on Monday.\n",
    "emoji": lambda: "Crowds cheered in Lagos. " + "😀🎉🇳🇬" * 1_200 + "\n",
    "repeated-sentence": lambda: SENTENCE * 800,
    "repeated-quote": lambda: "“We will not back down,” the minister said in Lima. " * 600,
}


@pytest.fixture(scope="module")
def budgeted(pipeline: Any) -> Iterator[Pipeline]:
    """The session's pipeline under a per-document budget (restored afterwards)."""
    from newsgraph.budget import DocumentBudget

    saved = pipeline.budget
    pipeline.budget = DocumentBudget(BUDGET)
    yield pipeline
    pipeline.budget = saved


@pytest.mark.parametrize("name", sorted(CASES))
def test_pathological_input_finishes_within_the_budget(budgeted: Pipeline, name: str) -> None:
    text = CASES[name]()
    analysis = budgeted.run(analysis_from_text(text, id=name))
    assert analysis.error is None, analysis.error
    assert analysis.completed[-1] == "event_dating"
    if name.startswith("repeated"):
        assert analysis.events or analysis.quotes
