"""Wording before a mention that makes a town reading likely when NER did not call it a place.

"in Cirencester", "in Žilina, Nitra and Košice" (every item of a list after the preposition),
"travelling to Cirencester". Organisations share the prepositions ("a study from Stanford", "a
letter to Google"), so an ORG-labelled mention needs "in"/"near"/"outside", or "to" after a verb of
motion: people travel to places, not to companies.
"""

from __future__ import annotations

import re

from newsgraph.places.surface import CAPITAL

_NAME = rf"[{CAPITAL}][\w'’.-]*(?:\s+[{CAPITAL}][\w'’.-]*){{0,2}}"
_LIST = rf"(?:{_NAME},\s+)*(?:{_NAME},?\s+(?:and|or)\s+)?"
"""Earlier items of a list the mention ends: "Žilina, Nitra, Prešov and "."""
LOCATIVE_BEFORE = re.compile(rf"\b(?:in|from|near|outside|across|around)\s+{_LIST}$")
"""A preposition before a mention ("at" is left out: "at Harvard", "at Google" name
organisations)."""
ORG_LOCATIVE_BEFORE = re.compile(rf"\b(?:in|near|outside)\s+{_LIST}$")
"""For ORG-labelled mentions only these count ("a study from Stanford" names a university)."""
MOTION_TO = re.compile(
    r"\b(?:travel\w*|return(?:s|ed|ing)?|mov(?:e|es|ed|ing)|driv(?:e|es|ing|en)|drove|"
    r"fl(?:y|ies|ew|ying|own)|head(?:s|ed|ing)?|relocat\w*|road|route|trip|journey)"
    r"\s+(?:back\s+)?(?:to|into)\s+"
    rf"{_LIST}$"
)
"""A verb or noun of motion with "to": "travelling to Cirencester", "the road to Damascus"
("went to" and "comes to" are left out: "the prize went to Jordan", "when it comes to Reading")."""
LOOKBACK = 80
"""Characters before a mention searched for these cues (a list of three short names fits)."""


def after_locative(text: str, start: int, label: str) -> bool:
    """Whether a mention at `start` follows a locative preposition its NER label allows."""
    before = text[max(0, start - LOOKBACK) : start]
    if MOTION_TO.search(before):
        return True
    pattern = ORG_LOCATIVE_BEFORE if label == "ORG" else LOCATIVE_BEFORE
    return pattern.search(before) is not None
