"""Publication dates as feeds and CMS exports write them in a record's `published` field.

RSS writes RFC 2822 ("Tue, 11 Mar 2025 09:30:00 GMT"), Atom and APIs ISO 8601 with a time zone
("2025-03-11T09:30:00+01:00", "...Z"), spreadsheets "11/03/2025" (day first, as most of the world
writes it) or "03/11/2025" (month first, US), and page metadata "11 March 2025". The date kept is
the calendar date as written (the publisher's local day), not converted to UTC, because that is
the day the text's "yesterday" and "on Monday" are relative to.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

from newsgraph.ingest.dates import find_full_dates

_NUMERIC = re.compile(
    r"^\s*(?P<a>\d{1,2})[./-](?P<b>\d{1,2})[./-](?P<y>\d{4})"
    r"(?:[ T,]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp][Mm])?)?\s*$"
)
_YMD_SLASH = re.compile(r"^\s*(?P<y>\d{4})[./](?P<m>\d{1,2})[./](?P<d>\d{1,2})\b")
_EPOCH_DIGITS = re.compile(r"^\s*\d{9,11}(?:\.\d+)?\s*$")
MONTHS_IN_YEAR = 12
MIN_EPOCH_SECONDS = 100_000_000
"""Smaller numbers are years or ids, not Unix times (1e8 s is March 1973)."""


def parse_feed_date(value: object, *, day_first: bool = True) -> dt.date | None:
    """The calendar date in a `published` value, or None when it cannot be read unambiguously.

    Accepts `date`/`datetime`, ISO 8601 (with or without time and zone), RFC 2822, written
    dates ("11 March 2025", "March 11, 2025"), Unix seconds, and numeric D/M/Y or M/D/Y: when
    both readings are valid, `day_first` decides (True: 11/03/2025 is 11 March).
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _epoch(float(value)) if value >= MIN_EPOCH_SECONDS else None
    if not isinstance(value, str):
        return None
    raw = value.strip()
    if not raw or len(raw) > 100:
        return None
    return (
        _iso(raw)
        or _rfc2822(raw)
        or _numeric(raw, day_first)
        or _ymd_slash(raw)
        or _written(raw)
        or (_epoch(float(raw)) if _EPOCH_DIGITS.match(raw) else None)
    )


def _iso(raw: str) -> dt.date | None:
    text = raw[:-1] + "+00:00" if raw.endswith(("Z", "z")) else raw
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(raw[:10]) if len(raw) == 10 or raw[10] in "T " else None
    except (ValueError, IndexError):
        return None


def _rfc2822(raw: str) -> dt.date | None:
    try:
        parsed = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date() if parsed is not None else None


def _numeric(raw: str, day_first: bool) -> dt.date | None:
    match = _NUMERIC.match(raw)
    if match is None:
        return None
    a, b, year = int(match["a"]), int(match["b"]), int(match["y"])
    if a > MONTHS_IN_YEAR:
        order = [(b, a)]
    elif b > MONTHS_IN_YEAR:
        order = [(a, b)]
    else:
        order = [(b, a), (a, b)] if day_first else [(a, b), (b, a)]
    for month, day in order:
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


def _ymd_slash(raw: str) -> dt.date | None:
    match = _YMD_SLASH.match(raw)
    if match is None:
        return None
    try:
        return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def _written(raw: str) -> dt.date | None:
    found = find_full_dates(raw)
    return found[0].date if len(found) == 1 else None


def _epoch(seconds: float) -> dt.date | None:
    try:
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        return None
