"""Where else the document tells of the same event: light event coreference for dating.

News states an event once with its date and refers to it again without one: the headline's
"attack" is "The attack was launched on Wednesday" two lines down; the lead's "several towns have
started asking" is followed by "In one case, the council asks ..."; "police" in a lead dated "last
week" are the police who "arrested" the boy in the next sentence. Event dating uses these links to
carry a date to the mention that has none:

- a definite noun re-mention ("the attack", "the arrest", "this visit") of the event's trigger
  near one of its mentions, in a clause the text dates;
- a neighbouring sentence (a few sentences back; for a headline, the story's first sentences)
  that tells of the same event: another event of the same PLOVER type or trigger lemma; or, when that sentence holds no event, one with a finite
  verb that names one of the event's participants.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from newsgraph.annotate import doc_covers
from newsgraph.model import Analysis, Event, Participant, Sentence, TimeExpr
from newsgraph.times.vocab import vocab

NEIGHBOUR_WINDOW = 2
"""How many sentences back a neighbouring mention of the same event may stand."""

REMENTION_WINDOW = 3
"""How many sentences before or after a mention a definite re-mention ("the attack") may stand."""

STORY_SECTIONS = frozenset({"body", "subtitle"})
"""Sections that carry the story's sentences (captions and headings stand apart)."""

DEFINITE = frozenset({"the", "this", "that", "these", "those"})

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_GENERIC_WORDS = frozenset({"the", "a", "an", "his", "her", "its", "their", "of", "and", "in"})


def _root(analysis: Analysis, start: int, end: int) -> Any:
    if not doc_covers(analysis.doc, analysis.text):
        return None
    span = analysis.doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def trigger_lemmas(analysis: Analysis, event: Event) -> set[str]:
    """The lemmas an event's triggers go by, with the event nouns of the same verb ("attack",
    "attacked" -> attack; "visited" -> visit; "meeting" -> meet, meeting, summit, talks ...)."""
    nouns = vocab().event_nouns
    found: set[str] = set()
    for evidence in event.evidence:
        word = analysis.text[evidence.trigger.start : evidence.trigger.end].lower().split()
        token = _root(analysis, evidence.trigger.start, evidence.trigger.end)
        lemma = token.lemma_.lower() if token is not None else (word[0] if word else "")
        if not lemma:
            continue
        found.add(lemma)
        if lemma in nouns:
            found.add(nouns[lemma])
    verbs = set(found)
    found.update(noun for noun, verb in nouns.items() if verb in verbs)
    return found


def sentence_index(analysis: Analysis, offset: int) -> int | None:
    for index, sentence in enumerate(analysis.sentences):
        if sentence.start <= offset < sentence.end:
            return index
    return None


def story_before(analysis: Analysis, index: int, count: int) -> list[Sentence]:
    """Up to `count` story sentences before sentence `index`, nearest first."""
    found: list[Sentence] = []
    for sentence in reversed(analysis.sentences[:index]):
        if len(found) == count:
            break
        if sentence.section in STORY_SECTIONS:
            found.append(sentence)
    return found


def story_after(analysis: Analysis, index: int, count: int) -> list[Sentence]:
    """Up to `count` story sentences after sentence `index`, nearest first."""
    found = [s for s in analysis.sentences[index + 1 :] if s.section in STORY_SECTIONS]
    return found[:count]


def _participant_words(analysis: Analysis, participant: Participant) -> set[str]:
    words = {w.lower() for w in _WORD.findall(analysis.text[participant.start : participant.end])}
    return words - _GENERIC_WORDS


def names_participant(analysis: Analysis, event: Event, sentence: Sentence) -> bool:
    """The sentence mentions one of the event's participants: a mention of its entity, or (for
    a participant no entity stands for, "police") its last word."""
    words = {w.lower() for w in _WORD.findall(analysis.text[sentence.start : sentence.end])}
    for participant in event.actors + event.recipients:
        entity = analysis.entity(participant.entity) if participant.entity else None
        if entity is not None:
            if any(sentence.start <= m.start < sentence.end for m in entity.mentions):
                return True
            continue
        own = _participant_words(analysis, participant)
        last = analysis.text[participant.start : participant.end].split()
        if own and last and last[-1].lower() in own and last[-1].lower() in words:
            return True
    return False


def same_event(analysis: Analysis, event: Event, other: Event) -> bool:
    """Two events of neighbouring sentences tell of the same happening: the same PLOVER type or
    a trigger lemma in common. Sharing a participant is not enough ("He was released on
    Thursday. He was charged with theft." are two acts of one story)."""
    return other.event_type == event.event_type or bool(
        trigger_lemmas(analysis, event) & trigger_lemmas(analysis, other)
    )


def tells(analysis: Analysis, sentence: Sentence) -> bool:
    """The sentence is built on a verb: it tells something, unlike a caption's "The minister in
    Geneva in May 2024, after the talks." (with no parse, assume it does)."""
    if not doc_covers(analysis.doc, analysis.text):
        return True
    span = analysis.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    return span is None or not len(span) or span.root.pos_ in {"VERB", "AUX"}


def _definite_nouns(sentence_tokens: Any, lemmas: set[str]) -> Iterator[Any]:
    for token in sentence_tokens:
        if token.pos_ != "NOUN":
            continue
        if token.lemma_.lower() not in lemmas and token.lower_ not in lemmas:
            continue
        if any(c.dep_ == "poss" or c.lower_ in DEFINITE for c in token.children):
            yield token


def _dates_noun(analysis: Analysis, expr: TimeExpr, noun: Any) -> bool:
    """The expression dates the clause the noun is an argument of ("The attack was launched on
    Wednesday"), or hangs from the noun itself ("the attack on Wednesday")."""
    root = _root(analysis, expr.start, expr.end)
    if root is None:
        return False
    current = root
    for _ in range(4):
        if current.head is current:
            return False
        current = current.head
        if current == noun:
            return True
        if current.pos_ in {"VERB", "AUX"}:
            return bool(noun.head == current)
        if current.pos_ != "ADP":
            return False  # "the ruling of the court on July 8": the date is the ruling's
    return False


def remention_times(
    analysis: Analysis, event: Event, datable: Callable[[TimeExpr], bool]
) -> list[TimeExpr]:
    """Time expressions that date a definite noun re-mention of the event near its mentions,
    nearest sentence first."""
    if not doc_covers(analysis.doc, analysis.text):
        return []
    lemmas = trigger_lemmas(analysis, event)
    own = {sentence_index(analysis, e.start) for e in event.evidence}
    own.discard(None)
    candidates: dict[int, int] = {}
    for index in own:
        assert index is not None
        low, high = max(0, index - REMENTION_WINDOW), index + REMENTION_WINDOW
        for other in range(low, min(high + 1, len(analysis.sentences))):
            if other in own or analysis.sentences[other].section not in STORY_SECTIONS:
                continue
            distance = abs(other - index)
            candidates[other] = min(candidates.get(other, distance), distance)
    found: list[TimeExpr] = []
    for other in sorted(candidates, key=lambda i: (candidates[i], i)):
        sentence = analysis.sentences[other]
        span = analysis.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        exprs = [
            t
            for t in analysis.times
            if sentence.start <= t.start
            and t.end <= sentence.end
            and not t.anchor_text
            and datable(t)
        ]
        for noun in _definite_nouns(span, lemmas):
            found += [t for t in exprs if _dates_noun(analysis, t, noun) and t not in found]
    return found
