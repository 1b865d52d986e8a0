from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from newsgraph.events.cameo import cameo_for, contexts_for, crosswalk, quad_class, score
from newsgraph.model import PLOVER_EVENT_TYPES

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "events" / "build_cameo_crosswalk.py"


@pytest.mark.parametrize(
    ("event_type", "mode", "hint", "expected"),
    [
        ("CONSULT", "visit", "042", "042"),  # hint consistent with type: kept
        ("AGREE", None, "042", "030"),  # hint of another type: replaced by the type's general code
        ("ASSAULT", "heavy-weapons", None, "194"),  # most general code for type+mode
        ("REQUEST", "yield", None, "1051"),
        ("COERCE", "arrest", None, "173"),
        ("PROTEST", None, None, "140"),
    ],
)
def test_cameo_for_picks_a_code_consistent_with_type(
    event_type: str, mode: str | None, hint: str | None, expected: str
) -> None:
    code = cameo_for(event_type, mode, hint)
    assert code == expected
    assert crosswalk()[code].event_type == event_type


@pytest.mark.parametrize("event_type", PLOVER_EVENT_TYPES)
def test_cameo_every_type_has_a_code_a_quad_class_and_a_score(event_type: str) -> None:
    assert cameo_for(event_type, None) is not None
    assert quad_class(event_type) in (1, 2, 3, 4)
    assert score(event_type, None) is not None


@pytest.mark.parametrize(
    ("event_type", "mode", "expected"),
    [
        ("CONSULT", "visit", 4.0),
        ("CONSULT", "nonsense", 2.5),
        ("ASSAULT", "aerial", -9.5),
        ("ACCUSE", None, -3.0),
    ],
)
def test_cameo_score_uses_mode_then_type(
    event_type: str, mode: str | None, expected: float
) -> None:
    assert score(event_type, mode) == expected


@pytest.mark.parametrize(
    ("event_type", "quad"), [("AGREE", 1), ("AID", 2), ("THREATEN", 3), ("ASSAULT", 4)]
)
def test_cameo_quad_class_by_type(event_type: str, quad: int) -> None:
    assert quad_class(event_type) == quad


def test_cameo_contexts_come_from_the_crosswalk() -> None:
    assert contexts_for("0312") == ["military"]
    assert contexts_for(None) == []


def test_cameo_crosswalk_script_converts_source_lines() -> None:
    spec = importlib.util.spec_from_file_location("build_cameo_crosswalk", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = module.convert(
        [
            "04: CONSULT",
            "042: CONSULT, visit,   # Make a visit",
            "094: ACCUSE, investigate, military; legal # Investigate war crimes",
            "085: RETREAT, ease,   economic # Ease economic sanctions",
            "042: CONSULT, phone, # duplicate code keeps the first row",
        ]
    )
    assert rows == [
        ("042", "CONSULT", "visit", "", "Make a visit"),
        ("094", "ACCUSE", "investigate", "military;legal", "Investigate war crimes"),
        ("085", "RETREAT", "", "economic", "Ease economic sanctions"),
    ]
