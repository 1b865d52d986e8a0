"""Well-known companies and common place abbreviations the small model misses."""

from __future__ import annotations

import pytest

from newsgraph.kb import KnowledgeBase


@pytest.mark.parametrize(
    ("name", "entry_id", "code"),
    [
        ("Google", "bus:google", "USABUS"),
        ("Facebook", "bus:facebook", "USABUS"),
        ("Twitter", "bus:twitter", "USABUS"),
        ("X Corp.", "bus:twitter", "USABUS"),
        ("YouTube", "bus:youtube", "USABUS"),
        ("Disney", "bus:disney", "USABUS"),
        ("Microsoft", "bus:microsoft", "USABUS"),
        ("Apple", "bus:apple", "USABUS"),
        ("Amazon.com", "bus:amazon", "USABUS"),
        ("Meta", "bus:meta", "USABUS"),
        ("TikTok", "bus:tiktok", "CHNBUS"),
        ("Telegram", "bus:telegram", "AREBUS"),
    ],
)
def test_companies_are_business_organisations(
    kb: KnowledgeBase, name: str, entry_id: str, code: str
) -> None:
    entry = kb.lookup(name)[0]
    assert (entry.id, entry.type, entry.sector, entry.code) == (entry_id, "ORG", "BUS", code)


@pytest.mark.parametrize("name", ["X", "Amazon", "SF"])
def test_companies_and_places_leave_out_ambiguous_names(kb: KnowledgeBase, name: str) -> None:
    """A bare letter, a river, science fiction: no entry claims them."""
    assert kb.lookup(name) == []


@pytest.mark.parametrize(
    ("name", "canonical", "country"),
    [
        ("LA", "Los Angeles", "USA"),
        ("L.A.", "Los Angeles", "USA"),
        ("NYC", "New York City", "USA"),
        ("D.C.", "Washington, D.C.", "USA"),
        ("DC", "Washington, D.C.", "USA"),
        ("NSW", "New South Wales", "AUS"),
    ],
)
def test_places_abbreviations_name_their_place(
    kb: KnowledgeBase, name: str, canonical: str, country: str
) -> None:
    entry = kb.lookup(name)[0]
    assert (entry.name, entry.type, entry.country, entry.sector) == (
        canonical,
        "GPE",
        country,
        None,
    )
