"""Find indirect speech: the clause a reporting verb governs ("Ruto said Kenya would ...").

This needs the dependency parse: the reported clause is the `ccomp` of a reporting verb. A clause
that is mostly inside quotation marks is already a direct or partial quote and is not repeated.
"""

from __future__ import annotations

from typing import Any

from newsgraph.annotate import doc_text
from newsgraph.model import Sentence
from newsgraph.quotes.cues import lexicon
from newsgraph.quotes.detect import Found

MIN_CLAUSE_TOKENS = 3
"""Shorter complements ("he said so") carry no content worth recording."""
MAX_QUOTED_SHARE = 0.5
"""A clause more than this share inside quotation marks is left to the marked quote."""
LEADING_SKIP = frozenset({"mark", "punct", "cc"})


def _covered(start: int, end: int, marked: list[Found]) -> int:
    return sum(max(0, min(end, f.close_at) - max(start, f.open_at)) for f in marked)


def _clause_span(clause: Any) -> tuple[int, int] | None:
    tokens = list(clause.subtree)
    while tokens and (tokens[0].dep_ in LEADING_SKIP or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if len(tokens) < MIN_CLAUSE_TOKENS:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _according_to(token: Any, sentence: Sentence, marked: list[Found]) -> Found | None:
    """ "According to police, 40 people died": the rest of the sentence is reported speech."""
    if token.lower_ != "according" or token.i + 1 >= len(token.doc):
        return None
    if token.doc[token.i + 1].lower_ != "to":
        return None
    if any(sentence.start <= f.open_at < sentence.end for f in marked):
        return None  # a quote in the sentence is what "according to" attributes
    phrase = list(token.subtree)
    lo, hi = phrase[0].idx, phrase[-1].idx + len(phrase[-1].text)
    text = doc_text(token.doc)
    pieces = [(sentence.start, lo), (hi, sentence.end)]
    start, end = max(pieces, key=lambda p: len(text[p[0] : p[1]].strip()))
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    if len(text[start:end].split()) < MIN_CLAUSE_TOKENS:
        return None
    return Found(start, end, "indirect", start, end, sentence.paragraph, None, token.i)


def detect_indirect(doc: Any, sentences: list[Sentence], marked: list[Found]) -> list[Found]:
    """Reported clauses of reporting verbs in the analysed sentences."""
    verbs = lexicon().report_verbs
    found: list[Found] = []
    for sentence in sentences:
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            according = _according_to(token, sentence, marked)
            if according is not None:
                found.append(according)
                continue
            if token.pos_ != "VERB" or token.lemma_.lower() not in verbs:
                continue
            if any(f.open_at <= token.idx < f.close_at for f in marked):
                continue  # a verb inside a quotation is the speaker's, not the reporter's
            for clause in token.children:
                if clause.dep_ != "ccomp":
                    continue
                bounds = _clause_span(clause)
                if bounds is None:
                    continue
                start, end = max(bounds[0], sentence.start), min(bounds[1], sentence.end)
                if start >= end or _covered(start, end, marked) > MAX_QUOTED_SHARE * (end - start):
                    continue
                found.append(
                    Found(start, end, "indirect", start, end, sentence.paragraph, None, token.i)
                )
    return found
