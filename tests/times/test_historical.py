"""Background events in whole articles (written for these tests, wire style): anniversaries,
"since", "N years after" and background clauses are historical and dated to the past the text
gives, never to the publication day; the event a "since" phrase hangs from goes on to now."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from article_events import analyse_article, event_on
from newsgraph.model import Event

pytestmark = pytest.mark.model


def _state(event: Event) -> tuple[bool, str | None]:
    return event.historical, event.date.value if event.date else None


@pytest.mark.parametrize(
    ("article", "published", "trigger", "expected"),
    [
        # anniversaries
        (
            "South Korea remembers uprising\n"
            "SEOUL, May 18 (Reuters) - South Korea's president attended a ceremony on Sunday "
            "marking the 45th anniversary of the day soldiers killed hundreds of protesters in "
            "Gwangju.",
            "2025-05-18",
            "killed",
            (True, "1980"),
        ),
        (
            "Bosnia marks massacre anniversary\n"
            "On the 30th anniversary of the Srebrenica massacre, where Bosnian Serb forces killed "
            "8,000 men, Bosnia's leaders called for justice on Wednesday.",
            "2025-07-11",
            "killed",
            (True, "1995"),
        ),
        # "N years since"
        (
            "Armenia and Azerbaijan still without treaty\n"
            "Monday marks five years since Azerbaijani troops attacked Armenian positions, and "
            "the two countries still have no peace treaty.",
            "2025-09-24",
            "attacked",
            (True, "2020"),
        ),
        (
            "Bolivia's former leader still awaits trial\n"
            "It is six years since Bolivian police arrested the former president in La Paz, and "
            "his trial has still not begun.",
            "2025-03-06",
            "arrested",
            (True, "2019"),
        ),
        # "since" with the date inside the phrase
        (
            "Armenia-Turkey border stays shut\n"
            "Relations have been frozen since Turkey closed its border with Armenia in 1993.",
            "2025-04-24",
            "closed",
            (True, "1993"),
        ),
        # "N years after"
        (
            "Georgian parliament passes law\n"
            "Four years after Russia invaded Georgia's neighbour, the Georgian parliament approved "
            "a foreign agents law on Tuesday.",
            "2026-05-28",
            "invaded",
            (True, "2022"),
        ),
        (
            "Armenian officials accuse Baku\n"
            "Two years after Azerbaijan seized the enclave, Armenian officials accused Baku of "
            "blocking the talks on Wednesday.",
            "2025-09-20",
            "seized",
            (True, "2023"),
        ),
        # background clauses
        (
            "Colombian rebels reject talks\n"
            "The ELN rebel group rejected the government's offer of new talks on Tuesday, citing "
            "the peace accord, which FARC leaders signed with the state in 2016.",
            "2025-03-05",
            "signed",
            (True, "2016"),
        ),
        (
            "Ethiopia accuses Eritrea\n"
            "Ethiopia accused Eritrea on Saturday of massing troops on the border. The two "
            "countries fought a war that ended when they signed a peace deal in 2018.",
            "2025-11-02",
            "signed",
            (True, "2018"),
        ),
    ],
)
def test_historical_background_events(
    pipeline: Any, article: str, published: str, trigger: str, expected: tuple[bool, str]
) -> None:
    assert _state(event_on(analyse_article(pipeline, article, published), trigger)) == expected


@pytest.mark.parametrize(
    ("article", "published", "trigger", "expected"),
    [
        # the news of the day beside the background stays news
        (
            "Armenian officials accuse Baku\n"
            "Two years after Azerbaijan seized the enclave, Armenian officials accused Baku of "
            "blocking the talks on Wednesday.",
            "2025-09-20",
            "accused",
            (False, "2025-09-17"),
        ),
        (
            "Rwanda and Congo hold talks\n"
            "Three decades after the genocide, Rwanda's foreign minister met Congolese officials "
            "in Kigali on Monday.",
            "2025-04-08",
            "met",
            (False, "2025-04-07"),
        ),
        # a "since" that gives a reason, not a time
        (
            "Ghanaian nurses walk out\n"
            "Since the health ministry refused to raise allowances, the nurses' union called a "
            "national strike on Monday.",
            "2025-04-15",
            "refused",
            (False, "2025-04-14"),
        ),
        # "after" without an amount is sequence, not background
        (
            "Chad's leader meets Sudanese envoy\n"
            "After the envoy arrived in N'Djamena on Monday, Chad's president met him at the "
            "palace.",
            "2025-04-15",
            "met",
            (False, "2025-04-14"),
        ),
    ],
)
def test_historical_news_of_the_day_is_not(
    pipeline: Any, article: str, published: str, trigger: str, expected: tuple[bool, str]
) -> None:
    # which day of the week the news took place is event dating's business: only that it stays
    # this week's news is checked here
    event = event_on(analyse_article(pipeline, article, published), trigger)
    assert not event.historical
    assert event.date is not None
    day = dt.date.fromisoformat(published)
    assert day - dt.timedelta(days=7) <= event.date.start <= day
    assert expected[0] is False


@pytest.mark.parametrize(
    ("article", "published", "trigger", "start"),
    [
        (
            "UN warns of famine\n"
            "The United Nations has warned of famine since the attack on the Zamzam camp last "
            "year.",
            "2025-04-15",
            "warned",
            "2024-01-01",
        ),
        (
            "Congo fights rebels\n"
            "Congo's army has fought M23 rebels since the group seized Goma in January.",
            "2025-11-03",
            "fought",
            "2025-01-01",
        ),
    ],
)
def test_historical_since_phrase_event_goes_on_to_now(
    pipeline: Any, article: str, published: str, trigger: str, start: str
) -> None:
    event = event_on(analyse_article(pipeline, article, published), trigger)
    assert not event.historical
    assert event.date is not None or trigger == "fought"  # dating may leave "has fought" undated
    if event.date is not None:
        assert event.date.start.isoformat() == start
        assert event.date.end == dt.date.fromisoformat(published)
