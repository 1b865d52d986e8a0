"""Headline case: "India Expels Pakistani Diplomats" capitalises every word, so the small model
reads "India Expels Pakistani" or "Meets Traders" as a name. In a title-case headline a name is
cut at every word the story itself never writes with a capital (and the knowledge base does not
know): "Ruto Meets Museveni" becomes Ruto and Museveni; "Meets Traders" is no name at all."""

from __future__ import annotations

from dataclasses import replace

from newsgraph.actors.names import NameMention
from newsgraph.kb import KnowledgeBase
from newsgraph.model import Analysis
from newsgraph.words import syntax_of, words_of

TITLE_CASE_SHARE = 0.6
"""Share of a headline's longer words (4+ letters) that must be capitalised for title case."""


def _title_case(texts: list[str], alpha: list[bool], start: int, end: int) -> bool:
    """Whether the words start..end (token numbers) are in title case."""
    words = [
        t for t, a in zip(texts[start:end], alpha[start:end], strict=True) if a and len(t) >= 4
    ]
    return bool(words) and sum(t[:1].isupper() for t in words) / len(words) >= TITLE_CASE_SHARE


def _known(word: str, body: set[str], kb: KnowledgeBase) -> bool:
    return (
        word in body
        or kb.country_by_name(word) is not None
        or kb.country_by_demonym(word) is not None
        or kb.best(word) is not None
    )


def headline_names(
    analysis: Analysis, mentions: list[NameMention], kb: KnowledgeBase
) -> list[NameMention]:
    """The mentions, with those in a title-case headline cut into the runs of words the body
    confirms."""
    doc = analysis.doc
    titles = [s for s in analysis.sentences if s.section == "title"]
    if doc is None or not titles:
        return mentions
    words = words_of(doc)
    texts, alpha = words.texts, syntax_of(doc).alpha
    spans = [words.char_span(s.start, s.end) for s in titles]  # no Span or Token objects
    cased = [s for s in spans if s is not None and _title_case(texts, alpha, *s)]
    if not cased:
        return mentions
    in_title = {i for s, e in cased for i in range(s, e)}
    # the distinct words outside the titles (slices joined at C level), then the capital test
    # once per distinct word, not once per token
    outside: set[str] = set()
    after = 0
    for s, e in sorted(cased):
        outside.update(texts[after:s])
        after = max(after, e)
    outside.update(texts[after:])
    body = {t for t in outside if t[:1].isupper()}
    result: list[NameMention] = []
    for m in mentions:
        if m.tstart not in in_title or m.kb is not None or m.label not in {"PERSON", "ORG"}:
            result.append(m)
            continue
        # cut at every word the story does not confirm: "Ruto Meets Museveni" -> Ruto, Museveni
        piece: list[int] = []
        for i in range(m.tstart, m.tend + 1):
            if i < m.tend and _known(texts[i], body, kb):
                piece.append(i)
                continue
            if piece:
                first, last = piece[0], piece[-1]
                name = words.span_text(first, last + 1)
                label = (
                    "GPE"
                    if kb.country_by_name(name)
                    else "NORP"
                    if kb.country_by_demonym(name)
                    else m.label
                )
                result.append(
                    replace(
                        m,
                        tstart=first,
                        tend=last + 1,
                        start=words.start[first],
                        end=words.end[last],
                        label=label,
                    )
                )
            piece = []
    return result
