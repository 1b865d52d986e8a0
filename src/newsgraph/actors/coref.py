"""Nominal ("the Syrian leader") and pronoun ("he", "his") mentions resolved to people.

A salience model good enough for event and quote attribution, not a full coreference system:
a pronoun goes to the most salient earlier person of compatible gender (same sentence first,
subjects before others, nearer before farther), never to a name that sits inside a quotation
unless the pronoun is in that quotation too, and never to a co-argument of its own verb
("he met him"). A definite role phrase goes to the latest person whose stated role and country fit.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from newsgraph.actors.lexicon import lexicon
from newsgraph.actors.names import positions
from newsgraph.actors.roles import _np_after
from newsgraph.annotate import parsed_doc
from newsgraph.kb import KnowledgeBase
from newsgraph.model import Analysis, Entity, Mention, sentence_index
from newsgraph.spans import SpanSet
from newsgraph.words import syntax_of, words_of

MAX_SENTENCES_BACK = 3
"""How far back (in sentences) a pronoun may find its antecedent."""

SENTENCE_DISTANCE_COST = 3.0
SUBJECT_BONUS = 2.0
"""Weights of the salience score: a subject one sentence back still beats a non-subject in it."""

QUOTE_PAIRS = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})
LEADER_HEADS = frozenset(
    {"leader", "president", "ruler", "head of state", "king", "emir", "sultan", "crown prince",
     "prince", "prime minister", "premier", "chancellor", "queen"}
)  # fmt: skip
"""Role heads that "the leader" may refer back to."""


@dataclass(frozen=True, slots=True)
class _Anchor:
    entity: Entity
    start: int
    end: int
    subject: bool
    sentence: int


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks."""
    return [m.span() for m in QUOTE_PAIRS.finditer(text)]


def _inside(
    regions: list[tuple[int, int]], starts: list[int], start: int
) -> tuple[int, int] | None:
    """The quoted region holding `start` (regions are in order and disjoint, `starts` their
    starts: a binary search)."""
    index = bisect_right(starts, start) - 1
    if index >= 0 and start < regions[index][1]:
        return regions[index]
    return None


def _gender(entity: Entity, votes: dict[int, Counter[str]]) -> str | None:
    titles = lexicon().gender_titles
    for title in entity.titles:
        for word in title.split():
            if word in titles:
                return titles[word]
    counted = votes.get(id(entity))
    if counted:
        return counted.most_common(1)[0][0]
    return None


def _anchors(analysis: Analysis, people: list[Entity]) -> list[_Anchor]:
    doc = parsed_doc(analysis, "actors")
    syntax = syntax_of(doc)
    anchors: list[_Anchor] = []
    starts = [s.start for s in analysis.sentences]
    char_span = words_of(doc).char_span
    for entity in people:
        for m in entity.mentions:
            tokens = char_span(m.start, m.end)
            sentence = sentence_index(analysis.sentences, starts, m.start)
            if tokens is None or sentence is None:
                continue
            subject = syntax.dep[syntax.root(*tokens)] in SUBJECT_DEPS
            anchors.append(_Anchor(entity, m.start, m.end, subject, sentence))
    return sorted(anchors, key=attrgetter("start"))


def resolve_pronouns(analysis: Analysis, entities: list[Entity]) -> None:
    """Add `Mention(kind="pronoun")` for third-person singular pronouns."""
    doc = parsed_doc(analysis, "actors")
    people = [e for e in entities if e.type == "PERSON" and not e.is_source_agency]
    if not people:
        return
    words, dep = words_of(doc), syntax_of(doc).dep
    lowers = words.lower
    pronouns = lexicon().pronouns
    # the pronouns' token numbers found in one pass (a look-up per word in the loop cost more);
    # a text without any needs neither its quotations nor its anchors read
    found = [i for i, lower in enumerate(lowers) if lower in pronouns]
    if not found:
        return
    regions = quote_regions(analysis.text)
    region_starts = [r[0] for r in regions]
    sentence_starts = [s.start for s in analysis.sentences]
    votes: dict[int, Counter[str]] = {}  # by object: ids are given after resolution
    # The anchors in order of their start (a pronoun's own anchor goes after those that start
    # where it does, as it came later): each pronoun looks only at the anchors from the first
    # sentence it may reach back to up to itself, not at all of them (quadratic in long texts).
    anchors = _anchors(analysis, people)
    starts = [a.start for a in anchors]
    for i in found:
        gender = pronouns[lowers[i]]
        if not gender:
            continue
        idx = words.start[i]
        sentence = sentence_index(analysis.sentences, sentence_starts, idx)
        if sentence is None:
            continue
        quote = _inside(regions, region_starts, idx)
        best: tuple[float, int, Entity] | None = None
        reach = analysis.sentences[max(0, sentence - MAX_SENTENCES_BACK)].start
        for anchor in anchors[bisect_left(starts, reach) : bisect_left(starts, idx)]:
            if anchor.start >= idx or sentence - anchor.sentence > MAX_SENTENCES_BACK:
                continue
            anchor_quote = _inside(regions, region_starts, anchor.start)
            if anchor_quote is not None and anchor_quote != quote:
                continue
            known = _gender(anchor.entity, votes)
            if known is not None and known != gender:
                continue
            if anchor.sentence == sentence and _same_clause_argument(doc, anchor, i):
                continue
            score = -SENTENCE_DISTANCE_COST * (sentence - anchor.sentence)
            score += SUBJECT_BONUS if anchor.subject else 0.0
            candidate = (score, anchor.start, anchor.entity)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
        if best is not None:
            entity = best[2]
            end = words.end[i]
            entity.mentions.append(Mention(idx, end, "pronoun"))
            votes.setdefault(id(entity), Counter())[gender] += 1
            subject = dep[i] in SUBJECT_DEPS
            at = bisect_right(starts, idx)
            starts.insert(at, idx)
            anchors.insert(at, _Anchor(entity, idx, end, subject, sentence))


def _same_clause_argument(doc: Any, anchor: _Anchor, pronoun: int) -> bool:
    """ "X met him": a non-reflexive object pronoun (token number) is not its own verb's
    subject."""
    syntax = syntax_of(doc)
    if syntax.dep[pronoun] not in OBJECT_DEPS or words_of(doc).lower[pronoun].endswith("self"):
        return False
    tokens = words_of(doc).char_span(anchor.start, anchor.end)
    return tokens is not None and syntax.head[syntax.root(*tokens)] == syntax.head[pronoun]


def _compatible(entity: Entity, country: str | None, head: str) -> bool:
    if entity.type != "PERSON" or entity.is_source_agency:
        return False
    if country is not None and entity.country != country:
        return False
    words = {w for t in entity.titles for w in t.split()} | {t for t in entity.titles}
    if head in words:
        return True
    if head == "leader":
        return bool(words & LEADER_HEADS) or (entity.sector == "GOV" and country is not None)
    return not entity.titles and country is not None


def resolve_nominals(analysis: Analysis, entities: list[Entity], kb: KnowledgeBase) -> None:
    """Add `Mention(kind="nominal")` for "the Syrian leader" / "the president" not next to a name."""
    doc = parsed_doc(analysis, "actors")
    if not entities:  # a role phrase refers back to a named entity: with none, none does
        return
    # the named mentions sorted and indexed only once a role phrase needs them: most
    # documents' "the" start no role phrase
    named: list[tuple[int, int, Entity]] | None = None
    named_starts: list[int] = []
    taken = SpanSet(())
    # which named mentions each (country, head) of a role phrase may refer to, found once per
    # pair: a scan of all mentions for every role phrase was quadratic in long texts
    fitting: dict[tuple[str | None, str], list[int]] = {}
    words = words_of(doc)
    sentence_starts = [s.start for s in analysis.sentences]
    for i in positions(words.lower, "the"):
        idx = words.start[i]
        if sentence_index(analysis.sentences, sentence_starts, idx) is None:
            continue
        role = _np_after(doc, i, kb)
        if role is None:
            continue
        tokens = words.char_span(role.start, role.end)
        if tokens is None or syntax_of(doc).tag[tokens[1] - 1] in {"NNS", "NNPS"}:
            continue
        following = words.texts[tokens[1]] if tokens[1] < len(words) else None
        if following is not None and (following[:1].isupper() or following == ","):
            continue  # a title or apposition of a name: roles.py reads those
        if named is None:
            named = sorted((m.start, m.end, e) for e in entities for m in e.mentions)
            named_starts = [s for s, _, _ in named]
            taken = SpanSet([(m.start, m.end) for e in entities for m in e.mentions])
        if taken.overlaps(role.start, role.end):
            continue
        head = role.title.split()[-1]
        key = (role.country, head)
        if key not in fitting:
            fitting[key] = [
                n for n, (_, _, e) in enumerate(named) if _compatible(e, role.country, head)
            ]
        candidates = fitting[key]
        before = bisect_left(candidates, bisect_left(named_starts, idx))
        if before:
            named[candidates[before - 1]][2].mentions.append(Mention(idx, role.end, "nominal"))
