"""News bias: incomplete dates resolve to the past unless the clause speaks of the future."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.times import find_times, tense
from newsgraph.times.calendar import value_range
from newsgraph.times.tense import is_future

MONTHS = list(calendar.month_name)[1:]
WEEKDAYS = list(calendar.day_name)

references = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))
month_days = st.tuples(st.integers(1, 12), st.integers(1, 28))

PAST_TEMPLATES = (
    "The minister resigned on {month} {day}.",
    "Rebels attacked the town on {day} {month}.",
    "Officials said the deal was signed on {month} {day}.",
)
FUTURE_TEMPLATES = (
    "The leaders will meet on {month} {day}.",
    "The court is scheduled to rule on {month} {day}.",
)


def _start_of(sentence: str, reference: dt.date) -> dt.date:
    exprs = find_times(sentence, reference)
    assert len(exprs) == 1, exprs
    assert exprs[0].value is not None
    found = value_range(exprs[0].value, exprs[0].mod)
    assert found is not None
    return found[0]


@settings(max_examples=200, deadline=None)
@given(references, month_days, st.sampled_from(PAST_TEMPLATES))
def test_tense_past_month_day_never_after_reference(
    reference: dt.date, month_day: tuple[int, int], template: str
) -> None:
    month, day = month_day
    sentence = template.format(month=MONTHS[month - 1], day=day)
    resolved = _start_of(sentence, reference)
    assert resolved <= reference
    assert reference - resolved < dt.timedelta(days=366)


@settings(max_examples=100, deadline=None)
@given(references, st.sampled_from(WEEKDAYS))
def test_tense_past_weekday_within_the_last_week(reference: dt.date, weekday: str) -> None:
    resolved = _start_of(f"The envoy arrived on {weekday}.", reference)
    assert reference - dt.timedelta(days=6) <= resolved <= reference


@settings(max_examples=100, deadline=None)
@given(references, st.integers(1, 12))
def test_tense_past_month_never_after_reference(reference: dt.date, month: int) -> None:
    resolved = _start_of(f"Exports fell in {MONTHS[month - 1]}.", reference)
    assert resolved <= reference


@settings(max_examples=100, deadline=None)
@given(references, month_days, st.sampled_from(FUTURE_TEMPLATES))
def test_tense_future_month_day_never_before_reference(
    reference: dt.date, month_day: tuple[int, int], template: str
) -> None:
    month, day = month_day
    resolved = _start_of(template.format(month=MONTHS[month - 1], day=day), reference)
    assert resolved >= reference


@pytest.mark.parametrize(
    ("sentence", "text", "future"),
    [
        ("The ministers will meet on Friday.", "Friday", True),
        ("The ministers met on Friday.", "Friday", False),
        ("Apple announced Friday that it will give owners a free case.", "Friday", False),
        ("On Monday, the president will travel to Lagos.", "Monday", True),
        ("The talks are expected to resume on Monday.", "Monday", True),
        ("On Thursday, the envoy and his aides are to fly to Nairobi.", "Thursday", True),
        ("The finance minister is to present the budget on Friday.", "Friday", True),
        ("On Thursday, the envoy and his aides were in Nairobi.", "Thursday", False),
    ],
)
def test_tense_text_cues_without_parse(sentence: str, text: str, future: bool) -> None:
    start = sentence.index(text)
    assert is_future(sentence, start, start + len(text)) is future


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "text", "future"),
    [
        ("The ministers will meet on Friday.", "Friday", True),
        ("The ministers met on Friday.", "Friday", False),
        ("Apple announced Friday that it will give owners a free case.", "Friday", False),
        ("The company announced a special event to be held on October 12.", "October 12", True),
        ("The court is scheduled to rule on Monday.", "Monday", True),
        ("The jet will wear new livery when it arrives on November 11.", "November 11", True),
        ("On Thursday, the envoy and his aides are to fly to Nairobi.", "Thursday", True),
        ("The finance minister is to present the budget on Friday.", "Friday", True),
        ("On Thursday, the envoy and his aides were in Nairobi.", "Thursday", False),
        ("On Thursday, the envoy was to fly to Nairobi.", "Thursday", False),
    ],
)
def test_tense_reads_the_governing_verb(nlp: Any, sentence: str, text: str, future: bool) -> None:
    doc = nlp(sentence)
    start = sentence.index(text)
    assert is_future(sentence, start, start + len(text), doc) is future


# The Token-based reading the Tree-based one replaced, kept as the reference it must equal.
def _token_governing_verb(token: Any) -> Any:
    current = token
    for _ in range(12):
        if current.pos_ in {"VERB", "AUX"} and current.dep_ != "aux":
            return current
        if current.head is current:  # never holds for spaCy Tokens: the climb stays on the root
            return None
        current = current.head
    return None


def _token_is_future(verb: Any) -> bool:
    for child in verb.children:
        if child.dep_ in {"aux", "auxpass"} and child.lower_ in tense.FUTURE_MODALS:
            return True
    if verb.dep_ == "xcomp" and verb.tag_ == "VB":
        head = verb.head
        if head.lemma_.lower() in tense.SCHEDULE_LEMMAS or _token_is_future(head):
            return True
    if (
        verb.lemma_.lower() == "be"
        and verb.tag_ in {"VBZ", "VBP"}
        and any(
            c.dep_ == "xcomp" and c.tag_ == "VB" and any(a.lower_ == "to" for a in c.children)
            for c in verb.children
        )
    ):
        return True
    if (
        verb.dep_ == "xcomp"
        and verb.tag_ == "VB"
        and verb.head.lemma_.lower() == "be"
        and verb.head.tag_ in {"VBZ", "VBP"}
    ):
        return True
    if verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.tag_ in {"VBZ", "VBP"} for c in verb.children
    ):
        return True
    if verb.tag_ in {"VB", "VBN"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        return verb.dep_ != "xcomp" or _token_is_future(verb.head)
    if verb.tag_ in {"VBZ", "VBP"} and verb.dep_ == "advcl" and verb.head is not verb:
        return _token_is_future(verb.head)
    return bool(verb.lemma_.lower() == "due")


def _token_is_past(verb: Any) -> bool:
    if verb.tag_ == "VBD":
        return True
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(c.lower_ in tense.FUTURE_MODALS for c in auxiliaries):
        return False
    return any(c.tag_ == "VBD" or c.lower_ in {"has", "have", "'ve"} for c in auxiliaries)


TENSE_TEXT = (
    "The ministers will meet on Friday, officials said. Apple announced Friday that it will "
    "give owners a free case. The court is scheduled to rule on Monday, and the finance "
    "minister is to present the budget on March 3. The jet will wear new livery when it "
    "arrives on November 11. Rebels had attacked the town on Tuesday; police have arrested "
    "two men since then. The talks, which are meeting next week, were planned to end in May. "
    "An event to be held on October 12 is due next month. She won't travel, but he's going to "
    "fly to Nairobi on Sunday after the vote was counted.\n\nSeparately, the board plans to "
    "vote tomorrow morning, and it was expected to decide last year."
)


@pytest.mark.model
def test_tense_tree_reading_equals_the_token_reading(nlp: Any) -> None:
    doc = nlp(TENSE_TEXT)
    checked = 0
    for token in doc:
        for width in (1, 2, 3):
            span = doc[token.i : token.i + width]
            start, end = span.start_char, span.end_char
            for lo, hi in ((start, end), (start + 1, end), (start, max(start + 1, end - 1))):
                expand = doc.char_span(lo, hi, alignment_mode="expand")
                if expand is None or len(expand) == 0:
                    continue
                verb = _token_governing_verb(expand.root)
                future = _token_is_future(verb) if verb is not None else None
                past = verb is not None and _token_is_past(verb)
                if future is not None:
                    assert tense.is_future(TENSE_TEXT, lo, hi, doc) is future, (lo, hi)
                assert tense.is_past(TENSE_TEXT, lo, hi, doc) is past, (lo, hi)
                checked += 1
    assert checked > 300
