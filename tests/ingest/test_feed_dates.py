"""Publication dates as feeds write them in a record's `published` field."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest

from newsgraph.ingest import read_inputs
from newsgraph.ingest.feed_dates import parse_feed_date

D = dt.date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-11", D(2025, 3, 11)),
        ("2025-03-11T09:30:00Z", D(2025, 3, 11)),
        ("2025-03-11T23:30:00-05:00", D(2025, 3, 11)),  # the publisher's day, not UTC's
        ("2025-03-11T09:30:00.123+05:30", D(2025, 3, 11)),
        ("2025-03-11 09:30", D(2025, 3, 11)),
        ("Tue, 11 Mar 2025 09:30:00 GMT", D(2025, 3, 11)),
        ("Tue, 11 Mar 2025 09:30:00 +0100", D(2025, 3, 11)),
        ("11 Mar 2025 09:30:00 -0500", D(2025, 3, 11)),
        ("11/03/2025", D(2025, 3, 11)),  # day first when both readings are valid
        ("11.03.2025", D(2025, 3, 11)),
        ("03/25/2025", D(2025, 3, 25)),  # month first when the day is over 12
        ("25/03/2025 14:05", D(2025, 3, 25)),
        ("2025/03/11", D(2025, 3, 11)),
        ("11 March 2025", D(2025, 3, 11)),
        ("March 11, 2025", D(2025, 3, 11)),
        (dt.datetime(2025, 3, 11, 22, 0), D(2025, 3, 11)),
        (D(2025, 3, 11), D(2025, 3, 11)),
        (1741685400, D(2025, 3, 11)),
    ],
)
def test_feed_forms(value: object, expected: dt.date) -> None:
    assert parse_feed_date(value) == expected


def test_month_first_when_asked() -> None:
    assert parse_feed_date("03/11/2025", day_first=False) == D(2025, 3, 11)
    assert parse_feed_date("03/11/2025") == D(2025, 11, 3)


@pytest.mark.parametrize(
    "value",
    [
        "soon",
        "",
        "31/31/2025",
        "2025-02-30",
        "Feb 30, 2025",
        2025,
        True,
        None,
        ["2025-03-11"],
        "x" * 500,
        "11 March 2025 or 12 March 2025",
    ],
)
def test_unreadable(value: object) -> None:
    assert parse_feed_date(value) is None


def test_feed_dates_reach_the_document(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    body = "The port authority in Mombasa said on Monday that cargo volumes rose."
    lines = [
        {"id": "rss", "text": body, "published": "Tue, 11 Mar 2025 09:30:00 GMT"},
        {"id": "sheet", "text": body, "published": "11/03/2025"},
        {"id": "atom", "text": body, "published": "2025-03-11T23:10:00-08:00"},
        {"id": "bad", "text": body, "published": "next week"},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        results = {a.id: a for a in read_inputs([str(path)])}
    for key in ("rss", "sheet", "atom"):
        assert results[key].document.published == D(2025, 3, 11)
        assert results[key].document.published_source == "input"
    assert results["bad"].document.published_source != "input"
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("'next week'" in m and "not a date" in m for m in warned)
