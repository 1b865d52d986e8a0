"""The quotes stage: detect quoted and reported speech, then say who said it.

Order of work: marked quotes (detect) and reported clauses (indirect) in text order; each gets a
cue and speaker (attribute, resolve); a second half of a split quote takes the speaker of its
first half; a paragraph that reopens a quote left open by the paragraph before (one statement
over several paragraphs) shares its speaker, whichever of them carries the cue; any other
paragraph that is nothing but a quote and has no cue takes the speaker of the quote just before
it in the previous paragraph (the usual continuation of a long statement).
"""

from __future__ import annotations

from typing import Any

from newsgraph.model import Analysis, Entity, Quote, Sentence
from newsgraph.quotes.attribute import attribute, sentence_starts
from newsgraph.quotes.detect import Found, detect_marked, mark_index, paragraphs_of
from newsgraph.quotes.indirect import detect_indirect
from newsgraph.quotes.mentions import Mentions
from newsgraph.quotes.resolve import Spoken, resolve_speaker
from newsgraph.quotes.table import cue_table
from newsgraph.spans import SpanIndex


def _detect(
    text: str,
    sentences: list[Sentence],
    doc: Any,
    paragraphs: list[tuple[int, int, int]] | None = None,
) -> tuple[list[Found], SpanIndex[Found]]:
    """Every quote in text order, and the marked ones indexed by their marks (`mark_index`)."""
    marked = detect_marked(text, sentences, paragraphs)
    marks = mark_index(marked)
    indirect = detect_indirect(doc, sentences, marked, marks) if doc is not None else []
    return sorted(marked + indirect, key=lambda f: (f.start, f.end)), marks


def _to_quotes(found: list[Found]) -> list[Quote]:
    return [Quote(f"Q{i}", f.start, f.end, f.kind) for i, f in enumerate(found, 1)]


def find_quotes(text: str, sentences: list[Sentence], doc: Any = None) -> list[Quote]:
    """Quoted and (with a parsed `doc`) reported speech, in text order, speakers unresolved.

    Without sentences every non-empty line of `text` is a paragraph.
    """
    return _to_quotes(_detect(text, sentences, doc)[0])


def _fills_paragraph(text: str, quote: Found, paragraphs: dict[int, tuple[int, int]]) -> bool:
    lo, hi = paragraphs[quote.paragraph][0], paragraphs[quote.end_paragraph][1]
    rest = text[lo : quote.open_at] + text[quote.close_at : hi]
    return quote.kind != "indirect" and not any(c.isalnum() for c in rest)


class QuoteStage:
    """Fill `analysis.quotes` with Quote records (ids "Q1", ... in text order)."""

    name = "quotes"
    requires = frozenset({"text", "sentences", "doc", "entities"})
    provides = frozenset({"quotes"})

    def __call__(self, analysis: Analysis) -> Analysis:
        text, sentences, doc = analysis.text, analysis.sentences, analysis.doc
        order = paragraphs_of(text, sentences)
        found, marks = _detect(text, sentences, doc, order)
        quotes = _to_quotes(found)
        if doc is not None and found:  # nothing found, nothing to attribute
            self._attribute(analysis, found, quotes, doc, order, marks)
            # Reported speech with nobody to report it is no quote ("banned migrants from
            # claiming asylum"); marked quotes stay (titles, scare quotes).
            kept = [q for q in quotes if q.kind != "indirect" or q.speaker is not None]
            for number, quote in enumerate(kept, 1):
                quote.id = f"Q{number}"
            quotes = kept
        analysis.quotes = quotes
        return analysis

    @staticmethod
    def _attribute(
        analysis: Analysis,
        found: list[Found],
        quotes: list[Quote],
        doc: Any,
        order: list[tuple[int, int, int]],
        marks: SpanIndex[Found],
    ) -> None:
        text, sentences = analysis.text, analysis.sentences
        entities: list[Entity] = analysis.entities
        marked = [f for f in found if f.kind != "indirect"]
        marked_quotes = [q for f, q in zip(found, quotes, strict=True) if f.kind != "indirect"]
        paragraphs = {p: (lo, hi) for lo, hi, p in order}
        previous_paragraph = {p: order[i - 1][2] for i, (_, _, p) in enumerate(order) if i}
        mentions = Mentions(doc, entities)
        starts = sentence_starts(sentences)
        table = cue_table(doc)
        starts_of_tokens = table.words.start
        history: list[Spoken] = []
        last_in_paragraph: dict[int, Quote] = {}
        for item, quote in zip(found, quotes, strict=True):
            result = attribute(doc, sentences, item, marks, entities, mentions, starts, table)
            if result is not None:
                quote.cue, quote.via = result.cue, result.via
                if result.cue_token is not None:
                    quote.cue_start = starts_of_tokens[result.cue_token]
                if result.speaker is not None:
                    spoken = resolve_speaker(
                        doc, result.speaker, entities, history, mentions, table
                    )
                    quote.speaker = spoken.ref
                    history.append(spoken)
            if quote.speaker is None and item.split_from is not None:
                _copy(marked_quotes[item.split_from], quote)
            if quote.speaker is None and quote.cue is None and item.continues is not None:
                _continue(marked_quotes[item.continues], quote)
            if quote.speaker is None and quote.cue is None and item.kind == "direct":
                if _fills_paragraph(text, item, paragraphs):
                    before = last_in_paragraph.get(previous_paragraph.get(item.paragraph, -1))
                else:  # 'Smith said the cuts hurt. "We had no choice."' continues Smith.
                    before = last_in_paragraph.get(item.paragraph)
                if before is not None:
                    _continue(before, quote)
            if quote.speaker is not None:
                last_in_paragraph[item.end_paragraph] = quote
        # A statement over several paragraphs attributed only at its end ("“...\n“...,” she
        # said"): the earlier paragraphs take the speaker of the later one.
        for item, quote in reversed(list(zip(marked, marked_quotes, strict=True))):
            if item.continues is None or quote.speaker is None:
                continue
            earlier = marked_quotes[item.continues]
            if earlier.speaker is None and earlier.cue is None:
                _continue(quote, earlier)


def _continue(source: Quote, target: Quote) -> None:
    """A continuation paragraph keeps the speaker and relay, but has no cue of its own."""
    target.speaker, target.via = source.speaker, source.via


def _copy(source: Quote, target: Quote) -> None:
    """Give `target` the attribution of `source` (SpeakerRef is immutable, so it is shared)."""
    target.speaker, target.cue, target.via = source.speaker, source.cue, source.via
    target.cue_start = source.cue_start
