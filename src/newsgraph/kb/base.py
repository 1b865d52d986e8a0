"""The loaded knowledge base and its look-ups (names, countries, demonyms, capitals, roles).

Every look-up is an exact match on `normalize_name` keys; short acronyms (US, AP, WHO, IS) are
matched only when written in capitals, so the pronoun "us" or the word "who" never resolve.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from newsgraph.kb.normalize import acronym_key, is_guarded_acronym, normalize_name
from newsgraph.kb.types import Country, KBEntry

RANK_NAME, RANK_ALIAS, RANK_SURNAME = 0, 1, 2
"""How a look-up key was reached, best first: canonical name, listed alias, bare surname."""

FORMER_WORDS = frozenset({"former", "ex", "ousted", "exiled", "deposed", "toppled", "late"})
"""Role modifiers that turn an office into PLOVER's ELI (former officials)."""

FORMER_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP"})
"""Sectors whose former holders are coded ELI."""

DOMINANT_MODIFIERS: Mapping[str, str] = {
    "rebel": "REB",
    "insurgent": "REB",
    "militant": "REB",
    "jihadist": "REB",
    "separatist": "REB",
    "guerrilla": "REB",
    "displaced": "REF",
    "opposition": "OPP",
    "police": "COP",
    "army": "MIL",
    "military": "MIL",
    "militia": "UAF",
    "paramilitary": "PRM",
    "intelligence": "SPY",
}
"""A modifier that decides the sector whatever the head noun: "rebel spokesman" is REB,
"separatist forces" REB (not the state's MIL), "displaced families" REF (refugees of the
country where they are)."""

AGENCY_SEPARATORS = re.compile(r"\s*(?:/|,|;|\bvia\b|\band\b|\+)\s*", re.IGNORECASE)
"""Credit lines name several agencies: "AFP via Getty Images", "Reuters/AP"."""

CREDIT_LINE = re.compile(r"^[^/]+?(?:/|\s+via\s+)", re.IGNORECASE)
"""A photo credit: "<photographer or handout source>/<agency>" or "<source> via <agency>"."""

_NO_SURNAME_TOKENS = frozenset({"bin", "bint", "ben", "abu", "umm", "ould", "wad"})
"""Patronymic names ("Mohammed bin Salman") are never reduced to their last word."""

MEMO_SIZE = 1 << 16
"""Names whose look-up answers a knowledge base keeps (the actors stage asks for the same
few thousand names again and again); past this many the memo starts afresh."""


def _remember(memo: dict[str, Country | None], name: str, found: Country | None) -> Country | None:
    """Keep a country look-up's answer (a knowledge base never changes once built); past
    `MEMO_SIZE` names the memo starts afresh."""
    if len(memo) >= MEMO_SIZE:
        memo.clear()
    memo[name] = found
    return found


class KnowledgeBase:
    """Countries, named actors and sources, and the role-noun lexicon, with their indexes."""

    def __init__(
        self,
        countries: Iterable[Country],
        entries: Iterable[KBEntry],
        roles: Mapping[str, str],
        surnames: Mapping[str, str | None] | None = None,
        capital_spellings: Mapping[str, str] | None = None,
    ) -> None:
        """`surnames`: entry id -> surname key ("" for none; default: a person's last name word).
        `capital_spellings`: other spellings of capitals ("Kiev") -> iso3."""
        self._countries = {c.iso3: c for c in countries}
        self._entries = list(entries)
        self._names: dict[str, list[tuple[int, int, KBEntry]]] = {}
        self._acronyms: dict[str, list[tuple[int, int, KBEntry]]] = {}
        self._country_names: dict[str, str] = {}
        self._country_acronyms: dict[str, str] = {}
        self._demonyms: dict[str, str] = {}
        self._capitals: dict[str, str] = {}
        self._looked_up: dict[str, tuple[KBEntry, ...]] = {}
        self._by_country_name: dict[str, Country | None] = {}
        self._by_demonym: dict[str, Country | None] = {}
        self._by_capital: dict[str, Country | None] = {}
        self._agencies: dict[str, bool] = {}
        self._role_sectors: dict[str, str | None] = {}
        self._roles = {normalize_name(p): s.upper() for p, s in roles.items()}
        self._max_role_words = max((len(p.split()) for p in self._roles), default=1)
        given_names = {normalize_name(v) for v in ("Muhammad", "Ahmad", "Abd", "Abdullah")}
        for order, entry in enumerate(self._entries):
            self._index(entry.name, RANK_NAME, order, entry)
            for alias in entry.aliases:
                self._index(alias, RANK_ALIAS, order, entry)
            surname = (surnames or {}).get(entry.id)
            if surname is None and entry.type == "PERSON":
                tokens = normalize_name(entry.name).split()
                if len(tokens) > 1 and not _NO_SURNAME_TOKENS & set(tokens):
                    surname = tokens[-1]
            if surname and normalize_name(surname) not in given_names:
                self._index(surname, RANK_SURNAME, order, entry)
        for country in self._countries.values():
            for name in (country.name, *country.names):
                self._put_country(self._country_names, name, country.iso3)
            for demonym in country.demonyms:
                self._demonyms.setdefault(normalize_name(demonym), country.iso3)
            for place in (country.capital, *country.seats):
                if place:
                    self._capitals.setdefault(normalize_name(place), country.iso3)
        for place, iso3 in (capital_spellings or {}).items():
            self._capitals.setdefault(normalize_name(place), iso3)

    # --- building ------------------------------------------------------------------------------

    def _index(self, name: str, rank: int, order: int, entry: KBEntry) -> None:
        if is_guarded_acronym(name):
            key = acronym_key(name) or ""
            self._acronyms.setdefault(key, []).append((rank, order, entry))
            return
        key = normalize_name(name)
        if key:
            self._names.setdefault(key, []).append((rank, order, entry))
        acronym = acronym_key(name)
        if acronym:
            self._acronyms.setdefault(acronym, []).append((rank, order, entry))

    def _put_country(self, table: dict[str, str], name: str, iso3: str) -> None:
        if is_guarded_acronym(name):
            self._country_acronyms.setdefault(acronym_key(name) or "", iso3)
        else:
            table.setdefault(normalize_name(name), iso3)

    # --- named actors --------------------------------------------------------------------------

    @property
    def entries(self) -> tuple[KBEntry, ...]:
        return tuple(self._entries)

    def lookup(self, name: str) -> list[KBEntry]:
        """Entries known by this name or alias, best first (name, alias, then bare surname;
        user files before built-in data). The answers are kept: the knowledge base never
        changes once built."""
        return list(self._entries_for(name))

    def best(self, name: str) -> KBEntry | None:
        """`lookup(name)[0]`, or None: the first entry alone, without copying the list (name
        matching tries every window of a name run)."""
        found = self._looked_up.get(name)  # `_entries_for`'s kept answer read in place
        if found is None:
            found = self._entries_for(name)
        return found[0] if found else None

    def _entries_for(self, name: str) -> tuple[KBEntry, ...]:
        try:
            return self._looked_up[name]
        except KeyError:
            if len(self._looked_up) >= MEMO_SIZE:
                self._looked_up.clear()
            found = self._looked_up[name] = tuple(self._lookup(name))
            return found

    def _lookup(self, name: str) -> list[KBEntry]:
        hits = list(self._names.get(normalize_name(name), ()))
        acronym = acronym_key(name)
        if acronym:
            hits.extend(self._acronyms.get(acronym, ()))
        seen: set[str] = set()
        ordered: list[KBEntry] = []
        for _, _, entry in sorted(hits, key=lambda h: (h[0], h[1])):
            if entry.id not in seen:
                seen.add(entry.id)
                ordered.append(entry)
        return ordered

    def is_news_agency(self, name: str) -> bool:
        """Whether `name` is a news or photo agency, or a credit line whose parts are agencies
        ("AFP via Getty Images", "Reuters/AP") after an optional photographer or handout
        source ("Jane Doe/AFP", "Interior Ministry via AP")."""
        known = self._agencies.get(name)
        if known is None:
            if len(self._agencies) >= MEMO_SIZE:
                self._agencies.clear()
            known = self._agencies[name] = self._is_news_agency(name)
        return known

    def _is_news_agency(self, name: str) -> bool:
        if self._is_agency(name):
            return True
        parts = [p for p in AGENCY_SEPARATORS.split(name) if p.strip()]
        if len(parts) < 2:
            return False
        if all(self._is_agency(p) for p in parts):
            return True
        credited = CREDIT_LINE.match(name) is not None
        return credited and all(self._is_agency(p) for p in parts[1:])

    def _is_agency(self, name: str) -> bool:
        return any(e.is_agency for e in self.lookup(name))

    # --- countries -----------------------------------------------------------------------------

    @property
    def countries(self) -> tuple[Country, ...]:
        return tuple(self._countries.values())

    def country(self, iso3: str) -> Country | None:
        return self._countries.get(iso3.upper())

    def country_by_name(self, name: str) -> Country | None:
        """ "Turkey", "Türkiye", "the U.S.", "DRC" -> the country (acronyms only in capitals)."""
        try:
            return self._by_country_name[name]
        except KeyError:
            return _remember(self._by_country_name, name, self._country_by_name(name))

    def _country_by_name(self, name: str) -> Country | None:
        acronym = acronym_key(name)
        iso3 = self._country_names.get(normalize_name(name))
        if iso3 is None and acronym:
            iso3 = self._country_acronyms.get(acronym)
        return self._countries.get(iso3) if iso3 else None

    def country_by_demonym(self, word: str) -> Country | None:
        """ "Turkish", "Turks", "Saudi", "Israelis" -> the country."""
        try:
            return self._by_demonym[word]
        except KeyError:
            return _remember(self._by_demonym, word, self._country_by_demonym(word))

    def _country_by_demonym(self, word: str) -> Country | None:
        key = normalize_name(word)
        iso3 = self._demonyms.get(key)
        if iso3 is None and len(key) > 3 and key.endswith("s"):
            iso3 = self._demonyms.get(key[:-1])
        return self._countries.get(iso3) if iso3 else None

    def country_by_capital(self, name: str) -> Country | None:
        """Metonymy: a capital ("Ankara") or seat of power ("the Kremlin") -> its country."""
        try:
            return self._by_capital[name]
        except KeyError:
            return _remember(self._by_capital, name, self._country_by_capital(name))

    def _country_by_capital(self, name: str) -> Country | None:
        iso3 = self._capitals.get(normalize_name(name))
        return self._countries.get(iso3) if iso3 else None

    # --- role nouns ----------------------------------------------------------------------------

    def sector_for_role(self, phrase: str) -> str | None:
        """The PLOVER sector of a role noun phrase: "foreign minister" -> GOV, "rebel commander"
        -> REB, "former president" -> ELI. The longest known ending decides, unless an earlier
        word is a dominant modifier (rebel, police, army, ...). Answers are kept per phrase."""
        try:
            return self._role_sectors[phrase]
        except KeyError:
            if len(self._role_sectors) >= MEMO_SIZE:
                self._role_sectors.clear()
            found = self._role_sectors[phrase] = self._sector_for_role(phrase)
            return found

    def _sector_for_role(self, phrase: str) -> str | None:
        words = normalize_name(phrase).split()
        words = [w for w in words if not self._is_country_word(w)] or words
        sector: str | None = None
        head_at = len(words)
        for start in range(max(0, len(words) - self._max_role_words), len(words)):
            found = next(
                (self._roles[k] for k in _number_forms(words[start:]) if k in self._roles), None
            )
            if found:
                sector, head_at = found, start
                break
        for word in words[:head_at]:
            singular = word[:-1] if word.endswith("s") else word
            modifier = DOMINANT_MODIFIERS.get(word) or DOMINANT_MODIFIERS.get(singular)
            if modifier:
                sector = modifier
                break
        if sector in FORMER_SECTORS and FORMER_WORDS & set(words[:head_at]):
            return "ELI"
        return sector

    def _is_country_word(self, word: str) -> bool:
        return word in self._demonyms or word in self._country_names


def _number_forms(words: list[str]) -> list[str]:
    """The phrase as written and with its last word made singular (soldiers, spokesmen)."""
    last = words[-1]
    forms = [last]
    if last.endswith("men"):
        forms.append(last[:-3] + "man")
    if last.endswith("ies"):
        forms.append(last[:-3] + "y")
    if last.endswith("es"):
        forms.append(last[:-2])
    if last.endswith("s") and not last.endswith("ss"):
        forms.append(last[:-1])
    head = " ".join(words[:-1])
    return [f"{head} {form}" if head else form for form in forms]
