"""The README's Python API and command-line examples run as written."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")

pytestmark = pytest.mark.model


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


def cli_examples() -> list[list[str]]:
    """Every `newsgraph ...` line of the README's shell blocks, as argument lists."""
    commands = []
    for block in blocks("sh"):
        for line in block.splitlines():
            line = line.split("  #")[0].strip()
            if line.startswith("newsgraph "):
                commands.append(shlex.split(line)[1:])
    return commands


LISTINGS = {
    "clusters", "events", "quotes", "entities", "documents", "profile", "series", "search", "panel",
    "codes",
}  # fmt: skip


def test_readme_has_examples_to_run() -> None:
    assert len(cli_examples()) >= 10
    assert len(blocks("python")) == 1


def test_readme_cli_examples_run_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("NEWSGRAPH_DB", str(tmp_path / "readme.sqlite"))
    runner = CliRunner()
    for arguments in cli_examples():
        if arguments[0] == "evaluate":
            continue  # needs ../shared/evaldata; covered by tests/evaluate
        if arguments[0] == "serve":
            continue  # runs until stopped; covered by tests/serve
        arguments = [a.replace("/tmp/", f"{tmp_path}/") for a in arguments]
        result = runner.invoke(app, arguments)
        assert result.exit_code == 0, (arguments, result.output)
        assert result.output.strip(), arguments
        if arguments[0] in LISTINGS:
            # Not a terminal: a header and at least one row of data, never just the header.
            lines = [line for line in result.stdout.splitlines() if line.strip()]
            assert len(lines) >= 2 and lines != ["[]"], (arguments, lines)
    assert (tmp_path / "newsgraph-events.parquet").stat().st_size > 0


def test_readme_python_example_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (code,) = blocks("python")
    code = code.replace("/tmp/", f"{tmp_path}/")
    exec(compile(code, "README.md", "exec"), {"__name__": "readme"})
    printed = capsys.readouterr().out
    assert "CONSULT" in printed
    assert "KENGOV" in printed
    assert "2025-03-01" in printed, "the dyad series has the visit's month"
