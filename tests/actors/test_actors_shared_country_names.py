"""Short country names that are ambiguous (needs the spaCy model): a bare "Congo" is the DRC, as
wire style writes it, unless the story's own places and actors are in the Republic of the Congo;
the long forms stay exact; "Korea" alone is South Korea; "Sudan" inside "South Sudan" and "Guinea"
inside "Guinea-Bissau" or "Equatorial Guinea" never give the shorter country."""

from __future__ import annotations

from typing import Any

import pytest
from tests.actors.conftest import analyse_stories

pytestmark = pytest.mark.model

STORIES = {
    "kivu": (
        "Fighting Spreads in Eastern Congo as Rebels Advance",
        "BUKAVU, Congo (AP) — Rebels pushed south through South Kivu province on Thursday, "
        "forcing thousands of families to flee toward the lake shore, aid workers said.\n\n"
        "Congo's army said it had retaken two villages near Bukavu. Officials in Kinshasa "
        "accused neighbouring Rwanda of sending troops across the border, a charge Kigali denies.",
    ),
    "ituri": (
        "Aid Groups Warn of Cholera in Congo Camps",
        "Aid groups warned on Monday that cholera was spreading in camps for displaced people in "
        "Ituri province, in the north-east of Congo.\n\n"
        "More than 1,200 cases have been recorded since January, the health ministry said in "
        "Kinshasa. Congo has suffered repeated outbreaks since the 1990s.",
    ),
    "mine": (
        "Cobalt Output Rises in Congo",
        "Congo's cobalt output rose 12 percent last year, the mines ministry said on Friday, as "
        "new plants in Lualaba came on stream.\n\n"
        "The country is the world's largest producer of the metal used in batteries.",
    ),
    "brazzaville": (
        "Congo Opposition Calls for Boycott of Vote",
        "BRAZZAVILLE (Reuters) - The main opposition party in Congo on Wednesday called on "
        "supporters to boycott next month's presidential election.\n\n"
        "Party officials said the vote had been organised without consulting them. Turnout in "
        "Brazzaville and Pointe-Noire, the oil hub on the coast, is expected to be low.",
    ),
    "oil": (
        "Republic of Congo Signs Offshore Oil Deal",
        "The Republic of Congo signed a production-sharing deal for an offshore block with an "
        "Italian oil company on Tuesday, the hydrocarbons ministry said.\n\n"
        "Congo Republic is among the largest crude producers in sub-Saharan Africa. Analysts "
        "said Congo-Brazzaville needs new fields as older ones decline.",
    ),
    "korea": (
        "Korea's Exports Climb on Chip Demand",
        "SEOUL (Reuters) - Korea's exports rose for a fifth month in May as shipments of "
        "memory chips jumped, the trade ministry said on Sunday.\n\n"
        "Sales from Korea to the United States rose 9 percent.",
    ),
    "juba": (
        "South Sudan Army Clashes with Rebels Near Border",
        "JUBA (AP) — South Sudan's army clashed with rebels in Upper Nile state on Saturday, a "
        "military spokesman said.\n\n"
        "South Sudan has been hit by waves of fighting since independence.",
    ),
    "bissau": (
        "Guinea-Bissau Holds Legislative Vote",
        "BISSAU (Reuters) - Voters in Guinea-Bissau elected a new parliament on Sunday. "
        "Observers from Equatorial Guinea and Papua New Guinea followed the count.",
    ),
}


@pytest.fixture(scope="module")
def analyses(pipeline: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return analyse_stories(pipeline, tmp_path_factory.mktemp("shared"), STORIES)


def _places(analysis: Any, surface: str) -> set[str | None]:
    found = {p.country for p in analysis.places if analysis.text[p.start : p.end] == surface}
    assert found, f"no place {surface!r} in {analysis.id}"
    return found


def _codes(analysis: Any, name: str) -> set[str | None]:
    found = {e.code for e in analysis.entities if e.name == name}
    assert found, f"no actor {name!r} in {analysis.id}"
    return found


@pytest.mark.parametrize("story", ["kivu", "ituri", "mine"])
def test_bare_congo_is_the_drc_in_a_drc_story_or_with_no_evidence(
    analyses: dict[str, Any], story: str
) -> None:
    assert _places(analyses[story], "Congo") == {"COD"}
    assert _codes(analyses[story], "Congo") == {"COD"}


def test_bare_congo_is_the_republic_when_the_story_is_in_brazzaville(
    analyses: dict[str, Any],
) -> None:
    analysis = analyses["brazzaville"]
    assert _places(analysis, "Congo") == {"COG"}
    assert _codes(analysis, "Congo") == {"COG"}


def test_long_forms_of_the_republic_stay_exact(analyses: dict[str, Any]) -> None:
    analysis = analyses["oil"]
    for surface in ("Republic of Congo", "Congo Republic", "Congo-Brazzaville"):
        assert _places(analysis, surface) == {"COG"}
    assert _codes(analysis, "Congo Republic") == {"COG"}


def test_korea_alone_is_south_korea(analyses: dict[str, Any]) -> None:
    analysis = analyses["korea"]
    assert _places(analysis, "Korea") == {"KOR"}
    assert _codes(analysis, "Korea") == {"KOR"}


def test_names_inside_longer_country_names_are_not_the_shorter_country(
    analyses: dict[str, Any],
) -> None:
    for story in ("juba", "bissau"):
        countries = {p.country for p in analyses[story].places}
        assert "SDN" not in countries and "GIN" not in countries
    assert _places(analyses["bissau"], "Equatorial Guinea") == {"GNQ"}
    assert _places(analyses["bissau"], "Papua New Guinea") == {"PNG"}
