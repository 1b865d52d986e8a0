"""Find indirect speech: what a reporting verb reports, with the verb as its cue.

Four shapes, each read from the parse with a surface fallback where small parsers often fail:

1. a reported clause: "Ruto said Kenya would ...", "told reporters that ...", "asked how ..."
   (a whether/wh- clause only after a question verb), "..., the ministry said" at the end of a
   long sentence, "As X told Y, <clause>" and "According to X, <clause>";
2. an appeal: "urged Kenya to reopen ...", "called on donors not to ...", "called for calm";
3. a characterisation: "described the ruling as historic", "called the attack cowardly";
4. nothing for negated or withheld speech ("did not say whether", "declined to say how many")
   or a passive cue with no agent ("it was announced that").

A span never swallows a second report that belongs to a different cue ("X said A, while Y said
B", "said A, adding that B"): it ends before that cue's phrase. A report mostly inside quotation
marks is left to the marked quote (two records only when the report has words of its own).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

from newsgraph.model import Sentence
from newsgraph.quotes.cues import lexicon
from newsgraph.quotes.detect import Found, mark_index
from newsgraph.quotes.doctext import text_of
from newsgraph.quotes.table import CueTable, cue_table, in_range, may_hold_cues
from newsgraph.spans import SpanIndex
from newsgraph.words import syntax_of, words_of

MIN_CLAUSE_TOKENS = 3
"""Shorter complements ("he said so") carry no content worth recording."""
MIN_OUTSIDE_WORDS = 3
"""A report needs this many words outside quotation marks to be a record beside its marked
quote ("said it was “damning ...” after ..." gives two; "any process “must be ...”" one)."""
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
WH_WORDS = frozenset({"whether", "if", "how", "what", "why", "when", "where", "who", "which"})
WITHHOLDING_VERBS = frozenset({"decline", "refuse", "fail", "reluctant"})
"""Heads that withhold the speech of their complement ("declined to say how many")."""
NEGATIONS = frozenset({"not", "n't", "never", "no"})
APPEAL_PREPS = frozenset({"on", "upon", "with"})
"""Prepositions whose object is the addressee of an appeal ("called on", "pleaded with")."""
NEEDS_ADDRESSEE_PREP = frozenset({"call"})
"""Appeals only with "on"/"upon" ("called on donors to"): "called them to testify" summons."""
APPEAL_CLAUSE_DEPS = frozenset({"xcomp", "ccomp"})
"""The appeal's "to" clause on the verb (an advcl "to" is a purpose: "phoned to ask")."""
HOLDER_CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "acl", "relcl", "advcl"})
"""The "to" clause as parsers hang it on the addressee ("called on donors to give")."""
APPEAL_FOR = frozenset({"call", "appeal", "ask", "plead", "press", "push", "urge"})
"""Verbs whose "for X" object is what is asked for ("called for calm")."""
OPRD_VERBS = frozenset({"call", "dub", "label", "brand", "term"})
"""Characterisations without "as": "called the attack cowardly"."""
CLIP_BEFORE = frozenset({",", ";", "while", "whereas", "but", "and", "adding", "though", "with"})
"""What may stand before a second cue phrase inside a span (where the span is cut)."""
WORD = re.compile(r"[^\W_]+")
VERBAL_POS = frozenset({"VERB", "AUX"})


QUOTE_MARK = re.compile('[“„«”»"]')
CLOSING_AFTER = re.compile(r"[.,;:!?]?[”»\"]")


def _close_inner_quote(text: str, start: int, end: int, limit: int) -> int:
    """Keep the closing mark of a quotation that opens inside the span ('acted "with
    restraint"'), which trimming the clause's final punctuation would cut off."""
    if QUOTE_MARK.search(text, start, end) is None:
        return end  # no mark inside: nothing opened
    inner = text[start:end]
    opened = sum(inner.count(c) for c in "“„«") > sum(inner.count(c) for c in "”»")
    straight = inner.count('"') % 2 == 1
    if not (opened or straight):
        return end
    match = CLOSING_AFTER.match(text[end:limit])
    return end + match.end() if match is not None else end


def _words_outside(
    text: str, start: int, end: int, marks: SpanIndex[Found], enough: int = MIN_OUTSIDE_WORDS
) -> int:
    """How many words of [start, end) lie outside every quotation mark pair, counted up to
    `enough` (the callers only ask whether there are that many)."""
    near = marks.overlapping(start, end)
    count = 0
    for m in WORD.finditer(text, start, end):
        if not near or not any(f.open_at <= m.start() < f.close_at for f in near):
            count += 1
            if count >= enough:
                break
    return count


def _inside_marks(offset: int, marked: list[Found]) -> bool:
    return bool(marked) and any(f.open_at <= offset < f.close_at for f in marked)


def _is_verb(token: Any) -> bool:
    return bool(token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"))


def _withheld(parse: _Parse, i: int, children: list[int]) -> bool:
    """Negated or withheld speech: "did not disclose", "never said", "declined to say" (token
    number `i`, its `children`)."""
    dep, lower = parse.dep, parse.lower
    for c in children:
        if dep[c] == "neg" or (dep[c] == "advmod" and lower[c] in NEGATIONS):
            return True
    head = parse.table.head
    for _ in range(2):
        if dep[i] not in ("xcomp", "ccomp"):
            return False
        i = head[i]
        if parse.lemma[i].lower() in WITHHOLDING_VERBS:
            return True
    return False


def _passive_without_agent(parse: _Parse, i: int, kids: list[int]) -> bool:
    """ "It was announced that ...", and a bare participle: "Asked whether ..., X said" (X was
    asked; the question is the reporter's). Token number `i`, its children `kids`."""
    dep = parse.dep
    children = [dep[c] for c in kids]
    passive = "auxpass" in children or "nsubjpass" in children
    bare = parse.tag[i] == "VBN" and dep[i] in ("advcl", "acl", "amod", "ROOT")
    passive = passive or (bare and not any(d in ("aux", "nsubj") for d in children))
    return passive and "agent" not in children


def _skip_first(token: Any) -> bool:
    if token.is_space or token.is_punct or token.dep_ == "cc":
        return True
    return bool(token.dep_ == "mark" and token.lower_ == "that")


def _tokens_span(tokens: list[Any]) -> tuple[int, int] | None:
    while tokens and _skip_first(tokens[0]):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    if len(tokens) < MIN_CLAUSE_TOKENS:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


class _Parse:
    """The arrays of one Doc the reported-clause rules read (`words_of`, `syntax_of`, the
    document's `CueTable`): no Token is built for the children, edges and words they look at."""

    __slots__ = (
        "dep", "end", "lemma", "lower", "n", "pos", "punct", "space", "start", "table", "tag",
        "texts",
    )  # fmt: skip

    def __init__(self, doc: Any) -> None:
        words, syntax = words_of(doc), syntax_of(doc)
        self.table = cue_table(doc)
        self.lower, self.start, self.end, self.space = (
            words.lower,
            words.start,
            words.end,
            words.space,
        )
        self.dep, self.pos, self.tag, self.punct = syntax.dep, syntax.pos, syntax.tag, syntax.punct
        self.lemma, self.texts = syntax.lemma, words.texts
        self.n = len(words)

    def is_verb(self, i: int) -> bool:
        return self.pos[i] in VERBAL_POS or self.tag[i].startswith("VB")

    def has_subject(self, head: int) -> bool:
        dep = self.dep
        return not SUBJECT_DEPS.isdisjoint([dep[c] for c in self.table.kids[head]])

    def range_span(self, lo: int, hi: int) -> tuple[int, int] | None:
        """`_tokens_span` of the tokens numbered [lo, hi)."""
        dep, lower, punct, space = self.dep, self.lower, self.punct, self.space
        while lo < hi and (
            space[lo] or punct[lo] or dep[lo] == "cc" or (dep[lo] == "mark" and lower[lo] == "that")
        ):
            lo += 1
        while lo < hi and (punct[hi - 1] or space[hi - 1]):
            hi -= 1
        if hi - lo < MIN_CLAUSE_TOKENS:
            return None
        return self.start[lo], self.end[hi - 1]


def _free_relative_subject(parse: _Parse, clause: int, opener: int) -> bool:
    """ "noted what began as a joke had grown ...": the wh-word opens the clause's subject."""
    table, dep = parse.table, parse.dep
    return any(dep[c] in SUBJECT_DEPS and opener in table.subtree(c) for c in table.kids[clause])


def _fronted_ok(parse: _Parse, cue: int, clause: int, sentence_start: int) -> bool:
    """A report before its cue ("Prices will rise, the minister said") opens the sentence and
    is followed by the cue's own subject or, inverted, by the cue itself."""
    opener, last = parse.table.edges(clause)
    if opener != sentence_start or parse.pos[opener] in ("ADP", "SCONJ"):
        return False
    children, dep = parse.table.kids[cue], parse.dep
    if any(dep[c] == "dobj" and c > cue for c in children):
        return False  # "..., fans say thanks": the verb has an object of its own
    subjects = [c for c in children if dep[c] == "nsubj" and last < c < cue]
    inverted = [c for c in children if dep[c] == "nsubj" and c > cue]
    return bool(subjects) or (bool(inverted) and all(parse.punct[t] for t in range(last + 1, cue)))


def _reported_clauses(
    parse: _Parse, cue: int, sentence: tuple[int, int], question: bool
) -> list[tuple[int, int]]:
    """The clause a reporting verb reports, from the parse, else from "that" after it. Several
    complements of one cue are pieces of one misparsed clause and make one span. `cue` and
    `sentence` (first and end token) are token numbers."""
    table, dep, lower = parse.table, parse.dep, parse.lower
    pieces: list[int] = []
    for clause in table.kids[cue]:
        if dep[clause] not in ("ccomp", "advcl", "parataxis"):
            continue
        opener = table.edges(clause)[0]  # the clause's first token: the left edge of its subtree
        wh = lower[opener] in WH_WORDS and not _free_relative_subject(parse, clause, opener)
        if wh and not question:
            continue  # "suggest what the flag should mean": not a statement
        if dep[clause] != "ccomp" and lower[opener] != "that":
            continue  # an adverbial clause is reported only when "that" opens it
        if clause < cue and not _fronted_ok(parse, cue, clause, sentence[0]):
            continue
        pieces.append(clause)
    if pieces and not any(
        parse.has_subject(c)
        or lower[table.edges(c)[0]] == "that"
        or lower[table.edges(c)[0]] in WH_WORDS
        for c in pieces
    ):
        pieces = []
    if pieces:
        first = min(table.edges(p)[0] for p in pieces)
        last = max(table.edges(p)[1] for p in pieces)
        if first > cue or last < cue:
            bounds = parse.range_span(first, last + 1)
            return [bounds] if bounds is not None else []
    that = _that_after(parse, cue, sentence[1])
    if that is not None:
        bounds = parse.range_span(that + 1, sentence[1])
        if bounds is not None:
            return [bounds]
    return []


def _that_after(parse: _Parse, cue: int, sentence_end: int) -> int | None:
    """A complementiser "that" after the cue and its objects ("told LA Weekly in a statement
    that ..."), for parses that hang the clause on a noun (token numbers)."""
    table, lower, tag, lemma = parse.table, parse.lower, parse.tag, parse.lemma
    relaying = {
        t
        for c in table.kids[cue]
        if lemma[c].lower() in ("quote", "cite") and tag[c] == "VBG"
        for t in table.subtree(c)
        if lower[t] != "that"
    }
    for token in range(cue + 1, sentence_end):
        if token in relaying or (
            parse.texts[token] == "," and (token + 1 in relaying or token + 1 == cue + 1)
        ):
            continue  # "reported, citing officials, that ..."
        if lower[token] == "that" and tag[token] in ("IN", "WDT", "DT"):
            following = token + 1 if token + 1 < parse.n else None
            if following is None or parse.punct[following] or parse.is_verb(following):
                return None  # "said that." / "that is", a pronoun subject
            return token
        if parse.punct[token] and parse.texts[token] not in ("(", ")"):
            return None
        if token != cue and (parse.pos[token] in VERBAL_POS or parse.tag[token][:2] == "VB"):
            return None
    return None


def _list_span(parse: _Parse, tokens: list[int]) -> tuple[int, int] | None:
    """`_tokens_span` of the tokens numbered `tokens` (in that order)."""
    dep, lower, punct, space = parse.dep, parse.lower, parse.punct, parse.space
    lo, hi = 0, len(tokens)
    while lo < hi:
        first = tokens[lo]
        that = dep[first] == "mark" and lower[first] == "that"
        if not (space[first] or punct[first] or dep[first] == "cc" or that):
            break
        lo += 1
    while lo < hi and (punct[tokens[hi - 1]] or space[tokens[hi - 1]]):
        hi -= 1
    if hi - lo < MIN_CLAUSE_TOKENS:
        return None
    return parse.start[tokens[lo]], parse.end[tokens[hi - 1]]


def _appeal_clauses(parse: _Parse, cue: int) -> list[tuple[int, int]]:
    """ "urged X to do Y" → "to do Y" (with a "not" before it); "called for X" → X (token
    number `cue`)."""
    table, dep, lower = parse.table, parse.dep, parse.lower
    kids = table.kids
    found: list[tuple[int, int]] = []
    lemma = parse.lemma[cue].lower()
    on_someone = [c for c in kids[cue] if dep[c] == "prep" and lower[c] in APPEAL_PREPS and c > cue]
    holders = [] if lemma in NEEDS_ADDRESSEE_PREP and not on_someone else [cue]
    for prep in on_someone:
        holders += [c for c in kids[prep] if dep[c] == "pobj"]
    if holders and holders[0] == cue:
        holders += [c for c in kids[cue] if dep[c] in ("dobj", "dative")]
    for holder in holders:
        deps = APPEAL_CLAUSE_DEPS if holder == cue else HOLDER_CLAUSE_DEPS
        for clause in kids[holder]:
            if dep[clause] not in deps or clause < cue:
                continue
            children = kids[clause]
            to = [c for c in children if dep[c] == "aux" and lower[c] == "to"]
            if not to:
                continue
            start = to[0]
            negation = [c for c in children if dep[c] == "neg" and c < start]
            if negation:
                start = negation[0]
            tokens = [t for t in table.subtree_order(clause) if t >= start]
            bounds = _list_span(parse, tokens)
            if bounds is not None:
                found.append(bounds)
    if not found and lemma in APPEAL_FOR:
        for child in kids[cue]:
            if dep[child] == "prep" and lower[child] == "for":
                objects = [c for c in kids[child] if dep[c] == "pobj"]
                if objects:
                    first, last = table.first_last(objects[0])
                    found.append((parse.start[first], parse.end[last]))
    return found


def _characterisations(parse: _Parse, cue: int) -> list[tuple[int, int]]:
    """ "described X as Y" → "X as Y"; "called the attack cowardly" → "the attack cowardly"
    (token number `cue`)."""
    table, dep, lower = parse.table, parse.dep, parse.lower
    kids = table.kids
    objects = [c for c in kids[cue] if dep[c] in ("dobj", "nsubj") and c > cue]
    if not objects:
        return []
    first = table.edges(objects[0])[0]
    complement = [c for c in kids[cue] if c > objects[0] and dep[c] == "prep" and lower[c] == "as"]
    complement += [c for c in kids[objects[0]] if dep[c] == "prep" and lower[c] == "as"]
    if not complement and parse.lemma[cue].lower() in OPRD_VERBS:
        complement = [
            c
            for c in kids[cue]
            if dep[c] in ("oprd", "xcomp")
            and c > cue
            and not any(dep[a] == "aux" and lower[a] == "to" for a in kids[c])
        ]
    if not complement:
        return []
    last = table.edges(complement[0])[1]
    bounds = parse.range_span(first, last + 1)
    return [bounds] if bounds is not None else []


def _as_told(parse: _Parse, doc: Any, i: int, sentence: Sentence) -> tuple[int, int] | None:
    """ "As X told Y, <clause>": the main clause is what X said (cue: token number `i`)."""
    dep, lower = parse.dep, parse.lower
    if not any(dep[c] == "mark" and lower[c] == "as" for c in parse.table.kids[i]):
        return None
    cue = doc[i]
    tokens = list(cue.subtree)
    end_of_cue = tokens[-1].idx + len(tokens[-1].text)
    doc = cue.doc
    rest = doc.char_span(end_of_cue, sentence.end, alignment_mode="contract")
    if rest is None:
        return None
    return _tokens_span(list(rest))


def _sentence_final(parse: _Parse, cue: int, sentence: tuple[int, int]) -> tuple[int, int] | None:
    """ "<clause>, researchers say." or "<clause>, said the minister.": the cue and its speaker
    close the sentence after a comma; the clause before it is reported (token numbers)."""
    children, dep = parse.table.kids[cue], parse.dep
    subjects = [c for c in children if dep[c] == "nsubj"]
    if not subjects:
        return None  # ", adding the words ..." / ", written by ...": no speaker closes it
    if any(dep[c] == "dobj" for c in children):
        return None  # "..., fans say thanks": the verb has an object of its own
    left = min([cue] + [parse.table.edges(c)[0] for c in subjects])
    if left - 1 <= sentence[0] or parse.texts[left - 1] != ",":
        return None
    after = list(range(cue + 1, sentence[1]))
    for k, token in enumerate(after):
        if (
            parse.texts[token] in (",", ";", "—", "–")
            and k + 1 < len(after)
            and parse.pos[after[k + 1]] in ("SCONJ", "ADP")
        ):
            after = after[:k]  # "..., officials said, as rivers burst their banks"
            break
    if any(parse.is_verb(t) for t in after) or any(parse.lower[t] == "that" for t in after):
        return None
    return parse.range_span(sentence[0], left - 1)


def _after_apposition(doc: Any, start: int, end: int) -> int:
    """Skip an apposition the parse left after "according to X" ("According to Cochilco, the
    state copper commission, output could ..."): a verbless stretch up to a comma."""
    comma = text_of(doc).find(",", start, end)
    if comma < 0:
        return start
    piece = doc.char_span(start, comma, alignment_mode="expand")
    if piece is None or len(piece) > MAX_APPOSITION_TOKENS or any(_is_verb(t) for t in piece):
        return start
    after = comma + 1
    while after < end and not text_of(doc)[after].isalnum():
        after += 1
    return after if len(text_of(doc)[after:end].split()) >= MIN_CLAUSE_TOKENS else start


def _according_to(
    parse: _Parse, doc: Any, i: int, sentence: Sentence, opens: list[int]
) -> Found | None:
    """ "According to police, 40 people died": the rest of the sentence is reported speech,
    unless it has a speaker of its own ("According to the Herald, the minister said ...",
    where "according to" names the relay). Token number `i` is the "according"."""
    lower = parse.lower
    if lower[i] != "according" or i + 1 >= parse.n:
        return None
    if lower[i + 1] != "to":
        return None
    first_open = bisect_left(opens, sentence.start)
    if first_open < len(opens) and opens[first_open] < sentence.end:
        return None  # a quote in the sentence is what "according to" attributes
    first, last = parse.table.first_last(i)
    lo, hi = parse.start[first], parse.end[last]
    text = parse.table.text
    span = parse.table.words.char_span(sentence.start, sentence.end)
    reporters, lemma, idx = lexicon().report_verbs, parse.lemma, parse.start
    if span is not None and any(
        lemma[t].lower() in reporters and parse.is_verb(t) and not (lo <= idx[t] < hi)
        for t in range(*span)
    ):
        return None
    pieces = [(sentence.start, lo), (hi, sentence.end)]
    start, end = max(pieces, key=lambda p: len(text[p[0] : p[1]].strip()))
    while start < end and not text[start].isalnum():
        start += 1
    if start == hi or not text[hi:start].strip(" ,"):
        start = _after_apposition(doc, start, end)
    while end > start and not text[end - 1].isalnum():
        end -= 1
    if len(text[start:end].split()) < MIN_CLAUSE_TOKENS:
        return None
    return Found(start, end, "indirect", start, end, sentence.paragraph, None, i)


CUE_PHRASE_DEPS = SUBJECT_DEPS | {"mark", "advmod", "aux", "cc"}
"""The dependents before a cue that open its own phrase (`_cue_phrase_start`)."""


def _cue_phrase_start(table: CueTable, cue: int) -> int:
    """Token index where a cue's own phrase begins (its subject, marker or the verb): the first
    token of the subtree of each such child before the cue (`CueTable.edges`)."""
    dep, edges = table.syntax.dep, table.edges
    starts = [edges(c)[0] for c in table.kids[cue] if c < cue and dep[c] in CUE_PHRASE_DEPS]
    return min(cue, *starts) if starts else cue


def _clip(doc: Any, found: list[Found]) -> list[Found]:
    """Cut a span before a second cue phrase inside it ("A, while Y said B" / "A, adding that
    B"); a report nested inside another without such a break is speech inside speech and is
    dropped.

    Each report looks only at the cues and reports of its paragraph that lie inside or around it
    (`_ParagraphReports`), in the paragraph's order: comparing every pair of a paragraph's
    reports grew with their square (13 s for one 400 KB paragraph of reported speech)."""
    text = text_of(doc)
    table = cue_table(doc)
    idx, lower = table.words.start, table.words.lower
    kept: list[Found] = []
    by_paragraph: dict[int, list[Found]] = {}
    for f in found:
        by_paragraph.setdefault(f.paragraph, []).append(f)
    paragraphs = {number: _ParagraphReports(idx, items) for number, items in by_paragraph.items()}
    for item in found:
        start, end = item.start, item.end
        nested = False
        reports = paragraphs[item.paragraph]
        # the cues inside the report as it was found; `end` only shrinks, so the check against
        # the current `end` below decides as the paragraph-wide loop did, in the same order
        for other in reports.cues_within(start, end):
            if other is item or other.cue_token is None:
                continue
            cue = other.cue_token
            if not (start <= idx[cue] < end):
                continue
            before = _cue_phrase_start(table, cue) - 1
            if before >= 0 and idx[before] >= start and lower[before] in CLIP_BEFORE:
                cut = idx[before]
                while cut > start and (text[cut - 1].isspace() or text[cut - 1] in ",;"):
                    cut -= 1
                for word in (" and", " but", ","):
                    if text[start:cut].endswith(word):
                        cut -= len(word)
                end = min(end, cut)
        if item.cue_token is not None:
            before = _cue_phrase_start(table, item.cue_token) - 1
            if before < 0 or lower[before] not in CLIP_BEFORE:
                at = idx[item.cue_token]
                nested = any(
                    outer is not item
                    and outer.cue_token is not None
                    and outer.start <= at < outer.end
                    and item.end <= outer.end
                    for outer in reports.around(at)
                )
        if nested or len(text[start:end].split()) < MIN_CLAUSE_TOKENS:
            continue
        item.end = item.close_at = end
        kept.append(item)
    return kept


class _ParagraphReports:
    """One paragraph's reports, looked up by where their cue is and by what they span. Reports
    are found in the paragraph's order and answered in it; spans are read as found (a report's
    end only shrinks when it is clipped, so they cover every report that can still answer)."""

    def __init__(self, idx: Sequence[int], items: list[Found]) -> None:
        cues = sorted(
            (idx[f.cue_token], order, f) for order, f in enumerate(items) if f.cue_token is not None
        )
        self._cue_at = [idx for idx, _, _ in cues]
        self._cues = [(order, f) for _, order, f in cues]
        self._spans = SpanIndex(list(enumerate(items)), _found_span)

    def cues_within(self, start: int, end: int) -> list[Found]:
        """The reports whose cue lies in [start, end), in the paragraph's order."""
        lo, hi = bisect_left(self._cue_at, start), bisect_left(self._cue_at, end)
        return [f for _, f in sorted(self._cues[lo:hi], key=_order)]

    def around(self, at: int) -> list[Found]:
        """The reports whose span as found holds offset `at`, in the paragraph's order."""
        return [f for _, f in sorted(self._spans.overlapping(at, at + 1), key=_order)]


def _found_span(numbered: tuple[int, Found]) -> tuple[int, int]:
    return numbered[1].start, numbered[1].end


def _order(numbered: tuple[int, Found]) -> int:
    return numbered[0]


HEADLINE_CLAIM = re.compile(
    r"(?P<claim>\S.*?\w[\w)’'\"”]?)\s*,\s+(?P<cue>[a-z]+)\s+(?P<who>[^,;:]{2,80}?)[\s.]*$"
)
"""A headline that ends in its attribution: "Port tax will drive ships away, claims Anna Maj"."""
HEADLINE_MAX_SPEAKER_WORDS = 8
HEADLINE_SECTIONS = frozenset({"title", "subtitle"})
MAX_APPOSITION_TOKENS = 8
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _headline_claim(doc: Any, sentence: Sentence, marks: SpanIndex[Found]) -> Found | None:
    """ "<claim>, says|claims|warns <speaker>" in a title: a report with an inverted cue."""
    if sentence.section not in HEADLINE_SECTIONS:
        return None
    text = text_of(doc)[sentence.start : sentence.end]
    match = HEADLINE_CLAIM.match(text)
    if match is None or len(match.group("who").split()) > HEADLINE_MAX_SPEAKER_WORDS:
        return None
    cue_start = sentence.start + match.start("cue")
    cue = doc.char_span(cue_start, sentence.start + match.end("cue"))
    if cue is None or not _report_form(cue.root):
        return None  # headlines invert with "says", "claims", "warns"
    who = doc.char_span(
        sentence.start + match.start("who"), sentence.start + match.end("who"), "expand"
    )
    if who is None or any(t.tag_ in FINITE_TAGS for t in who):
        return None  # "..., says the study will fail": not a name
    lex = lexicon()
    if not any(
        t.pos_ == "PROPN" or t.lower_ in lex.person_titles or t.lemma_.lower() in lex.body_nouns
        for t in who
    ):
        return None  # "..., signals cuts later this year": an object, not a speaker
    start, end = sentence.start + match.start("claim"), sentence.start + match.end("claim")
    if _words_outside(text_of(doc), start, end, marks) < MIN_OUTSIDE_WORDS:
        return None
    found = Found(start, end, "indirect", start, end, sentence.paragraph, None, cue.root.i)
    found.speaker_span = (who.start_char, who.end_char)
    return found


def _report_form(token: Any) -> bool:
    """ "claims", "warns", "says": a report verb's third-person form, however it was tagged."""
    word = token.lower_
    verbs = lexicon().report_verbs
    return word.endswith("s") and (word[:-1] in verbs or word[:-2] in verbs)


def _headline_claims(doc: Any, sentences: list[Sentence], marks: SpanIndex[Found]) -> list[Found]:
    """`detect_indirect` of a Doc without a cue candidate (`may_hold_cues`): only a headline's
    inverted cue ("..., says X") can be found there; a lemma the tagger gave "says" is no verb."""
    words = words_of(doc)
    found = [
        claim
        for sentence in sentences
        if sentence.section in HEADLINE_SECTIONS
        and words.char_span(sentence.start, sentence.end) is not None
        and (claim := _headline_claim(doc, sentence, marks)) is not None
    ]
    return _clip(doc, found) if found else found


def detect_indirect(
    doc: Any,
    sentences: list[Sentence],
    marked: list[Found],
    marks: SpanIndex[Found] | None = None,
) -> list[Found]:
    """Reported clauses, appeals and characterisations in the analysed sentences.

    The document's `CueTable` names the tokens to look at ("according" and the verbs whose
    cue lemma is a cue verb); a Token object is built only for those.
    """
    if not may_hold_cues(doc):
        return _headline_claims(doc, sentences, marks if marks is not None else mark_index(marked))
    lex = lexicon()
    text = text_of(doc)
    words = words_of(doc)
    lower, idx = words.lower, words.start
    table = cue_table(doc)
    parse = _Parse(doc)
    # the only tokens the loop below does anything with: "according" and the cue verbs
    candidates = sorted(set(table.according) | set(table.verb_cues))
    verb_cues = set(table.verb_cues)
    if marks is None:
        marks = mark_index(marked)
    opens = sorted(f.open_at for f in marked)
    found: list[Found] = []
    seen: set[tuple[int, int]] = set()
    for sentence in sentences:
        tokens = table.token_span(sentence.start, sentence.end)
        if tokens is None:
            continue
        headline = (
            _headline_claim(doc, sentence, marks) if sentence.section in HEADLINE_SECTIONS else None
        )
        if headline is not None:
            found.append(headline)
            continue
        here = in_range(candidates, *tokens)
        marked_here = marks.overlapping(sentence.start, sentence.end) if here else []
        for i in here:
            if lower[i] == "according":
                according = _according_to(parse, doc, i, sentence, opens)
                if according is not None:
                    found.append(according)
                    continue
            if i not in verb_cues:
                continue
            lemma = table.lemmas[i]
            if _inside_marks(idx[i], marked_here):
                continue  # a verb inside a quotation is the speaker's, not the reporter's
            children = table.kids[i]
            if _withheld(parse, i, children) or _passive_without_agent(parse, i, children):
                continue
            clauses: list[tuple[int, int]] = []
            if lemma in lex.report_verbs:
                clauses += _reported_clauses(parse, i, tokens, lemma in lex.question_verbs)
                as_told = _as_told(parse, doc, i, sentence)
                if as_told is not None:
                    clauses.append(as_told)
                if not clauses:
                    final = _sentence_final(parse, i, tokens)
                    if final is not None:
                        clauses.append(final)
            if lemma in lex.appeal_verbs:
                clauses += _appeal_clauses(parse, i)
            if lemma in lex.characterise_verbs:
                clauses += _characterisations(parse, i)
            for start, end in clauses:
                start, end = max(start, sentence.start), min(end, sentence.end)
                end = _close_inner_quote(text, start, end, sentence.end)
                if start >= end or (start, end) in seen:
                    continue
                if _words_outside(text, start, end, marks) < MIN_OUTSIDE_WORDS:
                    continue
                seen.add((start, end))
                found.append(Found(start, end, "indirect", start, end, sentence.paragraph, None, i))
    return _clip(doc, found)
