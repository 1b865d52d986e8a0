"""What the layout keeps out of the analysis, seen in whole articles of our own (wire and
outlet style): the places of a dateline filed from two or three cities, newsletter and form
residue, credit lines and subheads. None of them is an actor or an event's participant."""

from __future__ import annotations

from typing import Any

import pytest

from article_events import analyse_article
from newsgraph.model import Analysis

pytestmark = pytest.mark.model


def _actor_names(analysis: Analysis) -> set[str]:
    """Every mention text of every entity, and every participant text of every event."""
    text = analysis.text
    names = {text[m.start : m.end] for e in analysis.entities for m in e.mentions}
    for event in analysis.events:
        for side in (*event.actors, *event.recipients):
            names.add(text[side.start : side.end])
    return names


# -- datelines filed from two or three cities ---------------------------------------------------


@pytest.mark.parametrize(
    ("article", "cities"),
    [
        (
            "US and Iran resume indirect talks\n\n"
            "GENEVA and WASHINGTON — The United States and Iran resumed indirect talks on "
            "Tuesday, diplomats said, after a pause of three months.\n\n"
            "Omani mediators carried messages between the two delegations, officials said.",
            ["GENEVA", "WASHINGTON"],
        ),
        (
            "Ethiopia and Kenya reopen Moyale crossing\n\n"
            "ADDIS ABABA/NAIROBI, March 3 (Reuters) - Ethiopia and Kenya agreed on Monday to "
            "reopen the Moyale border crossing, closed since January after clashes.\n\n"
            "Traders welcomed the decision, a local official said.",
            ["ADDIS ABABA", "NAIROBI"],
        ),
        (
            "Chile and Argentina sign gas deal\n\n"
            "SANTIAGO / BUENOS AIRES (AFP) — Chile and Argentina signed a gas supply agreement "
            "on Thursday, their energy ministries said.\n\n"
            "The pipeline across the Andes will carry gas from Neuquen from next winter.",
            ["SANTIAGO", "BUENOS AIRES"],
        ),
    ],
)
def test_layout_records_joined_dateline_is_no_actor(
    pipeline: Any, article: str, cities: list[str]
) -> None:
    analysis = analyse_article(pipeline, article, "2025-03-04")
    dateline = analysis.document.dateline
    assert dateline is not None
    assert all(city in analysis.text[dateline.start : dateline.end] for city in cities)
    names = _actor_names(analysis)
    assert not any(city in name for city in cities for name in names), names
