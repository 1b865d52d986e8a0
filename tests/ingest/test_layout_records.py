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


# -- sign-up boxes, credit lines and subheads ---------------------------------------------------

NEWSLETTER_PAGE = (
    "Zambia and Malawi agree to share power from new dam\n\n"
    "LUSAKA (Wire) — Zambia and Malawi agreed on Tuesday to share the electricity from a new "
    "dam on the Luangwa river, the two energy ministries said in a joint statement.\n\n"
    "The dam is expected to produce 600 megawatts when it opens in 2029.\n\n"
    "Southern Africa Daily\n"
    "Sign up for Southern Africa Daily, our free newsletter on the region's politics.\n"
    "Enter your email address\n"
    "Sign me up\n"
    "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service "
    "apply.\n\n"
    "Malawi has suffered daily power cuts since drought cut output at its Kapichira plant.\n"
)

CREDITS_ARTICLE = (
    "Peru and Bolivia sign lithium accord\n\n"
    "LA PAZ (Wire) — Peru and Bolivia signed an accord on Thursday to build a joint lithium "
    "processing plant near Lake Titicaca, officials said.\n\n"
    "Background\n\n"
    "The two countries have argued for years over the use of the lake's water, and Bolivia's "
    "lithium reserves are among the largest in the world.\n\n"
    "What next\n\n"
    "Engineers from both countries will meet in Puno next month to choose a site, Bolivia's "
    "energy minister said.\n\n"
    "Reporting by Daniel Ramos in La Paz and Lucia Mendoza in Lima; Editing by Andes desk\n\n"
    "— Staff and agencies\n"
)


def test_layout_records_sign_up_box_yields_nothing(pipeline: Any) -> None:
    analysis = analyse_article(pipeline, NEWSLETTER_PAGE, "2025-05-06")
    text = analysis.text
    removed = [text[r.start : r.end] for r in analysis.document.removed]
    assert removed[0] == "Southern Africa Daily"
    assert len(removed) == 5
    names = _actor_names(analysis)
    assert not {"Google", "Southern Africa Daily", "Southern Africa"} & names
    assert {"Zambia", "Malawi"} <= names
    assert all(not (r.start <= s.start < r.end) for r in analysis.document.removed
               for s in analysis.sentences)  # fmt: skip


def test_layout_records_credit_lines_and_subheads_are_no_actors(pipeline: Any) -> None:
    analysis = analyse_article(pipeline, CREDITS_ARTICLE, "2025-05-09")
    text = analysis.text
    document = analysis.document
    assert [text[h.start : h.end] for h in document.headings] == ["Background", "What next"]
    assert len(document.notes) == 2
    names = _actor_names(analysis)
    for credited in ("Daniel Ramos", "Lucia Mendoza", "Andes", "Background", "What next",
                     "Staff"):  # fmt: skip
        assert not any(credited in name for name in names), names
    assert {"Peru", "Bolivia"} <= names
    unread = [(s.start, s.end) for s in (*document.headings, *document.notes)]
    for sentence in analysis.sentences:
        assert not any(start <= sentence.start < end for start, end in unread)
    for place in analysis.places:  # "in La Paz", "Lucia": where the staff are, not the story
        assert not any(n.start <= place.start < n.end for n in document.notes), place


@pytest.mark.parametrize(
    ("article", "credited"),
    [
        (
            "Ghana and Togo reopen border\n\n"
            "ACCRA (Wire) — Ghana and Togo reopened their main border crossing on Monday after "
            "a week-long closure, customs officials said.\n\n"
            "Traders said queues of lorries stretched for several kilometres at Aflao.\n\n"
            "(Reporting by Kwame Mensah; Additional reporting by Ama Boateng in Lome; Editing by "
            "Peter Graff)\n",
            ["Kwame Mensah", "Ama Boateng", "Peter Graff"],
        ),
        (
            "Nepal and India agree on power line\n\n"
            "KATHMANDU — Nepal and India agreed on Sunday to build a second cross-border power "
            "line, Nepal's energy ministry said.\n\n"
            "The line will carry up to 1,000 megawatts of hydropower to northern India.\n\n"
            "Compiled by the South Asia desk; with reporting from Anil Shrestha in Kathmandu\n",
            ["South Asia", "Anil Shrestha"],
        ),
    ],
)
def test_layout_records_wire_credit_names_are_no_actors(
    pipeline: Any, article: str, credited: list[str]
) -> None:
    names = _actor_names(analyse_article(pipeline, article, "2025-05-12"))
    assert not any(c in name for c in credited for name in names), names
