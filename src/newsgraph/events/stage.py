"""The events stage: PLOVER events with CAMEO codes from every analysed sentence.

Headline, subtitle, caption and body sentences are read (headings and notes are not); a
headline in Title Case is re-parsed in sentence case first, because the parser reads
"Leader X Visits Ankara" as one long name. Mentions are then merged into one record per real
event and numbered V1, V2, ... in text order. Before merging, each mention's confidence is
blended with the event-type classifier's probability for its sentence (`confidence.py`). Dating
is left to the event-dating stage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from newsgraph.annotate import load_spacy, parsed_doc
from newsgraph.events.confidence import blend_confidence
from newsgraph.events.extract import SentenceExtractor, SentenceView
from newsgraph.events.lexicon import load_lexicon
from newsgraph.events.merge import merge_events
from newsgraph.events.speech import speech_acts
from newsgraph.kb import KnowledgeBase, load_kb
from newsgraph.model import Analysis, Sentence
from newsgraph.settings import DEFAULT_SPACY_MODEL

EVENT_SECTIONS = frozenset({"title", "subtitle", "caption", "body"})
RECASED_SECTIONS = frozenset({"title", "subtitle"})
TITLE_CASE_SHARE = 0.6  # share of capitalised words above which a line is Title Case
MIN_TITLE_WORDS = 3
_FUNCTION_WORDS = (
    "a an the and or but for with to of in on at by from as after over against into "
    "amid about before during its his her their is are was were be been has have had will "
    "would says said new"
)
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())
"""Headline words that are lower case in running text."""
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
SUFFIXES = ("ing", "es", "ed", "s", "d")


def _known(word: str) -> bool:
    """Is a lower-cased headline word a function word or a trigger (possibly inflected)?"""
    lexicon = load_lexicon()
    if word in FUNCTION_WORDS or word in lexicon.verbs or word in lexicon.nouns:
        return True
    for suffix in SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and (stem in lexicon.verbs or stem in lexicon.nouns):
            return True
    return False


def sentence_case(text: str) -> str | None:
    """Lower-case the known words of a Title Case line (same length, so offsets hold), else None."""
    words = list(WORD.finditer(text))
    long_words = [w for w in words[1:] if len(w.group()) > 3]
    if len(words) < MIN_TITLE_WORDS or not long_words:
        return None
    if sum(w.group()[0].isupper() for w in long_words) / len(long_words) < TITLE_CASE_SHARE:
        return None
    chars = list(text)
    for w in words[1:]:
        lower = w.group().lower()
        if w.group()[0].isupper() and _known(lower):
            chars[w.start()] = chars[w.start()].lower()
    return "".join(chars)


class EventStage:
    """Fill `analysis.events` from the parse, the actors, times, places and quotes."""

    name = "events"
    requires = frozenset({"doc", "sentences", "entities", "times", "places", "quotes"})
    provides = frozenset({"events"})

    def __init__(
        self, spacy_model: str = DEFAULT_SPACY_MODEL, kb_paths: Sequence[str] = ()
    ) -> None:
        # Both come from the pipeline's settings through its factory (the same model the annotate
        # stage parses with, the same knowledge base the actors stage coded with); both load
        # lazily and are cached per process, so the stages share one copy.
        self.spacy_model = spacy_model
        self.kb_paths = tuple(kb_paths)

    @property
    def kb(self) -> KnowledgeBase:
        return load_kb(self.kb_paths)

    def _nlp(self) -> Any:
        return load_spacy(self.spacy_model)

    def _view(self, analysis: Analysis, sentence: Sentence) -> SentenceView | None:
        text = analysis.text[sentence.start : sentence.end]
        if sentence.section in RECASED_SECTIONS:
            recased = sentence_case(text)
            if recased is not None:
                doc = self._nlp()(recased)
                return SentenceView(sentence, list(doc), sentence.start, reparsed=True)
        doc = parsed_doc(analysis, self.name)
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        return SentenceView(sentence, list(span), 0) if span is not None else None

    def __call__(self, analysis: Analysis) -> Analysis:
        parsed_doc(analysis, self.name)  # a ConfigError, as in actors, without the parse
        extractor = SentenceExtractor(analysis, self.kb)
        found = []
        for sentence in analysis.sentences:
            if sentence.section not in EVENT_SECTIONS:
                continue
            view = self._view(analysis, sentence)
            if view is not None:
                found.append((view.tokens, extractor.extract(view)))
        blend_confidence(found)
        mentions = [mention for _, in_sentence in found for mention in in_sentence]
        mentions += speech_acts(analysis, self.kb)  # what speakers do by speaking (condemn, praise)
        mentions.sort(key=lambda e: (e.evidence[0].start, e.evidence[0].trigger.start))
        times = {t.id: t.value for t in analysis.times}
        events = merge_events(mentions, analysis.text, times)
        for number, event in enumerate(events, start=1):
            event.id = f"V{number}"
        analysis.events = events
        return analysis
