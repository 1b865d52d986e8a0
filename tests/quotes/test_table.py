"""The per-document CueTable gives, for every token, what the per-Token rules give."""

from __future__ import annotations

import re
from typing import Any

import pytest

from newsgraph.quotes.cues import cue_lemma, lexicon
from newsgraph.quotes.table import KEY, PHRASE_CUES, cue_table, may_hold_cues, verb_form_of_cue

from .conftest import Analyse

ARTICLES = [
    (
        "NAIROBI, Kenya (AP) - President William Ruto said on Monday that Kenya would reopen "
        "its border with Somalia, adding that security had improved.\n"
        "“We have no choice,” he told reporters in Mombasa, citing officials in Garissa.\n"
        "According to the Daily Nation, the cabinet pointed out that funds were short.\n"
        "The Department of Agriculture notes, “Prices will rise this season.”"
    ),
    (
        "Peru's foreign minister, who spoke in Lima, urged Chile to resume fishing talks and "
        "described the ruling as historic.\n"
        "She continued: “The sea belongs to both of us.”\n"
        "In the words of the mayor, the port is “a lifeline”, the agency Andina reported.\n"
        "Officials did not say whether the ships, cited by IRNA as Iranian, had left."
    ),
    (
        "Ghana's health ministry announced late on Friday that a new clinic would open, while "
        "nurses at Korle Bu hospital complained that wages were late.\n"
        "“It is a disgrace,” the union's secretary, Ama Mensah, wrote in a statement, quoting "
        "the labour code. Speaking to the BBC, she stressed that talks would continue."
    ),
]


def _doc(analyse: Analyse, text: str) -> Any:
    doc = analyse(text).doc
    assert doc is not None
    return doc


def _is_verb(token: Any) -> bool:
    return bool(token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"))


def _is_cue(token: Any) -> bool:
    """The cue rule of a quote's windows, asked of a Token."""
    doc, i, word = token.doc, token.i, token.lower_
    if word in PHRASE_CUES:
        return bool(i + 1 < len(doc) and doc[i + 1].lower_ == PHRASE_CUES[word])
    after = doc.text[token.idx + len(token.text) : token.idx + len(token.text) + 4]
    if (
        token.pos_ in ("NOUN", "PROPN")
        and re.match(r"[,:]\s*[\"“„«]", after)
        and i > 0
        and doc[i - 1].pos_ in ("PROPN", "NOUN")
        and verb_form_of_cue(word)
    ):
        return True
    if not _is_verb(token):
        return False
    lemma = cue_lemma(token)
    if lemma in lexicon().colon_verbs:
        return bool(i + 1 < len(doc) and doc[i + 1].lower_ in (":", ","))
    return lemma in lexicon().verbs


@pytest.mark.parametrize("text", ARTICLES)
def test_table_answers_as_the_token_rules(analyse: Analyse, text: str) -> None:
    doc = _doc(analyse, text)
    table = cue_table(doc)
    lex = lexicon()
    assert table.cues == [t.i for t in doc if _is_cue(t)]
    assert table.lemmas == {t.i: cue_lemma(t) for t in doc if _is_verb(t)}
    assert table.verb_cues == [t.i for t in doc if _is_verb(t) and cue_lemma(t) in lex.verbs]
    assert table.according == [t.i for t in doc if t.lower_ == "according"]
    assert table.relays == [
        t.i
        for t in doc
        if t.lemma_ in lex.relay_verbs
        or t.lower_ in lex.relay_preps
        or t.head.lower_ == "according"
    ]


@pytest.mark.parametrize("text", ARTICLES)
def test_table_tree_is_the_parse(analyse: Analyse, text: str) -> None:
    doc = _doc(analyse, text)
    table = cue_table(doc)
    for token in doc:
        assert table.kids[token.i] == [c.i for c in token.children]
        assert table.subtree(token.i) == {t.i for t in token.subtree}
        assert table.edges(token.i) == (token.left_edge.i, token.right_edge.i)
        order = [t.i for t in token.subtree]
        assert table.subtree_order(token.i) == order
        assert table.first_last(token.i) == (order[0], order[-1])
        assert table.sentence(token.i) == (token.sent.start, token.sent.end)


def test_table_finds_cues_the_article_has(analyse: Analyse) -> None:
    doc = _doc(analyse, ARTICLES[0])
    cues = {doc[i].text for i in cue_table(doc).cues}
    assert {"said", "told", "notes", "According"} <= cues


WITHOUT_CUES = [
    "The river rose overnight and several roads near Tumaco were closed to traffic.",
    "Heavy snow fell on the Alpine passes, and the ferry to Corsica left two hours late.",
    "It was a quiet day in Valparaiso.\nThe market opened at nine, as it does every Monday.",
]
WITH_CUES = [
    "According to the ministry, the road to Tumaco will reopen in June.",
    "The mayor of Valparaiso pointed out that the port lost money last year.",
    "Farmers near Lyon warned of a poor harvest.",
    "The harbour master SAID the ferry would sail at noon.",
]


@pytest.mark.parametrize("text", WITHOUT_CUES)
def test_a_document_without_cue_words_is_told_apart(analyse: Analyse, text: str) -> None:
    """`may_hold_cues` is False only where the table would name no candidate, and the stage
    then finds no reported speech without building the table."""
    analysis = analyse(text)
    doc = analysis.doc
    assert doc is not None
    assert not may_hold_cues(doc)
    assert KEY not in doc.user_data  # the stage did not need the table
    assert analysis.quotes == []
    table = cue_table(doc)
    assert table.verb_cues == [] and table.according == []


@pytest.mark.parametrize("text", WITH_CUES + ARTICLES)
def test_a_document_with_cue_words_is_not_skipped(analyse: Analyse, text: str) -> None:
    doc = _doc(analyse, text)
    table = cue_table(doc)
    assert table.verb_cues or table.according
    assert may_hold_cues(doc)


@pytest.mark.parametrize("short_path", [False, True])
def test_a_headline_claim_is_found_without_cue_candidates(
    monkeypatch: pytest.MonkeyPatch, short_path: bool
) -> None:
    """A title's inverted "..., says X" is read from the text, whatever the tagger made of
    "says": the short path (taken here by force) finds it as the full one does."""
    from newsgraph.ingest import analysis_from_text
    from newsgraph.pipeline import Pipeline
    from newsgraph.quotes import indirect

    if short_path:
        monkeypatch.setattr(indirect, "may_hold_cues", lambda doc: False)
    text = (
        "Bridge to Valparaiso port unsafe, says engineer Rosa Diaz\n\n"
        "The old bridge carries most of the trucks that reach the port."
    )
    pipeline = Pipeline(stages=("annotate", "actors", "time", "places", "quotes"))
    (analysis,) = pipeline.run_many([analysis_from_text(text)])
    assert [analysis.text[q.start : q.end] for q in analysis.quotes] == [
        "Bridge to Valparaiso port unsafe"
    ]
    assert [q.cue for q in analysis.quotes] == ["says"]
