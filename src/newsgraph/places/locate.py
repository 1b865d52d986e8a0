"""Where did one event happen? Only the event's own clause may say.

GDELT-style geocoding pins an event on whatever place its story names; here a place counts only
when the dependency parse ties it to the trigger: the trigger's object for verbs whose object is a
place ("visited Riyadh", "shelled Kharkiv"), or a locative phrase headed by in/at/to (and a few
like them) on the trigger, its object or the verb it is an argument of ("met in Damascus",
"talks were held in Doha", "at the State House in Nairobi", "led a delegation to the
Syrian capital"). When the clause names no place, the answer is None.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from newsgraph.fold import normalize_key
from newsgraph.gazetteer import demonyms, load_gazetteer
from newsgraph.model import Analysis, EventLocation, LocationPrecision, Place
from newsgraph.places.facilities import is_facility_place
from newsgraph.speech import verbs_with

LOCATIVE_PREPOSITIONS = frozenset(
    {
        "in",
        "at",
        "to",
        "into",
        "inside",
        "within",
        "on",
        "outside",
        "near",
        "across",
        "around",
        "throughout",
    }
)
"""Prepositions whose object can be where the event happened; "on" only reaches a place when its
object is one ("on Crete"), never for dates."""
PLACE_OBJECT_LEMMAS = frozenset(
    {
        "visit",
        "tour",
        "reach",
        "enter",
        "invade",
        "capture",
        "seize",
        "occupy",
        "storm",
        "raid",
        "bomb",
        "shell",
        "strike",
        "attack",
        "hit",
        "besiege",
        "liberate",
        "host",
    }
)
"""Verbs whose direct object is the place of the event ("visited Ankara", "shelled Kharkiv")."""
NO_DESTINATION_LEMMAS = verbs_with("addressee")
"""Verbs where "to X" names an addressee, not a place ("said to Moscow"); the shared speech-verb
list, flag addressee."""
PLACE_NOUNS = frozenset(
    {
        "city",
        "town",
        "village",
        "capital",
        "province",
        "region",
        "state",
        "port",
        "district",
        "governorate",
        "country",
        "island",
        "border",
        "outskirts",
        "suburb",
    }
)
"""Generic place nouns through which "of" reaches the name ("the city of Aleppo")."""
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj", "xcomp"})
"""A noun trigger with one of these relations shares the locative phrases of its head verb."""
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
CHAIN_DEPS = frozenset({"appos", "conj", "compound"})
"""Relations from a found noun to the name it stands for ("the capital, Ankara")."""
MAX_DEPTH = 3
"""How many nested phrases to follow ("at the palace in the capital of X")."""

PRECISION: dict[str, LocationPrecision] = {
    "country": "country",
    "admin1": "admin1",
    "city": "city",
    "other": "admin1",
}


def locate_event(
    analysis: Analysis,
    trigger_start: int,
    trigger_end: int,
    sentence_start: int,
    sentence_end: int,
) -> EventLocation | None:
    """The place of the event whose trigger spans [trigger_start, trigger_end), or None."""
    doc = analysis.doc
    if doc is None:
        return None
    span = doc.char_span(trigger_start, trigger_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    trigger = span.root
    # a demonym ("Russian officials") is a reference to a country, never where something happened;
    # a building stands for its town, which the same clause names ("the Palace in Ankara")
    places = [
        p
        for p in analysis.places
        if sentence_start <= p.start
        and p.end <= sentence_end
        and not p.adjectival
        and not is_facility_place(p)
    ]
    found = [
        (rank, order, location)
        for order, (rank, token) in enumerate(
            _locative_tokens(trigger, sentence_start, sentence_end)
        )
        if (location := _location_of(token, places, analysis)) is not None
    ]
    if not found:
        return None
    best_rank = min(rank for rank, _, _ in found)
    # among the clause's places of the best kind, the most specific ("in Kharkiv, Ukraine")
    candidates = [
        (SPECIFICITY[loc.precision], order, loc) for rank, order, loc in found if rank == best_rank
    ]
    return min(candidates, key=lambda item: item[:2])[2]


SPECIFICITY: dict[str, int] = {"point": 0, "city": 1, "admin1": 2, "country": 3}
SETTING_PREPOSITIONS = frozenset(
    {"in", "at", "inside", "within", "near", "outside", "across", "around", "throughout"}
)
"""Prepositions that say where something happened; "to", "into" and "on" more often name a
destination or a target ("sanctions on Iran", "missiles into Israel"), so they come second."""


def _anchors(trigger: Any) -> list[Any]:
    """The trigger, and for a noun trigger the verb it is an argument of."""
    anchors = [trigger]
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ARGUMENT_DEPS:
        head = trigger.head
        if head.dep_ == "prep":
            head = head.head
        if head.pos_ in ("VERB", "AUX") and head.i != trigger.i:
            anchors.append(head)
    return anchors


def _locative_tokens(trigger: Any, start: int, end: int) -> list[tuple[int, Any]]:
    """Candidate place tokens tied to the trigger, nearest relation first, each with its rank:
    0 for a place object ("shelled Kharkiv") or a setting ("in Brussels"), 1 for a destination
    or target ("to", "into", "on")."""
    found: list[tuple[int, Any]] = []
    anchors = _anchors(trigger)
    if trigger.lemma_.lower() in PLACE_OBJECT_LEMMAS:
        found += [(0, c) for c in trigger.children if c.dep_ in OBJECT_DEPS]
    heads: list[Any] = list(anchors)
    for anchor in anchors:
        heads += [c for c in anchor.children if c.dep_ in OBJECT_DEPS]
    addressee_only = trigger.lemma_.lower() in NO_DESTINATION_LEMMAS
    queue: deque[tuple[Any, int]] = deque((h, 0) for h in heads)
    seen: set[int] = set()
    while queue:
        head, depth = queue.popleft()
        if head.i in seen or depth > MAX_DEPTH:
            continue
        seen.add(head.i)
        for prep in head.children:
            if prep.dep_ != "prep":
                continue
            word = prep.lower_
            allowed = word in LOCATIVE_PREPOSITIONS and not (addressee_only and word == "to")
            if word == "of" and head.lemma_.lower() in PLACE_NOUNS:
                allowed = True
            if not allowed:
                continue
            rank = 0 if word in SETTING_PREPOSITIONS or word == "of" else 1
            for obj in prep.children:
                if obj.dep_ == "pobj" and start <= obj.idx < end:
                    found.append((rank, obj))
                    queue.append((obj, depth + 1))
    return found


def _location_of(token: Any, places: list[Place], analysis: Analysis) -> EventLocation | None:
    """The location a found token names: a resolved place, or "the <demonym> capital"."""
    for candidate in [token, *(c for c in token.children if c.dep_ in CHAIN_DEPS)]:
        place = _place_at(candidate, places)
        if place is not None:
            return _from_place(place)
    if token.lemma_.lower() == "capital":
        return _capital_of(token, places)
    return None


def _place_at(token: Any, places: list[Place]) -> Place | None:
    for place in places:
        if place.start <= token.idx < place.end or token.idx <= place.start < token.idx + len(
            token.text
        ):
            return place
    return None


def _from_place(place: Place) -> EventLocation:
    if place.feature == "region":
        precision: LocationPrecision = "admin1" if place.country else "country"
    else:
        precision = PRECISION[place.feature]
    return EventLocation(
        place=place.id,
        name=place.name,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        precision=precision,
    )


def _capital_of(token: Any, places: list[Place]) -> EventLocation | None:
    """ "the Syrian capital" or "Syria's capital" → that country's capital city."""
    country: str | None = None
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod"):
            country = demonyms().get(normalize_key(child.text))
        elif child.dep_ == "poss":
            place = _place_at(child, places)
            if place is not None and place.feature == "country":
                country = place.country
        if country:
            break
    if country is None:
        return None
    capital = load_gazetteer().capital_of(country)
    if capital is None:
        return None
    return EventLocation(
        place=None,
        name=capital.name,
        country=capital.country,
        lat=capital.lat,
        lon=capital.lon,
        precision="city",
    )
