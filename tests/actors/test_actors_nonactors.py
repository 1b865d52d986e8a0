"""Names that are not actors (beliefs, products, events, title words) and head-word types."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.actors.consistency import consistent_types
from newsgraph.actors.headwords import retype_by_head
from newsgraph.actors.names import NameMention
from newsgraph.actors.nonactors import is_belief, is_event, is_product
from newsgraph.annotate import load_spacy
from newsgraph.kb import load_kb
from newsgraph.model import Analysis
from newsgraph.settings import DEFAULT_SPACY_MODEL

Analyse = Callable[..., Analysis]


def named(analysis: Analysis) -> dict[str, str]:
    """Surface → entity type of every named mention."""
    return {
        analysis.text[m.start : m.end]: e.type
        for e in analysis.entities
        for m in e.mentions
        if m.kind in {"name", "alias", "acronym"}
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Islam", True),
        ("Sufism", True),
        ("Islamophobia", True),
        ("Homeopathy", True),
        ("Eid al-Fitr", True),
        ("Hamas", False),
        ("Prism", False),
        ("Scientology", False),
        ("Tourism Ministry", False),
    ],
)
def test_nonactors_is_belief(text: str, expected: bool) -> None:
    assert is_belief(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Firefox", True),
        ("IE6", True),
        ("Windows XP", True),
        ("Windows 10", True),
        ("iPhone 15", True),
        ("Microsoft", False),
        ("Java", False),
        ("Explorer Group", False),
    ],
)
def test_nonactors_is_product(text: str, expected: bool) -> None:
    assert is_product(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Google Science Fair", True),
        ("Cannes Film Festival", True),
        ("Festival", False),
        ("Italian Episcopal Conference", False),
    ],
)
def test_nonactors_is_event(text: str, expected: bool) -> None:
    assert is_event(text) is expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "gone"),
    [
        (
            "Pilgrims gathered for the Hajj near Mecca. Islam teaches charity, the imam said.",
            ["Hajj", "Islam"],
        ),
        (
            "Users of IE6 should move to Firefox or Chrome, Microsoft said on Tuesday. "
            "IE6 shipped with Windows XP.",
            ["IE6", "Firefox", "Chrome", "Windows XP"],
        ),
        (
            "Doctors warned that iodine levels were low in Kenya. Iodine deficiency harms children.",
            ["Iodine"],
        ),
        (
            "On Monday, Home Secretary Priya Okafor told reporters the plan would go ahead.",
            ["Home"],
        ),
        ("The prosecutor, Daniel Ferreira, QC, told the court the case was strong.", ["QC"]),
    ],
)
def test_nonactors_dropped_from_mentions(analyse: Analyse, text: str, gone: list[str]) -> None:
    found = named(analyse(text))
    assert not set(gone) & set(found), found


@pytest.mark.model
def test_nonactors_keep_real_actors(analyse: Analyse) -> None:
    found = named(analyse("Users of IE6 should move to Firefox, Microsoft said on Tuesday."))
    assert found.get("Microsoft") == "ORG"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "surface", "guess", "kind"),
    [
        ("According to the Harare Gazette, talks resumed.", "Harare Gazette", "GPE", "ORG"),
        ("A columnist for the Regina Sun disagreed.", "Regina Sun", "PERSON", "ORG"),
        ("Police searched the Hartwell Towers on Friday.", "Hartwell Towers", "ORG", "FAC"),
        ("The body was found on Castlewood Road.", "Castlewood Road", "PERSON", "FAC"),
        ("Talks with Kwame Mensah resumed.", "Kwame Mensah", "PERSON", "PERSON"),
    ],
)
def test_headwords_retype_by_last_word(text: str, surface: str, guess: str, kind: str) -> None:
    doc = load_spacy(DEFAULT_SPACY_MODEL)(text)
    span = doc.char_span(text.index(surface), text.index(surface) + len(surface))
    assert span is not None
    mention = NameMention(span.start, span.end, span.start_char, span.end_char, guess)
    retype_by_head(doc, [mention])
    assert mention.label == kind


@pytest.mark.model
def test_headwords_station_is_a_place_in_the_stage(analyse: Analyse) -> None:
    text = "Commuters were stranded at Lindqvist Station after the strike."
    assert named(analyse(text)).get("Lindqvist Station") == "FAC"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "surface"),
    [
        (
            "Photos were posted on Twitter within hours.\n\n"
            "The Twitter attention led to outreach from Google.",
            "Twitter attention",
        ),
    ],
)
def test_mentions_article_before_name_does_not_hide_it(
    analyse: Analyse, text: str, surface: str
) -> None:
    """The sentence-initial "The" is no part of a longer name, so the name is found again."""
    analysis = analyse(text)
    start = text.index(surface)
    assert any(m.start == start for e in analysis.entities for m in e.mentions)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        ("Schools in Tuscany must pay the tax, the court ruled.", "Tuscany", "GPE"),
        ("Schools using Zentrix must pay the tax, the court ruled.", "Zentrix", "ORG"),
    ],
)
def test_consistency_lone_person_that_is_a_known_place(text: str, surface: str, kind: str) -> None:
    doc = load_spacy(DEFAULT_SPACY_MODEL)(text)
    span = doc.char_span(text.index(surface), text.index(surface) + len(surface))
    assert span is not None
    mention = NameMention(span.start, span.end, span.start_char, span.end_char, "PERSON")
    consistent_types(doc, [mention], load_kb())
    assert mention.label == kind
