"""Find the outlet that relayed a quote: "cited by IRNA", "told Reuters", "speaking to the BBC".

An object phrase counts as an outlet when it names a known outlet (cues.json), an entity the
actors stage marked as a source agency, or has an outlet head noun ("news agency", "television").
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsgraph.model import Entity
from newsgraph.quotes.cues import lexicon
from newsgraph.quotes.detect import Found, inside_quote
from newsgraph.quotes.table import CueTable, in_range
from newsgraph.spans import SpanIndex


@lru_cache(maxsize=1)
def _any_outlet() -> re.Pattern[str]:
    """Matches where any known outlet name stands as a whole word (where the first of them, in
    the lexicon's order, is then looked for)."""
    names = "|".join(re.escape(name) for name in lexicon().outlets)
    return re.compile(rf"(?<!\w)(?:{names})(?!\w)")


def _outlet_name(table: CueTable, np_head: int, entities: list[Entity]) -> str | None:
    """The outlet an object phrase names ("Iran’s official IRNA news agency" → IRNA); the
    phrase runs from the first to the last token `Token.subtree` yields."""
    words, syntax = table.words, table.syntax
    first, last = table.first_last(np_head)
    lo, hi = words.start[first], words.end[last]
    text = table.text
    phrase = text[lo:hi]
    if _any_outlet().search(phrase) is not None:  # one scan before the names one by one
        for name in lexicon().outlets:
            if name in phrase and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", phrase):
                return name
    for entity in entities:
        if entity.is_source_agency and any(lo <= m.start < hi for m in entity.mentions):
            return entity.name
    if syntax.lemma[np_head].lower() in lexicon().outlet_nouns:
        dep, pos = syntax.dep, syntax.pos
        names = [
            c for c in table.kids[np_head] if dep[c] in ("compound", "appos") and pos[c] == "PROPN"
        ]
        if names:
            return text[words.start[names[0]] : words.end[names[-1]]]
        return phrase
    return None


def find_via(
    table: CueTable,
    lo: int,
    hi: int,
    cue: int | None,
    marks: SpanIndex[Found],
    entities: list[Entity],
) -> str | None:
    """The outlet that relayed the speech ("cited by IRNA", "told Reuters"), or None.

    `table` is the document's `CueTable` (it names the tokens a relay may hang from); `cue`
    the cue's token number; `marks` indexes the marked quotes (`mark_index`).
    """
    words = table.words
    span = table.token_span(lo, hi)
    if span is None:
        return None
    lex = lexicon()
    relays = in_range(table.relays, *span)
    marked = marks.overlapping(lo, hi) if relays else []  # once, not per token
    syntax, kids = table.syntax, table.kids
    lower, idx, lemma, head, dep = words.lower, words.start, syntax.lemma, syntax.head, syntax.dep
    candidates: list[int] = []
    if cue is not None and lemma[cue] == "tell":
        candidates += [c for c in kids[cue] if dep[c] in ("dobj", "dative", "iobj")]
    for i in relays:
        if inside_quote(idx[i], marked):
            continue
        if lemma[i] in lex.relay_verbs:
            for agent in (c for c in kids[i] if dep[c] == "agent"):
                candidates += [c for c in kids[agent] if dep[c] == "pobj"]
        # (a relay on "according" itself is not excluded: the check meant for it compared a
        # new Token object with the cue and never held; kept so for the same records)
        if lower[i] in lex.relay_preps or lower[head[i]] == "according":
            candidates += [c for c in kids[i] if dep[c] == "pobj"]
    for head_token in candidates:
        name = _outlet_name(table, head_token, entities)
        if name is not None:
            return name
    return None
