"""Words a regular expression cannot match without, so a rule is skipped when a text has none.

The time rules are run over the whole text one after another, and most of them never match in
a given article (no "fortnight", no "quarter", no "ago"). Finding one literal word in the text is
far cheaper than trying a rule at every position, so each rule is first asked whether its
required words occur at all. The words are read from the compiled pattern itself (its parse
tree), not written by hand, so a rule that changes keeps a correct filter: a rule is skipped only
when no match is possible, and the matches found are exactly those found without the filter.

The words are compared with `lowered(text)`: lower case, and the four non-ASCII letters that
Python's case-insensitive matching equates with ASCII ones (ſ, K, İ, ı) turned into them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_NON_ASCII_CASES = (("ſ", "s"), ("ı", "i"), ("\u0307", ""))
"""Beyond ASCII letters: `str.lower` leaves ſ and ı alone, which a case-insensitive `s` or `i`
matches, and writes İ as `i` plus a combining dot (dropped, so the word stays in one piece)."""

Requirement = tuple[frozenset[str], ...]
"""All of these groups must be met; a group is met when any one of its words occurs."""


def lowered(text: str) -> str:
    """The text as the filters read it: every letter a case-insensitive ASCII letter matches is
    that letter in lower case (other characters may change too; only ASCII words are looked up)."""
    low = text.lower()
    if not low.isascii():
        for char, ascii_char in _NON_ASCII_CASES:
            if char in low:
                low = low.replace(char, ascii_char)
    return low


def _best(groups: Iterable[frozenset[str]]) -> frozenset[str]:
    """The group most likely to be rare: the one whose shortest word is longest."""
    return max(groups, key=lambda group: (min(map(len, group)), -len(group)))


def _required(items: Any) -> list[frozenset[str]]:
    """The word groups every match of a parsed (sub)pattern contains."""
    groups: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            groups.append(frozenset({"".join(run)}))
            run.clear()

    for op, av in items:
        if op is sre.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        flush()
        if op is sre.SUBPATTERN:
            groups += _required(av[3])
        elif op is sre.ATOMIC_GROUP:
            groups += _required(av)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if av[0] >= 1:
                groups += _required(av[2])
        elif op is sre.BRANCH:
            options = [_required(alternative) for alternative in av[1]]
            if options and all(options):
                groups.append(frozenset().union(*(_best(option) for option in options)))
        # Anything else (character sets, anchors, lookarounds, back references) is not read:
        # leaving out a requirement only makes the filter pass more often.
    flush()
    return groups


def requirement(pattern: re.Pattern[str]) -> Requirement:
    """The word groups any match of `pattern` contains (empty: nothing is required)."""
    return tuple(dict.fromkeys(_required(sre_parse.parse(pattern.pattern, pattern.flags))))


@dataclass(frozen=True, slots=True)
class Prefilter:
    """A pattern with the words it needs: `finditer` skips texts that lack them."""

    pattern: re.Pattern[str]
    needs: Requirement

    @classmethod
    def of(cls, pattern: re.Pattern[str]) -> Prefilter:
        return cls(pattern, requirement(pattern))

    def possible(self, low: str) -> bool:
        """Can the pattern match a text whose `lowered` form is `low`?"""
        return all(any(word in low for word in group) for group in self.needs)


class PrefilterBank:
    """Several filters asked about one text at once (`passing`): a word group that several of
    them need (the month names, the weekdays, the units) is looked for in the text once, and each
    filter asks first for the group least likely to be met (its longest shortest word), so a text
    without it is dismissed after one look. Within a group the shorter words, likelier to occur,
    are looked up first: a group is met at its first word found.
    The filters are kept by that first group: a group not met dismisses all of them at once,
    without a step per filter (on a short text nearly every filter is dismissed so; a
    word-by-word walk over every filter's groups took a third of the time stage there).
    The answers are those of each filter's own `possible`; only the order of the lookups
    differs."""

    __slots__ = ("_count", "_groups", "_plan")

    def __init__(self, filters: Iterable[Prefilter]) -> None:
        index: dict[tuple[str, ...], int] = {}
        needs = [
            tuple(index.setdefault(_lookups(group), len(index)) for group in _rarest_first(f.needs))
            for f in filters
        ]
        self._groups = tuple(index)
        self._count = len(needs)
        by_first: dict[int | None, list[tuple[int, tuple[int, ...]]]] = {}
        for at, ids in enumerate(needs):
            by_first.setdefault(ids[0] if ids else None, []).append((at, ids[1:]))
        self._plan = tuple((first, tuple(members)) for first, members in by_first.items())

    def passing(self, low: str) -> list[int]:
        """The positions (in order) of the filters whose `possible(low)` holds."""
        groups = self._groups
        contains = low.__contains__
        met: list[bool | None] = [None] * len(groups)
        found: list[int] = []
        for first, members in self._plan:
            if first is not None:
                ok = met[first]
                if ok is None:
                    ok = met[first] = any(map(contains, groups[first]))
                if not ok:
                    continue
            for at, rest in members:
                for group in rest:
                    ok = met[group]
                    if ok is None:
                        ok = met[group] = any(map(contains, groups[group]))
                    if not ok:
                        break
                else:
                    found.append(at)
        found.sort()
        return found

    def possible(self, low: str) -> list[bool]:
        """`[f.possible(low) for f in filters]`."""
        passing = set(self.passing(low))
        return [at in passing for at in range(self._count)]


def _lookups(group: frozenset[str]) -> tuple[str, ...]:
    """The words to look for to know whether `group` is met, likeliest first: a word that holds
    another of the group ("april", "sept", "days") is left out, since the shorter one occurs
    wherever it does."""
    words = sorted(group, key=_likelier_first)
    return tuple(word for at, word in enumerate(words) if not any(w in word for w in words[:at]))


def _likelier_first(word: str) -> tuple[int, str]:
    return len(word), word


def _rarest_first(needs: Requirement) -> list[frozenset[str]]:
    return sorted(needs, key=lambda group: (-min(map(len, group)), len(group)))
