from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from newsgraph.evaluate.datasets import DATASETS, DatasetSpec
from newsgraph.evaluate.report import evaluate_all, render_report

from .helpers import FIXTURES, FakeAnalyzer


def _evaldata(tmp_path: Path) -> Path:
    """A fake evaluation data folder holding only the PLOVER and GeoWebNews fixtures."""
    root = tmp_path / "evaldata"
    for name, fixture in (
        ("plover-gsr", "plover_gsr_sample.json"),
        ("geowebnews", "gwn_sample.xml"),
    ):
        target = root / DATASETS[name].default_path
        target.parent.mkdir(parents=True)
        shutil.copy(FIXTURES / fixture, target)
    return root


def test_report_skips_absent_datasets_and_renders(tmp_path: Path) -> None:
    def analyzer_for(spec: DatasetSpec, path: Path) -> FakeAnalyzer:
        return FakeAnalyzer({}, ["annotate", "events"])

    report = evaluate_all(
        _evaldata(tmp_path), analyzer_for=analyzer_for, errors_dir=tmp_path / "errors"
    )
    assert [r.dataset for r in report.results] == ["plover-gsr", "geowebnews"]
    assert len(report.skipped) == 4 and all("absent, skipped" in line for line in report.skipped)
    assert (tmp_path / "errors" / "plover-gsr.errors.jsonl").is_file()
    text = render_report(report, date=dt.date(2026, 1, 2), commit="abc1234", limit=None)
    assert "- date: 2026-01-02" in text and "`abc1234`" in text
    assert "stage **places** is not built" in text  # geowebnews with no places stage
    assert "| event type hit rate | 0.000 | 3 | events |" in text  # built and measured: a real zero
    assert "| AGREE | 0.000 | 0.000 | 0.000 | 0 | 0 | 1 |" in text  # per-type table for plover-gsr
