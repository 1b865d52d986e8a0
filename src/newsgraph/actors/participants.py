"""The actors a span of text refers to, coded for an event's actor or recipient slot.

The events stage hands over a span (a verb's subject subtree, an object). We read the span's
heads from the parse: coordinated heads are separate participants ("Syria and Turkey"); a head
inside an entity mention is that entity (a country or capital acting stands for its government);
a head that is a role noun is coded from its modifiers ("a Turkish presidential spokesman",
"rebel commanders", "Russia's foreign ministry"); a plural "countries" with group adjectives is
one group participant ("Arab and Muslim countries" → code ARBMOSGOV: the CAMEO region/identity
codes of the adjectives, in text order, then GOV; no country). News agencies are never actors.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from newsgraph.actors.coding import compose_code
from newsgraph.actors.context import code_participants
from newsgraph.actors.lexicon import lexicon
from newsgraph.actors.names import sponsor_or_stance, title_at
from newsgraph.kb import KnowledgeBase, load_kb
from newsgraph.kb.codes import INTERGOVERNMENTAL
from newsgraph.model import Analysis, Entity, Participant
from newsgraph.words import children_of, subtree_order, syntax_of, words_of

GROUP_SECTOR = "GOV"
"""Sector of a group of states ("Arab countries" act through their governments)."""

STATE_CODINGS = frozenset({"country", "capital", "metonym"})
"""Entity codings of places that stand for their government when they act."""


COLLECTIVE_HEADS = frozenset(
    {"group", "tens", "number", "team", "band", "handful", "couple", "dozen", "dozens", "hundred",
     "hundreds", "thousand", "thousands", "million", "millions", "score", "scores", "contingent"}
)  # fmt: skip
"""Nouns whose "of"-phrase names who acts ("a group of diplomats")."""

ARMED = frozenset({"MIL", "PRM"})
"""A role word's armed sectors that a rebel group's own sector overrides ("militia", "troops")."""

PARTIAL_STATE = "PRE"
"""PLOVER's sector of a partially recognised entity (manual 5.1.3): its officials and forces
keep it ("forces of Transnistria" MDAPRE), under the nominal sovereign's country."""

OWNER_PREPOSITIONS = frozenset({"in", "of", "from", "throughout", "across", "inside"})
"""Prepositions whose object may say whose actors a role noun means ("police in Guinea")."""

PEOPLE_SECTOR = "CVL"
"""Sector of a national or ethnic group of people acting as such (PLOVER civilians)."""

REFUGEE_SECTOR = "REF"
"""PLOVER's sector of refugees and internally displaced people."""

DISPLACED_WORDS = frozenset(
    {"displaced", "refugee", "refugees", "evacuees", "uprooted", "idps", "idp"}
)
DISPLACED_LEMMAS = frozenset({"displace", "uproot", "evacuate"})
DISPLACED_ANYWHERE = re.compile("|".join(sorted(map(re.escape, DISPLACED_WORDS))))
"""Any of DISPLACED_WORDS, even inside another word: one search instead of one per word."""

PLACE_NOUNS = frozenset(
    {"border", "frontier", "boundary", "borderland", "coast", "coastline", "airspace",
     "waters", "soil", "territory"}
)  # fmt: skip
"""Nouns that name where something is, not who acts, whatever country modifies them ("near
the Turkish border": a place, not Turkey)."""

MINORITY_WORDS = frozenset({"ethnic", "minority"})
"""Words that make a demonym name a minority group, not the state ("ethnic Albanians")."""


@dataclass(frozen=True, slots=True)
class _Owner:
    """A country or organisation that a role word belongs to, with its span in the text."""

    country: str
    sector: str | None
    code: str | None
    start: int
    end: int


def _for_entity(entity: Entity, start: int, end: int) -> Participant:
    if entity.coding_source in STATE_CODINGS and entity.country:
        return Participant(entity.id, start, end, entity.country, "GOV", entity.country + "GOV")
    return Participant(entity.id, start, end, entity.country, entity.sector, entity.code)


class _MentionIndex:
    """The non-nested entity mentions of a document sorted by start, for lookups by offset.

    `_mention_at` is asked for nearly every word of every actor phrase; scanning all mentions
    each time made it quadratic in the document. A lookup bisects to the mentions that start
    at or before the offset and checks only those that can still reach it (none is longer
    than the longest mention), keeping the first in entity order, as the scan did.
    """

    __slots__ = ("ends", "entities", "longest", "ranks", "starts")

    def __init__(self, entities: list[Entity]) -> None:
        kept = [(e, m) for e in entities for m in e.mentions if m.kind != "nested"]
        starts = [m.start for _, m in kept]
        # A stable sort by start keeps entity order (the rank) among equal starts: the order
        # of sorting (start, rank) pairs, without building and comparing the pairs.
        ranks = sorted(range(len(kept)), key=starts.__getitem__)
        self.starts = [starts[r] for r in ranks]
        self.ranks = ranks
        self.ends = [kept[r][1].end for r in ranks]
        self.entities = [kept[r][0] for r in ranks]
        self.longest = max((e - s for s, e in zip(self.starts, self.ends, strict=True)), default=0)

    def at(self, offset: int) -> tuple[Entity, int, int] | None:
        best = -1
        n = bisect_right(self.starts, offset) - 1
        floor = offset - self.longest
        while n >= 0 and self.starts[n] >= floor:
            if offset < self.ends[n] and (best < 0 or self.ranks[n] < self.ranks[best]):
                best = n
            n -= 1
        if best < 0:
            return None
        return self.entities[best], self.starts[best], self.ends[best]


INDEX_KEY = "newsgraph.actors.mention_index"


def _mention_index(analysis: Analysis) -> _MentionIndex:
    """The analysis's mention index, built on first use and kept with its Doc (entities are
    final once the actors stage is done: the stages after it only read them)."""
    store = analysis.doc.user_data if analysis.doc is not None else {}
    cached = store.get(INDEX_KEY)
    entities = analysis.entities
    if cached is None or cached[0] is not entities or cached[1] != len(entities):
        cached = store[INDEX_KEY] = (entities, len(entities), _MentionIndex(entities))
    index: _MentionIndex = cached[2]
    return index


def _mention_at(analysis: Analysis, token: Any) -> tuple[Entity, int, int] | None:
    """The first entity (in entity order) with a non-nested mention covering the token."""
    return _mention_index(analysis).at(token.idx)


def _heads(doc: Any, start: int, end: int) -> list[Any]:
    """Tokens of doc[start:end] governed from outside it, plus their coordinated conjuncts
    (read off the head array: Token objects only for the heads found)."""
    syntax, children = syntax_of(doc), children_of(doc)
    head, dep = syntax.head, syntax.dep
    result: list[int] = []
    for i, governor in enumerate(head[start:end], start):
        if start <= governor < end and governor != i:
            continue
        if i not in result:
            result.append(i)
        if dep[i] != "conj" and "conj" not in [dep[c] for c in children[i]]:
            continue  # no coordination: no conjunct to add
        for token in _conjuncts(doc, i):
            if start <= token < end and token not in result:
                result.append(token)
    return [doc[i] for i in sorted(result)]


def _conjuncts(doc: Any, i: int) -> list[int]:
    """`Token.conjuncts` as token numbers: from the first of the coordination (up the "conj"
    links) down its right "conj" children, without the token itself."""
    syntax, children = syntax_of(doc), children_of(doc)
    head, dep = syntax.head, syntax.dep
    first = i
    while head[first] != first and dep[first] == "conj":
        first = head[first]
    found = [first]
    for word in found:  # grows while read: breadth first, as spaCy walks it
        found += [c for c in children[word] if c > word and dep[c] == "conj"]
    return [t for t in found if t != i]


def _group(head: Any) -> Participant | None:
    if head.lower_ not in lexicon().group_heads:
        return None
    words = lexicon().group_words
    modifiers = [c for c in head.children if c.dep_ in {"amod", "compound", "nmod"}]
    modifiers += [c for m in modifiers for c in m.conjuncts]
    codes = [words[m.lower_] for m in sorted(modifiers, key=lambda t: t.i) if m.lower_ in words]
    if not codes:
        return None
    start = min(m.idx for m in modifiers)
    return Participant(
        None, start, head.idx + len(head), None, GROUP_SECTOR, "".join(codes) + GROUP_SECTOR
    )


def _owner_of(analysis: Analysis, token: Any, kb: KnowledgeBase) -> _Owner | None:
    """The country or organisation a modifier word names: an entity mention ("U.S.", "Arab
    League", "Sri Lanka"), a demonym ("Romanian") or a country name ("Mozambique"); never a
    sponsor or a stance ("Russian-backed", "pro-Russian")."""
    if sponsor_or_stance(token):
        return None
    mention = _mention_at(analysis, token)
    if mention is not None:
        entity, m_start, m_end = mention
        if entity.is_source_agency or not entity.country:
            return None
        if entity.sector == PARTIAL_STATE:  # "officials of Abkhazia": GEO, sector PRE
            return _Owner(entity.country, entity.sector, entity.code, m_start, m_end)
        if entity.type in {"GPE", "LOC", "FAC", "NORP"} or entity.sector is None:
            return _Owner(entity.country, None, None, m_start, m_end)
        if entity.type == "PERSON":  # "the Putin government": the person's country
            return _Owner(entity.country, None, None, m_start, m_end)
        return _Owner(entity.country, entity.sector, entity.code, m_start, m_end)
    found = kb.country_by_demonym(token.text) or kb.country_by_name(token.text)
    if found is not None:
        return _Owner(found.iso3, None, None, token.idx, token.idx + len(token))
    place = next(
        (
            p
            for p in analysis.places
            if p.country and p.start <= token.idx < p.end and not p.adjectival
        ),
        None,
    )
    if place is not None and place.country is not None:
        return _Owner(place.country, None, None, place.start, place.end)
    return None


def _owner_after(
    analysis: Analysis, heads: list[Any], kb: KnowledgeBase, bounds: range
) -> _Owner | None:
    """A country in the role noun's own "in"/"of"/"from" phrase ("rebels in the Ivory Coast",
    "security forces of Guinea"); nested names count ("...in East Timor's capital"). Walked
    over token numbers, with a Token only for each candidate word."""
    if not heads:
        return None
    doc = heads[0].doc
    syntax, lower, children = syntax_of(doc), words_of(doc).lower, children_of(doc)
    dep, pos = syntax.dep, syntax.pos
    for head in heads:
        for prep in children[head.i]:
            if dep[prep] != "prep" or lower[prep] not in OWNER_PREPOSITIONS:
                continue
            for obj in children[prep]:
                if dep[obj] != "pobj":
                    continue
                # "the breakaway region of Abkhazia": the region's own "of" phrase names it
                named = [
                    o
                    for p in children[obj]
                    if dep[p] == "prep" and lower[p] == "of"
                    for o in children[p]
                    if dep[o] == "pobj"
                ]
                before = [t for t in subtree_order(children, obj) if t < obj]
                for token in [obj, *before, *named]:
                    if token not in bounds or pos[token] not in {"PROPN", "NOUN"}:
                        continue  # "the Israeli-occupied West Bank" is not Israel's
                    owner = _owner_of(analysis, doc[token], kb)
                    if owner is not None and (owner.code is None or owner.sector == PARTIAL_STATE):
                        return owner
                    if owner is not None and lower[prep] == "from":  # members of a group
                        return _Owner(owner.country, None, None, owner.start, owner.end)
    return None


MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
"""Dependencies of the words that say whose role a noun is ("Sri Lanka government troops")."""


def _clipped_adjective(token: Any, head: Any, kb: KnowledgeBase) -> bool:
    """A demonym right before the span that modifies its head (one the caller's span left out,
    as in a title-case headline parsed as one noun phrase: "Expels Peruvian Diplomats")."""
    return bool(
        token.head.i == head.i
        and token.dep_ in {"amod", "compound"}
        and kb.country_by_demonym(token.text) is not None
    )


def _modifiers(head: Any, bounds: range, kb: KnowledgeBase) -> list[Any]:
    """The head's left modifiers, their own modifiers and the words coordinated with them
    ("Senior Hungarian and Romanian officials", "Sri Lanka government troops"); walked over
    token numbers, with Token objects for the modifiers found."""
    doc, i = head.doc, head.i
    children, dep = children_of(doc), syntax_of(doc).dep
    found: list[int] = []
    pending = [c for c in children[i] if c < i and c in bounds and dep[c] in MODIFIER_DEPS]
    before = i - 1
    if i == bounds.start and before >= 0 and _clipped_adjective(doc[before], head, kb):
        pending.append(before)  # "Expels Peruvian Diplomats": the span lost its demonym
    while pending:
        token = pending.pop()
        if token in found:
            continue
        found.append(token)
        pending += [
            c
            for c in children[token]
            if c < i and c in bounds and (dep[c] in MODIFIER_DEPS or dep[c] == "conj")
        ]
    return [doc[t] for t in sorted(found)]


def _role(
    analysis: Analysis,
    head: Any,
    kb: KnowledgeBase,
    bounds: range,
    extra_heads: tuple[Any, ...] = (),
) -> list[Participant]:
    """A role noun coded from its modifiers: demonyms, countries or organisations (one
    participant per coordinated owner: "French and Egyptian warships"), and sector words."""
    modifiers = _modifiers(head, bounds, kb)
    owners: list[_Owner] = []
    role_words: list[str] = []
    for child in modifiers:
        owner = _owner_of(analysis, child, kb)
        if owner is None:
            if _mention_at(analysis, child) is None:
                role_words.append(child.lower_)
        elif not any(o.start == owner.start for o in owners):
            owners.append(owner)
    lower, lemma = head.lower_, head.lemma_.lower()  # each a string-store lookup: read once
    phrase = " ".join([*role_words, lower])
    words = _role_words()
    sector = kb.sector_for_role(phrase) or words.get(phrase) or words.get(lower)
    sector = sector or (words.get(lemma) if lemma else None)
    if lemma in PLACE_NOUNS:
        return []  # "the Turkish border" is where, not who
    if _displaced(head):
        sector = REFUGEE_SECTOR  # "families displaced near the border"
    if not owners:
        after = _owner_after(analysis, [head, *extra_heads], kb, bounds)
        owners = [] if after is None else [after]
    people = kb.country_by_demonym(head.text) if sector is None else None
    if people is not None:  # "Iraqi Turkmen", "ethnic Uzbeks": a group of people
        sector = PEOPLE_SECTOR
        if not owners and not MINORITY_WORDS & set(role_words):
            owners = [_Owner(people.iso3, None, None, head.idx, head.idx + len(head))]
    if sector is None and (not owners or head.pos_ == "PROPN"):
        return []  # an unknown name is not coded by the words around it
    if sector is None:
        sector = "GOV" if lower in {"officials", "official", "government", "authorities"} else None
    end = head.idx + len(head)
    if not owners:
        start = min([head.idx] + [m.idx for m in modifiers])
        return [Participant(None, start, end, None, sector, compose_code(None, sector))]
    found = []
    for number, owner in enumerate(owners):
        last = number == len(owners) - 1
        start = min([head.idx, owner.start] + [m.idx for m in modifiers])
        start = start if len(owners) == 1 else owner.start
        found.append(_owned(owner, sector, start, max(end, owner.end) if last else owner.end))
    return found


@lru_cache(maxsize=1)
def _role_words() -> dict[str, str]:
    """Role heads and organisation sector words in one table (the latter win), merged once
    (the lexicon is read once per process) instead of on every role noun."""
    return lexicon().role_heads | lexicon().org_sector_words


def _owned(owner: _Owner, sector: str | None, start: int, end: int) -> Participant:
    """A role held for an owner: a country's ("Romanian officials"), or an organisation's,
    whose code it carries and whose own sector wins over a generic GOV ("Hezbollah fighters")."""
    if owner.code is None:
        return Participant(
            None, start, end, owner.country, sector, compose_code(owner.country, sector)
        )
    if owner.sector == PARTIAL_STATE:  # a breakaway entity's own: its sector tells it apart
        return Participant(None, start, end, owner.country, owner.sector, owner.code)
    if owner.country in INTERGOVERNMENTAL:  # "UN peacekeepers" UNOMIL, "EU officials" EURGOV
        return Participant(
            None, start, end, owner.country, sector, compose_code(owner.country, sector)
        )
    if owner.sector and (sector in {"GOV", None} or (owner.sector == "REB" and sector in ARMED)):
        sector = owner.sector  # "paramilitary RSF fighters" after the RSF took up arms: REB
    return Participant(None, start, end, owner.country, sector, owner.code)


def _collective(head: Any, bounds: range) -> Any:
    """ "A group of Moroccan diplomats", "thousands of students": the members act."""
    if head.lemma_.lower() not in COLLECTIVE_HEADS:
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            members = [c for c in prep.children if c.dep_ == "pobj" and c.i in bounds]
            if members:
                return _collective(members[0], bounds) or members[0]
    return None


def _named_next(analysis: Analysis, head: Any, end: int) -> Participant | None:
    """A label noun right before a name stands for it ("NATO member Turkey", "rapper Drake");
    `end` is the token number after the phrase."""
    following = head.i + 1
    if following >= end or head.pos_ not in {"NOUN", "PROPN"}:
        return None
    mention = _mention_at(analysis, head.doc[following])
    if mention is None or mention[0].is_source_agency:
        return None
    return _for_entity(*mention)


def _with_owner(
    analysis: Analysis, participant: Participant, head: Any, kb: KnowledgeBase, bounds: range
) -> Participant:
    """A countryless named body takes the country its modifiers name ("Israel's Cabinet"), or
    else its own "in"/"of" phrase ("the Defence Ministry in Yerevan")."""
    if participant.country is not None or participant.sector is None:
        return participant
    outside = [
        t for t in _modifiers(head, bounds, kb) if not participant.start <= t.idx < participant.end
    ]
    owners = [o for t in outside if (o := _owner_of(analysis, t, kb)) is not None]
    if not owners and (after := _owner_after(analysis, [head], kb, bounds)) is not None:
        owners = [after]  # "the Defence Ministry in Yerevan": the body's own place
    if len(owners) != 1 or owners[0].code is not None:
        return participant
    country = owners[0].country
    return replace(
        participant,
        start=min(participant.start, owners[0].start),
        country=country,
        code=compose_code(country, participant.sector),
    )


def _people(
    analysis: Analysis, participant: Participant, head: Any, kb: KnowledgeBase, bounds: range
) -> Participant:
    """A national or ethnic group acting ("Kurds", "Albanians") is its civilians, of the country
    its words place it in: "Iraqi Kurds", "Albanians in southern Serbia"; "ethnic Albanians"
    are a minority, so their demonym alone gives no country."""
    outside = [
        t for t in _modifiers(head, bounds, kb) if not participant.start <= t.idx < participant.end
    ]
    owners = [o for t in outside if (o := _owner_of(analysis, t, kb)) is not None]
    owner = owners[0] if owners else _owner_after(analysis, [head], kb, bounds)
    country = participant.country
    start, end = participant.start, participant.end
    if owner is not None and owner.code is None:
        country, start, end = owner.country, min(start, owner.start), max(end, owner.end)
    elif any(t.lower_ in MINORITY_WORDS for t in outside) or (
        head.i > 0 and head.doc[head.i - 1].lower_ in MINORITY_WORDS
    ):
        country = None
    displaced = any(t.lower_ in DISPLACED_WORDS for t in outside) or _displaced(head)
    sector = REFUGEE_SECTOR if displaced else PEOPLE_SECTOR  # "Displaced Sudanese"
    return replace(
        participant,
        start=start,
        end=end,
        country=country,
        sector=sector,
        code=compose_code(country, sector),
    )


def participants_in(
    analysis: Analysis, start: int, end: int, kb: KnowledgeBase | None = None
) -> list[Participant]:
    """The actors the text span [start, end) refers to, one per coordinated member.

    `kb` is the knowledge base the caller's stage was built with (the built-in one if None);
    it is passed in, never remembered from the actors stage."""
    doc = analysis.doc
    tokens = words_of(doc).char_span(start, end) if doc is not None else None
    if tokens is None or tokens[1] <= tokens[0]:
        return []
    kb = kb if kb is not None else load_kb()
    bounds = range(*tokens)
    found: list[Participant] = []
    seen: set[str] = set()
    mention_at = _mention_index(analysis).at  # fetched once for all heads, not once per head
    for head in _heads(doc, *tokens):
        mention = mention_at(head.idx)
        participant: Participant | None
        if mention is None:  # "Foreign Minister and Deputy Prime Minister Jane Doe": Jane Doe
            mention = _titled_after(doc, head.i, mention_at)
        if mention is not None:
            entity, m_start, m_end = mention
            if entity.is_source_agency or entity.id in seen:
                continue
            seen.add(entity.id)
            participant = _for_entity(entity, m_start, m_end)
            if entity.type == "NORP":
                participant = _people(analysis, participant, head, kb, bounds)
            else:
                participant = _with_owner(analysis, participant, head, kb, bounds)
        else:
            members = _collective(head, bounds)
            coded = _role(analysis, members, kb, bounds, (head,)) if members is not None else []
            if coded:
                coded = [replace(p, start=min(p.start, head.idx)) for p in coded[:1]] + coded[1:]
            participant = _group(head)
            if participant is None:
                coded = coded or _role(analysis, head, kb, bounds)
                if coded:
                    found.extend(coded)
                    continue
                participant = _named_next(analysis, head, tokens[1])
            if participant is not None and participant.entity is not None:
                if participant.entity in seen:
                    continue
                seen.add(participant.entity)
        if participant is not None:
            found.append(participant)
    found = [_refugees(analysis, p) for p in found]
    return code_participants(analysis, found or _fallback(analysis, start, end), kb)


def _titled_after(
    doc: Any, i: int, mention_at: Callable[[int], tuple[Entity, int, int] | None]
) -> tuple[Entity, int, int] | None:
    """ "Foreign Minister and Deputy Prime Minister Amina Wekesa": the first title is one more
    title of the person named after the second, and stands for that person (the parse makes
    the two titles conjuncts, and the events stage asks for each alone). Asked of a capitalised
    title word right before "and"; reads at most `MAX_TITLE_WORDS` capitalised titles, then the
    person's mention (None if there is none)."""
    words = words_of(doc)
    lower, capital, n = words.lower, words.capital, len(words)
    if i + 2 >= n or lower[i + 1] != "and" or not capital[i] or not title_at(doc, i):
        return None
    k = i + 2
    while k < min(n, i + 2 + MAX_TITLE_WORDS) and capital[k] and title_at(doc, k):
        k += 1
    if k == i + 2 or k >= n:
        return None
    found = mention_at(words.start[k])
    if found is None or found[0].type != "PERSON" or found[1] != words.start[k]:
        return None
    return found


MAX_TITLE_WORDS = 4
"""Longest second title read ("Deputy Prime Minister")."""


def _displaced(head: Any) -> bool:
    """ "families displaced by the fighting", "people uprooted near the border"."""
    syntax = syntax_of(head.doc)
    dep, lemma = syntax.dep, syntax.lemma
    return any(
        dep[c] in {"acl", "amod", "relcl"} and lemma[c].lower() in DISPLACED_LEMMAS
        for c in children_of(head.doc)[head.i]
    )


def _refugees(analysis: Analysis, participant: Participant) -> Participant:
    """People the text calls displaced or refugees are REF, whatever their demonym says
    ("displaced Syrians"); their country stays their own (or the camp's), never the country of
    the border they sheltered near."""
    if participant.sector not in {None, PEOPLE_SECTOR}:
        return participant
    text = analysis.text[participant.start : participant.end].lower()
    if DISPLACED_ANYWHERE.search(text) is None:
        return participant  # no such word even inside another: no need to split the words
    words = set(re.findall(r"[a-z]+", text))
    if not words & DISPLACED_WORDS:
        return participant
    code = compose_code(participant.country, REFUGEE_SECTOR)
    return replace(participant, sector=REFUGEE_SECTOR, code=code)


def _fallback(analysis: Analysis, start: int, end: int) -> list[Participant]:
    """No head was an actor: every entity mentioned in the span, first mention first."""
    hits = sorted(
        (m.start, m.end, e)
        for e in analysis.entities
        if not e.is_source_agency
        for m in e.mentions
        if start <= m.start and m.end <= end and m.kind != "nested"
    )
    result: list[Participant] = []
    seen: set[str] = set()
    for m_start, m_end, entity in hits:
        if entity.id not in seen:
            seen.add(entity.id)
            result.append(_for_entity(entity, m_start, m_end))
    return result
