"""The detection rules: one regular expression per kind of time expression, bound to the
handler (in `normalise`) that computes its value.

Month and weekday names must be capitalised ("may" and "march" are also ordinary words); other
words match in any case. A rule may name a group `core`: the expression is then that group only,
and the rest of the match is context that licenses it ("in March": the expression is "March").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from newsgraph.model import TimeType
from newsgraph.times import normalise as nz
from newsgraph.times.startchars import with_start_chars
from newsgraph.times.vocab import alternation, vocab

Handler = Callable[[nz.Groups, nz.Context], nz.Resolved]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    type: TimeType
    handler: Handler


def _capitalised(words: list[str]) -> str:
    forms: list[str] = []
    for word in sorted(words, key=len, reverse=True):
        forms += [word[0].upper() + word[1:], word.upper()]
    return "|".join(forms)


_V = vocab()
_LONG_MONTHS = [m for m in _V.months if not any(o != m and o.startswith(m) for o in _V.months)]
_SHORT_MONTHS = [m for m in _V.months if m not in _LONG_MONTHS]
"""Full month names, and abbreviations (a name that begins a longer one), which may take a dot."""
MONTH = rf"(?P<month>(?:{_capitalised(_LONG_MONTHS)})|(?:{_capitalised(_SHORT_MONTHS)})\.?)"
WEEKDAY = rf"(?P<weekday>{_capitalised(list(_V.weekdays))})"
DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
SHORT_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d|['’]\d\d)"
NUMBER_WORD = alternation([w for w in _V.numbers if w not in {"hundred"}])
NUMBER = (
    rf"(?P<num>\d+(?:[.,]\d+)?|(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    rf"[\s-](?:one|two|three|four|five|six|seven|eight|nine)|{NUMBER_WORD}))"
)
UNIT = r"(?P<unit>(?i:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|century|centuries))"
CAL_UNIT = r"(?P<unit>(?i:weekend|week|month|quarter|year|decade|century))"
VAGUE = alternation(list(_V.vague_numbers))
TOD = r"(?P<tod>(?i:morning|afternoon|evening|night))"
AMPM = r"(?P<ampm>(?i:a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z]))"
TIMEZONE = r"(?:\s*\(?\s*(?P<tz>UTC|GMT|[ECMP][SD]T)(?:\s*(?P<tzoff>[+-]\s*\d{1,2}))?(?:\s*\))?)"
END = r"(?![\w-])"
START = r"(?<![\w-])"
MONTH_CUES = (
    r"(?i:in|since|by|until|till|before|after|during|from|to|through|of|and|or|between|"
    r"early|late|mid|end|start|beginning|middle|each|every)"
)
"""Words before a bare month name that make it a date ("in March"), not a verb ("may")."""

_HOLIDAY_FORMS = sorted(_V.holidays, key=len, reverse=True)
HOLIDAY = (
    "(?P<holiday>"
    + "|".join(
        re.escape(name.title().replace("'S", "'s")).replace(r"\ ", r"\s+").replace("'", "['’]")
        for name in _HOLIDAY_FORMS
    )
    + ")"
)
DEICTIC = (
    r"\b(?P<deictic>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
    r"today|tomorrow|yesterday))"
)
SEASON = r"(?P<season>(?i:spring|summer|autumn|winter|fall))"


def _r(pattern: str) -> re.Pattern[str]:
    return with_start_chars(re.compile(pattern))


RULES: tuple[Rule, ...] = (
    # --- calendar dates -------------------------------------------------------------------------
    Rule(
        "iso_date",
        _r(rf"{START}{YEAR}-(?P<mon>[01]\d)-(?P<day>[0-3]\d){END}"),
        "DATE",
        nz.calendar_date,
    ),
    Rule(
        "numeric_date",
        _r(rf"{START}(?P<mon>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{{4}}|\d\d)(?![\w/-])"),
        "DATE",
        nz.calendar_date,
    ),
    Rule(
        "month_day",
        _r(rf"(?:{WEEKDAY}\s*,?\s*)?\b{MONTH}\s*{DAY}{END}(?:\s*,?\s*{SHORT_YEAR}{END})?"),
        "DATE",
        nz.calendar_date,
    ),
    Rule(
        "day_month",
        _r(
            rf"(?:{WEEKDAY}\s*,?\s*)?(?:(?i:the)\s+)?\b{DAY}(?:\s+(?i:of))?\s+{MONTH}{END}(?:\s*,?\s*{YEAR}{END})?"
        ),
        "DATE",
        nz.calendar_date,
    ),
    Rule("month_year", _r(rf"\b{MONTH}\s*,?\s*(?:(?i:of)\s+)?{YEAR}{END}"), "DATE", nz.month_year),
    Rule(
        "month_cued",
        _r(rf"\b{MONTH_CUES}[\s-]+(?:(?i:early|late|mid)[\s-]+)?(?P<core>{MONTH}){END}"),
        "DATE",
        nz.bare_month,
    ),
    Rule(
        "month_relative",
        _r(rf"\b(?P<rel>(?i:last|next|this|past|coming))\s+{MONTH}{END}"),
        "DATE",
        nz.bare_month,
    ),
    Rule("weekday_every", _r(rf"\b(?i:every|each)\s+{WEEKDAY}s?{END}"), "SET", nz.weekday_set),
    Rule("weekday_plural", _r(rf"\b{WEEKDAY}s{END}"), "SET", nz.weekday_set),
    Rule(
        "weekday_part",
        _r(rf"(?:\b(?P<rel>(?i:last|next|this))\s+)?\b{WEEKDAY}\s+{TOD}{END}"),
        "TIME",
        nz.weekday,
    ),
    Rule(
        "weekday",
        _r(rf"(?:\b(?P<rel>(?i:last|next|this))\s+)?\b{WEEKDAY}{END}"),
        "DATE",
        nz.weekday,
    ),
    Rule(
        "year",
        _r(rf"(?<![\w$€£#.,/-]){YEAR}(?!\s*%|[\w%/-]|[.,]\d|\s+(?i:percent|per\s+cent))"),
        "DATE",
        nz.year,
    ),
    Rule("mid_year", _r(rf"\b(?i:mid)-(?P<core>{YEAR}){END}"), "DATE", nz.year),
    Rule(
        "fiscal_year",
        _r(rf"\b(?:(?i:fiscal)(?:\s+(?i:year))?\s+|FY\s?){YEAR}{END}"),
        "DATE",
        nz.fiscal_year,
    ),
    Rule(
        "decade",
        _r(
            rf"{START}(?:(?P<full>1[5-9]\d0|20\d0)['’]?s|(?<=(?i:the)\s)['’]?(?P<short>[1-9]0)['’]?s){END}"
        ),
        "DATE",
        nz.decade,
    ),
    Rule(
        "century",
        _r(
            rf"\b(?i:the)\s+(?P<core>(?:(?P<num>\d{{1,2}})(?:st|nd|rd|th)|(?P<ord>{alternation(list(_V.ordinals))}))[\s-]+(?i:century)){END}"
        ),
        "DATE",
        nz.century,
    ),
    Rule(
        "quarter",
        _r(
            rf"\b(?:(?i:the)\s+)?(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))[\s-]+(?i:quarter)"
            rf"(?:(?:\s+(?i:of))?\s+(?:{YEAR}|(?P<rel>(?i:this|last|next))\s+(?i:year)))?{END}"
        ),
        "DATE",
        nz.quarter,
    ),
    Rule("quarter_code", _r(rf"\bQ(?P<q>[1-4])(?:\s*{YEAR})?{END}"), "DATE", nz.quarter),
    Rule(
        "half_year",
        _r(
            rf"\b(?:(?i:the)\s+)?(?P<ord>(?i:first|second))\s+(?i:half)\s+(?i:of)\s+"
            rf"(?:{YEAR}|(?P<rel>(?i:this|last|next))\s+(?i:year)|(?i:the\s+year)){END}"
        ),
        "DATE",
        nz.half_year,
    ),
    Rule(
        "season_relative",
        _r(rf"\b(?P<rel>(?i:this|last|next|past|coming))\s+{SEASON}{END}"),
        "DATE",
        nz.season,
    ),
    Rule("season_year", _r(rf"\b{SEASON}(?:\s+(?i:of))?\s+{YEAR}{END}"), "DATE", nz.season),
    Rule(
        "season_in_the",
        _r(rf"\b(?i:in\s+the)\s+(?P<core>{SEASON}){END}(?!\s+(?i:of)\b)"),
        "DATE",
        nz.season,
    ),
    Rule("holiday", _r(rf"\b{HOLIDAY}(?:\s+{YEAR})?{END}"), "DATE", nz.holiday),
    # --- deictic and anaphoric ------------------------------------------------------------------
    Rule("deictic_part", _r(rf"{DEICTIC}\s+{TOD}{END}"), "TIME", nz.deictic_day),
    Rule("tonight", _r(rf"\b(?P<deictic>(?i:tonight)){END}"), "TIME", nz.deictic_day),
    Rule("deictic_day", _r(rf"{DEICTIC}{END}"), "DATE", nz.deictic_day),
    Rule(
        "part_of_day",
        _r(rf"\b(?i:this)\s+(?P<tod>(?i:morning|afternoon|evening)){END}"),
        "TIME",
        nz.part_of_day,
    ),
    Rule(
        "last_night",
        _r(rf"\b(?P<deictic>(?i:last))\s+(?P<tod>(?i:night)){END}"),
        "TIME",
        nz.deictic_day,
    ),
    Rule(
        "deictic_period",
        _r(rf"\b(?P<rel>(?i:this|last|next|past|previous|coming|current))\s+{CAL_UNIT}{END}"),
        "DATE",
        nz.deictic_period,
    ),
    Rule(
        "anaphoric_period",
        _r(
            rf"\b(?:(?i:the)\s+(?P<rel>(?i:previous|preceding|prior|following|next|same))|(?P<rel2>(?i:that)))\s+(?P<unit>(?i:day|week|month|year)){END}"
        ),
        "DATE",
        nz.anaphoric_period,
    ),
    Rule(
        "same_period_year_ago",
        _r(
            rf"\b(?i:the)\s+(?i:same)\s+(?P<unit>(?i:day|week|month|quarter))\s+"
            rf"(?:(?i:a|one)\s+(?i:year)\s+(?P<rel>(?i:ago|earlier|before))|(?P<rel2>(?i:last))\s+(?i:year)|"
            rf"(?i:the)\s+(?i:previous|prior)\s+(?i:year)|(?i:of)\s+(?i:the)\s+(?i:previous|prior)\s+(?i:year)){END}"
        ),
        "DATE",
        nz.same_period_year_ago,
    ),
    Rule(
        "week_of_month",
        _r(
            rf"\b(?i:the)\s+(?P<ord>(?i:first|second|third|fourth|last|final))\s+(?i:week)\s+(?i:of)\s+"
            rf"{MONTH}{END}(?:\s*,?\s*{YEAR}{END})?"
        ),
        "DATE",
        nz.week_of_month,
    ),
    Rule(
        "period_edge",
        _r(
            rf"\b(?i:the)\s+(?P<edge>(?i:beginning|start|end|middle|close))\s+(?i:of)\s+(?i:the)\s+{CAL_UNIT}{END}"
        ),
        "DATE",
        nz.period_edge,
    ),
    Rule(
        "ago",
        _r(rf"\b(?:(?:{NUMBER}|(?i:{VAGUE}))\s+)?{UNIT}\s+(?i:ago|before\s+now){END}"),
        "DATE",
        nz.ago,
    ),
    Rule("long_ago", _r(rf"\b(?P<word>(?i:long\s+ago)){END}"), "DATE", nz.reference_word),
    Rule(
        "later_than_planned",
        _r(
            rf"\b{NUMBER}\s+{UNIT}\s+(?i:later|earlier)\s+(?i:than)\s+(?:(?i:originally|initially|first|previously)\s+)?"
            rf"(?i:planned|scheduled|expected|intended|anticipated|forecast){END}"
        ),
        "DATE",
        nz.later_than_planned,
    ),
    Rule(
        "later_this_year",
        _r(rf"\b(?i:later)\s+(?i:this)\s+(?i:year){END}"),
        "DATE",
        nz.later_this_year,
    ),
    Rule(
        "counted_from_focus",
        _r(rf"\b{NUMBER}\s+{UNIT}\s+(?P<dir>(?i:later|earlier)){END}"),
        "DATE",
        nz.counted_from_focus,
    ),
    Rule(
        "reference_word",
        _r(
            r"\b(?P<word>(?i:now|currently|at\s+present|presently|at\s+the\s+moment|nowadays|these\s+days|"
            r"(?:more\s+)?recently|lately|soon|(?<=in\s)the\s+(?:near\s+)?future|"
            # longer phrases first: "the past few days" must not stop at "the past"
            r"(?<=in\s)the\s+(?:coming|next\s+few|last\s+few|past\s+few)\s+(?:days|weeks|months|years|decades)|"
            r"(?<=in\s)the\s+past|(?<=in\s)recent\s+(?:days|weeks|months|years|decades)|"
            r"(?<=in\s)coming\s+(?:days|weeks|months|years)))(?![\w-])"
        ),
        "DATE",
        nz.reference_word,
    ),
    # --- clock times ---------------------------------------------------------------------------
    Rule(
        "clock_ampm",
        _r(rf"\b(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?\s*{AMPM}{TIMEZONE}?"),
        "TIME",
        nz.clock_time,
    ),
    Rule(
        "clock_24h",
        _r(
            rf"\b(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?:{TIMEZONE}|\s+(?i:local\s+time|hrs|hours))"
        ),
        "TIME",
        nz.clock_time,
    ),
    Rule(
        "clock_at",
        _r(rf"(?<=(?i:at)\s)(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d){END}"),
        "TIME",
        nz.clock_time,
    ),
    Rule("noon", _r(rf"\b(?P<word>(?i:noon|midnight)){END}"), "TIME", nz.named_time),
    # --- sets ----------------------------------------------------------------------------------
    Rule(
        "set_every",
        _r(
            rf"\b(?:(?i:every|each)(?P<other>\s+other)?\s+(?:{NUMBER}\s+)?|(?i:once|twice|\w+\s+times)\s+(?i:a|an|per|each|every)\s+){UNIT}{END}"
        ),
        "SET",
        nz.set_every,
    ),
    Rule(
        "set_per",
        _r(
            rf"(?:\d|(?i:billion|million|trillion|bn|percent|dollars|euros|pounds|times))\s*(?P<core>(?i:a|an|per)\s+(?P<unit>(?i:year|month|week|day|hour))){END}"
        ),
        "SET",
        nz.set_every,
    ),
    Rule(
        "set_adverb",
        _r(
            r"\b(?P<word>(?i:daily|nightly|weekly|biweekly|monthly|quarterly|annually|annual|yearly|hourly))(?![\w-])"
        ),
        "SET",
        nz.set_adverb,
    ),
    # --- durations -----------------------------------------------------------------------------
    Rule(
        "duration",
        _r(
            rf"\b{NUMBER}(?P<half>\s+(?i:and\s+a\s+half))?[\s-]+{UNIT}(?:[\s-](?i:long))?(?![\w-]|\s+(?i:old)\b|-)"
        ),
        "DURATION",
        nz.duration,
    ),
    Rule(
        "unit_and_half",
        _r(rf"\b(?i:an?)\s+{UNIT}\s+(?P<half>(?i:and\s+a\s+half)){END}"),
        "DURATION",
        nz.duration,
    ),
    Rule("half_unit", _r(rf"\b(?i:half\s+an?)\s+{UNIT}{END}"), "DURATION", nz.half_duration),
    Rule("vague_duration", _r(rf"\b(?i:{VAGUE})\s+{UNIT}{END}"), "DURATION", nz.vague_duration),
    Rule(
        "plural_duration",
        _r(
            r"\b(?i:for|over)\s+(?P<core>(?:(?i:the\s+)(?:(?i:past|last)\s+)?)?(?P<unit>(?i:days|weeks|months|years|decades|centuries)))(?![\w-])"
        ),
        "DURATION",
        nz.vague_duration,
    ),
    Rule(
        "period_span",
        _r(
            rf"\b(?i:the)\s+(?i:past|last|next|coming|previous|first)\s+(?:{NUMBER}\s+)?{UNIT}{END}"
        ),
        "DURATION",
        nz.duration,
    ),
    Rule(
        "unit_adjective",
        _r(
            rf"\b(?P<unit>(?i:hours?|days?|weeks?|months?|years?|decades?|centuries|century))-long{END}"
        ),
        "DURATION",
        nz.unit_adjective,
    ),
)
"""Every rule, most specific first: on overlapping matches the longest wins, then the earlier rule."""

PRIORITY: dict[str, int] = {rule.name: index for index, rule in enumerate(RULES)}
