"""Historical marking: events the story mentions as background, not as its news.

A story recalls old events to explain new ones: "five years since troops crossed the border",
"two years after the junta seized power", "on the 30th anniversary of the massacre", "since the
rebels took the city". Counted as news they put a spike into this month's series, so an event
whose every mention sits in such a phrase is `historical` and dated to the past time the text
gives: a date inside the phrase ("since the border was closed in 1993"), else the counted amount
back from the article's day ("five years since" → that year), else no date at all (never the
publication day).

The event the phrase hangs from is the opposite case: "relations have been frozen since 1993"
and "the agency has warned of famine since the attack last year" go on to the article's day, so
such an event is not historical and its date runs until the article's day.

The event-dating stage calls `mark_background` once per event, after it has dated it.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

from newsgraph.annotate import doc_covers
from newsgraph.model import Analysis, Event, EventDate, TimeExpr
from newsgraph.times import calendar as cal
from newsgraph.times.vocab import vocab

BACKGROUND_WORDS = frozenset({"since", "after"})
"""Words opening a phrase whose event lies before the main clause's time; "after" counts only
with an amount ("three years after"), "since" always (the state it starts lasts until now)."""
ANNIVERSARY_NOUNS = frozenset({"anniversary"})
NEWS_WINDOW = dt.timedelta(days=30)
"""An amount back from the article's day shorter than this is still the story's own time frame."""
CLAUSE_DEPS = frozenset({"advcl", "relcl", "acl", "pcomp", "pobj", "ccomp", "xcomp", "conj"})
"""Relations through which a trigger still belongs to the phrase above it."""
MAX_CLIMB = 6


@dataclass(frozen=True, slots=True)
class Background:
    """A background phrase holding one mention: its opening word, its extent, its amount."""

    word: str
    start: int
    end: int
    amount: tuple[int, str] | None
    """(how many, TIMEX unit) counted back from the article's day, or None."""
    temporal: bool = True
    """False for a "since" clause that may be causal ("Since the talks failed, unions struck"):
    it is background only when a date inside it says so."""


def mark_background(analysis: Analysis, event: Event) -> None:
    """Mark `event` historical (and re-date it) when every mention of it is background, or
    unmark it when its date comes from a "since" phrase it continues from."""
    doc = analysis.doc
    if doc is None or not doc_covers(doc, analysis.text) or not event.evidence:
        return
    published = analysis.document.published
    phrases = []
    news = []
    for evidence in event.evidence:
        trigger = _token(doc, evidence.trigger.start, evidence.trigger.end)
        phrase = background_of(trigger) if trigger is not None else None
        if phrase is None:
            news.append(trigger)
        else:
            phrases.append(phrase)
    if news:
        for trigger in news:
            if _continuing(analysis, event, trigger, published):
                break
        return
    dated = [d for p in phrases if (d := _date_of(analysis, p, published)) is not None]
    if not dated and not all(p.temporal for p in phrases):
        return  # "Since the government refused, unions struck": a reason, not a time
    if any(published is not None and d.end >= published - NEWS_WINDOW for d in dated):
        return  # "since Tuesday's raid": background to the story, but this week's news
    event.historical = True
    event.date = min(dated, key=lambda d: cal.PRECISION_RANK[d.precision]) if dated else None


def background_of(trigger: Any) -> Background | None:
    """The background phrase a trigger token lies inside, or None."""
    node = trigger
    for _ in range(MAX_CLIMB):
        for child in node.children:
            if child.dep_ == "mark" and child.lower_ in BACKGROUND_WORDS:
                return _phrase(child, node)
        head = node.head
        if node.dep_ in ("pobj", "pcomp") and head.lower_ in BACKGROUND_WORDS:
            return _phrase(head, node)
        if node.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in ANNIVERSARY_NOUNS:
            return _anniversary(head.head)
        if head is node or (node.pos_ in ("VERB", "AUX") and node.dep_ not in CLAUSE_DEPS):
            return None
        node = head
    return None


def _phrase(word: Any, clause: Any) -> Background | None:
    """The phrase "since/after <clause>": "after" needs an amount of at least a month."""
    tokens = [word, *clause.subtree]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    amount = _amount(word, clause)
    if word.lower_ == "after" and (amount is None or not _beyond_window(amount)):
        return None
    # "since" opening a clause is temporal beside a perfect ("have been frozen since ...") or
    # an amount ("five years since ..."); otherwise it may mean "because"
    temporal = word.dep_ != "mark" or amount is not None or _perfect(clause.head)
    return Background(word.lower_, start, end, amount, temporal)


def _perfect(verb: Any) -> bool:
    """The clause is in a perfect tense ("have been frozen", "has fought", "had waited")."""
    return any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in verb.children)


def _anniversary(noun: Any) -> Background:
    """ "the 30th anniversary of the massacre": 30 years back from the article's day."""
    amount = None
    for child in noun.children:
        years = vocab().ordinals.get(child.lower_) or _ordinal_digits(child.lower_)
        if years:
            amount = (years, "Y")
    tokens = list(noun.subtree)
    start = min(t.idx for t in tokens)
    return Background("anniversary", start, max(t.idx + len(t.text) for t in tokens), amount)


def _amount(word: Any, clause: Any) -> tuple[int, str] | None:
    """ "five years since ...", "two decades after ...": the counted unit beside the phrase."""
    places = [*word.children, *clause.children]
    if clause.dep_ in ("advcl", "pobj", "pcomp") and clause.head is not clause:
        places += [c for c in clause.head.children if c.i < word.i]
        if word.head is not clause:
            places += [c for c in word.head.children if c.i < word.i]
    for token in places:
        unit = vocab().units.get(token.lemma_.lower())
        if unit is None or token.i > word.i:
            continue
        # "years after" with no number: more than one, how many unsaid (background, undated)
        count = 0 if token.lower_ != token.lemma_.lower() else 1
        for child in token.children:
            if child.dep_ == "nummod":
                number = vocab().numbers.get(child.lower_)
                if number is None and child.text.isdigit():
                    number = float(child.text)
                if number is None or number != int(number):
                    return None
                count = int(number)
        return count, unit
    return None


def _beyond_window(amount: tuple[int, str]) -> bool:
    count, unit = amount
    today = dt.date(2000, 1, 1)
    try:
        return today - cal.shift(today, -max(count, 2), unit) >= NEWS_WINDOW
    except ValueError:
        return False


def _ordinal_digits(word: str) -> int | None:
    digits = word.rstrip("stndrh")
    return int(digits) if digits.isdigit() and digits != word else None


def _date_of(analysis: Analysis, phrase: Background, published: dt.date | None) -> EventDate | None:
    """The past time the phrase gives: a dated expression inside it, else its amount back from
    the article's day, else None."""
    inside = [t for t in _times_within(analysis, phrase.start, phrase.end) if _datable(t)]
    for expr in inside:
        assert expr.value is not None
        found = cal.value_range(expr.value, expr.mod)
        if found is not None:
            return EventDate(expr.value, found[0], found[1], found[2], "text", expr.id)
    if phrase.amount is None or phrase.amount[0] == 0 or published is None:
        return None
    count, unit = phrase.amount
    precision = cal.UNIT_PRECISION.get(unit)
    if precision is None:
        return None
    value = cal.value_at(cal.shift(published, -count, unit), precision)
    found = cal.value_range(value)
    if found is None:
        return None
    near = _times_within(analysis, max(0, phrase.start - 40), phrase.start + 2)
    counted = next((t.id for t in near if _counts(t, phrase)), None)
    return EventDate(value, found[0], found[1], found[2], "text", counted)


def _counts(expr: TimeExpr, phrase: Background) -> bool:
    """The expression is the amount of the phrase ("five years" in "five years since ...")."""
    return expr.type == "DURATION" and expr.end <= phrase.start + 2 and phrase.start - expr.end < 40


def _datable(expr: TimeExpr) -> bool:
    return (
        expr.type in ("DATE", "TIME")
        and expr.value is not None
        and not expr.anchor_text
        and expr.mod not in ("BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER")
    )


def _continuing(analysis: Analysis, event: Event, trigger: Any, published: dt.date | None) -> bool:
    """ "has warned of famine since the attack last year": dated from inside its own "since"
    phrase, the event goes on until the article's day, so it is not background."""
    date = event.date
    if trigger is None or date is None or date.time is None or published is None:
        return False
    sentence = analysis.sentence_at(trigger.idx)
    if sentence is None:
        return False
    expr = next(
        (t for t in _times_within(analysis, sentence.start, sentence.end) if t.id == date.time),
        None,
    )
    if expr is None:
        return False  # dated from another sentence: not from a phrase of this clause
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    for child in verb.children:
        opens = (child.dep_ == "prep" and child.lower_ == "since") or (
            child.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ == "since" for c in child.children)
        )
        if not opens:
            continue
        tokens = list(child.subtree)
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t.text) for t in tokens)
        if start <= expr.start and expr.end <= end:
            event.historical = False
            event.date = EventDate(
                date.value, date.start, max(date.end, published), date.precision, "text", date.time
            )
            return True
    return False


def _times_within(analysis: Analysis, start: int, end: int) -> list[TimeExpr]:
    """The time expressions (sorted by start) inside [start, end), by binary search."""
    times = analysis.times
    low = bisect_left(times, start, key=lambda t: t.start)
    high = bisect_right(times, end, key=lambda t: t.start)
    return [t for t in times[low:high] if t.end <= end]


def _token(doc: Any, start: int, end: int) -> Any:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None
