"""The events stage: PLOVER events with CAMEO codes from every analysed sentence.

Headline, subtitle, caption and body sentences are read (headings and notes are not); a
headline in Title Case is read from its parse in sentence case (`Analysis.headline_docs`, made
by the annotate stage, see `newsgraph.recase`), because the parser reads "Leader X Visits
Ankara" as one long name. Mentions are then merged into one record per real
event and numbered V1, V2, ... in text order. Before merging, each mention's confidence is
blended with the event-type classifier's probability for its sentence (`confidence.py`). Dating
is left to the event-dating stage.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsgraph.annotate import parsed_doc
from newsgraph.events.confidence import blend_confidence
from newsgraph.events.extract import SentenceExtractor, SentenceView
from newsgraph.events.merge import merge_events
from newsgraph.events.speech import speech_acts
from newsgraph.kb import KnowledgeBase, load_kb
from newsgraph.model import Analysis, Sentence

EVENT_SECTIONS = frozenset({"title", "subtitle", "caption", "body"})


class EventStage:
    """Fill `analysis.events` from the parse, the actors, times, places and quotes."""

    name = "events"
    requires = frozenset(
        {"doc", "headline_docs", "sentences", "entities", "times", "places", "quotes"}
    )
    provides = frozenset({"events"})

    def __init__(self, *, kb_paths: Sequence[str] = ()) -> None:
        # From the pipeline's settings through its factory (the same knowledge base the actors
        # stage coded with); it loads lazily and is cached per process, so the stages share it.
        self.kb_paths = tuple(kb_paths)

    @property
    def kb(self) -> KnowledgeBase:
        return load_kb(self.kb_paths)

    def _view(self, analysis: Analysis, sentence: Sentence) -> SentenceView | None:
        recased = analysis.headline_docs.get(sentence.start)
        if recased is not None:  # a Title Case headline, parsed again in sentence case
            return SentenceView(sentence, recased, sentence.start, reparsed=True)
        doc = parsed_doc(analysis, self.name)
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        # the Span itself: its Tokens are made only where a rule asks for one
        return SentenceView(sentence, span, 0) if span is not None else None

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
