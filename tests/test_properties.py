"""Property tests over the whole pipeline: any text yields a valid record, never a crash."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.export import to_record
from newsgraph.ingest import analysis_from_text
from newsgraph.schema import validation_errors

pytestmark = pytest.mark.model

WORDS = [
    "the", "minister", "said", "on", "Monday", "Feb.", "4", "2025", "visited", "met", "with",
    "President", "Ruto", "Kenya", "Kenyan", "Ethiopia's", "Abiy", "Ahmed", "Addis", "Ababa",
    "troops", "attacked", "rebels", "in", "Goma", "last", "week", "he", "she", "they", "urged",
    "sanctions", "against", "Russia", "NATO", "(AP)", "—", "Reuters", "AFP", "“", "”", '"', "'",
    "…", "[Syria]", "U.N.", "will", "not", "agreed", "to", "talks", "a", "day", "before", "his",
    "visit", "By", "Updated:", "0:00", "Photo:", "al-Sharaa", "Al-", "’s", ",", ".", ";", ":",
    "\n", "\n\n", "  ", "É", "Ç", "ﬁ", "\u200b", "2024-13-45", "Tuesday", "next", "year",
]  # fmt: skip

texts = st.lists(st.sampled_from(WORDS), min_size=0, max_size=80).map(" ".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, published=st.sampled_from([None, "2025-02-04"]))
def test_properties_any_text_gives_a_valid_record(
    pipeline: Any, text: str, published: str | None
) -> None:
    import datetime as dt

    day = dt.date.fromisoformat(published) if published else None
    try:
        analysis = analysis_from_text(text, published=day)
    except Exception as exc:  # pragma: no cover - reported by the assertion below
        pytest.fail(f"ingest raised {exc!r}")
    record = to_record(pipeline.run(analysis))
    if "error" in record:
        assert record["error"]["kind"] in {"empty"}, record["error"]
        return
    assert validation_errors(record) == []
    for event in record["events"]:
        if event["date"] and published:
            assert event["date"]["source"] in {"text", "discourse", "publication"}
