"""The document's own country codes role nouns and titled people the sentence leaves countryless:
the dateline first, then the one country the text names most; nothing when that is undecided."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from newsgraph.actors import ActorStage, participants_in
from newsgraph.annotate import AnnotateStage
from newsgraph.model import Analysis, Block, Span
from newsgraph.settings import DEFAULT_SPACY_MODEL

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def run() -> Any:
    annotate = AnnotateStage(DEFAULT_SPACY_MODEL)
    actors = ActorStage()

    def analyse(text: str, dateline: str | None = None) -> Analysis:
        analysis = Analysis(id="c", text=text)
        analysis.document.published = dt.date(2024, 3, 5)
        analysis.document.blocks = [Block(0, len(text), "body")]
        if dateline is not None:
            analysis.document.dateline = Span(0, len(dateline))
        return actors(annotate(analysis))

    return analyse


def coded(analysis: Analysis, phrase: str) -> list[tuple[str | None, str | None]]:
    start = analysis.text.index(phrase)
    return [(p.country, p.sector) for p in participants_in(analysis, start, start + len(phrase))]


@pytest.mark.parametrize(
    ("text", "dateline", "phrase", "expected"),
    [
        (
            "QUITO, March 5 (Wire) - Police fired tear gas at students outside the congress.",
            "QUITO, March 5 (Wire) - ",
            "Police",
            [("ECU", "COP")],
        ),
        (
            "NAIROBI, March 5 (Wire) - The government said it would cut fuel taxes by half.",
            "NAIROBI, March 5 (Wire) - ",
            "The government",
            [("KEN", "GOV")],
        ),
    ],
)
def test_context_dateline_codes_role_nouns(
    run: Any, text: str, dateline: str, phrase: str, expected: list[tuple[str, str]]
) -> None:
    analysis = run(text, dateline)
    assert analysis.country_context is not None
    assert analysis.country_context.source == "dateline"
    assert coded(analysis, phrase) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "country"),
    [
        (
            "President Hakainde Hichilema has pledged to the Zambian people that a new mining "
            "code will pass before the rains.",
            "President Hakainde Hichilema",
            "ZMB",
        ),
        (
            "Hundreds of striking workers blocked the port of Mombasa on Monday, "
            "demanding higher pay.",
            "Hundreds of striking workers",
            "KEN",
        ),
        (
            "Riot police dispersed a crowd of traders in Kano after the Nigerian "
            "central bank withdrew old notes.",
            "Riot police",
            "NGA",
        ),
    ],
)
def test_context_dominant_country_codes_countryless_actors(
    run: Any, text: str, phrase: str, country: str
) -> None:
    analysis = run(text)
    assert analysis.country_context is not None
    assert analysis.country_context.source == "document"
    assert [c for c, _ in coded(analysis, phrase)] == [country]


def test_context_two_countries_named_equally_settle_nothing(run: Any) -> None:
    analysis = run("Police detained dozens of migrants at the border between Chile and Peru.")
    assert analysis.country_context is None
    assert [c for c, _ in coded(analysis, "Police")] == [None]


def test_context_never_overrides_a_stated_country(run: Any) -> None:
    analysis = run(
        "Colombian troops crossed into Ecuador, and Ecuador's foreign ministry protested in Quito."
    )
    assert coded(analysis, "Colombian troops") == [("COL", "MIL")]


def test_context_leaves_transnational_actors_alone(run: Any) -> None:
    analysis = run("The United Nations refugee agency opened a camp in Chad near Abeche.")
    context = analysis.country_context
    assert context is not None and context.country == "TCD"
    countries = [c for c, _ in coded(analysis, "The United Nations refugee agency")]
    assert "TCD" not in countries


@pytest.mark.parametrize(
    "text",
    [
        "Riot police beat protesters before the deposed leader fled to Minsk.",
        "Police called for sanctions against Venezuela over the arrests.",
        "Ethnic Hungarians told police they feared reprisals.",
    ],
)
def test_context_ignores_destinations_targets_and_peoples(run: Any, text: str) -> None:
    """Where someone goes, whom an act targets, and a people's name say nothing of where the
    story happens."""
    analysis = run(text)
    if analysis.country_context is not None:
        assert analysis.country_context.country not in {"BLR", "VEN", "HUN"}
    assert [c for c, _ in coded(analysis, "olice")] in ([None], [])


def test_context_codes_a_private_person_and_says_so(run: Any) -> None:
    text = (
        "Joana Ferreira, a nurse from Porto, sued the hospital after a Portuguese court "
        "cleared the surgeon."
    )
    analysis = run(text)
    person = next(e for e in analysis.entities if e.name == "Joana Ferreira")
    assert (person.country, person.coding_source) == ("PRT", "document")
    start = text.index("Joana Ferreira")
    (participant,) = participants_in(analysis, start, start + len("Joana Ferreira"))
    assert (participant.country, participant.country_source) == ("PRT", "document")
    message = next(d.message for d in analysis.diagnostics if d.code == "country_context")
    assert message.startswith("PRT from the document")


def test_context_never_gives_a_place_the_story_country(run: Any) -> None:
    analysis = run("Kenyan police said Kenyan traders had left Goma after Kenyan banks closed.")
    context = analysis.country_context
    assert context is not None and context.country == "KEN"
    assert all(c != "KEN" for c, _ in coded(analysis, "Goma"))


def test_context_a_ministry_placed_by_its_own_words_keeps_that_place(run: Any) -> None:
    analysis = run(
        "Russian officials said Russian peacekeepers would stay, but the Defence Ministry in "
        "Yerevan rejected the plan."
    )
    context = analysis.country_context
    assert context is not None and context.country == "RUS"
    assert [c for c, _ in coded(analysis, "the Defence Ministry in Yerevan")] == ["ARM"]
