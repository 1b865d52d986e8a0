"""The test record factory's small record is one the schema accepts, offsets included (the
cross-article `scenario` leaves participant offsets at 0 on purpose: the store does not read them)."""

from __future__ import annotations

from newsgraph.schema import validation_errors
from record_factory import make_record


def test_record_factory_small_record_is_valid() -> None:
    assert validation_errors(make_record("Olaf Weber met the Polish president in Warsaw.")) == []
