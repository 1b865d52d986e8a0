"""The varied corpus with its events dated across decades and at every width, so that new
events meet stored clusters dated long before, around and long after them, and clusters dated
over a day, a month, a quarter, a year or a decade (`wide_clusters`)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from .varied import corpus

JSON = dict[str, Any]

_DAYS = [dt.date(2025, 1, 6) + dt.timedelta(days=3 * k) for k in range(12)]
"""Days of the bulk of the corpus; few, so that reports of one event meet."""
_BEFORE = [dt.date(1991, 3, 4), dt.date(1991, 3, 5), dt.date(1994, 8, 30)]
_AFTER = [dt.date(2039, 11, 2), dt.date(2041, 1, 15)]


def _quarter(year: int, q: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, 3 * q - 2, 1)
    end = dt.date(year + 1, 1, 1) if q == 4 else dt.date(year, 3 * q + 1, 1)
    return start, end - dt.timedelta(days=1)


def _month(year: int, month: int) -> tuple[dt.date, dt.date]:
    end = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return dt.date(year, month, 1), end - dt.timedelta(days=1)


def _dates(rng: random.Random) -> tuple[str, dt.date, dt.date]:
    """(precision, start, end) of one event."""
    kind = rng.choices(
        ["day", "before", "after", "month", "quarter", "year", "decade"],
        weights=[8, 2, 2, 2, 2, 2, 1],
    )[0]
    if kind == "day":
        day = rng.choice(_DAYS)
        return "day", day, day
    if kind in ("before", "after"):
        day = rng.choice(_BEFORE if kind == "before" else _AFTER)
        return "day", day, day
    if kind == "month":
        return "month", *_month(rng.choice([1991, 2025, 2040]), rng.choice([1, 2, 3]))
    if kind == "quarter":
        return "quarter", *_quarter(rng.choice([1991, 2025]), rng.choice([1, 2]))
    if kind == "year":
        year = rng.choice([1991, 2024, 2025, 2040])
        return "year", dt.date(year, 1, 1), dt.date(year, 12, 31)
    decade = rng.choice([1990, 2020, 2040])
    return "decade", dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31)


def dated_corpus(n: int = 160, seed: int = 41) -> list[JSON]:
    """`varied.corpus(n, seed)` (copies, updated versions, error records) with every event
    dated by `_dates`; a syndicated copy shares its original's events, dates included."""
    rng = random.Random(seed)
    records = corpus(n, seed)
    dated: set[int] = set()
    for record in records:
        for event in record.get("events", []):
            if id(event) in dated:
                continue  # a copy's event, dated with its original
            dated.add(id(event))
            precision, start, end = _dates(rng)
            event["date"] = {
                "value": start.isoformat() if precision == "day" else f"{start}/{end}",
                "start": start.isoformat(),
                "end": end.isoformat(),
                "precision": precision,
                "source": "text",
                "time": None,
            }
    return records
