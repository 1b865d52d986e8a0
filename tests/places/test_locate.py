"""Event location from the dependency parse of sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.annotate import AnnotateStage
from newsgraph.model import Analysis, EventLocation
from newsgraph.places import PlaceStage, locate_event
from newsgraph.settings import DEFAULT_SPACY_MODEL

MODEL = DEFAULT_SPACY_MODEL


def _locate(text: str, trigger: str) -> tuple[Analysis, EventLocation | None]:
    analysis = PlaceStage()(AnnotateStage(MODEL)(Analysis(id="t", text=text)))
    start = text.index(trigger)
    sentence = analysis.sentence_at(start)
    assert sentence is not None
    location = locate_event(analysis, start, start + len(trigger), sentence.start, sentence.end)
    return analysis, location


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "name", "country"),
    [
        ("The Saudi crown prince visited Riyadh on Tuesday.", "visited", "Riyadh", "SAU"),
        (
            "Foreign ministers met in Cairo on Sunday to discuss the ceasefire.",
            "met",
            "Cairo",
            "EGY",
        ),
        ("Talks were held at the presidential palace in Ankara.", "Talks", "Ankara", "TUR"),
        ("The army shelled Kharkiv overnight.", "shelled", "Kharkiv", "UKR"),
        ("The two leaders signed a trade agreement in Nairobi.", "signed", "Nairobi", "KEN"),
        ("Protesters gathered outside the embassy in Lima on Friday.", "gathered", "Lima", "PER"),
        ("The minister arrived in Tokyo for a three-day visit.", "arrived", "Tokyo", "JPN"),
    ],
)
def test_locate_event_finds_place_of_own_clause(
    text: str, trigger: str, name: str, country: str
) -> None:
    analysis, location = _locate(text, trigger)
    assert location is not None
    assert (location.name, location.country, location.precision) == (name, country, "city")
    assert location.place in {p.id for p in analysis.places}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "capital", "country"),
    [
        (
            "The prime minister led a delegation to the Iraqi capital last week.",
            "led",
            "Baghdad",
            "IRQ",
        ),
        (
            "Ethiopia's president travelled to the Kenyan capital on Monday.",
            "travelled",
            "Nairobi",
            "KEN",
        ),
    ],
)
def test_locate_event_demonym_capital_is_that_countrys_capital(
    text: str, trigger: str, capital: str, country: str
) -> None:
    _, location = _locate(text, trigger)
    assert location is not None
    assert (location.name, location.country, location.place) == (capital, country, None)
    assert location.lat is not None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The president criticised the decision in a televised speech.", "criticised"),
        ("Kenya accused Uganda of violating the border agreement.", "accused"),
        ("He told reporters the talks would resume. The talks will take place in Geneva.", "told"),
    ],
)
def test_locate_event_returns_none_when_clause_names_no_place(text: str, trigger: str) -> None:
    analysis, location = _locate(text, trigger)
    assert location is None
    if "Geneva" in text:  # the story names a place, but not in this event's clause
        assert "Geneva" in {p.name for p in analysis.places}


@pytest.mark.model
def test_locate_event_country_precision() -> None:
    _, location = _locate("The foreign minister arrived in Mexico on Thursday.", "arrived")
    assert location is not None
    assert (location.country, location.precision) == ("MEX", "country")


@pytest.mark.model
def test_place_stage_resolves_spacy_entities_in_text_order() -> None:
    text = (
        "Egypt's foreign minister flew to Amman on Monday.\n"
        "Jordanian officials said the talks in Amman would continue in Cairo."
    )
    analysis = PlaceStage()(AnnotateStage(MODEL)(Analysis(id="t", text=text)))
    found = [(text[p.start : p.end], p.country, p.adjectival) for p in analysis.places]
    assert found == [
        ("Egypt", "EGY", False),
        ("Amman", "JOR", False),
        ("Jordanian", "JOR", True),
        ("Amman", "JOR", False),
        ("Cairo", "EGY", False),
    ]
    assert [p.id for p in analysis.places] == ["P1", "P2", "P3", "P4", "P5"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "name"),
    [
        (
            "The European Union imposed sanctions on Iran in Brussels on Monday.",
            "sanctions",
            "Brussels",
        ),
        ("Washington announced new tariffs on China at a briefing in Ottawa.", "tariffs", "Ottawa"),
        ("The cabinet approved an embargo on Venezuela in Lima on Friday.", "approved", "Lima"),
    ],
)
def test_locate_event_setting_beats_the_target(text: str, trigger: str, name: str) -> None:
    """Sanctions decided in one capital happen there, not in the sanctioned country."""
    _, location = _locate(text, trigger)
    assert location is not None and location.name == name


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "name"),
    [
        ("Gunmen attacked a market in Maiduguri, Nigeria, on Sunday.", "attacked", "Maiduguri"),
        ("Police detained activists in Chile's capital Santiago.", "detained", "Santiago"),
    ],
)
def test_locate_event_most_specific_place_of_the_clause(text: str, trigger: str, name: str) -> None:
    _, location = _locate(text, trigger)
    assert location is not None and location.name == name
