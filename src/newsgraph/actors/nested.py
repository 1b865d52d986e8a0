"""Names inside longer names: "Irving" in "Irving Police Department", "Google" in "Google
Science Fair", "Canada" in "Environment Canada".

An analyst searching for a place or a company wants these too, so the inner name becomes a
mention of its own entity, marked `nested`. It never acts on its own: the outer name is the
actor, so participant and speaker look-ups skip nested mentions.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from newsgraph.actors.names import NameMention
from newsgraph.fold import normalize_key
from newsgraph.gazetteer import common_words, load_gazetteer
from newsgraph.kb import KBEntry, KnowledgeBase
from newsgraph.words import syntax_of, words_of

OUTER_LABELS = frozenset({"ORG", "FAC"})
"""Names whose inner names are looked for (a person's or place's words are its own)."""

INNER_KB_TYPES = frozenset({"ORG", "GPE"})
"""Knowledge-base entries that may stand inside a longer name."""

MAX_INNER_TOKENS = 6
"""Longest inner name tried ("Democratic Republic of the Congo")."""

GAZETTEER_FEATURES = frozenset({"country", "admin1", "city"})
"""Gazetteer places that may stand inside a name; regions and landmarks are too vague."""

MIN_CITY_POPULATION = 100_000
"""A city inside a name must be this large: small towns share their names with people and
ordinary words ("Wells Fargo" is no Somerset town's)."""

MIN_ADMIN1_POPULATION = 500_000
"""A province or state inside a name must be this large (Wyoming is; the Isle of Man's
"Douglas" parish, as in "McDonnell Douglas", is not)."""

SKIPPED_WORDS = frozenset({"the", "of", "and", "for", "&"})
"""Words an inner name never starts or ends with."""


@lru_cache(maxsize=1 << 14)
def _gazetteer_place(text: str) -> bool:
    """Whether a gazetteer place this large has the name (the gazetteer is read once per process,
    so the answer depends on the name alone: kept per name, as windows repeat)."""
    if text.lower() in common_words():
        return False
    key = normalize_key(text)
    for entry in load_gazetteer().lookup(text)[:1]:
        if entry.primary_key != key or entry.feature not in GAZETTEER_FEATURES:
            return False
        if entry.feature == "city":
            return entry.population >= MIN_CITY_POPULATION
        return entry.feature == "country" or entry.population >= MIN_ADMIN1_POPULATION
    return False


def _inner_name(text: str, kb: KnowledgeBase) -> tuple[str, KBEntry | None] | None:
    """The label (and knowledge-base entry) of a name that can stand inside another."""
    entry = kb.best(text)
    if entry is not None:
        if entry.type in INNER_KB_TYPES and not entry.is_agency:
            return entry.type, entry
        return None
    if kb.country_by_name(text) is not None or _gazetteer_place(text):
        return "GPE", None
    return None


def _inside(doc: Any, outer: NameMention, kb: KnowledgeBase) -> list[NameMention]:
    """Longest-first inner names of one outer name, left to right, never the whole name."""
    found: list[NameMention] = []
    words, punct = words_of(doc), syntax_of(doc).punct
    texts, lower, capital = words.texts, words.lower, words.capital
    # whether each word of the outer name may start or end an inner one (not "the", "of"),
    # read once: the windows ask again and again
    usable = [capital[k] and lower[k] not in SKIPPED_WORDS for k in range(outer.tstart, outer.tend)]
    base = outer.tstart
    if True not in usable:
        return found
    # a window that holds every usable word of the outer name is the whole name: it starts at
    # or before the first usable word and ends after the last
    first_usable = base + usable.index(True)
    last_usable = outer.tend - 1 - usable[::-1].index(True)
    # punctuation (other than a dotted abbreviation) breaks every window that holds it
    broken = [punct[k] and "." not in texts[k] for k in range(outer.tstart, outer.tend)]
    i = outer.tstart
    while i < outer.tend:
        if not usable[i - base]:
            i += 1
            continue
        hit: tuple[int, str, KBEntry | None] | None = None
        # the windows from i end at or before the first break at or after i
        stop = broken.index(True, i - base) + base if True in broken[i - base :] else outer.tend
        for j in range(min(outer.tend, i + MAX_INNER_TOKENS), i, -1):
            if i <= first_usable and j > last_usable:
                continue
            if not usable[j - 1 - base]:
                continue
            if j > stop:
                continue
            inner = _inner_name(words.span_text(i, j), kb)
            if inner is not None:
                hit = (j, *inner)
                break
        if hit is None:
            i += 1
            continue
        j, label, entry = hit
        if entry is not None and outer.kb is not None and entry.id == outer.kb.id:
            i = j
            continue
        start, end = words.start[i], words.end[j - 1]
        found.append(NameMention(i, j, start, end, label, entry, from_kb=entry is not None))
        found[-1].nested = True
        i = j
    return found


def nested_mentions(doc: Any, outers: list[NameMention], kb: KnowledgeBase) -> list[NameMention]:
    """Inner names of organisation and facility names (and of dropped event names, passed in
    `outers` with any label), marked `nested`."""
    found: list[NameMention] = []
    for outer in outers:
        if outer.tend - outer.tstart > 1:
            found += _inside(doc, outer, kb)
    return found


def outer_names(mentions: list[NameMention]) -> list[NameMention]:
    """The mentions whose inner names are looked for."""
    return [m for m in mentions if m.label in OUTER_LABELS and not m.nested]
