"""The floor tool raises floors, never lowers one silently, and pins the data by digest."""

from __future__ import annotations

from pathlib import Path

import pytest

from .floors import BASELINE_PATH, DIGESTS, data_digest, floor_for, load_baseline, lowered, raised

BASE = {"_comment": "x", "gum": {"quote span recall": 0.95, "mentions F1": 0.78}}


def test_floors_raise_only_upwards() -> None:
    figures = {"gum": {"quote span recall": 0.99, "mentions F1": 0.781}}
    new, below = raised(BASE, figures)
    assert below == []
    assert new["gum"] == {"quote span recall": 0.98, "mentions F1": 0.78}  # 0.771 → kept at 0.78
    assert BASE["gum"]["quote span recall"] == 0.95  # the input is not changed


def test_floors_refuse_while_a_figure_is_below() -> None:
    _, below = raised(BASE, {"gum": {"quote span recall": 0.90, "mentions F1": 0.80}})
    assert below == ["gum: quote span recall = 0.9 is below its floor 0.95"]
    _, missing = raised(BASE, {"gum": {"quote span recall": 0.97}})
    assert missing == ["gum: mentions F1 = None is below its floor 0.78"]


def test_floors_lower_only_by_name_with_a_reason() -> None:
    with pytest.raises(ValueError, match="--reason"):
        lowered(BASE, "gum:mentions F1", 0.70, " ")
    with pytest.raises(ValueError, match="no floor"):
        lowered(BASE, "gum:recall", 0.70, "gold fixed")
    with pytest.raises(ValueError, match="--raise"):
        lowered(BASE, "gum:mentions F1", 0.90, "higher")
    new = lowered(BASE, "gum:mentions F1", 0.70, "gold annotation corrected")
    assert new["gum"]["mentions F1"] == 0.70
    assert new["_lowered"] == [
        {
            "floor": "gum:mentions F1",
            "from": 0.78,
            "to": 0.70,
            "reason": "gold annotation corrected",
        }
    ]


def test_floors_floor_sits_under_the_figure() -> None:
    assert floor_for(0.8473) == 0.83
    assert floor_for(0.85) == 0.84


def test_floors_digest_changes_with_a_byte(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": 1}\n', encoding="utf-8")
    first = data_digest(tmp_path)
    (tmp_path / "a.jsonl").write_text('{"id": 2}\n', encoding="utf-8")
    assert data_digest(tmp_path) != first
    assert data_digest(tmp_path / "a.jsonl") != first  # a file hashes with its own name only


def test_floors_every_pinned_dataset_has_a_digest() -> None:
    baseline = load_baseline(BASELINE_PATH)
    names = [n for n in baseline if not n.startswith("_")]
    assert sorted(baseline[DIGESTS]) == sorted(names)
    assert all(len(d) == 64 for d in baseline[DIGESTS].values())
