"""The typer commands print what the query API returns (registered here on a test app)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from newsgraph.export.command import export
from newsgraph.query import commands
from newsgraph.store import Store
from record_factory import scenario


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'store.sqlite'}"
    with Store(url) as store:
        for record in scenario():
            store.add(record)
    return url


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    app = typer.Typer()
    for command in (
        commands.series,
        commands.profile,
        commands.search,
        commands.clusters,
        export,
    ):
        app.command()(command)
    return app


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["series", "KEN", "ETH", "--format", "csv"], "2025-05-01,2,3,1.0,2,0"),
        (["profile", "Ruto", "-f", "json"], "William Samoei Ruto"),
        (["search", "corridor", "--kind", "quote", "--format", "jsonl"], '"doc_key": "kb-01"'),
        (["clusters", "--actor", "Ruto", "--format", "csv"], "Addis Ababa,ETH,9.025,38.7469,2,3"),
    ],
)
def test_commands_print_results(app: typer.Typer, db: str, args: list[str], expected: str) -> None:
    result = CliRunner().invoke(app, [*args, "--db", db])
    assert result.exit_code == 0, result.output
    assert expected in result.output


def test_commands_export_plover(app: typer.Typer, db: str, tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        app, ["export", str(path), "--format", "plover", "--db", db, "--type", "CONSULT"]
    )
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["event"] for line in path.read_text().splitlines()] == [
        ["CONSULT"]
    ] * 3
