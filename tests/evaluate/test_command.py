from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from newsgraph.evaluate import command, runner

from .helpers import FIXTURES, FakeAnalyzer


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> typer.Typer:
    real = runner.run_evaluation

    def fake(*args: Any, **kwargs: Any) -> runner.EvaluationResult:
        return real(*args, **kwargs, analyzer=FakeAnalyzer({}, ["annotate", "events"]))

    monkeypatch.setattr(command, "run_evaluation", fake)
    application = typer.Typer()
    application.command(name="evaluate")(command.evaluate)
    application.command(name="other")(lambda: None)  # two commands keep "evaluate" a subcommand
    return application


def test_command_help_lists_datasets(app: typer.Typer) -> None:
    result = CliRunner().invoke(app, ["evaluate", "--help"])
    assert result.exit_code == 0
    assert all(name in result.output for name in command.DATASETS)
    assert "--errors" in result.output and "--limit" in result.output


def test_command_json_output(app: typer.Typer) -> None:
    result = CliRunner().invoke(
        app,
        ["evaluate", "plover-gsr", str(FIXTURES / "plover_gsr_sample.json"), "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["records"] == 3
    assert data["not_built"] == ["actors"]


def test_command_table_output_says_not_built(app: typer.Typer, tmp_path: Path) -> None:
    errors = tmp_path / "e.jsonl"
    args = [
        "evaluate",
        "plover-gsr",
        str(FIXTURES / "plover_gsr_sample.json"),
        "--limit",
        "2",
        "--errors",
        str(errors),
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "not built" in result.output and "2 records" in result.output
    assert errors.is_file()


def test_command_rejects_unknown_format(app: typer.Typer) -> None:
    result = CliRunner().invoke(
        app, ["evaluate", "plover-gsr", str(FIXTURES / "plover_gsr_sample.json"), "-f", "xml"]
    )
    assert result.exit_code != 0
    assert "unknown format" in str(result.exception)
