"""DataFrames analysts can use as they are: `newsgraph.load_events`, typed query answers (also
when empty), and `newsgraph codes`."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import newsgraph
from newsgraph.query import country_month_panel, dyad_series, events, search
from newsgraph.query.codes import codes
from newsgraph.store import Store
from record_factory import scenario


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("frames") / "store.sqlite"
    with Store(f"sqlite:///{path}") as store:
        for record in scenario():
            store.add(record)
    return str(path)


def check_types(frame: pd.DataFrame) -> None:
    assert str(frame["date_start"].dtype) == "datetime64[ns]"
    assert isinstance(frame["event_type"].dtype, pd.CategoricalDtype)
    assert isinstance(frame["cameo"].dtype, pd.CategoricalDtype)
    assert str(frame["quad_class"].dtype) == "Int64"
    assert str(frame["score"].dtype) == "Float64"


def test_load_events_is_the_usual_frame(db: str) -> None:
    frame = newsgraph.load_events(db)
    assert len(frame) >= 5
    check_types(frame)
    assert str(frame["n_reports"].dtype) == "Int64"
    assert frame["date_start"].is_monotonic_decreasing or frame["date_start"].isna().any()
    # a typed frame groups and resamples without conversions
    monthly = frame.set_index("date_start").groupby(pd.Grouper(freq="MS"))["cluster_id"].count()
    assert monthly.sum() == frame["date_start"].notna().sum()
    kenya = newsgraph.load_events(db, actor="KEN")
    assert 0 < len(kenya) < len(frame)
    reports = newsgraph.load_events(db, per_report=True, modality=None)
    assert len(reports) > len(frame)
    assert "document_id" in reports.columns


def test_empty_answers_keep_their_types(db: str) -> None:
    with Store(f"sqlite:///{db}") as store:
        empty = events(store, since=pd.Timestamp("2099-01-01").date())
        check_types(empty)
        assert len(empty) == 0
        series = dyad_series(store, "KEN", "ETH", since=pd.Timestamp("2099-01-01").date())
        assert str(series["period"].dtype) == "datetime64[ns]"
        assert str(series["n_events"].dtype) == "Int64"
        found = search(store, "nonexistentword")
        assert list(found.columns)[:3] == ["kind", "ref_id", "doc_key"]
        panel = country_month_panel(store, by="actor")
        assert str(panel["month"].dtype) == "datetime64[ns]"
        assert panel["n_events"].sum() >= 5


def test_codes_lookup() -> None:
    kenya = codes("country", "kenya")
    assert list(kenya["code"]) == ["KEN"]
    assert "COW 501" in kenya.iloc[0]["detail"]
    assert "Gleditsch-Ward 260" in codes("country", "DEU").iloc[0]["detail"]
    cameo = codes("cameo", "042")
    assert cameo.iloc[0]["code"] == "042" and "CONSULT" in cameo.iloc[0]["detail"]
    types = codes("type")
    assert len(types) == 16 and "quad class 4" in types.set_index("code").loc["ASSAULT", "detail"]
    assert "visit" in set(codes("mode")["code"])
    assert "GOV" in set(codes("sector")["code"])
    assert len(codes(None, "consult")) >= 5
    with pytest.raises(newsgraph.ConfigError, match="unknown code table"):
        codes("planets")


def test_codes_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsgraph.cli import app
    from newsgraph.cli_errors import run

    assert run(app, ["codes", "country", "ethiopia", "-f", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "table,code,name,detail",
        'country,ETH,Ethiopia,"ISO alpha-2 ET, COW 530, Gleditsch-Ward 530"',
    ]
    assert run(app, ["codes", "planets"]) == 2
    assert capsys.readouterr().err.startswith("error: ")
