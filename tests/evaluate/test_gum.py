from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from newsgraph.evaluate import gum
from newsgraph.evaluate.gum import GoldDocument

from .helpers import FIXTURES, entity, mention, record, span

TEXT = 'Nairobi floods\n\nMayor Evans Kidero said "The city is ready." The Kenya Red Cross helped.'


@pytest.fixture
def doc() -> GoldDocument:
    (document,) = gum.read(FIXTURES / "gum")
    return document


def test_gum_read_rebuilds_text(doc: GoldDocument) -> None:
    assert doc.text == TEXT
    assert (doc.id, doc.published) == ("GUM_news_sample", dt.date(2012, 5, 14))


def test_gum_read_named_mentions(doc: GoldDocument) -> None:
    # "The city" is a place, but its head is a common noun: not named
    assert [(doc.text[m.start : m.end], m.label) for m in doc.mentions] == [
        ("Nairobi", "place"),
        ("Mayor Evans Kidero", "person"),
        ("The Kenya Red Cross", "organization"),
        ("Kenya", "place"),
    ]


def test_gum_read_quotes_from_tt_sgml(doc: GoldDocument) -> None:
    assert [doc.text[q.start : q.end] for q in doc.quotes] == ['"The city is ready."']


@pytest.mark.parametrize("cut", [1, -1])
def test_gum_parse_quotes_refuses_misaligned_files(doc: GoldDocument, cut: int) -> None:
    xml = (FIXTURES / "gum" / "xml" / "GUM_news_sample.xml").read_text(encoding="utf-8")
    offsets = [(0, 1)] * (19 + cut)  # the document has 19 tokens
    with pytest.raises(ValueError, match="tokens"):
        gum.parse_quotes(xml, offsets, doc.id)


def _quote(phrase: str) -> dict[str, Any]:
    start, end = span(TEXT, phrase)
    return {"id": "Q1", "start": start, "end": end, "text": phrase, "kind": "direct"}


def test_gum_score_perfect(doc: GoldDocument) -> None:
    predicted = record(
        doc.id,
        TEXT,
        entities=[
            entity("GPE", [mention(TEXT, "Nairobi"), mention(TEXT, "Kenya")]),
            entity("PERSON", [mention(TEXT, "Mayor Evans Kidero")]),
            entity("ORG", [mention(TEXT, "The Kenya Red Cross")]),
        ],
        quotes=[_quote('"The city is ready."')],
    )
    result = gum.score([doc], {doc.id: predicted})
    assert all(m.value == 1.0 for m in result.metrics), result.metrics


def test_gum_score_empty(doc: GoldDocument) -> None:
    values = {m.name: m.value for m in gum.score([doc], {}).metrics}
    assert values["named mentions (overlap) recall"] == 0.0
    assert values["quote span recall"] == 0.0
    assert values["entity type accuracy (matched)"] is None


@pytest.fixture
def mixed(doc: GoldDocument) -> dict[str, Any]:
    return record(
        doc.id,
        TEXT,
        entities=[
            entity("GPE", [mention(TEXT, "Nairobi")]),
            entity("PERSON", [mention(TEXT, "Evans Kidero")]),  # overlaps "Mayor Evans Kidero"
            entity(
                "ORG", [mention(TEXT, "Kenya Red Cross"), mention(TEXT, "Kenya")]
            ),  # Kenya mistyped
            entity("ORG", [mention(TEXT, "city")]),  # not a gold name: spurious
            entity("DATE", [mention(TEXT, "floods")]),  # not a scored type: ignored
        ],
        quotes=[_quote("The city is ready")],
    )


@pytest.mark.parametrize(
    ("metric", "expected"),
    [
        ("named mentions (overlap) precision", 4 / 5),
        ("named mentions (overlap) recall", 1.0),
        ("entity type accuracy (matched)", 3 / 4),
        ("named mentions, typed (overlap) F1", 2 * (3 / 5) * (3 / 4) / (3 / 5 + 3 / 4)),
        ("quote span recall", 1.0),
    ],
)
def test_gum_score_mixed(
    doc: GoldDocument, mixed: dict[str, Any], metric: str, expected: float
) -> None:
    assert gum.score([doc], {doc.id: mixed}).metric(metric).value == pytest.approx(expected)


@pytest.mark.parametrize(
    ("kind", "counted"), [("nested", True), ("name", True), ("pronoun", False)]
)
def test_gum_counts_nested_mentions_but_meantime_does_not(kind: str, counted: bool) -> None:
    """GUM's gold nests names inside names; a nested prediction is judged there, not in MEANTIME."""
    from newsgraph.evaluate.gum import GUM_MENTION_KINDS
    from newsgraph.evaluate.records import NAMED_MENTION_KINDS, named_mentions

    text = "The University of Texas said on Monday that Texas would pay."
    found = record("d", text, entities=[entity("GPE", [mention(text, "Texas", 0, kind)])])
    in_gum = named_mentions(found, {"GPE": "place"}, GUM_MENTION_KINDS)
    in_meantime = named_mentions(found, {"GPE": "place"}, NAMED_MENTION_KINDS)
    assert bool(in_gum) is counted
    assert bool(in_meantime) is (kind == "name")
