"""The document's own country: what "the government", "police" or "President Mwanawasa" belong
to when the sentence itself names no country, and whose ministry "the foreign ministry" is.

Evidence, in order:

1. the **dateline** ("BAKU, Oct 3 (Wire) -"): where the story was filed;
2. the **dominant country**: the one the text names (country names, demonyms, capitals and
   seats of power, places of one country) and whose officials it names, at least twice and
   strictly more often than any other. One mention settles nothing.

Nothing is guessed: a story that names two countries equally often has no context country, and
an actor then keeps an empty country. Only actors that belong to a state (not an international
body) take the context country; a role noun's own modifiers ("Romanian police") and the
knowledge base always come first, because coding runs before this.

A ministry named without its country ("the foreign ministry", "the ministry") is the ministry
of the country whose minister the story names (of that portfolio first, then any minister), or
else whose ambassador it names; officials of two countries settle nothing and the ministry's
country stays empty, even if the dateline names a country.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final, Literal

from newsgraph.actors.coding import compose_code
from newsgraph.annotate import parsed_doc
from newsgraph.gazetteer import load_gazetteer
from newsgraph.kb import KnowledgeBase
from newsgraph.kb.codes import TRANSNATIONAL
from newsgraph.model import Analysis, Diagnostic, Entity, Participant, Span
from newsgraph.spans import SpanSet
from newsgraph.words import Syntax, ents_of, syntax_of, words_of

ContextSource = Literal["dateline", "document"]

PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
NAMED_PLACE_TYPES = PLACE_TYPES | {"NORP"}
"""The entity types whose names place a story: places and peoples (made once, not per entity)."""
ACTOR_TYPES = frozenset({"PERSON", "ORG"})
"""Entities that act; places and peoples are coded by their own names."""
"""spaCy labels whose words can name a country (a place, a demonym)."""


@dataclass(frozen=True, slots=True)
class CountryContext:
    """The country the document is about and why."""

    country: str
    source: ContextSource
    evidence: str
    """What settled it: the dateline's words, or the names counted ("Zambian ×1, Lusaka ×2")."""


@dataclass(frozen=True, slots=True)
class MinistryCountry:
    """Whose ministry "the foreign ministry" is, and which named official settled it."""

    country: str
    evidence: str


def _country_of_name(name: str, kb: KnowledgeBase) -> str | None:
    name = name.strip().removeprefix("the ").removesuffix("'s").removesuffix("’s").strip()
    if not name:
        return None
    found = kb.country_by_name(name) or kb.country_by_demonym(name) or kb.country_by_capital(name)
    if found is None and " " in name:
        # "Iraqi Kurds", "Bosnian Serbs": the first word is the demonym
        found = kb.country_by_demonym(name.split()[0])
    return found.iso3 if found is not None else _country_of_place(name)


TOWN_POPULATION = 100_000
"""A place name counts for its country only if it names a town this large ("Kirkuk", "Abidjan")."""

DOMINANCE = 5
"""... and no same-named place of another country is more than a fifth as large ("Paris")."""


@lru_cache(maxsize=1 << 14)
def _country_of_place(name: str) -> str | None:
    """The country of a town the name names (the gazetteer never changes: kept per name)."""
    entries = sorted(load_gazetteer().lookup(name), key=lambda e: -e.population)
    if not entries or entries[0].country is None or entries[0].population < TOWN_POPULATION:
        return None
    top = entries[0]
    rivals = [e for e in entries[1:] if e.country != top.country]
    if any(e.population * DOMINANCE > top.population for e in rivals):
        return None
    return top.country


def _dateline(analysis: Analysis, kb: KnowledgeBase) -> CountryContext | None:
    span = analysis.document.dateline
    if span is None:
        return None
    words = analysis.text[span.start : span.end]
    # "TBILISI, Georgia (AP) —": the country after the comma names it; else the city
    head = words.split("(")[0].strip(" \t—–-:")
    parts = [p.strip() for p in head.split(",") if p.strip()]
    for part in reversed(parts):
        country = _country_of_name(part.title() if part.isupper() else part, kb)
        if country is not None:
            return CountryContext(country, "dateline", words.strip())
    return None


ELSEWHERE = frozenset({"to", "into", "toward", "towards", "against"})
"""Prepositions that name another country than the story's: where someone goes or is sent
("fled to Minsk", "sent back to Bulgaria"), whom an act targets ("sanctions against Nigeria")."""


def _elsewhere(syntax: Syntax, lower: list[str], root: int) -> bool:
    """The name (its root token) is the object of "to", "against" ... (`syntax` and `lower`:
    the Doc's tables, read once by the caller)."""
    return bool(syntax.dep[root] == "pobj" and lower[syntax.head[root]] in ELSEWHERE)


def _people_noun(syntax: Syntax, start: int, end: int, root: int, people: bool) -> bool:
    """ "(ethnic) Hungarians" names a people wherever they live; only "Hungarian" as a modifier
    ("the Hungarian police", "Iraqi Kurds") places the story."""
    if not (people and end - start == 1):
        return False
    return syntax.dep[root] not in {"amod", "compound"}


def _named_places(
    analysis: Analysis, entities: list[Entity], kb: KnowledgeBase
) -> list[tuple[tuple[int, int], str, bool]]:
    """((first token, after last), country, is a people) for every place and people the text
    names: the actor stage's own place entities (the small model mislabels "Yerevan" or
    "Baku"), then spaCy's remaining place and demonym names ("Azerbaijani troops": a modifier,
    no entity of its own)."""
    doc = parsed_doc(analysis, "actors")
    found: list[tuple[tuple[int, int], str, bool]] = []
    taken: list[tuple[int, int]] = []
    char_span = words_of(doc).char_span
    for entity in entities:
        if entity.type not in NAMED_PLACE_TYPES:
            continue
        country = entity.country or _country_of_name(entity.name, kb)
        for m in entity.mentions:
            tokens = char_span(m.start, m.end)
            if tokens is not None and tokens[1] > tokens[0] and country is not None:
                found.append((tokens, country, entity.type == "NORP"))
                taken.append((m.start, m.end))
    index = SpanSet(taken)  # asked only whether a name overlaps one
    words = words_of(doc)
    for ent in ents_of(doc):
        if ent.label not in PLACE_LABELS:
            continue
        if index.overlaps(ent.start_char, ent.end_char):
            continue
        country = _country_of_name(words.span_text(ent.start, ent.end), kb)
        if country is not None:
            found.append(((ent.start, ent.end), country, ent.label == "NORP"))
    return found


FOREIGN_POSTS = frozenset(
    {"ambassador", "envoy", "embassy", "consulate", "consul", "diplomat", "chargé", "charge"}
)
"""A country that only owns a foreign post ("the Peruvian embassy", "Peru's ambassador") is
the other side of the story, not where it happens."""

STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
"""Sectors of a state's own officials: a named one is evidence of the story's country."""

OWN_CODINGS = frozenset({"text", "kb", "dictionary", "user"})
"""Codings that come from a person's own words or entry, not from the document's country."""

MIN_EVIDENCE = 2
"""How many names (places, demonyms, officials) the dominant country needs in a story: one
passing mention settles nothing."""

BRIEF_SENTENCES = 2
"""A text of at most this many sentences (a news brief, a lone sentence) is all setting: the one
country it names is the whole evidence there is, so one name settles it."""


def _foreign_post(syntax: Syntax, root: int) -> bool:
    """ "the Peruvian embassy", "Peru's ambassador": the country owns a post abroad."""
    return bool(
        syntax.dep[root] in {"amod", "compound", "poss", "nmod"}
        and syntax.lemma[syntax.head[root]].lower() in FOREIGN_POSTS
    )


def _titles(entity: Entity, day: dt.date | None) -> list[str]:
    """The titles the text gives a person, and their knowledge-base roles held on the day
    ("Fidan" alone is the foreign minister the knowledge base knows)."""
    held = [
        r.title
        for r in entity.roles
        if r.source != "text"
        and (
            day is None or ((r.start is None or r.start <= day) and (r.end is None or day < r.end))
        )
    ]
    return [*entity.titles, *held]


def _is_envoy(entity: Entity) -> bool:
    return any(word in FOREIGN_POSTS for t in entity.titles for word in t.split())


def _officials(entities: list[Entity], kb: KnowledgeBase) -> list[Entity]:
    """Named officials of a state whose country their own title or entry gives (not envoys:
    an ambassador serves abroad)."""
    return [
        e
        for e in entities
        if e.type == "PERSON"
        and e.sector in STATE_SECTORS
        and e.coding_source in OWN_CODINGS
        and e.country is not None
        and kb.country(e.country) is not None
        and not _is_envoy(e)
    ]


def find_context(
    analysis: Analysis, entities: list[Entity], kb: KnowledgeBase
) -> CountryContext | None:
    """The dateline's country, else the one country the text names (and whose officials it
    names) at least twice and more often than any other, else None."""
    dated = _dateline(analysis, kb)
    if dated is not None:
        return dated
    if analysis.doc is None:
        return None
    counts: Counter[str] = Counter()
    names: dict[str, Counter[str]] = {}
    words, syntax = words_of(analysis.doc), syntax_of(analysis.doc)
    for (s, e), country, people in _named_places(analysis, entities, kb):
        root = syntax.root(s, e)  # once per name: the three tests below all read it
        if (
            _elsewhere(syntax, words.lower, root)
            or _people_noun(syntax, s, e, root, people)
            or _foreign_post(syntax, root)
        ):
            continue
        counts[country] += 1
        names.setdefault(country, Counter())[words.span_text(s, e)] += 1
    for official in _officials(entities, kb):
        assert official.country is not None
        counts[official.country] += 1
        names.setdefault(official.country, Counter())[f"official {official.name}"] += 1
    ranked = counts.most_common(2)
    needed = 1 if len(analysis.sentences) <= BRIEF_SENTENCES else MIN_EVIDENCE
    if not ranked or ranked[0][1] < needed:
        return None
    if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    country = ranked[0][0]
    evidence = ", ".join(f"{name} ×{n}" for name, n in names[country].most_common())
    return CountryContext(country, "document", evidence)


PORTFOLIOS = {
    "foreign": "foreign", "external": "foreign", "defence": "defence", "defense": "defence",
    "interior": "interior", "home": "interior", "finance": "finance", "treasury": "finance",
    "economy": "economy", "health": "health", "justice": "justice", "trade": "trade",
    "energy": "energy", "education": "education", "agriculture": "agriculture",
}  # fmt: skip
"""Words that name a ministry's portfolio ("Foreign Ministry", "ministry of defense")."""

MINISTRY_WORDS = frozenset({"ministry", "ministries"})
HOST_ACTS = frozenset({"summon", "expel", "call", "reprimand"})
"""Verbs of a host government towards an envoy ("summoned the ambassador"): such an envoy's
country is not the one whose ministry acts."""


def portfolio(phrase: str) -> str | None:
    """The portfolio of a ministry phrase ("the foreign ministry" → "foreign", "the ministry"
    → ""), or None when the phrase names no ministry."""
    words = re.findall(r"[a-z]+", phrase.lower())
    if not MINISTRY_WORDS & set(words):
        return None
    return next((PORTFOLIOS[w] for w in words if w in PORTFOLIOS), "")


def _envoy_at_host(analysis: Analysis, entity: Entity) -> bool:
    doc = analysis.doc
    if doc is None:
        return False
    syntax = syntax_of(doc)
    for m in entity.mentions:
        tokens = words_of(doc).char_span(m.start, m.end)
        if tokens is None:
            continue
        if syntax.lemma[syntax.head[syntax.root(*tokens)]].lower() in HOST_ACTS:
            return True
    return False


DISPUTED: Final = "disputed"
"""Officials of two countries are named: nothing settles whose ministry it is."""


def ministry_country(
    analysis: Analysis, entities: list[Entity], kb: KnowledgeBase, office: str
) -> MinistryCountry | Literal["disputed"] | None:
    """Whose ministry of a portfolio ("" for any) a countryless "the ministry" is: the one
    country of the story's ministers of that portfolio, else of all its ministers, else of its
    ambassadors (not one summoned or expelled by the host). DISPUTED where the first tier
    that has officials names two countries; None where none is named."""
    day = analysis.document.published
    titled = [(e, [t.lower() for t in _titles(e, day)]) for e in _officials(entities, kb)]
    ministers = [e for e, titles in titled if any("minister" in t for t in titles)]
    envoys = [
        e
        for e in entities
        if e.type == "PERSON"
        and _is_envoy(e)
        and e.coding_source in OWN_CODINGS
        and e.country is not None
        and kb.country(e.country) is not None
        and not _envoy_at_host(analysis, e)
    ]
    portfolio_of = {id(e): titles for e, titles in titled}
    same = [e for e in ministers if office and any(office in t for t in portfolio_of[id(e)])]
    for tier in (same, ministers, envoys if office in {"", "foreign"} else []):
        countries = {e.country for e in tier}
        if len(countries) > 1:
            return DISPUTED
        if countries:
            official = tier[0]
            assert official.country is not None
            known = _titles(official, day)
            title = known[0] if known else "official"
            return MinistryCountry(official.country, f"{title} {official.name}")
    return None


def _bare(code: str | None, sector: str | None) -> bool:
    """The code says no more than the sector (an organisation's own code, "ISMREB", is kept)."""
    return code is None or code == sector


def belongs_to_a_state(country: str | None, sector: str | None) -> bool:
    """An actor with no country of its own that a state may own: a state sector (GOV, MIL,
    CVL, REB, ...) or none at all (a private person, a local body). A country-level code of
    PLOVER's (UNO, IGO, NGO, ...) in either slot says it belongs to no state."""
    return country is None and sector not in TRANSNATIONAL


def _placed_country(
    analysis: Analysis, entity: Entity, kb: KnowledgeBase
) -> tuple[str, str] | None:
    """The country an organisation's own place names ("the Defence Ministry in Yerevan" → ARM),
    with the words that say so."""
    for m in entity.mentions:
        match = _PLACED_NAME.match(analysis.text, m.end)
        if match is not None:
            country = _country_of_name(match.group(1), kb)
            if country is not None:
                return country, analysis.text[m.start : match.end()]
    return None


def code_entities(
    analysis: Analysis,
    entities: list[Entity],
    context: CountryContext | None,
    kb: KnowledgeBase,
) -> None:
    """Give countryless people and organisations a country: an organisation its own place
    ("the Defence Ministry in Yerevan"), a ministry the country of the story's ministers, the
    rest the context country (coding_source says which)."""
    for entity in entities:
        if not (
            entity.type in ACTOR_TYPES
            and entity.kb_id is None
            and not entity.is_source_agency
            and _bare(entity.code, entity.sector)
            and belongs_to_a_state(entity.country, entity.sector)
        ):
            continue
        office = portfolio(entity.name) if entity.type == "ORG" else None
        placed = _placed_country(analysis, entity, kb) if entity.type == "ORG" else None
        if placed is not None:
            entity.country, entity.coding_source = placed[0], "text"
            _settled(analysis, "own_place", placed[0], placed[1], entity)
        elif office is not None:
            found = ministry_country(analysis, entities, kb, office)
            if isinstance(found, MinistryCountry):
                entity.country, entity.coding_source = found.country, "official"
                _settled(analysis, "ministry_country", found.country, found.evidence, entity)
            elif found is None and context is not None:
                entity.country, entity.coding_source = context.country, context.source
        elif context is not None and not (
            entity.type == "ORG"
            and (_placed(analysis.text, entity) or _country_of_place(entity.name) is not None)
        ):  # a town read as a group ("Luhansk") is coded by its own name, not the story's
            entity.country, entity.coding_source = context.country, context.source
        if entity.country is not None:
            entity.code = compose_code(entity.country, entity.sector)


def _settled(analysis: Analysis, code: str, country: str, evidence: str, entity: Entity) -> None:
    first = entity.mentions[0]
    analysis.diagnostics.append(
        Diagnostic(
            "actors",
            code,
            f"{entity.name}: {country} from {evidence}",
            Span(first.start, first.end),
        )
    )


_PLACED = re.compile(r"\s+(?:in|of|from)\s+(?:the\s+)?[A-Z]")
"""A name followed by its own place: "Defence Ministry in Yerevan", "police of Mosul"."""

_PLACED_NAME = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})")
"""... and that place's name."""


def _placed(text: str, entity: Entity) -> bool:
    return any(_PLACED.match(text, m.end) for m in entity.mentions)


NOT_ONE_STATE = frozenset({"sides", "parties", "both", "all", "each"})
"""Heads that name several parties at once ("both sides"): no one country owns them."""


def code_participants(
    analysis: Analysis, participants: list[Participant], kb: KnowledgeBase
) -> list[Participant]:
    """The same rules for an event's participants ("police", "the foreign ministry", "the
    workers"); each one whose country is the document's or its officials' says so in
    `country_source`."""
    context = analysis.country_context
    result: list[Participant] = []
    for p in participants:
        entity = analysis.entity(p.entity) if p.entity else None
        words = analysis.text[p.start : p.end].lower().split()
        if entity is not None and entity.type in PLACE_TYPES:
            pass  # a place is coded by its own name ("Goma" is not the story's country's)
        elif entity is not None and entity.coding_source in CONTEXT_SOURCES:
            p = replace(p, country_source=entity.coding_source)
        elif (
            belongs_to_a_state(p.country, p.sector)
            and _bare(p.code, p.sector)
            and not (words and words[-1] in NOT_ONE_STATE)
        ):
            p = _owned_by_context(analysis, p, context, kb, " ".join(words))
        result.append(p)
    return result


def _owned_by_context(
    analysis: Analysis,
    p: Participant,
    context: CountryContext | None,
    kb: KnowledgeBase,
    phrase: str,
) -> Participant:
    office = portfolio(phrase)
    if office is not None:
        found = ministry_country(analysis, analysis.entities, kb, office)
        if found == DISPUTED:
            return p
        if isinstance(found, MinistryCountry):
            code = compose_code(found.country, p.sector)
            return replace(p, country=found.country, code=code, country_source="official")
    if context is None:
        return p
    code = compose_code(context.country, p.sector)
    return replace(p, country=context.country, code=code, country_source=context.source)


CONTEXT_SOURCES = frozenset({"dateline", "document", "official"})
"""Codings that say whose the actor is from the rest of the document, not its own words."""


BLOC_SEATS = {"brussels": "EUR"}
"""Capitals that are also the seat of a bloc's institutions: in a story that names the bloc
("the European Commission", "EU ministers"), "Brussels" acting is the EU, not Belgium."""


def code_bloc_seats(entities: list[Entity]) -> None:
    """Recode a seat of a bloc acting as a government ("Brussels warned ...") as the bloc, when
    the story names one of that bloc's bodies."""
    seats = set(BLOC_SEATS.values())
    blocs = {e.country for e in entities if e.country in seats}
    for entity in entities:
        bloc = BLOC_SEATS.get(entity.name.lower())
        if bloc in blocs and entity.coding_source == "metonym":
            entity.country = bloc
            entity.code = compose_code(bloc, entity.sector)


_MINISTRY_PHRASE = re.compile(r"[Tt](?<!\w[Tt])he\s+(?:([a-z]+)\s+)?ministry\b")
"""A ministry named as a role noun, without a country of its own ("the foreign ministry").
`\b[Tt]he...` written with its first letter first and the word boundary as a look-behind (no
word character before that letter): the same matches, but the search skips to each T or t
instead of trying the pattern at every character (twice as fast over an article)."""


def ministry_diagnostics(analysis: Analysis, entities: list[Entity], kb: KnowledgeBase) -> None:
    """Record, for each countryless "the (foreign) ministry" of the text, which named official
    settles its country (the events stage codes the participant the same way), or that
    officials of several countries leave it empty."""
    if "ministry" not in analysis.text:  # the pattern's own word: most texts have none
        return
    seen: set[str] = set()
    for match in _MINISTRY_PHRASE.finditer(analysis.text):
        office = portfolio(match.group(0))
        if office is None or office in seen or analysis.sentence_at(match.start()) is None:
            continue
        seen.add(office)
        found = ministry_country(analysis, entities, kb, office)
        if found is None:
            continue
        if isinstance(found, MinistryCountry):
            message = f"{match.group(0)}: {found.country} from {found.evidence}"
        else:
            message = f"{match.group(0)}: officials of several countries, no country"
        span = Span(match.start(), match.end())
        analysis.diagnostics.append(Diagnostic("actors", "ministry_country", message, span))
