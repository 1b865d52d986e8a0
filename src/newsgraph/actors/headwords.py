"""A multi-word name's last word says what kind of thing it names.

"Saudi Gazette" and "Edmonton Sun" are newspapers whatever spaCy guessed (a place, a person);
"Century City Towers" and "Shandao Station" are places, not organisations. Only names the
knowledge base does not know are retyped.
"""

from __future__ import annotations

from typing import Any

from newsgraph.actors.names import NameMention, fold
from newsgraph.words import words_of

MEDIA_HEADS = frozenset(
    {"gazette", "news", "times", "post", "herald", "tribune", "journal", "star", "sun",
     "telegraph", "chronicle", "mirror", "weekly", "daily", "magazine", "radio", "tv",
     "television", "broadcasting", "press", "courier", "examiner", "observer", "inquirer"}
)  # fmt: skip
"""Last words of a newspaper's or broadcaster's name: an organisation."""

FACILITY_HEADS = frozenset(
    {"tower", "towers", "station", "road", "street", "avenue", "boulevard", "bridge", "airport",
     "stadium", "square", "cave", "mosque", "cathedral", "temple", "palace", "plaza", "highway",
     "motorway", "memorial", "monument", "terminal", "pier", "dam", "canal", "tunnel"}
)  # fmt: skip
"""Last words of a building's or structure's name: a facility (a place)."""

RETYPED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
"""Labels a head word may overrule (NORP names a group and keeps its label)."""


def retype_by_head(doc: Any, mentions: list[NameMention]) -> None:
    """Give every multi-word name the type its last word implies."""
    texts = words_of(doc).texts
    for m in mentions:
        if m.kb is not None or m.tend - m.tstart < 2 or m.label not in RETYPED_LABELS:
            continue
        head = fold(texts[m.tend - 1])
        if head in MEDIA_HEADS:
            m.label = "ORG"
        elif head in FACILITY_HEADS:
            m.label = "FAC"
