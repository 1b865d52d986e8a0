"""Turn a matched time expression into its TIMEX3 value and mod.

Each handler reads the named groups of one rule's match and a `Context` (reference date, the
tense of the clause, the date the discourse last focused on). Relative expressions need a
reference date; without one their value stays None: we never invent a date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from newsgraph.model import Precision
from newsgraph.times import calendar as cal
from newsgraph.times.vocab import vocab

Resolved = tuple[str | None, str | None]

"""(value, mod) of one expression."""


@dataclass(slots=True)
class Context:
    reference: dt.date | None
    future: Callable[[], bool]
    """Whether the clause is about the future (computed only when a rule needs it)."""
    past: Callable[[], bool] = lambda: True
    """Whether the clause is in a past tense (by default assumed, which keeps the past bias)."""
    focus: dt.date | None = None
    """The first day of the last date the text named, for anaphora ("that year", "the next day")."""
    focus_precision: str | None = None

    def anchor(self, precision: str = "day") -> dt.date | None:
        """The focus when it is at least as precise as needed, else the reference date."""
        if self.focus is not None and cal.PRECISION_RANK.get(
            self.focus_precision or "", 9
        ) <= cal.PRECISION_RANK.get(precision, 6):
            return self.focus
        return self.reference


# --- words to numbers ----------------------------------------------------------------------------

_TENS_UNITS = re.compile(r"^([a-z]+)[\s-]+([a-z]+)$")


def parse_number(text: str) -> float | None:
    """'25' -> 25, 'twenty-five' -> 25, 'a' -> 1, 'two and a half' -> 2.5; vague words -> None."""
    words = vocab().numbers
    cleaned = re.sub(r"\s+", " ", text.strip().lower())
    half = 0.0
    if cleaned.endswith(" and a half"):
        cleaned, half = cleaned[: -len(" and a half")], 0.5
    if re.fullmatch(r"\d+(?:[.,]\d+)?", cleaned):
        return float(cleaned.replace(",", ".")) + half
    if cleaned in words:
        return words[cleaned] + half
    if m := _TENS_UNITS.match(cleaned):
        tens, units = words.get(m[1]), words.get(m[2])
        if tens is not None and units is not None and tens >= 20 and units < 10:
            return tens + units + half
    return None


def unit_code(word: str) -> str:
    """'years' -> 'Y', 'minutes' -> 'MIN' (see vocab.json units)."""
    word = word.lower().rstrip("s")
    if word == "centurie":
        word = "century"
    return vocab().units[word]


def _number_text(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"


def duration_value(amount: float | None, unit: str) -> str:
    """ISO 8601 duration; decades and centuries are written in years (a decade -> P10Y)."""
    factor = {"DE": 10, "CE": 100, "FN": 2, "Q": 3}.get(unit, 1)
    iso_unit = {"DE": "Y", "CE": "Y", "FN": "W", "Q": "M", "MIN": "M"}.get(unit, unit)
    count = "X" if amount is None else _number_text(amount * factor)
    prefix = "PT" if unit in {"S", "MIN", "H"} else "P"
    return f"{prefix}{count}{iso_unit}"


# --- news-biased resolution of incomplete dates -------------------------------------------------


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


NEAR_FUTURE = dt.timedelta(days=45)
"""How far ahead a year-less date may lie and still be read as coming when its clause is not in
a past tense: "talks on June 3" in an article of June 1 are two days away, not a year ago."""


def resolve_month_day(
    reference: dt.date,
    month: int,
    day: int,
    future: bool,
    weekday: int | None = None,
    past: bool = True,
) -> dt.date | None:
    """The year for "Feb. 4": nearest past (or, in a future clause, next) such date.

    A date just ahead of the reference is the coming one unless the clause is in a past tense
    (`NEAR_FUTURE`). A weekday ("Friday, August 21") picks the year in which the date falls on
    that weekday."""
    years = range(reference.year - 6, reference.year + 7)
    candidates = [d for y in years if (d := _valid(y, month, day)) is not None]
    if weekday is not None:
        matching = [d for d in candidates if d.isoweekday() == weekday]
        if matching:
            candidates = matching
    earlier = [d for d in candidates if d <= reference]
    coming = [d for d in candidates if d >= reference]
    if coming and (future or (not past and min(coming) - reference <= NEAR_FUTURE)):
        return min(coming)
    if earlier:
        return max(earlier)
    return min(coming) if coming else None


def resolve_month(reference: dt.date, month: int, future: bool) -> int:
    """The year for a bare month ("in March"): the latest past one, or the next in a future clause."""
    if future:
        return reference.year if month >= reference.month else reference.year + 1
    return reference.year if month <= reference.month else reference.year - 1


def resolve_weekday(reference: dt.date, weekday: int, future: bool, relation: str = "") -> dt.date:
    """The date of "Tuesday" ("last"/"next" exclude the reference day itself)."""
    relation = relation.lower()
    if relation == "next" or (future and relation != "last"):
        ahead = (weekday - reference.isoweekday()) % 7
        if ahead == 0 and relation == "next":
            ahead = 7
        return reference + dt.timedelta(days=ahead)
    back = (reference.isoweekday() - weekday) % 7
    if back == 0 and relation == "last":
        back = 7
    return reference - dt.timedelta(days=back)


def _year_of(text: str | None) -> int | None:
    if not text:
        return None
    digits = text.strip("'’ ")
    if len(digits) == 2:
        # Two-digit years: '07 -> 2007, '95 -> 1995 (news archives rarely reach before 1930).
        value = int(digits)
        return 2000 + value if value < 30 else 1900 + value
    return int(digits)


def _month_of(text: str) -> int:
    return vocab().months[text.lower().rstrip(".")]


def _weekday_of(text: str | None) -> int | None:
    return vocab().weekdays[text.lower().rstrip("s")] if text else None


# --- handlers: one per rule kind ----------------------------------------------------------------

Groups = dict[str, str | None]


def calendar_date(g: Groups, ctx: Context) -> Resolved:
    """ "Feb. 4, 2025", "4 February", "Friday, August 21", "2025-02-04", "7/8/07"."""
    month = int(g["mon"] or 0) if g.get("mon") else _month_of(g["month"] or "")
    day = int(g["day"] or 0)
    if month > 12 and day <= 12:  # 25/12/2024 written day-first
        month, day = day, month
    year = _year_of(g.get("year"))
    if year is not None:
        date = _valid(year, month, day)
        return (cal.day_value(date) if date else None), None
    if ctx.reference is None or _valid(2000, month, day) is None:
        return None, None
    weekday = _weekday_of(g.get("weekday"))
    future = ctx.future()
    resolved = resolve_month_day(
        ctx.reference, month, day, future, weekday, past=future or ctx.past()
    )
    return (cal.day_value(resolved) if resolved else None), None


def month_year(g: Groups, ctx: Context) -> Resolved:
    year = _year_of(g["year"])
    return f"{year:04d}-{_month_of(g['month'] or ''):02d}", None


def bare_month(g: Groups, ctx: Context) -> Resolved:
    """ "in March", "last March", "next May"."""
    if ctx.reference is None:
        return None, None
    month = _month_of(g["month"] or "")
    relation = (g.get("rel") or "").lower()
    if relation in {"last", "past"}:
        year = resolve_month(ctx.reference - dt.timedelta(days=1), month, False)
        if month == ctx.reference.month:
            year = ctx.reference.year - 1
    elif relation in {"next", "coming"}:
        year = ctx.reference.year if month > ctx.reference.month else ctx.reference.year + 1
    elif relation == "this":
        year = ctx.reference.year
    else:
        year = resolve_month(ctx.reference, month, ctx.future())
    return f"{year:04d}-{month:02d}", None


PART_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "tonight": "NI",
}
"""TIMEX3 part-of-day codes."""


def weekday(g: Groups, ctx: Context) -> Resolved:
    """ "Tuesday", "last Friday", "Monday morning"."""
    if ctx.reference is None:
        return None, None
    wd = _weekday_of(g["weekday"]) or 1
    date = resolve_weekday(ctx.reference, wd, ctx.future(), g.get("rel") or "")
    tod = g.get("tod")
    suffix = f"T{PART_OF_DAY[tod.lower()]}" if tod else ""
    return cal.day_value(date) + suffix, None


def weekday_set(g: Groups, ctx: Context) -> Resolved:
    return f"XXXX-WXX-{_weekday_of(g['weekday'])}", None


def year(g: Groups, ctx: Context) -> Resolved:
    return f"{_year_of(g['year']):04d}", None


def fiscal_year(g: Groups, ctx: Context) -> Resolved:
    return f"FY{_year_of(g['year']):04d}", None


def decade(g: Groups, ctx: Context) -> Resolved:
    if g.get("full"):
        return (g["full"] or "")[:3], None
    short = int(g["short"] or 0)
    century = 19 if short >= 30 else 20
    return f"{century}{short // 10}", None


def century(g: Groups, ctx: Context) -> Resolved:
    number = int(g["num"] or 0) if g.get("num") else vocab().ordinals[(g["ord"] or "").lower()]
    return f"{number - 1:02d}", None


DEICTIC_DAYS: dict[str, int] = {
    "today": 0,
    "tonight": 0,
    "tomorrow": 1,
    "yesterday": -1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
    "this": 0,
    "last": -1,
}
"""Day offsets of deictic words ("last night" is the night before the reference day)."""


def deictic_day(g: Groups, ctx: Context) -> Resolved:
    if ctx.reference is None:
        return None, None
    word = re.sub(r"\s+", " ", (g["deictic"] or "").lower())
    date = ctx.reference + dt.timedelta(days=DEICTIC_DAYS[word])
    tod = (g.get("tod") or ("tonight" if word == "tonight" else "")).lower()
    return cal.day_value(date) + (f"T{PART_OF_DAY[tod]}" if tod else ""), None


RELATION_STEP: dict[str, int] = {
    "this": 0,
    "current": 0,
    "last": -1,
    "past": -1,
    "previous": -1,
    "next": 1,
    "coming": 1,
}
"""Steps of deictic period words ("last week" -> one week back)."""


def _period_value(day: dt.date, unit: str) -> str:
    if unit == "weekend":
        return cal.week_value(day) + "-WE"
    return cal.value_at(day, cast(Precision, unit))


PERIOD_UNITS: dict[str, str] = {
    "week": "W",
    "weekend": "W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
}


def deictic_period(g: Groups, ctx: Context) -> Resolved:
    """ "last week" -> 2025-W05, "this year" -> 2025, "next month" -> 2025-03."""
    if ctx.reference is None:
        return None, None
    unit = (g["unit"] or "").lower()
    step = RELATION_STEP[(g["rel"] or "").lower()]
    day = cal.shift(ctx.reference, step, PERIOD_UNITS[unit])
    return _period_value(day, unit), None


EDGE_MODS: dict[str, str] = {
    "beginning": "START",
    "start": "START",
    "middle": "MID",
    "end": "END",
    "close": "END",
}
"""TIMEX3 mods for "the beginning/middle/end of" a period."""


def period_edge(g: Groups, ctx: Context) -> Resolved:
    """ "the end of the year" -> the current year with mod END."""
    value, _ = deictic_period({"unit": g["unit"], "rel": "this"}, ctx)
    return value, EDGE_MODS[(g["edge"] or "").lower()]


ANAPHORIC_STEP: dict[str, int] = {
    "previous": -1,
    "preceding": -1,
    "prior": -1,
    "before": -1,
    "next": 1,
    "following": 1,
    "after": 1,
    "that": 0,
    "same": 0,
}
"""Steps of anaphoric words, counted from the day the text last named ("the next day")."""


def anaphoric_period(g: Groups, ctx: Context) -> Resolved:
    """ "the previous day", "the following week", "that year": from the discourse focus."""
    unit = (g["unit"] or "").lower()
    anchor = ctx.anchor(unit)
    if anchor is None:
        return None, None
    step = ANAPHORIC_STEP[(g.get("rel") or g.get("rel2") or "").lower()]
    if unit == "day":
        return cal.day_value(anchor + dt.timedelta(days=step)), None
    return _period_value(cal.shift(anchor, step, PERIOD_UNITS[unit]), unit), None


def same_period_year_ago(g: Groups, ctx: Context) -> Resolved:
    """ "the same month a year ago" -> that month one year before: a year-on-year comparison.

    "ago"/"last year" count from the article's date; "earlier"/"before" from the last date the
    text named."""
    unit = (g["unit"] or "").lower()
    relative = (g.get("rel") or g.get("rel2") or "").lower()
    base = ctx.reference if relative in {"ago", "last"} else ctx.anchor(unit)
    if base is None:
        return None, None
    return _period_value(cal.shift(base, -1, "Y"), unit), None


WEEK_ORDINALS: dict[str, int] = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def week_of_month(g: Groups, ctx: Context) -> Resolved:
    """ "the last week of March" -> the ISO week holding most of March's last seven days."""
    month = _month_of(g["month"] or "")
    year_ = _year_of(g.get("year"))
    if year_ is None:
        if ctx.reference is None:
            return None, None
        year_ = resolve_month(ctx.reference, month, ctx.future())
    ordinal = (g["ord"] or "").lower()
    if ordinal in WEEK_ORDINALS:
        day = dt.date(year_, month, 7 * (WEEK_ORDINALS[ordinal] - 1) + 4)
    else:  # last / final
        day = dt.date(year_, month, cal.last_day(year_, month) - 3)
    return cal.week_value(day), None


def _counted(g: Groups) -> tuple[float | None, str]:
    return parse_number(g.get("num") or ""), unit_code(g["unit"] or "")


def ago(g: Groups, ctx: Context) -> Resolved:
    """ "two years ago" -> 2023; vague counts ("years ago") -> PAST_REF."""
    amount, unit = _counted(g)
    if amount is None or amount != int(amount) or unit in {"S", "MIN", "H"}:
        return "PAST_REF", None
    if ctx.reference is None:
        return None, None
    day = cal.shift(ctx.reference, -int(amount), unit)
    return cal.value_at(day, cal.UNIT_PRECISION[unit]), None


def counted_from_focus(g: Groups, ctx: Context) -> Resolved:
    """ "three days later", "two weeks earlier": counted from the last named day."""
    amount, unit = _counted(g)
    if amount is None or amount != int(amount) or unit in {"S", "MIN", "H"}:
        return None, None
    anchor = ctx.anchor(cal.UNIT_PRECISION[unit])
    if anchor is None:
        return None, None
    sign = -1 if (g.get("dir") or "").lower() in {"earlier", "before"} else 1
    day = cal.shift(anchor, sign * int(amount), unit)
    return cal.value_at(day, cal.UNIT_PRECISION[unit]), None


def later_than_planned(g: Groups, ctx: Context) -> Resolved:
    """ "(arrives on Nov. 11,) three days later than planned": a delay measured against the plan;
    the time it names is the day just given, not that day shifted again."""
    if ctx.focus is None or ctx.focus_precision != "day":
        return None, None
    return cal.day_value(ctx.focus), None


def later_this_year(g: Groups, ctx: Context) -> Resolved:
    """ "later this year": the rest of the reference year, as its last quarter or half when the
    rest lies inside one (said in October it is that year's Q4)."""
    if ctx.reference is None:
        return None, None
    ref = ctx.reference
    if ref.month >= 10:
        return f"{ref.year:04d}-Q4", None
    if ref.month >= 7:
        return f"{ref.year:04d}-H2", None
    return f"{ref.year:04d}", None


def duration(g: Groups, ctx: Context) -> Resolved:
    amount, unit = _counted(g)
    if not g.get("num") and not (g["unit"] or "").lower().endswith("s"):
        amount = 1  # "the past decade" counts one unit
    if g.get("half"):
        amount = (amount or 0) + 0.5
    return duration_value(amount, unit), None


def half_duration(g: Groups, ctx: Context) -> Resolved:
    """ "half an hour" -> PT30M, "half a year" -> P6M."""
    unit = unit_code(g["unit"] or "")
    smaller = {"H": (30, "MIN"), "D": (12, "H"), "Y": (6, "M"), "M": (2, "W"), "DE": (5, "Y")}
    if unit in smaller:
        amount, unit = smaller[unit]
        return duration_value(amount, unit), None
    return duration_value(0.5, unit), None


def vague_duration(g: Groups, ctx: Context) -> Resolved:
    return duration_value(None, unit_code(g["unit"] or "")), None


def unit_adjective(g: Groups, ctx: Context) -> Resolved:
    """ "year-long" -> P1Y, "decades-long" -> PXY."""
    word = (g["unit"] or "").lower()
    plural = word.endswith("s")
    return duration_value(None if plural else 1, unit_code(word)), None


SET_ADVERBS: dict[str, str] = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "annually": "P1Y",
    "annual": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
}
"""Frequency words and the period they repeat on."""


def set_adverb(g: Groups, ctx: Context) -> Resolved:
    return SET_ADVERBS[(g["word"] or "").lower()], None


def set_every(g: Groups, ctx: Context) -> Resolved:
    """ "every year" -> P1Y, "every two weeks" -> P2W, "twice a year" -> P1Y."""
    amount = parse_number(g.get("num") or "") or 1
    if (g.get("other") or "").strip():
        amount = 2
    return duration_value(amount, unit_code(g["unit"] or "")), None


def _hour_minute(g: Groups) -> tuple[int, int] | None:
    hour, minute = int(g["hour"] or 0), int(g.get("minute") or 0)
    ampm = (g.get("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    if ampm == "am" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    return hour, minute


def clock_time(g: Groups, ctx: Context) -> Resolved:
    """ "10:30 a.m." on the last named day of the sentence, else the reference day; a UTC
    offset ("GMT+8") is kept in the value ("T18:40+08")."""
    hm = _hour_minute(g)
    anchor = ctx.anchor()
    if hm is None or anchor is None:
        return None, None
    zone = ""
    if (g.get("tz") or "").upper() in {"UTC", "GMT"}:
        offset = re.sub(r"\s+", "", g.get("tzoff") or "")
        # "6:40 p.m. (GMT+8)" is local time eight hours ahead of UTC: keep it with its offset.
        zone = f"{offset[0]}{int(offset[1:]):02d}" if offset and int(offset[1:]) else "Z"
    return f"{cal.day_value(anchor)}T{hm[0]:02d}:{hm[1]:02d}{zone}", None


def named_time(g: Groups, ctx: Context) -> Resolved:
    anchor = ctx.anchor()
    if anchor is None:
        return None, None
    clock = "12:00" if (g["word"] or "").lower() == "noon" else "24:00"
    return f"{cal.day_value(anchor)}T{clock}", None


def part_of_day(g: Groups, ctx: Context) -> Resolved:
    """ "this morning" -> 2025-02-04TMO."""
    if ctx.reference is None:
        return None, None
    return f"{cal.day_value(ctx.reference)}T{PART_OF_DAY[(g['tod'] or '').lower()]}", None


def _quarter_year(g: Groups, ctx: Context, number: int) -> int | None:
    if g.get("year"):
        return _year_of(g["year"])
    if ctx.reference is None:
        return None
    relation = (g.get("rel") or "").lower()
    if relation:
        return ctx.reference.year + RELATION_STEP[relation]
    current = (ctx.reference.month - 1) // 3 + 1
    if ctx.future():
        return ctx.reference.year if number >= current else ctx.reference.year + 1
    return ctx.reference.year if number <= current else ctx.reference.year - 1


def quarter(g: Groups, ctx: Context) -> Resolved:
    """ "the fourth quarter of 2024", "Q3", "the last quarter" (the one before the reference's)."""
    word = (g.get("ord") or g.get("q") or "").lower()
    if word[:1].isdigit():
        word = word[0]
    if word in {"last", "final", "past", "previous"} and not g.get("year"):
        if ctx.reference is None:
            return None, None
        return cal.quarter_value(cal.shift(ctx.reference, -1, "Q")), None
    number = 4 if word in {"last", "final"} else int(word) if word.isdigit() else 0
    number = number or vocab().ordinals.get(word, 0)
    if not 1 <= number <= 4:
        return None, None
    year_ = _quarter_year(g, ctx, number)
    return (f"{year_:04d}-Q{number}" if year_ else None), None


def half_year(g: Groups, ctx: Context) -> Resolved:
    number = 1 if (g["ord"] or "").lower() == "first" else 2
    year_ = _quarter_year(g, ctx, 2 * number)
    return (f"{year_:04d}-H{number}" if year_ else None), None


def season(g: Groups, ctx: Context) -> Resolved:
    code = vocab().seasons[(g["season"] or "").lower()]
    if g.get("year"):
        return f"{_year_of(g['year']):04d}-{code}", None
    if ctx.reference is None:
        return None, None
    start_month = cal.SEASON_MONTHS[code]
    relation = (g.get("rel") or "").lower()
    ref = ctx.reference
    # The season containing the reference date, and its year label.
    current_year = ref.year if ref.month >= start_month or code != "WI" else ref.year - 1
    if relation in {"last", "past"}:
        year_ = (
            current_year - 1 if _in_season(ref, code) else resolve_month(ref, start_month, False)
        )
    elif relation in {"next", "coming"}:
        year_ = current_year + 1 if _in_season(ref, code) else resolve_month(ref, start_month, True)
    elif _in_season(ref, code):
        year_ = current_year
    else:
        year_ = resolve_month(ref, start_month, ctx.future() or relation == "this")
    return f"{year_:04d}-{code}", None


def _in_season(day: dt.date, code: str) -> bool:
    start = cal.SEASON_MONTHS[code]
    return (day.month - start) % 12 < 3


def holiday(g: Groups, ctx: Context) -> Resolved:
    name = re.sub(r"\s+", " ", (g["holiday"] or "").lower()).replace("’", "'")
    month, day = vocab().holidays[name]
    if g.get("year"):
        return f"{_year_of(g['year']):04d}-{month:02d}-{day:02d}", None
    if ctx.reference is None:
        return None, None
    resolved = resolve_month_day(ctx.reference, month, day, ctx.future())
    return (cal.day_value(resolved) if resolved else None), None


REFERENCE_WORDS: dict[str, str] = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "recently": "PAST_REF",
    "more recently": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "long ago": "PAST_REF",
    "soon": "FUTURE_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
}
"""Vague words for the present, the past and the future (TIMEX3 *_REF values)."""


def reference_word(g: Groups, ctx: Context) -> Resolved:
    word = re.sub(r"\s+", " ", (g["word"] or "").lower())
    if word.startswith(("recent ", "the last few", "the past few")):
        return "PAST_REF", None
    if word.startswith(("the coming", "the next few", "coming")):
        return "FUTURE_REF", None
    return REFERENCE_WORDS[word], None
