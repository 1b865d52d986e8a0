"""Companies and place abbreviations from the knowledge base, found and coded in the stage."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.model import Analysis

pytestmark = pytest.mark.model

Analyse = Callable[..., Analysis]


def coded(analysis: Analysis, surface: str) -> tuple[str, str, str | None] | None:
    """(type, canonical name, code) of the entity mentioned as `surface`."""
    for entity in analysis.entities:
        if any(analysis.text[m.start : m.end] == surface for m in entity.mentions):
            return entity.type, entity.name, entity.code
    return None


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Google said it would appeal the fine.", "Google", ("ORG", "Google", "USABUS")),
        ("Facebook removed the posts on Monday.", "Facebook", ("ORG", "Facebook", "USABUS")),
        (
            "Disney and the union reached a deal.",
            "Disney",
            ("ORG", "Walt Disney Company", "USABUS"),
        ),
        ("Telegram refused to hand over the data.", "Telegram", ("ORG", "Telegram", "AREBUS")),
        ("Two men were arrested in LA on Friday.", "LA", ("GPE", "Los Angeles", "USA")),
        ("Police in L.A. closed the road.", "L.A.", ("GPE", "Los Angeles", "USA")),
        ("Bushfires spread across NSW overnight.", "NSW", ("GPE", "New South Wales", "AUS")),
        ("The mayor of NYC met the governor.", "NYC", ("GPE", "New York City", "USA")),
    ],
)
def test_kb_names_are_found_and_coded(
    analyse: Analyse, text: str, surface: str, expected: tuple[str, str, str | None]
) -> None:
    assert coded(analyse(text), surface) == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Prices of apple juice rose.", "apple"),  # lower case is no name
        ("Fires spread through the Amazon rainforest.", "Amazon"),  # no company
    ],
)
def test_kb_names_leave_ordinary_words_alone(analyse: Analyse, text: str, surface: str) -> None:
    found = coded(analyse(text), surface)
    assert found is None or found[2] != "USABUS"


def test_kb_names_event_name_keeps_its_organisation(analyse: Analyse) -> None:
    """An event name is no actor, but the company inside it still is one."""
    analysis = analyse("She won the Google Science Fair last year.")
    assert coded(analysis, "Google") == ("ORG", "Google", "USABUS")
    assert coded(analysis, "Google Science Fair") is None


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        ("The Bush administration demanded access.", "Bush", "PERSON"),
        ("The Twitter account was suspended.", "Twitter", "ORG"),
    ],
)
def test_kb_names_sentence_article_is_no_part_of_the_name(
    analyse: Analyse, text: str, surface: str, label: str
) -> None:
    """A capitalised "The" opening the sentence neither joins nor blocks a knowledge-base name."""
    found = coded(analyse(text), surface)
    assert found is not None and found[0] == label
