"""Find and normalise the time expressions of a text (`find_times`).

Every rule of `patterns.RULES` and the event-anchored pattern run over the text; overlapping
matches are settled longest-first; modifier words are attached; then the expressions are
normalised in text order, so anaphora ("the next day") can read the last day named before them.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import partial
from typing import Any

from newsgraph.model import Precision, Span, TimeExpr, TimeType
from newsgraph.times import calendar as cal
from newsgraph.times import modifiers
from newsgraph.times.anchoring import ANCHORED, Anchored, find_anchored
from newsgraph.times.finders import FINDERS, Scan
from newsgraph.times.normalise import Context
from newsgraph.times.patterns import PRIORITY, RULES, Rule
from newsgraph.times.prefilter import Prefilter, PrefilterBank, lowered
from newsgraph.times.tense import is_future, is_past

ANCHORED_PRIORITY = -1
"""Event-anchored phrases win ties: "a day before the visit" is one expression, not "a day"."""

SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s|\n")

NOT_A_DURATION = re.compile(r"(?i)^(?:a|an|one)\s+second$")
"""'a second' is almost always the ordinal ("a second term"), not one second."""

ARTICLE_ADJECTIVE = re.compile(r"(?i)an?\s+(?=\w+-long$)")
"""In "a year-long inquiry" the article belongs to the noun phrase; the expression is "year-long"."""


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    priority: int
    rule: Rule | None = None
    groups: dict[str, str | None] | None = None
    anchored: Anchored | None = None

    @property
    def type(self) -> TimeType:
        return self.rule.type if self.rule else "DATE"


RULE_FILTERS = tuple(Prefilter.of(rule.pattern) for rule in RULES)
"""The words each rule needs (read from its pattern): a rule whose words the text lacks is not run."""
ANCHORED_FILTER = Prefilter.of(ANCHORED)
FILTERS = PrefilterBank((*RULE_FILTERS, ANCHORED_FILTER))
"""All of them, asked at once: the rules' positions in `RULES` that may match, then
`len(RULES)` when the anchored pattern may."""


def _candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    low = lowered(text)
    passing = FILTERS.passing(low)
    anchored_possible = bool(passing) and passing[-1] == len(RULES)
    scan = Scan(text)
    for at in passing[:-1] if anchored_possible else passing:
        rule = RULES[at]
        find = FINDERS.get(rule.name)
        for m in find(scan) if find is not None else rule.pattern.finditer(text):
            start, end = m.span("core") if "core" in rule.pattern.groupindex else m.span()
            if start == end or (rule.type == "DURATION" and NOT_A_DURATION.match(m[0])):
                continue
            if rule.type == "DURATION" and (article := ARTICLE_ADJECTIVE.match(text, start, end)):
                start = article.end()
            found.append(Candidate(start, end, PRIORITY[rule.name], rule, m.groupdict()))
    for anchored in find_anchored(text) if anchored_possible else []:
        found.append(Candidate(anchored.start, anchored.end, ANCHORED_PRIORITY, anchored=anchored))
    return found


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """Longest match first, then the more specific rule; no two expressions overlap.

    The chosen expressions never overlap, so in start order their ends rise too: a candidate
    overlaps one of them exactly when the last chosen to start before the candidate ends
    reaches past the candidate's start (a binary search, not a look at every chosen one, which
    was quadratic in a long text)."""
    chosen: list[Candidate] = []
    starts: list[int] = []  # of the chosen, in order, with their ends beside them
    ends: list[int] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.priority, c.start)):
        if cand.start == cand.end:  # empty: the plain test (the order argument needs width)
            if all(cand.end <= other.start or other.end <= cand.start for other in chosen):
                chosen.append(cand)
            continue
        before = bisect_left(starts, cand.end) - 1
        if before >= 0 and ends[before] > cand.start:
            continue
        at = before + 1
        starts.insert(at, cand.start)
        ends.insert(at, cand.end)
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _same_sentence(text: str, first: int, second: int) -> bool:
    return SENTENCE_BREAK.search(text, first, second) is None


@dataclass(frozen=True, slots=True)
class Focus:
    """The last calendar date the text named (first day, precision) and where it ended."""

    day: dt.date
    precision: Precision
    end: int


def find_times(text: str, reference: dt.date | None, doc: Any | None = None) -> list[TimeExpr]:
    """The time expressions of `text`, in text order, with ids "T1", "T2", ...

    `reference` is the document date that relative expressions count from (None: they stay
    unresolved); `doc` is an optional spaCy Doc over the same text, used to read tense."""
    return Detected(text).times(reference, doc)


class Detected:
    """The expressions of a text, found once: `times` normalises them from one reference day,
    so a caller that learns a better day (a wire dateline's) does not search the text again."""

    __slots__ = ("_selected", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._selected = _select(_candidates(text))

    def times(self, reference: dt.date | None, doc: Any | None = None) -> list[TimeExpr]:
        """`find_times(text, reference, doc)`: new TimeExpr objects on every call."""
        return _normalised(self.text, self._selected, reference, doc)


def _normalised(
    text: str, selected: list[Candidate], reference: dt.date | None, doc: Any | None
) -> list[TimeExpr]:
    result: list[TimeExpr] = []
    focus: Focus | None = None
    previous_end = 0
    for cand in selected:
        if cand.anchored is None:
            start, mods = modifiers.extend(text, cand.start, previous_end, cand.type)
        else:
            start, mods = cand.start, []  # the signal word is already part of the phrase
        previous_end = cand.end
        expr = TimeExpr(
            id=f"T{len(result) + 1}", start=start, end=cand.end, type=cand.type, value=None
        )
        if cand.anchored is not None:
            a = cand.anchored
            expr.anchor_text = text[a.anchor_start : a.anchor_end]
            expr.anchor_offset = a.offset
            expr.anchor_span = Span(a.anchor_start, a.anchor_end)
            result.append(expr)
            continue
        assert cand.rule is not None and cand.groups is not None
        span_start, span_end = cand.start, cand.end
        ctx = Context(
            reference=reference,
            future=partial(is_future, text, span_start, span_end, doc),
            past=partial(is_past, text, span_start, span_end, doc),
            focus=focus.day if focus else None,
            focus_precision=focus.precision if focus else None,
        )
        if cand.rule.type == "TIME" and focus and not _same_sentence(text, focus.end, cand.start):
            ctx.focus = None  # a clock time belongs to the day named in its own sentence
        value, own_mod = cand.rule.handler(cand.groups, ctx)
        expr.value = value
        expr.mod = modifiers.combine(own_mod, mods)
        if value and cand.type == "DATE" and (found := cal.value_range(value)) is not None:
            focus = Focus(found[0], found[2], cand.end)
        result.append(expr)
    return result
