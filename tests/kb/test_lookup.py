from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.kb import KnowledgeBase


def ids(kb: KnowledgeBase, name: str) -> list[str]:
    return [e.id for e in kb.lookup(name)]


@pytest.mark.parametrize(
    ("name", "entry_id"),
    [
        ("Ahmed al-Sharaa", "p:ahmed-al-sharaa"),
        ("Ahmad al-Sharaa", "p:ahmed-al-sharaa"),
        ("Abu Mohammad al-Jolani", "p:ahmed-al-sharaa"),
        ("Abu Mohammed al-Golani", "p:ahmed-al-sharaa"),
        ("Mohamed al-Golani", "p:ahmed-al-sharaa"),
        ("al-Jawlani", "p:ahmed-al-sharaa"),
        ("Recep Tayyip Erdogan", "p:erdogan"),
        ("Erdoğan's", "p:erdogan"),
        ("MBS", "p:mbs"),
        ("Mohammed bin Salman", "p:mbs"),
        ("Crown Prince Mohammed bin Salman", "p:mbs"),
        ("Fidan", "p:hakan-fidan"),
        ("Sergei Lavrov", "p:sergey-lavrov"),
        ("Zelenskyy", "p:zelensky"),
        ("Hayat Tahrir al-Sham", "grp:hts"),
        ("HTS", "grp:hts"),
        ("Nusra Front", "grp:hts"),
        ("Daesh", "grp:isis"),
        ("ISIL", "grp:isis"),
        ("Ansar Allah", "grp:houthis"),
        ("the Houthis", "grp:houthis"),
        ("U.N.", "igo:un"),
        ("Nato", "igo:nato"),
        ("UN refugee agency", "igo:unhcr"),
        ("Red Cross", "ngo:icrc"),
        ("Xi", "p:xi-jinping"),
    ],
)
def test_lookup_finds_entry_by_variant(kb: KnowledgeBase, name: str, entry_id: str) -> None:
    assert ids(kb, name)[:1] == [entry_id]


@pytest.mark.parametrize(
    "name", ["Salman", "us", "who", "is", "ap", "Jinping", "Mohammed", "Qiang"]
)
def test_lookup_refuses_words_and_ambiguous_fragments(kb: KnowledgeBase, name: str) -> None:
    assert kb.lookup(name) == []


def test_lookup_keeps_golani_and_mbs_apart(kb: KnowledgeBase) -> None:
    assert "p:mbs" not in ids(kb, "Mohamed al-Golani")
    assert "p:ahmed-al-sharaa" not in ids(kb, "Mohammed bin Salman")


@pytest.mark.parametrize(
    ("entry_id", "day", "sector", "country"),
    [
        ("p:ahmed-al-sharaa", "2024-11-30", "REB", "SYR"),
        ("p:ahmed-al-sharaa", "2024-12-08", "GOV", "SYR"),
        ("p:ahmed-al-sharaa", "2025-02-04", "GOV", "SYR"),
        ("p:bashar-al-assad", "2024-12-07", "GOV", "SYR"),
        ("p:bashar-al-assad", "2025-02-04", "ELI", "SYR"),
        ("p:joe-biden", "2024-06-01", "GOV", "USA"),
        ("p:joe-biden", "2025-01-20", "ELI", "USA"),
        ("p:donald-trump", "2025-01-20", "GOV", "USA"),
        ("p:donald-trump", "2023-05-01", "ELI", "USA"),
        ("p:keir-starmer", "2024-07-04", "OPP", "GBR"),
        ("p:keir-starmer", "2024-07-05", "GOV", "GBR"),
        ("p:hakan-fidan", "2022-01-01", "SPY", "TUR"),
        ("p:hakan-fidan", "2024-01-01", "GOV", "TUR"),
        ("p:mark-rutte", "2024-09-30", None, None),
        ("p:mark-rutte", "2024-10-01", "GOV", "IGO"),
        ("grp:rsf", "2022-01-01", "PRM", "SDN"),
        ("grp:rsf", "2023-06-01", "REB", "SDN"),
        ("grp:taliban", "2020-01-01", "REB", "AFG"),
        ("grp:taliban", "2022-01-01", "GOV", "AFG"),
    ],
)
def test_role_on_follows_date_windows(
    kb: KnowledgeBase, entry_id: str, day: str, sector: str | None, country: str | None
) -> None:
    entry = next(e for e in kb.entries if e.id == entry_id)
    role = entry.role_on(dt.date.fromisoformat(day))
    assert (role.sector if role else None) == sector
    assert (role.country if role else None) == country


def test_role_on_without_day_gives_current_role(kb: KnowledgeBase) -> None:
    sharaa = kb.lookup("al-Sharaa")[0]
    current = sharaa.role_on(None)
    assert current is not None and current.sector == "GOV" and current.end is None
    assert sharaa.sector == "GOV" and sharaa.code == "SYRGOV"


def test_nato_secretary_general_hands_over_on_2024_10_01(kb: KnowledgeBase) -> None:
    day = dt.date(2024, 10, 1)
    holders = [
        e.name
        for e in kb.entries
        if (role := e.role_on(day)) is not None and role.title == "NATO Secretary General"
    ]
    assert holders == ["Mark Rutte"]


def test_seats_are_entries_with_their_own_sector(kb: KnowledgeBase) -> None:
    pentagon = kb.lookup("the Pentagon")[0]
    kremlin = kb.lookup("Kremlin")[0]
    assert (pentagon.country, pentagon.sector) == ("USA", "MIL")
    assert (kremlin.country, kremlin.sector, kremlin.code) == ("RUS", "GOV", "RUSGOV")
