"""The query API answers analysts' questions over event clusters, not raw reports."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.errors import ConfigError
from newsgraph.query import actor_profile, cluster_reports, dyad_series, events, search
from newsgraph.store import Store


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"actor": "KEN"}, 4),  # three visits and one accusation
        ({"actor": "KENGOV"}, 3),
        ({"actor": "William Ruto"}, 3),
        ({"actor": "Ruto"}, 3),  # an alias
        ({"recipient": "Abiy Ahmed"}, 2),
        ({"event_type": "consult"}, 3),
        ({"country": "ETH"}, 3),  # either side or the place
        ({"quad_class": 4}, 2),
        ({"since": dt.date(2025, 5, 13), "until": dt.date(2025, 5, 31)}, 2),
    ],
)
def test_query_events_filters(filled: Store, filters: dict[str, object], expected: int) -> None:
    assert len(events(filled, **filters)) == expected  # type: ignore[arg-type]


def test_query_events_report_counts(filled: Store) -> None:
    frame = events(filled, actor="Ruto", recipient="ETH")
    assert frame.sort_values("date_start")["n_reports"].tolist() == [2, 1]
    reports = cluster_reports(filled, int(frame.sort_values("date_start")["cluster_id"].iloc[0]))
    assert sorted(reports["doc_key"].unique()) == ["kb-01", "kb-02", "kb-03"]
    assert reports.dropna(subset=["copy_of"])["doc_key"].unique().tolist() == ["kb-02"]


def test_query_unknown_actor_says_what_to_do(filled: Store) -> None:
    with pytest.raises(ConfigError, match="newsgraph entities"):
        events(filled, actor="Nobody Known")


@pytest.mark.parametrize(("directed", "n_events"), [(False, [2, 1]), (True, [2, 1])])
def test_query_dyad_series_monthly(filled: Store, directed: bool, n_events: list[int]) -> None:
    frame = dyad_series(filled, "KEN", "ETH", "month", directed=directed)
    assert frame["period"].dt.strftime("%Y-%m").tolist() == ["2025-05", "2025-06"]
    assert frame["n_events"].tolist() == n_events
    assert frame["n_reports"].tolist() == [3, 1]
    assert frame["n_cooperation"].tolist() == [2, 0]
    assert frame["n_conflict"].tolist() == [0, 1]
    assert frame["mean_score"].tolist() == pytest.approx([1.0, -2.0])


def test_query_dyad_series_weekly_fills_gaps(filled: Store) -> None:
    frame = dyad_series(filled, "ETH", "KEN", "week")
    assert frame["period"].dt.date.tolist() == [
        dt.date(2025, 5, 12) + dt.timedelta(weeks=i) for i in range(4)
    ]
    assert frame["n_events"].tolist() == [1, 0, 1, 1]
    assert dyad_series(filled, "ETH", "KEN", "week", directed=True).empty


def test_query_actor_profile(filled: Store) -> None:
    p = actor_profile(filled, "Ruto")
    assert p.entity["name"] == "William Ruto"
    assert {"Ruto", "William Ruto", "William Samoei Ruto"} <= set(p.aliases)
    assert p.n_events == 3 and len(p.events) == 3
    assert p.roles["title"].tolist() == ["President of Kenya"]
    assert p.n_quotes == 1 and "corridor" in p.quotes["text"].iloc[0]


@pytest.mark.parametrize(
    ("text", "kind", "expected_docs"),
    [
        ("corridor ministers", "quote", {"kb-01"}),
        ("sanctions Belarusian", None, {"kb-09"}),
        ("marched", "evidence", {"kb-07"}),  # stemmed: "marched" matches "marched"
        ("signs agreement", None, {"kb-08"}),  # stemmed: signs ~ signed, agreement
    ],
)
def test_query_search(filled: Store, text: str, kind: str | None, expected_docs: set[str]) -> None:
    frame = search(filled, text, kind=kind)  # type: ignore[arg-type]
    assert set(frame["doc_key"]) == expected_docs


def test_query_search_needs_a_word(filled: Store) -> None:
    with pytest.raises(ConfigError):
        search(filled, '" * -')


def test_query_search_repeated_words_count_once(filled: Store) -> None:
    frame = search(filled, "Corridor MINISTERS corridor ministers " * 4, kind="quote")
    assert set(frame["doc_key"]) == {"kb-01"}


def test_query_search_huge_query_is_a_one_line_error(filled: Store) -> None:
    """A 120 KB query once took minutes (time grew with the square of its words)."""
    words = " ".join(f"word{n}" for n in range(20_000))
    with pytest.raises(ConfigError):
        search(filled, words)
