"""Buildings and streets placed at the town the text puts them in."""

from __future__ import annotations

import pytest

from newsgraph.annotate import AnnotateStage
from newsgraph.model import Analysis
from newsgraph.places import PlaceStage, locate_event
from newsgraph.places.facilities import is_facility_place
from newsgraph.places.resolve import resolve_toponyms
from newsgraph.settings import DEFAULT_SPACY_MODEL


def _candidates(text: str, *spans: tuple[str, str]) -> list[tuple[int, int, str]]:
    result = []
    for mention, label in spans:
        start = text.index(mention)
        result.append((start, start + len(mention), label))
    return result


@pytest.mark.parametrize(
    ("text", "facility", "label", "town", "country"),
    [
        ("The concert is at the Apollo Theatre in Manchester.", "Apollo Theatre", "ORG", "Manchester", "GBR"),
        ("Crowds filled Wenceslas Square in Prague.", "Wenceslas Square", "FAC", "Prague", "CZE"),
        ("Fans queued outside Lagos's Teslim Balogun Stadium.", "Teslim Balogun Stadium", "ORG", "Lagos", "NGA"),
    ],
)  # fmt: skip
def test_resolve_facility_takes_its_towns_point(
    text: str, facility: str, label: str, town: str, country: str
) -> None:
    places = resolve_toponyms(text, _candidates(text, (facility, label), (town, "GPE")))
    by_text = {text[p.start : p.end]: p for p in places}
    assert set(by_text) == {facility, town}
    building, city = by_text[facility], by_text[town]
    assert (building.name, building.feature, building.country) == (facility, "other", country)
    assert (building.lat, building.lon) == (city.lat, city.lon)
    assert building.geonameid is None
    assert [p.id for p in places] == [f"P{n}" for n in range(1, len(places) + 1)]


@pytest.mark.parametrize(
    ("text", "facility", "place", "label"),
    [
        ("The gala was held at the Grand Hotel last night.", "Grand Hotel", None, "FAC"),
        ("Talks at the Presidential Palace in Peru ended.", "Presidential Palace", "Peru", "FAC"),
        ("Analysts at Goldman Sachs in London agreed.", "Goldman Sachs", "London", "ORG"),
    ],
)
def test_resolve_facility_needs_a_town_beside_it(
    text: str, facility: str, place: str | None, label: str
) -> None:
    spans = [(facility, label)] + ([(place, "GPE")] if place else [])
    places = resolve_toponyms(text, _candidates(text, *spans))
    assert facility not in {text[p.start : p.end] for p in places}


@pytest.mark.model
def test_locate_event_building_stands_for_its_town() -> None:
    text = "The two presidents met at the Presidential Palace in Nairobi on Monday."
    analysis = PlaceStage()(AnnotateStage(DEFAULT_SPACY_MODEL)(Analysis(id="t", text=text)))
    assert any(is_facility_place(p) for p in analysis.places)
    start = text.index("met")
    sentence = analysis.sentence_at(start)
    assert sentence is not None
    location = locate_event(analysis, start, start + 3, sentence.start, sentence.end)
    assert location is not None
    assert (location.name, location.country, location.precision) == ("Nairobi", "KEN", "city")
