"""Find the outlet that relayed a quote: "cited by IRNA", "told Reuters", "speaking to the BBC".

An object phrase counts as an outlet when it names a known outlet (cues.json), an entity the
actors stage marked as a source agency, or has an outlet head noun ("news agency", "television").
"""

from __future__ import annotations

import re
from typing import Any

from newsgraph.model import Entity
from newsgraph.quotes.cues import lexicon
from newsgraph.quotes.detect import Found, inside_quote
from newsgraph.quotes.doctext import text_of


def _outlet_name(np_head: Any, entities: list[Entity]) -> str | None:
    """The outlet an object phrase names ("Iran’s official IRNA news agency" → IRNA)."""
    doc = np_head.doc
    tokens = list(np_head.subtree)
    lo, hi = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    phrase = text_of(doc)[lo:hi]
    for name in lexicon().outlets:
        if name in phrase and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", phrase):
            return name
    for entity in entities:
        if entity.is_source_agency and any(lo <= m.start < hi for m in entity.mentions):
            return entity.name
    if np_head.lemma_.lower() in lexicon().outlet_nouns:
        names = [
            c for c in np_head.children if c.dep_ in ("compound", "appos") and c.pos_ == "PROPN"
        ]
        if names:
            return str(text_of(doc)[names[0].idx : names[-1].idx + len(names[-1].text)])
        return str(phrase)
    return None


def find_via(
    doc: Any, lo: int, hi: int, cue: Any, marked: list[Found], entities: list[Entity]
) -> str | None:
    """The outlet that relayed the speech ("cited by IRNA", "told Reuters"), or None."""
    span = doc.char_span(lo, hi, alignment_mode="expand")
    if span is None:
        return None
    lex = lexicon()
    marked = [f for f in marked if f.open_at < hi and f.close_at > lo]  # once, not per token
    candidates: list[Any] = []
    if cue is not None and cue.lemma_ == "tell":
        candidates += [c for c in cue.children if c.dep_ in ("dobj", "dative", "iobj")]
    for token in span:
        if inside_quote(token.idx, marked):
            continue
        if token.lemma_ in lex.relay_verbs:
            for agent in (c for c in token.children if c.dep_ == "agent"):
                candidates += [c for c in agent.children if c.dep_ == "pobj"]
        relays = token.lower_ in lex.relay_preps or token.head.lower_ == "according"
        if relays and (token.head is not cue or cue.lower_ != "according"):
            candidates += [c for c in token.children if c.dep_ == "pobj"]
    for head in candidates:
        name = _outlet_name(head, entities)
        if name is not None:
            return name
    return None
