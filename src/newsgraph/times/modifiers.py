"""Words just before an expression that change what it means, and become part of it:
"late last year" (END), "nearly 25 years" (APPROX), "more than a decade" (MORE_THAN),
"since 2011" (ON_OR_AFTER). Neutral prepositions ("in", "on", "for") stay outside."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.model import TimeType
from newsgraph.times.prefilter import lowered


@dataclass(frozen=True, slots=True)
class Modifier:
    pattern: re.Pattern[str]
    mod: str | None
    types: frozenset[TimeType]


def _m(words: str, mod: str | None, *types: TimeType) -> Modifier:
    return Modifier(re.compile(rf"(?i:\b(?:{words}))\s*$"), mod, frozenset(types))


_POINT: tuple[TimeType, ...] = ("DATE", "TIME")
MODIFIERS: tuple[Modifier, ...] = (
    _m(r"early|(?:the\s+)?(?:very\s+)?(?:beginning|start|outset)\s+of", "START", "DATE"),
    _m(r"late|(?:the\s+)?(?:very\s+)?(?:end|close)\s+of", "END", "DATE"),
    _m(r"mid(?:\s*-)?|(?:the\s+)?middle\s+of", "MID", "DATE"),
    _m(r"(?:earlier|later)(?:\s+in)?", None, "DATE"),
    _m(
        r"about|around|approximately|roughly|some|nearly|almost|close\s+to|circa|just\s+over|just\s+under",
        "APPROX",
        "DATE",
        "TIME",
        "DURATION",
    ),
    _m(r"more\s+than|over|upwards\s+of|in\s+excess\s+of", "MORE_THAN", "DURATION"),
    _m(r"at\s+least", "EQUAL_OR_MORE", "DURATION"),
    _m(r"(?:less|fewer)\s+than|under", "LESS_THAN", "DURATION"),
    _m(r"at\s+most|up\s+to|no\s+more\s+than", "EQUAL_OR_LESS", "DURATION"),
    _m(r"(?:ever\s+)?since", "ON_OR_AFTER", *_POINT),
    _m(r"before|prior\s+to", "BEFORE", *_POINT),
    _m(r"after", "AFTER", *_POINT),
    _m(r"until|till|through|by", "ON_OR_BEFORE", *_POINT),
)
"""Tried repeatedly right-to-left: "since early 2011" takes "early", then "since"."""

LOOKBACK = 40
"""Characters before an expression searched for a modifier (longer than any modifier)."""

SIGNAL_MODS = frozenset({"ON_OR_AFTER", "BEFORE", "AFTER", "ON_OR_BEFORE"})
"""Mods of signal words; they win over a START/MID/END already set ("until late 2024")."""


QUANTITY_MODS = frozenset({"MORE_THAN", "EQUAL_OR_MORE", "LESS_THAN", "EQUAL_OR_LESS"})
"""Mods that compare amounts: "over three decades", never "over the past year" (= during)."""

_DEFINITE = re.compile(r"(?i)the\b")

LAST_WORDS = (
    *("early", "late", "mid", "-", "of", "earlier", "later", "in", "about", "around"),
    *("approximately", "roughly", "some", "nearly", "almost", "to", "circa", "over", "under"),
    *("than", "least", "most", "since", "before", "after", "until", "till", "through", "by"),
)
"""The words a modifier ends with ("close to", "mid-", "in excess of"): a text before an
expression that ends with none of them (as `lowered` reads it) holds no modifier, and the
thirteen patterns are not searched (most expressions have no modifier)."""
_LONGEST_LAST_WORD = max(map(len, LAST_WORDS))


def extend(text: str, start: int, floor: int, type_: TimeType) -> tuple[int, list[str | None]]:
    """Walk left over modifier words; return the new start and the mods found (inner first)."""
    mods: list[str | None] = []
    definite = _DEFINITE.match(text, start) is not None
    for _ in range(3):
        window = text[max(floor, start - LOOKBACK) : start]
        if not lowered(window.rstrip()[-_LONGEST_LAST_WORD:]).endswith(LAST_WORDS):
            break
        for modifier in MODIFIERS:
            if type_ not in modifier.types or (definite and modifier.mod in QUANTITY_MODS):
                continue
            m = modifier.pattern.search(window)
            if m is None:
                continue
            start -= len(window) - m.start()
            mods.append(modifier.mod)
            break
        else:
            break
    return start, mods


def combine(own: str | None, found: list[str | None]) -> str | None:
    """One TIMEX3 mod: a signal beats a third, which beats the handler's own."""
    mod = own
    for candidate in found:
        if candidate is None:
            continue
        if mod is None or candidate in SIGNAL_MODS or mod == "APPROX":
            mod = candidate
    return mod
