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
from newsgraph.model import Modality

COOPERATIVE_TYPES = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
THREAT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
REFUSABLE_TYPES = frozenset({"AGREE", "CONCEDE"})
REFUSABLE_LEMMAS = frozenset(
    {"accept", "allow", "permit", "comply", "agree", "recognize", "recognise"}
)
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

Coding = tuple[str, str | None, str | None, Modality]


def recode(
    event_type: str, mode: str | None, cameo: str | None, modality: Modality, lemma: str
) -> Coding:
    """Apply the manual's type-for-modality conventions to one event mention."""
    if modality == "negated" and (event_type in REFUSABLE_TYPES or lemma in REFUSABLE_LEMMAS):
        return "REJECT", None, REFUSAL_CODES.get(event_type, "120"), "asserted"
    if modality in PENDING and (
        event_type in THREAT_TYPES or (event_type == "PROTEST" and mode == "boycott")
    ):
        threat_mode = THREAT_MODES.get(mode or "") or FRAMED_MODES["THREATEN"].get(event_type)
        code = "1312" if mode == "boycott" else FRAMED_CODES.get(("THREATEN", event_type), "130")
        return "THREATEN", threat_mode, code, modality
    if modality in PENDING and event_type in COOPERATIVE_TYPES:
        # "will meet", "ready to assist", "would meet X if ...": a promise or offer (AGREE).
        return "AGREE", None, INTENT_CODES[event_type], modality
    if modality in ("future", "intended"):
        if event_type == "RETREAT" and modality == "future":
            return "CONCEDE", None, "080", modality
        if event_type in ("RETREAT", "CONCEDE"):
            return "AGREE", None, INTENT_CODES[event_type], modality
    return event_type, mode, cameo, modality
