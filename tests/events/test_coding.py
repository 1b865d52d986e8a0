"""The `Coding` value the event rules pass along."""

from __future__ import annotations

import dataclasses

import pytest

from newsgraph.events.coding import Coding


def test_coding_recoded_keeps_modality_unless_given() -> None:
    promise = Coding("CONSULT", "visit", "042", "future")
    assert promise.recoded("AGREE", None, "036") == Coding("AGREE", None, "036", "future")
    assert promise.recoded("REJECT", None, "120", "asserted").modality == "asserted"


def test_coding_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Coding("AID").event_type = "ASSAULT"  # type: ignore[misc]
