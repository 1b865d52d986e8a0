"""Find quoted spans by their quotation marks, paragraph by paragraph.

Marks are read as a small state machine per paragraph rather than a regex, because news text
mixes curly and straight marks, carries quotes over paragraph breaks (a paragraph that opens a
quote without closing it continues into the next paragraph that opens with a mark), and uses the
closing single mark as an apostrophe ("Putin’s", "don’t"). Single marks are only read as quotes
at the top level, never inside a double-quoted span, where they are a nested quotation.

A quote split by its attribution ("“We will,” he said, “never leave.”") becomes two records;
attribution gives both the same speaker. One record per run of marks keeps every span equal to
text the speaker said, with no attribution words inside it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from newsgraph.model import QuoteKind, Sentence
from newsgraph.quotes.cues import lexicon
from newsgraph.spans import SpanIndex

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
STRAIGHT = '"'
DOUBLE_MARKS = re.compile('["“”„«»]')
# A top-level single-quoted span: ‘ after a boundary, closed by ’ that is not an apostrophe.
SINGLE_QUOTED = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘([^‘’\n]{1,300}?)’(?![A-Za-z])")
STRAIGHT_SINGLE = re.compile(
    r"(?:(?<=^)|(?<=[:(]\s)|(?<=^\s))'([^'\n]{2,300}?)'(?=[,:;.!?)]|\s+[-–—]|\s*$)", re.M
)
"""A straight single-quoted span that opens a line (or follows a colon) and closes before
punctuation or the line end: headline style ("'We will rebuild', says mayor"). Elsewhere a
straight single mark is too often an apostrophe ("the players' union") to be read."""
CARRY_PARAGRAPHS = 8
"""Most paragraphs (lines, in text that comes one sentence per line) one quoted run may cover."""
CARRY_CHARS = 3000
"""Most characters from an opening mark to a closing mark in a later paragraph."""
SPLIT_GAP_MAX = 60
"""Most characters of attribution between the halves of a split quote (", he said, ")."""
TRAILING_DIRECT = ",;: \t\n"
TRAILING_PARTIAL = ",;:. \t\n"
IRREGULAR_CUES = frozenset({"said", "told", "wrote", "spoke", "read"})
"""Past forms a suffix strip cannot map to their lemma."""
CLAUSE_WORDS = 6
"""A quote this long right after a cue verb is a whole utterance, even in lower case."""
OPENING_CONTEXT = ":,—–-("
TITLE_WORD = re.compile(r"[^\W\d_][\w’'-]*")
DASH_AFTER = re.compile(r"[”\"»]?[ \t]*[-–—][ \t]*\S")
"""A dash credit after a closing mark ("” — The Herald")."""
"""A direct quote usually follows one of these or a cue verb when it does not open a sentence."""


@dataclass(slots=True)
class Found:
    """A quoted span with the positions of its marks (attribution reads around the marks)."""

    start: int
    end: int
    kind: QuoteKind
    open_at: int
    """Offset of the opening mark (== start for indirect speech)."""
    close_at: int
    """Offset just after the closing mark (== end for indirect speech)."""
    paragraph: int
    split_from: int | None = None
    """Index (in the result list) of the first half of a split quote."""
    cue_token: int | None = None
    """Token index of the verb that reports indirect speech (found with the clause)."""
    last_paragraph: int = -1
    """Paragraph of the closing mark (a quote may run over several lines); -1: as `paragraph`."""
    speaker_span: tuple[int, int] | None = None
    """The speaker phrase, when the detector found it with the quote (headline attribution)."""
    continues: int | None = None
    """Index of the quote this one continues: the previous quote was left open at the end of the
    paragraph before, and this paragraph reopens it (one statement over several paragraphs)."""

    @property
    def end_paragraph(self) -> int:
        return self.paragraph if self.last_paragraph < 0 else self.last_paragraph


def paragraphs_of(text: str, sentences: list[Sentence]) -> list[tuple[int, int, int]]:
    """(start, end, paragraph index) of each analysed paragraph, in text order.

    Without sentences every non-empty line is a paragraph, so `find_quotes` works on raw text.
    """
    if not sentences:
        result = []
        offset = 0
        for index, line in enumerate(text.split("\n")):
            if line.strip():
                start = offset + len(line) - len(line.lstrip())
                result.append((start, start + len(line.strip()), index))
            offset += len(line) + 1
        return result
    spans: dict[int, tuple[int, int]] = {}
    for s in sentences:
        got = spans.get(s.paragraph)
        if got is None:
            spans[s.paragraph] = (s.start, s.end)
        elif s.start < got[0] or s.end > got[1]:
            spans[s.paragraph] = (min(got[0], s.start), max(got[1], s.end))
    return sorted((lo, hi, p) for p, (lo, hi) in spans.items())


def _at_paragraph_start(text: str, start: int, offset: int) -> bool:
    return not text[start:offset].strip()


def _closes(text: str, at: int, paragraph_start: int) -> bool:
    """Whether a mark reads as a closing mark: ” or », or a straight mark after a non-space."""
    char = text[at]
    if char in DOUBLE_CLOSE:
        return True
    if char in DOUBLE_OPEN or at == paragraph_start:
        return False
    return not text[at - 1].isspace()


def _carries_on(
    text: str, paragraphs: list[tuple[int, int, int]], marks: list[list[int]], k: int, opened: int
) -> bool:
    """Whether a quote still open at the end of paragraph `k - 1` runs on into paragraph `k`.

    It does when the next mark in the document closes it mid-paragraph, within CARRY_PARAGRAPHS
    paragraphs and CARRY_CHARS characters of its opening (a quote over several lines of text that
    comes one sentence per line); a paragraph that opens with a mark starts a new quote instead
    (the news convention for a statement over several paragraphs).
    """
    for j in range(k, min(len(paragraphs), k + CARRY_PARAGRAPHS)):
        p_start = paragraphs[j][0]
        if not marks[j]:
            continue
        first = marks[j][0]
        if first - opened > CARRY_CHARS or _at_paragraph_start(text, p_start, first):
            return False
        return _closes(text, first, p_start)
    return False


Run = tuple[int, int, int, int, bool]
"""(opening mark, closing mark or end, paragraph of the opening, of the end, closed by a mark)."""


def _scan_double(text: str, paragraphs: list[tuple[int, int, int]]) -> list[Run]:
    """(opening mark, closing mark, paragraph of the opening) for every double-quoted run.

    Works over the document, not the paragraph: a run left open at a paragraph end either runs
    on to its closing mark in a later paragraph (`_carries_on`), or ends with the last paragraph
    it covers (never closed, or continued by a paragraph that reopens the quote).
    """
    # one scan of the text, cut into the paragraphs (their marks, in text order)
    found = [m.start() for m in DOUBLE_MARKS.finditer(text)]
    if not found:
        return []  # no mark, no run (most short texts quote nobody)
    marks = [found[bisect_left(found, lo) : bisect_left(found, hi)] for lo, hi, _ in paragraphs]
    runs: list[Run] = []
    pending: tuple[int, int] | None = None  # (opening mark, paragraph) still open
    previous_end, previous_index = 0, -1
    for k, (p_start, p_end, p_index) in enumerate(paragraphs):
        here = marks[k]
        open_at: tuple[int, int] | None = None
        if pending is not None:
            if _carries_on(text, paragraphs, marks, k, pending[0]):
                open_at = pending
            else:
                runs.append((pending[0], previous_end, pending[1], previous_index, False))
        pending = None
        for at in here:
            char = text[at]
            before = text[at - 1] if at > 0 else " "
            if open_at is None:
                if char in DOUBLE_CLOSE and not before.isspace() and at != p_start:
                    continue  # a stray closing mark
                open_at = (at, p_index)
            elif char in DOUBLE_OPEN and (before.isspace() or at == p_start):
                # A new opening inside an open quote: the earlier one was never closed.
                runs.append((open_at[0], at, open_at[1], p_index, False))
                open_at = (at, p_index)
            else:
                runs.append((open_at[0], at, open_at[1], p_index, True))
                open_at = None
        pending = open_at
        previous_end, previous_index = p_end, p_index
    if pending is not None:
        runs.append((pending[0], previous_end, pending[1], previous_index, False))
    return runs


def _scan_single(
    text: str, paragraphs: list[tuple[int, int, int]], covered: list[tuple[int, int]]
) -> list[Run]:
    """Top-level ‘single-quoted’ runs outside any double-quoted span.

    Each paragraph is searched in place (`endpos` ends the text there for the patterns, as a
    slice would, without copying everything before it) and only for the marks it holds.
    """
    runs: list[Run] = []
    if "‘" not in text and "'" not in text:
        return runs
    double = SpanIndex.of_spans(covered)
    for p_start, p_end, p_index in paragraphs:
        matches: list[re.Match[str]] = []
        if text.find("‘", p_start, p_end) >= 0:
            matches += SINGLE_QUOTED.finditer(text, p_start, p_end)
        if text.find("'", p_start, p_end) >= 0:
            matches += STRAIGHT_SINGLE.finditer(text, p_start, p_end)
        for m in matches:
            if double.overlaps(m.start(), m.start() + 1):
                continue
            runs.append((m.start(), m.end() - 1, p_index, p_index, True))
    return runs


def _sentence_start(
    sentences: list[Sentence], starts: list[int], offset: int, paragraph_start: int
) -> int:
    index = bisect_right(starts, offset) - 1
    if index >= 0 and sentences[index].start <= offset < sentences[index].end:
        return sentences[index].start
    return paragraph_start


def _trim(text: str, start: int, end: int, trailing: str) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in trailing:
        end -= 1
    return start, end


def _is_cue_word(word: str) -> bool:
    """A rough lemma check that works without a parse ("says", "added", "told")."""
    word = word.lower().strip(",:;")
    if word in IRREGULAR_CUES:
        return True
    verbs = lexicon().verbs
    stem = word[:-3]
    return (
        word in verbs
        or word[:-1] in verbs
        or word[:-2] in verbs
        or stem + "y" in verbs
        or stem in verbs
        or stem + "e" in verbs
    )


def _utterance_context(text: str, open_at: int, sentence_start: int) -> tuple[bool, bool]:
    """Whether the quote stands where a whole utterance stands (sentence start, after ':' or ','
    or right after a cue verb), and whether it follows a cue verb ("said “...", "reasoned,
    “...") or its "that" ("wrote that “..."). The words before the mark are split once."""
    words = text[sentence_start:open_at].split()
    if not words:
        return True, False
    last_is_cue: bool | None = None
    if words[-1][-1] in OPENING_CONTEXT:
        opens = True
    else:
        opens = last_is_cue = _is_cue_word(words[-1])
    if len(words) >= 2 and words[-1].lower() == "that":
        return opens, _is_cue_word(words[-2])
    if last_is_cue is None:
        last_is_cue = _is_cue_word(words[-1])
    return opens, last_is_cue


def _is_title(content: str, credited: bool) -> bool:
    """A name or a title, not an utterance: Title Case words, or a line credited with a dash
    ("“Floods hit coast” — The Herald"), with no sentence punctuation at its end."""
    if content.rstrip()[-1:] in ".!?…":
        return False
    words = TITLE_WORD.findall(content)
    if len(words) == 1:
        return True  # a name: 'a user labelled “Anonymous”'

    small = {"of", "the", "a", "an", "and", "or", "in", "on", "for", "to", "at", "by", "vs"}
    title_case = len(words) >= 2 and all(w[0].isupper() or w.lower() in small for w in words)
    return title_case or credited


def _classify(
    text: str, start: int, end: int, opens_utterance: bool, split: bool, cue_before: bool = False
) -> QuoteKind:
    content = text[start:end]
    first = content.lstrip(".…[( ")[:1]
    capital = first.isupper() or first.isdigit() or not first.isalpha()
    credited = bool(DASH_AFTER.match(text[end : end + 6]))
    if split:
        return "direct"
    handed_over = text[end : end + 1] in (",", "?", "!")  # “Yes,” she said
    if opens_utterance and capital and (handed_over or not _is_title(content, credited)):
        return "direct"
    if cue_before and len(content.split()) >= CLAUSE_WORDS:
        return "direct"  # 'said "a review will be opened with the unions"': a whole clause
    return "partial"


def detect_marked(
    text: str,
    sentences: list[Sentence],
    paragraphs: list[tuple[int, int, int]] | None = None,
) -> list[Found]:
    """Every span between quotation marks in the analysed paragraphs, with a first kind
    (`paragraphs`: `paragraphs_of(text, sentences)`, when the caller has it)."""
    if paragraphs is None:
        paragraphs = paragraphs_of(text, sentences)
    sentence_starts = [s.start for s in sentences]
    starts = {p: lo for lo, _, p in paragraphs}
    order = {p: k for k, (_, _, p) in enumerate(paragraphs)}
    runs = _scan_double(text, paragraphs)
    runs += _scan_single(text, paragraphs, [(r[0], r[1]) for r in runs])
    runs.sort()
    found: list[Found] = []
    previous_closed = True
    for open_at, close_mark, p_index, last_index, closed in runs:
        raw_start, raw_end = open_at + 1, close_mark
        if not text[raw_start:raw_end].strip():
            continue
        previous = found[-1] if found else None
        continues = (
            previous is not None
            and not previous_closed
            and previous.kind == "direct"
            and order[p_index] == order[previous.end_paragraph] + 1
            and _at_paragraph_start(text, starts[p_index], open_at)
        )
        split = (
            previous is not None
            and previous.end_paragraph == p_index
            and previous.kind == "direct"
            and text[previous.start : previous.close_at - 1].rstrip()[-1:] in (",", "?", "!")
            and 0 < open_at - previous.close_at <= SPLIT_GAP_MAX
            and not re.search(r"[.!?]", text[previous.close_at : open_at])
        )
        sentence_start = _sentence_start(sentences, sentence_starts, open_at, starts[p_index])
        opens, cue_before = _utterance_context(text, open_at, sentence_start)
        trimmed = _trim(text, raw_start, raw_end, TRAILING_DIRECT)
        kind = _classify(text, *trimmed, opens, split, cue_before)
        trailing = TRAILING_DIRECT if kind == "direct" else TRAILING_PARTIAL
        start, end = _trim(text, raw_start, raw_end, trailing)
        if start >= end:
            continue
        close_at = min(close_mark + 1, len(text)) if closed else close_mark
        index = len(found) - 1
        found.append(
            Found(
                start,
                end,
                kind,
                open_at,
                close_at,
                p_index,
                index if split else None,
                last_paragraph=last_index,
                continues=index if continues else None,
            )
        )
        previous_closed = closed
    return found


def inside_quote(offset: int, marked: list[Found]) -> bool:
    """Whether an offset lies within the marks of a direct or partial quote."""
    if not marked:  # (most windows hold no quotation mark: no generator for them)
        return False
    return any(f.open_at <= offset < f.close_at for f in marked if f.kind != "indirect")


def mark_index(marked: list[Found]) -> SpanIndex[Found]:
    """The quotes indexed by the span of their marks (open_at, close_at): which lie near a
    sentence or window, without a scan of them all per question."""
    return SpanIndex(marked, _marks_of)


def _marks_of(found: Found) -> tuple[int, int]:
    return found.open_at, found.close_at
