"""A town and the division or county named beside it support each other."""

from __future__ import annotations

import pytest

from newsgraph.gazetteer import GazetteerEntry, load_gazetteer
from newsgraph.places.containment import follows_member, within
from newsgraph.places.resolve import resolve_toponyms
from newsgraph.places.surface import read_surface


def _one(name: str, feature: str, country: str) -> GazetteerEntry:
    entries = [
        e for e in load_gazetteer().lookup(name) if e.feature == feature and e.country == country
    ]
    assert entries, name
    return entries[0]


@pytest.mark.parametrize(
    ("town", "container", "feature", "expected"),
    [
        ("Silverstone", "Northamptonshire", "other", True),  # near the county's centre
        ("Penzance", "Northamptonshire", "other", False),  # same country, far away
        ("Houston", "Texas", "admin1", True),
        ("Houston", "Ohio", "admin1", False),
    ],
)
def test_within_division_or_county(town: str, container: str, feature: str, expected: bool) -> None:
    country = "GBR" if feature == "other" else "USA"
    assert within(_one(town, "city", country), _one(container, feature, country)) is expected


def test_resolve_small_town_qualified_by_county_before_full_stop() -> None:
    text = "The final round is at Silverstone, Northamptonshire."
    start = text.index("Silverstone")
    places = resolve_toponyms(text, [(start, start + len("Silverstone"), "")])
    assert [(p.name, p.country) for p in places] == [("Silverstone", "GBR")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Round four: Silverstone, Northamptonshire.", True),
        ("Round four: Penzance, Northamptonshire.", False),
        ("Round four is in Northamptonshire.", False),
    ],
)
def test_follows_member(text: str, expected: bool) -> None:
    start = text.index("Northamptonshire")
    surface = read_surface(text, start, start + len("Northamptonshire"))
    assert surface is not None
    county = _one("Northamptonshire", "other", "GBR")
    assert follows_member(text, load_gazetteer(), surface, county) is expected
