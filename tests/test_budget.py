"""The per-document budget: a document over it gets a too_slow error record, the batch goes on."""

from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import dataclass

import pytest

from newsgraph.budget import DocumentBudget, OverBudget, resident_mb
from newsgraph.errors import ConfigError
from newsgraph.model import Analysis
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings, load_settings


@dataclass
class SlowOn:
    """A stage that spins (pure Python) or sleeps on documents whose text holds `marker`."""

    marker: str
    how: str = "spin"
    name: str = "slow"
    requires: frozenset[str] = frozenset()
    provides: frozenset[str] = frozenset()

    def __call__(self, analysis: Analysis) -> Analysis:
        if self.marker in analysis.text:
            end = time.monotonic() + 30
            while time.monotonic() < end:
                if self.how == "sleep":
                    time.sleep(1)
                else:
                    # a stage's own broad handler must not swallow the budget
                    with contextlib.suppress(Exception):
                        sum(range(10_000))
        return analysis


@dataclass
class Stamp:
    name: str = "stamp"
    requires: frozenset[str] = frozenset()
    provides: frozenset[str] = frozenset()

    def __call__(self, analysis: Analysis) -> Analysis:
        analysis.diagnostics = []
        return analysis


def _pipeline(seconds: float, *stages: object) -> Pipeline:
    pipeline = Pipeline(Settings(db_url="sqlite:///:memory:", document_seconds=seconds), stages=[])
    pipeline.stages = list(stages)  # type: ignore[arg-type]
    return pipeline


def _docs() -> list[Analysis]:
    texts = ["Talks in Lima ended.", "A stuck document.", "Rain in Accra."]
    return [Analysis(id=f"d{i}", text=t) for i, t in enumerate(texts)]


@pytest.mark.parametrize("how", ["spin", "sleep"])
def test_budget_slow_document_is_too_slow_and_the_batch_goes_on(how: str) -> None:
    pipeline = _pipeline(0.5, SlowOn("stuck", how), Stamp())
    started = time.monotonic()
    results = list(pipeline.run_many(_docs()))
    assert time.monotonic() - started < 10
    assert [r.error.kind if r.error else None for r in results] == [None, "too_slow", None]
    assert "'slow'" in results[1].error.message  # type: ignore[union-attr]
    assert "NEWSGRAPH_DOCUMENT_SECONDS" in results[1].error.message  # type: ignore[union-attr]
    assert results[0].completed == ["slow", "stamp"] and results[2].completed == ["slow", "stamp"]


def test_budget_off_the_main_thread_is_checked_between_stages() -> None:
    @dataclass
    class Pause:
        name: str = "pause"
        requires: frozenset[str] = frozenset()
        provides: frozenset[str] = frozenset()

        def __call__(self, analysis: Analysis) -> Analysis:
            if "stuck" in analysis.text:
                time.sleep(0.6)
            return analysis

    pipeline = _pipeline(0.3, Pause(), Stamp())
    results: list[Analysis] = []
    worker = threading.Thread(target=lambda: results.extend(pipeline.run_many(_docs())))
    worker.start()
    worker.join(timeout=30)
    assert [r.error.kind if r.error else None for r in results] == [None, "too_slow", None]
    assert "stamp" not in results[1].completed


def test_budget_zero_means_no_limit_and_leaves_no_timer() -> None:
    budget = DocumentBudget(0, 0)
    assert not budget.active
    with budget.watch() as started:
        budget.check(started - 1e6)
    import signal

    with DocumentBudget(5).watch():
        assert signal.getitimer(signal.ITIMER_REAL) != (0.0, 0.0)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_budget_memory_ceiling_is_reported() -> None:
    used = resident_mb()
    if used is None:
        pytest.skip("no /proc/self/statm here")
    with pytest.raises(OverBudget, match="NEWSGRAPH_DOCUMENT_MEMORY_MB"):
        DocumentBudget(memory_mb=1).check(time.monotonic())


def test_budget_settings_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_DOCUMENT_SECONDS", "2.5")
    monkeypatch.setenv("NEWSGRAPH_DOCUMENT_MEMORY_MB", "4096")
    settings = load_settings()
    assert (settings.document_seconds, settings.document_memory_mb) == (2.5, 4096)
    monkeypatch.setenv("NEWSGRAPH_DOCUMENT_SECONDS", "-1")
    with pytest.raises(ConfigError, match="0 or more"):
        load_settings()
