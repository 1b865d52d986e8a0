"""Whole wire-style articles (written for these tests) for each kind of coding error: codes the
document settles (dateline, dominant country, whose ministry), PLOVER's country-level codes for
international bodies and their staff, breakaway regions, the EU's seat, refugees, rebel forces,
and entity linking (one surname, two people; a possessive after an appositive role)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from newsgraph.actors import participants_in
from newsgraph.ingest import analysis_from_text
from newsgraph.model import Analysis, Entity
from newsgraph.pipeline import build_stages
from newsgraph.settings import Settings

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def run() -> Any:
    stages = build_stages(Settings(), ["annotate", "actors"])

    def analyse(text: str, published: dt.date = dt.date(2025, 5, 14)) -> Analysis:
        analysis = analysis_from_text(text, published=published)
        for stage in stages:
            analysis = stage(analysis)
        return analysis

    return analyse


def coded(analysis: Analysis, phrase: str, occurrence: int = 0) -> list[tuple[Any, ...]]:
    """(country, sector, code) of every participant the phrase's span refers to."""
    start = -1
    for _ in range(occurrence + 1):
        start = analysis.text.index(phrase, start + 1)
    found = participants_in(analysis, start, start + len(phrase))
    return [(p.country, p.sector, p.code) for p in found]


def source_of(analysis: Analysis, phrase: str) -> list[str | None]:
    start = analysis.text.index(phrase)
    return [p.country_source for p in participants_in(analysis, start, start + len(phrase))]


def entity(analysis: Analysis, name: str) -> Entity:
    return next(e for e in analysis.entities if e.name == name)


def diagnostics(analysis: Analysis, code: str) -> list[str]:
    return [d.message for d in analysis.diagnostics if d.code == code]


# -- the dateline's country for role nouns ----------------------------------------------------


@pytest.mark.parametrize(
    ("article", "phrase", "expected"),
    [
        (
            "Fuel protests spread to the capital\n\n"
            "LIMA, May 13 (Wire) - Police fired tear gas at truck drivers who blocked a highway "
            "into the city on Tuesday, and the government said it would not lower diesel prices."
            "\n\nThe drivers' union said the strike would go on.",
            "Police",
            ("PER", "COP", "PERCOP"),
        ),
        (
            "Fuel protests spread to the capital\n\n"
            "LIMA, May 13 (Wire) - Police fired tear gas at truck drivers who blocked a highway "
            "into the city on Tuesday, and the government said it would not lower diesel prices."
            "\n\nThe drivers' union said the strike would go on.",
            "the government",
            ("PER", "GOV", "PERGOV"),
        ),
        (
            "Opposition rally broken up\n\n"
            "TBILISI, May 13 (Wire) - Riot police detained dozens of opposition supporters "
            "outside parliament late on Monday.\n\nThe interior ministry said officers had "
            "been attacked with bottles.",
            "Riot police",
            ("GEO", "COP", "GEOCOP"),
        ),
        (
            "Garment workers march over wages\n\n"
            "DHAKA, May 13 (Wire) - Thousands of garment workers marched on the labour ministry "
            "on Tuesday, and the authorities promised talks.",
            "the authorities",
            ("BGD", "GOV", "BGDGOV"),
        ),
    ],
)
def test_document_codes_dateline_owns_role_nouns(
    run: Any, article: str, phrase: str, expected: tuple[str, str, str]
) -> None:
    analysis = run(article)
    assert coded(analysis, phrase) == [expected]
    assert source_of(analysis, phrase) == ["dateline"]


# -- the dominant country needs real evidence ----------------------------------------------------


def test_document_codes_one_passing_mention_settles_nothing(run: Any) -> None:
    article = (
        "Port strike enters second week\n\n"
        "Dock workers stayed off the job for an eighth day on Monday, leaving container ships "
        "waiting offshore.\n\n"
        "The union said talks with the port authority had broken down over night-shift pay.\n\n"
        "A shipping agent in Mombasa said cargo was piling up on the quays."
    )
    analysis = run(article)
    assert analysis.country_context is None
    assert [c for c, _, _ in coded(analysis, "Dock workers")] == [None]


@pytest.mark.parametrize(
    ("article", "phrase", "country"),
    [
        (
            "Teachers walk out over arrears\n\n"
            "Teachers in Kumasi closed schools on Monday over months of unpaid salaries.\n\n"
            "The strike spread to Tamale and Cape Coast by the afternoon, and police said "
            "the marches were peaceful.\n\n"
            "Ghana's education service said the arrears would be paid this month.",
            "police",
            "GHA",
        ),
        (
            "Minister defends budget cuts\n\n"
            "Polish Finance Minister Tomasz Wrobel defended the spending cuts on Tuesday.\n\n"
            "Farmers have blocked roads for a week, and the opposition called for a vote "
            "of no confidence.\n\nThe government said the cuts would stay.",
            "The government",
            "POL",
        ),
    ],
)
def test_document_codes_repeated_mentions_settle_the_country(
    run: Any, article: str, phrase: str, country: str
) -> None:
    analysis = run(article)
    assert analysis.country_context is not None
    assert analysis.country_context.source == "document"
    assert [c for c, _, _ in coded(analysis, phrase)] == [country]
    assert diagnostics(analysis, "country_context")


def test_document_codes_a_foreign_embassy_does_not_place_the_story(run: Any) -> None:
    article = (
        "Protest outside embassy\n\n"
        "Hundreds of students gathered outside the Turkish embassy on Friday to protest "
        "against the arrest of a journalist.\n\n"
        "Police said the crowd dispersed peacefully after two hours.\n\n"
        "The students said they would return on Monday."
    )
    analysis = run(article)
    assert analysis.country_context is None
    assert [c for c, _, _ in coded(analysis, "Police")] == [None]


# -- whose ministry ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("article", "phrase", "country"),
    [
        (
            "Budapest protests over transit fees\n\n"
            "VIENNA, May 13 (Wire) - The foreign ministry said on Tuesday it had lodged a "
            "formal protest over new transit fees for trucks.\n\n"
            "Hungarian Foreign Minister Gabor Kertesz told reporters the fees broke European "
            "rules. Kertesz said he would raise the matter with his counterpart next week.",
            "The foreign ministry",
            "HUN",
        ),
        (
            "Oslo seeks answers over detained fishermen\n\n"
            "MOSCOW, May 13 (Wire) - Norway's ambassador, Ingrid Solberg, said the ministry "
            "had asked for consular access to the six fishermen.\n\n"
            "Solberg said the crew had been held for four days.",
            "the ministry",
            "NOR",
        ),
        (
            "Ankara sets deadline over pipeline\n\n"
            "BAGHDAD, May 13 (Wire) - The foreign ministry said on Tuesday that oil exports "
            "through the pipeline must resume within a week.\n\n"
            "Fidan told reporters in Ankara that talks with the Iraqi side had stalled.",
            "The foreign ministry",
            "TUR",
        ),
    ],
)
def test_document_codes_a_ministry_belongs_to_the_country_of_its_officials(
    run: Any, article: str, phrase: str, country: str
) -> None:
    analysis = run(article)
    assert [c for c, _, _ in coded(analysis, phrase)] == [country]
    assert source_of(analysis, phrase) == ["official"]
    (evidence,) = diagnostics(analysis, "ministry_country")
    assert evidence.startswith(f"{phrase}: {country} from ")


def test_document_codes_ministers_of_two_countries_leave_the_ministry_empty(run: Any) -> None:
    article = (
        "Talks on river dam stall\n\n"
        "CAIRO, May 13 (Wire) - Egyptian Foreign Minister Karim Fawzy met Ethiopian Foreign "
        "Minister Dawit Alemu for three hours on Tuesday.\n\n"
        "The foreign ministry said afterwards that no agreement had been reached."
    )
    analysis = run(article)
    assert [c for c, _, _ in coded(analysis, "The foreign ministry")] == [None]
    assert diagnostics(analysis, "ministry_country") == [
        "The foreign ministry: officials of several countries, no country"
    ]


@pytest.mark.parametrize(
    ("article", "name", "country"),
    [
        (
            "Border shooting\n\n"
            "Two soldiers were wounded in a shooting at a border post overnight, the Defence "
            "Ministry in Baku said on Tuesday. Officials in Yerevan denied that their troops "
            "had fired first.",
            "Defence Ministry",
            "AZE",
        ),
        (
            "Migrants detained\n\n"
            "The Interior Ministry in Tegucigalpa said 40 migrants had been detained near the "
            "border with Guatemala on Monday.",
            "Interior Ministry",
            "HND",
        ),
    ],
)
def test_document_codes_a_ministry_in_a_capital_is_that_capitals(
    run: Any, article: str, name: str, country: str
) -> None:
    analysis = run(article)
    ministry = entity(analysis, name)
    assert ministry.country == country
    assert any(name in m for m in diagnostics(analysis, "own_place"))


# -- PLOVER's country-level codes: international bodies and their staff --------------------------


def test_document_codes_un_bodies_are_uno_and_never_a_sector(run: Any) -> None:
    article = (
        "Aid convoy reaches besieged town\n\n"
        "KHARTOUM, May 13 (Wire) - The UN Security Council called for a ceasefire on Tuesday, "
        "and the World Health Organization said cholera was spreading. UN peacekeepers "
        "escorted the convoy."
    )
    analysis = run(article)
    council = entity(analysis, "UN Security Council")
    assert (council.country, council.sector, council.code) == ("UNO", "GOV", "UNOGOV")
    who = entity(analysis, "World Health Organization")
    assert (who.country, who.sector, who.code) == ("UNO", "MED", "UNOMED")
    assert coded(analysis, "UN peacekeepers") == [("UNO", "MIL", "UNOMIL")]
    assert all(e.sector not in {"IGO", "UNO", "EUR", "NGO"} for e in analysis.entities)


@pytest.mark.parametrize(
    ("article", "name"),
    [
        (
            "Nuclear inspectors to return\n\n"
            "TEHRAN, May 13 (Wire) - U.N. atomic agency chief Mariano Delcastillo said on "
            "Tuesday inspectors would return to the enrichment site next week. Iranian "
            "officials did not comment.",
            "Mariano Delcastillo",
        ),
        (
            "Refugee chief visits camps\n\n"
            "AMMAN, May 13 (Wire) - The UN refugee chief, Ingrid Halvorsen, toured two camps on "
            "Tuesday and called for more funding. Jordanian officials said the camps were full.",
            "Ingrid Halvorsen",
        ),
        (
            "Call for aid access\n\n"
            "SANAA, May 13 (Wire) - UN humanitarian coordinator Tomas Bergstrom urged the "
            "warring parties to reopen the port. Yemeni officials blamed the blockade.",
            "Tomas Bergstrom",
        ),
    ],
)
def test_document_codes_international_civil_servants_are_not_the_host_country(
    run: Any, article: str, name: str
) -> None:
    person = entity(run(article), name)
    assert (person.country, person.sector, person.code) == ("UNO", "GOV", "UNOGOV")


def test_document_codes_the_head_of_the_un_nuclear_agency_is_no_military_unit(run: Any) -> None:
    article = (
        "Watchdog chief visits plant\n\n"
        "KYIV, March 10 (Wire) - The head of the U.N. nuclear watchdog, Rafael Grossi, crossed "
        "the front line on Monday to inspect the nuclear plant."
    )
    grossi = entity(run(article, dt.date(2025, 3, 10)), "Rafael Grossi")
    assert (grossi.country, grossi.sector, grossi.code) == ("UNO", "GOV", "UNOGOV")


# -- breakaway regions: the nominal sovereign, sector PRE ----------------------------------------


@pytest.mark.parametrize(
    ("article", "phrase", "expected"),
    [
        (
            "Talks on crossing points\n\n"
            "TBILISI, May 13 (Wire) - Officials of the breakaway region of South Ossetia met "
            "Russian diplomats on Tuesday to discuss crossing points.",
            "Officials of the breakaway region of South Ossetia",
            ("GEO", "PRE", "GEOPRE"),
        ),
        (
            "Customs row\n\n"
            "CHISINAU, May 13 (Wire) - Transnistria's leader accused the government of "
            "strangling the region's trade with new customs rules.",
            "Transnistria's leader",
            ("MDA", "PRE", "MDAPRE"),
        ),
        (
            "Port deal criticised\n\n"
            "MOGADISHU, May 13 (Wire) - Authorities in Somaliland signed a port agreement on "
            "Tuesday, and the federal government called it illegal.",
            "Authorities in Somaliland",
            ("SOM", "PRE", "SOMPRE"),
        ),
    ],
)
def test_document_codes_breakaway_regions_belong_to_their_sovereign(
    run: Any, article: str, phrase: str, expected: tuple[str, str, str]
) -> None:
    assert coded(run(article), phrase) == [expected]


def test_document_codes_a_breakaway_region_is_never_the_datelines_country(run: Any) -> None:
    article = (
        "Ceasefire violations\n\n"
        "KRAMATORSK, Ukraine, Aug 14 (Wire) - Forces in Nagorno-Karabakh exchanged fire with "
        "Azerbaijani troops, the mission said."
    )
    region = entity(run(article, dt.date(2014, 8, 14)), "Nagorno-Karabakh")
    assert (region.country, region.sector) == ("AZE", "PRE")


# -- the EU's seat -------------------------------------------------------------------------------


def test_document_codes_brussels_in_an_eu_story_is_the_eu(run: Any) -> None:
    article = (
        "EU extends steel tariffs\n\n"
        "The European Commission extended tariffs on steel imports on Tuesday. Brussels warned "
        "Ankara that further measures could follow, and Brussels said talks would continue."
    )
    brussels = entity(run(article), "Brussels")
    assert (brussels.country, brussels.code) == ("EUR", "EURGOV")


def test_document_codes_brussels_in_a_belgian_story_is_belgium(run: Any) -> None:
    article = (
        "Pension reform\n\n"
        "Belgian unions called a national strike on Tuesday. Brussels said the pension reform "
        "would pass before the summer, and Belgian rail traffic was halted."
    )
    brussels = entity(run(article), "Brussels")
    assert (brussels.country, brussels.code) == ("BEL", "BELGOV")


# -- refugees near a neighbour's border -----------------------------------------------------------


@pytest.mark.parametrize(
    ("article", "phrase", "expected"),
    [
        (
            "Aid reaches camps\n\n"
            "IDLIB, Syria, Feb 3 (Wire) - Families displaced near the Turkish border protested "
            "against food shortages on Monday.",
            "Families displaced near the Turkish border",
            ("SYR", "REF", "SYRREF"),
        ),
        (
            "Camp overcrowded\n\n"
            "EL FASHER, Sudan, Feb 3 (Wire) - Displaced Sudanese near the Chadian border accused "
            "aid agencies of neglect.",
            "Displaced Sudanese",
            ("SDN", "REF", "SDNREF"),
        ),
    ],
)
def test_document_codes_the_displaced_are_refugees_of_the_camps_country(
    run: Any, article: str, phrase: str, expected: tuple[str, str, str]
) -> None:
    assert coded(run(article), phrase) == [expected]


@pytest.mark.parametrize("phrase", ["the Turkish border", "the Pakistani frontier"])
def test_document_codes_a_border_is_a_place_not_a_participant(run: Any, phrase: str) -> None:
    article = (
        f"Shelters\n\nAid groups set up shelters near {phrase} on Monday as the fighting spread."
    )
    countries = [c for c, _, _ in coded(run(article), phrase)]
    assert "TUR" not in countries and "PAK" not in countries


# -- rebel forces --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("article", "name"),
    [
        (
            "Town falls\n\n"
            "Rebel forces of the Kachin Liberation Army seized a jade-mining town on Tuesday, "
            "residents said.",
            "Kachin Liberation Army",
        ),
        (
            "Ambush on convoy\n\n"
            "The Zomi Defence Army, an ethnic rebel group, ambushed a supply convoy on Monday.",
            "Zomi Defence Army",
        ),
    ],
)
def test_document_codes_a_rebel_force_is_reb_not_an_army(run: Any, article: str, name: str) -> None:
    assert entity(run(article), name).sector == "REB"


def test_document_codes_a_rebel_groups_sector_beats_paramilitary(run: Any) -> None:
    article = (
        "Market shelled\n\n"
        "Paramilitary RSF fighters shelled a market in Omdurman on Tuesday, killing 12 people."
    )
    analysis = run(article, dt.date(2024, 6, 4))
    assert coded(analysis, "Paramilitary RSF fighters") == [("SDN", "REB", "SDNREB")]


# -- entity linking ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("article", "official", "spouse", "later"),
    [
        (
            "Clinic opened\n\n"
            "ACCRA, May 12 (Wire) - President Kwame Owusu-Mensah met traders on Monday. His "
            "wife, Abena Owusu-Mensah, opened a maternity clinic in Tamale. Mrs Owusu-Mensah "
            "later met nurses.",
            "Kwame Owusu-Mensah",
            "Abena Owusu-Mensah",
            "Mrs Owusu-Mensah",
        ),
        (
            "School opened\n\n"
            "NAIROBI, July 8 (Wire) - President William Ruto chaired a security meeting. His "
            "wife, Rachel Ruto, met a delegation of women in Mombasa. Mrs Ruto later visited a "
            "hospital.",
            "William Ruto",
            "Rachel Ruto",
            "Mrs Ruto",
        ),
    ],
)
def test_document_codes_the_presidents_wife_is_not_the_president(
    run: Any, article: str, official: str, spouse: str, later: str
) -> None:
    analysis = run(article)
    him, her = entity(analysis, official), entity(analysis, spouse)
    assert him is not her
    start = analysis.text.index(later) + len(later.split()[0]) + 1  # the surname
    end = analysis.text.index(later) + len(later)
    assert any(m.start < end and start < m.end for m in her.mentions)
    assert not any(m.start < end and start < m.end for m in him.mentions)


@pytest.mark.parametrize(
    ("headline", "noun", "country"),
    [
        ("Ghana Expels Togolese Envoys Over Border Row", "Envoys", "TGO"),
        ("Nepal Bans Indian Trucks After Floods", "Trucks", "IND"),
        ("Chile Summons Peruvian Diplomats Over Spying", "Diplomats", "PER"),
    ],
)
def test_document_codes_headline_words_are_case_normalised(
    run: Any, headline: str, noun: str, country: str
) -> None:
    """No title-case verb becomes a name ("Expels"), and the headline's demonym still owns
    its noun although the small model parses the headline as one noun phrase."""
    article = f"{headline}\n\nThe decision was announced on Tuesday by the foreign ministry."
    analysis = run(article)
    verb = headline.split()[1]
    assert not any(verb in e.name for e in analysis.entities), [e.name for e in analysis.entities]
    if noun != "Trucks":  # trucks are no actor; the owner test is for people
        assert [c for c, _, _ in coded(analysis, noun)] == [country]


def test_document_codes_a_possessive_after_an_appositive_role_takes_no_role(run: Any) -> None:
    article = (
        "Envoy absent\n\n"
        "ACCRA, May 12 (Wire) - The Togolese ambassador, Komlan Agbeko's office said, would "
        "not attend the ceremony."
    )
    person = entity(run(article), "Komlan Agbeko")
    assert "ambassador" not in person.titles
    assert person.country != "TGO" or person.coding_source != "text"


@pytest.mark.parametrize(
    ("article", "phrase"),
    [
        (
            "Shelling resumes\n\nRussian-backed separatists shelled two villages on Monday.",
            "Russian-backed separatists",
        ),
        (
            "Airport seized\n\nPro-Russian rebels seized the regional airport on Sunday.",
            "Pro-Russian rebels",
        ),
        (
            "Vote announced\n\nThe pro-Russian governor Igor Markov announced a referendum.",
            "The pro-Russian governor Igor Markov",
        ),
    ],
)
def test_document_codes_a_sponsor_or_stance_is_not_the_owner(
    run: Any, article: str, phrase: str
) -> None:
    """ "Russian-backed", "pro-Russian": the backer is not the country whose actors they are."""
    assert "RUS" not in [c for c, _, _ in coded(run(article), phrase)]


@pytest.mark.parametrize(
    ("article", "name", "expected"),
    [
        (
            "Provocations alleged\n\n"
            "KRAMATORSK, Ukraine, Aug 14 (Wire) - The leader of the self-proclaimed Luhansk "
            "People's Republic, Oleg Dmitrenko, accused Kyiv of provocations.",
            "Oleg Dmitrenko",
            ("UKR", "PRE", "UKRPRE"),
        ),
        (
            "Camps visited\n\n"
            "AMMAN, May 13 (Wire) - The head of the U.N. refugee agency, Lotte Vermeulen, "
            "visited two camps near the border.",
            "Lotte Vermeulen",
            ("UNO", "GOV", "UNOGOV"),
        ),
        (
            "Traders meet president\n\n"
            "ACCRA, May 13 (Wire) - The president of Kenya, Samuel Kiprono, met traders.",
            "Samuel Kiprono",
            ("KEN", "GOV", "KENGOV"),
        ),
    ],
)
def test_document_codes_a_title_with_its_of_phrase_before_the_name(
    run: Any, article: str, name: str, expected: tuple[str, str, str]
) -> None:
    """ "The leader of X, NAME": the "of"-phrase names whose office it is, never the
    dateline's country."""
    person = entity(run(article, dt.date(2024, 6, 4)), name)
    assert (person.country, person.sector, person.code) == expected


@pytest.mark.parametrize(
    ("article", "name", "day", "sector"),
    [
        (
            "Post attacked\n\nThe Taliban attacked a police post in Helmand.",
            "Taliban",
            "2015-06-01",
            "REB",
        ),
        (
            "Post attacked\n\nThe Taliban attacked a police post in Helmand.",
            "Taliban",
            "2024-06-01",
            "GOV",
        ),
        (
            "Patrols\n\nThe Rapid Support Forces patrolled Khartoum.",
            "Rapid Support Forces",
            "2021-03-01",
            "PRM",
        ),
        (
            "Patrols\n\nThe Rapid Support Forces shelled Khartoum.",
            "Rapid Support Forces",
            "2024-03-01",
            "REB",
        ),
    ],
)
def test_document_codes_a_group_is_coded_by_its_role_on_the_day(
    run: Any, article: str, name: str, day: str, sector: str
) -> None:
    """A group whose status changed: a rebel force before it governed (or before it fought
    the army) is not coded by what it became."""
    group = entity(run(article, dt.date.fromisoformat(day)), name)
    assert group.sector == sector
