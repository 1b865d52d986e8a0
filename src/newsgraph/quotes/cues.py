"""The cue lexicon: which words introduce speech, and which names are news outlets.

The speech verbs come from the shared list (`newsgraph.speech`, one flag per use) and the outlets
from the shared `newsgraph.agencies` list;
relay prepositions and person titles live in `cues.json` next to this module. This module only
loads them once and exposes them as frozen sets.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from newsgraph import agencies
from newsgraph.speech import verbs_with
from newsgraph.words import Syntax, syntax_of, words_of

LEXICON_FILE = "cues.json"


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: frozenset[str]
    """Lemmas of verbs that attribute a quote to their subject."""
    report_verbs: frozenset[str]
    """Lemmas whose clausal complement is reported speech (kind "indirect")."""
    colon_verbs: frozenset[str]
    """Lemmas that are cues only right before ':' or ',' ("She continued: ...")."""
    relay_verbs: frozenset[str]
    """Lemmas whose "by X" agent relays speech ("cited by IRNA")."""
    appeal_verbs: frozenset[str]
    """Lemmas for which "V X to do Y" is an appeal ("urged Kenya to reopen the border")."""
    characterise_verbs: frozenset[str]
    """Lemmas for which "V X as Y" reports a view ("described the ruling as historic")."""
    question_verbs: frozenset[str]
    """Lemmas whose whether/wh- complement is a reported question ("asked how ...")."""
    relay_preps: frozenset[str]
    """Prepositions whose object relays speech ("in an interview with X", "speaking to X")."""
    outlets: tuple[str, ...]
    """Known outlet names, longest first so "Associated Press" wins over "AP"."""
    outlet_nouns: frozenset[str]
    """Head nouns that make a phrase an outlet ("news agency", "state television")."""
    person_titles: frozenset[str]
    """Nouns that make a speaker a person ("Mayor Ana Costa", "the spokeswoman")."""
    body_nouns: frozenset[str]
    """Nouns that make a named speaker a body ("rival union Unite", "the Workers' Alliance")."""


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load the lexicon once per process."""
    raw = resources.files(__package__).joinpath(LEXICON_FILE).read_text(encoding="utf-8")
    data = json.loads(raw)
    return Lexicon(
        verbs=verbs_with("cue"),
        report_verbs=verbs_with("report"),
        colon_verbs=verbs_with("colon"),
        relay_verbs=verbs_with("relay"),
        appeal_verbs=verbs_with("appeal"),
        characterise_verbs=verbs_with("characterise"),
        question_verbs=verbs_with("question"),
        relay_preps=frozenset(data["relay_preps"]),
        outlets=tuple(sorted(agencies.forms("relay"), key=len, reverse=True)),
        outlet_nouns=frozenset(n.lower() for n in data["outlet_nouns"]),
        person_titles=frozenset(n.lower() for n in data["person_titles"]),
        body_nouns=frozenset(n.lower() for n in data["body_nouns"]),
    )


PHRASAL_DEPS = frozenset({"prt", "acomp", "oprd", "advmod", "ccomp", "xcomp"})
"""Where a parser puts the second word of a phrasal cue ("pointed out", "made clear")."""


def cue_lemma(token: Any) -> str:
    """The token's lemma, or its phrasal lemma when the lexicon knows that ("point out")."""
    lemma = str(token.lemma_).lower()
    for child in token.children:
        if child.dep_ in PHRASAL_DEPS and child.i == token.i + 1:
            phrasal = f"{lemma} {child.lower_}"
            if phrasal in lexicon().verbs:
                return phrasal
    return lemma


def cue_lemma_at(doc: Any, i: int) -> str:
    """`cue_lemma(doc[i])` read from the Doc's arrays (`words_of`, `syntax_of`): no Token built."""
    return phrasal_cue_lemma(syntax_of(doc), words_of(doc).lower, i)


def phrasal_cue_lemma(syntax: Syntax, lower: list[str], i: int) -> str:
    """`cue_lemma` of token `i` from a Doc's `Syntax` and lower-cased words: its lemma, or the
    lemma and the particle right after it ("point out") where the lexicon lists the pair."""
    lemma = syntax.lemma[i].lower()
    following = i + 1
    if (
        following < len(lower)
        and syntax.head[following] == i
        and syntax.dep[following] in PHRASAL_DEPS
    ):
        phrasal = f"{lemma} {lower[following]}"
        if phrasal in lexicon().verbs:
            return phrasal
    return lemma
