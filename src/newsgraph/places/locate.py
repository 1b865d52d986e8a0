"""Where did one event happen? The event's own clause first, then the setting of its paragraph.

GDELT-style geocoding pins an event on whatever place its story names; here a place counts, in
this order:

1. `clause`: the dependency parse ties it to the trigger: the trigger's object for verbs whose
   object is a place ("visited Riyadh", "shelled Kharkiv"), a locative phrase headed by in/at/to
   (and a few like them) on the trigger, its object or the verb it is an argument of ("met in
   Damascus", "talks were held in Doha", "at a summit in Nairobi", "led a delegation to the
   Syrian capital"), a town naming a noun trigger ("the Doha talks"), and last the base of the
   acting organisation ("the Lyon-based agency said"). Among the clause's places of the best kind
   the most specific wins ("in Kharkiv, Ukraine" is Kharkiv).
2. `paragraph` / `dateline`: the place the paragraph is set in (`places.setting`).

For acts aimed at someone (sanctions, accusations, demands, ...) "on Iran" or "to Moscow" names
the target, never the place; nor does a setting that is only the target's country.
When nothing says where, the answer is None.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Sequence

from newsgraph.fold import normalize_key
from newsgraph.gazetteer import demonyms, load_gazetteer
from newsgraph.model import (
    Analysis,
    EventLocation,
    LocationPrecision,
    LocationSource,
    Participant,
    Place,
)
from newsgraph.places.facilities import is_facility_place
from newsgraph.places.setting import applies, setting_of, within
from newsgraph.speech import verbs_with
from newsgraph.times.tree import Tree, tree_of

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
TARGETED_TYPES = frozenset(
    {"SANCTION", "ACCUSE", "THREATEN", "REQUEST", "REJECT", "SUPPORT", "AGREE", "CONCEDE"}
)
"""Acts aimed at someone: "sanctions on Iran", "an appeal to Beijing" name the target or the
addressee, not where the act took place, so destinations do not place them."""
WHOLE_COUNTRY = re.compile(r"\b(?:across|throughout|around|all over|nationwide in)\s+(?:the\s+)?$")
"""Words before a country that mean all of it, so a town named beside it does not narrow it."""
BASED = frozenset({"based", "headquartered"})
"""\"the Lyon-based agency": where the acting organisation sits (the weakest clause evidence)."""
LONGEST_BASED = max(map(len, BASED))
"""How far past a sentence's end a token of it may reach that is a `BASED` word."""
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
    event_type: str | None = None,
    actors: Sequence[Participant] = (),
    recipients: Sequence[Participant] = (),
) -> EventLocation | None:
    """The place of the event whose trigger spans [trigger_start, trigger_end), or None: its own
    clause's, else its paragraph's setting (see the module docstring)."""
    own = clause_location(
        analysis, trigger_start, trigger_end, sentence_start, sentence_end, event_type
    )
    if own is not None:
        return _refined(analysis, own, sentence_start, sentence_end)
    setting = setting_of(analysis, sentence_start)
    if setting is None or not applies(
        analysis, setting, (sentence_start, sentence_end), actors, recipients
    ):
        return None
    return _from_place(setting.place, setting.source)


def clause_location(
    analysis: Analysis,
    trigger_start: int,
    trigger_end: int,
    sentence_start: int,
    sentence_end: int,
    event_type: str | None = None,
) -> EventLocation | None:
    """The place the event's own clause gives, or None."""
    doc = analysis.doc
    if doc is None:
        return None
    tree = tree_of(doc)  # token numbers and lists, not spaCy Tokens (see `times.tree`)
    trigger = tree.root_at(trigger_start, trigger_end)
    if trigger is None:
        return None
    # a demonym ("Russian officials") is a reference to a country, never where something happened;
    # a building stands for its town, which the same clause names ("the Palace in Ankara")
    places = [
        p
        for p in within(analysis.places, sentence_start, sentence_end)
        if not p.adjectival and not is_facility_place(p)
    ]
    targeted = event_type in TARGETED_TYPES
    tokens = [
        (rank, token)
        for rank, token in _locative_tokens(tree, trigger, sentence_start, sentence_end)
        if not (targeted and rank > 0)
    ]
    tokens += [(0, t) for t in _naming_modifiers(tree, trigger, places)]
    if _may_name_a_base(analysis.text, sentence_start, sentence_end):
        tokens += [(2, t) for t in _actor_bases(tree, trigger, sentence_start, sentence_end)]
    found = [
        (rank, order, location)
        for order, (rank, token) in enumerate(tokens)
        if (location := _location_of(tree, token, places, analysis)) is not None
    ]
    if not found:
        return None
    best_rank = min(rank for rank, _, _ in found)
    # among the clause's places of the best kind, the most specific ("in Kharkiv, Ukraine")
    candidates = [
        (SPECIFICITY[loc.precision], order, loc) for rank, order, loc in found if rank == best_rank
    ]
    return min(candidates, key=lambda item: item[:2])[2]


def _refined(
    analysis: Analysis, location: EventLocation, sentence_start: int, sentence_end: int
) -> EventLocation:
    """A country from the clause, refined to the one town of that country the same sentence or
    the paragraph's setting names ("talks in Syria ... in Damascus"): the most specific place
    the text supports."""
    if location.precision != "country" or location.country is None:
        return location
    mention = next(
        (
            p
            for p in within(analysis.places, sentence_start, sentence_end)
            if p.id == location.place
        ),
        None,
    )
    if mention is not None and WHOLE_COUNTRY.search(
        analysis.text[max(sentence_start, mention.start - 24) : mention.start]
    ):
        return location  # "protests across Kenya": the whole country, not one of its towns
    towns = {
        p.name: p
        for p in within(analysis.places, sentence_start, sentence_end)
        if p.feature == "city" and p.country == location.country and not p.adjectival
    }
    setting = setting_of(analysis, sentence_start)
    if (
        not towns
        and setting is not None
        and setting.source == "paragraph"
        and setting.place.feature == "city"
        and setting.place.country == location.country
    ):
        towns = {setting.place.name: setting.place}
    if len(towns) != 1:
        return location
    town = next(iter(towns.values()))
    return _from_place(
        town, "clause" if sentence_start <= town.start < sentence_end else "paragraph"
    )


SPECIFICITY: dict[str, int] = {"point": 0, "city": 1, "admin1": 2, "country": 3}
SETTING_PREPOSITIONS = frozenset(
    {"in", "at", "inside", "within", "near", "outside", "across", "around", "throughout"}
)
"""Prepositions that say where something happened; "to", "into" and "on" more often name a
destination or a target ("sanctions on Iran", "missiles into Israel"), so they come second."""


def _anchors(tree: Tree, trigger: int) -> list[int]:
    """The trigger, and for a noun trigger the verb it is an argument of."""
    anchors = [trigger]
    if tree.pos[trigger] in ("NOUN", "PROPN") and tree.dep[trigger] in ARGUMENT_DEPS:
        head = tree.head[trigger]
        if tree.dep[head] == "prep":
            head = tree.head[head]
        if tree.pos[head] in ("VERB", "AUX") and head != trigger:
            anchors.append(head)
    return anchors


def _locative_tokens(tree: Tree, trigger: int, start: int, end: int) -> list[tuple[int, int]]:
    """Candidate place tokens tied to the trigger, nearest relation first, each with its rank:
    0 for a place object ("shelled Kharkiv") or a setting ("in Brussels"), 1 for a destination
    or target ("to", "into", "on")."""
    found: list[tuple[int, int]] = []
    children, dep, idx = tree.children, tree.dep, tree.idx
    anchors = _anchors(tree, trigger)
    lemma = tree.lemma_lower(trigger)
    if lemma in PLACE_OBJECT_LEMMAS:
        found += [(0, c) for c in children[trigger] if dep[c] in OBJECT_DEPS]
    heads: list[int] = list(anchors)
    for anchor in anchors:
        heads += [c for c in children[anchor] if dep[c] in OBJECT_DEPS]
    addressee_only = lemma in NO_DESTINATION_LEMMAS
    queue: deque[tuple[int, int, int]] = deque((h, 0, 0) for h in heads)
    seen: set[int] = set()
    while queue:
        head, depth, outer = queue.popleft()
        if head in seen or depth > MAX_DEPTH:
            continue
        seen.add(head)
        for prep in children[head]:
            if dep[prep] != "prep":
                continue
            word = tree.lower[prep]
            allowed = word in LOCATIVE_PREPOSITIONS and not (addressee_only and word == "to")
            if word == "of" and tree.lemma_lower(head) in PLACE_NOUNS:
                allowed = True
            if not allowed:
                continue
            # a setting inside a target stays a target: "sanctions on banks in Iran"
            rank = max(outer, 0 if word in SETTING_PREPOSITIONS or word == "of" else 1)
            for obj in children[prep]:
                if dep[obj] == "pobj" and start <= idx[obj] < end:
                    found.append((rank, obj))
                    queue.append((obj, depth + 1, rank))
    return found


def _naming_modifiers(tree: Tree, trigger: int, places: list[Place]) -> list[int]:
    """A town or region naming a noun trigger: "the Doha talks", "the Kharkiv offensive". A
    country in that slot is a party ("the Iran sanctions", "US talks"), never the place."""
    if tree.pos[trigger] not in ("NOUN", "PROPN"):
        return []
    found = []
    for child in tree.children[trigger]:
        if tree.dep[child] not in ("compound", "nmod") or child > trigger:
            continue
        place = _place_at(tree, child, places)
        if place is not None and place.feature != "country":
            found.append(child)
    return found


def _may_name_a_base(text: str, start: int, end: int) -> bool:
    """Whether the sentence's text holds a `BASED` word in lower case: a token's lower case is
    its text's, so a sentence without one has no base to look for, and no subject's subtree is
    walked (a token of the sentence may end past its end: as far as the longest word reaches)."""
    lowered = text[start : end + LONGEST_BASED].lower()
    return any(word in lowered for word in BASED)


def _actor_bases(tree: Tree, trigger: int, start: int, end: int) -> list[int]:
    """The place in "the Lyon-based agency" when that organisation is the trigger's subject."""
    children, dep = tree.children, tree.dep
    anchors = _anchors(tree, trigger)
    subjects = [c for a in anchors for c in children[a] if dep[c] in ("nsubj", "nsubjpass")]
    found = []
    for subject in subjects:
        for token in tree.subtree(subject):
            if tree.lower[token] in BASED and start <= tree.idx[token] < end:
                found += [
                    c
                    for c in children[token]
                    if dep[c] in ("npadvmod", "compound", "nmod", "amod") and c < token
                ]
    return found


def _location_of(
    tree: Tree, token: int, places: list[Place], analysis: Analysis
) -> EventLocation | None:
    """The location a found token names: a resolved place, or "the <demonym> capital"."""
    for candidate in [token, *(c for c in tree.children[token] if tree.dep[c] in CHAIN_DEPS)]:
        place = _place_at(tree, candidate, places)
        if place is not None:
            return _from_place(place)
    if tree.lemma_lower(token) == "capital":
        return _capital_of(tree, token, places, analysis)
    return None


def _place_at(tree: Tree, token: int, places: list[Place]) -> Place | None:
    idx, end = tree.idx[token], tree.end[token]
    for place in places:
        if place.start <= idx < place.end or idx <= place.start < end:
            return place
    return None


def _from_place(place: Place, source: LocationSource = "clause") -> EventLocation:
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
        source=source,
    )


def _capital_of(
    tree: Tree, token: int, places: list[Place], analysis: Analysis
) -> EventLocation | None:
    """ "the Syrian capital" or "Syria's capital" → that country's capital city; a bare "the
    capital" is the capital of the country the paragraph is set in (its opening, the dateline)."""
    country: str | None = None
    for child in tree.children[token]:
        if tree.dep[child] in ("amod", "compound", "nmod"):
            country = demonyms().get(normalize_key(tree.text[child]))
        elif tree.dep[child] == "poss":
            place = _place_at(tree, child, places)
            if place is not None and place.feature == "country":
                country = place.country
        if country:
            break
    if country is None and not any(
        tree.dep[c] in ("amod", "compound", "nmod", "poss") for c in tree.children[token]
    ):
        setting = setting_of(analysis, tree.idx[token])
        country = setting.place.country if setting is not None else None
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
