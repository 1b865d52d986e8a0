"""Where a paragraph is set, for events whose own clause names no place.

A story establishes a setting and then stops repeating it: "In Mombasa, port workers walked out
on Monday. Police later detained three union leaders." places the detentions in Mombasa too. Two
settings count, nearest first:

1. a paragraph's own opening locative ("In <place>, ...", "At <place>, ...", "Outside <place>,
   ..."), in the event's sentence or an earlier sentence of the same paragraph (`paragraph`);
2. the wire dateline ("QUITO, Ecuador (Reuters) - ...") for the story's opening paragraphs, the
   ones the reporter files from that city (`dateline`).

A setting is a default, so it gives way wherever the text points elsewhere: the event's sentence
naming a place in another country, or an act aimed at the setting's country by an actor from
elsewhere (sanctions decided in Brussels against the country the story is datelined in are not
placed there).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from newsgraph.model import Analysis, LocationSource, Participant, Place, Sentence
from newsgraph.places.facilities import is_facility_place
from newsgraph.times.calendar import value_range

OPENING = re.compile(
    r"\s*(?:In|At|Inside|Outside|Near|Across|Throughout|Around)\s+[^,;:\n]{1,60}?(?=,)",
)
"""A sentence that opens with a locative phrase closed by a comma ("In central Kharkiv, ...")."""
DATELINE_PARAGRAPHS = 2
"""How many body paragraphs from the dateline on are filed from the dateline's place."""
PAST = dt.timedelta(days=30)
"""A date ending this long before publication is outside the story's own time frame."""
SPECIFICITY: dict[str, int] = {"other": 0, "city": 1, "admin1": 2, "region": 2, "country": 3}


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Spanned)


def within(items: Sequence[S], start: int, end: int) -> list[S]:
    """The items (sorted by start, as places, times and sentences are) inside [start, end):
    a binary search, so locating every event of a long document stays linear."""
    low = bisect_left(items, start, key=lambda item: item.start)
    high = bisect_right(items, end, key=lambda item: item.start)
    return [item for item in items[low:high] if item.end <= end]


@dataclass(frozen=True, slots=True)
class Setting:
    """A place a paragraph is set in, and the rule that found it."""

    place: Place
    source: LocationSource


def setting_of(analysis: Analysis, sentence_start: int) -> Setting | None:
    """The setting of the sentence that starts at (or contains) `sentence_start`: its
    paragraph's opening locative, else the dateline for the opening paragraphs, else None."""
    sentence = analysis.sentence_at(sentence_start)
    if sentence is None or sentence.section != "body":
        return None
    index = bisect_right(analysis.sentences, sentence.start, key=lambda s: s.start) - 1
    while index >= 0 and analysis.sentences[index].paragraph == sentence.paragraph:
        place = _opening_place(analysis, analysis.sentences[index])
        if place is not None:
            return Setting(place, "paragraph")
        index -= 1
    place = _dateline_place(analysis, sentence)
    return Setting(place, "dateline") if place is not None else None


def applies(
    analysis: Analysis,
    setting: Setting,
    sentence: tuple[int, int],
    actors: Sequence[Participant],
    recipients: Sequence[Participant],
) -> bool:
    """Whether a setting may place one event: not when its sentence names another place (other
    than the setting, what contains it, or a participant: "sanctions on Russia" names a target,
    not a place), nor when the setting is the country an act is aimed at and no actor is from it
    (the recipient's country is never the place by default). A dateline only says where the
    reporter is, so it also gives way to an actor from another country ("the European Union",
    "Russian forces" in a story filed from Kyiv)."""
    sides = [*actors, *recipients]
    for place in within(analysis.places, sentence[0], sentence[1]):
        named = any(p.start < place.end and place.start < p.end for p in sides)
        if not named and not place.adjectival and not _compatible(place, setting.place):
            return False
    country = setting.place.country
    if country is None:
        return True
    actor_countries = {p.country for p in actors if p.country}
    if setting.source == "dateline" and (
        actor_countries - {country} or _recalls_the_past(analysis, sentence)
    ):
        return False
    targeted = any(p.country == country for p in recipients)
    return not (targeted and actor_countries and country not in actor_countries)


def _compatible(place: Place, setting: Place) -> bool:
    """The place is the setting itself or something that holds it (its country, its state)."""
    if place.name == setting.name or place.country is None:
        return True
    if place.country != setting.country:
        return False
    return SPECIFICITY.get(place.feature, 3) > SPECIFICITY.get(setting.feature, 3)


def _recalls_the_past(analysis: Analysis, sentence: tuple[int, int]) -> bool:
    """The sentence dates something well before the story ("a peace deal in 2018"): background
    the reporter did not witness from the dateline's city."""
    published = analysis.document.published
    if published is None:
        return False
    for expr in within(analysis.times, sentence[0], sentence[1]):
        if expr.type == "DATE":
            found = value_range(expr.value or "", expr.mod)
            if found is not None and found[1] < published - PAST:
                return True
    return False


def _usable(place: Place) -> bool:
    return not place.adjectival and not is_facility_place(place)


def _most_specific(places: Sequence[Place]) -> Place | None:
    usable = [p for p in places if _usable(p)]
    if not usable:
        return None
    return min(usable, key=lambda p: (SPECIFICITY.get(p.feature, 3), p.start))


def _opening_place(analysis: Analysis, sentence: Sentence) -> Place | None:
    """The place of a sentence-opening locative phrase ("In Kharkiv, Ukraine's second city, ...")."""
    match = OPENING.match(analysis.text, sentence.start, sentence.end)
    if match is None:
        return None
    return _most_specific(within(analysis.places, match.start(), match.end()))


def _dateline_place(analysis: Analysis, sentence: Sentence) -> Place | None:
    """The dateline's place when the sentence is in one of the opening paragraphs it covers;
    none when the dateline names places in more than one country."""
    span = analysis.document.dateline
    if span is None or sentence.start < span.start:
        return None
    opening: list[int] = []
    index = bisect_left(analysis.sentences, span.end, key=lambda s: s.start)
    for following in analysis.sentences[index:]:
        if following.start > sentence.start or len(opening) > DATELINE_PARAGRAPHS:
            break
        if following.section == "body" and following.paragraph not in opening:
            opening.append(following.paragraph)
    if sentence.paragraph not in opening[:DATELINE_PARAGRAPHS]:
        return None
    named = within(analysis.places, span.start, span.end)
    if len({p.country for p in named if _usable(p) and p.feature != "country"}) > 1:
        return None  # "BANGKOK/PHNOM PENH —": cities in two countries, the story in neither
    return _most_specific(named)
