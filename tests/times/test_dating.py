"""Event dating on hand-built events: text, discourse, publication, anchors, historical."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from newsgraph.model import Analysis, Mention
from newsgraph.times import HISTORICAL_MARGIN, EventDatingStage
from newsgraph.times.dating import is_historical

from .helpers import add_evidence, build, event

PUBLISHED = dt.date(2025, 2, 4)
ARTICLE = [
    "Kenyan President Ruto Visits Kampala for Trade Talks",
    "Kenya's President William Ruto visited Kampala on Jan. 28, where he met Ugandan President Yoweri Museveni.",
    "A day before Ruto's visit, Ugandan officials announced new tariffs. The ministers signed a customs deal after the meeting.",
    "On Jan. 20, farmers blocked the border at Busia. Police arrested dozens of protesters. A court freed them later.",
    "The two countries fought a bitter trade war in 2019.",
    "Museveni praised the talks.",
]


def _dated(
    paragraphs: list[str], published: dt.date | None, specs: list[tuple[Any, ...]]
) -> Analysis:
    analysis = build(paragraphs, published)
    analysis.events = [event(analysis, *spec) for spec in specs]
    return EventDatingStage()(analysis)


@pytest.fixture(scope="module")
def article() -> Analysis:
    return _dated(
        ARTICLE,
        PUBLISHED,
        [
            ("E1", "visited", 0, "William Ruto"),
            ("E2", "announced"),
            ("E3", "signed"),
            ("E4", "arrested"),
            ("E5", "fought"),
            ("E6", "praised"),
            ("E7", "met"),
        ],
    )


def _date(analysis: Analysis, event_id: str) -> tuple[str, str, str] | None:
    ev = next(e for e in analysis.events if e.id == event_id)
    return (ev.date.value, ev.date.source, ev.date.precision) if ev.date else None


def test_dating_same_sentence_expression(article: Analysis) -> None:
    assert _date(article, "E1") == ("2025-01-28", "text", "day")


def test_dating_event_anchored_offset(article: Analysis) -> None:
    assert _date(article, "E2") == ("2025-01-27", "text", "day")
    anchored = next(t for t in article.times if t.anchor_text == "Ruto's visit")
    assert anchored.anchor_offset == "-P1D"
    assert anchored.value == "2025-01-27"


def test_dating_event_anchored_after(article: Analysis) -> None:
    # "after the meeting" takes the date of the event triggered by "met".
    assert _date(article, "E3") == ("2025-01-28", "text", "day")


def test_dating_discourse_time_from_paragraph_opening(article: Analysis) -> None:
    assert _date(article, "E4") == ("2025-01-20", "discourse", "day")


def test_dating_publication_fallback(article: Analysis) -> None:
    assert _date(article, "E6") == ("2025-02-04", "publication", "day")


def test_dating_historical_event(article: Analysis) -> None:
    war = next(e for e in article.events if e.id == "E5")
    assert war.date is not None
    assert (war.date.value, war.date.start, war.date.end) == (
        "2019",
        dt.date(2019, 1, 1),
        dt.date(2019, 12, 31),
    )
    assert war.historical is True
    assert not any(e.historical for e in article.events if e.id != "E5")


def test_dating_time_id_points_to_the_expression(article: Analysis) -> None:
    visit = next(e for e in article.events if e.id == "E1")
    assert visit.date is not None and visit.date.time is not None
    expr = next(t for t in article.times if t.id == visit.date.time)
    assert article.text[expr.start : expr.end] == "Jan. 28"


def test_dating_most_precise_evidence_wins() -> None:
    paragraphs = [
        "Sudan Talks Resume This Week",
        "Sudanese army and RSF envoys resumed talks in Jeddah on Feb. 3, mediators said.",
    ]
    analysis = build(paragraphs, PUBLISHED)
    talks = event(analysis, "E1", "Resume")
    add_evidence(analysis, talks, "resumed")
    analysis.events = [talks]
    EventDatingStage()(analysis)
    assert talks.date is not None
    assert (talks.date.value, talks.date.precision) == ("2025-02-03", "day")


def test_dating_anchor_needs_a_compatible_actor() -> None:
    paragraphs = [
        "Leaders Trade Visits",
        "William Ruto visited Kampala on Jan. 28.",
        "Yoweri Museveni visited Nairobi on Jan. 10.",
        "A day before Museveni's visit, Kenyan police closed the highway.",
    ]
    analysis = build(paragraphs, PUBLISHED)
    analysis.events = [
        event(analysis, "E1", "visited", 0, "William Ruto"),
        event(analysis, "E2", "visited", 1, "Yoweri Museveni"),
        event(analysis, "E3", "closed"),
    ]
    EventDatingStage()(analysis)
    assert _date(analysis, "E3") == ("2025-01-09", "text", "day")


def test_dating_unresolvable_anchor_falls_back() -> None:
    paragraphs = ["Headline", "After the summit, the ministers issued a statement."]
    analysis = _dated(paragraphs, PUBLISHED, [("E1", "issued")])
    assert _date(analysis, "E1") == ("2025-02-04", "publication", "day")


def test_dating_without_publication_date() -> None:
    paragraphs = [
        "Headline",
        "Police arrested the suspect on Feb. 2.",
        "Ministers praised the police.",
    ]
    analysis = _dated(paragraphs, None, [("E1", "arrested"), ("E2", "praised")])
    # No reference: "Feb. 2" has no year, so nothing can date either event.
    assert [e.date for e in analysis.events] == [None, None]
    dated = _dated(["Headline", "The pact was signed on March 3, 2021."], None, [("E1", "signed")])
    assert _date(dated, "E1") == ("2021-03-03", "text", "day")
    assert dated.events[0].historical is False


def test_dating_since_covers_until_publication() -> None:
    analysis = _dated(
        ["Headline", "The rebels have held the town since 2011."], PUBLISHED, [("E1", "held")]
    )
    date = analysis.events[0].date
    assert date is not None
    assert (date.start, date.end) == (dt.date(2011, 1, 1), PUBLISHED)


@pytest.mark.parametrize(("days", "historical"), [(29, False), (30, False), (31, True)])
def test_dating_historical_margin(days: int, historical: bool) -> None:
    from newsgraph.model import EventDate

    end = PUBLISHED - dt.timedelta(days=days)
    date = EventDate(end.isoformat(), end, end, "day", "text")
    assert dt.timedelta(days=30) == HISTORICAL_MARGIN
    assert is_historical(date, PUBLISHED) is historical


@pytest.mark.model
def test_dating_prefers_the_expression_governing_the_trigger(nlp: Any) -> None:
    paragraphs = [
        "Headline",
        "The rebels, who attacked the base on Saturday, were captured by troops on Monday.",
    ]
    text = "\n\n".join(paragraphs)
    analysis = build(paragraphs, PUBLISHED, doc=nlp(text))
    analysis.events = [event(analysis, "E1", "captured")]
    EventDatingStage()(analysis)
    assert _date(analysis, "E1") == ("2025-02-03", "text", "day")


@pytest.mark.parametrize("anchor_phrase", ["following their meeting", "after their meeting"])
def test_dating_ignores_an_expression_anchored_on_the_event_itself(anchor_phrase: str) -> None:
    """A caption's "following their meeting" names the very meeting it captions."""
    paragraphs = [
        "Ministers Meet in Lisbon",
        f"The ministers hold a news conference {anchor_phrase} in Lisbon on Jan. 30, 2025.",
        "The foreign ministers of Portugal and Morocco met in Lisbon on Jan. 30.",
        "Three days earlier, Moroccan officials met Spanish envoys in Rabat.",
    ]
    analysis = build(paragraphs, PUBLISHED)
    meeting = event(analysis, "E1", "hold a news conference")
    add_evidence(analysis, meeting, "meeting")
    add_evidence(analysis, meeting, "met", 0)
    earlier = event(analysis, "E2", "met", 1)
    analysis.events = [meeting, earlier]
    EventDatingStage()(analysis)
    assert _date(analysis, "E1") == ("2025-01-30", "text", "day")


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Ten years after its launch, the cooperative exports coffee to Oslo.", "P10Y"),
        ("Two weeks after their arrival, the couple fled Aleppo.", "P2W"),
    ],
)
def test_dating_undated_anchor_keeps_its_amount(sentence: str, value: str) -> None:
    """No event of the document dates the anchor: the phrase still counts a duration."""
    analysis = _dated(["Headline", sentence], PUBLISHED, [])
    anchored = [t for t in analysis.times if t.anchor_text]
    assert [(t.type, t.value) for t in anchored] == [("DURATION", value)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ministers of Ghana and Togo met in Lome on Monday to discuss the border.",
        "It was a quiet week in Accra.",
    ],
)
def test_dating_without_events_or_anchors_leaves_the_times_alone(sentence: str) -> None:
    """With no event to date and no anchored phrase to resolve the stage has nothing to do
    (it returns early): the times stay exactly as the time stage left them."""
    analysis = build(["Headline", sentence], PUBLISHED)
    before = [repr(t) for t in analysis.times]
    EventDatingStage()(analysis)
    assert [repr(t) for t in analysis.times] == before
    assert analysis.events == []


def test_dating_dated_anchor_is_not_turned_into_a_duration() -> None:
    paragraphs = [
        "Headline",
        "The envoy visited Dodoma on May 2. Two days after the visit, talks began.",
    ]
    analysis = _dated(paragraphs, PUBLISHED, [("E1", "visited"), ("E2", "began")])
    anchored = [t for t in analysis.times if t.anchor_text]
    assert [(t.type, t.value) for t in anchored] == [("DATE", "2024-05-04")]


def _parsed(nlp: Any, paragraphs: list[str], specs: list[tuple[Any, ...]]) -> Analysis:
    text = "\n\n".join(paragraphs)
    analysis = build(paragraphs, PUBLISHED, doc=nlp(text))
    analysis.events = [event(analysis, *spec) for spec in specs]
    return EventDatingStage()(analysis)


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("The fishermen's union has asked the ministry to reopen the harbour.", "asked", None),
        ("The mayor of Split says the ferries must run.", "says", None),
        ("Activists have launched a petition asking the council to act.", "asking", None),
        ("She had criticised the plan before she left office.", "criticised", None),
        ("Customs officers seized a ton of cocaine in Guayaquil.", "seized", "publication"),
        ("The rector was dismissed by the senate.", "dismissed", "publication"),
    ],
)
def test_dating_publication_only_for_events_told_in_the_past(
    nlp: Any, sentence: str, trigger: str, expected: str | None
) -> None:
    """A present or perfect clause with no date tells no day: no publication-day guess."""
    analysis = _parsed(nlp, ["Headline", sentence], [("E1", trigger)])
    found = _date(analysis, "E1")
    assert (found[1] if found else None) == expected


@pytest.mark.model
def test_dating_headline_present_is_the_news_of_the_day(nlp: Any) -> None:
    analysis = _parsed(nlp, ["Dockers strike in Antwerp", "Talks continue."], [("E1", "strike")])
    assert _date(analysis, "E1") == ("2025-02-04", "publication", "day")


@pytest.mark.model
def test_dating_a_noun_clause_date_belongs_to_its_own_event(nlp: Any) -> None:
    sentence = (
        "A ceasefire plan drafted by Qatar in March 2023 was rejected by the generals on Friday."
    )
    analysis = _parsed(nlp, ["Headline", sentence], [("E1", "rejected")])
    assert _date(analysis, "E1") == ("2025-01-31", "text", "day")


@pytest.mark.model
def test_dating_a_noun_clause_date_never_dates_the_main_event(nlp: Any) -> None:
    """May 2022 dates the backing, not the rejection; and a sentence that names so old a date
    tells background, so the publication day does not stand in either: undated."""
    sentence = "A truce plan backed by Norway in May 2022 was rejected by the junta."
    analysis = _parsed(nlp, ["Headline", sentence], [("E1", "rejected")])
    assert _date(analysis, "E1") is None


@pytest.mark.parametrize(
    ("sentence", "trigger", "value"),
    [
        ("Crowds marked three years since the invasion in the capital.", "invasion", "2022"),
        ("Ten years after the coup, the generals still rule.", "coup", "2015"),
        ("Six months since the earthquake, families still live in tents.", "earthquake", "2024-08"),
    ],
)
def test_dating_event_counted_from_is_historical(sentence: str, trigger: str, value: str) -> None:
    """The event a counted phrase counts from lies that long before the article's day."""
    analysis = _dated(["Headline", sentence], PUBLISHED, [("E1", trigger)])
    assert _date(analysis, "E1") is not None
    assert _date(analysis, "E1")[:2] == (value, "text")  # type: ignore[index]
    assert analysis.events[0].historical is True


def test_dating_neighbour_of_the_same_type_carries_its_date() -> None:
    paragraphs = [
        "Headline",
        "On Feb. 1, Malawian teachers demanded a pay rise.",
        "Nurses in Lilongwe demanded back pay as well.",
        "Doctors praised the health minister.",
    ]
    analysis = build(paragraphs, PUBLISHED)
    first, second, third = (
        event(analysis, "E1", "demanded"),
        event(analysis, "E2", "demanded", 1),
        event(analysis, "E3", "praised"),
    )
    first.event_type = second.event_type = "REQUEST"
    third.event_type = "SUPPORT"
    analysis.events = [first, second, third]
    EventDatingStage()(analysis)
    assert _date(analysis, "E1") == ("2025-02-01", "text", "day")
    assert _date(analysis, "E2") == ("2025-02-01", "discourse", "day")
    # Another kind of event one sentence on is another happening: the publication day.
    assert _date(analysis, "E3") == ("2025-02-04", "publication", "day")


def test_dating_background_neighbour_does_not_carry() -> None:
    paragraphs = [
        "Headline",
        "Malawian teachers demanded a pay rise in 2019.",
        "Nurses in Lilongwe demanded back pay.",
    ]
    analysis = build(paragraphs, PUBLISHED)
    first, second = event(analysis, "E1", "demanded"), event(analysis, "E2", "demanded", 1)
    first.event_type = second.event_type = "REQUEST"
    analysis.events = [first, second]
    EventDatingStage()(analysis)
    assert _date(analysis, "E1") == ("2019", "text", "year")
    assert _date(analysis, "E2") == ("2025-02-04", "publication", "day")


def test_dating_lead_naming_a_participant_dates_the_next_event() -> None:
    paragraphs = [
        "Headline",
        "Reports of a crackdown by Ugandan police on Jan. 30 have angered rights groups.",
        "Opposition supporters were beaten by Ugandan police outside the court.",
    ]
    analysis = build(paragraphs, PUBLISHED)
    beating = event(analysis, "E1", "beaten", 0, "Ugandan police")
    # the actor is the mention in the second sentence; the entity is mentioned in both
    at = analysis.text.index("Ugandan police", analysis.text.index("beaten") - 40)
    beating.actors[0] = replace(beating.actors[0], start=at, end=at + len("Ugandan police"))
    analysis.entities[0].mentions.append(Mention(at, at + len("Ugandan police")))
    analysis.events = [beating]
    EventDatingStage()(analysis)
    assert _date(analysis, "E1") == ("2025-01-30", "discourse", "day")


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # news of the day in sequence: the arrival's Monday dates the reception too
        (
            "After the envoy arrived in Bamako on Monday, the president received him.",
            "received",
            ("2025-02-03", "text", "day"),
        ),
        # a far-back "after" is a bound, not a date; the sentence is background: undated
        (
            "The minister criticised the delay after the court ordered the reform two years ago.",
            "criticised",
            None,
        ),
        (
            "Unions condemned the cuts when the first budget was passed in 2019.",
            "condemned",
            None,
        ),
    ],
)
def test_dating_adverbial_clause_date(
    nlp: Any, sentence: str, trigger: str, expected: tuple[str, str, str] | None
) -> None:
    analysis = _parsed(nlp, ["Headline", sentence], [("E1", trigger)])
    assert _date(analysis, "E1") == expected
