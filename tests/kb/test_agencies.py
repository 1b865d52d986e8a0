from __future__ import annotations

import pytest

from newsgraph.kb import KnowledgeBase


@pytest.mark.parametrize(
    "name",
    [
        "Reuters",
        "AFP",
        "Agence France-Presse",
        "AP",
        "Associated Press",
        "Anadolu",
        "Anadolu Agency",
        "Getty Images",
        "EPA",
        "Xinhua",
        "TASS",
        "RIA Novosti",
        "SANA",
        "IRNA",
        "WAFA",
        "Yonhap",
        "Kyodo",
        "Bloomberg",
        "ANI",
        "PTI",
        "dpa",
        "EFE",
        "ANSA",
        "UPI",
        "AFP via Getty Images",
        "Reuters/AP",
        "Jane Doe/Reuters",
        "Ali Yilmaz/Anadolu via Getty Images",
        "Interior Ministry via AP",
    ],
)
def test_is_news_agency_knows_wires_and_photo_agencies(kb: KnowledgeBase, name: str) -> None:
    assert kb.is_news_agency(name)


@pytest.mark.parametrize(
    "name",
    [
        "Hamas",
        "Al Jazeera",
        "Turkey",
        "ap",
        "Erdogan",
        "Getty and Hamas",
        "Hamas/Hezbollah",
        "Jane Doe",
    ],
)
def test_is_news_agency_rejects_actors_and_outlets(kb: KnowledgeBase, name: str) -> None:
    assert not kb.is_news_agency(name)


def test_agencies_are_flagged_and_coded_as_media(kb: KnowledgeBase) -> None:
    afp = kb.lookup("AFP")[0]
    assert afp.is_agency and afp.sector == "JRN" and afp.country == "FRA"
