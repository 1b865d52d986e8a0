"""Sentence splitting respects the layout: blocks never merge, datelines never open a sentence."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from newsgraph.annotate import AnnotateStage, blocks_for
from newsgraph.ingest import analysis_from_text
from newsgraph.model import Block
from newsgraph.settings import DEFAULT_SPACY_MODEL

pytestmark = pytest.mark.model

SCRAPED = """Port Authority Strike Spreads to Second Harbour

Dockworkers in two cities walked out over pay on Tuesday.
Dockworkers picket outside the port of Valparaíso, Chile, on March 4, 2025. Elena Rojas/Reuters
By Tomás Ibáñez
Updated:
0:00

VALPARAÍSO, Chile (AP) — Dockworkers at Chile's two largest ports extended their strike on Tuesday. The union said talks had failed.
"""


@pytest.fixture(scope="module")
def annotated() -> list[tuple[str, str]]:
    analysis = AnnotateStage(DEFAULT_SPACY_MODEL)(analysis_from_text(SCRAPED))
    return [(s.section, analysis.text[s.start : s.end]) for s in analysis.sentences]


def test_annotate_header_lines_never_join_the_first_sentence(
    annotated: list[tuple[str, str]],
) -> None:
    texts = [text for _, text in annotated]
    assert not any("Tomás" in t or "Updated" in t or "0:00" in t for t in texts)
    assert annotated[0] == ("title", "Port Authority Strike Spreads to Second Harbour")
    assert (
        "caption",
        "Dockworkers picket outside the port of Valparaíso, Chile, on March 4, 2025.",
    ) in annotated


def test_annotate_dateline_is_not_part_of_the_first_body_sentence(
    annotated: list[tuple[str, str]],
) -> None:
    body = [text for section, text in annotated if section == "body"]
    assert body[0] == "Dockworkers at Chile's two largest ports extended their strike on Tuesday."
    assert body[1] == "The union said talks had failed."


def test_annotate_model_setting_accepts_wrapper_packages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A package exposing `model_path()` (a PyPI wrapper around a pipeline) resolves to it."""
    from newsgraph.annotate import _model_location

    root = tmp_path
    (root / "wrapped_pipeline_pkg.py").write_text(
        "def model_path():\n    return '/opt/pipelines/md'\n"
    )
    monkeypatch.syspath_prepend(str(root))
    assert _model_location("wrapped_pipeline_pkg") == "/opt/pipelines/md"
    assert _model_location("no_such_pipeline_package") == "no_such_pipeline_package"
    assert _model_location("/models/en_core_web_lg") == "/models/en_core_web_lg"


@pytest.mark.parametrize("limit", [40, 75, 200])
def test_annotate_chunk_bounds_cover_the_text_contiguously(limit: int) -> None:
    from newsgraph.annotate import blocks_for, chunk_bounds

    analysis = analysis_from_text(SCRAPED)
    bounds = chunk_bounds(analysis.text, blocks_for(analysis), limit)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(analysis.text)
    assert all(a[1] == b[0] for a, b in pairwise(bounds))
    assert all(end - start <= limit for start, end in bounds[:-1])


def test_annotate_long_documents_are_parsed_in_pieces_with_the_same_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Pieces joined back give one Doc over the whole text, with the same sentences."""
    import newsgraph.annotate as annotate

    whole = AnnotateStage(DEFAULT_SPACY_MODEL)(analysis_from_text(SCRAPED))
    monkeypatch.setattr(annotate, "CHUNK_CHARS", 120)
    pieces = AnnotateStage(DEFAULT_SPACY_MODEL)(analysis_from_text(SCRAPED))
    assert pieces.doc.text == pieces.text
    assert [(s.start, s.end, s.section) for s in pieces.sentences] == [
        (s.start, s.end, s.section) for s in whole.sentences
    ]
    assert [(e.start_char, e.label_) for e in pieces.doc.ents] == [
        (e.start_char, e.label_) for e in whole.doc.ents
    ]


def test_annotate_doc_covers_only_the_text_it_was_made_from(nlp: object) -> None:
    from newsgraph.annotate import doc_covers

    text = "Talks resumed in Geneva. "
    doc = nlp.make_doc(text)  # type: ignore[attr-defined]
    assert doc_covers(doc, text)
    assert not doc_covers(doc, text + "More text.")
    assert not doc_covers(None, text)


@pytest.mark.parametrize(
    "text",
    [
        "The minister said “”" + "“”" * 2_000 + " on Monday. Talks resume in Geneva.",
        "Crowds cheered in Lagos 😀" + "😀🎉🇳🇬" * 600 + "  as the results came in.",
        "Ledger: " + "0123456789" * 3_000 + "\nThe bank denied any loss.",
        "See https://example.org/" + "a/" * 150 + " for the full report.",
    ],
)
def test_annotate_long_space_free_run_is_tokenised_in_pieces(nlp: object, text: str) -> None:
    """A long run without spaces keeps the text exactly and becomes short sentences
    (spaCy alone took minutes on 40 KB of “” pairs)."""
    from newsgraph.annotate import RUN_PIECE, make_doc

    doc = make_doc(nlp, text)
    assert doc.text == text
    run = max(text.split(), key=len)
    start = text.index(run)
    inside = [t for t in doc if start <= t.idx < start + len(run)]
    assert all(len(t) <= RUN_PIECE for t in inside)
    assert sum(bool(t.is_sent_start) for t in inside) >= len(run) // RUN_PIECE - 1
    after = text[start + len(run) :].split()
    assert [t.text for t in doc if t.idx >= start + len(run) and not t.is_space][:1] == [
        nlp.make_doc(after[0])[0].text  # type: ignore[attr-defined]
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana’s president met Togo’s leader in Accra on Friday, officials said.",
        "Read more at https://www.example.com/world/africa/2024/05/14/ghana-togo-border-talks",
        "“We are brothers,” he said.\n\n“Yes.”",
    ],
)
def test_annotate_ordinary_text_is_tokenised_as_spacy_does(nlp: object, text: str) -> None:
    from newsgraph.annotate import make_doc

    ours = [(t.text, t.whitespace_) for t in make_doc(nlp, text)]
    assert ours == [(t.text, t.whitespace_) for t in nlp.make_doc(text)]  # type: ignore[attr-defined]


def _marked_by_visiting_every_token(nlp: Any, text: str, starts: list[int]) -> list[int]:
    """The sentence starts as first written: every token visited in order."""
    doc = nlp.make_doc(text)
    marked = []
    for token in doc:
        if token.is_space or token.i == 0:  # spaCy's first token always starts a sentence
            continue
        previous = doc[token.i - 1] if token.i > 0 else None
        if token.idx in starts or (
            previous is not None and previous.is_space and "\n" in previous.text
        ):
            marked.append(token.i)
    return marked


@pytest.mark.parametrize(
    "text",
    [
        SCRAPED,
        "NAIROBI, Kenya (AP) —  Talks resumed.\n \n  Both sides  met again.\n\n\nNo deal yet. ",
        "\n\nLeading blank lines.\nA line\n  indented line\twith a tab.\n",
        "",
    ],
)
@pytest.mark.parametrize("with_blocks", [True, False])
def test_annotate_block_starts_as_visiting_every_token(
    nlp: Any, text: str, with_blocks: bool
) -> None:
    from newsgraph.annotate import _mark_block_starts

    analysis = analysis_from_text(text) if text.strip() and with_blocks else None
    blocks = blocks_for(analysis) if analysis is not None else []
    starts = [b.start for b in blocks] + [3, len(text) // 2]  # and two inside tokens or gaps
    doc = nlp.make_doc(text)
    _mark_block_starts(doc, [Block(s, s + 1, "body") for s in starts])
    marked = [t.i for t in doc if t.is_sent_start and not t.is_space and t.i > 0]
    assert marked == _marked_by_visiting_every_token(nlp, text, starts)


FIRST_WORD_ARTICLES = [
    "Follow us on WhatsApp\n\nMali and Niger closed their shared border on Sunday after a "
    "series of raids on customs posts, the two governments said.",
    "By Amara Diallo, West Africa correspondent\n\nProtests outside the national assembly "
    "continued for a third night as lawmakers debated the fuel tax.",
    "Photo: Reuters\n\nFarmers from the southern provinces blocked the main highway with "
    "tractors on Thursday, police said.",
    "Listen to this article\n\nVietnam and the Philippines agreed on Monday to set up a hotline "
    "between their coast guards.",
    "Share this story\n\nTeachers in three regions walked out over unpaid wages, their union "
    "said in a statement.",
]


@pytest.mark.parametrize("text", FIRST_WORD_ARTICLES)
def test_annotate_a_paragraphs_first_word_is_not_a_sentence_of_its_own(text: str) -> None:
    analysis = AnnotateStage(DEFAULT_SPACY_MODEL)(analysis_from_text(text))
    body = analysis.text[analysis.text.index("\n\n") + 2 :].strip()
    sentences = [analysis.text[s.start : s.end].strip() for s in analysis.sentences]
    assert body in sentences


@pytest.mark.parametrize(
    ("starts", "inside"),
    [([], []), ([2, 5], [3, 6]), ([1], []), ([], [4, 7]), ([0, 9], [1])],
)
def test_annotate_sentence_starts_written_as_one_array_as_token_by_token(
    nlp: Any, starts: list[int], inside: list[int]
) -> None:
    """`set_sent_starts` leaves the Doc as `Token.is_sent_start = True/False` would."""
    from newsgraph.annotate import set_sent_starts

    text = "Talks resumed in Geneva on Monday. Both sides met again; no deal yet."
    ours, theirs = nlp.make_doc(text), nlp.make_doc(text)
    ours[8].is_sent_start = theirs[8].is_sent_start = True  # an earlier mark is kept
    set_sent_starts(ours, starts, inside)
    for i in starts:
        theirs[i].is_sent_start = True
    for i in inside:
        theirs[i].is_sent_start = False
    assert [t.is_sent_start for t in ours] == [t.is_sent_start for t in theirs]
    assert any(t.is_sent_start is False for t in ours) == bool(inside)


def test_annotate_parsed_pieces_join_as_spacy_joins_them(nlp: Any) -> None:
    """`join_parsed` gives the Doc `Doc.from_docs` gives: words, parse, entities, tensor."""
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
    from spacy.tokens import Doc

    from newsgraph.annotate import join_parsed

    texts = [
        "Kenya and Peru signed a trade deal in Nairobi on Monday. ",
        "",
        "The talks, led by William Ruto, lasted three days.\n\n",
        "Observers from Ghana said the vote was fair.",
    ]
    ours = join_parsed(list(nlp.pipe(texts)))
    theirs = Doc.from_docs(list(nlp.pipe(texts)), ensure_whitespace=False)
    attrs = [DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG]
    assert ours.text == theirs.text == "".join(texts)
    assert (ours.to_array(attrs) == theirs.to_array(attrs)).all()
    assert ours.tensor.shape == theirs.tensor.shape == (len(ours), theirs.tensor.shape[1])
    assert ours.tensor.dtype == theirs.tensor.dtype
    assert (ours.tensor == theirs.tensor).all()
    assert [(e.start_char, e.end_char, e.label_) for e in ours.ents] == [
        (e.start_char, e.end_char, e.label_) for e in theirs.ents
    ]


HEADLINED = [
    # (title, subtitle, body): Title Case headlines, one of them two sentences on one line
    (
        "Kenyan Leader Ruto Visits Tokyo for Talks With Kishida",
        "Trade and Security Top the Agenda as the Two Leaders Meet",
        "President William Ruto arrived in Tokyo on Monday for two days of talks.",
    ),
    (
        "Rebels Seize Border Town. Army Vows Swift Response To Attack",
        "Residents fled toward the river as fighting spread on Sunday.",
        "Fighters of the northern front took the town of Kaya before dawn, officials said.",
    ),
    (
        "Peru's congress rejects a motion to remove the president",
        "Lawmakers Fall Short of the Votes Needed to Oust Boluarte",
        "LIMA, Peru (AP) — Peru's congress on Thursday rejected a motion to remove the president.",
    ),
    (
        "Dockworkers Strike Spreads to Second Harbour",
        "",
        "Dockworkers at two ports walked out over pay on Tuesday. The union said talks failed.",
    ),
]


def _headlined(title: str, subtitle: str, body: str) -> Any:
    from newsgraph.model import Analysis, DocumentInfo

    blocks, text = [], ""
    for role, chunk in (("title", title), ("subtitle", subtitle), ("body", body)):
        if chunk:
            blocks.append(Block(len(text), len(text) + len(chunk), role))  # type: ignore[arg-type]
            text += chunk + "\n\n"
    return Analysis(id=title[:10], text=text, document=DocumentInfo(blocks=blocks))


def _parse_of(doc: Any) -> list[tuple[Any, ...]]:
    return [
        (t.text, t.idx, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_) for t in doc
    ]


def test_annotate_title_case_headlines_are_parsed_again_as_nlp_parses_them(nlp: Any) -> None:
    """`headline_docs` holds, for every Title Case headline or subtitle sentence (also one the
    parser split off a longer headline line), the parse `nlp(sentence_case(text))` gives."""
    from newsgraph.recase import RECASED_SECTIONS, sentence_case

    analyses = [_headlined(*parts) for parts in HEADLINED]
    list(AnnotateStage(DEFAULT_SPACY_MODEL).process_batch(analyses))
    split = 0
    for analysis in analyses:
        expected = {}
        headlines = [s for s in analysis.sentences if s.section in RECASED_SECTIONS]
        split += len([s for s in headlines if s.section == "title"]) > 1
        for sentence in headlines:
            recased = sentence_case(analysis.text[sentence.start : sentence.end])
            if recased is not None:
                expected[sentence.start] = _parse_of(nlp(recased))
        assert expected, analysis.text  # every article here has a Title Case headline
        got = {start: _parse_of(doc) for start, doc in analysis.headline_docs.items()}
        assert got == expected
    assert split  # the two-sentence headline line took the path for unguessed sentences
    assert not analyses[2].headline_docs.keys() & {0}  # a sentence-case title is not re-parsed


def test_annotate_headline_docs_are_freed_with_the_doc() -> None:
    from newsgraph.pipeline import Pipeline

    pipeline = Pipeline(stages=["annotate"])
    (analysis,) = pipeline.run_many([_headlined(*HEADLINED[0])])
    assert analysis.doc is None and analysis.headline_docs == {}


def test_annotate_keeps_a_short_batchs_docs_until_its_next_parse_and_a_long_ones_not() -> None:
    """A short batch's Docs outlive the runner's reference until the next batch is parsed (so
    malloc keeps the parser's memory); a long document's Doc goes with the runner's reference."""
    import gc
    import weakref

    from newsgraph.annotate import HELD_CHARS
    from newsgraph.pipeline import Pipeline

    pipeline = Pipeline(stages=["annotate"])
    short = _headlined(*HEADLINED[1])
    long_text = "The committee met again on Monday to discuss the budget. " * (HELD_CHARS // 50)
    refs = []

    def watch(analysis: Any) -> Any:
        assert analysis.doc is not None
        refs.append(weakref.ref(analysis.doc))
        return analysis

    stage = pipeline.stages[0]
    original = stage.process_batch
    stage.process_batch = lambda batch: map(watch, list(original(batch)))  # type: ignore[method-assign]
    list(pipeline.run_many([short]))
    gc.collect()
    assert refs[0]() is not None  # kept past the runner's `doc = None`
    list(pipeline.run_many([analysis_from_text(long_text)]))
    gc.collect()
    assert refs[0]() is None  # let go once the next batch was parsed
    assert refs[1]() is None  # a long document's Doc is not kept


def test_annotate_a_very_long_title_block_is_recased_by_sentence(nlp: Any) -> None:
    """A title block longer than any headline is not parsed whole: each of its Title Case
    sentences is, as the parser cut it."""
    from newsgraph.annotate import GUESS_CHARS
    from newsgraph.recase import sentence_case

    line = "Rebels Seize Border Town as Army Vows Swift Response to the Attack. "
    title = (line * (GUESS_CHARS // len(line) + 2)).strip()
    analysis = _headlined(title, "", HEADLINED[0][2])
    AnnotateStage(DEFAULT_SPACY_MODEL)(analysis)
    titles = [s for s in analysis.sentences if s.section == "title"]
    assert len(titles) > 1 and sorted(analysis.headline_docs) == [s.start for s in titles]
    for sentence in titles:
        recased = sentence_case(analysis.text[sentence.start : sentence.end])
        assert recased is not None
        assert _parse_of(analysis.headline_docs[sentence.start]) == _parse_of(nlp(recased))
