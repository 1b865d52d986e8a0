"""Where whole articles (written for these tests, wire style) place their events.

One group per rule of `places.locate` / `places.setting`: the event's own clause, a paragraph's
opening locative, the wire dateline for the opening paragraphs, never the target's country by
default, and the town over the country when the text names the town.
"""

from __future__ import annotations

from typing import Any

import pytest

from article_events import analyse_article, event_on
from newsgraph.model import Analysis

pytestmark = pytest.mark.model


def _where(analysis: Analysis, trigger: str) -> tuple[str, str | None, str, str] | None:
    location = event_on(analysis, trigger).location
    if location is None:
        return None
    return location.name, location.country, location.precision, location.source


# -- the event's own clause ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("article", "published", "trigger", "expected"),
    [
        (
            "Manila and Hanoi discuss fishing rights\n"
            "MANILA, June 9 (Reuters) - Philippine and Vietnamese foreign ministers held talks "
            "in Hanoi on Monday on fishing rights in the South China Sea.",
            "2025-06-10",
            "held",
            ("Hanoi", "VNM", "city", "clause"),
        ),
        (
            "Rebels attack army posts in Mali\n"
            "BAMAKO, Jan 14 (Reuters) - Islamist fighters attacked two army posts near Timbuktu on "
            "Sunday, Mali's army said.",
            "2025-01-14",
            "attacked",
            ("Timbuktu", "MLI", "city", "clause"),
        ),
        (
            "Sudan talks collapse\n"
            "The Doha talks between Sudan's army and the Rapid Support Forces collapsed on "
            "Sunday.",
            "2025-04-07",
            "talks",
            ("Doha", "QAT", "city", "clause"),
        ),
        (
            "Press group condemns arrests\n"
            "The Geneva-based Committee to Protect Journalists condemned the arrest of two "
            "reporters on Wednesday.",
            "2025-03-13",
            "condemned",
            ("Geneva", "CHE", "city", "clause"),
        ),
    ],
)
def test_event_setting_own_clause_places_the_event(
    pipeline: Any, article: str, published: str, trigger: str, expected: tuple[str, ...]
) -> None:
    assert _where(analyse_article(pipeline, article, published), trigger) == expected


# -- the paragraph's setting ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("article", "published", "trigger", "expected"),
    [
        (
            "Dockers strike in Antwerp\n"
            "BRUSSELS, May 6 (Reuters) - Belgian unions called a national strike over pension "
            "cuts on Monday.\n"
            "In Antwerp, dock workers blocked the main gates of the port on Tuesday. Police "
            "detained eleven protesters after scuffles broke out near the container terminal.",
            "2025-05-07",
            "detained",
            ("Antwerp", "BEL", "city", "paragraph"),
        ),
        (
            "Election tensions rise in Nigeria\n"
            "Nigeria's electoral commission published the final list of candidates on Monday.\n"
            "In Kano, supporters of the two main parties clashed outside a polling office on "
            "Tuesday. Officers arrested 23 people, a police spokesman said.",
            "2025-02-12",
            "arrested",
            ("Kano", "NGA", "city", "paragraph"),
        ),
    ],
)
def test_event_setting_paragraph_opening_places_later_sentences(
    pipeline: Any, article: str, published: str, trigger: str, expected: tuple[str, ...]
) -> None:
    assert _where(analyse_article(pipeline, article, published), trigger) == expected


def test_event_setting_paragraph_does_not_reach_the_next_paragraph(pipeline: Any) -> None:
    analysis = analyse_article(
        pipeline,
        "Clashes in Kano\n"
        "Nigeria's electoral commission published the final list of candidates on Monday.\n"
        "In Kano, supporters of the two main parties clashed outside a polling office.\n"
        "Opposition leaders accused the ruling party of intimidation on Wednesday.",
        "2025-02-12",
    )
    assert _where(analysis, "accused") is None


# -- the dateline --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("article", "published", "trigger", "expected"),
    [
        (
            "Kenyan teachers accuse government\n"
            "NAIROBI, Feb 11 (Reuters) - Kenya's main teachers' union accused the government on "
            "Tuesday of breaking a pay deal.",
            "2025-02-11",
            "accused",
            ("Nairobi", "KEN", "city", "dateline"),
        ),
        (
            "Ethiopia accuses Eritrea\n"
            "ADDIS ABABA, Nov 2 (Reuters) - Ethiopia accused Eritrea on Saturday of massing "
            "troops on the border.",
            "2025-11-02",
            "accused",
            ("Addis Ababa", "ETH", "city", "dateline"),
        ),
        (
            "Canada sanctions Russian officials\n"
            "OTTAWA, Aug 20 (Reuters) - Canada imposed sanctions on Russia over the deportation "
            "of Ukrainian children on Tuesday.",
            "2025-08-20",
            "imposed",
            ("Ottawa", "CAN", "city", "dateline"),
        ),
    ],
)
def test_event_setting_dateline_places_the_opening_paragraphs(
    pipeline: Any, article: str, published: str, trigger: str, expected: tuple[str, ...]
) -> None:
    assert _where(analyse_article(pipeline, article, published), trigger) == expected


@pytest.mark.parametrize(
    ("article", "published", "trigger"),
    [
        # an actor from elsewhere: the dateline is only where the reporter is
        (
            "EU widens sanctions\n"
            "OTTAWA, Aug 20 (Reuters) - The European Union imposed new sanctions on Belarus on "
            "Tuesday, officials said.",
            "2025-08-20",
            "imposed",
        ),
        # background the reporter did not see from the dateline's city
        (
            "Ethiopia accuses Eritrea\n"
            "ADDIS ABABA, Nov 2 (Reuters) - Ethiopia accused Eritrea on Saturday of massing "
            "troops on the border.\n"
            "The two countries signed a peace agreement in 2018.",
            "2025-11-02",
            "signed",
        ),
        # filed from cities in two countries: the event is in neither for sure
        (
            "UN appeals for Sudan aid\n"
            "GENEVA/NEW YORK — The United Nations appealed on Friday for 4 billion dollars "
            "to feed refugees.",
            "2025-07-04",
            "appealed",
        ),
        (
            "Kenya condemns attack\n"
            "NAIROBI/ADDIS ABABA, March 3 (Reuters) - Kenya's government condemned on Monday an "
            "attack on a bus near the border.",
            "2025-03-03",
            "condemned",
        ),
        # past the opening paragraphs
        (
            "Kenyan teachers strike\n"
            "NAIROBI, Feb 11 (Reuters) - Kenyan teachers walked out of classrooms on Tuesday.\n"
            "Parents said schools were empty across the country.\n"
            "The union's leaders said the strike would go on.\n"
            "The union accused the education ministry of ignoring its demands.",
            "2025-02-11",
            "accused",
        ),
    ],
)
def test_event_setting_dateline_gives_way(
    pipeline: Any, article: str, published: str, trigger: str
) -> None:
    location = event_on(analyse_article(pipeline, article, published), trigger).location
    assert location is None or location.source != "dateline"


# -- never the recipient's country by default ----------------------------------------------------


@pytest.mark.parametrize(
    ("article", "published", "trigger", "target"),
    [
        (
            "EU sanctions Iranian drone makers\n"
            "The European Union imposed sanctions on Iran on Monday over drone deliveries.",
            "2025-04-15",
            "imposed",
            "IRN",
        ),
        (
            "Washington sanctions Nicaraguan officials\n"
            "TEGUCIGALPA, July 3 (Reuters) - The United States imposed sanctions on Nicaragua's "
            "police chief on Thursday.",
            "2025-07-03",
            "imposed",
            "NIC",
        ),
        (
            "Mexico complains to Washington\n"
            "Mexico's foreign ministry lodged a complaint with the United States on Monday.",
            "2025-04-08",
            "complains",
            "USA",
        ),
        (
            "Seoul protests to Tokyo\n"
            "South Korea's foreign ministry sent a formal protest to Japan on Friday over "
            "textbooks.",
            "2025-04-12",
            "protests",
            "JPN",
        ),
    ],
)
def test_event_setting_not_the_targets_country(
    pipeline: Any, article: str, published: str, trigger: str, target: str
) -> None:
    location = event_on(analyse_article(pipeline, article, published), trigger).location
    assert location is None or location.country != target


def test_event_setting_targeted_dateline_is_not_used(pipeline: Any) -> None:
    # sanctions decided elsewhere are not placed in the targeted country the story is filed from
    analysis = analyse_article(
        pipeline,
        "EU sanctions Venezuelan officials\n"
        "CARACAS, Jan 9 (Reuters) - The European Union imposed sanctions on Venezuela's "
        "election authority on Thursday.",
        "2025-01-09",
    )
    location = event_on(analysis, "imposed").location
    assert location is None or location.country != "VEN"


# -- the town over the country -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("article", "published", "trigger", "expected"),
    [
        (
            "Indonesia and Australia sign security pact\n"
            "Indonesian and Australian defence ministers signed a security agreement in "
            "Indonesia on Monday, in Surabaya, the country's second city.",
            "2025-11-04",
            "signed",
            ("Surabaya", "IDN", "city", "clause"),
        ),
        (
            "Chile's president visits Argentina\n"
            "SANTIAGO, Oct 2 (Reuters) - Chilean President Gabriel Boric met Argentine President "
            "Javier Milei at a summit in Mendoza on Wednesday, Chile's government said.",
            "2025-10-02",
            "visits",
            ("Mendoza", "ARG", "city", "clause"),
        ),
        (
            "Zambian opposition picks candidate\n"
            "The opposition held rallies in several countries on Sunday.\n"
            "In Zambia, opposition leaders met in the capital on Monday to choose a candidate.",
            "2025-06-03",
            "met",
            ("Lusaka", "ZMB", "city", "clause"),
        ),
        (
            "Ministers meet in Peru\n"
            "Andean trade ministers met in Peru on Friday at a hotel in Cusco.",
            "2025-09-13",
            "met",
            ("Cusco", "PER", "city", "clause"),
        ),
    ],
)
def test_event_setting_town_over_country(
    pipeline: Any, article: str, published: str, trigger: str, expected: tuple[str, ...]
) -> None:
    assert _where(analyse_article(pipeline, article, published), trigger) == expected


def test_event_setting_whole_country_is_not_narrowed(pipeline: Any) -> None:
    analysis = analyse_article(
        pipeline,
        "Bolivia protests\n"
        "Protesters rallied across Bolivia on Monday after police detained an opposition mayor "
        "in Cochabamba.",
        "2025-06-03",
    )
    assert _where(analysis, "rallied") == ("Bolivia", "BOL", "country", "clause")
    assert _where(analysis, "detained") == ("Cochabamba", "BOL", "city", "clause")
