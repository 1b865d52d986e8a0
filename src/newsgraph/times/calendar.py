"""Calendar arithmetic on TIMEX3 values: shift dates, format values, and turn a value into the
date range it covers (what event dating stores as `EventDate.start/end`)."""

from __future__ import annotations

import calendar as _cal
import datetime as dt
import re

from newsgraph.model import Precision

THIRDS: dict[str, int] = {"START": 0, "MID": 1, "END": 2}
"""TIMEX3 mods that narrow a period to its first, middle or last third ("late 2024" -> Sep..Dec)."""

SEASON_MONTHS: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
"""First month of each meteorological (northern) season; every season lasts three months."""

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")
_DURATION = re.compile(r"^(-)?P(\d+(?:\.\d+)?)([DWMY])$")


def last_day(year: int, month: int) -> int:
    return _cal.monthrange(year, month)[1]


def shift_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (negative: earlier), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, last_day(year, month + 1)))


def shift(day: dt.date, amount: int, unit: str) -> dt.date:
    """Move a date by whole units: D, W, M, Q, Y, DE (decade), CE (century)."""
    if unit == "D":
        return day + dt.timedelta(days=amount)
    if unit == "W":
        return day + dt.timedelta(weeks=amount)
    if unit == "FN":
        return day + dt.timedelta(weeks=2 * amount)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        raise ValueError(f"cannot shift a date by unit {unit!r}")
    return shift_months(day, amount * months)


def day_value(day: dt.date) -> str:
    return day.isoformat()


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def quarter_value(day: dt.date) -> str:
    return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"


def value_at(day: dt.date, precision: Precision) -> str:
    """Format a date at a precision ("week" -> "2025-W06", "decade" -> "202")."""
    if precision == "day":
        return day_value(day)
    if precision == "week":
        return week_value(day)
    if precision == "month":
        return month_value(day)
    if precision == "quarter":
        return quarter_value(day)
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "decade":
        return f"{day.year // 10:03d}"
    return f"{day.year // 100:02d}"


def smallest_unit(start: dt.date, end: dt.date) -> str:
    """The value of the smallest calendar unit (day, week, month, quarter, year, decade,
    century) that holds every day from `start` to `end`."""
    precisions: tuple[Precision, ...] = ("day", "week", "month", "quarter", "year", "decade")
    for precision in precisions:
        if value_at(start, precision) == value_at(end, precision):
            return value_at(start, precision)
    return value_at(start, "century")


PRECISION_RANK: dict[str, int] = {
    "day": 0,
    "week": 1,
    "month": 2,
    "quarter": 3,
    "year": 4,
    "decade": 5,
    "century": 6,
}
"""Precisions, finest first (a smaller rank is more precise)."""


UNIT_PRECISION: dict[str, Precision] = {
    "D": "day",
    "W": "week",
    "FN": "week",
    "M": "month",
    "Q": "quarter",
    "Y": "year",
    "DE": "decade",
    "CE": "century",
}
"""The precision of a date reached by counting whole units ("two weeks ago" -> a week)."""


def _base_range(value: str) -> tuple[dt.date, dt.date, Precision] | None:
    if m := _DAY.match(value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return day, day, "day"
    if m := _WEEK.match(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "week"
        return monday, monday + dt.timedelta(days=6), "week"
    if m := _MONTH.match(value):
        year, month = int(m[1]), int(m[2])
        return dt.date(year, month, 1), dt.date(year, month, last_day(year, month)), "month"
    if m := _QUARTER.match(value):
        year, first = int(m[1]), (int(m[2]) - 1) * 3 + 1
        end = dt.date(year, first + 2, last_day(year, first + 2))
        return dt.date(year, first, 1), end, "quarter"
    if m := _HALF.match(value):
        # A half year has no precision of its own; "quarter" is the nearest coarser-than-month one.
        year, first = int(m[1]), 1 if m[2] == "1" else 7
        end = dt.date(year, first + 5, last_day(year, first + 5))
        return dt.date(year, first, 1), end, "quarter"
    if m := _SEASON.match(value):
        start = dt.date(int(m[1]), SEASON_MONTHS[m[2]], 1)
        stop = shift_months(start, 2)
        return start, stop.replace(day=last_day(stop.year, stop.month)), "quarter"
    if m := _YEAR.match(value):
        year = int(m[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    if m := _DECADE.match(value):
        year = int(m[1]) * 10
        return dt.date(max(year, 1), 1, 1), dt.date(year + 9, 12, 31), "decade"
    if m := _CENTURY.match(value):
        year = int(m[1]) * 100
        return dt.date(max(year, 1), 1, 1), dt.date(year + 99, 12, 31), "century"
    return None


def _third(start: dt.date, end: dt.date, index: int) -> tuple[dt.date, dt.date]:
    """The first, middle or last third of a range, cut on whole months when it spans months."""
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months >= 3:
        size = months // 3
        first = shift_months(start, index * size)
        if index == 2:
            return first, end
        stop = shift_months(first, size - 1)
        return first, stop.replace(day=last_day(stop.year, stop.month))
    days = (end - start).days + 1
    size = days // 3
    first = start + dt.timedelta(days=index * size)
    return first, end if index == 2 else first + dt.timedelta(days=size - 1)


def value_range(value: str, mod: str | None = None) -> tuple[dt.date, dt.date, Precision] | None:
    """The dates a calendar value covers, narrowed by START/MID/END; None for non-calendar values."""
    base = _base_range(value)
    if base is None:
        return None
    start, end, precision = base
    if mod in THIRDS and precision != "day":
        start, end = _third(start, end, THIRDS[mod])
    return start, end, precision


def parse_offset(offset: str) -> tuple[int, str] | None:
    """'-P1D' -> (-1, 'D'); open-ended offsets ('AFTER', 'BEFORE') -> None."""
    m = _DURATION.match(offset)
    if m is None or "." in m[2]:
        return None
    amount = int(m[2])
    return (-amount if m[1] else amount), m[3]


def offset_value(value: str, offset: str) -> str | None:
    """Apply a signed duration to a calendar value, keeping the value's precision."""
    base = _base_range(value)
    parsed = parse_offset(offset)
    if base is None or parsed is None:
        return None
    start, _, precision = base
    amount, unit = parsed
    return value_at(shift(start, amount, unit), precision)
