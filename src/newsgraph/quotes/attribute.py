"""Attribute a quote: find its cue word, the speaker phrase the cue governs, and any relay.

The cue is searched in the sentence around the quote, outside every quotation: after the closing
mark ("…,” he said) when it follows at once, else the nearest before the opening mark
("Modi hailed the accord as a “milestone”"). The speaker is the subject of the cue verb
(climbing through "saying", conjoined and relative clauses), or the object of "according to".
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from newsgraph.model import Entity, Sentence, sentence_index
from newsgraph.quotes.cues import lexicon, phrasal_cue_lemma
from newsgraph.quotes.detect import Found, inside_quote
from newsgraph.quotes.doctext import text_of
from newsgraph.quotes.mentions import Mentions
from newsgraph.quotes.relay import find_via
from newsgraph.quotes.table import PHRASE_CUES, CueTable, cue_table, in_range
from newsgraph.spans import SpanIndex

NEAR_CUE_TOKENS = 4
"""A cue at most this many tokens after the closing mark belongs to the quote (”, he said)."""
SHORT_TAIL_TOKENS = 10
"""A following sentence this short is read as the tail of the attribution ("Said Ruto.")."""
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp"})
"""A cue inside the complement of another cue reports that other speaker's words."""
RELATIVE_TAGS = frozenset({"WP", "WDT"})
CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "acl", "pcomp", "prep"})
"""A cue verb without its own subject borrows the subject of the verb it hangs from (also
through a preposition: "defended the record whilst promising ...")."""
SUBJECTS = frozenset({"nsubj", "csubj"})
DROP_FROM_PHRASE = frozenset({"relcl", "appos", "advcl", "acl:relcl"})
"""Children left out of a speaker phrase ("Ruto, who spoke in Nairobi, ...")."""
NESTED_CLAUSES = frozenset({"relcl", "acl:relcl"})
"""Clauses left out wherever they hang in a speaker phrase ("Farmers and a police officer who
spoke on condition of anonymity said", "the lawyer Anna Berger, who chairs the inquiry, said")."""
PARTICIPLE_TAGS = frozenset({"VBN", "VBG"})
NAMING_PARTICIPLES = frozenset({"know", "call", "name", "dub", "style"})
"""A participle clause set off by a comma after a speaker noun is left out ("The accord, signed
in Doha by both governments, calls for ..." gives "The accord") unless it names it ("the group,
known as M23"); one without a comma says which ("a declaration adopted at the summit") and stays."""
EDGE_JUNK = frozenset({"punct", "cc", "case"})
NAME_DEPS = frozenset({"appos", "nmod"})
"""A common-noun speaker with a name attached this way is named by it ("X, editor at Y, said")."""
NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "PUNCT"})
"""Parts of a headline speaker before a colon ("Kenyan President William Ruto:")."""
HYPHENS = frozenset({"-", "‐", "‑"})
MAX_NAME_TOKENS = 5
"""Longest name read from the surface when the parse lost it."""
MAX_NAME_GAP = 6
"""Most tokens (commas, a title such as "SC" or "QC") between a name and its cue verb."""


class Attribution(NamedTuple):
    """What `attribute` found for one quote (a tuple: one is made per quote)."""

    cue: str | None
    cue_token: int | None
    speaker: tuple[int, int, int] | None
    """(start, end, head token index) of the speaker phrase, or None."""
    via: str | None


WORD_CHARACTER = re.compile(r"\w")
COLON_GAP = re.compile(r"\s*[:,]\s*")


def sentence_starts(sentences: list[Sentence]) -> list[int]:
    """The start offset of each sentence (what `attribute` searches), made once per document."""
    return [s.start for s in sentences]


def _followed_by(token: Any, word: str) -> bool:
    return bool(token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == word)


Window = tuple[tuple[int, int], tuple[int, int]]
"""Character ranges searched for a cue before the opening mark and after the closing mark."""


def _stripped_end(text: str, end: int) -> int:
    """Where `text[:end]` ends without its trailing whitespace."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _window(text: str, sentences: list[Sentence], starts: list[int], quote: Found) -> Window:
    """Character ranges searched before the opening mark and after the closing mark."""
    first = sentence_index(sentences, starts, quote.open_at)
    pre_start = sentences[first].start if first is not None else quote.open_at
    before = _stripped_end(text, pre_start)  # len(text[:pre_start].rstrip()), without a copy
    if not text[pre_start : quote.open_at].strip() and text[before - 1 : before] in (":", ","):
        # "He said:" or "She commented," on its own (sentence or line) introduces the quote.
        previous = sentence_index(sentences, starts, before - 1)
        if previous is not None:
            pre_start = sentences[previous].start
    last = sentence_index(sentences, starts, max(quote.close_at - 1, quote.open_at))
    post_end = sentences[last].end if last is not None else quote.close_at
    post_end = max(post_end, quote.close_at)
    if last is not None and not WORD_CHARACTER.search(text, quote.close_at, post_end):
        following = last + 1
        if (
            following < len(sentences)
            and sentences[following].paragraph == sentences[last].paragraph
        ):
            tail = sentences[following]
            words = text[tail.start : tail.end].split()
            if tail.start < len(text) and (
                text[tail.start].islower() or len(words) <= SHORT_TAIL_TOKENS
            ):
                post_end = tail.end
    return (pre_start, quote.open_at), (quote.close_at, post_end)


def _cues_in(table: CueTable, lo: int, hi: int, marks: SpanIndex[Found]) -> list[int]:
    """The cue tokens in [lo, hi) outside quotation marks (the document's `CueTable`)."""
    words = table.words
    span = words.char_span_contract(lo, hi) if hi > lo else None
    if span is None:
        return []
    cues = table.cues_between(*span)
    if not cues:
        return []
    near = marks.overlapping(lo, hi)
    idx = words.start
    return [i for i in cues if not inside_quote(idx[i], near)]


def choose_cue(
    table: CueTable, quote: Found, marks: SpanIndex[Found], window: Window
) -> int | None:
    """The token number of the cue of a marked quote, or None (`marks`: the marked quotes,
    `mark_index`; `window`: the quote's `_window`)."""
    (pre_lo, pre_hi), (post_lo, post_hi) = window
    before = _cues_in(table, pre_lo, pre_hi, marks)
    after = _cues_in(table, post_lo, post_hi, marks)
    words, text = table.words, table.text
    if after:
        between = words.char_span_contract(post_lo, words.start[after[0]])
        punct = table.syntax.punct
        gap = sum(1 for t in range(*between) if not punct[t]) if between is not None else 0
        ends_open = text[quote.start : quote.close_at - 1].rstrip()[-1:] in (",", "?", "!")
        if gap <= NEAR_CUE_TOKENS and (quote.kind == "direct" or ends_open):
            return after[0]
    if before:
        last = before[-1]
        if COLON_GAP.fullmatch(text[words.end[last] : quote.open_at]):
            return last  # "with Boswell stating: “...”": the cue right before the quote
        governing = _outermost_governing(table, quote, before)
        return governing if governing is not None else before[-1]
    return after[0] if after else None


def _outermost_governing(table: CueTable, quote: Found, cues: list[int]) -> int | None:
    """The nearest cue that dominates the quote, raised to any cue whose complement it is:
    "X told Reuters Canada would respond “forcefully”" is X's word, not Canada's; a conjoined
    cue ("pleaded ..., but he replied “...”") is a speech act of its own and is kept."""
    inside = table.words.char_span(quote.start, quote.end)
    if inside is None:
        return None
    syntax = table.syntax
    head, dep = syntax.head, syntax.dep
    root = syntax.root(*inside)
    ancestors = {root}
    token, steps = root, 0
    while head[token] != token and steps < len(head):  # `Token.ancestors`
        token = head[token]
        ancestors.add(token)
        steps += 1
    governing = [c for c in cues if c in ancestors]
    if not governing:
        return None
    best = token = governing[-1]
    indices = set(governing)
    # (the Token rule also asked `token.head is not token`, which a new Token always is)
    while dep[token] in COMPLEMENT_DEPS:
        token = head[token]
        if token in indices:
            best = token
    return best


def _name_after(token: Any) -> Any:
    """The last word of a capitalised name right after `token` ("according to Okafor the
    ..."), for parses that lose the object."""
    doc = token.doc
    last = None
    for word in doc[token.i + 1 : token.i + 1 + MAX_NAME_TOKENS]:
        if not word.text[:1].isupper() or word.is_punct:
            break
        last = word
    return last


def _name_before(cue: Any, mentions: Mentions) -> Any:
    """The name just before a cue whose parse lost its subject ("Speaking for the defence, Tom
    Molomby, SC, said ..."): the nearest name mention ending before the cue with only
    appositive words (no verb) between."""
    doc = cue.doc
    sentence_start = cue_table(doc).sentence(cue.i)[0]
    # only a name from the token before the sentence to the cue can lie between them
    lo = doc[sentence_start - 1].idx if sentence_start > 0 else 0
    spans = mentions.names_within(lo, cue.idx)
    best: tuple[tuple[bool, int], Any] | None = None
    for start, end in spans:
        name = doc.char_span(start, end, alignment_mode="expand")
        if name is None or name.start < sentence_start or name.end > cue.i:
            continue
        between = doc[name.end : cue.i]
        if any(t.pos_ in ("VERB", "AUX") for t in between) or len(between) > MAX_NAME_GAP:
            continue
        rank = (name.root.ent_type_ == "PERSON", name.end)
        if best is None or rank > best[0]:
            best = (rank, name)
    return best[1].root if best is not None else None


def _phrase_cue_object(table: CueTable, doc: Any, i: int) -> int | None:
    """The object of "according to" (cue `i`), or the name right after it."""
    kids, dep, lower = table.kids, table.syntax.dep, table.words.lower
    if i + 1 >= len(lower):
        return None
    objects = [c for c in kids[i + 1] if dep[c] == "pobj"]
    if objects:
        return objects[0]
    name = _name_after(doc[i + 1])
    return int(name.i) if name is not None else None


def _continued_cue_subject(table: CueTable, i: int) -> int | None:
    """ "said A, adding that B": the subject of the cue a subjectless participle continues, not
    of the reported clause it happens to hang from (None when `i` is no such participle)."""
    kids, syntax = table.kids, table.syntax
    dep, head, lemma, tag, pos = syntax.dep, syntax.head, syntax.lemma, syntax.tag, syntax.pos
    if tag[i] != "VBG" or any(dep[c] in SUBJECTS for c in kids[i]):
        return None
    verbs, ancestor = lexicon().verbs, i
    for _ in range(4):
        if head[ancestor] == ancestor:
            break
        ancestor = head[ancestor]
        if lemma[ancestor].lower() in verbs and pos[ancestor] == "VERB":
            own = [c for c in kids[ancestor] if dep[c] in SUBJECTS]
            if own:
                return own[0]
    return None


def _subject(table: CueTable, doc: Any, i: int) -> int | None:
    """The token number of the head of the speaker of cue `i`, or None (read from the Doc's
    arrays)."""
    kids, syntax, lower = table.kids, table.syntax, table.words.lower
    dep, head, lemma, tag = syntax.dep, syntax.head, syntax.lemma, syntax.tag
    if lower[i] in PHRASE_CUES:
        return _phrase_cue_object(table, doc, i)
    relay = lexicon().relay_verbs
    continued = _continued_cue_subject(table, i)
    if continued is not None:
        return continued
    token = i
    for _ in range(4):
        subjects = [
            c
            for c in kids[token]
            if dep[c] in ("nsubj", "csubj") or (dep[c] == "nsubjpass" and lemma[token] in relay)
        ]
        if subjects:
            subject = (
                subjects[0] if len(subjects) == 1 else min(subjects, key=lambda c: abs(c - token))
            )
            if tag[subject] in RELATIVE_TAGS and dep[token] == "relcl":
                return head[token]  # "Milei, who had called Lula a “communist”"
            if token != i and _reporter_speaks(table, doc, i, token, subject):
                token = head[token]
                continue
            if lemma[subject].lower() in TIME_NOUNS:
                return _after_time(table, subject)
            return subject
        hidden = _subject_under_time(table, token)
        if hidden is not None:
            return hidden
        if dep[token] == "relcl":
            return head[token]
        if dep[token] not in CLIMB_DEPS:
            return None
        token = head[token]
    return None


TIME_NOUNS = frozenset(
    {"hour", "day", "week", "month", "year", "decade", "minute", "moment", "night", "weekend"}
)
"""A time is never a speaker: "..., hours before a delegation of envoys arrived to warn that
..." parsed with "hours" as the subject is the delegation's warning."""
TIME_LINKS = frozenset({"before", "after", "since", "until"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _after_time(table: CueTable, subject: int) -> int | None:
    """The object of "before"/"after" on a time-noun subject ("hours before a delegation"), or
    None: the time itself does not speak."""
    dep, lower, kids = table.syntax.dep, table.words.lower, table.kids
    for link in kids[subject]:
        if dep[link] == "prep" and lower[link] in TIME_LINKS:
            objects = [c for c in kids[link] if dep[c] == "pobj"]
            if objects:
                return objects[0]
    return None


def _subject_under_time(table: CueTable, verb: int) -> int | None:
    """The subject of a finite adverbial clause's verb without one that the parser hung from the
    time phrase before it ("..., hours before a delegation of envoys arrived to warn ..."), or
    None."""
    dep, lemma, lower, kids = table.syntax.dep, table.syntax.lemma, table.words.lower, table.kids
    if table.syntax.tag[verb] not in FINITE_TAGS or dep[verb] != "advcl":
        return None
    for child in kids[verb]:
        hidden = None
        if dep[child] in ("mark", "prep") and lower[child] in TIME_LINKS:
            objects = [c for c in kids[child] if dep[c] == "pobj"]
            hidden = objects[0] if objects else None
        elif dep[child] == "npadvmod" and lemma[child].lower() in TIME_NOUNS:
            hidden = _after_time(table, child)
        if hidden is not None and max(table.subtree(hidden)) == verb - 1:
            return hidden  # the phrase right before the verb, as a subject stands
    return None


NOT_AGENT_LABELS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})
"""Entity kinds that, as the subject of a reported clause, do not speak its conjoined cue."""
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
THING_PRONOUNS = frozenset({"it", "this", "that"})


def _reporter_speaks(table: CueTable, doc: Any, cue: int, verb: int, subject: int) -> bool:
    """Whether cue `cue`, conjoined to `verb` (the reported clause of another speech verb),
    is that outer speaker's act: "She said Serbia was ready and urged Kosovo to ...", "X said
    rising prices hurt and urged the bank to ...". Only when both cues have the same verb form
    ("said ... and urged"), and the reported clause's subject is a place (not sharing its "had":
    "said Bolivia had closed ... and warned"), a time or a thing; a person or a body ("the
    ministry had reviewed ... and warned") may speak themselves."""
    syntax = table.syntax
    dep, head, tag, pos, lemma = syntax.dep, syntax.head, syntax.tag, syntax.pos, syntax.lemma
    if dep[cue] != "conj" or head[cue] != verb or dep[verb] != "ccomp":
        return False
    outer = head[verb]
    if outer == verb or pos[outer] != "VERB" or tag[outer] != tag[cue]:
        return False
    if lemma[outer].lower() not in lexicon().verbs:
        return False
    label = doc[subject].ent_type_
    if label in PLACE_LABELS:
        # "Bolivia had closed the crossing and warned ...": the cue shares the clause's "had",
        # and a country may speak (a metonym); only a cue in a form of its own is the reporter's.
        return not (tag[verb] == "VBN" and any(dep[c] == "aux" for c in table.kids[verb]))
    if label:
        return label in NOT_AGENT_LABELS
    if table.words.lower[subject] in THING_PRONOUNS:
        return True
    if pos[subject] != "NOUN":
        return False
    lex = lexicon()
    words = [subject] + [c for c in table.kids[subject] if dep[c] in ("compound", "amod")]
    return not any(
        lemma[w].lower() in lex.body_nouns or table.words.lower[w].rstrip(".") in lex.person_titles
        for w in words
    )


def _in_brackets(token: Any) -> bool:
    doc = token.doc
    before = text_of(doc)[max(0, token.idx - 40) : token.idx]
    return bool(before.rfind("(") > before.rfind(")"))


def phrase_bounds(head: Any) -> tuple[int, int, int]:
    """(start, end, head index) of the noun phrase a speaker token heads, without clauses."""
    return phrase_bounds_at(cue_table(head.doc), head.doc, head.i)


def phrase_bounds_at(table: CueTable, doc: Any, h: int) -> tuple[int, int, int]:
    """`phrase_bounds` of token number `h` (a Token is built only for an apposition)."""
    syntax = table.syntax
    dep, pos = syntax.dep, syntax.pos
    appositions = [c for c in table.kids[h] if dep[c] in NAME_DEPS and pos[c] == "PROPN"]
    role = pos[h] == "NOUN" or table.words.lower[h] in lexicon().person_titles
    if role and appositions:
        # "Nigeria's information minister, Mohammed Idris, said"; "The secretary general of
        # the farmers' union (NFU), Maria Keller, said": the person, not the body (also when
        # the role word is capitalised and tagged a proper noun: "The State Commissioner").
        names = [doc[a] for a in appositions]
        people = [a for a in names if a.ent_type_ == "PERSON"]
        unbracketed = [a for a in names if not _in_brackets(a)]
        name = (people or unbracketed or names)[-1]
        if name.i == h + 1 or (name.i > h and not _punct_between(doc[h], name)):
            # "the science magazine Nauka": the whole phrase, named by its name.
            lo, hi, _ = _phrase(table, h, keep=name.i)
            return lo, hi, name.i
        h = name.i
    lo, hi, _ = _phrase(table, h)
    return lo, hi, h


def _punct_between(head: Any, name: Any) -> bool:
    return any(t.is_punct for t in head.doc[head.i + 1 : name.i])


def _phrase(table: CueTable, h: int, keep: int | None = None) -> tuple[int, int, int]:
    """(start, end, head index) of the subtree of token `h` without clauses and edge words,
    read from the Doc's arrays (`CueTable.subtree`, `words_of`, `syntax_of`)."""
    words, syntax = table.words, table.syntax
    dep, lower = syntax.dep, words.lower
    dropped: set[int] = set()
    for child in table.kids[h]:
        if keep is not None and child == keep:
            continue
        if dep[child] in DROP_FROM_PHRASE or (dep[child] == "acl" and child < h):
            dropped |= table.subtree(child)  # "Writing in a blog post, X said"
    whole = table.subtree(h)
    tag, lemma, texts = syntax.tag, syntax.lemma, words.texts
    for t in sorted(whole - dropped):
        if t == h or t in dropped:
            continue
        if dep[t] in NESTED_CLAUSES:
            dropped |= table.subtree(t)  # a clause is no part of who spoke
        elif dep[t] == "acl" and t > h and tag[t] in PARTICIPLE_TAGS:
            clause = table.subtree(t)
            if lemma[t].lower() not in NAMING_PARTICIPLES and texts[min(clause) - 1] == ",":
                dropped |= clause  # set off by a comma; "a declaration adopted at ..." stays
    kept = whole - dropped
    lo = hi = h
    while lo - 1 in kept:
        lo -= 1
    while hi + 1 in kept:
        hi += 1
    space = words.space
    while lo < h and (dep[lo] in EDGE_JUNK or space[lo]):
        lo += 1
    role = lower[lo] in lexicon().person_titles
    if lo < h - 1 and role and lower[lo + 1] == "the":
        lo += 1  # "Organiser the Workers' Front said": the role word is not the speaker
    while hi > h and (dep[hi] in EDGE_JUNK or space[hi]):
        hi -= 1
    trailing, alpha, texts = words.trailing, syntax.alpha, words.texts
    while lo > 0 and not trailing[lo - 1] and (alpha[lo - 1] or texts[lo - 1] in HYPHENS):
        lo -= 1  # hyphenated names the tokenizer split ("al-Maliki", "Abu-Bakar")
    return words.start[lo], words.end[hi], h


DASH_CREDIT = re.compile(
    r"[ \t]*[-–—][ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4})[ \t]*(?:\n|$)"
)
"""A pull-quote credited with a dash at the end of its line ("“...” – Jane Doe")."""


def _dash_credit(doc: Any, quote: Found) -> Attribution | None:
    match = DASH_CREDIT.match(text_of(doc), quote.close_at)
    if match is None:
        return None
    name = doc.char_span(match.start(1), match.end(1), alignment_mode="contract")
    if name is None:
        return None
    return Attribution(None, None, (name.start_char, name.end_char, name.root.i), None)


def _headline_speaker(doc: Any, quote: Found) -> Attribution | None:
    """A name alone before a colon at the start of a line ("Zelensky: ‘We will not give up’")."""
    text = text_of(doc)
    before = _stripped_end(text, quote.open_at)
    colon = doc.char_span(before - 1, before) if text[before - 1 : before] == ":" else None
    if colon is None or colon.start == 0:
        return None
    last = doc[colon.start - 1]
    first = last
    while first.i > 0 and doc[first.i - 1].pos_ in NAME_POS:
        first = doc[first.i - 1]
    line_start = text.rfind("\n", 0, first.idx) + 1
    named = last.pos_ == "PROPN" or last.lower_ in lexicon().person_titles
    if not named or text[line_start : first.idx].strip():
        return None
    return Attribution(None, None, (first.idx, last.idx + len(last.text), last.i), None)


def _according_relay(table: CueTable, doc: Any, cue: int) -> str | None:
    """ "According to the Tagesspiegel, the mayor said ...": whoever "according to" names
    relays the words of the cue's speaker."""
    according = table.according
    if not according:
        return None
    lower = table.words.lower
    for i in in_range(according, *table.sentence(cue)):
        if i + 1 < len(lower) and lower[i + 1] == "to":
            head = _subject(table, doc, i)
            if head is not None:
                lo, hi, _ = phrase_bounds_at(table, doc, head)
                return table.text[lo:hi]
    return None


RELAYING_PARTICIPLES = frozenset({"quote", "cite"})
"""Participles whose object is the original speaker of what the subject reports ("Al Arabiya,
quoting the agency Petra, said ...", "the paper reported, citing officials, that ...")."""


def _relayed_source(table: CueTable, cue: int, head: int | None) -> int | None:
    """The object of a "quoting"/"citing" participle on the cue or its subject, or None."""
    kids, syntax = table.kids, table.syntax
    dep, lemma, tag = syntax.dep, syntax.lemma, syntax.tag
    owners = [cue] + ([head] if head is not None else [])
    for owner in owners:
        for child in kids[owner]:
            if lemma[child].lower() in RELAYING_PARTICIPLES and tag[child] == "VBG":
                objects = [c for c in kids[child] if dep[c] in ("dobj", "pobj", "obj")]
                if objects:
                    return objects[0]
    return None


def attribute(
    doc: Any,
    sentences: list[Sentence],
    quote: Found,
    marks: SpanIndex[Found],
    entities: list[Entity],
    mentions: Mentions | None = None,
    starts: list[int] | None = None,
    table: CueTable | None = None,
) -> Attribution | None:
    """Cue, speaker phrase and relay of one quote; None when no cue governs it (`marks`: the
    document's marked quotes, `mark_index`; `starts`: `sentence_starts(sentences)`, kept by a
    caller that attributes many quotes; `table`: the Doc's `cue_table`)."""
    if table is None:
        table = cue_table(doc)
    text, words = table.text, table.words
    if starts is None:
        starts = sentence_starts(sentences)
    window = _window(text, sentences, starts, quote)
    if quote.cue_token is not None:
        cue: int | None = quote.cue_token
    else:
        cue = choose_cue(table, quote, marks, window)
    if cue is None:
        return _headline_speaker(doc, quote) or _dash_credit(doc, quote)
    lower, texts, idx = words.lower, words.texts, words.start
    word = lower[cue]
    cue_text = f"{texts[cue]} {PHRASE_CUES[word]}" if word in PHRASE_CUES else texts[cue]
    if " " in phrasal_cue_lemma(table.syntax, table.words.lower, cue) and cue + 1 < len(texts):
        cue_text = f"{texts[cue]} {texts[cue + 1]}"  # "pointed out", "made clear"
    if quote.speaker_span is not None:  # found with the quote (a headline's "..., claims X")
        lo, hi = quote.speaker_span
        name = doc.char_span(lo, hi, alignment_mode="expand")
        head_index = name.root.i if name is not None else cue
        return Attribution(cue_text, cue, (lo, hi, head_index), None)
    head = _subject(table, doc, cue)
    if head is None and word not in PHRASE_CUES:
        if mentions is None or mentions.entities is not entities:
            mentions = Mentions(doc, entities)
        name_token = _name_before(doc[cue], mentions)
        head = int(name_token.i) if name_token is not None else None
    speaker = phrase_bounds_at(table, doc, head) if head is not None else None
    relayed = _relayed_source(table, cue, head)
    (lo, _), (_, hi) = window
    if relayed is not None and speaker is not None:
        # "Al Arabiya, quoting the agency Petra, said ...": Petra spoke, Al Arabiya relays.
        participle = idx[table.edges(table.head[relayed])[0]]
        relay_end = min(speaker[1], participle) if participle > speaker[0] else speaker[1]
        relay_text = text[speaker[0] : relay_end].rstrip(" ,")
        return Attribution(cue_text, cue, phrase_bounds_at(table, doc, relayed), relay_text)
    via = find_via(table, min(lo, idx[cue]), max(hi, idx[cue] + 1), cue, marks, entities)
    if via is None and word not in PHRASE_CUES:
        via = _according_relay(table, doc, cue)
    if via is not None and speaker is not None and text[speaker[0] : speaker[1]] == via:
        via = None  # the outlet is the speaker itself ("Reuters reported ...")
    return Attribution(cue_text, cue, speaker, via)
