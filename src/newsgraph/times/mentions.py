"""Where else the document tells of the same event: light event coreference for dating.

News states an event once with its date and refers to it again without one: the headline's
"attack" is "The attack was launched on Wednesday" two lines down; the lead's "several towns have
started asking" is followed by "In one case, the council asks ..."; "police" in a lead dated "last
week" are the police who "arrested" the boy in the next sentence. Event dating uses these links to
carry a date to the mention that has none:

- a definite noun re-mention ("the attack", "the arrest", "this visit") of the event's trigger
  near one of its mentions, in a clause the text dates;
- a neighbouring sentence (a few sentences back; for a headline, the story's first sentences)
  that tells of the same event: another event of the same PLOVER type or trigger lemma; or,
  when that sentence is the lead and holds no event, one built on a verb that names one of the
  event's participants.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache

from newsgraph.model import Analysis, Event, Participant, Sentence, TimeExpr, sentence_index
from newsgraph.times.anchors import anchor_noun
from newsgraph.times.tree import Tree, tree_of
from newsgraph.times.vocab import vocab

NEIGHBOUR_WINDOW = 2
"""How many sentences back a neighbouring mention of the same event may stand."""

REMENTION_WINDOW = 3
"""How many sentences before or after a mention a definite re-mention ("the attack") may stand."""

STORY_SECTIONS = frozenset({"body", "subtitle"})
"""Sections that carry the story's sentences (captions and headings stand apart)."""

DEFINITE = frozenset({"the", "this", "that", "these", "those"})

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_GENERIC_WORDS = frozenset({"the", "a", "an", "his", "her", "its", "their", "of", "and", "in"})


def covering_tree(analysis: Analysis) -> Tree | None:
    """The parse of the analysis's Doc when the Doc was made over its text (`doc_covers`), else
    None: character offsets can be looked up in it only then."""
    doc = analysis.doc
    if doc is None:
        return None
    tree = tree_of(doc)
    if len(tree) == 0:
        return tree if analysis.text == "" else None
    return tree if tree.end[-1] + tree.trailing[-1] == len(analysis.text) else None


def trigger_lemmas(analysis: Analysis, tree: Tree | None, event: Event) -> set[str]:
    """The lemmas an event's triggers go by, with the event nouns of the same verb ("attack",
    "attacked" -> attack; "visited" -> visit; "meeting" -> meet, meeting, summit, talks ...).
    `tree` is `covering_tree(analysis)`, read once by the caller."""
    nouns = vocab().event_nouns
    found: set[str] = set()
    for evidence in event.evidence:
        word = analysis.text[evidence.trigger.start : evidence.trigger.end].lower().split()
        token = (
            tree.root_at(evidence.trigger.start, evidence.trigger.end) if tree is not None else None
        )
        lemma = (
            tree.lemma_lower(token)
            if tree is not None and token is not None
            else (word[0] if word else "")
        )
        if not lemma:
            continue
        found.add(lemma)
        if lemma in nouns:
            found.add(nouns[lemma])
    nouns_of = _nouns_of_verb()
    for verb in list(found):
        found.update(nouns_of.get(verb, ()))
    return found


@lru_cache(maxsize=1)
def _nouns_of_verb() -> dict[str, tuple[str, ...]]:
    """The event nouns of each verb ("meet" -> meeting, summit, talks ...)."""
    nouns: dict[str, list[str]] = {}
    for noun, verb in vocab().event_nouns.items():
        nouns.setdefault(verb, []).append(noun)
    return {verb: tuple(found) for verb, found in nouns.items()}


class DocIndex:
    """Sorted lookups over one analysis (sentences, times, events by sentence), so that dating
    a long document stays linear rather than scanning every list for every event."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.tree = covering_tree(analysis)
        self._lemmas: dict[int, set[str]] = {}
        self._definite: dict[int, list[int]] = {}
        self._plain: dict[int, list[TimeExpr]] = {}
        self.sentences = analysis.sentences
        self._sentence_starts = [s.start for s in self.sentences]
        self.times = sorted(analysis.times, key=lambda t: t.start)
        self._time_starts = [t.start for t in self.times]
        self._events: dict[int, list[Event]] | None = None
        self.lead = next((s for s in self.sentences if s.section in STORY_SECTIONS), None)
        """The story's first sentence: the one that sums up its news."""
        self.lead_paragraphs = frozenset(
            s.paragraph
            for s in self.sentences[: self._first_body() + 1]
            if s.section in STORY_SECTIONS
        )
        """The lead: the first body paragraph, with a standfirst (subtitle) before it."""

    def _first_body(self) -> int:
        """The index of the first body sentence (-1 when there is none)."""
        return next((i for i, s in enumerate(self.sentences) if s.section == "body"), -1)

    def lemmas(self, event: Event) -> set[str]:
        """`trigger_lemmas` of an event of this analysis, read once per event (read-only)."""
        found = self._lemmas.get(id(event))
        if found is None:
            found = self._lemmas[id(event)] = trigger_lemmas(self.analysis, self.tree, event)
        return found

    def definite_nouns(self, index: int) -> list[int]:
        """`_definite_nouns` of sentence `index` (none without a parse or tokens), read once
        per sentence: re-mentions of every event near it are looked for among them."""
        found = self._definite.get(index)
        if found is None:
            found = []
            if self.tree is not None:
                sentence = self.sentences[index]
                span = self.tree.span(sentence.start, sentence.end)
                if span is not None:
                    found = _definite_nouns(self.tree, range(*span))
            self._definite[index] = found
        return found

    def plain_datable(self, index: int, datable: Callable[[TimeExpr], bool]) -> list[TimeExpr]:
        """The expressions of sentence `index` that are not anchored and pass `datable`, read
        once per sentence: every event near it asks again. `datable` must be the same test on
        every call (the one dater of this analysis); it reads fields dating never changes on an
        expression that is not anchored."""
        found = self._plain.get(index)
        if found is None:
            sentence = self.sentences[index]
            found = self._plain[index] = [
                t
                for t in self.times_in(sentence.start, sentence.end)
                if not t.anchor_text and datable(t)
            ]
        return found

    def sentence_index(self, offset: int) -> int | None:
        return sentence_index(self.sentences, self._sentence_starts, offset)

    def times_in(self, start: int, end: int) -> list[TimeExpr]:
        """The expressions that lie within [start, end), in text order."""
        found: list[TimeExpr] = []
        index = bisect_left(self._time_starts, start)
        while index < len(self.times) and self.times[index].start < end:
            if self.times[index].end <= end:
                found.append(self.times[index])
            index += 1
        return found

    def events_in(self, index: int) -> list[Event]:
        """The events with a mention in sentence `index`."""
        if self._events is None:
            self._events = {}
            for event in self.analysis.events:
                for at in {self.sentence_index(e.start) for e in event.evidence}:
                    if at is not None:
                        self._events.setdefault(at, []).append(event)
        return self._events.get(index, [])

    def story_before(self, index: int, count: int) -> list[Sentence]:
        """Up to `count` story sentences before sentence `index`, nearest first."""
        found: list[Sentence] = []
        for other in range(index - 1, -1, -1):
            if len(found) == count:
                break
            if self.sentences[other].section in STORY_SECTIONS:
                found.append(self.sentences[other])
        return found

    def story_after(self, index: int, count: int) -> list[Sentence]:
        """Up to `count` story sentences after sentence `index`, nearest first."""
        found: list[Sentence] = []
        for other in range(index + 1, len(self.sentences)):
            if len(found) == count:
                break
            if self.sentences[other].section in STORY_SECTIONS:
                found.append(self.sentences[other])
        return found


def _participant_words(analysis: Analysis, participant: Participant) -> set[str]:
    words = {w.lower() for w in _WORD.findall(analysis.text[participant.start : participant.end])}
    return words - _GENERIC_WORDS


def names_participant(analysis: Analysis, event: Event, sentence: Sentence) -> bool:
    """The sentence mentions one of the event's participants: a mention of its entity, or (for
    a participant no entity stands for, "police") its last word."""
    words = {w.lower() for w in _WORD.findall(analysis.text[sentence.start : sentence.end])}
    for participant in event.actors + event.recipients:
        entity = analysis.entity(participant.entity) if participant.entity else None
        if entity is not None:
            if any(sentence.start <= m.start < sentence.end for m in entity.mentions):
                return True
            continue
        own = _participant_words(analysis, participant)
        last = analysis.text[participant.start : participant.end].split()
        if own and last and last[-1].lower() in own and last[-1].lower() in words:
            return True
    return False


def same_event(ix: DocIndex, event: Event, other: Event) -> bool:
    """Two events of neighbouring sentences tell of the same happening: the same PLOVER type or
    a trigger lemma in common. Sharing a participant is not enough ("He was released on
    Thursday. He was charged with theft." are two acts of one story)."""
    return other.event_type == event.event_type or bool(ix.lemmas(event) & ix.lemmas(other))


def tells(tree: Tree | None, sentence: Sentence) -> bool:
    """The sentence is built on a verb: it tells something, unlike a caption's "The minister in
    Geneva in May 2024, after the talks." (with no parse, assume it does). `tree` is
    `covering_tree` of the analysis."""
    if tree is None:
        return True
    root = tree.root_at(sentence.start, sentence.end)
    return root is None or tree.pos[root] in {"VERB", "AUX"}


def _definite_nouns(tree: Tree, tokens: range) -> list[int]:
    """The nouns among `tokens` with a possessive or definite dependant ("the attack", "his
    visit"), in order."""
    return [
        token
        for token in tokens
        if tree.pos[token] == "NOUN"
        and any(tree.dep[c] == "poss" or tree.lower[c] in DEFINITE for c in tree.children[token])
    ]


def _dates_noun(tree: Tree, expr: TimeExpr, noun: int) -> bool:
    """The expression dates the clause the noun is an argument of ("The attack was launched on
    Wednesday"), or hangs from the noun itself ("the attack on Wednesday")."""
    root = tree.root_at(expr.start, expr.end)
    if root is None:
        return False
    current = root
    for _ in range(4):
        # (a Token-based `current.head is current` test stood here; it never held, spaCy
        # building a new Token per access: at the root the climb stays on the root)
        current = tree.head[current]
        if current == noun:
            return True
        if tree.pos[current] in {"VERB", "AUX"}:
            return tree.head[noun] == current
        if tree.pos[current] != "ADP":
            return False  # "the ruling of the court on July 8": the date is the ruling's
    return False


def remention_times(
    ix: DocIndex, event: Event, datable: Callable[[TimeExpr], bool]
) -> list[TimeExpr]:
    """Time expressions that date a definite noun re-mention of the event near its mentions,
    nearest sentence first."""
    tree = ix.tree
    if tree is None:
        return []
    lemmas = ix.lemmas(event)
    own = {i for e in event.evidence if (i := ix.sentence_index(e.start)) is not None}
    candidates: dict[int, int] = {}
    for index in own:
        low, high = max(0, index - REMENTION_WINDOW), index + REMENTION_WINDOW
        for other in range(low, min(high + 1, len(ix.sentences))):
            if other in own or ix.sentences[other].section not in STORY_SECTIONS:
                continue
            distance = abs(other - index)
            candidates[other] = min(candidates.get(other, distance), distance)
    found: list[TimeExpr] = []
    for other in sorted(candidates, key=lambda i: (candidates[i], i)):
        exprs = ix.plain_datable(other, datable)
        if not exprs:
            continue  # nothing here could date a re-mention: its tokens need not be read
        for noun in ix.definite_nouns(other):
            if tree.lemma_lower(noun) not in lemmas and tree.lower[noun] not in lemmas:
                continue
            found += [t for t in exprs if _dates_noun(tree, t, noun) and t not in found]
    return found


HAPPENING_WINDOW = 10
"""How many sentences back an anchor's happening ("the vote") is looked for."""


def happening_times(
    ix: DocIndex, expr: TimeExpr, datable: Callable[[TimeExpr], bool]
) -> list[TimeExpr]:
    """Time expressions dating an earlier mention of the happening an anchored expression names
    when no event stands for it: "Malawians voted on Tuesday" for "a day after the vote",
    "held a general election on Oct. 29" for "two days after the election". Nearest first; the
    anchored expression's own sentence counts, before it."""
    if not expr.anchor_text:
        return []
    tree = ix.tree
    if tree is None:
        return []
    found_noun = anchor_noun(expr.anchor_text)
    if found_noun is None:
        return []
    noun, verb = found_noun
    lemmas = {noun, verb} | {n for n, v in vocab().event_nouns.items() if v == verb}
    index = ix.sentence_index(expr.start)
    if index is None:
        return []
    found: list[TimeExpr] = []
    for other in range(index, max(-1, index - HAPPENING_WINDOW - 1), -1):
        sentence = ix.sentences[other]
        end = min(sentence.end, expr.start)
        exprs = [t for t in ix.times_in(sentence.start, end) if not t.anchor_text and datable(t)]
        if not exprs:
            continue
        span = tree.span(sentence.start, end)
        if span is None:
            continue
        for token in range(*span):
            if tree.lemma_lower(token) not in lemmas and tree.lower[token] not in lemmas:
                continue
            if tree.pos[token] == "VERB":
                found += [t for t in exprs if _dates_verb(tree, t, token) and t not in found]
            elif tree.pos[token] == "NOUN":
                found += [t for t in exprs if _dates_noun(tree, t, token) and t not in found]
    return found


def _dates_verb(tree: Tree, expr: TimeExpr, verb: int) -> bool:
    """The expression hangs from the verb, through prepositions only ("voted on Tuesday")."""
    current = tree.root_at(expr.start, expr.end)
    if current is None:
        return False
    for _ in range(4):
        current = tree.head[current]  # (the root's head is the root: see `_dates_noun`)
        if current == verb:
            return True
        if tree.pos[current] != "ADP":
            return False
    return False
