"""Toponym resolution: pick one gazetteer entry per mention, using the whole document as context.

Each candidate entry gets a score: the size of the place (log population), what kind of place it
is (a country outranks a town of the same name), whether the mention uses its own name, and what
the rest of the document says (a country or division named elsewhere, or right after a comma as in
"Paris, Texas"). Resolution runs twice: the first pass, without context, finds the countries and
divisions the document is about; the second uses them. Ordinary English words that are also town
names ("Mobile", "Of", "March") need that context before they become places.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from newsgraph.model import Place, PlaceFeature
from newsgraph.places.gazetteer import (
    Gazetteer,
    GazetteerEntry,
    common_words,
    demonyms,
    load_gazetteer,
)
from newsgraph.places.normalize import normalize_key
from newsgraph.places.surface import Surface, read_surface

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
"""spaCy labels whose mentions are place candidates."""
STRONG_ONLY_LABELS = frozenset(
    {"ORG", "PERSON", "NORP", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART", "LANGUAGE", ""}
)
"""Labels spaCy's small model also puts on places ("Russia" as ORG, "Tamil Nadu" as PERSON), and
"" for text no entity covers: a country, division or region name counts, a town only after a
locative preposition ("in Cirencester") or with its state after a comma."""
EMBEDDING_LABELS = frozenset({"ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"})
"""Names that may contain a place name: "University of California", "Zimbabwe Electoral Commission"."""
LOCATIVE_BEFORE = re.compile(r"\b(?:in|from|near|outside|across|around)\s+$")
"""A preposition right before a mention, which makes a town reading likely ("at" is left out:
"at Harvard", "at Google" name organisations)."""
EMBEDDED_LABEL = "EMBEDDED"
"""Pseudo-label of a place name found inside an organisation-like mention."""
PREPOSITION_LABELS = frozenset({"PERSON", "NORP", "PRODUCT", "ORG", ""})
"""Non-place labels under which a town counts after a locative preposition."""
ORG_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|outside)\s+$")
"""For ORG-labelled mentions only these count ("a study from Stanford" names a university)."""
MAX_EMBEDDED_WORDS = 4

FEATURE_BONUS = {"country": 3.5, "admin1": 0.5, "city": 0.0, "region": 0.0, "other": 0.0}
"""A country outranks a same-named town; a division is a little ahead of a town of its size."""
REGION_BASE = 7.0
"""Curated regions have no population; score them like a place of ten million."""
ADMIN1_POPULATION_DISCOUNT = 5
"""Division populations are summed over all their towns; divide so they compare with towns."""
PRIMARY_NAME_BONUS = 1.0
"""The place's own name ("Paris") beats an alternate name that happens to match ("Parys")."""
CAPITAL_BONUS = 0.7
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


@dataclass(frozen=True, slots=True)
class Resolution:
    """The chosen entry for one mention, with the span actually covered."""

    surface: Surface
    end: int
    entry: GazetteerEntry
    score: float
    key: str
    """The lookup key that matched."""


@dataclass(slots=True)
class Context:
    """What the document as a whole says about where it is."""

    countries: Counter[str]
    admin1s: set[str]
    """Normalised names of divisions named in the document."""


def resolve_toponyms(text: str, candidates: list[tuple[int, int, str]]) -> list[Place]:
    """Resolve NER place candidates (start, end, label) to Place records "P1", "P2", ...

    One Place per resolved mention, in text order; mentions that are not places (demonyms, common
    words without support, names the gazetteer lacks) are left out.
    """
    gazetteer = load_gazetteer()
    mentions = _read_mentions(text, candidates)
    mentions = _with_embedded(text, gazetteer, mentions)
    first = [_best(text, gazetteer, s, label, None) for s, label in mentions]
    context_by_key = _contexts(first)
    places: list[Place] = []
    for (surface, label), _ in zip(mentions, first, strict=True):
        context = context_by_key.get(surface.keys[0], Context(Counter(), set()))
        resolution = _best(text, gazetteer, surface, label, context)
        if resolution is not None:
            places.append(_place(f"P{len(places) + 1}", resolution))
    return places


def _read_mentions(text: str, candidates: list[tuple[int, int, str]]) -> list[tuple[Surface, str]]:
    seen: set[tuple[int, int]] = set()
    result: list[tuple[Surface, str]] = []
    for start, end, label in sorted(candidates):
        if (start, end) in seen:
            continue
        seen.add((start, end))
        surface = read_surface(text, start, end)
        if surface is not None:
            result.append((surface, label))
    return result


def _with_embedded(
    text: str, gazetteer: Gazetteer, mentions: list[tuple[Surface, str]]
) -> list[tuple[Surface, str]]:
    """Replace an organisation-like mention the gazetteer lacks by the place names inside it."""
    result: list[tuple[Surface, str]] = []
    for surface, label in mentions:
        if label not in EMBEDDING_LABELS or any(gazetteer.has_key(k) for k in surface.keys):
            result.append((surface, label))
            continue
        result += [(inner, EMBEDDED_LABEL) for inner in _inner_names(text, gazetteer, surface)]
    return result


def _inner_names(text: str, gazetteer: Gazetteer, surface: Surface) -> list[Surface]:
    """Longest runs of capitalised words inside a mention that name a place, left to right."""
    words = [(m.start(), m.end()) for m in re.finditer(r"[\w.'’&-]+", surface.text)]
    found: list[Surface] = []
    index = 0
    while index < len(words):
        for size in range(min(MAX_EMBEDDED_WORDS, len(words) - index), 0, -1):
            start = surface.start + words[index][0]
            end = surface.start + words[index + size - 1][1]
            inner = read_surface(text, start, end)
            if (
                inner is not None
                and inner.text[:1].isupper()
                and (inner.start, inner.end) != (surface.start, surface.end)
                and gazetteer.has_key(inner.keys[0])
            ):
                found.append(inner)
                index += size
                break
        else:
            index += 1
    return found


def _contexts(first: list[Resolution | None]) -> dict[str, Context]:
    """For each mention key, the context formed by every *other* confident mention."""
    confident = [r for r in first if r is not None and _confident(r.entry)]
    keys = {r.surface.keys[0] for r in first if r is not None}
    result: dict[str, Context] = {}
    for key in keys:
        countries: Counter[str] = Counter()
        admin1s: set[str] = set()
        for r in confident:
            if r.surface.keys[0] == key:
                continue
            if r.entry.country:
                countries[r.entry.country] += 1
            if r.entry.feature == "admin1" and r.entry.admin1:
                admin1s.add(r.entry.primary_key)
        result[key] = Context(countries, admin1s)
    return result


def _confident(entry: GazetteerEntry) -> bool:
    return entry.feature != "city" or entry.population >= CONFIDENT_CITY or entry.capital


def _best(
    text: str, gazetteer: Gazetteer, surface: Surface, label: str, context: Context | None
) -> Resolution | None:
    """The best-scoring entry for a mention, or None when it should not become a place."""
    if surface.keys[0] in demonyms():
        return None
    matched_key, entries, end = _lookup(gazetteer, surface)
    if not entries:
        return None
    qualifiers = _qualifier_entries(gazetteer, surface)
    scored = sorted(
        ((_score(e, matched_key, context, qualifiers), e) for e in entries),
        key=lambda pair: (-pair[0], pair[1].row),
    )
    score, entry = _prefer_city_over_division(scored)
    if not _acceptable(text, surface, label, matched_key, entry, context, qualifiers):
        return None
    return Resolution(surface, end, entry, score, matched_key)


def _lookup(gazetteer: Gazetteer, surface: Surface) -> tuple[str, list[GazetteerEntry], int]:
    if surface.dotted_key and gazetteer.has_key(surface.dotted_key):
        return surface.dotted_key, gazetteer.lookup_key(surface.dotted_key), surface.end + 1
    for key in surface.keys:
        entries = gazetteer.lookup_key(key)
        if entries:
            return key, entries, surface.end
    return "", [], surface.end


def _qualifier_entries(gazetteer: Gazetteer, surface: Surface) -> list[GazetteerEntry]:
    for key in surface.qualifier_keys:
        entries = [e for e in gazetteer.lookup_key(key) if e.feature in ("country", "admin1")]
        if entries:
            return entries
    return []


def _score(
    entry: GazetteerEntry,
    key: str,
    context: Context | None,
    qualifiers: list[GazetteerEntry],
) -> float:
    if entry.feature == "region":
        score = REGION_BASE + math.log10(entry.population + 1) / 10
    else:
        population = entry.population
        if entry.feature == "admin1":
            population //= ADMIN1_POPULATION_DISCOUNT
        score = math.log10(population + 10)
    score += FEATURE_BONUS[entry.feature]
    if entry.primary_key == key:
        score += PRIMARY_NAME_BONUS
    if entry.capital:
        score += CAPITAL_BONUS
    for qualifier in qualifiers:
        if _within(entry, qualifier):
            score += QUALIFIER_BONUS
            break
    if context is not None:
        count = context.countries.get(entry.country or "", 0)
        if count:
            score += min(
                COUNTRY_CONTEXT_MAX, COUNTRY_CONTEXT_BONUS + COUNTRY_CONTEXT_STEP * (count - 1)
            )
        if (
            entry.feature != "admin1"
            and entry.admin1
            and normalize_key(entry.admin1) in context.admin1s
        ):
            score += ADMIN1_CONTEXT_BONUS
    return score


def _within(entry: GazetteerEntry, container: GazetteerEntry) -> bool:
    """True when `container` (a country or division) holds `entry`."""
    if entry.row == container.row:
        return False
    if container.feature == "country":
        return entry.country == container.country
    return entry.country == container.country and entry.admin1 == container.admin1


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
    surface: Surface,
    label: str,
    key: str,
    entry: GazetteerEntry,
    context: Context | None,
    qualifiers: list[GazetteerEntry],
) -> bool:
    """Whether a match is strong enough for the mention's label and wording."""
    letters = [ch for ch in surface.text if ch.isalpha()]
    if len(letters) <= SHORT_CODE and surface.text.isupper() and entry.feature == "city":
        return False
    strong = entry.feature == "country" or entry.population >= STRONG_CITY
    if entry.feature == "region":
        strong = label in PLACE_LABELS
    own_name = entry.primary_key == key or entry.feature == "country"
    qualified = any(_within(entry, q) for q in qualifiers)
    if key in demonyms():
        return False
    if label in STRONG_ONLY_LABELS or label == EMBEDDED_LABEL:
        if key in common_words() or not own_name:
            return False
        if strong or qualified:
            return True
        before = ORG_LOCATIVE_BEFORE if label == "ORG" else LOCATIVE_BEFORE
        after_preposition = before.search(text[max(0, surface.start - 20) : surface.start])
        return (
            label in PREPOSITION_LABELS
            and after_preposition is not None
            and not surface.sentence_initial
        )
    if label == "FAC" and not own_name:
        return False
    if key in common_words():
        if surface.sentence_initial or label not in ("GPE", "LOC"):
            return False
        supported = qualified
        if context is not None and context.countries.get(entry.country or "", 0):
            supported = True
        return supported
    return True


def _region(resolution: Resolution) -> str | None:
    """The part-of-place word, unless it belongs to the name itself ("West Bank", "North Korea")."""
    region = resolution.surface.region
    if region and resolution.key.startswith(normalize_key(region) + " "):
        return None
    return region


def _place(place_id: str, resolution: Resolution) -> Place:
    entry = resolution.entry
    surface = resolution.surface
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
        region=_region(resolution),
        population=entry.population or None,
    )
