"""One record per real event: merge mentions from the headline, captions and body.

Two mentions are the same event when they share type and modality, their modes do not differ
(a missing mode is compatible with any), their dated times do not disagree, and their
participants match: for meetings (CONSULT) everyone is on one side, so the smaller set of
participants must all appear in the other; otherwise actors must match actors and, where both
name them, recipients must match recipients. Participants match by entity, country or name.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from newsgraph.model import Event, EventLocation, Participant
from newsgraph.times.calendar import value_range

RECIPROCAL_TYPES = frozenset({"CONSULT"})
"""Types whose participants are all on one side (a meeting has no direction)."""
CODE_SENSITIVE_TYPES = frozenset({"AGREE"})
"""Types whose CAMEO code tells events apart (a promise to meet is not a promise of aid)."""
MERGE_BONUS = 0.05  # confidence gained when another mention confirms the event
MAX_CONFIDENCE = 0.99

KeyFn = Callable[[Participant], frozenset[str]]
_PHRASE_TAIL = re.compile(r",| (?:of|in|from|for|at|on|with) ")


def participant_keys(text: str) -> KeyFn:
    """Keys under which a participant can match another: entity, country, name, surname.
    Each participant's keys are made once (a merge compares every pair of mentions)."""
    made: dict[tuple[object, ...], frozenset[str]] = {}
    # by the participant object first (a merge asks for the same objects again and again); the
    # object is kept with its keys, so its id cannot pass to another object meanwhile
    by_object: dict[int, tuple[Participant, frozenset[str]]] = {}

    def keys(p: Participant) -> frozenset[str]:
        seen = by_object.get(id(p))
        if seen is not None:
            return seen[1]
        key = (p.start, p.end, p.entity, p.country, p.country_source)
        found = made.get(key)
        if found is None:
            found = made[key] = _keys(p)
        by_object[id(p)] = (p, found)
        return found

    def _keys(p: Participant) -> frozenset[str]:
        name = text[p.start : p.end].lower().replace("’s", "").replace("'s", "").strip()
        result = {f"text:{name}"}
        # the head of "municipalities in Italy", "the president of Chile, X" comes before the
        # first preposition or comma
        head_part = _PHRASE_TAIL.split(name, maxsplit=1)[0]
        words = [w for w in head_part.split() if w[:1].isalpha()]
        if words:
            result.add(f"word:{words[-1]}")
        if p.entity:
            result.add(f"entity:{p.entity}")
        if p.country and p.country_source is None:  # the document's country names no one
            result.add(f"country:{p.country}")
        return frozenset(result)

    return keys


def _covered(small: list[Participant], large: list[Participant], keys: KeyFn) -> bool:
    """Every participant in `small` matches someone in `large`."""
    large_keys = frozenset().union(*(keys(p) for p in large)) if large else frozenset()
    return all(keys(p) & large_keys for p in small)


def _participants_match(a: Event, b: Event, keys: KeyFn) -> bool:
    if a.event_type in RECIPROCAL_TYPES:
        left, right = a.actors + a.recipients, b.actors + b.recipients
        if not left or not right:
            return False
        small, large = (left, right) if len(left) <= len(right) else (right, left)
        return _covered(small, large, keys)
    if not a.actors or not b.actors:
        return False
    small, large = sorted((a.actors, b.actors), key=len)
    if not _covered(small, large, keys):
        return False
    if a.recipients and b.recipients:
        small, large = sorted((a.recipients, b.recipients), key=len)
        # a headline names the sufferer loosely ("Opposition blogger detained"): it joins the
        # body's report of the same act by the same actors
        return _covered(small, large, keys) or _headline_and_body(a, b)
    if a.recipients or b.recipients:
        # A mention without a recipient only joins one from another part of the article
        # (a headline's "X attacks" and the body's "X attacked Y"), not a body sentence's.
        return {e.section for e in a.evidence} != {e.section for e in b.evidence}
    return True


def _headline_and_body(a: Event, b: Event) -> bool:
    """One mention only in the headline, the other only outside it."""
    sections_a, sections_b = {e.section for e in a.evidence}, {e.section for e in b.evidence}
    return (sections_a == {"title"}) != (sections_b == {"title"}) and (
        "title" not in sections_a or "title" not in sections_b
    )


def compatible(a: Event, b: Event, keys: KeyFn, times: dict[str, str | None]) -> bool:
    """Can `a` and `b` be mentions of one real event?"""
    if a.event_type != b.event_type or a.modality != b.modality:
        return False
    if a.mode and b.mode and a.mode != b.mode:
        return False
    if a.event_type in CODE_SENSITIVE_TYPES and a.cameo != b.cameo:
        return False
    if not _dates_compatible(a, b, times):
        return False
    return _participants_match(a, b, keys)


def _ranges(event: Event, times: dict[str, str | None]) -> list[tuple[dt.date, dt.date]]:
    found = []
    for ref in event.time_refs:
        value = times.get(ref)
        covered = value_range(value) if value else None
        if covered is not None:
            found.append((covered[0], covered[1]))
    return found


def _dates_compatible(a: Event, b: Event, times: dict[str, str | None]) -> bool:
    """Dated mentions must overlap in time ("Feb. 4" lies inside "this week")."""
    ranges_a, ranges_b = _ranges(a, times), _ranges(b, times)
    if not ranges_a or not ranges_b:
        return True
    return any(s1 <= e2 and s2 <= e1 for s1, e1 in ranges_a for s2, e2 in ranges_b)


def _union(first: list[Participant], second: list[Participant], keys: KeyFn) -> list[Participant]:
    result = list(first)
    for p in second:
        if not any(
            keys(p) & keys(q) and (p.entity == q.entity or p.entity is None) for q in result
        ):
            result.append(p)
    return result


def _fold_reciprocal(target: Event, other: Event, keys: KeyFn) -> None:
    """Add the other mention's new participants without breaking a visitor/host direction.

    A directed mention ("X held talks with Y") keeps its sides: aligned with the visit when
    one side matches the same side of the visit, crossed when it matches the other. An
    undirected one ("X and Y met") places each newcomer with the side it shares a key (entity,
    country, name) with, and with the host otherwise: the visitor is usually named already.
    """
    if target.mode is None and other.mode is not None:
        base_actors, base_recipients = list(other.actors), list(other.recipients)
        extra_actors, extra_recipients = target.actors, target.recipients
    else:
        base_actors, base_recipients = list(target.actors), list(target.recipients)
        extra_actors, extra_recipients = other.actors, other.recipients

    def matches(p: Participant, side: list[Participant]) -> bool:
        return any(keys(p) & keys(q) for q in side)

    def overlaps(group: list[Participant], side: list[Participant]) -> bool:
        return any(matches(p, side) for p in group)

    placed: list[tuple[Participant, bool]] = []  # (participant, goes to the actor side)
    if extra_actors and extra_recipients and base_actors and base_recipients:
        crossed = not (
            overlaps(extra_actors, base_actors) or overlaps(extra_recipients, base_recipients)
        ) and (overlaps(extra_actors, base_recipients) or overlaps(extra_recipients, base_actors))
        placed += [(p, not crossed) for p in extra_actors]
        placed += [(p, crossed) for p in extra_recipients]
    else:
        for p in extra_actors + extra_recipients:
            placed.append((p, matches(p, base_actors) or not base_recipients))
    for p, actor_side in placed:
        if matches(p, base_actors + base_recipients):
            continue
        (base_actors if actor_side else base_recipients).append(p)
    target.actors, target.recipients = base_actors, base_recipients


LOCATION_STRENGTH = {"clause": 0, "paragraph": 1, "dateline": 2}
"""Which mention's location an event keeps: the most direct evidence of where it happened."""
LOCATION_SPECIFICITY = {"point": 0, "city": 1, "admin1": 2, "country": 3}


def _better_location(new: EventLocation | None, old: EventLocation | None) -> bool:
    """A mention's own clause beats a paragraph's setting; between equals, the town beats the
    country it lies in ("visits Argentina" in the headline, "in Mendoza" in the body)."""
    if new is None or old is None:
        return old is None and new is not None
    new_rank, old_rank = LOCATION_STRENGTH[new.source], LOCATION_STRENGTH[old.source]
    if new_rank != old_rank:
        return new_rank < old_rank
    return (
        new.country == old.country
        and LOCATION_SPECIFICITY[new.precision] < LOCATION_SPECIFICITY[old.precision]
    )


def absorb(target: Event, other: Event, keys: KeyFn) -> None:
    """Fold `other` into `target`: more evidence, participants, the more specific mode."""
    if target.event_type in RECIPROCAL_TYPES:
        _fold_reciprocal(target, other, keys)
    else:
        target.actors = _union(target.actors, other.actors, keys)
        target.recipients = _union(target.recipients, other.recipients, keys)
    if target.mode is None and other.mode is not None:
        target.mode, target.cameo, target.score = other.mode, other.cameo, other.score
        target.contexts = list(other.contexts)
    target.evidence.extend(other.evidence)
    target.time_refs.extend(t for t in other.time_refs if t not in target.time_refs)
    if _better_location(other.location, target.location):
        target.location = other.location
    target.confidence = min(MAX_CONFIDENCE, max(target.confidence, other.confidence) + MERGE_BONUS)


def merge_events(events: list[Event], text: str, times: dict[str, str | None]) -> list[Event]:
    """Greedy merge in text order; the first mention's record absorbs later compatible ones."""
    keys = participant_keys(text)
    merged: list[Event] = []
    # only mentions of one type and modality can merge (`compatible`'s first test, which
    # absorbing never changes): each mention is compared with those alone, in text order
    by_kind: dict[tuple[str, str], list[Event]] = {}
    for event in events:
        same_kind = by_kind.setdefault((event.event_type, event.modality), [])
        for existing in same_kind:
            if compatible(existing, event, keys, times):
                absorb(existing, event, keys)
                break
        else:
            same_kind.append(event)
            merged.append(event)
    return merged
