from __future__ import annotations

from typing import Any

import pytest

from newsgraph.evaluate import plover_gsr
from newsgraph.evaluate.plover_gsr import GoldSentence

from .helpers import FIXTURES, event, participant, record


@pytest.fixture
def gold() -> list[GoldSentence]:
    return plover_gsr.read(FIXTURES / "plover_gsr_sample.json")


def _perfect(gold: list[GoldSentence]) -> dict[str, dict[str, Any]]:
    return {
        s.id: record(
            s.id,
            s.text,
            events=[
                event(
                    s.event,
                    [participant(a.text, a.code, (a.sector or "")[:3] or None) for a in s.sources],
                    [participant(a.text) for a in s.targets],
                )
            ],
        )
        for s in gold
    }


@pytest.mark.parametrize(
    ("index", "field", "expected"),
    [
        (0, "id", "TEST-GSR-AGREE-0001"),
        (1, "event", "REQUEST"),  # DEMAND in the 2016 file
        (1, "original_event", "DEMAND"),
        (2, "event", "ASSAULT"),  # FIGHT
        (2, "targets", ()),  # the file writes a missing target as ""
    ],
)
def test_plover_gsr_read_fixture(
    gold: list[GoldSentence], index: int, field: str, expected: Any
) -> None:
    assert len(gold) == 3  # the DOCUMENT header is not a record
    assert getattr(gold[index], field) == expected


def test_plover_gsr_score_perfect(gold: list[GoldSentence]) -> None:
    result = plover_gsr.score(gold, _perfect(gold))
    values = {m.name: m.value for m in result.metrics}
    assert values["event type hit rate"] == 1.0
    assert values["dyad accuracy"] == 1.0
    assert values["source country accuracy"] == 1.0
    assert values["source sector accuracy"] == 1.0
    assert values["event type (micro) F1"] == 1.0
    assert result.errors == []


def test_plover_gsr_score_empty(gold: list[GoldSentence]) -> None:
    result = plover_gsr.score(gold, {})
    values = {m.name: m.value for m in result.metrics}
    assert values["event type hit rate"] == 0.0
    assert values["dyad accuracy"] == 0.0
    assert values["event type (micro) recall"] == 0.0
    assert values["event type (micro) precision"] == 0.0
    assert values["source country accuracy"] is None  # no source was matched: nothing to measure
    assert {e.kind for e in result.errors} == {"missed_event"}
    assert result.confusion["AGREE"] == {"(none)": 1}


@pytest.fixture
def mixed(gold: list[GoldSentence]) -> dict[str, dict[str, Any]]:
    agree, demand, fight = gold
    return {
        # right type and dyad, plus an extra CONSULT: a false positive
        agree.id: record(
            agree.id,
            events=[
                event(
                    "AGREE",
                    [participant("Kenyan ministers", "KEN", "GOV")],
                    [participant("Tanzanian officials")],
                ),
                event("CONSULT", [participant("Kenyan ministers", "KEN", "GOV")]),
            ],
        ),
        # REQUEST matches the old DEMAND label, but the roles are swapped: no dyad
        demand.id: record(
            demand.id,
            events=[event("REQUEST", [participant("the government")], [participant("students")])],
        ),
        # wrong type; the actor is found with the right country and a wrong sector
        fight.id: record(
            fight.id, events=[event("PROTEST", [participant("Rebels", "COD", "MIL")])]
        ),
    }


@pytest.mark.parametrize(
    ("metric", "expected"),
    [
        ("event type hit rate", 2 / 3),
        ("dyad accuracy", 1 / 3),
        ("source country accuracy", 1.0),  # 2 of 2 matched sources
        ("source sector accuracy", 0.5),  # GOV right, REB vs MIL wrong
        ("event type (micro) precision", 2 / 4),  # AGREE, REQUEST right; CONSULT, PROTEST wrong
        ("event type (micro) recall", 2 / 3),
    ],
)
def test_plover_gsr_score_mixed(
    gold: list[GoldSentence], mixed: dict[str, dict[str, Any]], metric: str, expected: float
) -> None:
    assert plover_gsr.score(gold, mixed).metric(metric).value == pytest.approx(expected)


def test_plover_gsr_score_mixed_tables(
    gold: list[GoldSentence], mixed: dict[str, dict[str, Any]]
) -> None:
    result = plover_gsr.score(gold, mixed)
    assert (result.per_type["REQUEST"].tp, result.per_type["CONSULT"].fp) == (1, 1)
    assert (result.per_type["ASSAULT"].fn, result.per_type["PROTEST"].fp) == (1, 1)
    assert result.confusion["ASSAULT"] == {"PROTEST": 1}
    assert result.confusion["AGREE"] == {"AGREE": 1}
    kinds = sorted(e.kind for e in result.errors)
    assert kinds == ["wrong_dyad", "wrong_sector", "wrong_type"]


@pytest.mark.parametrize(
    ("recipient", "dyad"), [("Tanzanian officials", 1.0), ("Ugandan police", 0.0)]
)
def test_plover_gsr_score_dyad_needs_target_overlap(
    gold: list[GoldSentence], recipient: str, dyad: float
) -> None:
    agree = gold[0]
    predicted = {
        agree.id: record(
            agree.id, events=[event("AGREE", [participant("Kenyan")], [participant(recipient)])]
        )
    }
    assert plover_gsr.score([agree], predicted).metric("dyad accuracy").value == dyad


@pytest.mark.parametrize("repeats", [2, 3])
def test_plover_gsr_parse_records_keeps_repeated_ids_apart(repeats: int) -> None:
    raw = {
        "id": "X-1",
        "event": "AGREE",
        "text": "Peru and Chile agreed.",
        "source": [],
        "target": "",
    }
    ids = [s.id for s in plover_gsr.parse_records([raw] * repeats)]
    assert ids == ["X-1", "X-1#2", "X-1#3"][:repeats]


@pytest.mark.parametrize(
    ("gold_code", "predicted", "ok"),
    [
        ("JAP", "JPN", True),
        ("ITL", "ITA", True),
        ("JAP", "JAP", True),
        ("JAP", "JOR", False),
        ("FRA", "FRA", True),
    ],
)
def test_plover_gsr_country_compares_cameo_codes_as_iso(
    gold_code: str, predicted: str, ok: bool
) -> None:
    from newsgraph.evaluate.plover_gsr import GoldActor, _country_ok

    gold_actor = GoldActor(text="officials", code=gold_code, sector="GOV")
    assert (
        _country_ok(gold_actor, {"country": predicted, "sector": "GOV", "code": predicted + "GOV"})
        is ok
    )
