"""`newsgraph.words` reads the same token attributes as spaCy's Token objects, once per Doc."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.words import Syntax, Words, ents_of, syntax_of, words_of

TEXTS = [
    "",
    "  ",
    "NAIROBI, May 3 (Reuters) - Kenya's President William Ruto said on Tuesday the talks would "
    "resume.\n\nThe U.S.-backed plan, officials said, was \u201cdead on arrival\u201d.",
    "Rif-Dimashq  \t governor\u2019s office\n\n\nsaid 40 people had left \u0141\u00f3d\u017a.",
    "\u201c\u201d" * 50 + " then \U0001f600\U0001f389 in Lagos",
]


@pytest.mark.parametrize("text", TEXTS)
def test_words_match_the_tokens(nlp: Any, text: str) -> None:
    doc = nlp(text)
    words = Words(doc)
    assert words.text == doc.text == text
    assert words.texts == [t.text for t in doc]
    assert words.lower == [t.lower_ for t in doc]
    assert list(words.start) == [t.idx for t in doc]
    assert list(words.end) == [t.idx + len(t.text) for t in doc]
    assert words.space == [t.is_space for t in doc]
    assert words.trailing == [bool(t.whitespace_) for t in doc]
    for start in range(len(doc)):
        for end in range(start, min(len(doc), start + 4) + 1):
            assert words.span_text(start, end) == doc[start:end].text


def test_words_are_read_once_per_doc(nlp: Any) -> None:
    doc = nlp("Kenya and Peru signed the accord in Lima.")
    assert words_of(doc) is words_of(doc)
    assert words_of(doc).capital == [True, False, True, False, False, False, False, True, False]


@pytest.mark.parametrize("text", TEXTS)
def test_syntax_matches_the_tokens(nlp: Any, text: str) -> None:
    doc = nlp(text)
    syntax = Syntax(doc)
    assert len(syntax) == len(doc)
    assert list(syntax.head) == [t.head.i for t in doc]
    assert syntax.dep == [t.dep_ for t in doc]
    assert syntax.pos == [t.pos_ for t in doc]
    assert syntax.tag == [t.tag_ for t in doc]
    assert syntax.lemma == [t.lemma_ for t in doc]
    assert syntax.alpha == [t.is_alpha for t in doc]
    assert syntax.punct == [t.is_punct for t in doc]
    assert syntax.stop == [t.is_stop for t in doc]
    assert syntax.sent_start == [bool(t.is_sent_start) for t in doc]


def test_syntax_is_read_once_per_doc(nlp: Any) -> None:
    doc = nlp("Kenya and Peru signed the accord in Lima.")
    assert syntax_of(doc) is syntax_of(doc)
    assert syntax_of(doc).head[0] == doc[0].head.i


@pytest.mark.parametrize("text", TEXTS)
def test_ents_match_the_doc(nlp: Any, text: str) -> None:
    doc = nlp(text)
    assert ents_of(doc) == [(e.start, e.end, e.label_, e.start_char, e.end_char) for e in doc.ents]
    assert ents_of(doc) is ents_of(doc)


@pytest.mark.parametrize("text", TEXTS)
def test_syntax_root_is_the_spans(nlp: Any, text: str) -> None:
    doc = nlp(text)
    syntax = Syntax(doc)
    assert syntax.space == [t.is_space for t in doc]
    for start in range(len(doc)):
        for end in range(start + 1, min(len(doc), start + 6) + 1):
            assert syntax.root(start, end) == doc[start:end].root.i
