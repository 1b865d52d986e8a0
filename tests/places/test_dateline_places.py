"""Which place a wire dateline's city resolves to, in whole articles written for these tests.

A dateline names the city a story was filed from, and wire services use bare city names only for
cities a reader knows ("GENEVA —", "KYIV —"); smaller towns carry their state or country ("JUBA,
South Sudan (Reuters) -", "LONDON, Ontario —"). So the city is the one its own qualifier names,
else the most prominent of that name, never a namesake the rest of the story pulls toward.
"""

from __future__ import annotations

from typing import Any

import pytest

from article_events import analyse_article, event_on
from newsgraph.model import Analysis

pytestmark = pytest.mark.model


def _dateline_places(analysis: Analysis) -> list[tuple[str, str | None, str]]:
    """(name, country, feature) of the places inside the document's dateline."""
    span = analysis.document.dateline
    assert span is not None, "the article's dateline was not recognised"
    return [
        (p.name, p.country, p.feature)
        for p in analysis.places
        if span.start <= p.start and p.end <= span.end
    ]


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        # a namesake in the country the story names: Geneva, Illinois or New York
        (
            "UN experts urge halt to deportation flights\n"
            "GENEVA — United Nations human rights experts on Tuesday urged the United States to "
            "halt deportation flights to countries where migrants could face torture.\n"
            "The experts said the flights, run by U.S. immigration authorities from Texas and "
            "New York, breached international law, and asked Washington to answer within 60 "
            "days.",
            [("Geneva", "CHE", "city")],
        ),
        (
            "WHO warns of measles surge in the Americas\n"
            "GENEVA (Reuters) - The World Health Organization said on Thursday that measles "
            "cases in the United States and Canada had risen fourfold, and urged parents in "
            "Ohio and Illinois to vaccinate their children.",
            [("Geneva", "CHE", "city")],
        ),
        # a capital of four capitals: never read as a code
        (
            "South Sudan president fires finance minister\n"
            "JUBA, South Sudan (Reuters) - South Sudan's president Salva Kiir on Monday fired his "
            "finance minister, the third such dismissal this year, state broadcaster SSBC said.",
            [("Juba", "SSD", "city"), ("South Sudan", "SSD", "country")],
        ),
        (
            "Drones hit power plants overnight\n"
            "KYIV — Russian drones struck energy facilities across Ukraine overnight, officials "
            "said on Wednesday, leaving thousands of homes without heating.",
            [("Kyiv", "UKR", "city")],
        ),
        # the older spelling: the capital, not the surrounding province
        (
            "Parliament approves new defence minister\n"
            "KIEV, Feb 6 (Reuters) - Ukraine's parliament on Thursday approved a new defence "
            "minister, Oleksandr Marchenko, by 300 votes to 40.",
            [("Kyiv", "UKR", "city")],
        ),
        # the dateline's own qualifier names the smaller namesake
        (
            "Flooding closes downtown streets\n"
            "LONDON, Ontario — Heavy rain flooded streets across the southwestern Ontario city "
            "on Saturday, and the mayor, Josh Morgan, declared a local emergency.",
            [("London", "CAN", "city"), ("Ontario", "CAN", "admin1")],
        ),
        (
            "City council approves stadium deal\n"
            "PARIS, Texas (AP) — The city council in this northeast Texas town on Monday approved "
            "a stadium deal with a minor league club.",
            [("Paris", "USA", "city"), ("Texas", "USA", "admin1")],
        ),
        (
            "Lebanese army deploys after clashes\n"
            "TRIPOLI, Lebanon (Reuters) - Lebanon's army deployed in the northern city on Sunday "
            "after clashes between rival gunmen, as officials in Libya and Syria watched.",
            [("Tripoli", "LBN", "city"), ("Lebanon", "LBN", "country")],
        ),
        # a town name that is also a word counts when the dateline qualifies it
        (
            "Barge strikes bridge\n"
            "MOBILE, Ala. (AP) — A barge loaded with gravel struck a railway bridge on Monday, "
            "Alabama officials said.",
            [("Mobile", "USA", "city"), ("Alabama", "USA", "admin1")],
        ),
        (
            "Peace talks open in Norway\n"
            "OSLO, June 3 - Government negotiators from the Philippines met rebel envoys on "
            "Tuesday for talks hosted by Norway.",
            [("Oslo", "NOR", "city")],
        ),
        # the qualifier is the one of its name that holds the city
        (
            "Runoff results certified\n"
            "ATLANTA, Georgia — State election officials on Monday certified the results of the "
            "Senate runoff, a week after voters from Savannah to Augusta went to the polls.",
            [("Atlanta", "USA", "city"), ("Georgia", "USA", "admin1")],
        ),
        (
            "Thousands rally against foreign agents law\n"
            "TBILISI, Georgia (AP) — Thousands of protesters rallied outside parliament on "
            "Sunday against a law modelled on one in Russia.",
            [("Tbilisi", "GEO", "city"), ("Georgia", "GEO", "country")],
        ),
        # filed from two cities: each the one a reader takes it for
        (
            "Horn of Africa talks resume\n"
            "NAIROBI/ADDIS ABABA — Kenyan and Ethiopian envoys resumed talks on Tuesday on a "
            "border dispute, while the United States offered to mediate.",
            [("Nairobi", "KEN", "city"), ("Addis Ababa", "ETH", "city")],
        ),
    ],
)
def test_dateline_city_is_the_one_a_reader_takes_it_for(
    pipeline: Any, article: str, expected: list[tuple[str, str | None, str]]
) -> None:
    analysis = analyse_article(pipeline, article, "2025-10-14")
    assert _dateline_places(analysis) == expected


def test_dateline_city_holds_for_the_same_name_in_the_body(pipeline: Any) -> None:
    """The body's "Geneva" is the city the dateline names, whatever country the story is
    about."""
    article = (
        "US envoy meets Iranian officials\n"
        "GENEVA — A United States envoy met Iranian officials on Friday for talks on the nuclear "
        "programme, the State Department in Washington said.\n"
        "The talks in Geneva were the first since March, a US official said."
    )
    analysis = analyse_article(pipeline, article, "2025-05-09")
    genevas = {(p.name, p.country) for p in analysis.places if p.name == "Geneva"}
    assert genevas == {("Geneva", "CHE")}


def test_dateline_city_places_the_opening_events(pipeline: Any) -> None:
    """The dateline's city feeds the opening paragraphs' setting, and so the events' place."""
    article = (
        "Court jails opposition leader\n"
        "KYIV, March 4 (Reuters) - A Ukrainian court on Tuesday jailed an opposition lawmaker "
        "for eight years for treason, prosecutors said."
    )
    location = event_on(analyse_article(pipeline, article, "2025-03-04"), "jailed").location
    assert location is not None
    assert (location.name, location.country, location.source) == ("Kyiv", "UKR", "dateline")


def test_dateline_qualifier_holds_for_the_same_name_in_the_body(pipeline: Any) -> None:
    """The body's "Georgia" is the state the dateline's qualifier names in a story filed from
    one of its towns."""
    article = (
        "Port traffic rises\n"
        "SAVANNAH, Georgia (AP) — Cargo volumes at the port rose 9% in the first quarter, "
        "officials said on Monday.\n"
        "Georgia has spent $2 billion on deepening the harbour, the governor's office said."
    )
    analysis = analyse_article(pipeline, article, "2025-04-14")
    georgias = {(p.country, p.feature) for p in analysis.places if p.name == "Georgia"}
    assert georgias == {("USA", "admin1")}
