"""Event-anchored time expressions: "a day before the president's visit", "after the meeting",
"since his arrival". Their date is that of another event, shifted by an offset; event dating
resolves them once the anchor event has a date."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsgraph.times.normalise import parse_number, unit_code
from newsgraph.times.patterns import NUMBER, UNIT
from newsgraph.times.scan import finditer_from_cores
from newsgraph.times.startchars import with_start_chars
from newsgraph.times.vocab import alternation, vocab

SIGNAL_DIRECTION: dict[str, str] = {
    "before": "BEFORE",
    "ahead of": "BEFORE",
    "prior to": "BEFORE",
    "until": "BEFORE",
    "in the run-up to": "BEFORE",
    "on the eve of": "BEFORE",
    "after": "AFTER",
    "following": "AFTER",
    "since": "AFTER",
    "in the wake of": "AFTER",
    "in the aftermath of": "AFTER",
}
"""Signal words and the side of the anchor event they put the time on."""

_SIGNAL = alternation(list(SIGNAL_DIRECTION))
_NOUN = alternation(list(vocab().event_nouns))
_DETERMINER = r"(?:the|his|her|their|its|this|that|our|my|your|last\s+week['’]s|(?:[\w.-]+\s+){0,3}?[\w.-]+['’]s?)"
_NAME = r"[A-Z][\w'’-]*(?:\.(?=\w)[\w'’-]*)*"
"""A capitalised word; inner dots only (U.S.), so a sentence's full stop ends the phrase."""
_VAGUE_OFFSET = r"(?P<vague>(?i:hours|days|weeks|months|years|shortly|just|soon|moments|minutes|immediately|right|long|a\s+day|the\s+day|a\s+week|the\s+week))"
ANCHORED = with_start_chars(
    re.compile(
        rf"(?:\b(?:(?P<count>{NUMBER}\s+{UNIT})|{_VAGUE_OFFSET})\s+)?"
        rf"\b(?P<signal>(?i:{_SIGNAL}))\s+"
        rf"(?P<np>(?i:{_DETERMINER})\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>(?i:{_NOUN}))"
        rf"(?:\s+(?:to|in|with|of)\s+{_NAME}(?:\s+{_NAME}){{0,3}})?)(?![\w-])"
    )
)
"""[offset] signal noun-phrase-ending-in-an-event-noun, e.g. "two days after the election".

The offset starts at a word boundary: without it the number was tried from every digit of a long
run of digits, each try reading to the run's end (80 KB of digits took minutes)."""

_CORE = with_start_chars(re.compile(ANCHORED.pattern[ANCHORED.pattern.index(r"\b(?P<signal>") :]))
"""`ANCHORED` without its optional offset: the signal word and the phrase (same groups after
`signal`). Where it matches, `ANCHORED` matches too (with or without an offset)."""
_SIGNAL_AT = with_start_chars(re.compile(rf"\b(?i:{_SIGNAL})\s"))
"""Where a signal word starts: every position `_CORE` matches at is one of these (a signal
match never holds the start of another, so `finditer` misses none)."""


def _anchored_matches(text: str) -> Iterator[re.Match[str]]:
    """`ANCHORED.finditer(text)`, without trying the optional offset at every word: searched
    from the signal words (see `scan.finditer_from_cores`; the offset's characters are those
    `scan.PREFIX_BREAK` allows)."""
    signals = (m.start() for m in _SIGNAL_AT.finditer(text))
    return finditer_from_cores(ANCHORED, _CORE, signals, text)


@dataclass(frozen=True, slots=True)
class Anchored:
    start: int
    end: int
    anchor_start: int
    anchor_end: int
    offset: str
    """Signed ISO duration ("-P1D", "P2W") or "BEFORE"/"AFTER" when the text gives no amount."""


def _offset(count: str | None, vague: str | None, signal: str) -> str:
    direction = SIGNAL_DIRECTION[re.sub(r"\s+", " ", signal.lower())]
    sign = "-" if direction == "BEFORE" else ""
    if signal.lower().startswith("on the eve"):
        return "-P1D"
    if (
        vague
        and vague.lower().split()[-1] in {"day", "week"}
        and vague.split()[0].lower()
        in {
            "a",
            "the",
        }
    ):
        return f"{sign}P1{vague.split()[-1][0].upper()}"
    if count:
        words = count.split()
        amount = parse_number(" ".join(words[:-1]))
        unit = unit_code(words[-1])
        if amount is not None and amount == int(amount) and unit in {"D", "W", "M", "Y"}:
            return f"{sign}P{int(amount)}{unit}"
    return direction


_DETERMINERS = frozenset(
    {"the", "his", "her", "their", "its", "this", "that", "our", "my", "your", "last"}
)
_POSSESSIVE = re.compile(r"['’]s?$")


def find_anchored(text: str) -> list[Anchored]:
    """Every event-anchored expression in the text."""
    found: list[Anchored] = []
    for m in _anchored_matches(text):
        words = m["np"].split()
        # The phrase must be definite: a determiner or a possessive ("Ruto's visit").
        if words[0].lower() not in _DETERMINERS and not any(
            _POSSESSIVE.search(w) for w in words[:-1]
        ):
            continue
        offset = _offset(m["count"], m["vague"], m["signal"])
        found.append(Anchored(m.start(), m.end(), m.start("np"), m.end("np"), offset))
    return found
