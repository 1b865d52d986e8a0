from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsgraph.errors import ConfigError, InputError
from newsgraph.evaluate.render import markdown
from newsgraph.evaluate.runner import run_evaluation

from .helpers import FIXTURES, FakeAnalyzer, event, participant, record

GSR = FIXTURES / "plover_gsr_sample.json"
AGREE = "TEST-GSR-AGREE-0001"


def _agree_record() -> dict[str, object]:
    return record(
        AGREE,
        events=[
            event(
                "AGREE", [participant("Kenyan", "KEN", "GOV")], [participant("Tanzanian officials")]
            )
        ],
    )


def test_runner_scores_analyzer_output() -> None:
    analyzer = FakeAnalyzer({AGREE: _agree_record()}, ["annotate", "actors", "events"])
    result = run_evaluation("plover-gsr", GSR, analyzer=analyzer)
    assert result.records == 3
    assert result.score.metric("event type hit rate").value == pytest.approx(1 / 3)
    assert result.not_built == []
    assert [item[0] for item in analyzer.seen] == [
        AGREE,
        "TEST-GSR-DEMAND-0001",
        "TEST-GSR-FIGHT-0001",
    ]


@pytest.mark.parametrize(
    ("stages", "not_built"),
    [(["annotate"], ["actors", "events"]), (["annotate", "events"], ["actors"])],
)
def test_runner_reports_stages_not_built(stages: list[str], not_built: list[str]) -> None:
    result = run_evaluation("plover-gsr", GSR, analyzer=FakeAnalyzer({}, stages))
    assert result.not_built == not_built
    shown = result.to_json()["metrics"]
    assert [m["name"] for m in shown if m.get("status") == "not built"] == [
        m.name for m in result.score.metrics if m.stage in not_built
    ]
    assert all(m["value"] is None for m in shown if m["stage"] in not_built)
    text = markdown(result)
    assert all(f"stage **{stage}** is not built" in text for stage in not_built)
    assert "| event type hit rate | not built |" in text or "events" not in not_built


@pytest.mark.parametrize("limit", [1, 2])
def test_runner_limit(limit: int) -> None:
    analyzer = FakeAnalyzer({}, ["events"])
    assert run_evaluation("plover-gsr", GSR, limit=limit, analyzer=analyzer).records == limit
    assert len(analyzer.seen) == limit


def test_runner_passes_published_dates() -> None:
    analyzer = FakeAnalyzer({}, ["events"])
    run_evaluation("petrarch", FIXTURES / "petrarch" / "records.xml", limit=1, analyzer=analyzer)
    assert analyzer.seen[0][2] == dt.date(2001, 3, 15)


def test_runner_writes_errors_file(tmp_path: Path) -> None:
    errors = tmp_path / "out" / "errors.jsonl"
    analyzer = FakeAnalyzer({AGREE: _agree_record()}, ["actors", "events"])
    run_evaluation("plover-gsr", GSR, errors_file=errors, analyzer=analyzer)
    lines = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [(line["record"], line["kind"]) for line in lines] == [
        ("TEST-GSR-DEMAND-0001", "missed_event"),
        ("TEST-GSR-FIGHT-0001", "missed_event"),
    ]
    assert lines[0]["gold"]["event"] == "REQUEST" and lines[0]["predicted"] == []


def test_runner_errors_file_leaves_out_unbuilt_stages(tmp_path: Path) -> None:
    errors = tmp_path / "errors.jsonl"
    run_evaluation("plover-gsr", GSR, errors_file=errors, analyzer=FakeAnalyzer({}, ["annotate"]))
    assert errors.read_text(encoding="utf-8") == ""


def test_runner_counts_pipeline_errors(tmp_path: Path) -> None:
    failing = {AGREE: {"id": AGREE, "error": {"kind": "internal", "message": "boom"}}}
    errors = tmp_path / "errors.jsonl"
    result = run_evaluation(
        "plover-gsr", GSR, errors_file=errors, analyzer=FakeAnalyzer(failing, ["events"])
    )
    assert [f.record for f in result.failed] == [AGREE]
    assert "- 1 of 3 documents failed: boom (scored as empty predictions)" in markdown(result)
    assert result.score.metric("event type hit rate").value == 0.0
    assert (
        json.loads(errors.read_text(encoding="utf-8").splitlines()[0])["kind"] == "pipeline_error"
    )


def test_runner_moves_offsets_when_ingest_changed_the_text() -> None:
    path = FIXTURES / "gwn_sample.xml"
    gold_text = "Flooding hit Lyon and Paris on Monday, officials in Berlin said."
    changed = "Advertisement\n" + gold_text.replace("hit ", "hit  ")  # ingest kept residue
    start = changed.index("Berlin")
    place = {
        "id": "P1",
        "start": start,
        "end": start + 6,
        "text": "Berlin",
        "lat": 52.52,
        "lon": 13.405,
    }
    analyzer = FakeAnalyzer({"GWN-2": record("GWN-2", changed, places=[place])}, ["places"])
    result = run_evaluation("geowebnews", path, analyzer=analyzer)
    assert result.score.metric("toponym recall").value == pytest.approx(1 / 4)
    assert result.score.metric("accuracy within 161 km (found)").value == 1.0


@pytest.mark.parametrize(
    ("dataset", "path", "error"),
    [("nope", GSR, ConfigError), ("gum", FIXTURES / "absent", InputError)],
)
def test_runner_refuses_bad_arguments(dataset: str, path: Path, error: type[Exception]) -> None:
    with pytest.raises(error):
        run_evaluation(dataset, path, analyzer=FakeAnalyzer({}, []))


@pytest.mark.parametrize(
    ("dataset", "path", "phrase"),
    [
        ("petrarch", FIXTURES / "petrarch" / "records.xml", "validation verb dictionary"),
        ("meantime", FIXTURES / "meantime_sample.xml", "fully annotated opening"),
    ],
)
def test_runner_markdown_states_dataset_caveat(dataset: str, path: Path, phrase: str) -> None:
    result = run_evaluation(dataset, path, analyzer=FakeAnalyzer({}, ["events", "time"]))
    assert phrase in markdown(result)


@pytest.mark.parametrize(
    ("dataset", "fixture"),
    [("petrarch", "plover_gsr_sample.json"), ("plover-gsr", "gwn_sample.xml")],
)
def test_runner_wrong_file_is_an_input_error(dataset: str, fixture: str) -> None:
    with pytest.raises(InputError, match="cannot be read as"):
        run_evaluation(dataset, FIXTURES / fixture, analyzer=FakeAnalyzer({}, []))
