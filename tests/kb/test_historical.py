"""The historical layer of the built-in data: 1990s intergovernmental bodies and armed groups,
heads of state with dated windows, and the title and demonym words old wire copy uses."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict

import pytest

from newsgraph.kb import KBRole, KnowledgeBase


@pytest.mark.parametrize(
    ("name", "country", "code"),
    [
        ("European Community", "EUR", "EUR"),
        ("EEC", "EUR", "EUR"),
        ("Organization of African Unity", "IGO", "IGO"),
        ("Warsaw Pact", "IGO", "IGOMIL"),
        ("Commonwealth of Independent States", "IGO", "IGO"),
        ("CSCE", "IGO", "IGO"),
        ("UNPROFOR", "UNO", "UNOMIL"),
    ],
)
def test_historical_igos_are_known(kb: KnowledgeBase, name: str, country: str, code: str) -> None:
    entry = kb.lookup(name)[0]
    assert (entry.type, entry.country, entry.code) == ("ORG", country, code)


@pytest.mark.parametrize(
    ("name", "day", "sector"),
    [
        ("Warsaw Pact", dt.date(1989, 6, 1), "MIL"),
        ("Warsaw Pact", dt.date(1995, 6, 1), None),
        ("UNITA", dt.date(1995, 6, 1), "REB"),
        ("UNITA", dt.date(2010, 6, 1), "OPP"),
        ("Tamil Tigers", dt.date(2000, 1, 1), "REB"),
    ],
)
def test_historical_windows_follow_the_record(
    kb: KnowledgeBase, name: str, day: dt.date, sector: str | None
) -> None:
    role = kb.lookup(name)[0].role_on(day)
    assert (role.sector if role else None) == sector


@pytest.mark.parametrize(
    ("name", "day", "country"),
    [
        ("Bill Clinton", dt.date(1995, 3, 1), "USA"),
        ("Boris Yeltsin", dt.date(1996, 7, 1), "RUS"),
        ("Jacques Chirac", dt.date(2002, 5, 1), "FRA"),
        ("Jiang Zemin", dt.date(1998, 1, 1), "CHN"),
        ("John Major", dt.date(1992, 4, 9), "GBR"),
        ("Hosni Mubarak", dt.date(2005, 9, 7), "EGY"),
        ("Abdelaziz Bouteflika", dt.date(2004, 4, 8), "DZA"),
        ("Yoweri Museveni", dt.date(2011, 2, 18), "UGA"),
        ("Mwai Kibaki", dt.date(2007, 12, 27), "KEN"),
    ],
)
def test_heads_of_state_hold_office_on_the_day(
    kb: KnowledgeBase, name: str, day: dt.date, country: str
) -> None:
    role = kb.lookup(name)[0].role_on(day)
    assert role is not None and (role.country, role.sector) == (country, "GOV")


def test_heads_of_state_have_no_role_after_leaving(kb: KnowledgeBase) -> None:
    assert kb.lookup("Hosni Mubarak")[0].role_on(dt.date(2012, 1, 1)) is None


def test_successive_holders_of_one_office_do_not_overlap(kb: KnowledgeBase) -> None:
    holders: dict[str, list[tuple[KBRole, str]]] = defaultdict(list)
    for entry in kb.entries:
        for role in entry.roles:
            if role.title.startswith(("President of ", "Prime Minister of ")) and role.start:
                holders[role.title].append((role, entry.id))
    assert len(holders["President of the United States"]) >= 6
    for title, roles in holders.items():
        ordered = sorted(roles, key=lambda r: r[0].start or dt.date.min)
        for (earlier, a), (later, b) in itertools.pairwise(ordered):
            assert earlier.end is not None and later.start is not None, (title, a, b)
            assert earlier.end <= later.start, (title, a, b)


@pytest.mark.parametrize("word", ["May", "Major", "Brown", "Johnson", "Ali", "II"])
def test_common_words_are_not_surnames_of_leaders(kb: KnowledgeBase, word: str) -> None:
    assert not [e for e in kb.lookup(word) if e.type == "PERSON" and e.id.startswith("p:")]


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("secretary general", "GOV"),
        ("secretary-general", "GOV"),
        ("UN secretary-general", "GOV"),
        ("Lt. Gen.", "MIL"),
        ("maj. gen.", "MIL"),
        ("warships", "MIL"),
        ("border patrol agents", "COP"),
    ],
)
def test_historical_titles_have_sectors(kb: KnowledgeBase, phrase: str, sector: str) -> None:
    assert kb.sector_for_role(phrase) == sector


@pytest.mark.parametrize(
    ("word", "iso3"), [("Kyrgyz", "KGZ"), ("Uzbek", "UZB"), ("Serb", "SRB"), ("Croats", "HRV")]
)
def test_short_demonyms_name_their_country(kb: KnowledgeBase, word: str, iso3: str) -> None:
    country = kb.country_by_demonym(word)
    assert country is not None and country.iso3 == iso3
