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

from newsgraph.model import Analysis, Event, EventDate, TimeExpr
from newsgraph.times import calendar as cal
from newsgraph.times.tree import Tree
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


def mark_background(analysis: Analysis, tree: Tree | None, event: Event) -> None:
    """Mark `event` historical (and re-date it) when every mention of it is background, or
    unmark it when its date comes from a "since" phrase it continues from. `tree` is
    `mentions.covering_tree(analysis)`, read once per document by the caller."""
    if tree is None or not event.evidence:
        return
    published = analysis.document.published
    phrases = []
    news = []
    for evidence in event.evidence:
        trigger = tree.root_at(evidence.trigger.start, evidence.trigger.end)
        phrase = background_of(tree, trigger) if trigger is not None else None
        if phrase is None:
            news.append(trigger)
        else:
            phrases.append(phrase)
    if news:
        for trigger in news:
            if _continuing(analysis, tree, event, trigger, published):
                break
        return
    dated = [d for p in phrases if (d := _date_of(analysis, p, published)) is not None]
    if not dated and not all(p.temporal for p in phrases):
        return  # "Since the government refused, unions struck": a reason, not a time
    if any(published is not None and d.end >= published - NEWS_WINDOW for d in dated):
        return  # "since Tuesday's raid": background to the story, but this week's news
    event.historical = True
    event.date = min(dated, key=lambda d: cal.PRECISION_RANK[d.precision]) if dated else None


def background_of(tree: Tree, trigger: int) -> Background | None:
    """The background phrase a trigger token lies inside, or None."""
    node = trigger
    for _ in range(MAX_CLIMB):
        for child in tree.children[node]:
            if tree.dep[child] == "mark" and tree.lower[child] in BACKGROUND_WORDS:
                return _phrase(tree, child, node)
        head = tree.head[node]
        dep = tree.dep[node]
        if dep in ("pobj", "pcomp") and tree.lower[head] in BACKGROUND_WORDS:
            return _phrase(tree, head, node)
        if (
            dep == "pobj"
            and tree.lower[head] == "of"
            and tree.lemma[tree.head[head]] in ANNIVERSARY_NOUNS
        ):
            return _anniversary(tree, tree.head[head])
        # (a Token-based `head is node` test stood first here; it never held, spaCy building a
        # new Token per access: at the root the climb stays on the root)
        if tree.pos[node] in ("VERB", "AUX") and dep not in CLAUSE_DEPS:
            return None
        node = head
    return None


def _extent(tree: Tree, tokens: list[int]) -> tuple[int, int]:
    """The characters the tokens cover, from the first one's start to the last one's end."""
    return min(tree.idx[t] for t in tokens), max(tree.end[t] for t in tokens)


def _phrase(tree: Tree, word: int, clause: int) -> Background | None:
    """The phrase "since/after <clause>": "after" needs an amount of at least a month."""
    start, end = _extent(tree, [word, *tree.subtree(clause)])
    amount = _amount(tree, word, clause)
    if tree.lower[word] == "after" and (amount is None or not _beyond_window(amount)):
        return None
    # "since" opening a clause is temporal beside a perfect ("have been frozen since ...") or
    # an amount ("five years since ..."); otherwise it may mean "because"
    temporal = tree.dep[word] != "mark" or amount is not None or _perfect(tree, tree.head[clause])
    return Background(tree.lower[word], start, end, amount, temporal)


def _perfect(tree: Tree, verb: int) -> bool:
    """The clause is in a perfect tense ("have been frozen", "has fought", "had waited")."""
    return any(
        tree.dep[c] in ("aux", "auxpass") and tree.lemma[c] == "have" for c in tree.children[verb]
    )


def _anniversary(tree: Tree, noun: int) -> Background:
    """ "the 30th anniversary of the massacre": 30 years back from the article's day."""
    amount = None
    for child in tree.children[noun]:
        word = tree.lower[child]
        years = vocab().ordinals.get(word) or _ordinal_digits(word)
        if years:
            amount = (years, "Y")
    start, end = _extent(tree, tree.subtree(noun))
    return Background("anniversary", start, end, amount)


def _amount(tree: Tree, word: int, clause: int) -> tuple[int, str] | None:
    """ "five years since ...", "two decades after ...": the counted unit beside the phrase."""
    places = [*tree.children[word], *tree.children[clause]]
    if tree.dep[clause] in ("advcl", "pobj", "pcomp"):
        # (Token-based `clause.head is not clause` and `word.head is not clause` tests stood
        # here; they always held, spaCy building a new Token per access)
        places += [c for c in tree.children[tree.head[clause]] if c < word]
        places += [c for c in tree.children[tree.head[word]] if c < word]
    for token in places:
        unit = vocab().units.get(tree.lemma_lower(token))
        if unit is None or token > word:
            continue
        # "years after" with no number: more than one, how many unsaid (background, undated)
        count = 0 if tree.lower[token] != tree.lemma_lower(token) else 1
        for child in tree.children[token]:
            if tree.dep[child] == "nummod":
                number = vocab().numbers.get(tree.lower[child])
                if number is None and tree.text[child].isdigit():
                    number = float(tree.text[child])
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


def _continuing(
    analysis: Analysis, tree: Tree, event: Event, trigger: int | None, published: dt.date | None
) -> bool:
    """ "has warned of famine since the attack last year": dated from inside its own "since"
    phrase, the event goes on until the article's day, so it is not background."""
    date = event.date
    if trigger is None or date is None or date.time is None or published is None:
        return False
    sentence = analysis.sentence_at(tree.idx[trigger])
    if sentence is None:
        return False
    expr = next(
        (t for t in _times_within(analysis, sentence.start, sentence.end) if t.id == date.time),
        None,
    )
    if expr is None:
        return False  # dated from another sentence: not from a phrase of this clause
    verb = trigger if tree.pos[trigger] in ("VERB", "AUX") else tree.head[trigger]
    for child in tree.children[verb]:
        opens = (tree.dep[child] == "prep" and tree.lower[child] == "since") or (
            tree.dep[child] == "advcl"
            and any(
                tree.dep[c] == "mark" and tree.lower[c] == "since" for c in tree.children[child]
            )
        )
        if not opens:
            continue
        start, end = _extent(tree, tree.subtree(child))
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
