from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from newsgraph.evaluate import meantime
from newsgraph.evaluate.meantime import GoldDocument

from .helpers import FIXTURES, entity, mention, record, span

TEXT = (
    "Toyota recalls cars\nMarch 3 , 2010\n"
    "Toyota chief Akio Toyoda said on Tuesday that the company will visit Washington ."
)


@pytest.fixture
def doc() -> GoldDocument:
    (document,) = meantime.read(FIXTURES / "meantime_sample.xml")
    return document


def test_meantime_read_rebuilds_text(doc: GoldDocument) -> None:
    assert doc.text == TEXT
    assert doc.id == "900001_Toyota_recalls_cars"
    assert doc.published == dt.date(2010, 3, 3)  # the CREATION_TIME TIMEX3


def test_meantime_read_timexes(doc: GoldDocument) -> None:
    # the empty TIMEX3 (no tokens) is not a detection target
    assert [(doc.text[t.start : t.end], t.value, t.creation_time) for t in doc.timexes] == [
        ("March 3 , 2010", "2010-03-03", True),
        ("Tuesday", "2010-03-02", False),
    ]


def test_meantime_read_named_mentions_only(doc: GoldDocument) -> None:
    found = [(doc.text[m.start : m.end], m.label) for m in doc.mentions]
    # "the company" (NOM) and "cars" (PRO) are out; "Toyota chief Akio Toyoda" wraps the name
    # of the same person and gives way to it; the premodifier name "Toyota" stays
    assert found == [
        ("Toyota", "ORG"),
        ("Toyota", "ORG"),
        ("Akio Toyoda", "PER"),
        ("Washington", "LOC"),
    ]


def _time(value: str | None, phrase: str, occurrence: int = 0) -> dict[str, Any]:
    start, end = span(TEXT, phrase, occurrence)
    return {"start": start, "end": end, "text": phrase, "type": "DATE", "value": value}


def _perfect() -> dict[str, Any]:
    return record(
        "900001_Toyota_recalls_cars",
        TEXT,
        entities=[
            entity("ORG", [mention(TEXT, "Toyota", 0), mention(TEXT, "Toyota", 1)]),
            entity("PERSON", [mention(TEXT, "Akio Toyoda")]),
            entity("GPE", [mention(TEXT, "Washington")]),
        ],
        times=[_time("2010-03-03", "March 3 , 2010"), _time("2010-03-02", "Tuesday")],
    )


def test_meantime_score_perfect(doc: GoldDocument) -> None:
    result = meantime.score([doc], {doc.id: _perfect()})
    assert all(m.value == 1.0 for m in result.metrics), result.metrics
    assert result.errors == []


def test_meantime_score_empty(doc: GoldDocument) -> None:
    result = meantime.score([doc], {})
    values = {m.name: m.value for m in result.metrics}
    assert values["TIMEX3 detection (overlap) recall"] == 0.0
    assert values["named mentions, typed (overlap) F1"] == 0.0
    assert values["TIMEX3 value accuracy (matched)"] is None


@pytest.fixture
def mixed() -> dict[str, Any]:
    return record(
        "900001_Toyota_recalls_cars",
        TEXT,
        entities=[
            entity(
                "ORG",
                [mention(TEXT, "Toyota", 0), mention(TEXT, "Toyota", 1), mention(TEXT, "chief")],
            ),
            entity("ORG", [mention(TEXT, "the company", kind="nominal")]),  # not a name: ignored
            entity(
                "PERSON", [mention(TEXT, "Toyoda"), mention(TEXT, "Washington")]
            ),  # part; wrong type
            entity("NORP", [mention(TEXT, "cars")]),  # not a scored type: ignored
        ],
        times=[
            _time("2010-03-04", "March 3"),
            _time("2010-03-02", "on Tuesday"),
            _time(None, "recalls"),
        ],
    )


@pytest.mark.parametrize(
    ("metric", "expected"),
    [
        ("TIMEX3 detection (overlap) precision", 2 / 3),
        ("TIMEX3 detection (overlap) recall", 1.0),  # overlap, not exact extent
        ("TIMEX3 value accuracy (matched)", 0.5),
        (
            "named mentions, typed (overlap) precision",
            3 / 5,
        ),  # Toyota x2, Toyoda; chief, Washington
        ("named mentions, typed (overlap) recall", 3 / 4),
        ("named mentions, untyped (overlap) F1", 2 * 0.8 * 1.0 / 1.8),  # P 4/5, R 4/4
        ("named mentions, untyped (exact) F1", 2 * 0.6 * 0.75 / 1.35),  # P 3/5, R 3/4
    ],
)
def test_meantime_score_mixed(
    doc: GoldDocument, mixed: dict[str, Any], metric: str, expected: float
) -> None:
    assert meantime.score([doc], {doc.id: mixed}).metric(metric).value == pytest.approx(expected)


def test_meantime_score_mixed_per_type(doc: GoldDocument, mixed: dict[str, Any]) -> None:
    result = meantime.score([doc], {doc.id: mixed})
    assert [(label, p.tp, p.fp, p.fn) for label, p in result.per_type.items()] == [
        ("PER", 1, 1, 0),
        ("ORG", 2, 1, 0),
        ("LOC", 0, 0, 1),
    ]
    kinds = sorted(e.kind for e in result.errors)
    assert kinds == ["spurious_mention", "spurious_time", "wrong_entity_type", "wrong_time_value"]


def _long_document() -> str:
    """Eight one-word sentences; "Oslo" in sentence 7 lies past the fully annotated opening."""
    words = ["Title", "Date", "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Oslo"]
    tokens = "".join(
        f'<token number="{i}" sentence="{i}" t_id="{i + 1}">{w}</token>'
        for i, w in enumerate(words)
    )
    return (
        f'<Document doc_name="long">{tokens}<Markables>'
        '<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="8"/></ENTITY_MENTION>'
        '<ENTITY ent_type="LOC" m_id="9"/></Markables><Relations>'
        '<REFERS_TO r_id="1"><source m_id="1"/><target m_id="9"/></REFERS_TO></Relations></Document>'
    )


def test_meantime_scores_only_the_fully_annotated_opening() -> None:
    doc = meantime.parse_xml(_long_document())
    assert doc.mentions == ()  # the late mention is outside the scored region
    assert doc.text[: doc.scored_until].endswith("Delta")  # sentences 0-5
    late = record("long", doc.text, entities=[entity("GPE", [mention(doc.text, "Oslo")])])
    early = record("long", doc.text, entities=[entity("GPE", [mention(doc.text, "Alpha")])])
    assert (
        meantime.score([doc], {"long": late})
        .metric("named mentions, typed (overlap) precision")
        .support
        == 0
    )
    assert (
        meantime.score([doc], {"long": early})
        .metric("named mentions, typed (overlap) precision")
        .support
        == 1
    )
