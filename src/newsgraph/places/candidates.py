"""Collect toponym candidates from an Analysis: the actors stage's entities, else spaCy's.

spaCy's small model sometimes labels a person's name as a place ("Erdogan" as GPE next to
"Recep Tayyip Erdogan" as PERSON). A candidate inside a PERSON mention, or equal to the surname of
a person named in the document, is not a place. Two kinds of place mentions the model often
leaves unlabelled are added from the text: datelines ("OKLAHOMA CITY (AP) —") and capitalised
names right after a locative preposition ("in Cirencester").
"""

from __future__ import annotations

import re
from typing import Any

from newsgraph.model import Analysis
from newsgraph.places.normalize import normalize_key
from newsgraph.places.resolve import PLACE_LABELS, STRONG_ONLY_LABELS

Candidate = tuple[int, int, str]
"""(start, end, spaCy label) of one possible place mention."""

UNLABELLED = ""
"""Label of a candidate no NER entity covers."""
DATELINE = re.compile(
    r"^[ \t]*([A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+){0,3})(?=\s*(?:,\s*[A-Z]|\(|—|–|-\s))",
    re.MULTILINE,
)
"""An upper-case place at the start of a line, before a comma, "(AP)" or a dash."""
AFTER_PREPOSITION = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Ff]rom|[Nn]ear|[Oo]utside)\s+((?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,2})"
)
"""A capitalised run after in/at/from/near/outside."""


def candidates_for(analysis: Analysis) -> list[Candidate]:
    """Place candidates of a document, without mentions that belong to people."""
    if analysis.entities:
        found = _from_entities(analysis)
        persons = [
            (m.start, m.end)
            for e in analysis.entities
            if e.type == "PERSON"
            for m in e.mentions
            if m.kind == "name"
        ]
    elif analysis.doc is not None:
        found = _from_doc(analysis.doc)
        persons = [(e.start_char, e.end_char) for e in analysis.doc.ents if e.label_ == "PERSON"]
    else:
        return []
    text = analysis.text
    covered = [(start, end) for start, end, _ in found] + persons
    found += _from_text(text, covered)
    surnames = {
        normalize_key(text[s:e].split()[-1]) for s, e in persons if len(text[s:e].split()) > 1
    }
    result: list[Candidate] = []
    for start, end, label in found:
        if any(ps <= start and end <= pe and (ps, pe) != (start, end) for ps, pe in persons):
            continue
        if normalize_key(text[start:end]) in surnames:
            continue
        result.append((start, end, label))
    return result


def _from_entities(analysis: Analysis) -> list[Candidate]:
    result: list[Candidate] = []
    for entity in analysis.entities:
        label = entity.type
        if label not in PLACE_LABELS and label not in STRONG_ONLY_LABELS:
            continue
        for mention in entity.mentions:
            if mention.kind in ("name", "alias", "acronym"):
                result.append((mention.start, mention.end, label))
    return result


def _from_doc(doc: Any) -> list[Candidate]:
    return [
        (ent.start_char, ent.end_char, ent.label_)
        for ent in doc.ents
        if ent.label_ in PLACE_LABELS or ent.label_ in STRONG_ONLY_LABELS
    ]


def _from_text(text: str, covered: list[tuple[int, int]]) -> list[Candidate]:
    """Datelines (as GPE) and unlabelled names after a locative preposition."""
    result: list[Candidate] = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in covered)

    for match in DATELINE.finditer(text):
        if free(match.start(1), match.end(1)):
            result.append((match.start(1), match.end(1), "GPE"))
    for match in AFTER_PREPOSITION.finditer(text):
        if free(match.start(1), match.end(1)):
            result.append((match.start(1), match.end(1), UNLABELLED))
    return result
