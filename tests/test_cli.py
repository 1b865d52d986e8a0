"""The command line, run in-process: extract, ingest, listings, info, and error handling."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.schema import validation_errors

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"

pytestmark = pytest.mark.model


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    monkeypatch.setenv("NEWSGRAPH_DB", url)
    return url


def test_cli_extract_every_example_validates_against_the_schema(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", str(EXAMPLES), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(records) >= 12
    for record in records:
        assert "error" not in record, record.get("error")
        assert validation_errors(record) == [], record["id"]
    assert sum(len(r["events"]) for r in records) > 0
    assert sum(len(r["quotes"]) for r in records) > 0


def test_cli_extract_bad_input_gives_error_record_and_nonzero_exit(
    runner: CliRunner, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    good = tmp_path / "good.txt"
    good.write_text(
        "Officials from Chile and Peru met in Lima on Monday to discuss fishing rights.\n"
    )
    result = runner.invoke(app, ["extract", str(empty), str(good), "--format", "jsonl"])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [("error" in r) for r in records] == [True, False]
    assert records[0]["error"]["kind"] == "empty"
    assert validation_errors(records[0]) == []
    assert "Traceback" not in result.output


def test_cli_extract_published_sets_the_reference_date(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "Police in Nairobi arrested dozens of protesters yesterday, officials said.\n"
    )
    result = runner.invoke(app, ["extract", str(article), "--published", "2024-06-26"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["document"]["published"] == "2024-06-26"
    assert record["document"]["published_source"] == "input"
    assert [t["value"] for t in record["times"] if t["text"] == "yesterday"] == ["2024-06-25"]


def test_cli_extract_rejects_a_malformed_date(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Text.\n")
    result = runner.invoke(app, ["extract", str(article), "--published", "June 26"])
    assert result.exit_code != 0
    assert "YYYY-MM-DD" in result.output


def test_cli_ingest_twice_changes_nothing(runner: CliRunner, db: str) -> None:
    first = runner.invoke(app, ["ingest", str(EXAMPLES)])
    assert first.exit_code == 0, first.output
    assert "0 unchanged" in first.stdout and "0 failed" in first.stdout
    second = runner.invoke(app, ["ingest", str(EXAMPLES)])
    assert second.exit_code == 0, second.output
    assert second.stdout.startswith("0 new, 0 updated")
    listing = runner.invoke(app, ["documents", "--format", "jsonl"])
    rows = [json.loads(line) for line in listing.stdout.splitlines() if line.strip()]
    assert len(rows) >= 12
    events = runner.invoke(app, ["events", "--format", "csv"])
    assert events.exit_code == 0 and events.stdout.startswith("id,")


def test_cli_info_reports_the_pipeline_and_store(runner: CliRunner, db: str) -> None:
    result = runner.invoke(app, ["info", "--json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert info["store"] == db
    assert info["spacy"].startswith("3.7")
    assert info["stages"][0] == "annotate"
