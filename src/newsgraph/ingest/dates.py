"""Calendar dates as news pages write them ("Feb. 4, 2025", "4 February 2025", "2025-02-04").

Only what the layout reader needs: full dates (day, month and year) with their offsets, and
month-day dates without a year for dateline prefixes ("BEIRUT, March 3 (Reuters) -").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
"""Month by the first three letters of its English name."""

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d\d"

FULL_DATE = re.compile(
    rf"\b(?P<m1>{MONTH})\s+(?P<d1>{DAY}),?\s+(?P<y1>{YEAR})\b"
    rf"|\b(?P<d2>{DAY})\s+(?:of\s+)?(?P<m2>{MONTH}),?\s+(?P<y2>{YEAR})\b"
    rf"|\b(?P<y3>{YEAR})-(?P<m3>0[1-9]|1[0-2])-(?P<d3>0[1-9]|[12]\d|3[01])\b",
    re.IGNORECASE,
)
"""A date with day, month and year, in US, European or ISO order."""

MONTH_DAY = re.compile(rf"\b(?P<m>{MONTH})\s+(?P<d>{DAY})\b", re.IGNORECASE)
"""A date without a year ("March 3"), as Reuters datelines write it."""


@dataclass(frozen=True, slots=True)
class FoundDate:
    start: int
    end: int
    date: dt.date


def month_number(name: str) -> int:
    return MONTHS[name.rstrip(".")[:3].lower()]


def _day(raw: str) -> int:
    return int(re.sub(r"\D", "", raw))


YEAR_ANYWHERE = re.compile(YEAR)
"""What every full date holds; a text without it is not searched for dates."""


def find_full_dates(text: str, offset: int = 0) -> list[FoundDate]:
    """Every valid full date in `text`, offsets shifted by `offset`.

    A text without a year has none: looking for one scans on the digits "19"/"20" alone, where
    `FULL_DATE` tries its three orders at every word."""
    found: list[FoundDate] = []
    if YEAR_ANYWHERE.search(text) is None:
        return found
    for match in FULL_DATE.finditer(text):
        groups = match.groupdict()
        try:
            if groups["y1"]:
                value = dt.date(int(groups["y1"]), month_number(groups["m1"]), _day(groups["d1"]))
            elif groups["y2"]:
                value = dt.date(int(groups["y2"]), month_number(groups["m2"]), _day(groups["d2"]))
            else:
                value = dt.date(int(groups["y3"]), int(groups["m3"]), int(groups["d3"]))
        except ValueError:  # "Feb. 30, 2025"
            continue
        found.append(FoundDate(offset + match.start(), offset + match.end(), value))
    return found


def month_day(text: str) -> tuple[int, int] | None:
    """The first month-day pair in `text` as (month, day), or None."""
    match = MONTH_DAY.search(text)
    if match is None:
        return None
    return month_number(match.group("m")), _day(match.group("d"))


PUBLISHED_YEARS = range(1000, 3000)
"""Years a publication date may have. Later stages count days and years from it, and a year at
the edge of what `datetime.date` holds (1 or 9999) would overflow there; no news is dated so."""


def plausible_published(value: dt.date | None) -> dt.date | None:
    """`value` if its year is one a publication date may have, else None."""
    return value if value is not None and value.year in PUBLISHED_YEARS else None


def parse_iso_date(value: object) -> dt.date | None:
    """A record's `published` field: ISO date or datetime string in `PUBLISHED_YEARS`, else None."""
    if isinstance(value, dt.date):
        return plausible_published(value)
    if not isinstance(value, str):
        return None
    raw = value.strip()
    try:
        return plausible_published(dt.date.fromisoformat(raw[:10]))
    except ValueError:
        return None
