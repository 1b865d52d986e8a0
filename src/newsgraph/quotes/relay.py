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
from newsgraph.quotes.table import cue_table, in_range
from newsgraph.spans import SpanIndex
from newsgraph.words import syntax_of, words_of


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
    doc: Any, lo: int, hi: int, cue: Any, marks: SpanIndex[Found], entities: list[Entity]
) -> str | None:
    """The outlet that relayed the speech ("cited by IRNA", "told Reuters"), or None.

    `marks` indexes the marked quotes (`mark_index`); the document's `CueTable` names the
    tokens a relay may hang from, and a Token is built only for those.
    """
    words = words_of(doc)
    span = words.char_span(lo, hi)
    if span is None:
        return None
    lex = lexicon()
    marked = marks.overlapping(lo, hi)  # once, not per token
    candidates: list[Any] = []
    if cue is not None and cue.lemma_ == "tell":
        candidates += [c for c in cue.children if c.dep_ in ("dobj", "dative", "iobj")]
    syntax = syntax_of(doc)
    lower, idx, lemma, head = words.lower, words.start, syntax.lemma, syntax.head
    for i in in_range(cue_table(doc).relays, *span):
        if inside_quote(idx[i], marked):
            continue
        if lemma[i] in lex.relay_verbs:
            for agent in (c for c in doc[i].children if c.dep_ == "agent"):
                candidates += [c for c in agent.children if c.dep_ == "pobj"]
        # (a relay on "according" itself is not excluded: the check meant for it compared a
        # new Token object with the cue and never held; kept so for the same records)
        if lower[i] in lex.relay_preps or lower[head[i]] == "according":
            candidates += [c for c in doc[i].children if c.dep_ == "pobj"]
    for head_token in candidates:
        name = _outlet_name(head_token, entities)
        if name is not None:
            return name
    return None
