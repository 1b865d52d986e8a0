"""Event mentions in one sentence: triggers, their complements, arguments and modality.

Tokens are visited from the root down so that a framing verb ("urged", "refused", "threatened",
"invited") claims its complement before the complement could become an event of its own. A
purpose clause ("led a delegation to discuss") belongs to the event it serves. Future and
intended cooperation becomes AGREE and a future retreat CONCEDE, as the PLOVER manual codes them.
The parse questions are `predicates`, the word lists `word_classes.txt`; a mention's coding
travels as one `Coding` value and becomes an `Event` in `_build`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from newsgraph.events import arguments as args
from newsgraph.events import implicit as implicit_actors
from newsgraph.events import predicates as parse
from newsgraph.events import recipients as recv
from newsgraph.events import speech
from newsgraph.events.cameo import (
    FRAMED_CODES,
    FRAMED_MODES,
    INTENT_CODES,
    cameo_for,
    contexts_for,
    quad_class,
    score,
)
from newsgraph.events.classify import (
    Classification,
    classify,
    classify_complement,
    trigger_features,
)
from newsgraph.events.coding import Coding
from newsgraph.events.lexicon import Entry, load_lexicon
from newsgraph.events.modality import modality_of
from newsgraph.events.participants import antecedent, location_for, participants_for
from newsgraph.events.recode import recode
from newsgraph.events.words import word_class
from newsgraph.kb import KnowledgeBase
from newsgraph.model import (
    Analysis,
    Event,
    Evidence,
    Participant,
    Sentence,
    Span,
    as_event_type,
)
from newsgraph.speech import verbs_with
from newsgraph.times.tree import Tree, tree_of
from newsgraph.words import syntax_of

SPEECH_VERBS = verbs_with("events_request")
"""Speech verbs whose reported obligation is a demand (the shared list, flag events_request)."""
FIRST_PERSON = word_class("first_person")
GENERIC_PRONOUNS = word_class("generic_pronouns")
UNRESOLVED_PRONOUNS = word_class("third_person_pronouns")
SPEECH_DEMAND = Entry("say", "REQUEST", None, "100", 0.7, frame=True)
SUPPORT_RECEIVED = Entry("support", "SUPPORT", None, "051", 0.7, nominal=True)
"""'X received support from Y' is Y's SUPPORT of X (CAMEO 051)."""
SUPPORT_NOUNS = word_class("support_nouns")
ARRIVAL_VERBS = word_class("arrival_verbs")
CHARACTERISING_VERBS = word_class("characterising_verbs")
VERBAL_QUADS = frozenset({1, 3})
"""Verbal cooperation and conflict (AGREE ... REJECT, THREATEN): no event without its actor."""
BUSINESS_SECTORS = frozenset({"BUS", "MNC"})
SPEECH_ACT_WEIGHT = 0.7
"""Lexicon weight of a characterisation coded from its words ("called it 'a sham'")."""
OFFER_VERBS = word_class("offer_verbs")
"""'X said Y must ...' is a demand by X on Y (PLOVER REQUEST), though 'said' alone is no event."""
FORCE_NOUNS = word_class("force_nouns")
CROWD_NOUNS = word_class("crowd_nouns")
EXERCISE_NOUNS = word_class("exercise_nouns")
"""Military exercises: joint ones are COOPERATE, single-country ones MOBILIZE (manual 3.14)."""
MODE_MODIFIERS: dict[str, tuple[str, str, str]] = {
    "hunger": ("PROTEST", "hunger", "142"),  # "hunger strike"
    "sexually": ("ASSAULT", "sexual", "1821"),  # "sexually abused"
    "general": ("PROTEST", "strike", "143"),  # "general strike"
}
"""A modifier of the trigger or its object that fixes the mode: word → (type, mode, CAMEO)."""
MODIFIER_TYPES = frozenset({fixed[0] for fixed in MODE_MODIFIERS.values()} | {"MOBILIZE"})
"""The types `_refine` reads modifiers for: a mode a modifier fixes, and "joint" exercises."""
CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"})
"""A promise or vow of these is a threat ("vowed to retaliate")."""
PROPOSAL_NOUNS = word_class("proposal_nouns")
"""Nouns whose complement is only proposed ("rejected a call for troops to be deployed")."""
TRIGGER_POS = frozenset({"VERB", "NOUN", "PROPN", "AUX"})
"""Parts of speech a trigger can have."""
AGENTIVE_OF_TYPES = frozenset({"CONSULT", "PROTEST", "RETREAT", "MOBILIZE"})
"""Nominal events whose "of" phrase is the actor ("the visit of X", "the withdrawal of X's
troops"); for the others it is the target ("the invasion of X")."""
NO_ACTOR_FACTOR = 0.6  # an event whose actor is unknown is worth less
NOT_ASSERTED_FACTOR = 0.9
REPARSED_FACTOR = 0.9  # headline parsed after re-casing


@dataclass(frozen=True, slots=True)
class SentenceView:
    """A sentence's tokens (a spaCy Span or Doc, or a list of Tokens) and the offset that turns
    token offsets into text offsets."""

    sentence: Sentence
    tokens: Any  # indexed, sized, iterated: a Span, a Doc or a list of Tokens
    offset: int
    reparsed: bool = False


def _positions(tokens: Sequence[Any]) -> Sequence[int]:
    """The token numbers of a sentence's tokens (a run of the Doc, unless built otherwise)."""
    first, last = tokens[0].i, tokens[-1].i
    if last - first + 1 == len(tokens):
        return range(first, last + 1)
    return [t.i for t in tokens]


def _is_purpose_clause(token: Any) -> bool:
    """ "led a delegation to discuss trade": the clause serves the event it hangs on."""
    return parse.is_infinitive_clause(token) and classify(trigger_features(token.head)) is not None


def _consume_restatement(trigger: Any, event_type: str, consumed: set[int]) -> None:
    """ "insisted on its demand that ...": a noun of the framing verb's own type restates it."""
    for noun in parse.complement_nouns(trigger):
        governed = classify_complement(noun)
        if governed is not None and governed.event_type == event_type:
            consumed.add(noun.i)


def _speech_demand(token: Any, lemma: str) -> Classification | None:
    """A speech verb (`lemma`, lower-cased) whose reported clause says someone must act."""
    if lemma not in SPEECH_VERBS or parse.demanded_clause(token) is None:
        return None
    return Classification("REQUEST", SPEECH_DEMAND.weight, SPEECH_DEMAND)


def _refine(token: Any, object_token: Any | None, actors: list[Any], coding: Coding) -> Coding:
    """Modifiers that fix the mode ("hunger strike") and joint exercises (COOPERATE)."""
    event_type = coding.event_type
    modifiers: list[str] = []
    if event_type in MODIFIER_TYPES:  # the only types whose modifiers are read below
        tree = tree_of(token.doc)
        dep, lower = tree.dep, tree.lower
        modifiers = [
            lower[c] for c in tree.children[token.i] if dep[c] in ("advmod", "amod", "compound")
        ]
        if object_token is not None:
            modifiers += [
                lower[c] for c in tree.children[object_token.i] if dep[c] in ("amod", "compound")
            ]
        for word in modifiers:
            fixed = MODE_MODIFIERS.get(word)
            if fixed is not None and fixed[0] == event_type:
                return coding.recoded(*fixed)
    if event_type == "SUPPORT" and parse.supports_funded_work(token):
        return coding.recoded("AID", None, "070")  # "the study was supported by X": funding
    if event_type == "ASSAULT" and parse.aims_at_computers(token, object_token):
        return coding.recoded("COERCE", "cyber", None)  # a hacking attack (PLOVER: COERCE cyber)
    if event_type == "ASSAULT" and actors and all(parse.is_media(a) for a in actors):
        return coding.recoded("ACCUSE", "disapprove", "111")  # a magazine "attacked" its critics
    # the parse questions below are asked only of the types they can recode
    if (
        event_type == "MOBILIZE"
        and object_token is not None
        and any(t.lemma_.lower() in EXERCISE_NOUNS for t in args.with_of_phrase([object_token]))
        and (parse.party_count(actors) > 1 or "joint" in modifiers)
    ):
        return coding.recoded("COOPERATE", None, "062")
    if event_type not in ("CONSULT", "PROTEST"):
        return coding
    # "a first batch of peacekeeping troops": the head of a quantity is its "of" phrase
    heads = {a.lemma_.lower() for a in args.with_of_phrase(actors)}
    if event_type == "CONSULT" and coding.mode == "visit" and heads & FORCE_NOUNS:
        # Troops "arriving in" a country are deployed, not visiting (peacekeepers are aid).
        peacekeeping = heads & {"peacekeeper"} or any(
            c.lower_ == "peacekeeping" for a in args.with_of_phrase(actors) for c in a.children
        )
        if peacekeeping:
            return coding.recoded("AID", None, "074")
        return coding.recoded("MOBILIZE", "troops", "154")
    if (
        event_type == "PROTEST"
        and token.lemma_.lower() == "protest"
        and not heads & CROWD_NOUNS
        and any(
            a.ent_type_ in ("ORG", "GPE", "PERSON", "NORP")
            or a.lemma_.lower() in ("group", "government", "ministry")
            for a in actors
        )
    ):
        # an organisation's protest is a complaint (manual 3.9)
        return coding.recoded("ACCUSE", "disapprove", "114")
    return coding


@dataclass(frozen=True, slots=True)
class Draft:
    """An event mention as the rules left it, before its participants are coded."""

    trigger: Any
    object_token: Any | None
    """The light verb's object that took part in the match ("held *talks*"), if any."""
    classification: Classification
    coding: Coding
    actor_heads: list[Any]
    recipient_heads: list[Any]


def _nominal_actor(noun: Any, event_type: str) -> list[Any] | None:
    """Actor heads of a nominal event, or None when nothing licenses it as an event."""
    # the noun's own phrase read from the Doc's lists (Token objects only for what it returns)
    doc = noun.doc
    tree, ent_type = tree_of(doc), args.labels_of(doc).ent_type
    dep, lower, children, i = tree.dep, tree.lower, tree.children, noun.i
    kids = children[i]
    if any(dep[c] == "compound" and ent_type[c] in parse.WORK_LABELS for c in kids):
        return None  # "the PlayStation VR demonstration": a product shown, not a protest
    for child in kids:
        if dep[child] == "prep" and lower[child] == "between":
            return [
                t
                for p in children[child]
                if dep[p] == "pobj"
                for t in args.expand_conjuncts(doc[p])
            ]
    for child in kids:
        if args.possessor(tree, child):
            return args.expand_conjuncts(doc[child])
        if dep[child] == "agent" or (dep[child] == "prep" and lower[child] == "by"):
            return [doc[g] for g in children[child] if dep[g] == "pobj"]
    nationality = [
        doc[c] for c in kids if dep[c] in ("amod", "compound") and ent_type[c] in ("NORP", "GPE")
    ]
    if nationality:
        return nationality
    if any(dep[c] == "prep" and lower[c] == "against" for c in kids) and tree.lemma_lower(i) in (
        "demonstration",
        "protest",
        "riot",
        "strike",
    ):
        return []  # "demonstrations against X": a protest whose actor is not named
    if dep[i] in ("nsubj", "nsubjpass") and tree.lemma_lower(tree.head[i]) in ARRIVAL_VERBS:
        # "Requests have come from the town of X and from Y": the "from" phrases act
        return parse.givers(noun.head, noun) or None
    governor = parse.nominal_governor(noun)
    if governor is not None:
        # "X was engaged in fighting": the passive subject of the light verb is the actor.
        return args.actor_heads(governor) or args.passive_patient(governor)
    if event_type in AGENTIVE_OF_TYPES:
        of_actors = [
            t
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
            and args.is_actor_like(p)
            and not parse.names_a_work(p)
            # one person does not demonstrate: "a demonstration of Batman" shows a game
            and not (event_type == "PROTEST" and p.ent_type_ == "PERSON")
            for t in args.expand_conjuncts(p)
        ]
        if of_actors:
            return of_actors
    return None


@lru_cache(maxsize=1)
def _trigger_lemmas() -> frozenset[str]:
    """The lemmas that can start an event: the lexicon's, and those `_received`,
    `_characterised` and `_speech_demand` read (the packaged lists, fixed per process)."""
    lexicon = load_lexicon()
    return frozenset(
        lexicon.verbs.keys()
        | lexicon.nouns.keys()
        | SPEECH_VERBS
        | parse.RECEIVING_VERBS
        | CHARACTERISING_VERBS
    )


TRIGGER, PROPOSAL, NEITHER = "trigger", "proposal", ""
"""What `_lemma_kind` says of a lemma (a trigger that is also a proposal noun is a trigger)."""


@lru_cache(maxsize=1 << 16)
def _lemma_kind(lemma: str) -> str:
    """Whether a lemma as the parser spells it can start an event (TRIGGER), else whether it
    is a proposal noun (PROPOSAL), else NEITHER (remembered per process: lemmas recur from
    document to document)."""
    lower = lemma.lower()
    if lower in _trigger_lemmas():
        return TRIGGER
    return PROPOSAL if lower in PROPOSAL_NOUNS else NEITHER


class SentenceExtractor:
    """Finds the event mentions of one sentence; one instance per document."""

    def __init__(self, analysis: Analysis, kb: KnowledgeBase) -> None:
        self.analysis = analysis
        self.kb = kb
        self.times = [(t.id, t.start, t.end) for t in analysis.times]
        self._coded: dict[tuple[Any, ...], list[Participant]] = {}
        self._spans: dict[tuple[Any, ...], tuple[int, int]] = {}
        self._sides: dict[tuple[Any, ...], list[Participant]] = {}
        self._quotes = [(q.start, q.end, q.id) for q in analysis.quotes]
        self._indirect = [(q.start, q.end, q.id) for q in analysis.quotes if q.kind == "indirect"]
        self._lowered: dict[str, str] = {}
        self._candidates: dict[int, tuple[Any, list[int]]] = {}
        self._triggers = _trigger_lemmas()

    def extract(self, view: SentenceView) -> list[Event]:
        consumed: set[int] = set()
        events: list[Event] = []
        if not view.tokens:
            return events
        doc = view.tokens[0].doc
        tree = syntax_of(doc)  # labels read once per Doc, not per token
        dep_of = tree.dep
        positions = _positions(view.tokens)
        # Only the tokens a rule below can act on are put in order and made Token objects:
        # most words are neither triggers nor conditions nor proposals.
        wanted = self._wanted(doc)
        if isinstance(positions, range):
            lo, hi = bisect_left(wanted, positions.start), bisect_left(wanted, positions.stop)
            candidates: Sequence[int] = wanted[lo:hi]
        else:
            chosen = set(wanted)
            candidates = [i for i in positions if i in chosen]
        for i in parse.top_down_positions(tree.head, positions, candidates):
            lemma = self._lemma(tree, i)
            if lemma in PROPOSAL_NOUNS and tree.pos[i] == "NOUN":
                consumed.update(parse.proposed(doc[i]))  # even when a "rejected" took the noun
            if i in consumed:
                continue
            token = doc[i]
            if dep_of[i] == "advcl" and parse.is_condition(token):
                consumed.update(t.i for t in token.subtree)  # nothing in a condition happened
                continue
            if lemma not in self._triggers:
                continue  # most words trigger nothing: skip them before reading the parse
            # the receiving and characterising verbs are asked first (lemma tests from the
            # arrays: both rules give nothing for other words)
            handled, event = False, None
            if lemma in parse.RECEIVING_VERBS:
                handled, event = self._received(token, view, consumed)
            if not handled and lemma in CHARACTERISING_VERBS and tree.pos[i] == "VERB":
                handled, event = self._characterised(token, view, consumed)
            if not handled:
                event = self._event_at(token, view, consumed, lemma, tree.pos[i], tree.tag[i])
            if event is not None:
                events.append(event)
        return events

    def _lemma(self, tree: Any, i: int) -> str:
        """`token.lemma_.lower()`, each distinct lemma lowered once."""
        lemma = tree.lemma[i]
        lowered = self._lowered.get(lemma)
        if lowered is None:
            lowered = self._lowered[lemma] = lemma.lower()
        return lowered

    def _wanted(self, doc: Any) -> list[int]:
        """The tokens of the Doc the loop of `extract` can act on, in text order: a trigger, a
        proposal noun or an adverbial clause (a condition), of a part of speech a trigger can
        have. Read once per Doc (a re-parsed headline is a Doc of its own)."""
        found = self._candidates.get(id(doc))
        if found is not None and found[0] is doc:
            return found[1]
        tree = syntax_of(doc)
        dep = tree.dep
        # one comprehension: a trigger lemma, else an adverbial clause, else a proposal noun
        wanted = [
            i
            for i, (pos, lemma) in enumerate(zip(tree.pos, tree.lemma, strict=True))
            if pos in TRIGGER_POS
            and (
                (kind := _lemma_kind(lemma)) is TRIGGER
                or dep[i] == "advcl"
                or (kind is PROPOSAL and pos == "NOUN")
            )
        ]
        self._candidates[id(doc)] = (doc, wanted)
        return wanted

    def _received(
        self, token: Any, view: SentenceView, consumed: set[int]
    ) -> tuple[bool, Event | None]:
        """ "X received support from Y", "drew criticism from Y": Y's act on X. Returns whether
        the receiving verb carried such an act, and its event (None when no giver is named)."""
        noun = parse.received_object(token)
        if noun is None:
            return False, None
        lemma = noun.lemma_.lower()
        if lemma in SUPPORT_NOUNS:
            result = Classification("SUPPORT", SUPPORT_RECEIVED.weight, SUPPORT_RECEIVED)
        else:
            nominal = load_lexicon().nouns.get(lemma)
            if nominal is None:
                return False, None
            result = Classification(nominal.event_type, nominal.weight, nominal)
        consumed.add(noun.i)
        giver_heads = parse.givers(token, noun)
        if not giver_heads:
            return True, None  # support from someone unnamed: no one to code
        coding = Coding(
            result.event_type, result.entry.mode, result.entry.cameo, modality_of(token)
        )
        coding = recode(coding, lemma)
        draft = Draft(token, noun, result, coding, giver_heads, args.actor_heads(token))
        return True, self._build(draft, view)

    def _characterised(
        self, token: Any, view: SentenceView, consumed: set[int]
    ) -> tuple[bool, Event | None]:
        """ "called the shelling 'an act of terror'", "described the ruling as a provocation":
        a condemning (ACCUSE) or praising (SUPPORT) characterisation by the subject (or the
        agent of a passive) of what the object did."""
        if token.lemma_.lower() not in CHARACTERISING_VERBS or token.pos_ != "VERB":
            return False, None
        words = parse.characterisation(token)
        act = speech.judged_act(words) if words else None
        if act is None:
            return False, None
        event_type, mode, hint, _word = act
        consumed.update(t.i for t in words)
        entry = Entry(token.lemma_.lower(), event_type, mode, hint, SPEECH_ACT_WEIGHT, verbal=True)
        result = Classification(event_type, entry.weight, entry)
        coding = recode(Coding(event_type, mode, hint, modality_of(token)), token.lemma_.lower())
        judged = [c for c in token.children if c.dep_ in ("dobj", "obj")] or args.passive_patient(
            token
        )
        draft = Draft(token, None, result, coding, args.actor_heads(token), judged)
        event = self._build(draft, view)
        quotes = [speech.quote_at(self.analysis, w.idx + view.offset) for w in words]
        quote = next((q for q in quotes if q is not None), None)
        if event is not None and quote is not None:  # "called the raid "a provocation""
            event.evidence = [replace(e, quote=quote.id) for e in event.evidence]
        return True, event

    def _event_at(
        self, token: Any, view: SentenceView, consumed: set[int], lemma: str, pos: str, tag: str
    ) -> Event | None:
        """The event a candidate trigger (its lower-cased lemma, part of speech and tag read
        by `extract`) states, if any."""
        is_verb = pos == "VERB" or tag.startswith("VB")
        result = self._classified(token, lemma, is_verb)
        if result is None:
            return None
        if _is_purpose_clause(token):
            return None
        if parse.in_restrictive_clause(token):
            return None  # "banks that fund the army": a kind of bank, not an event
        if result.event_type == "ASSAULT" and is_verb and parse.thing_object(token):
            return None  # "shoot a new outfit", "hit the ball": violence needs a target
        if result.event_type == "REJECT" and parse.is_decrease(token):
            return None  # "sea ice declined"
        if (
            (result.entry.host or lemma in OFFER_VERBS)
            and result.object_index is None  # "gave a warm welcome": the object is the event
            and self._offers_goods(token)
        ):
            return None  # "vendors offered products", "sites kept hosting the video"
        if result.entry.nominal:
            actors = _nominal_actor(token, result.event_type)
            if actors is None:
                return None
        else:
            actors = args.actor_heads(token)
        headline_passive = (
            view.sentence.section == "title" or tag == "VBN"  # "... and 30 injured"
        ) and parse.is_headline_passive(token)
        object_token = token.doc[result.object_index] if result.object_index is not None else None
        if object_token is not None:
            consumed.add(object_token.i)
        coding = Coding(result.event_type, result.entry.mode, result.entry.cameo)
        recipients = recv.recipient_heads(token, coding.event_type, object_token, coding.mode)
        if result.entry.nominal:
            recipients = recipients or self._nominal_recipients(token, coding.event_type, consumed)
        if result.entry.frame:
            coding, recipients = self._frame(token, result, recipients, consumed)
        recipients = recipients or recv.circumstance_party(token, result.event_type)
        coding = _refine(token, object_token, actors, coding)
        coding = recode(
            Coding(coding.event_type, coding.mode, coding.cameo, modality_of(token)),
            lemma,
        )
        if result.entry.host and object_token is not None and object_token not in recipients:
            recipients = [object_token, *recipients]  # "received the Saudi envoy": the visitor
        if result.entry.host and coding.event_type == result.event_type:
            # The host is the recipient of a visit; a promise to host is the host's own (AGREE).
            actors, recipients = recipients, actors
        if coding.event_type == "THREATEN" and not recipients:
            recipients = parse.condition_subjects(token)
        if headline_passive:
            actors, recipients = [], [*actors, *recipients]
        draft = Draft(token, object_token, result, coding, actors, recipients)
        return self._build(draft, view)

    @staticmethod
    def _classified(token: Any, lemma: str, is_verb: bool) -> Classification | None:
        """The lexicon's reading of a candidate trigger (its lower-cased lemma, and whether it
        is a verb by part of speech or tag); None where no event can start. A word the lexicon
        has no entry for as a verb (or as a noun) is settled from its lemma, without reading
        its children (`trigger_features`): a noun is an event only by its noun entry, a verb
        without verb entries only as a demand."""
        lexicon = load_lexicon()
        if not is_verb:
            nominal = lexicon.nouns.get(lemma)
            if nominal is None:
                return None
            return Classification(nominal.event_type, nominal.weight, nominal)
        if lemma not in lexicon.verbs:
            return _speech_demand(token, lemma)
        return classify(trigger_features(token)) or _speech_demand(token, lemma)

    @staticmethod
    def _offers_goods(verb: Any) -> bool:
        """An offer or a hosting whose object is a thing, not an event ("offered products",
        "hosting the video"; not "offered talks", "hosted a summit", "offered to mediate")."""
        governed = parse.complement(verb)
        if governed is not None and governed.pos_ in ("VERB", "AUX"):
            return False
        nouns = load_lexicon().nouns
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        return bool(objects) and all(
            parse.is_thing(o) and o.lemma_.lower() not in nouns for o in objects
        )

    @staticmethod
    def _nominal_recipients(noun: Any, event_type: str, consumed: set[int]) -> list[Any]:
        """A nominal event's recipient outside its own phrase: the subject of its "that"
        clause ("its demand that X resign", whose clause is then no event of its own) or a
        preposition on the light verb that reports it ("engaged in fighting against X")."""
        if event_type in recv.CONTENT_CLAUSE_TYPES:
            clause = recv.content_clause(noun)
            if clause is not None:
                consumed.add(clause.i)
                return recv.content_subjects(clause)
        governor = parse.nominal_governor(noun)
        return [] if governor is None else recv.governor_recipients(governor, noun, event_type)

    def _frame(
        self, token: Any, result: Classification, recipients: list[Any], consumed: set[int]
    ) -> tuple[Coding, list[Any]]:
        """The coding of a framing verb from the event it governs, and its recipients."""
        coding = Coding(result.event_type, result.entry.mode, result.entry.cameo)
        event_type = coding.event_type
        _consume_restatement(token, event_type, consumed)
        complement = parse.complement(token)
        if complement is None:
            return coding, recipients
        governed = classify_complement(complement)
        if not recipients and complement.pos_ == "NOUN" and event_type in recv.CONTENT_CLAUSE_TYPES:
            clause = recv.content_clause(complement)  # "insisted on its demand that X ..."
            if clause is not None:
                consumed.update((clause.i, complement.i))
                recipients = recv.content_subjects(clause)
        if not recipients and complement.pos_ in ("VERB", "AUX"):
            inner_subjects = [c for c in complement.children if c.dep_ in args.SUBJECT_DEPS]
            inner_object = None
            if governed is not None and governed.object_index is not None:
                inner_object = complement.doc[governed.object_index]
            inner_type = governed.event_type if governed is not None else event_type
            recipients = inner_subjects or recv.recipient_heads(
                complement, inner_type, inner_object
            )
        if governed is None:
            return coding, recipients
        consumed.add(complement.i)
        if governed.object_index is not None:
            consumed.add(governed.object_index)
        inner = governed.event_type
        if event_type == "AGREE" and inner in CONFLICT_TYPES:
            cameo = FRAMED_CODES.get(("THREATEN", inner), "130")
            coding = coding.recoded("THREATEN", FRAMED_MODES["THREATEN"].get(inner), cameo)
        elif event_type in FRAMED_MODES:
            mode = coding.mode or FRAMED_MODES[event_type].get(inner)
            coding = coding.recoded(
                event_type, mode, FRAMED_CODES.get((event_type, inner), coding.cameo)
            )
        elif event_type == "AGREE":
            coding = coding.recoded(event_type, coding.mode, INTENT_CODES.get(inner, coding.cameo))
        return coding, recipients

    def _build(self, draft: Draft, view: SentenceView) -> Event | None:
        token, object_token, coding = draft.trigger, draft.object_token, draft.coding
        heads = [h for h in draft.actor_heads if not parse.is_thing(h)]
        if draft.actor_heads and not heads:
            return None  # "surface ozone declined", "a crane killed": no one acted
        actors = self._participants(heads, view)
        if draft.actor_heads and not actors:
            return None  # the only actor was an agency or the author
        tree = tree_of(token.doc)
        implicit = False
        if not actors and implicit_actors.takes_implicit_actor(tree.lemma_lower(token.i)):
            # "he was arrested": the police or court the story names elsewhere
            actors = implicit_actors.law_enforcement_actor(
                self.analysis, token.idx + view.offset, self.kb
            )
            implicit = bool(actors)
        # The rules below that need no recipient come before the recipients are coded (the
        # coding of a phrase is the costly step, and a dropped mention needs none).
        if (
            not actors
            and quad_class(coding.event_type) in VERBAL_QUADS
            and not any(tree.dep[c] in ("auxpass", "nsubjpass") for c in tree.children[token.i])
        ):
            return None  # praise, demands, accusations: an act of speech needs its speaker
            # (a passive "was accused of" leaves the speaker unsaid, and is still an act)
        if (
            not actors
            and coding.event_type == "ASSAULT"
            and token.pos_ != "NOUN"
            and not parse.violence_named(token)
        ):
            return None  # "76 people were killed when the hotel collapsed": no attacker
        recipients = [
            p
            for p in self._participants(draft.recipient_heads, view)
            if not any(_same(p, a) for a in actors)
        ]
        if not actors and not recipients:
            return None  # no one to code: "lawsuits have been filed", "the resolution failed"
        if all(p.sector in BUSINESS_SECTORS for p in actors + recipients):
            return None  # companies dealing with companies: no political event
        event_type, mode, modality = coding.event_type, coding.mode, coding.modality
        code = cameo_for(event_type, mode, coding.cameo)
        confidence = draft.classification.confidence
        confidence *= implicit_actors.IMPLICIT_ACTOR_FACTOR if implicit else 1.0
        confidence *= 1.0 if actors else NO_ACTOR_FACTOR
        confidence *= 1.0 if modality == "asserted" else NOT_ASSERTED_FACTOR
        confidence *= REPARSED_FACTOR if view.reparsed else 1.0
        start = tree.idx[token.i] + view.offset
        end = tree.end[token.i] + view.offset
        if object_token is not None:
            start = min(start, tree.idx[object_token.i] + view.offset)
            end = max(end, tree.end[object_token.i] + view.offset)
        sentence = view.sentence
        return Event(
            id="",
            event_type=as_event_type(event_type),
            mode=mode,
            contexts=contexts_for(code),
            actors=actors,
            recipients=recipients,
            modality=modality,
            cameo=code,
            quad_class=quad_class(event_type),
            score=score(event_type, mode),
            evidence=[
                Evidence(
                    sentence.start,
                    sentence.end,
                    sentence.section,
                    Span(start, end),
                    self._quote(start, sentence),
                )
            ],
            confidence=round(min(1.0, max(0.0, confidence)), 3),
            location=location_for(
                self.analysis,
                (start, end),
                (sentence.start, sentence.end),
                event_type,
                (actors, recipients),
            ),
            time_refs=self._time_refs(tree, token, view, start),
        )

    def _participants(self, heads: list[Any], view: SentenceView) -> list[Participant]:
        """The coded participants of the head tokens (of one Doc); once per set of heads and
        view: the events of a sentence often share their actors ("X met Y and signed ...")."""
        if not heads:
            return []
        doc = heads[0].doc
        key = (doc, tuple(h.i for h in heads), view.offset, view.reparsed)
        found = self._sides.get(key)
        if found is None:
            found = self._sides[key] = self._code_heads(heads, view, tree_of(doc))
        return list(found)

    def _code_heads(self, heads: list[Any], view: SentenceView, tree: Tree) -> list[Participant]:
        found: list[Participant] = []
        # only a pronoun of PRONOUN_SUBJECTS can stand for another subject (`bound_subjects`
        # answers any other head with itself)
        lowered = tree.lower
        bound = [
            b
            for head in heads
            for b in (
                parse.bound_subjects(head) if lowered[head.i] in parse.PRONOUN_SUBJECTS else (head,)
            )
        ]
        for head in dict.fromkeys(bound):
            lower, pos = tree.lower[head.i], tree.pos[head.i]
            if lower in GENERIC_PRONOUNS and (
                pos == "PRON" or any(tree.lower[c] == "no" for c in tree.children[head.i])
            ):
                continue  # "you", "no one": no one in particular
            if lower in FIRST_PERSON and pos == "PRON" and not view.reparsed:
                # "we will meet again," the envoy said: the speaker is the actor
                quote = speech.quote_at(self.analysis, head.idx + view.offset)
                speaker = (
                    speech.speaker_participants(self.analysis, quote, self.kb) if quote else []
                )
                found += [p for p in speaker if not any(_same(p, q) for q in found)]
                if speaker or quote is None:
                    continue  # outside quotes, "I" is the writer of a feature, no actor
            span = self._head_span(head, view)
            doc = head.doc if view.reparsed else None
            for p in self._participants_for(span, tree.idx[head.i] + view.offset, doc, view.offset):
                if p.entity is None and _bare_pronoun(self.analysis.text[p.start : p.end]):
                    continue  # "they" that nothing resolved names no one we can code
                if not any(_same(p, q) for q in found):
                    found.append(p)
        return found

    def _head_span(self, head: Any, view: SentenceView) -> tuple[int, int]:
        """The text span a participant head stands for: its antecedent's, else its own noun
        phrase's; once per head (the events of a sentence share their actors)."""
        key = (head.doc, head.i, view.offset, view.reparsed)
        span = self._spans.get(key)
        if span is None:
            span = None if view.reparsed else antecedent(self.analysis, head)
            if span is None:
                local = args.phrase_span(head)
                span = (local[0] + view.offset, local[1] + view.offset)
            self._spans[key] = span
        return span

    def _participants_for(
        self, span: tuple[int, int], head: int, doc: Any, offset: int
    ) -> list[Participant]:
        """`participants_for`, once per phrase: the events of a sentence often share an actor
        ("X met Y and signed ..."), and nothing it reads changes during the stage."""
        key = (span, head, doc, offset)
        found = self._coded.get(key)
        if found is None:
            found = self._coded[key] = participants_for(
                self.analysis, span[0], span[1], head, doc, offset, kb=self.kb
            )
        return list(found)

    def _quote(self, trigger_start: int, sentence: Sentence) -> str | None:
        """The quote stating the event: one containing the trigger, else reported (indirect)
        speech in its sentence. A partial quote of a word ("a 'historic' step") states nothing."""
        for start, end, quote in self._quotes:
            if start <= trigger_start < end:
                return quote
        for start, end, quote in self._indirect:
            if start < sentence.end and sentence.start < end:
                return quote
        return None

    def _time_refs(
        self, tree: Tree, token: Any, view: SentenceView, trigger_start: int
    ) -> list[str]:
        """Time expressions inside the trigger's clause, nearest first."""
        clause, pos = token.i, tree.pos
        if pos[clause] == "NOUN" and pos[tree.head[clause]] in ("VERB", "AUX"):
            clause = tree.head[clause]
        if not self.times:
            return []  # no time expression in the document
        # the subtree's ends, no walk
        top = token.doc[clause]
        first, last = top.left_edge.i, top.right_edge.i
        lo = tree.idx[first] + view.offset
        hi = tree.end[last] + view.offset
        inside = [
            (abs(start - trigger_start), tid)
            for tid, start, end in self.times
            if lo <= start and end <= hi
        ]
        return [tid for _, tid in sorted(inside)]


def _bare_pronoun(text: str) -> bool:
    return text.strip().lower() in UNRESOLVED_PRONOUNS


def _same(a: Participant, b: Participant) -> bool:
    if a.entity is not None and a.entity == b.entity:
        return True
    return a.start < b.end and b.start < a.end
