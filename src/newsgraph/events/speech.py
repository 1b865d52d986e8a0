"""Speech acts: what a speaker does by speaking, read from the quote stage's output.

A quote whose words condemn or accuse ("an act of terror", "Moxon proceeded to lie") is an
ACCUSE (disapprove) by its speaker; one that praises or thanks ("grateful for the courage of
our friend") is a SUPPORT (praise). The speaker is the actor, whoever reported the words; the
first other actor named inside the quote is the recipient. The quote stage finds quotes and
speakers; this module only judges the words (`disapproval_words`, `praise_words`). A speaker
that is a document or a finding ("the report", "a study") performs no act.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsgraph.events import predicates as parse
from newsgraph.events.cameo import cameo_for, contexts_for, quad_class, score
from newsgraph.events.participants import participants_for
from newsgraph.events.words import word_class
from newsgraph.kb import KnowledgeBase
from newsgraph.model import Analysis, Event, Evidence, Participant, Quote, Span, as_event_type
from newsgraph.speech import verbs_with
from newsgraph.times.tree import Tree, tree_of

DISAPPROVAL_WORDS = word_class("disapproval_words")
PRAISE_WORDS = word_class("praise_words")
NON_SPEAKERS = word_class("non_speakers")
CHARACTERISING_CUES = verbs_with("characterise")
"""Cues whose verb is coded as the act itself (the shared speech-verb list)."""
CHARACTERISING_VERBS = word_class("characterising_verbs")
FRAGMENT_WORDS = 4
"""A quote this short is a characterisation ("a shameful provocation"), not a statement."""
SPEECH_ACT_CONFIDENCE = 0.5
"""Below a coded verb's: the act is inferred from the words, not named by a verb."""
ACTS: tuple[tuple[str, str | None, str | None, frozenset[str]], ...] = (
    ("ACCUSE", "disapprove", None, DISAPPROVAL_WORDS),
    ("SUPPORT", None, "051", PRAISE_WORDS),  # CAMEO 051: praise or endorse
)
"""(type, mode, CAMEO hint, words) of each speech act."""
ACT_WORDS = frozenset().union(*(words for *_, words in ACTS))
"""The words of every act: a word outside them performs none."""


def judged_act(tokens: Any) -> tuple[str, str | None, str | None, Any] | None:
    """The act (type, mode, CAMEO hint, word) that condemning or praising words perform."""
    if not tokens:
        return None
    doc = tokens[0].doc
    found = _act(tree_of(doc), [t.i for t in tokens])
    if found is None:
        return None
    event_type, mode, hint, word = found
    return event_type, mode, hint, doc[word]


def _act(tree: Tree, tokens: Sequence[int]) -> tuple[str, str | None, str | None, int] | None:
    """The act the quoted words (token numbers) perform and the word that shows it, or None.

    In a longer quote an adjective that only qualifies a noun ("dangerous crossings") describes
    rather than condemns; in a short fragment ("called the ruling 'dangerous'") it is the verdict.
    """
    punct, lower, dep, head, children = tree.punct, tree.lower, tree.dep, tree.head, tree.children
    fragment = len([t for t in tokens if not punct[t]]) <= FRAGMENT_WORDS
    # each word's forms read once, not once per act; only the words of some act are kept
    lemmas = tree.lemma  # `tree.lemma_lower` in place: this reads every word of every quote
    forms = [
        (token, lemmas[token].lower(), lower[token])
        for token in tokens
        if lower[token] in ACT_WORDS or lemmas[token].lower() in ACT_WORDS
    ]
    for event_type, mode, hint, words in ACTS:
        for token, lemma, lowered in forms:
            if lemma in words or lowered in words:
                if any(dep[c] == "neg" for c in children[head[token]]):
                    continue  # "not a provocation"
                if dep[token] == "amod" and lower[head[token]] not in words and not fragment:
                    continue  # "dangerous crossings"
                return event_type, mode, hint, token
    return None


def speaker_participants(analysis: Analysis, quote: Quote, kb: KnowledgeBase) -> list[Participant]:
    """The speaker as coded participants; [] for an unplaced, pronoun or document speaker."""
    speaker = quote.speaker
    if speaker is None or speaker.start is None or speaker.end is None or analysis.doc is None:
        return []
    span = analysis.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    head = span.root
    if head.lemma_.lower() in NON_SPEAKERS or (head.pos_ == "PRON" and speaker.entity is None):
        return []
    if parse.is_thing(head):
        return []
    return participants_for(analysis, speaker.start, speaker.end, head.idx, kb=kb)


def _recipients(analysis: Analysis, quote: Quote, actors: list[Participant]) -> list[Participant]:
    """The first actor named inside the quote other than the speaker."""
    taken = {a.entity for a in actors if a.entity}
    for entity in analysis.entities:
        if entity.is_source_agency or entity.id in taken:
            continue
        if entity.type not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        for mention in entity.mentions:
            if (
                quote.start <= mention.start
                and mention.end <= quote.end
                and mention.kind != "nested"
            ):
                return [
                    Participant(
                        entity.id,
                        mention.start,
                        mention.end,
                        entity.country,
                        entity.sector,
                        entity.code,
                    )
                ]
    return []


def _coded_by_its_cue(analysis: Analysis, quote: Quote, tree: Tree) -> bool:
    """A quote introduced by a characterising verb ("called the ruling “dangerous”: “...”"):
    the verb's own event is the act, the quoted words add none. `tree` is the analysis's Doc's."""
    if quote.cue_start is None or analysis.doc is None:
        return False
    cue = tree.span(quote.cue_start, quote.cue_start + 1)
    if cue is None:
        return False
    if cue[0] == cue[1]:  # an empty span: spaCy's own answer for its root
        span = analysis.doc.char_span(quote.cue_start, quote.cue_start + 1, alignment_mode="expand")
        return span is not None and span.root.lemma_.lower() in CHARACTERISING_CUES
    return tree.lemma_lower(tree.root(*cue)) in CHARACTERISING_CUES


def speech_acts(analysis: Analysis, kb: KnowledgeBase) -> list[Event]:
    """One ACCUSE or SUPPORT mention per quote whose words condemn or praise."""
    if analysis.doc is None:
        return []
    events: list[Event] = []
    tree = tree_of(analysis.doc)
    for quote in analysis.quotes:
        if _coded_by_its_cue(analysis, quote, tree):
            continue
        if _characterisation_cue(analysis, quote, tree):
            continue  # "called the ruling 'dangerous'": coded from the verb (extract.py)
        words = tree.contract(quote.start, quote.end)
        act = _act(tree, range(*words)) if words is not None else None
        if act is None:
            continue
        actors = speaker_participants(analysis, quote, kb)
        if not actors:
            continue
        event_type, mode, hint, word = act
        word_start, word_end = tree.idx[word], tree.end[word]
        sentence = analysis.sentence_at(word_start)
        if sentence is None:
            continue
        code = cameo_for(event_type, mode, hint)
        events.append(
            Event(
                id="",
                event_type=as_event_type(event_type),
                mode=mode,
                contexts=contexts_for(code),
                actors=actors,
                recipients=_recipients(analysis, quote, actors),
                cameo=code,
                quad_class=quad_class(event_type),
                score=score(event_type, mode),
                evidence=[
                    Evidence(
                        sentence.start,
                        sentence.end,
                        sentence.section,
                        Span(word_start, word_end),
                        quote.id,
                    )
                ],
                confidence=SPEECH_ACT_CONFIDENCE,
            )
        )
    return events


def quote_at(analysis: Analysis, offset: int) -> Quote | None:
    """The quote whose words contain `offset`, if any."""
    for quote in analysis.quotes:
        if quote.start <= offset < quote.end:
            return quote
    return None


def _characterisation_cue(analysis: Analysis, quote: Quote, tree: Tree) -> bool:
    """A partial quote that is the complement of "called", "described as", "branded" (`tree`:
    the analysis's Doc's)."""
    if quote.kind != "partial" or analysis.doc is None:
        return False
    span = tree.span(quote.start, quote.end)
    if span is None:
        return False
    verbs, pos, head = CHARACTERISING_VERBS, tree.pos, tree.head
    for token in range(*span):
        current = token
        for _ in range(4):
            if pos[current] == "VERB" and tree.lemma_lower(current) in verbs:
                return True
            if head[current] == current:
                break
            current = head[current]
    return False
