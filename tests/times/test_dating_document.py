"""Event dating across a whole article, through the full pipeline.

Our own wire-style articles, several per kind: a definite re-mention dated later in the story,
a neighbouring sentence of the same event, a lead whose date carries to the next sentence's event,
a headline dated by its lead, "in the past few days", weekdays and "yesterday" from a dateline,
the near future, and the cases where the publication day must not stand in.
"""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.api import analyze
from newsgraph.model import Analysis, Event

pytestmark = pytest.mark.model


def _analyse(pipeline: Any, published: str, text: str) -> Analysis:
    return analyze(text, published=published, pipeline=pipeline)


def _event(analysis: Analysis, trigger: str, section: str = "body", last: bool = False) -> Event:
    """The event with a mention of `trigger` in `section` (the first, or the last, in the text)."""
    hits = [
        (evidence.trigger.start, index, event)
        for index, event in enumerate(analysis.events)
        for evidence in event.evidence
        if evidence.section == section
        and analysis.text[evidence.trigger.start : evidence.trigger.end].split()[0] == trigger
    ]
    if hits:
        hits.sort(key=lambda hit: hit[:2])
        return hits[-1 if last else 0][2]
    found = [
        [analysis.text[e.trigger.start : e.trigger.end] for e in event.evidence]
        for event in analysis.events
    ]
    raise AssertionError(f"no event on {trigger!r} in the {section}: {found}")


def _date(event: Event) -> tuple[str, str] | None:
    return (event.date.value, event.date.source) if event.date else None


REMENTIONS = [
    (
        "2025-03-09",
        "Gunmen attack police post in northern Burkina Faso\n\n"
        "Gunmen attacked a police post near Djibo, killing four officers, the security "
        "ministry said.\n"
        "The attack was launched on Thursday by fighters on motorbikes, according to the "
        "ministry.\n",
        "attacked",
        "2025-03-06",
    ),
    (
        "2024-11-17",
        "Police raid opposition newspaper in Lusaka\n\n"
        "Zambian police raided the offices of the opposition daily Mast, seizing computers "
        "and files.\n"
        "The raid was carried out on Wednesday, the paper's editor told reporters.\n",
        "raided",
        "2024-11-13",
    ),
    (
        "2025-05-23",
        "Ruto visits Addis Ababa for dam talks\n\n"
        "Kenyan President William Ruto visited Addis Ababa for talks with Prime Minister "
        "Abiy Ahmed.\n"
        "The visit took place on Tuesday, officials in Nairobi said.\n",
        "visited",
        "2025-05-20",
    ),
]


@pytest.mark.parametrize(("published", "text", "trigger", "value"), REMENTIONS)
def test_dating_document_definite_remention_dates_the_event(
    pipeline: Any, published: str, text: str, trigger: str, value: str
) -> None:
    """ "The attack was launched on Thursday" dates the attack told undated before it."""
    analysis = _analyse(pipeline, published, text)
    assert _date(_event(analysis, trigger)) == (value, "discourse")


NEIGHBOURS = [
    (
        "2025-10-12",
        "Unions press Lagos for pay rise\n\n"
        "In the past few days, several Nigerian unions have asked the government to raise "
        "the minimum wage.\n"
        "Demands have come from the teachers' union and from health workers in Lagos state.\n",
        "Demands",
        "2025-W41",
    ),
    (
        "2025-04-11",
        "Mozambique rebels seize port\n\n"
        "On Monday, insurgents attacked the port town of Mocimboa da Praia.\n"
        "Hundreds of fighters assaulted army positions around the harbour.\n",
        "assaulted",
        "2025-04-07",
    ),
    (
        "2024-12-03",
        "Georgia accuses opposition of plotting unrest\n\n"
        "On Sunday, Georgia's interior ministry accused opposition leaders of organising "
        "violent protests in Tbilisi.\n"
        "The ministry also accused foreign-funded groups of paying demonstrators.\n",
        "accused",
        "2024-12-01",
    ),
]


@pytest.mark.parametrize(("published", "text", "trigger", "value"), NEIGHBOURS)
def test_dating_document_neighbour_of_the_same_type_carries_its_date(
    pipeline: Any, published: str, text: str, trigger: str, value: str
) -> None:
    """The lead dates an event; the next sentence tells another of the same type (a follow-up
    of the same happening) without a date, and takes the lead's."""
    analysis = _analyse(pipeline, published, text)
    assert _date(_event(analysis, trigger, last=True)) == (value, "discourse")


LEADS = [
    (
        "2025-09-30",
        "Student detentions spark debate in Dhaka\n\n"
        "News of police action against students in Dhaka last week has set off a national "
        "debate.\n"
        "Twelve students were detained by police at the gates of the university after a "
        "sit-in.\n",
        "detained",
        "2025-W39",
    ),
    (
        "2025-04-08",
        "Border row strains Ecuador-Peru ties\n\n"
        "A row over soldiers at the Ecuador-Peru border on Sunday has strained ties between "
        "the two neighbours.\n"
        "Peruvian soldiers detained three Ecuadorean farmers near the border post.\n",
        "detained",
        "2025-04-06",
    ),
    (
        "2025-01-15",
        "Protesters clash with police in Tbilisi\n\n"
        "A protest outside parliament in Tbilisi on Monday night turned violent as riot "
        "police moved in.\n"
        "Riot police arrested dozens of protesters and fired water cannon at the crowd.\n",
        "arrested",
        "2025-01-13TNI",
    ),
]


@pytest.mark.parametrize(("published", "text", "trigger", "value"), LEADS)
def test_dating_document_lead_date_carries_to_the_next_sentence(
    pipeline: Any, published: str, text: str, trigger: str, value: str
) -> None:
    """A dated lead that names the event's participants ("police ... last week") dates the
    event the next sentence tells without a date."""
    analysis = _analyse(pipeline, published, text)
    assert _date(_event(analysis, trigger)) == (value, "discourse")


ANCHORS = [
    (
        "2025-06-20",
        "Envoy in Kinshasa\n\n"
        "The US envoy visited Kinshasa on Monday for talks with President Felix Tshisekedi.\n"
        "The day before the visit, M23 rebels shelled army positions near Goma.\n",
        "shelled",
        "2025-06-15",
    ),
    # the anchor is a happening that is no event (an election, a vote): its dated mention counts
    (
        "2025-05-12",
        "Malawi police detain opposition figures\n\n"
        "Malawians voted in a presidential election on Tuesday.\n"
        "A day after the vote, police arrested the opposition leader Peter Kalua in Blantyre.\n",
        "arrested",
        "2025-05-07",
    ),
    (
        "2025-11-09",
        "Protests after Tanzanian election\n\n"
        "Tanzania held a general election on Oct. 29.\n"
        "Two days after the election, security forces detained dozens of opposition "
        "supporters in Arusha.\n",
        "detained",
        "2025-10-31",
    ),
]


@pytest.mark.parametrize(("published", "text", "trigger", "value"), ANCHORS)
def test_dating_document_relative_anchor(
    pipeline: Any, published: str, text: str, trigger: str, value: str
) -> None:
    analysis = _analyse(pipeline, published, text)
    assert _date(_event(analysis, trigger)) == (value, "text")


def test_dating_document_headline_takes_the_lead_date(pipeline: Any) -> None:
    analysis = _analyse(
        pipeline,
        "2025-06-03",
        "Leaders to meet in Doha\n\n"
        "On Friday, the emir and the Sudanese army chief are to meet in Doha, officials said.\n",
    )
    assert _date(_event(analysis, "meet")) == ("2025-06-06", "text")
    assert _date(_event(analysis, "meet", "title")) == ("2025-06-06", "discourse")


@pytest.mark.parametrize(
    ("published", "text", "trigger", "value"),
    [
        (
            "2025-10-12",  # a Sunday: the past few days lie in its ISO week
            "Unions press Lagos for pay rise\n\n"
            "In the past few days, several Nigerian unions have asked the government to "
            "raise the minimum wage.\n",
            "asked",
            "2025-W41",
        ),
        (
            "2025-07-16",  # a Wednesday: the past days cross a week boundary, not a month's
            "Israeli raids in Jenin\n\n"
            "In recent days, Israeli troops have arrested dozens of Palestinians in Jenin, "
            "the Palestinian Authority said.\n",
            "arrested",
            "2025-07",
        ),
    ],
)
def test_dating_document_past_few_days(
    pipeline: Any, published: str, text: str, trigger: str, value: str
) -> None:
    analysis = _analyse(pipeline, published, text)
    assert _date(_event(analysis, trigger)) == (value, "text")


def test_dating_document_dateline_weekday_and_yesterday(pipeline: Any) -> None:
    """The feed stamps the story a day after the dateline's day: "Tuesday" and "yesterday"
    count from the dateline."""
    analysis = _analyse(
        pipeline,
        "2025-03-05",
        "Kenyan police arrest protest leaders\n\n"
        "NAIROBI, March 4 (Reuters) - Kenyan police arrested five protest leaders on Tuesday, "
        "a police spokesman said.\n"
        "Police detained another activist yesterday in Mombasa.\n",
    )
    assert _date(_event(analysis, "arrested")) == ("2025-03-04", "text")
    assert _date(_event(analysis, "detained")) == ("2025-03-03", "text")


def test_dating_document_near_future_is_this_year(pipeline: Any) -> None:
    analysis = _analyse(
        pipeline,
        "2025-06-01",
        "Sudan talks set for Jeddah\n\n"
        "Mediators said envoys of the army and the RSF will meet in Jeddah on June 3.\n",
    )
    meeting = _event(analysis, "meet")
    assert _date(meeting) == ("2025-06-03", "text")
    assert meeting.modality == "future"


@pytest.mark.parametrize(
    ("published", "text", "trigger"),
    [
        (
            "2025-02-04",
            "Opposition says brother beaten\n\n"
            'The opposition leader Mamadou Diallo told reporters: "They arrested my brother '
            'and beat him in a cell."\n',
            "beat",
        ),
        (
            "2025-03-12",
            "Farmer says soldiers detained him\n\n"
            '"Soldiers detained me at the checkpoint and took my phone," the farmer said.\n',
            "detained",
        ),
        (
            "2025-02-04",
            "Hamas rejected truce\n\n"
            "A ceasefire deal brokered by Egypt in May 2021 was rejected by Hamas leaders, "
            "officials said.\n",
            "rejected",
        ),
        (
            "2025-02-04",
            "Envoy expelled\n\n"
            "Reports have revealed that the Ghanaian envoy was summoned to the ministry and "
            "then expelled.\n",
            "envoy",
        ),
    ],
    ids=["direct-quote", "opening-quote", "background-sentence", "present-report"],
)
def test_dating_document_no_publication_guess(
    pipeline: Any, published: str, text: str, trigger: str
) -> None:
    """A speaker's account, a sentence set in an older year and what a present report reveals
    tell no day: the publication day does not stand in."""
    analysis = _analyse(pipeline, published, text)
    assert _event(analysis, trigger).date is None
