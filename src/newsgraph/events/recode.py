"""PLOVER's coding conventions that turn a modality into a different event type.

The manual codes a promise of cooperation as AGREE (3.1: "cooperative actions ... reported in
future tense ... should be coded as AGREE"), an announced retreat as CONCEDE (3.4), a stated
future or conditional use of force or sanctions as THREATEN (2.3: "THREATEN could be ASSAULT +
hypothetical ... return the single event category"), and a refusal as REJECT, so "will not
accept" and "failed to agree" are rejections rather than negated agreements. A refusal is an
act that happened, so its REJECT is asserted; for promises, announced retreats and threats the
modality is kept: it still says that the underlying act has not (yet) happened.
"""

from __future__ import annotations

from newsgraph.events.cameo import FRAMED_CODES, FRAMED_MODES, INTENT_CODES
from newsgraph.events.coding import Coding
from newsgraph.events.words import word_class

COOPERATIVE_TYPES = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
THREAT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
REFUSABLE_TYPES = frozenset({"AGREE", "CONCEDE"})
REFUSABLE_LEMMAS = word_class("refusable_lemmas")
"""Verbs whose negation is a refusal ("will not accept refugees")."""
THREAT_MODES: dict[str, str] = {
    "arrest": "arrest",
    "deport": "expel",
    "expel": "expel",
    "seize": "territory",
    "boycott": "restrict",
}
"""THREATEN mode from the mode of the threatened act; otherwise FRAMED_MODES by type."""
REFUSAL_CODES = {"CONCEDE": "124"}  # declining to yield; other refusals are plain 120 (reject)
PENDING: frozenset[str] = frozenset({"future", "intended", "hypothetical"})


def recode(coding: Coding, lemma: str) -> Coding:
    """Apply the manual's type-for-modality conventions to one event mention."""
    event_type, mode, modality = coding.event_type, coding.mode, coding.modality
    if modality == "negated" and (event_type in REFUSABLE_TYPES or lemma in REFUSABLE_LEMMAS):
        return coding.recoded("REJECT", None, REFUSAL_CODES.get(event_type, "120"), "asserted")
    if modality in PENDING and (
        event_type in THREAT_TYPES or (event_type == "PROTEST" and mode == "boycott")
    ):
        threat_mode = THREAT_MODES.get(mode or "") or FRAMED_MODES["THREATEN"].get(event_type)
        code = "1312" if mode == "boycott" else FRAMED_CODES.get(("THREATEN", event_type), "130")
        return coding.recoded("THREATEN", threat_mode, code)
    if modality in PENDING and event_type in COOPERATIVE_TYPES:
        # "will meet", "ready to assist", "would meet X if ...": a promise or offer (AGREE).
        return coding.recoded("AGREE", None, INTENT_CODES[event_type])
    if modality in ("future", "intended"):
        if event_type == "RETREAT" and modality == "future":
            return coding.recoded("CONCEDE", None, "080")
        if event_type in ("RETREAT", "CONCEDE"):
            return coding.recoded("AGREE", None, INTENT_CODES[event_type])
    return coding
