"""Calendar values to date ranges, and offsets applied to values."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.times.calendar import offset_value, shift_months, value_range

D = dt.date


@pytest.mark.parametrize(
    ("value", "mod", "expected"),
    [
        ("2025-02-04", None, (D(2025, 2, 4), D(2025, 2, 4), "day")),
        ("2025-02-04T10:30", None, (D(2025, 2, 4), D(2025, 2, 4), "day")),
        ("2025-W05", None, (D(2025, 1, 27), D(2025, 2, 2), "week")),
        ("2025-W06-WE", None, (D(2025, 2, 8), D(2025, 2, 9), "week")),
        ("2024-02", None, (D(2024, 2, 1), D(2024, 2, 29), "month")),
        ("2024-Q4", None, (D(2024, 10, 1), D(2024, 12, 31), "quarter")),
        ("2023-H1", None, (D(2023, 1, 1), D(2023, 6, 30), "quarter")),
        ("2022-WI", None, (D(2022, 12, 1), D(2023, 2, 28), "quarter")),
        ("2024", None, (D(2024, 1, 1), D(2024, 12, 31), "year")),
        ("2024", "END", (D(2024, 9, 1), D(2024, 12, 31), "year")),
        ("2024", "START", (D(2024, 1, 1), D(2024, 4, 30), "year")),
        ("2023", "MID", (D(2023, 5, 1), D(2023, 8, 31), "year")),
        ("2025-03", "END", (D(2025, 3, 21), D(2025, 3, 31), "month")),
        ("199", None, (D(1990, 1, 1), D(1999, 12, 31), "decade")),
        ("18", None, (D(1800, 1, 1), D(1899, 12, 31), "century")),
    ],
)
def test_calendar_value_range(value: str, mod: str | None, expected: tuple[object, ...]) -> None:
    assert value_range(value, mod) == expected


@pytest.mark.parametrize("value", ["P3D", "PRESENT_REF", "PAST_REF", "FY2024", "XXXX-WXX-5"])
def test_calendar_non_calendar_values_have_no_range(value: str) -> None:
    assert value_range(value) is None


@pytest.mark.parametrize(
    ("value", "offset", "expected"),
    [
        ("2025-02-04", "-P1D", "2025-02-03"),
        ("2025-03-01", "-P1D", "2025-02-28"),
        ("2025-02-04", "P2W", "2025-02-18"),
        ("2025-W06", "-P1W", "2025-W05"),
        ("2024", "P1Y", "2025"),
        ("2025-02-04", "AFTER", None),
    ],
)
def test_calendar_offset_value(value: str, offset: str, expected: str | None) -> None:
    assert offset_value(value, offset) == expected


def test_calendar_shift_months_clamps_to_month_end() -> None:
    assert shift_months(D(2025, 1, 31), 1) == D(2025, 2, 28)
    assert shift_months(D(2024, 3, 31), -1) == D(2024, 2, 29)
