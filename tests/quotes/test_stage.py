"""The stage contract: ids, spans, analysed sections only, and detection without a parse."""

from __future__ import annotations

import pytest
from tests.quotes.conftest import Analyse

from newsgraph.model import Analysis, Block, DocumentInfo, Sentence
from newsgraph.pipeline import check_spans
from newsgraph.quotes import QuoteStage, find_quotes

ARTICLE = (
    "Peru’s president said the mine would “stay open.”\n"
    "“We need the jobs,” a miner said.\n"
    "The ministry announced that exports had risen by 12 percent."
)


def test_stage_declares_contract() -> None:
    stage = QuoteStage()
    assert stage.name == "quotes"
    assert stage.provides == frozenset({"quotes"})


@pytest.mark.model
def test_stage_ids_in_text_order_and_spans_valid(analyse: Analyse) -> None:
    analysis = analyse(ARTICLE)
    check_spans(analysis)
    assert [q.id for q in analysis.quotes] == [f"Q{i}" for i in range(1, len(analysis.quotes) + 1)]
    assert [q.start for q in analysis.quotes] == sorted(q.start for q in analysis.quotes)
    assert {q.kind for q in analysis.quotes} == {"direct", "partial", "indirect"}


@pytest.mark.model
def test_stage_skips_sections_not_analysed() -> None:
    from newsgraph.annotate import AnnotateStage
    from newsgraph.settings import DEFAULT_SPACY_MODEL

    credit = "Photo: “Harbour at dawn” by Ana Ruiz"
    body = "“The harbour will reopen,” the port authority said."
    text = f"{credit}\n{body}"
    blocks = [Block(0, len(credit), "credit"), Block(len(credit) + 1, len(text), "body")]
    analysis = Analysis(id="t", text=text, document=DocumentInfo(blocks=blocks))
    QuoteStage()(AnnotateStage(DEFAULT_SPACY_MODEL)(analysis))
    assert [text[q.start : q.end] for q in analysis.quotes] == ["The harbour will reopen"]


def test_stage_without_parse_detects_but_attributes_nothing() -> None:
    text = "“We stay,” the mayor said."
    analysis = Analysis(id="t", text=text, sentences=[Sentence(0, len(text), "body", 0)])
    QuoteStage()(analysis)
    assert [(text[q.start : q.end], q.speaker) for q in analysis.quotes] == [("We stay", None)]


@pytest.mark.model
def test_find_quotes_with_doc_adds_indirect() -> None:
    from newsgraph.annotate import AnnotateStage
    from newsgraph.settings import DEFAULT_SPACY_MODEL

    analysis = AnnotateStage(DEFAULT_SPACY_MODEL)(Analysis(id="t", text=ARTICLE))
    kinds = [q.kind for q in find_quotes(analysis.text, analysis.sentences, analysis.doc)]
    assert "indirect" in kinds
    assert all(q.speaker is None for q in find_quotes(analysis.text, analysis.sentences))


@pytest.mark.model
def test_stage_cue_offset_points_at_the_cue_word(analyse: Analyse) -> None:
    text = (
        "The regulator urged airlines to refund cancelled flights.\n"
        "“We expect compliance,” its chair Lena Berg told reporters.\n"
        "“Passengers have waited long enough.”"
    )
    analysis = analyse(text)
    cued = [(q.cue, q.cue_start) for q in analysis.quotes]
    assert cued[:2] == [("urged", text.index("urged")), ("told", text.index("told"))]
    assert cued[2] == (None, None)  # a continuation paragraph has no cue of its own
