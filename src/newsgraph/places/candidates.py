"""Collect toponym candidates from an Analysis: the actors stage's entities, else spaCy's.

spaCy's small model sometimes labels a person's name as a place ("Erdogan" as GPE next to
"Recep Tayyip Erdogan" as PERSON). A candidate inside a PERSON mention, or equal to the surname of
a person named in the document, is not a place. Place mentions the model often leaves
unlabelled (or labels as an organisation) are added from the text: datelines ("OKLAHOMA CITY (AP)
—", whatever their label), capitalised names right after a locative preposition ("in
Cirencester"), gazetteer names in capitalised runs no entity covers ("Owensboro Public Schools"),
and demonyms that modify a noun ("Russian diplomats", see `adjectival`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from newsgraph.fold import normalize_key
from newsgraph.gazetteer import Gazetteer, load_gazetteer
from newsgraph.model import Analysis
from newsgraph.places.adjectival import adjectival_candidates
from newsgraph.places.embedded import EMBEDDED_LABEL, inner_spans_of
from newsgraph.places.resolve import PLACE_LABELS, STRONG_ONLY_LABELS
from newsgraph.places.surface import CAPITAL, SurfaceReader, span_reading
from newsgraph.spans import SpanIndex, SpanSet
from newsgraph.times.startchars import with_start_chars

Candidate = tuple[int, int, str]
"""(start, end, spaCy label) of one possible place mention."""

UNLABELLED = ""
"""Label of a candidate no NER entity covers."""
_CAPS_PLACE = r"[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+){0,3}"
_JOINER = r"\s*/\s*|\s+(?:and|&)\s+|\s*&\s*"
DATELINE = re.compile(
    rf"^[ \t]*({_CAPS_PLACE}(?:(?:{_JOINER}){_CAPS_PLACE}){{0,2}})"
    r"(?=\s*(?:,\s*[A-Z]|\(|—|–|-\s))",
    re.MULTILINE,
)
"""An upper-case place at the start of a line, before a comma, "(AP)" or a dash; or two or
three joined by "/" or "and" ("BANGKOK/PHNOM PENH —", "GENEVA and WASHINGTON —")."""
JOINER = re.compile(_JOINER)
"""What joins the places of a dateline filed from more than one city."""
DATELINE_QUALIFIER = re.compile(r",\s*([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)(?=\s*(?:\(|—|–|-\s))")
"""The state or country after a dateline's comma, before "(AP)" or a dash: ", Calif. (AP)"."""
_RUN_WORD = rf"[{CAPITAL}](?:[\w'’.&-]*[\w'’.&])?"
CAPITALISED_RUN = with_start_chars(re.compile(rf"(?<![\w'’.-]){_RUN_WORD}(?: {_RUN_WORD})*"))
"""Adjacent capitalised words: where a name is, whether or not NER saw one."""
AFTER_PREPOSITION = with_start_chars(
    re.compile(
        rf"\b(?:[Ii]n|[Aa]t|[Ff]rom|[Nn]ear|[Oo]utside)\s+"
        rf"((?:[{CAPITAL}][\w'’.-]*)(?:\s+[{CAPITAL}][\w'’.-]*){{0,2}})"
    )
)
"""A capitalised run after in/at/from/near/outside. Both patterns open with a look-behind or a
word boundary, so they are compiled with their start characters (`times.startchars`): the search steps
over the positions where no match can begin instead of trying each."""


def candidates_for(analysis: Analysis, read: SurfaceReader | None = None) -> list[Candidate]:
    """Place candidates of a document, without mentions that belong to people or lie in a
    contributor note (`read`: a `SurfaceReader` of the document's text to share with
    resolution)."""
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
    datelines = _datelines(text)
    if datelines:  # a dateline is a place whatever label NER gave it ("NEW YORK (AP)": an ORG)
        in_dateline = SpanSet([(start, end) for start, end, _ in datelines])
        found = [c for c in found if not in_dateline.overlaps(c[0], c[1])]
        found += datelines
    notes = [(note.start, note.end) for note in analysis.document.notes]
    spans = [(start, end) for start, end, _ in found] + persons + notes
    after_preposition = _from_text(text, SpanSet(spans))
    if after_preposition:  # else the spans covered stay the same
        found += after_preposition
        spans += [(start, end) for start, end, _ in after_preposition]
    found += _uncovered_names(text, SpanSet(spans), read or SurfaceReader(text))
    found += adjectival_candidates(text, analysis.doc)
    if notes:  # "Reporting by Sofía Álvarez in Lima": the staff's places are not the story's
        in_notes = SpanSet(notes)
        found = [c for c in found if not in_notes.overlaps(c[0], c[1])]
    return _without_people(text, found, persons) if persons else found


def _without_people(
    text: str, found: list[Candidate], persons: list[tuple[int, int]]
) -> list[Candidate]:
    """The candidates that lie inside no person's name and are no named person's surname."""
    surnames = {
        normalize_key(text[s:e].split()[-1]) for s, e in persons if len(text[s:e].split()) > 1
    }
    people = SpanIndex.of_spans(persons)
    touching = SpanSet(persons)  # most candidates touch no name: one bisect says so
    result: list[Candidate] = []
    for start, end, label in found:
        # a span inside a person's name overlaps it (an empty one is checked against them all)
        if start < end:
            near = people.overlapping(start, end) if touching.overlaps(start, end) else ()
        else:
            near = persons
        if near and any(ps <= start and end <= pe and (ps, pe) != (start, end) for ps, pe in near):
            continue
        if surnames and normalize_key(text[start:end]) in surnames:
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


def _datelines(text: str) -> list[Candidate]:
    """Dateline places (as GPE), with the state or country after a comma ("OAKLAND, Calif.")."""
    result: list[Candidate] = []
    for match in DATELINE.finditer(text):
        start = match.start(1)
        for joiner in JOINER.finditer(text, start, match.end(1)):
            result.append((start, joiner.start(), "GPE"))
            start = joiner.end()
        result.append((start, match.end(1), "GPE"))
        qualifier = DATELINE_QUALIFIER.match(text, match.end(1))
        if qualifier:
            result.append((qualifier.start(1), qualifier.end(1), "GPE"))
    return result


def _uncovered_names(text: str, covered: SpanSet, read: SurfaceReader) -> list[Candidate]:
    """Gazetteer names in capitalised runs no entity covers: NER misses many ("Mexico" after a
    town and its state, "Owensboro Public Schools"). A run that is a name is unlabelled; a name
    inside a longer run counts as embedded in it, and needs the same support."""
    gazetteer = load_gazetteer()
    result: list[Candidate] = []
    for match in CAPITALISED_RUN.finditer(text):
        start, end = match.span()
        if covered.overlaps(start, end):
            continue
        inner = _run_names(gazetteer, text[start:end])
        if inner is None:
            result.append((start, end, UNLABELLED))
            continue
        for inner_start, inner_end in inner:  # read as `embedded.names_within` reads them
            surface = read(start + inner_start, start + inner_end)
            if surface is not None:  # always: the span has a reading
                result.append((surface.start, surface.end, EMBEDDED_LABEL))
    return result


@lru_cache(maxsize=1 << 15)
def _run_names(gazetteer: Gazetteer, run: str) -> tuple[tuple[int, int], ...] | None:
    """None when a capitalised run is itself a gazetteer name (what a surface read of it would
    look up), else where in it the names inside it lie (`embedded.inner_spans_of`, offsets in
    `run`): a run's own characters decide, and the same runs recur in every document."""
    reading = span_reading(run)
    if reading is None:
        return ()
    if gazetteer.has_key(reading.keys[0]) or (
        reading.dotted_key is not None and gazetteer.has_key(reading.dotted_key)
    ):
        return None
    lead = reading.lead
    return tuple((lead + s, lead + e) for s, e in inner_spans_of(gazetteer, reading.text))


def _from_text(text: str, covered: SpanSet) -> list[Candidate]:
    """Unlabelled names after a locative preposition."""
    result: list[Candidate] = []

    def free(start: int, end: int) -> bool:
        return not covered.overlaps(start, end)

    for match in AFTER_PREPOSITION.finditer(text):
        if free(match.start(1), match.end(1)):
            result.append((match.start(1), match.end(1), UNLABELLED))
    return result
