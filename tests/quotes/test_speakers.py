"""Speakers through the whole pipeline (actors stage included): continuation, pronouns, role
nouns, relays and headline attribution, on short articles of our own written one sentence per
line, as scraped or converted news often comes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.model import Analysis

Analyze = Callable[[str], Analysis]


@pytest.fixture(scope="module")
def analyze() -> Analyze:
    from newsgraph.pipeline import Pipeline, analyze_texts
    from newsgraph.settings import load_settings

    pipeline = Pipeline(load_settings())

    def run(text: str) -> Analysis:
        (analysis,) = list(analyze_texts([("speakers", text, None)], pipeline=pipeline))
        return analysis

    return run


def _speaker_of(analysis: Analysis, quoted: str) -> tuple[str | None, str | None, str | None]:
    """(speaker text, cue, via) of the quote whose span starts with `quoted`."""
    text = analysis.text
    matches = [q for q in analysis.quotes if text[q.start : q.end].startswith(quoted)]
    assert matches, (
        f"no quote starts with {quoted!r}: {[text[q.start : q.end] for q in analysis.quotes]}"
    )
    quote = matches[0]
    return (quote.speaker.text if quote.speaker else None, quote.cue, quote.via)


ARTICLES: list[tuple[str, list[tuple[str, str | None, str | None, str | None]]]] = [
    # "he"/"she" after two people: the one who was the subject, not the last name mentioned
    (
        "Island ferry to close in spring\n"
        "Campaigner Rosa Lindqvist launched a petition on Monday to save the Odder ferry.\n"
        "Lindqvist asked supporters for money to pay a lawyer for the ferry pilot Jonas Berg.\n"
        "She described the closure as “a betrayal of the islanders”.",
        [("a betrayal of the islanders", "Lindqvist", "described", None)],
    ),
    # "he" after a role noun with the name in apposition: that person, not an earlier speaker
    (
        "Grain deal talks\n"
        "Farm minister Olena Koval told Radio Kyiv that exports had doubled.\n"
        "Turkey's trade ministry spokesman, Emre Aydin, said the corridor would stay open.\n"
        "“We are not there yet,” he added.",
        [("We are not there yet", "Emre Aydin", "added", None)],
    ),
    # "It said" after a named body is that body, not an earlier speaker
    (
        "Ferry collision under inquiry\n"
        "Nordline said on Tuesday that the morning crossing had been cancelled.\n"
        "The Danish Maritime Authority opened an inquiry into the collision.\n"
        "It said the ship would stay in port until its radar was repaired.",
        [
            ("the morning crossing had been cancelled", "Nordline", "said", None),
            ("the ship would stay in port", "The Danish Maritime Authority", "said", None),
        ],
    ),
    # "they" after a named group
    (
        "Nurses strike in Valmiera\n"
        "Nurses at the Valmiera regional hospital walked out on Thursday morning.\n"
        "They said staffing levels on the night shift had become dangerous.",
        [
            (
                "staffing levels on the night shift",
                "Nurses at the Valmiera regional hospital",
                "said",
                None,
            )
        ],
    ),
    # "they" after a named union that no entity covers: the union, not an earlier body
    (
        "Plant strike widens\n"
        "The carmaker said production would continue at its second plant.\n"
        "Rival union Unite said its members would not join the action.\n"
        "They said wages had risen faster at the second plant.",
        [("wages had risen faster at the second plant", "Rival union Unite", "said", None)],
    ),
    # "it" after a group the tagger took for a person
    (
        "Wildfire smoke reaches Lisbon\n"
        'Environmental group Zero blamed years of "careless planting" for the spread.\n'
        "It called on the government to ban eucalyptus near villages.",
        [
            ("careless planting", "Environmental group Zero", "blamed", None),
            ("to ban eucalyptus near villages", "Environmental group Zero", "called", None),
        ],
    ),
    # a role noun before a body's name is not part of the speaker
    (
        "Strike called at car plant\n"
        "Organiser the Metalworkers' Alliance said the strike would begin on Monday.",
        [("the strike would begin on Monday", "the Metalworkers' Alliance", "said", None)],
    ),
    # a quote paragraph with no cue continues the previous speaker
    (
        "Mine reopens after flood\n"
        "Site manager Thandiwe Nkosi said the pumps had run for nine days.\n"
        "“We lost two weeks of work.\n"
        "Nobody was hurt, and that is what matters.”\n"
        "The mine employs 400 people.",
        [("We lost two weeks of work.", "Site manager Thandiwe Nkosi", None, None)],
    ),
    # relayed speech: the original speaker, the relay in via
    (
        "Border crossing reopens\n"
        "According to Al Jazeera, Interior Minister Yusuf Karim said the crossing would reopen "
        "on Friday.",
        [
            (
                "the crossing would reopen on Friday",
                "Interior Minister Yusuf Karim",
                "said",
                "Al Jazeera",
            )
        ],
    ),
    (
        "Tram line to be extended\n"
        "According to the Tagesspiegel, Mayor Kai Wegner said the tram line would reach the "
        "airport by 2030.",
        [("the tram line would reach the airport", "Mayor Kai Wegner", "said", "the Tagesspiegel")],
    ),
    (
        "Talks resume in Amman\n"
        "Al Arabiya, quoting the state news agency Petra, said the talks had resumed in Amman.",
        [("the talks had resumed in Amman", "the state news agency Petra", "said", "Al Arabiya")],
    ),
    (
        "Bank keeps rates on hold\n"
        "Finance Minister Oleg Petrenko welcomed the decision on Thursday.\n"
        "The National Bank of Ukraine held its key rate at 13 percent.\n"
        "It said inflation had slowed for a third month in a row.",
        [("inflation had slowed for a third month", "The National Bank of Ukraine", "said", None)],
    ),
    (
        "Dockers vote to strike\n"
        "Dockers at the port of Antwerp voted on Friday to stop work next week.\n"
        "They said the new shift rota had been imposed without consultation.",
        [("the new shift rota had been imposed", "Dockers at the port of Antwerp", "said", None)],
    ),
    # a multi-paragraph statement after a comma-ended cue line
    (
        "Library to close\n"
        "Librarian Ewa Zielinska wrote,\n"
        "“The building has no heating left.\n"
        "“We will move the children's books to the school until the spring.”",
        [
            ("The building has no heating left.", "Librarian Ewa Zielinska", "wrote", None),
            ("We will move the children's books", "Librarian Ewa Zielinska", None, None),
        ],
    ),
    (
        "Rail link delayed\n"
        "The Straits Herald reported, citing two engineers on the project, that the tunnel "
        "would open a year late.",
        [
            (
                "the tunnel would open a year late",
                "two engineers on the project",
                "reported",
                "The Straits Herald",
            )
        ],
    ),
    # headline attribution after a quoted statement
    (
        "'We will rebuild every school', says flood-hit mayor\n"
        "The mayor of Valencia toured the damaged districts on Monday.",
        [("We will rebuild every school", "flood-hit mayor", "says", None)],
    ),
    # headline attribution after the statement
    (
        "Drought will cut wheat harvest by a third, warns farm union\n"
        "Rain has not fallen in the region since April.",
        [("Drought will cut wheat harvest by a third", "farm union", "warns", None)],
    ),
    (
        "New port tax will drive ships to Gdansk, claims shipping chief Anna Maj\n"
        "The city council approved the tax on Wednesday.",
        [("New port tax will drive ships to Gdansk", "shipping chief Anna Maj", "claims", None)],
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), ARTICLES)
def test_speakers_in_articles(
    analyze: Analyze, text: str, expected: list[tuple[str, str | None, str | None, str | None]]
) -> None:
    analysis = analyze(text)
    for quoted, speaker, cue, via in expected:
        assert _speaker_of(analysis, quoted) == (speaker, cue, via)


@pytest.mark.model
@pytest.mark.parametrize(
    "headline",
    [
        "Floods, fires and a long summer",
        "Coach says goodbye, fans say thanks to Ruud Gullit",
        "Central bank holds rates, signals cuts later this year",
    ],
)
def test_speakers_headline_without_attribution_is_no_quote(analyze: Analyze, headline: str) -> None:
    analysis = analyze(f"{headline}\nThe season ended on Sunday with a home win.")
    assert [q for q in analysis.quotes if q.start < len(headline)] == []


@pytest.mark.model
def test_speakers_role_noun_before_name_links_the_person(analyze: Analyze) -> None:
    analysis = analyze(
        "March goes ahead\nOrganiser Kwame Asante said the march would start at noon."
    )
    (quote,) = [q for q in analysis.quotes if q.kind == "indirect"]
    assert quote.speaker is not None and quote.speaker.entity is not None
    entity = analysis.entity(quote.speaker.entity)
    assert entity is not None and entity.type == "PERSON" and "Asante" in entity.name
