"""Find the event an event-anchored expression points to: "a day before Ruto's visit"
-> the event triggered by "visit(ed)" whose participants include Ruto."""

from __future__ import annotations

import re

from newsgraph.annotate import doc_covers
from newsgraph.model import Analysis, Event, Participant, TimeExpr
from newsgraph.times.tree import tree_of
from newsgraph.times.vocab import vocab

_POSSESSOR = re.compile(r"([\w.-]+(?:\s+[A-Z][\w.-]*)*)['’]s?\b")
_NAME_AFTER_PREPOSITION = re.compile(
    r"\b(?:with|to|in|of)\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)"
)
STEM_LENGTH = 4
"""Leading letters a trigger must share with the anchor's verb ("visit" ~ "visited")."""


def _norm(text: str) -> str:
    return text.replace("’", "'").lower()


def anchor_noun(anchor_text: str) -> tuple[str, str] | None:
    """The event noun of the anchor phrase and the verb lemma it goes with."""
    nouns = vocab().event_nouns
    words = re.findall(r"[\w-]+", anchor_text.lower())
    for word in reversed(words):
        if word in nouns:
            return word, nouns[word]
    return None


def anchor_names(anchor_text: str) -> list[str]:
    """Names the anchor phrase gives for the participants ("Ruto's visit" -> Ruto)."""
    names = [m[1] for m in _POSSESSOR.finditer(anchor_text)]
    names += [m[1] for m in _NAME_AFTER_PREPOSITION.finditer(anchor_text)]
    return [_norm(n) for n in names if n.lower() not in {"it", "its", "his", "her", "their"}]


def _trigger_matches(analysis: Analysis, event: Event, noun: str, verb: str) -> bool:
    # the parse as token numbers: `Doc.char_span(..., "expand").root.lemma_` without a Span
    tree = tree_of(analysis.doc) if doc_covers(analysis.doc, analysis.text) else None
    for evidence in event.evidence:
        word = _norm(analysis.text[evidence.trigger.start : evidence.trigger.end])
        lemma = vocab().irregular_past.get(word, word)
        if tree is not None:
            root = tree.root_at(evidence.trigger.start, evidence.trigger.end)
            if root is not None:
                lemma = tree.lemma_lower(root)
        if lemma in {verb, noun} or word == noun:
            return True
        if len(verb) >= STEM_LENGTH and word.startswith(verb[: max(STEM_LENGTH, len(verb) - 1)]):
            return True
    return False


def _participant_texts(analysis: Analysis, participant: Participant) -> list[str]:
    texts = [_norm(analysis.text[participant.start : participant.end])]
    entity = analysis.entity(participant.entity) if participant.entity else None
    if entity is not None:
        texts += [_norm(entity.name)] + [_norm(a) for a in entity.aliases]
    return texts


def _actor_score(analysis: Analysis, event: Event, names: list[str]) -> int:
    """1 when a named participant matches, 0 when nothing is known, -1 when they differ."""
    if not names:
        return 0
    people = event.actors + event.recipients
    if not people:
        return 0
    texts = [t for p in people for t in _participant_texts(analysis, p)]
    hit = any(name in text or text in name for name in names for text in texts if text)
    return 1 if hit else -1


def find_anchor_event(analysis: Analysis, expr: TimeExpr, exclude: Event) -> Event | None:
    """The event of this document the anchor phrase names, or None."""
    if not expr.anchor_text:
        return None
    found = anchor_noun(expr.anchor_text)
    if found is None:
        return None
    noun, verb = found
    names = anchor_names(expr.anchor_text)
    scored: list[tuple[int, int, Event]] = []
    for event in analysis.events:
        if event is exclude or not _trigger_matches(analysis, event, noun, verb):
            continue
        score = _actor_score(analysis, event, names)
        if score < 0:
            continue
        distance = min(abs(e.trigger.start - expr.start) for e in event.evidence)
        scored.append((-score, distance, event))
    if not scored:
        return None
    scored.sort(key=lambda item: (item[0], item[1]))
    return scored[0][2]
