"""docs/tutorial.md runs as written: its shell lines through the CLI, its Python blocks in
order in one namespace; every figure it saves is a non-empty PNG."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

REPO = Path(__file__).resolve().parent.parent
TUTORIAL = (REPO / "docs" / "tutorial.md").read_text(encoding="utf-8")

pytestmark = pytest.mark.model


def blocks() -> list[tuple[str, str]]:
    return re.findall(r"```(sh|python)\n(.*?)```", TUTORIAL, flags=re.DOTALL)


def test_tutorial_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("matplotlib")
    monkeypatch.chdir(REPO)
    namespace: dict[str, object] = {"__name__": "tutorial"}
    assert len(blocks()) >= 6
    for language, code in blocks():
        code = code.replace("/tmp/", f"{tmp_path}/")
        if language == "sh":
            for line in code.splitlines():
                if line.startswith("newsgraph "):
                    result = CliRunner().invoke(app, shlex.split(line)[1:])
                    assert result.exit_code == 0, (line, result.output)
                    assert result.output.strip(), line
        else:
            exec(compile(code, "docs/tutorial.md", "exec"), namespace)
    printed = capsys.readouterr().out
    assert "datetime64" in printed and "category" in printed
    series = namespace["series"]
    assert int(series["n_cooperation"].sum()) >= 1, "Kenya and Ethiopia cooperate in the examples"  # type: ignore[index]
    assert int(namespace["located"].shape[0]) >= 5  # type: ignore[attr-defined]
    for name in ("dyad", "panel", "map"):
        png = tmp_path / f"newsgraph-tutorial-{name}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", name
        assert png.stat().st_size > 5000, name
    assert (tmp_path / "newsgraph-tutorial.geojson").stat().st_size > 100
