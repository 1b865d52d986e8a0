"""Named mentions: spaCy's entities corrected by the knowledge base and by document consistency.

The small English model mislabels rare names (a Turkish president as a place, an Arabic name as an
organisation) and misses acronyms it never saw. We keep its spans as proposals, let knowledge-base
names override them, trim possessives and articles, learn acronyms declared in parentheses, and
then make every occurrence of one name agree on one type.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache
from itertools import compress
from operator import attrgetter
from typing import Any

from newsgraph.actors.consistency import consistent_types
from newsgraph.actors.headline import headline_names
from newsgraph.actors.headwords import retype_by_head
from newsgraph.actors.lexicon import lexicon
from newsgraph.actors.names import (
    NameMention,
    fold,
    lazy_title_test,
    name_key,
    name_tokens,
    plural_title,
    positions,
)
from newsgraph.actors.nested import nested_mentions, outer_names
from newsgraph.actors.nonactors import drop_non_actors, is_event
from newsgraph.kb import KnowledgeBase
from newsgraph.model import Analysis
from newsgraph.spans import SpanIndex
from newsgraph.words import ents_of, syntax_of, words_of

__all__ = ["NameMention", "find_mentions", "fold", "name_key", "name_tokens"]

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
"""spaCy labels that can name an actor or a place an actor stands for."""

MAX_NAME_TOKENS = 8
"""Longest token run tried against the knowledge base (longer runs are never one name)."""

MAX_COUNTRY_TOKENS = 6
"""Longest country name tried ("Democratic Republic of the Congo")."""

POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
ARTICLES = frozenset({"the"})
SPLITTERS = frozenset({"/", "|", "•", "·"})
"""Tokens that never sit inside one name ("Jane Doe/AFP" is a photographer and an agency)."""

_TSTART = attrgetter("tstart")
"""A mention's first token: the sort key (C-level, not a Python function per mention)."""

ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9&.\-]{1,11})\s*\)")
"""An acronym declared in parentheses right after a name: "Hayat Tahrir al-Sham (HTS)"."""


def _trim(
    lower: list[str], texts: list[str], space: list[bool], punct: list[bool], start: int, end: int
) -> tuple[int, int]:
    """Drop leading articles and punctuation, trailing possessives and punctuation."""
    while start < end and (lower[start] in ARTICLES or punct[start] or space[start]):
        start += 1
    while end > start and (texts[end - 1] in POSSESSIVES or punct[end - 1] or space[end - 1]):
        end -= 1
    return start, end


def _spacy_mentions(doc: Any) -> list[NameMention]:
    """spaCy's kept entity spans, split at newlines, slashes and inner possessives ("Turkey's
    Erdogan") and trimmed (the word lists read once per document, not once per span)."""
    ents = ents_of(doc)
    if not ents:  # a text without names: the word lists are not read
        return []
    words = words_of(doc)
    lower, texts, space, capital = words.lower, words.texts, words.space, words.capital
    first, last = words.start, words.end
    punct = syntax_of(doc).punct
    found: list[NameMention] = []
    for ent in ents:
        if ent.label not in KEPT_LABELS:
            continue
        start, end = ent.start, ent.end
        pieces: list[tuple[int, int]] = []
        begin = start
        for i in range(start, end):
            text = texts[i]
            if (
                (space[i] and "\n" in text)
                or text in SPLITTERS
                or (text in POSSESSIVES and i < end - 1)
            ):
                pieces.append((begin, i))
                begin = i + 1
        pieces.append((begin, end))
        for s, e in pieces:
            s, e = _trim(lower, texts, space, punct, s, e)
            if s < e and any(capital[s:e]):
                found.append(NameMention(s, e, first[s], last[e - 1], ent.label))
    return found


PARTICLES = frozenset({"al", "el"})
"""Lower-case words a name may start with ("al-Sharaa")."""


def _name_runs(doc: Any) -> list[tuple[int, int]]:
    """Maximal token runs that could be one name: capitalised words joined by name particles."""
    connectors = lexicon().name_connectors
    words = words_of(doc)
    capital, lower, texts, space, trailing = (
        words.capital,
        words.lower,
        words.texts,
        words.space,
        words.trailing,
    )
    runs: list[tuple[int, int]] = []
    n = len(words)
    # the words a run may start with (most words start none): the capitalised ones in one
    # C-level pass, and the particles, which are rare, by their own searches
    starts = list(compress(range(n), capital))
    if not PARTICLES.isdisjoint(lower):
        particles = [k for p in PARTICLES for k in positions(lower, p)]
        starts = sorted(set(starts).union(particles))
    free = 0  # the first word after the last run
    for i in starts:
        if i < free:
            continue
        j = i
        last_cap = i if capital[i] else -1
        while j + 1 < n and j + 1 - i < MAX_NAME_TOKENS:
            nxt = j + 1
            if space[nxt] or (trailing[j] and texts[nxt] == "-"):
                break
            if capital[nxt]:
                last_cap = nxt
            elif lower[nxt] not in connectors:
                break
            j += 1
        if last_cap >= i:
            runs.append((i, last_cap + 1))
            free = last_cap + 1
    return runs


JOINERS = frozenset({"and", "of", "the", "for", "&", "'s", "'", "’"})
"""Connectors that may join names of organisations but never sit inside a person's name."""


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    """The name connectors that may sit inside a person's name (read once, not per match)."""
    return frozenset(lexicon().name_connectors - JOINERS)


def _whole_person_name(doc: Any, start: int, end: int, title_at: Callable[[int], bool]) -> bool:
    """A knowledge-base person matches only a whole name: "Hassan" must not match inside
    "Abdi Hassan", nor may a match start on a title ("Crown Prince ..."). `title_at`: the
    Doc's `title_test`."""
    if title_at(start):
        return False
    particles = _particles()
    words, sent_start = words_of(doc), syntax_of(doc).sent_start

    def part_of_name(i: int) -> bool:
        lower = words.lower[i]
        if lower in ARTICLES:  # "The Bush administration": an article starts no name
            return False
        if words.capital[i]:  # "Presidents Ruto and ...": a plural title is no given name
            return not title_at(i) and not plural_title(lower)
        return lower in particles

    before = start > 0 and part_of_name(start - 1) and not sent_start[start]
    after = end < len(words) and part_of_name(end) and not sent_start[end]
    return not (before or after)


def _kb_mentions(doc: Any, kb: KnowledgeBase, runs: list[tuple[int, int]]) -> list[NameMention]:
    """Longest-first knowledge-base matches inside every name run (an EntityRuler over the KB)."""
    words = words_of(doc)
    lower, capital, best = words.lower, words.capital, kb.best
    # `words.span_text(i, j)` read inline: this tries every window of every name run
    text, first, last = words.text, words.start, words.end
    title_at = lazy_title_test(doc)  # read on the first person matched
    found: list[NameMention] = []
    for run_start, run_end in runs:
        i = run_start
        while i < run_end:
            hit = None
            if lower[i] in JOINERS:  # "of the Highland Front", "The Twitter": starts later
                i += 1
                continue
            begin = first[i]
            for j in range(run_end, i, -1):
                if not capital[j - 1]:
                    continue
                entry = best(text[begin : last[j - 1]])
                if entry is None:
                    continue
                if entry.type == "PERSON" and not _whole_person_name(doc, i, j, title_at):
                    continue
                hit = (j, entry)
                break
            if hit is None:
                i += 1
                continue
            j, entry = hit
            start, end = words.start[i], words.end[j - 1]
            found.append(NameMention(i, j, start, end, entry.type, entry, from_kb=True))
            i = j
    return found


def _tokens(m: NameMention) -> tuple[int, int]:
    return m.tstart, m.tend


def _overlaps(a: NameMention, b: NameMention) -> bool:
    return a.tstart < b.tend and b.tstart < a.tend


def _merge(spacy_found: list[NameMention], kb_found: list[NameMention]) -> list[NameMention]:
    """Knowledge-base names win over overlapping spaCy spans, except a place inside an
    organisation or facility name ("Bank of England" keeps its span)."""
    kept: list[NameMention] = []
    dropped_kb: set[int] = set()
    # Knowledge-base names by first token, so each spaCy span looks only at those near it (a
    # scan of all of them per span was quadratic in the document's length).
    by_start = sorted(kb_found, key=_TSTART)
    starts = [k.tstart for k in by_start]
    longest = max((k.tend - k.tstart for k in by_start), default=0)
    for mention in spacy_found:
        near = by_start[
            bisect_left(starts, mention.tstart - longest + 1) : bisect_left(starts, mention.tend)
        ]
        clashes = [k for k in near if _overlaps(mention, k)]
        if not clashes:
            kept.append(mention)
            continue
        inner = all(
            mention.tstart <= k.tstart
            and k.tend <= mention.tend
            and (k.tend - k.tstart) < (mention.tend - mention.tstart)
            for k in clashes
        )
        if (
            inner
            and mention.label in {"ORG", "FAC"}
            and all(k.label in {"GPE", "LOC"} for k in clashes)
        ):
            kept.append(mention)
            dropped_kb.update(id(k) for k in clashes)
    kept.extend(k for k in kb_found if id(k) not in dropped_kb)
    kept.sort(key=lambda m: (m.tstart, -m.tend))
    result: list[NameMention] = []
    for mention in kept:
        if result and _overlaps(result[-1], mention):
            continue
        result.append(mention)
    return result


def _declared_acronyms(doc: Any, text: str, mentions: list[NameMention]) -> list[NameMention]:
    """Add "(HTS)" after a name as a mention of the same type, linked to the name."""
    by_char = {m.start: m for m in mentions}
    result = list(mentions)
    for mention in mentions:
        if mention.label not in {"ORG", "PERSON", "GPE", "FAC"}:
            continue
        match = ACRONYM_AFTER.match(text, mention.end)
        if match is None:
            continue
        acro_start, acro_end = match.span(1)
        acronym = match.group(1)
        if sum(c.isupper() for c in acronym) < 2:
            continue
        existing = by_char.get(acro_start)
        if existing is not None:
            existing.label = mention.label
            existing.alias_of = mention
            continue
        span = doc.char_span(acro_start, acro_end, alignment_mode="expand")
        if span is None:
            continue
        acro = NameMention(span.start, span.end, acro_start, acro_end, mention.label)
        acro.alias_of = mention
        result.append(acro)
    result.sort(key=_TSTART)
    return result


def _inside_longer_name(doc: Any, start: int, end: int) -> bool:
    """A match glued to another capitalised word ("Syria" in "Syria Democratic Forces")."""
    capital, syntax = words_of(doc).capital, syntax_of(doc)
    after = end < len(capital) and capital[end] and not syntax.sent_start[end]
    before = (
        start > 0
        and capital[start - 1]
        and not syntax.stop[start - 1]  # "The Twitter attention": an article joins no name
        and not syntax.sent_start[start]
    )
    return bool(after or before)


def _propagate(doc: Any, mentions: list[NameMention], kb: KnowledgeBase) -> list[NameMention]:
    """Every other occurrence of a name already found becomes a mention of the same type; a
    person's surname alone ("Whitmore" after "Steve Whitmore") becomes a PERSON mention."""
    if not mentions:  # nothing to propagate
        return []
    tokens = words_of(doc)
    capital, texts, span_text = tokens.capital, tokens.texts, tokens.span_text
    labels: dict[str, NameMention] = {}
    whole: set[str] = set()  # the phrases that are their mention's whole name, not a surname
    for mention in mentions:
        start, end = mention.tstart, mention.tend
        if not any(capital[start:end]):
            continue
        name = span_text(start, end)
        if labels.setdefault(name, mention) is mention:
            whole.add(name)
        surname = texts[end - 1]
        if (
            mention.label == "PERSON"
            and end - start > 1
            and capital[end - 1]
            and len(surname) > 2
            and kb.country_by_name(surname) is None
            and kb.country_by_capital(surname) is None
        ):
            labels.setdefault(surname, mention)
    patterns: dict[str, list[str]] = {}
    for phrase, mention in labels.items():
        start, end = mention.tstart, mention.tend
        if phrase not in whole:
            start = end - 1
        patterns[phrase] = texts[start:end]
    taken = [False] * len(doc)
    for mention in mentions:
        taken[mention.tstart : mention.tend] = [True] * (mention.tend - mention.tstart)
    added: list[NameMention] = []
    for phrase, s, e in _occurrences(doc, patterns):
        if taken[s] or any(taken[s:e]):  # most occurrences are the mentions themselves
            continue
        if _inside_longer_name(doc, s, e):
            continue
        source = labels[phrase]
        is_whole = phrase in whole
        if not is_whole and syntax_of(doc).pos[s] != "PROPN":
            continue  # "Image" after a credit "Ahmed Mohamed Image" is no surname
        added.append(
            NameMention(
                s,
                e,
                tokens.start[s],
                tokens.end[e - 1],
                source.label,
                source.kb if is_whole else None,
            )
        )
        taken[s:e] = [True] * (e - s)
    return sorted(mentions + added, key=_TSTART)


def _occurrences(doc: Any, patterns: dict[str, list[str]]) -> list[tuple[str, int, int]]:
    """(phrase, start, end) for every place the Doc's words are one of the phrases' words (what
    spaCy's PhraseMatcher finds), in order of start, longest first (the order of a stable sort
    by (start, -end)), found by a dictionary of first words: building a PhraseMatcher and a
    pattern Doc per phrase cost more than the search. Two phrases with the same words (which
    PhraseMatcher returns in an order of its own) go to PhraseMatcher itself."""
    firsts: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    seen: set[tuple[str, ...]] = set()
    for phrase, pattern in patterns.items():
        words = tuple(pattern)
        if words in seen:
            return sorted(_phrase_matches(doc, patterns), key=_by_start_longest)
        seen.add(words)
        firsts.setdefault(words[0], []).append((phrase, words))
    for same_first in firsts.values():
        if len(same_first) > 1:  # longest first, in pattern order among equals (a stable sort)
            same_first.sort(key=_longest_first)
    texts = words_of(doc).texts
    found: list[tuple[str, int, int]] = []
    for i in [i for i, text in enumerate(texts) if text in firsts]:  # one pass over the words
        for phrase, words in firsts[texts[i]]:
            end = i + len(words)
            if len(words) == 1 or tuple(texts[i:end]) == words:
                found.append((phrase, i, end))
    return found


def _by_start_longest(match: tuple[str, int, int]) -> tuple[int, int]:
    return match[1], -match[2]


def _longest_first(phrase: tuple[str, tuple[str, ...]]) -> int:
    return -len(phrase[1])


def _phrase_matches(doc: Any, patterns: dict[str, list[str]]) -> list[tuple[str, int, int]]:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    matcher = PhraseMatcher(doc.vocab)
    for phrase, pattern in patterns.items():
        # A Doc of the words alone: Span.as_doc copies the whole document's entities each time,
        # which made this quadratic in the document's length.
        matcher.add(phrase, [Doc(doc.vocab, words=pattern, spaces=[False] * len(pattern))])
    return [(doc.vocab.strings[key], s, e) for key, s, e in matcher(doc)]


def _in_sentences(analysis: Analysis, mentions: list[NameMention]) -> list[NameMention]:
    """The mentions that lie inside one analysed sentence (all of them when there are none)."""
    sentences = analysis.sentences
    if not sentences:
        return mentions
    starts = [s.start for s in sentences]  # `Analysis.sentence_at`, over the starts read once
    kept: list[NameMention] = []
    for m in mentions:
        index = bisect_right(starts, m.start) - 1
        if index >= 0 and m.start < sentences[index].end and m.end <= sentences[index].end:
            kept.append(m)
    return kept


COORDINATORS = frozenset({"and", "&"})
"""Words that join two names in one name run: a country may start after one or end before one
("Antigua and Barbuda and Saint Kitts and Nevis", "Britain and France")."""


def _country_windows(
    doc: Any, kb: KnowledgeBase, runs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Country names inside name runs that end the run, stand before a title ("Sri Lanka",
    "Pakistan President ...") or before "and", longest first, so that a name with "and" inside
    ("Trinidad and Tobago") is one window; a name glued to more name words is no country."""
    words = words_of(doc)
    lower, country_by_name = words.lower, kb.country_by_name
    text, first, last = words.text, words.start, words.end  # `span_text` inline
    title_at = lazy_title_test(doc)  # read on its first question
    found: list[tuple[int, int]] = []
    for run_start, run_end in runs:
        i = run_start
        while i < run_end:
            # where a name may start (the run's start, after a title, an article or "and") is
            # asked first: most words inside a run start no country, and need no look-up at all
            if (
                i != run_start
                and lower[i - 1] not in ARTICLES
                and lower[i - 1] not in COORDINATORS
                and not title_at(i - 1)
            ):
                i += 1
                continue
            hit = None
            begin = first[i]
            for j in range(min(run_end, i + MAX_COUNTRY_TOKENS), i, -1):
                # where a country may end is asked first: most windows end before no title
                if j != run_end and lower[j] not in COORDINATORS and not title_at(j):
                    continue
                if country_by_name(text[begin : last[j - 1]]) is not None:
                    hit = j
                    break
            if hit is None:
                i += 1
                continue
            found.append((i, hit))
            i = hit
    return found


def _country_names(
    doc: Any, mentions: list[NameMention], kb: KnowledgeBase, runs: list[tuple[int, int]]
) -> list[NameMention]:
    """The small model reads rare country names as people or groups ("Sri Lanka" a PERSON) or
    misses them: a mention that is exactly a country name becomes a GPE, a missing one is
    added, and a lone demonym ("Kyrgyz") is a NORP. Knowledge-base people keep their type."""
    by_tokens = {(m.tstart, m.tend): m for m in mentions}
    added: list[NameMention] = []
    found = _overlap_test(doc, mentions)
    overlapping = _overlapping(mentions)  # mentions are in order of their first token here
    pieces: set[int] = set()  # ids of mentions a longer country name replaces
    words, punct = words_of(doc), syntax_of(doc).punct
    for s, e in _country_windows(doc, kb, runs):
        # "Saudi", "U.S." are names and demonyms: as a demonym they stay NORP modifiers
        label = "NORP" if kb.country_by_demonym(words.span_text(s, e)) is not None else "GPE"
        existing = by_tokens.get((s, e))
        if existing is not None:
            if (existing.kb is None or existing.kb.type != "PERSON") and existing.label != "NORP":
                existing.label = "GPE"
            continue
        if found(s, e):
            # the model split a name with "and" inside ("Bosnia" + "Herzegovina"): the whole
            # name, without an article or a possessive, replaces its pieces
            s, e = _trim(words.lower, words.texts, words.space, punct, s, e)
            inside = overlapping(s, e) if s < e else []
            if not inside or (s, e) in by_tokens or not _pieces_of(inside, s, e):
                continue
            pieces.update(id(m) for m in inside)
            demonym = kb.country_by_demonym(words.span_text(s, e))
            label = "NORP" if demonym is not None else "GPE"
        added.append(NameMention(s, e, words.start[s], words.end[e - 1], label))
    for s, e in _split_capitals(doc, kb, runs):
        inside = overlapping(s, e)
        if inside and (s, e) not in by_tokens and _pieces_of(inside, s, e):
            pieces.update(id(m) for m in inside)  # "Port" + "Spain": one capital
            added.append(NameMention(s, e, words.start[s], words.end[e - 1], "GPE"))
    if pieces:
        mentions = [m for m in mentions if id(m) not in pieces]
    text, first, last = words.text, words.start, words.end  # `span_text` inline
    by_demonym, by_name = kb.country_by_demonym, kb.country_by_name
    for m in mentions:
        if m.kb is None and m.label in {"ORG", "PERSON", "GPE"}:
            name = text[first[m.tstart] : last[m.tend - 1]] if m.tend > m.tstart else ""
            if by_demonym(name) is not None and by_name(name) is None:
                m.label = "NORP"
    return sorted(mentions + added, key=_TSTART)


def _split_capitals(
    doc: Any, kb: KnowledgeBase, runs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Name runs that are wholly a capital with a small word inside ("Port of Spain", "Andorra
    la Vella"), which the model splits into a place and a country; one look-up per such run."""
    words = words_of(doc)
    lower, capital, punct = words.lower, words.capital, syntax_of(doc).punct
    found: list[tuple[int, int]] = []
    for run_start, run_end in runs:
        if run_end - run_start < 3 or all(capital[run_start + 1 : run_end - 1]):
            continue
        s, e = _trim(lower, words.texts, words.space, punct, run_start, run_end)
        if e - s >= 3 and kb.country_by_capital(words.span_text(s, e)) is not None:
            found.append((s, e))
    return found


def _pieces_of(inside: list[NameMention], start: int, end: int) -> bool:
    """The model split a country name with "and" or a hyphen inside ("Trinidad" / "Tobago",
    "Sao Tome" / "Principe"): the mentions lie wholly inside the longer name, and none is a
    person the knowledge base knows."""
    return all(
        start <= m.tstart
        and m.tend <= end
        and (m.tstart, m.tend) != (start, end)
        and (m.kb is None or m.kb.type != "PERSON")
        for m in inside
    )


def _overlap_test(doc: Any, mentions: list[NameMention]) -> Callable[[int, int], bool]:
    """Whether a (non-empty) token range overlaps one of the mentions: a mark per token they
    cover, read with one slice (as `SpanIndex.overlaps`, without sorting every mention)."""
    if any(m.tend <= m.tstart for m in mentions):  # an empty span: SpanIndex's own rule
        return SpanIndex(mentions, _tokens).overlaps
    covered = bytearray(len(doc))
    for m in mentions:
        covered[m.tstart : m.tend] = b"\x01" * (m.tend - m.tstart)
    return lambda start, end: 1 in covered[start:end]


def _overlapping(mentions: list[NameMention]) -> Callable[[int, int], list[NameMention]]:
    """`SpanIndex(mentions, _tokens).overlapping` (as a set) for mentions already in order of
    their first token: a binary search over their starts, with no sorting."""
    starts = [m.tstart for m in mentions]
    longest = max((m.tend - m.tstart for m in mentions), default=0)

    def overlapping(start: int, end: int) -> list[NameMention]:
        near = mentions[bisect_left(starts, start - longest + 1) : bisect_left(starts, end)]
        return [m for m in near if m.tstart < end and start < m.tend]

    return overlapping


def _text(doc: Any, m: NameMention) -> str:
    return words_of(doc).span_text(m.tstart, m.tend)


def _event_names(doc: Any) -> list[NameMention]:
    """spaCy's EVENT names ("Google Science Fair"): no actors, but names may stand inside."""
    return [
        NameMention(e.start, e.end, e.start_char, e.end_char, e.label)
        for e in ents_of(doc)
        if e.label == "EVENT"
    ]


def _clashes(inner: NameMention, other: NameMention) -> bool:
    """An inner name overlapping a mention that does not wrap it (already found on its own)."""
    wraps = other.tstart <= inner.tstart and inner.tend <= other.tend and other != inner
    wraps = wraps and (other.tend - other.tstart) > (inner.tend - inner.tstart)
    return _overlaps(inner, other) and not wraps


def find_mentions(analysis: Analysis, kb: KnowledgeBase) -> list[NameMention]:
    """All named mentions in the analysed sentences, typed and trimmed, in text order."""
    doc = analysis.doc
    runs = _name_runs(doc)
    mentions = _merge(_spacy_mentions(doc), _kb_mentions(doc, kb, runs))
    mentions = headline_names(analysis, mentions, kb)
    mentions = _declared_acronyms(doc, analysis.text, mentions)
    kept = drop_non_actors(doc, mentions)
    kept_ids = {id(m) for m in kept}
    events = [m for m in mentions if id(m) not in kept_ids and is_event(_text(doc, m))]
    events += _event_names(doc)
    mentions = _propagate(doc, kept, kb)
    consistent_types(doc, mentions, kb)
    retype_by_head(doc, mentions)
    mentions = _country_names(doc, mentions, kb, runs)
    inner = nested_mentions(doc, outer_names(mentions) + events, kb)
    overlapping = _overlapping(mentions)  # mentions are in order of their first token here
    mentions = sorted(
        mentions
        + [n for n in inner if not any(_clashes(n, m) for m in overlapping(n.tstart, n.tend))],
        key=lambda m: (m.tstart, -m.tend),
    )
    return _in_sentences(analysis, mentions)
