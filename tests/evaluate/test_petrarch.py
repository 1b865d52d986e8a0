from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from newsgraph.evaluate import petrarch
from newsgraph.evaluate.crosswalk import parse_official
from newsgraph.evaluate.petrarch import Coding, GoldSentence

from .helpers import FIXTURES, event, participant, record

RECORDS = FIXTURES / "petrarch" / "records.xml"


@pytest.fixture
def gold() -> list[GoldSentence]:
    return petrarch.read(RECORDS)


@pytest.fixture
def crosswalk() -> dict[str, str]:
    return parse_official((FIXTURES / "crosswalk_sample.txt").read_text(encoding="utf-8"))


def test_petrarch_read_fixture(gold: list[GoldSentence]) -> None:
    assert [s.id for s in gold] == [
        "TEST-01",
        "TEST-02",
        "TEST-03",
        "TEST-05",
    ]  # the error record is skipped
    first = gold[0]
    assert first.text == "Kenya sent a delegation to the Ugandan government on Thursday."
    assert first.published == dt.date(2001, 3, 15)
    assert first.codings == (Coding("KEN", "UGAGOV", "042"),)
    assert [s.noevents for s in gold] == [False, False, True, False]


def test_petrarch_dictionary_path_is_beside_records() -> None:
    assert petrarch.dictionary_path(RECORDS).is_file()


@pytest.mark.parametrize(
    ("gold_code", "predicted", "agrees"),
    [
        ("KEN", "KEN", True),
        ("KEN", "KENGOV", False),
        ("UGAGOV", "ugagov", True),
        ("---GOV", "NGAGOV", True),  # unknown country: the sector decides
        ("---GOV", "NGAMIL", False),
        ("---GOV", None, False),
    ],
)
def test_petrarch_code_agrees(gold_code: str, predicted: str | None, agrees: bool) -> None:
    assert petrarch.code_agrees(gold_code, predicted) is agrees


def test_petrarch_score_perfect(gold: list[GoldSentence], crosswalk: dict[str, str]) -> None:
    predicted = {
        "TEST-01": record(
            "TEST-01",
            events=[
                event(
                    "CONSULT",
                    [participant("Kenya", code="KEN")],
                    [participant("government", code="UGAGOV")],
                    cameo="042",
                )
            ],
        ),
        "TEST-02": record(
            "TEST-02",
            events=[
                event(
                    "REQUEST",
                    [participant("Officials", code="NGAGOV")],
                    [participant("Mali", code="MLI")],
                    cameo="0233",
                ),
                event(
                    "COERCE",
                    [participant("Officials", code="NGAGOV")],
                    [participant("Mali", code="MLI")],
                    cameo="173",
                ),
            ],
        ),
    }
    result = petrarch.score(gold, predicted, crosswalk)
    assert all(m.value == 1.0 for m in result.metrics), result.metrics
    assert result.errors == []


def test_petrarch_score_empty(gold: list[GoldSentence], crosswalk: dict[str, str]) -> None:
    result = petrarch.score(gold, {}, crosswalk)
    values = {m.name: m.value for m in result.metrics}
    assert values["CAMEO root agreement"] == 0.0
    assert values["PLOVER agreement"] == 0.0
    assert values["no-event sentences correct"] == 1.0  # predicting nothing is right there
    assert values["source code agreement"] is None


@pytest.fixture
def mixed() -> dict[str, dict[str, Any]]:
    return {
        # right type and root; source code too specific, target right
        "TEST-01": record(
            "TEST-01",
            events=[
                event(
                    "CONSULT",
                    [participant("Kenya", code="KENGOV")],
                    [participant("government", code="UGAGOV")],
                    cameo="042",
                )
            ],
        ),
        # 0233 (root 02, not mapped to PLOVER) missed; 173 found as 172 (root 17 agrees)
        "TEST-02": record(
            "TEST-02",
            events=[
                event(
                    "COERCE",
                    [participant("Officials", code="NGAGOV")],
                    [participant("Mali", code="MLI")],
                    cameo="172",
                )
            ],
        ),
        # an event where there is none
        "TEST-03": record("TEST-03", events=[event("PROTEST", cameo="140")]),
        # the test-only code 903 is not scored, but an event there is not a gold event
        "TEST-05": record("TEST-05", events=[event("ASSAULT", cameo="190")]),
    }


@pytest.mark.parametrize(
    ("metric", "expected"),
    [
        ("CAMEO root agreement", 2 / 3),  # 042 and 173 of 042, 0233, 173
        ("PLOVER agreement", 1.0),  # CONSULT and COERCE (0233 is unmapped)
        ("source code agreement", 0.5),
        ("target code agreement", 1.0),
        ("no-event sentences correct", 0.0),
        ("PLOVER event precision", 2 / 3),  # the ASSAULT on TEST-05 matches no gold coding
    ],
)
def test_petrarch_score_mixed(
    gold: list[GoldSentence],
    crosswalk: dict[str, str],
    mixed: dict[str, dict[str, Any]],
    metric: str,
    expected: float,
) -> None:
    assert petrarch.score(gold, mixed, crosswalk).metric(metric).value == pytest.approx(expected)


def test_petrarch_score_mixed_errors(
    gold: list[GoldSentence], crosswalk: dict[str, str], mixed: dict[str, dict[str, Any]]
) -> None:
    kinds = sorted(e.kind for e in petrarch.score(gold, mixed, crosswalk).errors)
    assert kinds == ["spurious_event", "wrong_actor_code"]
