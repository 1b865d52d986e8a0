"""Toponym resolution: pick one gazetteer entry per mention, using the whole document as context.

Each candidate entry gets a score: the size of the place (log population), what kind of place it
is (a country outranks a town of the same name), whether the mention uses its own name, and what
the rest of the document says (a country or division named elsewhere, or right after a comma as in
"Paris, Texas"). Resolution runs twice: the first pass, without context, finds the countries and
divisions the document is about (demonyms included: "Irish" speaks for Dublin, Ireland); the
second uses them. Ordinary English words that are also town names ("Mobile", "Of", "March") need
that context before they become places. A mention NER did not call a place needs more: the
place's own name and a country, capital, big town, a qualifier, a local body ("Boise Police") or a
locative preposition. Demonyms resolve to their country or region; buildings the gazetteer lacks
take the point of the town beside them (`facilities`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from newsgraph.fold import normalize_key
from newsgraph.gazetteer import (
    Gazetteer,
    GazetteerEntry,
    common_words,
    demonym_table,
    demonyms,
    load_gazetteer,
)
from newsgraph.model import Place, PlaceFeature
from newsgraph.places.adjectival import ADJECTIVAL_LABEL
from newsgraph.places.containment import follows_member, qualifier_entries_of, within
from newsgraph.places.cues import after_locative
from newsgraph.places.embedded import EMBEDDED_LABEL, names_local_body, with_embedded
from newsgraph.places.facilities import Towns, container_index, is_facility
from newsgraph.places.surface import Surface, SurfaceReader
from newsgraph.spans import SpanSet

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
"""spaCy labels whose mentions are place candidates."""
STRONG_ONLY_LABELS = frozenset(
    {"ORG", "PERSON", "NORP", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART", "LANGUAGE", ""}
)
"""Labels spaCy's small model also puts on places ("Russia" as ORG, "Tamil Nadu" as PERSON), and
"" for text no entity covers: a country, division or region name counts, a town only after a
locative preposition ("in Cirencester") or with its state after a comma."""
PREPOSITION_LABELS = frozenset({"PERSON", "NORP", "PRODUCT", "ORG", ""})
"""Non-place labels under which a town counts after a locative preposition."""
NAME_ONLY_LABELS = STRONG_ONLY_LABELS | {EMBEDDED_LABEL}
"""Labels under which a match must be on the place's own name, unless a preposition says place."""
DATELINE_LABEL = "DATELINE"
"""A city of the story's wire dateline ("GENEVA —", "JUBA, South Sudan (Reuters) -"): the city a
reader takes it for, the one the dateline's own qualifier names, else the most prominent of that
name (a capital, the biggest town), never a namesake the rest of the text pulls toward ("GENEVA"
is not Geneva, Illinois because the story names the United States). Other mentions of the same
name in the document take the same place."""
DATELINE_QUALIFIER_LABEL = "DATELINE_QUALIFIER"
"""The state or country after a dateline city's comma ("ATLANTA, Georgia —"): resolved as a GPE,
but to the entry of that name that holds the city (the US state, not the country Georgia)."""

FEATURE_BONUS = {"country": 3.5, "admin1": 0.5, "city": 0.0, "region": 0.0, "other": 0.0}
"""A country outranks a same-named town; a division is a little ahead of a town of its size."""
REGION_BASE = 7.0
"""Curated regions have no population; score them like a place of ten million."""
ADMIN1_POPULATION_DISCOUNT = 5
"""Division populations are summed over all their towns; divide so they compare with towns."""
PRIMARY_NAME_BONUS = 1.0
MIN_HEAD_NAME = 4
"""Shortest first part of a name that counts as the name ("Frankfurt am Main"; not "St")."""
"""The place's own name ("Paris") beats an alternate name that happens to match ("Parys")."""
CAPITAL_BONUS = 0.7
SMALL_TOWN = 5000
SMALL_TOWN_PENALTY = 0.5
"""A village rarely makes the news unless the text says where it is: document context alone
should not pull "London" to a village of two thousand in a story that also names California."""
COUNTRY_CONTEXT_BONUS = 1.5
COUNTRY_CONTEXT_STEP = 0.5
COUNTRY_CONTEXT_MAX = 3.5
"""Another mention in the same country: 1.5, plus 0.5 per further mention, at most 3.5."""
ADMIN1_CONTEXT_BONUS = 1.5
"""The place's division is named elsewhere in the document ("Texas" for Paris, Texas)."""
QUALIFIER_BONUS = 5.0
"""The division or country follows after a comma ("Moscow, Idaho")."""
BIG_CITY = 100_000
"""A national capital or a town this size beats a same-named division (New York, Moscow)."""
STRONG_CITY = 1_000_000
"""A town or division this size counts as a strong signal under a non-place NER label (summed
town population for divisions: "Tamil Nadu" labelled PERSON, but not Cape Verde's "Paul")."""
SHORT_CODE = 4
"""All-caps mentions this short ("WA", "NATO") are codes: never a town that happens to share it."""
CONFIDENT_CITY = 100_000
"""A first-pass town this size (or a country, division, region) sets the document's context."""


class Resolution(NamedTuple):
    """The chosen entry for one mention, with the span actually covered (a named tuple, as
    `Surface` is: one is built for most mentions of every document)."""

    surface: Surface
    end: int
    entry: GazetteerEntry
    score: float
    key: str
    """The lookup key that matched."""
    adjectival: bool = False
    """A demonym naming the place ("Russian" for Russia)."""
    facility: bool = False
    """A building or street the gazetteer lacks, placed at the town that `entry` is."""


@dataclass(slots=True)
class Context:
    """What the rest of the document says about where it is: the countries and divisions of every
    confident mention, less those of the mentions that share this mention's key.

    The document's totals are counted once and shared; each key keeps only its own counts, so
    building the contexts is linear in the number of mentions, not quadratic.
    """

    countries: dict[str, int]
    """Confident mentions per country, in the whole document."""
    admin1s: dict[str, int]
    """Confident mentions per division (normalised name), in the whole document."""
    own_countries: dict[str, int]
    own_admin1s: dict[str, int]
    """The same, of the mentions with this mention's key only (plain dicts read with `get`:
    a Counter is slower to build and to ask about a key it lacks)."""

    def country_count(self, iso3: str) -> int:
        """Confident mentions of other keys in the country `iso3`."""
        return self.countries.get(iso3, 0) - self.own_countries.get(iso3, 0)

    def names_admin1(self, key: str) -> bool:
        """Whether a mention of another key names the division `key`."""
        return self.admin1s.get(key, 0) > self.own_admin1s.get(key, 0)


def _empty_context() -> Context:
    return Context({}, {}, {}, {})


def resolve_toponyms(
    text: str, candidates: list[tuple[int, int, str]], read: SurfaceReader | None = None
) -> list[Place]:
    """Resolve NER place candidates (start, end, label) to Place records "P1", "P2", ...

    One Place per resolved mention, in text order; mentions that are not places (demonyms, common
    words without support, names the gazetteer lacks) are left out.
    """
    if not candidates:  # no mention, no place (a document that names none is common)
        return []
    gazetteer = load_gazetteer()
    reader = read if read is not None and read.text is text else SurfaceReader(text)
    qualifier_starts = {s for s, _, label in candidates if label == DATELINE_QUALIFIER_LABEL}
    if qualifier_starts:
        candidates = [
            (s, e, "GPE" if label == DATELINE_QUALIFIER_LABEL else label)
            for s, e, label in candidates
        ]
    read_mentions = _read_mentions(candidates, reader)
    mentions = with_embedded(text, gazetteer, read_mentions, reader)
    # what does not depend on the context is read once, for both passes
    matches = [_match(gazetteer, s, label) for s, label in mentions]
    first = [
        _best(text, gazetteer, surface, label, match, None)
        for (surface, label), match in zip(mentions, matches, strict=True)
    ]
    context_by_key = _contexts(first)
    resolved: list[Resolution] = []
    empty = _empty_context()
    # mentions of one match share its key, so its context and choices: each read once
    choices: dict[tuple[int, bool], _Choice | None] = {}
    city: Resolution | None = None  # the last dateline city, for the qualifier after it
    for (surface, label), match, alone in zip(mentions, matches, first, strict=True):
        if not isinstance(match, _Match) or alone is None:
            continue
        # the dateline's reading, without the document's context, holds for its name
        if label == DATELINE_LABEL:
            city = alone
            choices[(id(match), False)] = choices[(id(match), True)] = match.alone[False]
        elif surface.start in qualifier_starts and city is not None:
            choice = _holding(match, city.entry)
            if choice is not None:
                choices[(id(match), False)] = choices[(id(match), True)] = choice
    for (surface, label), match, alone in zip(mentions, matches, first, strict=True):
        resolution = alone
        if isinstance(match, _Match) and label != DATELINE_LABEL:
            name_only = label in NAME_ONLY_LABELS
            memo = (id(match), name_only)
            context = context_by_key.get(surface.keys[0]) or empty
            if memo in choices:
                choice = choices[memo]
            else:
                scored = _in_context(match, context)
                choice = choices[memo] = (
                    None if scored is None else _choose(scored, match.key, name_only)
                )
            if choice is not None:
                resolution = _best(text, gazetteer, surface, label, match, context, choice)
        if resolution is not None:
            resolved.append(resolution)
    kept = _without_covered_adjectives(resolved)
    kept = sorted(
        kept + _facilities(text, read_mentions, kept), key=lambda r: (r.surface.start, r.end)
    )
    return [_place(f"P{number}", r) for number, r in enumerate(kept, start=1)]


def _holding(match: _Match, city: GazetteerEntry) -> _Choice | None:
    """A dateline qualifier's choice: the best-scoring entry of its name that holds the dateline's
    city ("Georgia" after Atlanta is the state), None when none does."""
    holding = [
        (score, entry)
        for score, entry in zip(match.scores, match.entries, strict=True)
        if within(city, entry)
    ]
    if not holding:
        return None
    score, entry = _ranked([s for s, _ in holding], [e for _, e in holding])[0]
    return _Choice(score, entry, _own_name(entry, match.key) or match.alone[False].own_name)


def _facilities(
    text: str, mentions: list[tuple[Surface, str]], resolved: list[Resolution]
) -> list[Resolution]:
    """Unresolved building and street names, placed at the town the text puts them in."""
    towns = [r for r in resolved if not r.adjectival]
    spans = Towns([(r.surface.start, r.end, r.entry.feature) for r in towns])
    placed = SpanSet([(r.surface.start, r.end) for r in resolved])
    result: list[Resolution] = []
    for surface, label in mentions:
        if placed.overlaps(surface.start, surface.end) or not is_facility(surface, label):
            continue
        index = container_index(text, surface, spans)
        if index is not None:
            town = towns[index]
            result.append(
                Resolution(surface, surface.end, town.entry, 0.0, surface.keys[0], facility=True)
            )
    return result


def _without_covered_adjectives(resolved: list[Resolution]) -> list[Resolution]:
    """A demonym inside a resolved name ("English Channel") is part of that name, not a place."""
    names = SpanSet([(r.surface.start, r.end) for r in resolved if not r.adjectival])
    return [r for r in resolved if not r.adjectival or not names.overlaps(r.surface.start, r.end)]


def _read_mentions(
    candidates: list[tuple[int, int, str]], read: SurfaceReader
) -> list[tuple[Surface, str]]:
    seen: set[tuple[int, int]] = set()
    result: list[tuple[Surface, str]] = []
    widened_end = -1  # the end of the last span `surface` widened to a longer country name
    # a demonym candidate wins over an NER label on the same span ("Russian" as NORP or GPE)
    for start, end, label in sorted(
        candidates, key=lambda c: (c[0], c[1], c[2] != ADJECTIVAL_LABEL)
    ):
        if (start, end) in seen:
            continue
        seen.add((start, end))
        surface = read(start, end)
        if surface is None or surface.start < widened_end:
            continue  # "Bissau" inside the "Guinea-Bissau" a split headline span was widened to
        if surface.end > end or surface.start < start:
            widened_end = surface.end
        result.append((surface, label))
    return result


def _contexts(first: list[Resolution | None]) -> dict[str, Context]:
    """For each mention key, the context formed by every *other* confident mention."""
    countries: dict[str, int] = {}
    admin1s: dict[str, int] = {}
    nothing: dict[str, int] = {}  # the own counts of a key with no confident mention
    own: dict[str, tuple[dict[str, int], dict[str, int]]] = {}
    for r in first:
        if r is None:
            continue
        key = r.surface.keys[0]
        if not _confident(r.entry):
            own.setdefault(key, (nothing, nothing))
            continue
        pair = own.get(key)
        if pair is None or pair[0] is nothing:
            pair = own[key] = ({}, {})
        own_countries, own_admin1s = pair
        country = r.entry.country
        if country:
            countries[country] = countries.get(country, 0) + 1
            own_countries[country] = own_countries.get(country, 0) + 1
        if r.entry.feature == "admin1" and r.entry.admin1:
            division = r.entry.primary_key
            admin1s[division] = admin1s.get(division, 0) + 1
            own_admin1s[division] = own_admin1s.get(division, 0) + 1
    return {
        key: Context(countries, admin1s, own_countries, own_admin1s)
        for key, (own_countries, own_admin1s) in own.items()
    }


def _confident(entry: GazetteerEntry) -> bool:
    return entry.feature != "city" or entry.population >= CONFIDENT_CITY or entry.capital


@dataclass(frozen=True, slots=True)
class _Choice:
    """The entry `_best` takes from a ranking, with its score, and whether the mention names it by
    its own name (or the top-ranked entry's: "New York" names the state, and the city it prefers
    inherits that)."""

    score: float
    entry: GazetteerEntry
    own_name: bool


@dataclass(frozen=True, slots=True)
class _Match:
    """A mention's gazetteer entries and what the scores owe to the mention alone: remembered for
    the process per reading (`_read_match`), shared by every mention that reads the same."""

    key: str
    """The lookup key that matched."""
    entries: list[GazetteerEntry]
    dot: int
    """1 when the match takes in the mention's final dot (its dotted key), else 0."""
    qualifiers: list[GazetteerEntry]
    scores: list[float]
    """`_score` of each entry without context, in the order of `entries`."""
    alone: tuple[_Choice, _Choice]
    """`_choose` of the ranking without context, for a label outside `NAME_ONLY_LABELS` and for
    one inside (the ranking whenever the context adds nothing)."""
    demonym: bool
    """The matched key is a demonym (never a place by itself)."""
    common: bool
    """The matched key is also an ordinary English word (`common_words`)."""


def _match(gazetteer: Gazetteer, surface: Surface, label: str) -> _Match | Resolution | None:
    """A demonym's resolution, a mention's entries, or None when nothing matches: the part of
    `_best` that the document's context does not change, read once for both passes."""
    if label == ADJECTIVAL_LABEL:
        return _adjectival(gazetteer, surface)
    return _read_match(gazetteer, surface.keys, surface.dotted_key, surface.qualifier_keys)


@lru_cache(maxsize=1 << 15)
def _read_match(
    gazetteer: Gazetteer,
    keys: tuple[str, ...],
    dotted_key: str | None,
    qualifier_keys: tuple[str, ...],
) -> _Match | None:
    """`_match` of a mention that is no demonym candidate, by what it reads (its keys, dotted key
    and qualifier keys): remembered for the process, the same names recurring in every document.
    The lists it holds are never changed."""
    if keys[0] in demonyms():
        return None
    matched_key, entries, dot = _lookup(gazetteer, keys, dotted_key)
    if not entries:
        return None
    qualifiers = qualifier_entries_of(gazetteer, qualifier_keys)
    scores = [_score(e, matched_key, qualifiers) for e in entries]
    ranked = _ranked(scores, entries)
    alone = (_choose(ranked, matched_key, False), _choose(ranked, matched_key, True))
    return _Match(
        matched_key,
        entries,
        dot,
        qualifiers,
        scores,
        alone,
        matched_key in demonyms(),
        matched_key in common_words(),
    )


def _ranked(
    scores: list[float], entries: list[GazetteerEntry]
) -> list[tuple[float, GazetteerEntry]]:
    """(score, entry) pairs, best first (the earlier row of equals)."""
    return sorted(zip(scores, entries, strict=True), key=lambda pair: (-pair[0], pair[1].row))


def _choose(scored: list[tuple[float, GazetteerEntry]], key: str, name_only: bool) -> _Choice:
    """The entry a ranking gives a mention matched by `key` (`name_only`: under a label of
    `NAME_ONLY_LABELS`)."""
    score, entry = _prefer_city_over_division(scored)
    # "New York" names the state by its own name; the city it prefers inherits that
    own_name = scored[0][1].primary_key == key
    if name_only and not own_name:
        # "Riverdale" is some town's own name before it is another's alternate name
        named = [pair for pair in scored if _own_name(pair[1], key)]
        if named:
            (score, entry), own_name = named[0], True
    return _Choice(score, entry, _own_name(entry, key) or own_name)


def _best(
    text: str,
    gazetteer: Gazetteer,
    surface: Surface,
    label: str,
    match: _Match | Resolution | None,
    context: Context | None,
    choice: _Choice | None = None,
) -> Resolution | None:
    """The best-scoring entry for a mention (`match`: its `_match`; `choice`: `_choose` of its
    ranking in `context`, see `_in_context`), or None when it should not become a place."""
    if not isinstance(match, _Match):
        return match
    if choice is None:
        choice = match.alone[label in NAME_ONLY_LABELS]
    if not _acceptable(text, gazetteer, surface, label, match, choice, context):
        return None
    return Resolution(surface, surface.end + match.dot, choice.entry, choice.score, match.key)


def _in_context(match: _Match, context: Context) -> list[tuple[float, GazetteerEntry]] | None:
    """A mention's ranking with what the rest of the document says, or None where that adds
    nothing to any entry's score. Its `_best` is then the one without context: the ranking is the
    same, and so is every test (the context counts only where some entry's country has another
    mention, and that would have raised the entry's score)."""
    if context.countries == context.own_countries and context.admin1s == context.own_admin1s:
        return None  # no mention of another key: no count, so no entry's score changes
    scores = [
        _with_context(s, e, context) for s, e in zip(match.scores, match.entries, strict=True)
    ]
    return None if scores == match.scores else _ranked(scores, match.entries)


def _adjectival(gazetteer: Gazetteer, surface: Surface) -> Resolution | None:
    """The country or region a demonym names ("Russian" → Russia, "European" → Europe)."""
    demonym = demonym_table().get(surface.keys[0])
    if demonym is None:
        return None
    entry: GazetteerEntry | None = None
    if demonym.iso3:
        entry = gazetteer.country(demonym.iso3)
    elif demonym.region:
        regions = [e for e in gazetteer.lookup(demonym.region) if e.feature == "region"]
        entry = regions[0] if regions else None
    if entry is None:
        return None
    return Resolution(surface, surface.end, entry, 0.0, surface.keys[0], adjectival=True)


def _lookup(
    gazetteer: Gazetteer, keys: tuple[str, ...], dotted_key: str | None
) -> tuple[str, list[GazetteerEntry], int]:
    """The key that matches, its entries and how far past the mention they reach (1: its dot)."""
    if dotted_key and gazetteer.has_key(dotted_key):
        return dotted_key, gazetteer.lookup_key(dotted_key), 1
    for key in keys:
        entries = gazetteer.lookup_key(key)
        if entries:
            return key, entries, 0
    return "", [], 0


def _score(entry: GazetteerEntry, key: str, qualifiers: list[GazetteerEntry]) -> float:
    """An entry's score from its size, kind and name and the mention's qualifiers."""
    if entry.feature == "region":
        score = REGION_BASE + math.log10(entry.population + 1) / 10
    else:
        population = entry.population
        if entry.feature == "admin1":
            population //= ADMIN1_POPULATION_DISCOUNT
        score = math.log10(population + 10)
    score += FEATURE_BONUS[entry.feature]
    if entry.feature == "city" and entry.population < SMALL_TOWN:
        score -= SMALL_TOWN_PENALTY
    if _named_by(entry, key):
        score += PRIMARY_NAME_BONUS
    if entry.capital:
        score += CAPITAL_BONUS
    for qualifier in qualifiers:
        if within(entry, qualifier):
            score += QUALIFIER_BONUS
            break
    return score


def _with_context(score: float, entry: GazetteerEntry, context: Context) -> float:
    """`score` (the entry's `_score`) plus what the rest of the document says for the entry."""
    count = context.country_count(entry.country or "")
    if count:
        score += min(
            COUNTRY_CONTEXT_MAX, COUNTRY_CONTEXT_BONUS + COUNTRY_CONTEXT_STEP * (count - 1)
        )
    if (
        entry.feature != "admin1"
        and entry.admin1
        and context.names_admin1(_division_key(entry.admin1))
    ):
        score += ADMIN1_CONTEXT_BONUS
    return score


@lru_cache(maxsize=1 << 14)
def _division_key(admin1: str) -> str:
    """`normalize_key` of a division's name, folded once per process."""
    return normalize_key(admin1)


def _prefer_city_over_division(
    scored: list[tuple[float, GazetteerEntry]],
) -> tuple[float, GazetteerEntry]:
    """A capital or big town beats a same-named division of its country ("Moscow", "New York")."""
    score, best = scored[0]
    if best.feature != "admin1":
        return score, best
    for other_score, other in scored[1:]:
        if (
            other.feature == "city"
            and other.country == best.country
            and (other.capital or (other.population >= BIG_CITY and other.admin1 == best.admin1))
        ):
            return other_score, other
    return score, best


def _acceptable(
    text: str,
    gazetteer: Gazetteer,
    surface: Surface,
    label: str,
    match: _Match,
    choice: _Choice,
    context: Context | None,
) -> bool:
    """Whether a match is strong enough for the mention's label and wording (the tests that
    read the text run only where the answer needs them)."""
    entry = choice.entry
    if label == DATELINE_LABEL:  # a dateline is a place, its capitals are no code ("KYIV —")
        return not match.demonym and (
            not match.common or _qualified(text, gazetteer, surface, entry, match.qualifiers)
        )
    if (
        entry.feature == "city"
        and surface.text.isupper()
        and sum(map(str.isalpha, surface.text)) <= SHORT_CODE
    ):
        return False
    if match.demonym:
        return False
    own_name = choice.own_name
    if label in NAME_ONLY_LABELS:
        if match.common:
            return False
        if not own_name:  # "from Misrata" (GeoNames: Misratah), but never a bare alternate name
            return _after_preposition(text, surface, label)
        strong = entry.feature == "country" or entry.population >= STRONG_CITY or entry.capital
        if entry.feature == "region":
            strong = label in PLACE_LABELS or entry.union or entry.landmark
        return (
            strong
            or _after_preposition(text, surface, label)
            or _qualified(text, gazetteer, surface, entry, match.qualifiers)
            or names_local_body(text, surface)
        )
    if label == "FAC" and not own_name:
        return False
    if match.common:
        if surface.sentence_initial or label not in ("GPE", "LOC"):
            return False
        if context is not None and context.country_count(entry.country or ""):
            return True
        return _qualified(text, gazetteer, surface, entry, match.qualifiers)
    return True


def _after_preposition(text: str, surface: Surface, label: str) -> bool:
    """A locative preposition before the mention, under a label that a town may have there."""
    return (
        label in PREPOSITION_LABELS
        and not surface.sentence_initial
        and after_locative(text, surface.start, label)
    )


def _qualified(
    text: str,
    gazetteer: Gazetteer,
    surface: Surface,
    entry: GazetteerEntry,
    qualifiers: list[GazetteerEntry],
) -> bool:
    """A qualifier after the mention holds the entry, or the entry holds the place before it."""
    return any(within(entry, q) for q in qualifiers) or follows_member(
        text, gazetteer, surface, entry
    )


def _own_name(entry: GazetteerEntry, key: str) -> bool:
    """A place's own name; any name of a country, union or landmark is its own ("America",
    "EU", "the Kremlin")."""
    return _named_by(entry, key) or entry.feature == "country" or entry.union or entry.landmark


def _named_by(entry: GazetteerEntry, key: str) -> bool:
    """The key is the place's name, or its name's head: "Frankfurt" for "Frankfurt am Main"."""
    primary = entry.primary_key
    return primary == key or (primary.startswith(key + " ") and len(key) >= MIN_HEAD_NAME)


def _region(resolution: Resolution) -> str | None:
    """The part-of-place word, unless it belongs to the name itself ("West Bank", "North Korea")."""
    region = resolution.surface.region
    if region and resolution.key.startswith(normalize_key(region) + " "):
        return None
    return region


def _place(place_id: str, resolution: Resolution) -> Place:
    entry = resolution.entry
    surface = resolution.surface
    if resolution.facility:
        return Place(
            id=place_id,
            start=surface.start,
            end=resolution.end,
            name=surface.text,
            geonameid=None,
            lat=entry.lat,
            lon=entry.lon,
            country=entry.country,
            feature="other",
            admin1=entry.admin1,
        )
    feature: PlaceFeature = entry.feature
    return Place(
        id=place_id,
        start=surface.start,
        end=resolution.end,
        name=entry.name,
        geonameid=entry.geonameid,
        lat=entry.lat,
        lon=entry.lon,
        country=entry.country,
        feature=feature,
        admin1=entry.admin1 if entry.feature != "country" else None,
        region=None if resolution.adjectival else _region(resolution),
        population=entry.population or None,
        adjectival=resolution.adjectival,
    )
