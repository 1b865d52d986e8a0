"""Roles stated in the text around a name.

News writes a person's role next to the name: before it ("Kenyan Foreign Minister Musalia
Mudavadi"), as an apposition ("Ethiopia's prime minister, Abiy Ahmed", "X, the foreign minister
of Y") or as a predicate ("X was named interim president"). The role's country comes from a
demonym, a possessive country or an "of"-phrase; its sector from the knowledge base's role table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsgraph.actors.lexicon import lexicon
from newsgraph.actors.mentions import NameMention
from newsgraph.actors.names import sponsor_or_stance_at
from newsgraph.kb import KBEntry, KnowledgeBase
from newsgraph.kb.codes import INTERGOVERNMENTAL
from newsgraph.words import syntax_of, words_of

PAST_SECTOR = "ELI"
"""PLOVER sector for former officials ("former president")."""

PARTIAL_STATE = "PRE"
"""A partially recognised entity ("Abkhaz leader"): the office is its, under the nominal
sovereign's country (PLOVER manual 5.1.3)."""

GOVERNMENT_LIKE = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})

PREDICATE = re.compile(
    r"\s+(?:(?:was|is|has\s+been|had\s+been|will\s+be)\s+(?:named|appointed|elected|sworn\s+in\s+as|"
    r"declared|confirmed\s+as|installed\s+as)|became|becomes|serves\s+as|served\s+as)\s+",
    re.IGNORECASE,
)
"""A verb phrase after a name that introduces the role it takes ("was named interim president")."""

DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their"})

OWNER_CONNECTORS = frozenset({"of", "-", "'s", "’s", "and", "&"})
"""Words that may join the names before a title ("Arab League", "Bank of England")."""

MAX_OWNER_TOKENS = 8
"""How far left of a title the owner (country, organisation) of the office is looked for."""

MAX_ORG_TOKENS = 5
"""Longest organisation or country name tried among the owner words."""


def lends_sector(org: KBEntry) -> bool:
    """Whether an organisation's officials take its sector: an armed group's or a party's do
    ("Hezbollah leader" is REB); an intergovernmental body's officials are international civil
    servants who keep their title's own sector (the IAEA's director general is GOV although a
    UN force is MIL)."""
    return bool(org.sector) and org.country not in INTERGOVERNMENTAL


@dataclass(frozen=True, slots=True)
class TextRole:
    title: str
    country: str | None
    sector: str | None
    past: bool
    start: int
    end: int
    code: str | None = None
    """The owning organisation's code when an organisation holds the office ("IGOARL")."""


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    words: set[str] = set()
    for head in lexicon().role_heads:
        words.update(head.split())
    return frozenset(words)


@lru_cache(maxsize=1)
def _max_role_words() -> int:
    return lexicon().max_role_words


def _head_of(words: list[str]) -> str | None:
    """The longest role head that ends the title ("deputy foreign minister" → "foreign minister")."""
    return _head_of_words(tuple(words))


@lru_cache(maxsize=1 << 14)
def _head_of_words(words: tuple[str, ...]) -> str | None:
    """`_head_of`, kept per title (the same few titles recur in every text)."""
    heads = lexicon().role_heads
    for size in range(min(len(words), _max_role_words()), 0, -1):
        candidate = " ".join(words[-size:])
        if candidate in heads:
            return candidate
    if "of" in words[1:]:  # "secretary of state", "minister of defence"
        return _head_of_words(words[: words.index("of")])
    return None


def _sector(kb: KnowledgeBase, title: str, head: str, past: bool) -> str | None:
    sector = kb.sector_for_role(title) or kb.sector_for_role(head) or lexicon().role_heads.get(head)
    if past and sector in GOVERNMENT_LIKE:
        return PAST_SECTOR
    return sector


@lru_cache(maxsize=1 << 14)
def _title_lower(lower: str) -> bool:
    """Whether a word (lower case) may stand in a title: a role word, modifier or marker."""
    word = lower.strip(".")
    words = lexicon()
    return (
        word in words.role_modifiers
        or word in _role_words()
        or word in words.past_role_markers
        or word == "-"
    )


def _country_before(doc: Any, i: int, kb: KnowledgeBase) -> tuple[str | None, int]:
    """A demonym ("Turkish") or possessive country ("Syria's") that ends at token i-1."""
    words = words_of(doc)
    texts = words.texts
    if i > 0 and not sponsor_or_stance_at(doc, i - 1):
        country = kb.country_by_demonym(texts[i - 1])
        if country is not None:
            return country.iso3, i - 1
    if i > 1 and texts[i - 1] in {"'s", "’s"}:
        sent_start = syntax_of(doc).sent_start
        start = i - 2
        while start > 0 and texts[start - 1][:1].isupper() and not sent_start[start - 1]:
            start -= 1
        for s in range(start, i - 1):
            country = kb.country_by_name(words.span_text(s, i - 1))
            if country is not None:
                return country.iso3, s
    return None, i


def _make(
    doc: Any,
    kb: KnowledgeBase,
    start: int,
    end: int,
    country: str | None,
    owner: tuple[str | None, KBEntry | None, bool] = (None, None, False),
) -> TextRole | None:
    tokens = words_of(doc)
    lower = tokens.lower
    words = [lower[k].strip(".") for k in range(start, end) if lower[k] not in DETERMINERS]
    head = _head_of(words)
    if head is None or not words:
        return None
    owner_country, org, owner_past = owner
    markers = lexicon().past_role_markers
    past = owner_past or any(w in markers for w in words)
    title = " ".join(words).replace(" - ", "-")
    sector = _sector(kb, title, head, past)
    code = None
    if country is None and org is not None:
        country = org.country
        if lends_sector(org):
            code = org.code
            if sector in {"GOV", None} or (org.sector == "REB" and sector in {"MIL", "PRM"}):
                sector = org.sector
    country = country or owner_country
    return TextRole(
        title,
        country,
        sector,
        past,
        tokens.start[start],
        tokens.end[end - 1],
        code,
    )


def _owner_words(doc: Any, start: int) -> int:
    """Where the words naming the office's owner begin, left of a title at token `start`:
    capitalised names, adjectives and joiners of one noun phrase ("French National Assembly",
    "Nigerian junior", "Arab League", "U.S.")."""
    words, syntax = words_of(doc), syntax_of(doc)
    texts, lower, pos, dep, sent_start = (
        words.texts,
        words.lower,
        syntax.pos,
        syntax.dep,
        syntax.sent_start,
    )
    i = start
    while i > 0 and start - i < MAX_OWNER_TOKENS and not sent_start[i]:
        k = i - 1
        joins = texts[k] in OWNER_CONNECTORS and i < start
        # "U.N. atomic agency chief", "UN refugee chief": common nouns of the title's phrase
        noun = pos[k] == "NOUN" and dep[k] in {"compound", "nmod", "amod"}
        if not (
            texts[k][:1].isupper() or pos[k] == "ADJ" or noun or joins or _title_lower(lower[k])
        ):
            break
        if lower[k] in DETERMINERS:
            break
        i -= 1
    while i < start and texts[i] in OWNER_CONNECTORS:
        i += 1
    return i


def _owner(doc: Any, start: int, kb: KnowledgeBase) -> tuple[str | None, KBEntry | None, bool]:
    """The country and organisation named in the words before a title, and whether they say
    the office is past ("Former Socialist prime minister"). The name nearest the title wins."""
    begin = _owner_words(doc, start)
    words = words_of(doc)
    country: str | None = None
    org: KBEntry | None = None
    markers = lexicon().past_role_markers
    past = any(words.lower[k] in markers for k in range(begin, start))
    i = start
    while i > begin and country is None and org is None:
        for size in range(min(MAX_ORG_TOKENS, i - begin), 0, -1):
            first = i - size
            if sponsor_or_stance_at(doc, first):
                continue  # "the pro-Russian leader", "the Moscow-installed governor"
            text = words.span_text(first, i)
            found = kb.country_by_name(text)
            if found is None and size == 1:
                found = kb.country_by_demonym(text)
            if found is not None:
                country = found.iso3
                break
            if words.texts[first][:1].isupper():
                entries = [
                    e
                    for e in kb.lookup(text)
                    if e.country and (e.type == "ORG" or e.sector == PARTIAL_STATE)
                ]
                if entries and not entries[0].is_agency:
                    org = entries[0]
                    break
        i -= 1
    return country, org, past


def _before(doc: Any, mention: NameMention, kb: KnowledgeBase) -> TextRole | None:
    """ "Turkish President X", "Syria's interim leader, X"."""
    words, sent_start = words_of(doc), syntax_of(doc).sent_start
    texts, lower = words.texts, words.lower
    end = mention.tstart
    if end > 0 and texts[end - 1] == ",":
        possessor = mention.tend < len(texts) and texts[mention.tend] in {"'s", "’s"}
        if possessor:
            return None  # "The Russian ambassador, Volkov's office said": Volkov is not him
        end -= 1
    if end != mention.tstart:
        of_role = _of_phrase_before(doc, end, kb)
        if of_role is not None:
            return of_role
    start = end
    while start > 0 and _title_lower(lower[start - 1]) and not sent_start[start]:
        start -= 1
    if start == end:
        return None
    if end != mention.tstart and start > 0 and lower[start - 1] in DETERMINERS:
        start -= 1
    country, _ = _country_before(doc, start, kb)
    return _make(doc, kb, start, end, country, _owner(doc, start, kb))


MAX_OF_PHRASE = 10
"""Longest "of"-phrase read between a title and the apposed name ("the leader of the
self-proclaimed republic, X")."""


def _named_in(
    doc: Any, start: int, end: int, kb: KnowledgeBase
) -> tuple[str | None, KBEntry | None]:
    """The country or organisation (an ORG or a breakaway entity) named in doc[start:end],
    longest first ("the self-proclaimed Donetsk People's Republic", "the U.N. nuclear
    watchdog")."""
    words = words_of(doc)
    for size in range(min(MAX_ORG_TOKENS + 3, end - start), 0, -1):
        for i in range(start, end - size + 1):
            if sponsor_or_stance_at(doc, i):
                continue
            text = words.span_text(i, i + size)
            found = kb.country_by_name(text)
            if found is not None:
                return found.iso3, None
            entries = [
                e
                for e in kb.lookup(text)
                if e.country and (e.type == "ORG" or e.sector == PARTIAL_STATE)
            ]
            if entries and not entries[0].is_agency:
                return None, entries[0]
    return None, None


def _of_phrase_before(doc: Any, end: int, kb: KnowledgeBase) -> TextRole | None:
    """ "The leader of the self-proclaimed Donetsk People's Republic, X", "the head of the
    U.N. nuclear watchdog, X": a title and its "of"-phrase before an apposed name; the phrase
    names the office's owner."""
    words, sent_start = words_of(doc), syntax_of(doc).sent_start
    texts, lower = words.texts, words.lower
    i = end - 1
    while i > 0 and end - i <= MAX_OF_PHRASE and lower[i] != "of":
        if sent_start[i] or texts[i] in {",", ";", ":"}:
            return None
        i -= 1
    if i <= 0 or lower[i] != "of" or not _title_lower(lower[i - 1]):
        return None
    start = i
    while start > 0 and _title_lower(lower[start - 1]) and not sent_start[start]:
        start -= 1
    country, org = _named_in(doc, i + 1, end, kb)
    if country is None and org is None:
        return None
    return _make(doc, kb, start, i, country, (None, org, False))


def _np_after(doc: Any, i: int, kb: KnowledgeBase) -> TextRole | None:
    """A role noun phrase starting at token i: "[the|Syria's|Turkish] interim president [of Y]"."""
    words = words_of(doc)
    texts, lower = words.texts, words.lower
    n = len(texts)
    country = None
    if i < n and lower[i] in DETERMINERS:
        i += 1
    for size in (3, 2, 1):  # a possessive country: "Syria's"
        if i + size < n and texts[i + size] in {"'s", "’s"}:
            found = kb.country_by_name(words.span_text(i, i + size))
            if found is not None:
                country, i = found.iso3, i + size + 1
                break
    if country is None and i < n:
        demonym = kb.country_by_demonym(texts[i])
        if demonym is not None and i + 1 < n and _title_lower(lower[i + 1]):
            country, i = demonym.iso3, i + 1
    start = i
    while i < n and _title_lower(lower[i]) and lower[i] != "of":
        i += 1
    if i == start:
        return None
    end = i
    if i + 1 < n and lower[i] == "of":
        for size in (3, 2, 1):
            if i + 1 + size <= n:
                found = kb.country_by_name(words.span_text(i + 1, i + 1 + size))
                if found is not None:
                    country = found.iso3
                    break
    return _make(doc, kb, start, end, country)


def _after(doc: Any, text: str, mention: NameMention, kb: KnowledgeBase) -> TextRole | None:
    """ "X, the foreign minister of Y," and "X was named interim president"."""
    texts = words_of(doc).texts
    i = mention.tend
    if i < len(texts) and texts[i] in {"'s", "’s"}:
        return None
    if i < len(texts) and texts[i] == ",":
        return _np_after(doc, i + 1, kb)
    match = PREDICATE.match(text, mention.end)
    if match is None:
        return None
    span = words_of(doc).char_span(match.end(), match.end() + 1)  # no Span object
    return None if span is None else _np_after(doc, span[0], kb)


def text_roles(doc: Any, text: str, mention: NameMention, kb: KnowledgeBase) -> list[TextRole]:
    """The roles the text states for one person mention (0, 1 or 2)."""
    found = [_before(doc, mention, kb), _after(doc, text, mention, kb)]
    return [r for r in found if r is not None]
