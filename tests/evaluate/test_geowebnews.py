from __future__ import annotations

from typing import Any

import pytest

from newsgraph.evaluate import geowebnews
from newsgraph.evaluate.geowebnews import GoldArticle
from newsgraph.geo import haversine_km

from .helpers import FIXTURES, record, span

LYON, PARIS, BERLIN = (45.75, 4.85), (48.8566, 2.3522), (52.52, 13.405)


@pytest.fixture
def gold() -> list[GoldArticle]:
    return geowebnews.read(FIXTURES / "gwn_sample.xml")


def test_geowebnews_read_keeps_toponyms_with_coordinates(gold: list[GoldArticle]) -> None:
    assert [a.id for a in gold] == ["GWN-2", "GWN-4"]
    first = gold[0]
    assert [first.text[t.start : t.end] for t in first.toponyms] == [
        "Lyon",
        "Paris",
        "Berlin",
    ]  # not "Monday"


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [(PARIS, (51.5074, -0.1278), 343.5), (LYON, LYON, 0.0), ((0.0, 0.0), (0.0, 180.0), 20015.1)],
)
def test_geowebnews_haversine_km(a: tuple[float, float], b: tuple[float, float], km: float) -> None:
    assert haversine_km(*a, *b) == pytest.approx(km, abs=1.0)


def _places(article: GoldArticle, coords: dict[str, tuple[float, float] | None]) -> dict[str, Any]:
    places = []
    for name, where in coords.items():
        start, end = span(article.text, name)
        lat, lon = where if where else (None, None)
        places.append(
            {
                "id": "P1",
                "start": start,
                "end": end,
                "text": name,
                "name": name,
                "lat": lat,
                "lon": lon,
            }
        )
    return record(article.id, article.text, places=places)


def test_geowebnews_score_perfect(gold: list[GoldArticle]) -> None:
    predicted = {
        "GWN-2": _places(gold[0], {"Lyon": LYON, "Paris": PARIS, "Berlin": BERLIN}),
        "GWN-4": _places(gold[1], {"Kenya": (1.0, 38.0)}),
    }
    values = [m.value for m in geowebnews.score(gold, predicted).metrics]
    assert values == [1.0, 1.0, 0.0]


def test_geowebnews_score_empty(gold: list[GoldArticle]) -> None:
    values = [m.value for m in geowebnews.score(gold, {}).metrics]
    assert values == [0.0, None, None]


def test_geowebnews_score_mixed(gold: list[GoldArticle]) -> None:
    # Lyon right, Paris right, Berlin put in Paris (~878 km), Kenya found without coordinates
    predicted = {
        "GWN-2": _places(gold[0], {"Lyon": LYON, "Paris": PARIS, "Berlin": PARIS}),
        "GWN-4": _places(gold[1], {"Kenya": None}),
    }
    result = geowebnews.score(gold, predicted)
    recall, accuracy, median = result.metrics
    assert recall.value == 1.0
    assert accuracy.value == pytest.approx(2 / 4)  # unresolved counts as wrong
    assert median.value == 0.0  # the median of 0, 0, 878 (a mean would be ~293)
    assert sorted(e.kind for e in result.errors) == ["unresolved_toponym", "wrong_location"]


def test_geowebnews_score_partial_recall(gold: list[GoldArticle]) -> None:
    predicted = {"GWN-2": _places(gold[0], {"Lyon": LYON})}
    assert geowebnews.score(gold, predicted).metrics[0].value == pytest.approx(1 / 4)
