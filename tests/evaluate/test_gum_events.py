"""The gum-events scorer on two documents written for these tests (a diplomatic row, a marathon)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from newsgraph.evaluate import gum_events
from newsgraph.evaluate.gum_events import GoldDocument, Side
from newsgraph.evaluate.runner import run_evaluation

from .helpers import FIXTURES, FakeAnalyzer, record, span

DATA = FIXTURES / "gum_events"


@pytest.fixture
def docs() -> dict[str, GoldDocument]:
    return {d.id: d for d in gum_events.read(DATA)}


@pytest.fixture
def spy(docs: dict[str, GoldDocument]) -> GoldDocument:
    return docs["gumev-spy"]


def _party(
    text: str, phrase: str, country: str | None = None, entity: str | None = None, nth: int = 0
) -> dict[str, Any]:
    start, end = span(text, phrase, nth)
    return {
        "entity": entity,
        "text": phrase,
        "start": start,
        "end": end,
        "country": country,
        "sector": None,
        "code": None,
    }


def _line(text: str, number: int) -> tuple[int, int]:
    start = sum(len(line) + 1 for line in text.split("\n")[: number - 1])
    return start, start + len(text.split("\n")[number - 1])


def _event(
    text: str,
    event_type: str,
    actors: list[dict[str, Any]],
    recipients: list[dict[str, Any]] = [],  # noqa: B006 - never mutated
    lines: tuple[int, ...] = (3,),
    **extra: Any,
) -> dict[str, Any]:
    evidence = [{"start": s, "end": e} for s, e in (_line(text, n) for n in lines)]
    return {
        "event_type": event_type,
        "actors": actors,
        "recipients": recipients,
        "evidence": evidence,
        "modality": "asserted",
        "date": None,
        "mode": None,
        **extra,
    }


def _quote(text: str, phrase: str, speaker: str | None, kind: str = "direct", **extra: Any) -> Any:
    start, end = span(text, phrase)
    who = None if speaker is None else {"entity": extra.pop("entity", None), "text": speaker}
    return {"start": start, "end": end, "kind": kind, "speaker": who, **extra}


def _perfect(doc: GoldDocument) -> dict[str, Any]:
    t = doc.text
    lt = _party(t, "The government of Lithuania", "LTU")
    amb = _party(t, "the Belarusian ambassador", "BLR")
    date = {"value": "2015-05-05", "start": "2015-05-05", "end": "2015-05-05"}
    return record(
        doc.id,
        t,
        events=[
            _event(t, "COERCE", [lt], [amb], (1, 3), mode="expel", date=date),
            _event(t, "ACCUSE", [lt], [amb], (3,), mode="allege", date=date),
            _event(
                t, "ACCUSE", [_party(t, "Viktor Marchuk", "BLR")], [lt], (4,), mode="disapprove"
            ),
            _event(
                t,
                "REQUEST",
                [_party(t, "Marchuk", "BLR", nth=1)],
                [_party(t, "the United Nations", "UNO")],
                (5,),
            ),
        ],
        quotes=[
            _quote(t, "This is an unacceptable provocation", "Viktor Marchuk"),
            _quote(t, "the United Nations to intervene", "Marchuk", "indirect"),
        ],
    )


def _values(result: Any) -> dict[str, float | None]:
    return {m.name: m.value for m in result.metrics}


def test_gum_events_read(docs: dict[str, GoldDocument], spy: GoldDocument) -> None:
    assert sorted(docs) == ["gumev-marathon", "gumev-spy"]
    assert spy.published == dt.date(2015, 5, 5)
    assert [e.id for e in spy.required] == ["spy-E1", "spy-E2", "spy-E3", "spy-E4"]
    words = [spy.text[s:e] for s, e in spy.quotes[0].words]
    assert words == ["This", "is", "an", "unacceptable", "provocation"]


def test_gum_events_quote_words_keep_internal_apostrophes(docs: dict[str, GoldDocument]) -> None:
    doc = docs["gumev-marathon"]
    assert [doc.text[s:e] for s, e in doc.quotes[0].words][:2] == ["We've", "never"]


def test_gum_events_perfect_prediction(spy: GoldDocument) -> None:
    values = _values(gum_events.score([spy], {spy.id: _perfect(spy)}))
    for name in (
        "event precision",
        "event recall",
        "event F1",
        "type-only recall (required)",
        "dyad (matched required)",
        "date range overlap (matched required, dated)",
        "mode (matched required)",
        "modality (matched required)",
        "state actor country (matched events)",
        "quote recall",
        "quote precision",
        "speaker accuracy (matched)",
    ):
        assert values[name] == 1.0, name
    # E3 and E4 are undated in the gold, and the prediction gives them no date
    assert values["date accuracy (matched required)"] == 1.0


def test_gum_events_empty_prediction(docs: dict[str, GoldDocument]) -> None:
    result = gum_events.score(list(docs.values()), {})
    values = _values(result)
    assert values["event recall"] == 0.0 and values["event precision"] == 0.0
    assert values["quote recall"] == 0.0
    assert values["dyad (matched required)"] is None
    kinds = sorted(e.kind for e in result.errors)
    assert kinds == ["missed_event"] * 4 + ["missed_quote"] * 3  # optional "hasty" is no miss


def test_gum_events_optional_match_counts_for_precision_only(spy: GoldDocument) -> None:
    t = spy.text
    critics = _event(t, "ACCUSE", [_party(t, "Critics")], [], (6,))
    values = _values(gum_events.score([spy], {spy.id: record(spy.id, t, events=[critics])}))
    assert values["event precision"] == 1.0
    assert values["event recall"] == 0.0


def test_gum_events_gold_without_actors_needs_its_type_in_its_lines(spy: GoldDocument) -> None:
    t = spy.text
    elsewhere = _event(t, "ACCUSE", [_party(t, "Critics")], [], (5,))
    values = _values(gum_events.score([spy], {spy.id: record(spy.id, t, events=[elsewhere])}))
    assert values["event precision"] == 0.0


@pytest.mark.parametrize(
    ("event_type", "actor", "country", "matched"),
    [
        ("SANCTION", "The government of Lithuania", "LTU", True),  # an alt type
        ("REJECT", "The government of Lithuania", "LTU", False),  # neither type nor alt
        ("COERCE", "Vilnius", "LTU", True),  # no shared word, same country code
        ("COERCE", "Lithuania", None, True),  # shared word, no country
        ("COERCE", "Lithuania", "BLR", False),  # shared word, but two different state codes
        ("COERCE", "government", None, True),  # a content word of the gold actor
        ("COERCE", "the", None, False),  # shares only a stop word
    ],
)
def test_gum_events_event_match(
    spy: GoldDocument, event_type: str, actor: str, country: str | None, matched: bool
) -> None:
    t = spy.text
    predicted = _event(t, event_type, [_party(t, actor, country)], [], (1,))
    one = GoldDocument(spy.id, t, spy.published, spy.events[:1], ())
    values = _values(gum_events.score([one], {spy.id: record(spy.id, t, events=[predicted])}))
    assert values["event recall"] == (1.0 if matched else 0.0)


def test_gum_events_overlap_rules() -> None:
    assert gum_events.overlaps(Side(frozenset({"un"}), "UNO"), Side(frozenset(), "UNO"))
    # a state code against a non-state one does not block a shared word
    assert gum_events.overlaps(
        Side(frozenset({"nations"}), "UNO"), Side(frozenset({"nations"}), "USA")
    )
    assert not gum_events.overlaps(
        Side(frozenset({"police"}), "HKG"), Side(frozenset({"police"}), "CHN")
    )
    assert gum_events.content_words("The US and Mr. Smith's office") == {"us", "smith", "office"}


def test_gum_events_resolved_entity_name_counts(spy: GoldDocument) -> None:
    t = spy.text
    actor = _party(t, "Lithuania", entity="E1")  # the headline word, resolved to a full name
    actor["text"] = "it"
    predicted = record(
        spy.id,
        t,
        entities=[{"id": "E1", "name": "Republic of Lithuania", "aliases": []}],
        events=[_event(t, "COERCE", [actor], [], (1,))],
    )
    values = _values(gum_events.score([spy], {spy.id: predicted}))
    assert values["event recall"] == 0.25


def test_gum_events_matching_is_one_to_one_and_prefers_exact_type(spy: GoldDocument) -> None:
    t = spy.text
    lt = _party(t, "The government of Lithuania", "LTU")
    amb = _party(t, "the Belarusian ambassador", "BLR")
    alt = _event(t, "SANCTION", [lt], [amb], (3,))
    exact = _event(t, "COERCE", [lt], [amb], (3,))
    extra = _event(t, "COERCE", [lt], [amb], (3,))
    one = GoldDocument(spy.id, t, spy.published, spy.events[:1], ())
    result = gum_events.score([one], {spy.id: record(spy.id, t, events=[alt, exact, extra])})
    values = _values(result)
    assert values["event recall"] == 1.0
    assert values["event precision"] == pytest.approx(1 / 3)
    spurious = [e.predicted["type"] for e in result.errors if e.kind == "spurious_event"]
    assert spurious == ["SANCTION", "COERCE"]


def test_gum_events_greedy_prefers_recipient_then_shared_line(spy: GoldDocument) -> None:
    t = spy.text
    lt = _party(t, "The government of Lithuania", "LTU")
    amb = _party(t, "the Belarusian ambassador", "BLR")
    # E1 (lines 1, 3) and E2 (line 3) both have Lithuania → the ambassador; a prediction with the
    # recipient goes first, and the shared evidence line then decides
    without_recipient = _event(t, "ACCUSE", [lt], [], (4,))
    with_recipient = _event(t, "ACCUSE", [lt], [amb], (3,))
    two = GoldDocument(spy.id, t, spy.published, spy.events[1:3], ())
    result = gum_events.score(
        [two], {spy.id: record(spy.id, t, events=[without_recipient, with_recipient])}
    )
    values = _values(result)
    assert values["event recall"] == 0.5  # E3 (Marchuk's accusation) has no Marchuk prediction
    assert values["dyad (matched required)"] == 1.0  # E2 took the prediction with the recipient


def test_gum_events_date_mode_and_country_diagnostics(spy: GoldDocument) -> None:
    t = spy.text
    lt = _party(t, "The government of Lithuania", None)
    amb = _party(t, "the Belarusian ambassador", "BLR")
    week = {"value": "2015-W18", "start": "2015-04-27", "end": "2015-05-03"}
    predicted = _event(t, "COERCE", [lt], [amb], (3,), date=week, mode="arrest")
    one = GoldDocument(spy.id, t, spy.published, spy.events[:1], ())
    values = _values(gum_events.score([one], {spy.id: record(spy.id, t, events=[predicted])}))
    assert values["date range overlap (matched required, dated)"] == 0.0  # W18 ends before 5 May
    assert values["mode (matched required)"] == 0.0
    assert values["state actor country (matched events)"] == 0.5  # Lithuania lacks its code


def test_gum_events_undated_gold_wants_no_date(spy: GoldDocument) -> None:
    t = spy.text
    day = {"value": "2015-05-05", "start": "2015-05-05", "end": "2015-05-05"}
    accuse = _event(t, "ACCUSE", [_party(t, "Viktor Marchuk", "BLR")], [], (4,), date=day)
    one = GoldDocument(spy.id, t, spy.published, spy.events[2:3], ())
    values = _values(gum_events.score([one], {spy.id: record(spy.id, t, events=[accuse])}))
    assert values["date accuracy (matched required)"] == 0.0
    assert values["date range overlap (matched required, dated)"] is None


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2015-05-05", "2015-05-05", "2015-05-05"),
        ("2015-W19", "2015-05-04", "2015-05-10"),
        ("2015-12", "2015-12-01", "2015-12-31"),
        ("2015-02", "2015-02-01", "2015-02-28"),
        ("2010", "2010-01-01", "2010-12-31"),
    ],
)
def test_gum_events_timex_range(value: str, first: str, last: str) -> None:
    assert gum_events.timex_range(value) == (
        dt.date.fromisoformat(first),
        dt.date.fromisoformat(last),
    )


def test_gum_events_events_in_documents_without_required_ones(
    docs: dict[str, GoldDocument],
) -> None:
    doc = docs["gumev-marathon"]
    t = doc.text
    runners = _event(t, "MOBILIZE", [_party(t, "runners")], [], (3,))
    result = gum_events.score([doc], {doc.id: record(doc.id, t, events=[runners])})
    values = _values(result)
    assert values["events in documents without required events"] == 1.0
    assert values["unmatched events in documents without required events"] == 1.0
    assert values["event recall"] == 0.0  # no required event: recall has nothing to count


@pytest.mark.parametrize(
    ("phrase", "matched"),
    [
        ('"This is an unacceptable provocation,"', True),  # marks and comma around the words
        ("This is an unacceptable", True),  # 4 of 5 words
        ("an unacceptable provocation", True),  # 3 of 5
        ("unacceptable provocation", False),  # 2 of 5
        ('This is an unacceptable provocation," said Belarus', True),  # longer is fine
    ],
)
def test_gum_events_quote_needs_half_the_words(
    spy: GoldDocument, phrase: str, matched: bool
) -> None:
    t = spy.text
    predicted = record(spy.id, t, quotes=[_quote(t, phrase, "Marchuk")])
    values = _values(gum_events.score([spy], {spy.id: predicted}))
    assert values["quote recall"] == (0.5 if matched else 0.0)
    assert values["quote precision"] == (1.0 if matched else 0.0)


def test_gum_events_quotes_one_to_one_by_coverage(spy: GoldDocument) -> None:
    t = spy.text
    partial = _quote(t, "an unacceptable provocation", "Marchuk")
    whole = _quote(t, "This is an unacceptable provocation", "Marchuk")
    result = gum_events.score([spy], {spy.id: record(spy.id, t, quotes=[partial, whole])})
    values = _values(result)
    assert values["quote precision"] == 0.5
    (spurious,) = [e for e in result.errors if e.kind == "spurious_quote"]
    assert spurious.predicted["text"] == "an unacceptable provocation"


def test_gum_events_optional_quote_counts_for_precision_only(spy: GoldDocument) -> None:
    t = spy.text
    predicted = record(spy.id, t, quotes=[_quote(t, "hasty", "Critics", "partial")])
    values = _values(gum_events.score([spy], {spy.id: predicted}))
    assert (values["quote precision"], values["quote recall"]) == (1.0, 0.0)


@pytest.mark.parametrize(
    ("speaker", "entity_name", "correct"),
    [
        ("Marchuk", None, True),
        ("the ambassador", None, False),  # no content word of the gold speaker
        ("He", "Viktor Marchuk", True),  # a pronoun resolved to the entity
        ("Lithuania", None, False),
        (None, None, False),
    ],
)
def test_gum_events_speaker(
    spy: GoldDocument, speaker: str | None, entity_name: str | None, correct: bool
) -> None:
    t = spy.text
    quote = _quote(t, "This is an unacceptable provocation", speaker, entity="E1")
    entities = [{"id": "E1", "name": entity_name, "aliases": []}] if entity_name else []
    predicted = record(spy.id, t, quotes=[quote], entities=entities)
    values = _values(gum_events.score([spy], {spy.id: predicted}))
    assert values["speaker accuracy (matched)"] == (1.0 if correct else 0.0)


def test_gum_events_runner_feeds_documents_under_their_ids(spy: GoldDocument) -> None:
    fake = FakeAnalyzer({spy.id: _perfect(spy)}, ["annotate", "actors", "quotes", "events"])
    result = run_evaluation("gum-events", DATA, analyzer=fake)
    assert [(doc_id, published) for doc_id, _text, published in fake.seen] == [
        ("gumev-marathon", dt.date(2015, 5, 10)),
        ("gumev-spy", dt.date(2015, 5, 5)),
    ]
    assert fake.seen[1][1] == spy.text
    assert result.score.metric("event recall").value == 1.0


def test_gum_events_location_and_historical_diagnostics(spy: GoldDocument) -> None:
    from dataclasses import replace

    events = list(spy.events)
    events[0] = replace(events[0], location="Vilnius")
    events[3] = replace(events[3], historical=True)
    events[2] = replace(events[2], location="Minsk")
    doc = replace(spy, events=tuple(events))
    predicted = _perfect(doc)
    predicted["events"][0]["location"] = {"place": None, "name": "Vilnius", "country": "LTU"}
    predicted["events"][1]["location"] = {"place": None, "name": "Kaunas", "country": "LTU"}
    result = gum_events.score([doc], {doc.id: predicted})
    values = _values(result)
    assert values["location found (matched, gold located)"] == pytest.approx(1 / 2)
    assert values["location right (matched, located)"] == pytest.approx(1 / 2)
    assert values["historical (matched events)"] == pytest.approx(3 / 4)
    kinds = sorted(e.kind for e in result.errors if e.kind.startswith("wrong_"))
    assert kinds == ["wrong_event_location", "wrong_event_location", "wrong_historical"]


def test_gum_events_wrong_date_error(spy: GoldDocument) -> None:
    """A matched required event whose date misses (or that is dated when the gold is not) is
    listed as `wrong_date`, with both dates."""
    predicted = _perfect(spy)
    predicted["events"][0]["date"] = {
        "value": "2014-01-01",
        "start": "2014-01-01",
        "end": "2014-01-01",
    }
    predicted["events"][2]["date"] = {
        "value": "2015-05-05",
        "start": "2015-05-05",
        "end": "2015-05-05",
    }
    result = gum_events.score([spy], {spy.id: predicted})
    wrong = [e for e in result.errors if e.kind == "wrong_date"]
    assert len(wrong) == 2
    assert {e.gold["date"] for e in wrong} == {spy.events[0].date, spy.events[2].date}
    assert wrong[0].predicted["date"]["value"] == "2014-01-01"
