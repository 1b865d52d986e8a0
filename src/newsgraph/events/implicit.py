"""Implicit actors: who arrested, charged or released someone when the sentence does not say.

"He was arrested on Monday" names no agent, but the story usually names the police force, the
sheriff's office, the prosecutor or the court elsewhere. For the acts of law enforcement
(`law_enforcement_acts`) with no actor of their own, the body named nearest to the trigger
(`law_enforcement_bodies`, else `law_enforcement_officers`; before it first) becomes the actor, at lower confidence. Other acts
get no implicit actor: a story names many parties, and guessing among them would be noise.
"""

from __future__ import annotations

import re
from typing import Any

from newsgraph.events import arguments as args
from newsgraph.events.participants import participants_for
from newsgraph.events.words import word_class
from newsgraph.kb import KnowledgeBase
from newsgraph.model import Analysis, Participant

LAW_ENFORCEMENT_ACTS = word_class("law_enforcement_acts")
LAW_ENFORCEMENT_BODIES = word_class("law_enforcement_bodies")
LAW_ENFORCEMENT_OFFICERS = word_class("law_enforcement_officers")
IMPLICIT_ACTOR_FACTOR = 0.8
"""Confidence kept by an event whose actor the story supplied from elsewhere."""


def _pattern(words: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"\b({alternatives})s?\b", re.IGNORECASE)  # "prosecutors", "courts"


_BODY = _pattern(LAW_ENFORCEMENT_BODIES)
_OFFICER = _pattern(LAW_ENFORCEMENT_OFFICERS)


def takes_implicit_actor(lemma: str) -> bool:
    return lemma in LAW_ENFORCEMENT_ACTS


def _phrase(doc: Any, start: int) -> tuple[int, int] | None:
    """The noun phrase around the law-enforcement word at `start` ("the Los Angeles Sheriff's
    office"): climb compounds and possessives to the phrase head."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return None
    token = span[0]
    while token.dep_ in ("compound", "poss") and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head
    return args.phrase_span(token)


def law_enforcement_actor(
    analysis: Analysis, trigger_start: int, kb: KnowledgeBase
) -> list[Participant]:
    """The law-enforcement body (else officer) the document names nearest to the trigger,
    before it first, coded; [] when the document names none."""
    if analysis.doc is None:
        return []
    for pattern in (_BODY, _OFFICER):
        found = list(pattern.finditer(analysis.text))
        before = [m for m in found if m.end() <= trigger_start]
        after = [m for m in found if m.start() > trigger_start]
        for match in ([before[-1]] if before else []) + after[:1]:
            span = _phrase(analysis.doc, match.start())
            if span is None:
                continue
            coded = participants_for(analysis, span[0], span[1], match.start(), kb=kb)
            if coded:
                return coded
    return []
