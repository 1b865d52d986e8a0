"""The wheel works outside the repository: `python -m build` makes it, it installs into a fresh
virtual environment, and the installed `newsgraph extract` analyses an article with the data
files, the schema and the model it ships with or depends on.

The fresh environment gets newsgraph only from the wheel; its dependencies (spaCy, the model
package, ...) are made importable from the test's own environment by a path entry, because a
full dependency install needs the network (CI's `make test` installs them from PyPI anyway).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.model

ARTICLE = (
    "GENEVA (Alpine Wire) - Swiss and Italian negotiators met in Geneva on Tuesday to discuss "
    "a new rail tunnel under the Alps, the Swiss foreign ministry said in a statement.\n"
)


def test_wheel_installs_and_runs_outside_the_repository(tmp_path: Path) -> None:
    pytest.importorskip("build")
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist)],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    )
    (wheel,) = dist.glob("newsgraph-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for data in (
        "newsgraph/schema/analysis.schema.json",
        "newsgraph/schema/plover_event.schema.json",
        "newsgraph/kb/data/wikidata.tsv",
        "newsgraph/events/lexicon.tsv",
        "newsgraph/py.typed",
    ):
        assert data in names, data

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "NEWSGRAPH_DB")}
    env["HOME"] = str(tmp_path / "home")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=env)
    python = venv / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True,
        env=env,
    )
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout.strip()
    assert (Path(site) / "newsgraph" / "kb" / "data" / "wikidata.tsv").is_file()
    # Dependencies from this environment, after the fresh site-packages (so the wheel's
    # newsgraph wins over any editable install here).
    Path(site, "zz_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "article.txt").write_text(ARTICLE, encoding="utf-8")
    where = subprocess.run(
        [str(python), "-c", "import newsgraph; print(newsgraph.__file__)"],
        cwd=work,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert where.startswith(str(venv)), where
    result = subprocess.run(
        [str(venv / "bin" / "newsgraph"), "extract", "article.txt", "-f", "json"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert [v["event_type"] for v in record["events"]] == ["CONSULT"]
    version = subprocess.run(
        [str(venv / "bin" / "newsgraph"), "--version"], env=env, capture_output=True, text=True
    )
    assert version.stdout.startswith("newsgraph ")
