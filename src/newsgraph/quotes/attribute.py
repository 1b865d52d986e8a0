"""Attribute a quote: find its cue word, the speaker phrase the cue governs, and any relay.

The cue is searched in the sentence around the quote, outside every quotation: after the closing
mark ("…,” he said) when it follows at once, else the nearest before the opening mark
("Modi hailed the accord as a “milestone”"). The speaker is the subject of the cue verb
(climbing through "saying", conjoined and relative clauses), or the object of "according to".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from newsgraph.annotate import doc_text
from newsgraph.model import Entity, Sentence
from newsgraph.quotes.cues import lexicon
from newsgraph.quotes.detect import Found, inside_quote
from newsgraph.quotes.relay import find_via

NEAR_CUE_TOKENS = 4
"""A cue at most this many tokens after the closing mark belongs to the quote (”, he said)."""
SHORT_TAIL_TOKENS = 10
"""A following sentence this short is read as the tail of the attribution ("Said Ruto.")."""
PHRASE_CUES = {"according": "to", "words": "of"}
"""Cue phrases whose speaker is the object of the second word ("in the words of X")."""
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp"})
"""A cue inside the complement of another cue reports that other speaker's words."""
RELATIVE_TAGS = frozenset({"WP", "WDT"})
CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "acl"})
"""A cue verb without its own subject borrows the subject of the verb it hangs from."""
DROP_FROM_PHRASE = frozenset({"relcl", "appos", "advcl", "acl:relcl"})
"""Children left out of a speaker phrase ("Ruto, who spoke in Nairobi, ...")."""
EDGE_JUNK = frozenset({"punct", "cc", "case"})
NAME_DEPS = frozenset({"appos", "nmod"})
"""A common-noun speaker with a name attached this way is named by it ("X, editor at Y, said")."""
NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "PUNCT"})
"""Parts of a headline speaker before a colon ("Kenyan President William Ruto:")."""
HYPHENS = frozenset({"-", "‐", "‑"})


@dataclass(frozen=True, slots=True)
class Attribution:
    cue: str | None
    cue_token: int | None
    speaker: tuple[int, int, int] | None
    """(start, end, head token index) of the speaker phrase, or None."""
    via: str | None


def _sentence_index(sentences: list[Sentence], offset: int) -> int | None:
    """The sentence holding `offset` (sentences are ordered and disjoint): a binary search."""
    index = bisect_right(sentences, offset, key=lambda s: s.start) - 1
    if index >= 0 and sentences[index].start <= offset < sentences[index].end:
        return index
    return None


def _followed_by(token: Any, word: str) -> bool:
    return bool(token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == word)


def _is_cue(token: Any) -> bool:
    if token.lower_ in PHRASE_CUES:
        return _followed_by(token, PHRASE_CUES[token.lower_])
    is_verb = token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")
    lemma = token.lemma_.lower()
    if is_verb and lemma in lexicon().colon_verbs:
        return _followed_by(token, ":") or _followed_by(token, ",")
    return is_verb and lemma in lexicon().verbs


def _window(
    doc: Any, sentences: list[Sentence], quote: Found
) -> tuple[tuple[int, int], tuple[int, int]]:
    """Character ranges searched before the opening mark and after the closing mark."""
    text = doc_text(doc)
    first = _sentence_index(sentences, quote.open_at)
    pre_start = sentences[first].start if first is not None else quote.open_at
    if not text[pre_start : quote.open_at].strip() and text[:pre_start].rstrip().endswith(":"):
        # "He said:" on its own (sentence or paragraph) introduces the quote that follows.
        previous = _sentence_index(sentences, len(text[:pre_start].rstrip()) - 1)
        if previous is not None:
            pre_start = sentences[previous].start
    last = _sentence_index(sentences, max(quote.close_at - 1, quote.open_at))
    post_end = sentences[last].end if last is not None else quote.close_at
    post_end = max(post_end, quote.close_at)
    if last is not None and not re.search(r"\w", text[quote.close_at : post_end]):
        following = last + 1
        if (
            following < len(sentences)
            and sentences[following].paragraph == sentences[last].paragraph
        ):
            tail = sentences[following]
            words = text[tail.start : tail.end].split()
            if tail.start < len(text) and (
                text[tail.start].islower() or len(words) <= SHORT_TAIL_TOKENS
            ):
                post_end = tail.end
    return (pre_start, quote.open_at), (quote.close_at, post_end)


def _cues_in(doc: Any, lo: int, hi: int, marked: list[Found]) -> list[Any]:
    span = doc.char_span(lo, hi, alignment_mode="contract") if hi > lo else None
    if span is None:
        return []
    return [t for t in span if _is_cue(t) and not inside_quote(t.idx, marked)]


def choose_cue(doc: Any, sentences: list[Sentence], quote: Found, marked: list[Found]) -> Any:
    """The cue token for a marked quote, or None."""
    (pre_lo, pre_hi), (post_lo, post_hi) = _window(doc, sentences, quote)
    before = _cues_in(doc, pre_lo, pre_hi, marked)
    after = _cues_in(doc, post_lo, post_hi, marked)
    if after:
        between = doc.char_span(post_lo, after[0].idx, alignment_mode="contract")
        gap = len([t for t in between if not t.is_punct]) if between is not None else 0
        ends_open = doc_text(doc)[quote.start : quote.close_at - 1].rstrip()[-1:] in (",", "?", "!")
        if gap <= NEAR_CUE_TOKENS and (quote.kind == "direct" or ends_open):
            return after[0]
    if before:
        return _outermost_governing(doc, quote, before) or before[-1]
    return after[0] if after else None


def _outermost_governing(doc: Any, quote: Found, cues: list[Any]) -> Any:
    """The nearest cue that dominates the quote, raised to any cue whose complement it is:
    "X told Reuters Canada would respond “forcefully”" is X's word, not Canada's; a conjoined
    cue ("pleaded ..., but he replied “...”") is a speech act of its own and is kept."""
    inside = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if inside is None:
        return None
    ancestors = {a.i for a in inside.root.ancestors} | {inside.root.i}
    governing = [c for c in cues if c.i in ancestors]
    if not governing:
        return None
    best = token = governing[-1]
    indices = {c.i for c in governing}
    while token.dep_ in COMPLEMENT_DEPS and token.head is not token:
        token = token.head
        if token.i in indices:
            best = token
    return best


def _subject(cue: Any) -> Any:
    """The token that heads the speaker of a cue, or None."""
    if cue.lower_ in PHRASE_CUES:
        for prep in cue.doc[cue.i + 1 : cue.i + 2]:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
        return None
    relay = lexicon().relay_verbs
    token = cue
    for _ in range(4):
        subjects = [
            c
            for c in token.children
            if c.dep_ in ("nsubj", "csubj") or (c.dep_ == "nsubjpass" and token.lemma_ in relay)
        ]
        if subjects:
            subject = min(subjects, key=lambda c: abs(c.i - token.i))
            if subject.tag_ in RELATIVE_TAGS and token.dep_ == "relcl":
                return token.head  # "Milei, who had called Lula a “communist”"
            return subject
        if token.dep_ == "relcl":
            return token.head
        if token.dep_ not in CLIMB_DEPS or token.head is token:
            return None
        token = token.head
    return None


def phrase_bounds(head: Any) -> tuple[int, int, int]:
    """(start, end, head index) of the noun phrase a speaker token heads, without clauses."""
    appositions = [c for c in head.children if c.dep_ in NAME_DEPS and c.pos_ == "PROPN"]
    if head.pos_ == "NOUN" and appositions:
        head = appositions[0]  # "Nigeria's information minister, Mohammed Idris, said"
    dropped: set[int] = set()
    for child in head.children:
        if child.dep_ in DROP_FROM_PHRASE:
            dropped.update(t.i for t in child.subtree)
    kept = {t.i for t in head.subtree} - dropped
    lo = hi = head.i
    while lo - 1 in kept:
        lo -= 1
    while hi + 1 in kept:
        hi += 1
    doc = head.doc
    while lo < head.i and doc[lo].dep_ in EDGE_JUNK:
        lo += 1
    while hi > head.i and doc[hi].dep_ in EDGE_JUNK:
        hi -= 1
    while (
        lo > 0
        and not doc[lo - 1].whitespace_
        and (doc[lo - 1].is_alpha or doc[lo - 1].text in HYPHENS)
    ):
        lo -= 1  # hyphenated names the tokenizer split ("al-Maliki", "Abu-Bakar")
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text), head.i


def _headline_speaker(doc: Any, quote: Found) -> Attribution | None:
    """A name alone before a colon at the start of a line ("Zelensky: ‘We will not give up’")."""
    text = doc_text(doc)
    before = text[: quote.open_at].rstrip()
    colon = doc.char_span(len(before) - 1, len(before)) if before.endswith(":") else None
    if colon is None or colon.start == 0:
        return None
    last = doc[colon.start - 1]
    first = last
    while first.i > 0 and doc[first.i - 1].pos_ in NAME_POS:
        first = doc[first.i - 1]
    line_start = text.rfind("\n", 0, first.idx) + 1
    named = last.pos_ == "PROPN" or last.lower_ in lexicon().person_titles
    if not named or text[line_start : first.idx].strip():
        return None
    return Attribution(None, None, (first.idx, last.idx + len(last.text), last.i), None)


def attribute(
    doc: Any,
    sentences: list[Sentence],
    quote: Found,
    marked: list[Found],
    entities: list[Entity],
) -> Attribution | None:
    """Cue, speaker phrase and relay of one quote; None when no cue governs it."""
    if quote.cue_token is not None:
        cue = doc[quote.cue_token]
    else:
        cue = choose_cue(doc, sentences, quote, marked)
    if cue is None:
        return _headline_speaker(doc, quote)
    head = _subject(cue)
    speaker = phrase_bounds(head) if head is not None else None
    cue_text = f"{cue.text} {PHRASE_CUES[cue.lower_]}" if cue.lower_ in PHRASE_CUES else cue.text
    (lo, _), (_, hi) = _window(doc, sentences, quote)
    via = find_via(doc, min(lo, cue.idx), max(hi, cue.idx + 1), cue, marked, entities)
    if via is not None and speaker is not None and doc_text(doc)[speaker[0] : speaker[1]] == via:
        via = None  # the outlet is the speaker itself ("Reuters reported ...")
    return Attribution(cue_text, cue.i, speaker, via)
