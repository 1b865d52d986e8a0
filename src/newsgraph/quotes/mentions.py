"""The document's entity mentions and name spans, indexed once for every quote's speaker.

Linking a speaker to an entity ("the mention that holds this word") and finding the name just
before a cue each scanned every mention of every entity (and spaCy's entities) per question:
quadratic in the length of a long article. `Mentions` sorts them once; a question looks only at
the spans near it, and the answers are the scans' answers (the same order breaks ties).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import itemgetter
from typing import Any

from newsgraph.model import Entity, Mention
from newsgraph.words import ents_of

NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
"""spaCy labels of the names a cue's lost subject may be."""

Linked = tuple[int, int, int, Entity, Mention]
"""(start, end, order, entity, mention) of one mention a speaker may be linked to."""


class Mentions:
    """One document's mentions: those a speaker links to, and the name spans before cues."""

    def __init__(self, doc: Any, entities: list[Entity]) -> None:
        self.entities = entities
        linked: list[Linked] = []
        within: list[Linked] = []
        for entity in entities:
            if entity.is_source_agency:
                continue
            for mention in entity.mentions:
                if mention.kind != "nested":
                    linked.append((mention.start, mention.end, len(linked), entity, mention))
                if mention.kind not in ("nested", "pronoun"):
                    within.append((mention.start, mention.end, len(within), entity, mention))
        # sorted on (start, end, order): the order is unique, so no entity is ever compared
        linked.sort(key=_first3)
        self._linked = linked
        self._linked_starts = [row[0] for row in linked]
        self._longest = max((row[1] - row[0] for row in linked), default=0)
        self._within = sorted(within)
        self._within_starts = [row[0] for row in self._within]
        self._doc = doc
        self._names: list[tuple[int, int, int]] | None = None
        self._name_starts: list[int] = []

    def _index_names(self) -> list[tuple[int, int, int]]:
        """The name spans, sorted on the first question (most documents ask none)."""
        names = [(m.start, m.end) for e in self.entities for m in e.mentions if m.kind != "nested"]
        if self._doc is not None:
            names += [
                (e.start_char, e.end_char) for e in ents_of(self._doc) if e.label in NAME_LABELS
            ]
        self._names = sorted((start, order, end) for order, (start, end) in enumerate(names))
        self._name_starts = [start for start, _, _ in self._names]
        return self._names

    def at(self, start: int, end: int) -> tuple[Entity, Mention] | None:
        """The shortest mention (of an entity that is no source agency, not a nested one)
        holding [start, end); the first of equal length in entity and mention order."""
        if start >= end:  # an empty question overlaps nothing: ask every mention
            return entity_at(self.entities, start, end)
        best: tuple[Entity, Mention] | None = None
        best_key: tuple[int, int] | None = None
        # a mention holding [start, end) starts at or before `start` and at most the longest
        # mention's length before `end`
        lo = bisect_left(self._linked_starts, end - self._longest)
        hi = bisect_right(self._linked_starts, start)
        for s, e, order, entity, mention in self._linked[lo:hi]:
            if s <= start and end <= e and (best_key is None or (e - s, order) < best_key):
                best, best_key = (entity, mention), (e - s, order)
        return best

    def within(self, start: int, end: int) -> tuple[Entity, Mention] | None:
        """The longest mention (no pronoun, not nested, of no source agency) inside [start,
        end]; the first of equal length in entity and mention order."""
        lo = bisect_left(self._within_starts, start)
        hi = bisect_right(self._within_starts, end)
        best: tuple[Entity, Mention] | None = None
        best_key: tuple[int, int] | None = None
        for s, e, order, entity, mention in self._within[lo:hi]:
            if e <= end and (best_key is None or (s - e, order) < best_key):
                best, best_key = (entity, mention), (s - e, order)
        return best

    def names_within(self, start: int, end: int) -> list[tuple[int, int]]:
        """Name spans (entity mentions, then spaCy's names) lying in [start, end], in that
        order."""
        names = self._names if self._names is not None else self._index_names()
        lo = bisect_left(self._name_starts, start)
        hi = bisect_right(self._name_starts, end)
        rows = sorted((order, s, e) for s, order, e in names[lo:hi] if e <= end)
        return [(s, e) for _, s, e in rows]


_first3 = itemgetter(0, 1, 2)


def entity_at(entities: list[Entity], start: int, end: int) -> tuple[Entity, Mention] | None:
    """`Mentions.at` by a scan of every mention (for a question without a document index)."""
    best: tuple[Entity, Mention] | None = None
    for entity in entities:
        if entity.is_source_agency:
            continue
        for mention in entity.mentions:
            inside = mention.kind != "nested" and mention.start <= start and end <= mention.end
            shorter = best is None or mention.end - mention.start < best[1].end - best[1].start
            if inside and shorter:
                best = (entity, mention)
    return best
