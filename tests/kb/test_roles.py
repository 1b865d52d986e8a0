from __future__ import annotations

import pytest

from newsgraph.kb import KnowledgeBase


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("president", "GOV"),
        ("prime minister", "GOV"),
        ("Foreign Minister", "GOV"),
        ("Turkish foreign minister", "GOV"),
        ("deputy foreign minister", "GOV"),
        ("spokesman", "GOV"),
        ("spokesmen", "GOV"),
        ("crown prince", "GOV"),
        ("emir", "GOV"),
        ("interim leader", "GOV"),
        ("general", "MIL"),
        ("troops", "MIL"),
        ("soldiers", "MIL"),
        ("army spokesman", "MIL"),
        ("rebels", "REB"),
        ("rebel commander", "REB"),
        ("rebel spokesman", "REB"),
        ("militants", "REB"),
        ("insurgents", "REB"),
        ("police", "COP"),
        ("riot police", "COP"),
        ("opposition", "OPP"),
        ("opposition leader", "OPP"),
        ("protesters", "CVL"),
        ("activists", "CVL"),
        ("judge", "JUD"),
        ("lawmakers", "LEG"),
        ("parliament", "LEG"),
        ("journalists", "JRN"),
        ("businessmen", "BUS"),
        ("former president", "ELI"),
        ("ex-prime minister", "ELI"),
        ("refugees", "REF"),
    ],
)
def test_sector_for_role(kb: KnowledgeBase, phrase: str, sector: str) -> None:
    assert kb.sector_for_role(phrase) == sector


@pytest.mark.parametrize("phrase", ["leader", "man", "weather", ""])
def test_sector_for_role_unknown_is_none(kb: KnowledgeBase, phrase: str) -> None:
    assert kb.sector_for_role(phrase) is None
