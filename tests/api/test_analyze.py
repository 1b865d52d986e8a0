"""`newsgraph.analyze`: dates as users pass them, and exceptions instead of silent error records."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import newsgraph
from newsgraph.api import to_date

ARTICLE = (
    "NAIROBI (Reuters) - Kenya's foreign minister met his Ethiopian counterpart in Nairobi "
    "on Tuesday to discuss the border dispute, the ministry said."
)


@pytest.mark.parametrize(
    "published",
    [
        "2025-03-12",
        dt.date(2025, 3, 12),
        dt.datetime(2025, 3, 12, 8, 30),
        "Wed, 12 Mar 2025 08:30:00 GMT",
    ],
)
def test_dates_in_every_form(published: Any, pipeline: Any) -> None:
    analysis = newsgraph.analyze(ARTICLE, published=published, pipeline=pipeline)
    assert analysis.error is None
    assert analysis.document.published == dt.date(2025, 3, 12)
    assert analysis.events, "the meeting is an event"
    # "on Tuesday" relative to Wednesday 12 March is 11 March.
    assert any((e.date and e.date.value) == "2025-03-11" for e in analysis.events)


@pytest.mark.parametrize("bad", ["next Tuesday", "2025-13-01", 20250312, 3.5])
def test_bad_dates_raise(bad: Any) -> None:
    with pytest.raises(newsgraph.InputError, match="published") as info:
        to_date(bad)
    assert info.value.kind == "date"


def test_bad_text_raises(pipeline: Any) -> None:
    with pytest.raises(newsgraph.InputError) as info:
        newsgraph.analyze("   \n ", pipeline=pipeline)
    assert info.value.kind == "empty"
    with pytest.raises(newsgraph.InputError, match="str"):
        newsgraph.analyze(b"bytes", pipeline=pipeline)  # type: ignore[arg-type]


def test_batch_path_keeps_error_records(pipeline: Any) -> None:
    from newsgraph.ingest import analysis_from_text

    results = list(
        pipeline.run_many([analysis_from_text(""), analysis_from_text(ARTICLE, id="ok")])
    )
    assert results[0].error is not None and results[0].error.kind == "empty"
    assert results[1].error is None
