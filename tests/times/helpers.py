"""Build small analyses by hand: paragraphs of sentences, time expressions, events."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from newsgraph.model import (
    Analysis,
    DocumentInfo,
    Entity,
    Event,
    Evidence,
    Mention,
    Participant,
    Section,
    Sentence,
    Span,
)
from newsgraph.times import TimeStage

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def build(paragraphs: list[str], published: dt.date | None, doc: Any = None) -> Analysis:
    """One paragraph per line; the first is the title. Times are found by the time stage."""
    text = "\n\n".join(paragraphs)
    sentences: list[Sentence] = []
    offset = 0
    for index, paragraph in enumerate(paragraphs):
        section: Section = "title" if index == 0 else "body"
        position = 0
        for part in _SENTENCE_END.split(paragraph):
            start = paragraph.index(part, position)
            position = start + len(part)
            sentences.append(Sentence(offset + start, offset + position, section, index))
        offset += len(paragraph) + 2
    analysis = Analysis(id="t", text=text, document=DocumentInfo(published=published))
    analysis.sentences = sentences
    analysis.doc = doc
    return TimeStage()(analysis)


def event(
    analysis: Analysis, event_id: str, trigger: str, nth: int = 0, actor: str | None = None
) -> Event:
    """An event whose evidence is the sentence holding the nth occurrence of `trigger`."""
    where = [m.start() for m in re.finditer(re.escape(trigger), analysis.text)][nth]
    sentence = analysis.sentence_at(where)
    assert sentence is not None
    actors: list[Participant] = []
    if actor is not None:
        at = analysis.text.index(actor)
        entity_id = f"A{len(analysis.entities) + 1}"
        analysis.entities.append(
            Entity(entity_id, actor, "PERSON", mentions=[Mention(at, at + len(actor))])
        )
        actors.append(Participant(entity_id, at, at + len(actor)))
    evidence = Evidence(
        sentence.start, sentence.end, sentence.section, Span(where, where + len(trigger))
    )
    return Event(event_id, "CONSULT", actors=actors, evidence=[evidence])


def add_evidence(analysis: Analysis, target: Event, trigger: str, nth: int = 0) -> None:
    other = event(analysis, "tmp", trigger, nth)
    target.evidence.extend(other.evidence)
