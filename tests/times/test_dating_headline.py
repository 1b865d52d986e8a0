"""Dating the story's own news: an event told in the headline or the lead is dated from the
headline and the lead, never from an older event a background paragraph tells of in the same
words ("In March 2019 the two countries signed a similar accord").

Our own wire-style articles, several per kind: a headline and lead event that a background
paragraph re-tells with an older date; a later mention dated within the article's time frame
(kept); a lead's relative dates anchored on the publication day; a background sentence with
its own year left at that year.
"""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.api import analyze
from newsgraph.model import Analysis, Event

pytestmark = pytest.mark.model


def _event(analysis: Analysis, trigger: str, section: str = "body", nth: int = 0) -> Event:
    """The event holding the nth mention (in text order) of `trigger` in `section`."""
    hits = sorted(
        (evidence.trigger.start, event.id, event)
        for event in analysis.events
        for evidence in event.evidence
        if evidence.section == section
        and analysis.text[evidence.trigger.start : evidence.trigger.end].split()[0] == trigger
    )
    assert len(hits) > nth, f"no mention {nth} of {trigger!r} in the {section}"
    return hits[nth][2]


def _date(event: Event) -> tuple[str, str] | None:
    return (event.date.value, event.date.source) if event.date else None


# (published, article, headline trigger, lead trigger): the background paragraph tells an older
# happening of the same kind between the same parties, which the events stage may fold into the
# headline's or the lead's event; neither takes its date.
BACKGROUND_RETOLD = [
    (
        "2026-04-15",
        "Egypt and Sudan sign Nile water accord\n\n"
        "CAIRO — Egypt and Sudan signed an agreement on sharing the waters of the Nile, "
        "officials in both capitals said, ending months of wrangling over dam releases.\n\n"
        "The accord sets out how much water each country may draw during droughts.\n\n"
        "Egypt and Sudan signed a similar accord in March 2019 that was never ratified.\n",
        "sign",
        "signed",
    ),
    (
        "2026-01-22",
        "Ghana and Togo sign maritime border accord\n\n"
        "ACCRA — Ghana and Togo signed an accord fixing their maritime border, the Ghanaian "
        "foreign ministry said.\n\n"
        "Ghana and Togo signed a first accord on fishing rights in 2017.\n",
        "sign",
        "signed",
    ),
    (
        "2026-02-11",
        "China launches drills near Taiwan\n\n"
        "TAIPEI — China sent warships and aircraft around Taiwan in large-scale exercises, "
        "Taiwan's defence ministry said.\n\n"
        "The ministry said it had tracked 40 aircraft.\n\n"
        "China has held several rounds of exercises around Taiwan since August 2022.\n",
        "launches",
        "sent",
    ),
]


@pytest.mark.parametrize(("published", "text", "headline", "lead"), BACKGROUND_RETOLD)
def test_headline_event_is_not_dated_from_background(
    pipeline: Any, published: str, text: str, headline: str, lead: str
) -> None:
    analysis = analyze(text, published=published, pipeline=pipeline)
    for event in (_event(analysis, headline, "title"), _event(analysis, lead)):
        assert _date(event) == (published, "publication")
        assert not event.historical


def test_headline_event_retold_only_in_background(pipeline: Any) -> None:
    """The headline's event folded with a background sentence alone: still the day's news."""
    analysis = analyze(
        "Kosovo and Serbia agree on vehicle plates\n\n"
        "BRUSSELS — Kosovo and Serbia agreed to recognise each other's vehicle licence plates, "
        "the European Union's envoy said, after a day of talks in Brussels.\n\n"
        "Kosovo and Serbia agreed on a similar deal in August 2022 that was never carried out.\n",
        published="2026-06-18",
        pipeline=pipeline,
    )
    headline = _event(analysis, "agree", "title")
    assert _date(headline) == ("2026-06-18", "publication")
    assert not headline.historical


def test_lead_event_is_not_dated_from_background(pipeline: Any) -> None:
    """A lead event (no headline mention) that a background paragraph re-tells: the lead's."""
    analysis = analyze(
        "Chile and Bolivia resume talks on sea access\n\n"
        "SANTIAGO — Chile and Bolivia resumed talks on Bolivian access to the Pacific, the "
        "foreign ministries of both countries said in a joint statement.\n\n"
        "The neighbours have had no full diplomatic relations since 1978.\n\n"
        "Chile and Bolivia held talks in June 2019 in La Paz, but they collapsed within a "
        "week.\n",
        published="2026-09-02",
        pipeline=pipeline,
    )
    lead = _event(analysis, "resumed")
    assert _date(lead) == ("2026-09-02", "publication")
    assert not lead.historical


@pytest.mark.parametrize(
    ("published", "text", "lead"),
    [
        (
            "2026-03-04",
            "Mali junta expels French envoy\n\n"
            "BAMAKO — Mali's military government expelled France's ambassador, giving him 72 "
            "hours to leave, state television said.\n\n"
            "Mali's military government expelled France's ambassador once before, in January "
            "2022, after a row over the junta's timetable for elections.\n",
            "expelled",
        ),
        (
            "2026-05-07",  # a standfirst and a byline before the lead paragraph
            "Morocco and Mauritania sign gas pipeline accord\n\n"
            "The deal ends years of delay over the route along the Atlantic coast\n\n"
            "By Amina Haddad\n\n"
            "RABAT — Morocco and Mauritania signed an accord to build a gas pipeline along the "
            "Atlantic coast, the Moroccan energy ministry said.\n\n"
            "The pipeline would carry Nigerian gas to Europe.\n\n"
            "Morocco and Mauritania signed a first accord on the pipeline in 2018 that stalled "
            "over financing.\n",
            "signed",
        ),
    ],
)
def test_lead_event_retold_with_an_older_year(
    pipeline: Any, published: str, text: str, lead: str
) -> None:
    event = _event(analyze(text, published=published, pipeline=pipeline), lead)
    assert _date(event) == (published, "publication")
    assert not event.historical


def test_headline_event_without_publication_day_stays_undated(pipeline: Any) -> None:
    """With no publication day the background's year cannot be told from the news: undated."""
    analysis = analyze(
        "China launches drills near Taiwan\n\n"
        "TAIPEI — China sent warships and aircraft around Taiwan in large-scale exercises, "
        "Taiwan's defence ministry said.\n\n"
        "The ministry said it had tracked 40 aircraft.\n\n"
        "China has held several rounds of exercises around Taiwan since August 2022.\n",
        pipeline=pipeline,
    )
    assert _event(analysis, "launches", "title").date is None


def test_later_mention_within_the_time_frame_still_dates_the_headline(pipeline: Any) -> None:
    analysis = analyze(
        "Armenia and Georgia sign border deal\n\n"
        "YEREVAN — Armenia and Georgia signed an agreement on marking their shared border, the "
        "two foreign ministries said.\n\n"
        "The agreement covers about 90 kilometres of mountain border.\n\n"
        "Armenia and Georgia signed the agreement on Monday in Tbilisi, officials said.\n",
        published="2026-07-15",
        pipeline=pipeline,
    )
    assert _date(_event(analysis, "sign", "title")) == ("2026-07-13", "text")


@pytest.mark.parametrize(
    ("published", "text", "headline", "value", "historical"),
    [
        (
            "2026-10-09",  # a Friday: Thursday is the day before
            "Peru police arrest former minister\n\n"
            "LIMA — Peruvian police arrested former interior minister Carlos Ruiz on Thursday on "
            "charges of taking bribes from a construction firm, prosecutors said.\n\n"
            "Police arrested Ruiz once before, in 2021, on a separate charge that was later "
            "dropped.\n",
            "arrest",
            "2026-10-08",
            False,
        ),
        (
            "2026-11-26",
            "Argentina and Uruguay agree to dredge river\n\n"
            "BUENOS AIRES — Argentina and Uruguay agreed late last year to dredge the River "
            "Plate channel, and work began on Tuesday, officials said.\n",
            "agree",
            "2025",
            True,
        ),
    ],
)
def test_lead_relative_dates_anchor_on_publication_day(
    pipeline: Any, published: str, text: str, headline: str, value: str, historical: bool
) -> None:
    analysis = analyze(text, published=published, pipeline=pipeline)
    event = _event(analysis, headline, "title")
    assert _date(event) == (value, "text")
    assert event.historical is historical


def test_background_sentence_keeps_its_year(pipeline: Any) -> None:
    """A past-tense background sentence with its own year is not moved to the article's day."""
    analysis = analyze(
        "Indian police arrest opposition leader in Bihar\n\n"
        "PATNA, India — Indian police arrested opposition leader Rakesh Yadav on Tuesday, his "
        "party said.\n\n"
        "In 2019 police arrested Yadav on a charge of inciting riots; he was acquitted two "
        "years later.\n",
        published="2026-04-29",
        pipeline=pipeline,
    )
    assert _date(_event(analysis, "arrested")) == ("2026-04-28", "text")
    background = _event(analysis, "arrested", nth=1)
    assert _date(background) == ("2019", "text")
    assert background.historical


# (published, article, trigger): the sentence before, in the same paragraph, tells only of an
# older happening with its own date; the trigger's event is part of that past, not the day's news.
AFTER_BACKGROUND = [
    (
        "2026-06-10",
        "Armenia and Azerbaijan open talks\n\n"
        "GENEVA — Armenian and Azerbaijani diplomats opened talks on a peace treaty on Tuesday, "
        "the Swiss foreign ministry said.\n\n"
        "Azerbaijan recaptured Nagorno-Karabakh in a lightning offensive in September 2023. "
        "Azerbaijani police arrested several former leaders of the enclave as they tried to "
        "leave.\n",
        "arrested",
    ),
    (
        "2026-02-18",  # the lead's "Tuesday" does not reach past the background sentence either
        "Mali junta names new prime minister\n\n"
        "BAMAKO — Mali's military leader named a new prime minister on Tuesday, state "
        "television said.\n\n"
        "The army seized power in a coup in August 2020. Soldiers detained the president and "
        "the prime minister at a military camp outside the capital.\n",
        "detained",
    ),
    (
        "2026-03-15",
        "Somali forces retake port town\n\n"
        "MOGADISHU — Somali government forces retook the port town of Harardhere from "
        "al-Shabaab fighters, the defence ministry said.\n\n"
        "Al-Shabaab fighters overran the town in a dawn raid in August 2024. Dozens of "
        "civilians were killed in the fighting, according to local elders.\n",
        "killed",
    ),
]


@pytest.mark.parametrize(("published", "text", "trigger"), AFTER_BACKGROUND)
def test_event_after_a_background_sentence_is_not_dated_to_the_day(
    pipeline: Any, published: str, text: str, trigger: str
) -> None:
    event = _event(analyze(text, published=published, pipeline=pipeline), trigger)
    assert event.date is None


def test_event_after_a_news_sentence_keeps_the_publication_day(pipeline: Any) -> None:
    """The sentence before tells the day's news (no older date): the publication day stands."""
    analysis = analyze(
        "Ecuador police arrest gang leader\n\n"
        "QUITO — Ecuadorean police arrested the leader of the Los Lobos gang in a raid in Quito, "
        "the interior ministry said. Officers also detained four of his bodyguards.\n",
        published="2026-03-15",
        pipeline=pipeline,
    )
    assert _date(_event(analysis, "detained")) == ("2026-03-15", "publication")


def test_background_sentence_in_another_paragraph_does_not_reach(pipeline: Any) -> None:
    analysis = analyze(
        "Somali forces retake port town\n\n"
        "MOGADISHU — Somali government forces retook the port town of Harardhere from "
        "al-Shabaab fighters, the defence ministry said.\n\n"
        "Al-Shabaab fighters overran the town in a dawn raid in August 2024.\n\n"
        "Dozens of fighters were killed in the fighting, according to local elders.\n",
        published="2026-03-15",
        pipeline=pipeline,
    )
    assert _date(_event(analysis, "killed")) == ("2026-03-15", "publication")
