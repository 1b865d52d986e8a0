"""Toponym resolution with document context, without spaCy (candidates are given)."""

from __future__ import annotations

import pytest

from newsgraph.model import Place
from newsgraph.places.adjectival import ADJECTIVAL_LABEL
from newsgraph.places.resolve import resolve_toponyms


def _resolve(text: str, *mentions: str, label: str = "GPE") -> list[Place]:
    """Resolve the first occurrence of each mention (or the nth: "Paris#2")."""
    candidates = []
    for mention in mentions:
        name, _, nth = mention.partition("#")
        start = -1
        for _ in range(int(nth or 1)):
            start = text.index(name, start + 1)
        candidates.append((start, start + len(name), label))
    return resolve_toponyms(text, candidates)


def _by_text(text: str, places: list[Place]) -> dict[str, Place]:
    return {text[p.start : p.end]: p for p in places}


@pytest.mark.parametrize(
    ("text", "mentions", "name", "country"),
    [
        ("Rebels entered Damascus at dawn.", ("Damascus",), "Damascus", "SYR"),
        ("The fair in Damascus, Maryland, drew crowds.", ("Damascus",), "Damascus", "USA"),
        ("Talks in Moscow ended without a deal.", ("Moscow",), "Moscow", "RUS"),
        ("The university in Moscow, Idaho, closed.", ("Moscow",), "Moscow", "USA"),
        ("Fashion week opened in Paris.", ("Paris",), "Paris", "FRA"),
        (
            "Storms hit Texas overnight. In Paris the roof of a school collapsed.",
            ("Texas", "Paris"),
            "Paris",
            "USA",
        ),
    ],
)
def test_resolve_ambiguous_name_uses_document_context(
    text: str, mentions: tuple[str, ...], name: str, country: str
) -> None:
    place = _by_text(text, _resolve(text, *mentions))[name]
    assert place.country == country
    assert place.lat is not None and place.lon is not None


def test_resolve_gives_sequential_ids_and_features() -> None:
    text = "Ministers from Kenya met in Nairobi and later flew to Ohio."
    places = _resolve(text, "Kenya", "Nairobi", "Ohio")
    assert [p.id for p in places] == ["P1", "P2", "P3"]
    assert [p.feature for p in places] == ["country", "city", "admin1"]
    assert places[0].geonameid is not None


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Mobile phones were banned at the summit.", "Mobile"),
        ("Along the border, troops dug in.", "Along"),
        ("Of the forty delegates, ten left.", "Of"),
        ("March was the wettest month.", "March"),
        ("Will the talks resume?", "Will"),
        ("Turkish troops crossed the river.", "Turkish"),
        ("Syrian officials declined to comment.", "Syrian"),
    ],
)
def test_resolve_common_words_and_demonyms_are_not_places(text: str, mention: str) -> None:
    assert _resolve(text, mention) == []


def test_resolve_common_word_town_needs_support() -> None:
    text = "The storm reached Mobile, Alabama, on Sunday."
    places = _resolve(text, "Mobile", "Alabama")
    assert _by_text(text, places)["Mobile"].country == "USA"


@pytest.mark.parametrize(
    ("text", "mention", "name", "country", "region"),
    [
        (
            "Airstrikes hit northwestern Syria.",
            "northwestern Syria",
            "Syria",
            "SYR",
            "northwestern",
        ),
        ("Airstrikes hit northwestern Syria.", "Syria", "Syria", "SYR", "northwestern"),
        ("Aid reached the Gaza Strip.", "the Gaza Strip", "Gaza Strip", "PSE", None),
        ("Settlers clashed in the West Bank.", "West Bank", "West Bank", "PSE", None),
        ("Shelling continued in the Donbas.", "Donbas", "Donbas", "UKR", None),
        ("Russia annexed Crimea in 2014.", "Crimea", "Crimea", "UKR", None),
        ("Coups have swept the Sahel.", "Sahel", "Sahel", None, None),
        ("Oil prices rose across the Middle East.", "Middle East", "Middle East", None, None),
    ],
)
def test_resolve_regions_and_part_of_place_words(
    text: str, mention: str, name: str, country: str | None, region: str | None
) -> None:
    (place,) = _resolve(text, mention, label="LOC")
    assert (place.name, place.country, place.region) == (name, country, region)


def test_resolve_trims_articles_and_possessives() -> None:
    text = "Syria's new leaders visited the United States."
    places = _resolve(text, "Syria's", "the United States")
    assert [text[p.start : p.end] for p in places] == ["Syria", "United States"]
    assert [p.country for p in places] == ["SYR", "USA"]


@pytest.mark.parametrize(
    ("text", "mention", "label", "expected"),
    [
        ("NATO ministers met.", "NATO", "ORG", []),
        ("Russia said it would respond.", "Russia", "ORG", ["RUS"]),
        ("Protests spread in Tamil Nadu.", "Tamil Nadu", "PERSON", ["IND"]),
        ("Jackson said he would run.", "Jackson", "PERSON", []),
    ],
)
def test_resolve_non_place_labels_need_a_strong_match(
    text: str, mention: str, label: str, expected: list[str]
) -> None:
    assert [p.country for p in _resolve(text, mention, label=label)] == expected


def test_resolve_finds_place_inside_organisation_name() -> None:
    text = "Researchers at the University of California said so."
    places = _resolve(text, "the University of California", label="ORG")
    assert [(text[p.start : p.end], p.feature) for p in places] == [("California", "admin1")]


@pytest.mark.parametrize(
    ("text", "mention", "label", "name", "country"),
    [
        ("The Kremlin said the talks were useful.", "Kremlin", "ORG", "Kremlin", "RUS"),
        ("EU ministers met on Monday.", "EU", "ORG", "European Union", None),
        ("Tunis rejected the offer.", "Tunis", "ORG", "Tunis", "TUN"),  # a capital for its state
        ("Flights from Frankfurt to Chicago and Boston resumed.", "Frankfurt", "GPE",
         "Frankfurt am Main", "DEU"),  # the head of the name is the name
    ],
)  # fmt: skip
def test_resolve_names_that_count_under_any_label(
    text: str, mention: str, label: str, name: str, country: str | None
) -> None:
    [place] = _resolve(text, mention, label=label)
    assert (place.name, place.country) == (name, country)


def test_resolve_demonym_counts_as_document_context() -> None:
    text = "The Irish airline will add flights from Dublin to Boston, Chicago and Orlando."
    start = text.index("Irish")
    candidates = [(start, start + len("Irish"), ADJECTIVAL_LABEL)]
    for name in ("Dublin", "Boston", "Chicago", "Orlando"):
        at = text.index(name)
        candidates.append((at, at + len(name), "GPE"))
    places = _by_text(text, resolve_toponyms(text, candidates))
    assert places["Dublin"].country == "IRL"


def test_resolve_village_needs_more_than_document_context() -> None:
    text = (
        "Shows in New York, Texas and Los Angeles sold out, and California fans queued. "
        "The artist is based in London."
    )
    places = _by_text(
        text, _resolve(text, "New York", "Texas", "Los Angeles", "California", "London")
    )
    assert places["London"].country == "GBR"
