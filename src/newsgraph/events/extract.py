"""Event mentions in one sentence: triggers, their complements, arguments and modality.

Tokens are visited from the root down so that a framing verb ("urged", "refused", "threatened",
"invited") claims its complement before the complement could become an event of its own. A
purpose clause ("led a delegation to discuss") belongs to the event it serves. Future and
intended cooperation becomes AGREE and a future retreat CONCEDE, as the PLOVER manual codes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsgraph.events import arguments as args
from newsgraph.events import recipients as recv
from newsgraph.events.cameo import (
    FRAMED_CODES,
    FRAMED_MODES,
    INTENT_CODES,
    cameo_for,
    contexts_for,
    quad_class,
    score,
)
from newsgraph.events.classify import Classification, classify, classify_complement, features_of
from newsgraph.events.lexicon import Entry, load_lexicon
from newsgraph.events.modality import modality_of
from newsgraph.events.participants import antecedent, location_for, participants_for
from newsgraph.events.recode import recode
from newsgraph.model import Analysis, Event, Evidence, Modality, Participant, Sentence, Span
from newsgraph.speech import verbs_with

SPEECH_VERBS = verbs_with("events_request")
"""Speech verbs whose reported obligation is a demand (the shared list, flag events_request)."""
OBLIGATION_AUX = frozenset({"must", "should"})
SPEECH_DEMAND = Entry("say", "REQUEST", None, "100", 0.7, frame=True)
"""'X said Y must ...' is a demand by X on Y (PLOVER REQUEST), though 'said' alone is no event."""
FORCE_NOUNS = frozenset(
    {"troop", "soldier", "force", "peacekeeper", "army", "contingent", "unit", "battalion"}
)
CROWD_NOUNS = frozenset(
    {
        "people",
        "student",
        "worker",
        "thousand",
        "hundred",
        "crowd",
        "demonstrator",
        "protester",
        "resident",
    }
)
EXERCISE_NOUNS = frozenset({"exercise", "drill", "maneuver", "manoeuvre", "game", "patrol"})
"""Military exercises: joint ones are COOPERATE, single-country ones MOBILIZE (manual 3.14)."""
MODE_MODIFIERS: dict[str, tuple[str, str, str]] = {
    "hunger": ("PROTEST", "hunger", "142"),  # "hunger strike"
    "sexually": ("ASSAULT", "sexual", "1821"),  # "sexually abused"
    "general": ("PROTEST", "strike", "143"),  # "general strike"
}
"""A modifier of the trigger or its object that fixes the mode: word → (type, mode, CAMEO)."""
CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"})
"""A promise or vow of these is a threat ("vowed to retaliate")."""
NOMINAL_GOVERNORS = frozenset(
    {
        "be",
        "engage",
        "continue",
        "resume",
        "join",
        "participate",
        "remain",
        "complete",
        "begin",
        "start",
        "speed",
        "finish",
        "return",
        "arrive",
        "travel",
        "fly",
        "go",
        "come",
        "converge",
        "gather",
        "announce",
        "order",
        "involve",
    }
)
"""Verbs that report a nominal event with their subject as actor ("is in talks with")."""
CONDITION_MARKS = frozenset({"if", "unless"})
"""A clause these open states a condition ("unless Baghdad accepted"), not an event."""
PROPOSAL_NOUNS = frozenset(
    {"call", "appeal", "offer", "invitation", "proposal", "request", "ultimatum", "plea", "bid"}
)
"""Nouns whose complement is only proposed ("rejected a call for troops to be deployed")."""
PROPOSAL_COMPLEMENT_DEPS = frozenset({"acl", "relcl", "xcomp"})
AGENTIVE_OF_TYPES = frozenset({"CONSULT", "PROTEST", "RETREAT", "MOBILIZE"})
"""Nominal events whose "of" phrase is the actor ("the visit of X", "the withdrawal of X's
troops"); for the others it is the target ("the invasion of X")."""
MAX_BINDING_CLIMB = 4  # links between a pronoun and the clause whose subject binds it
PRONOUN_SUBJECTS = frozenset({"he", "she", "it", "they", "its", "their", "his", "her"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "advcl"})
COMPLEMENT_PREPS = frozenset({"for", "to", "on", "upon"})
NO_ACTOR_FACTOR = 0.6  # an event whose actor is unknown is worth less
NOT_ASSERTED_FACTOR = 0.9
REPARSED_FACTOR = 0.9  # headline parsed after re-casing


@dataclass(frozen=True, slots=True)
class SentenceView:
    """A sentence's tokens and the offset that turns token offsets into text offsets."""

    sentence: Sentence
    tokens: list[Any]
    offset: int
    reparsed: bool = False


def _top_down(tokens: list[Any]) -> list[Any]:
    """Tokens ordered from the root down (depth in the parse), computed once per sentence."""
    index = {t.i: n for n, t in enumerate(tokens)}
    heads = [index.get(t.head.i, n) for n, t in enumerate(tokens)]
    depth: dict[int, int] = {}
    for n in range(len(tokens)):
        path: list[int] = []
        current = n
        while current not in depth and heads[current] != current and len(path) < len(tokens):
            path.append(current)
            current = heads[current]
        base = depth.setdefault(current, 0)
        for step, node in enumerate(reversed(path), start=1):
            depth[node] = base + step
    return [tokens[n] for n in sorted(range(len(tokens)), key=lambda n: (depth.get(n, 0), n))]


def _complement(trigger: Any) -> Any | None:
    """The event a framing verb governs: its clause, or the object of "call for"."""
    for child in trigger.children:
        if child.dep_ in COMPLEMENT_DEPS and child.pos_ in ("VERB", "AUX"):
            if child.dep_ == "advcl" and not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children
            ):
                continue
            return _hyphen_tail(child)
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in COMPLEMENT_PREPS:
            for pobj in child.children:
                if pobj.dep_ in ("pobj", "pcomp"):
                    return pobj
        if child.dep_ in ("dobj", "obj") and child.pos_ == "NOUN":
            return child
    return None


def _hyphen_tail(verb: Any) -> Any:
    """ "agreed to re-open": the parser splits the verb at the hyphen; its last piece carries
    the objects."""
    doc = verb.doc
    while (
        verb.i + 2 < len(doc) and doc[verb.i + 1].text == "-" and doc[verb.i + 2].head == verb.head
    ):
        verb = doc[verb.i + 2]
    return verb


def _consume_restatement(trigger: Any, event_type: str, consumed: set[int]) -> None:
    """ "insisted on its demand that ...": a noun of the framing verb's own type restates it."""
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in COMPLEMENT_PREPS:
            for noun in child.children:
                governed = classify_complement(noun) if noun.dep_ == "pobj" else None
                if governed is not None and governed.event_type == event_type:
                    consumed.add(noun.i)


def _is_condition(token: Any) -> bool:
    """ "... unless Baghdad accepted its conditions": the condition of a threat or promise."""
    return token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in token.children
    )


def _proposed(noun: Any) -> list[int]:
    """Tokens of what a call, offer or invitation proposes ("a call for X to be deployed",
    "an offer to host a summit", "an appeal for deploying troops"): proposed, not done."""
    heads: list[Any] = []
    for child in noun.children:
        if child.dep_ in PROPOSAL_COMPLEMENT_DEPS and child.pos_ in ("VERB", "AUX"):
            heads.append(child)
        elif child.dep_ == "prep" and child.lower_ in ("for", "to"):
            for inner in child.children:
                if inner.dep_ == "pcomp":
                    heads.append(inner)
                elif inner.dep_ == "pobj":
                    heads.extend(c for c in inner.children if c.dep_ in ("acl", "relcl"))
    return [t.i for head in heads for t in head.subtree]


def _is_purpose_clause(token: Any) -> bool:
    if token.dep_ != "advcl" or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    ):
        return False
    return classify(features_of(token.head)) is not None


def _speech_demand(token: Any, features: Any) -> Classification | None:
    """A speech verb whose reported clause says someone must act."""
    if features.lemma not in SPEECH_VERBS:
        return None
    for child in token.children:
        if (
            child.dep_ == "ccomp"
            and any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in child.children)
            and any(c.dep_ == "nsubj" and args.is_actor_like(c) for c in child.children)
        ):
            return Classification("REQUEST", SPEECH_DEMAND.weight, SPEECH_DEMAND)
    return None


def _refine(
    token: Any,
    object_token: Any | None,
    actors: list[Any],
    event_type: str,
    mode: str | None,
    cameo: str | None,
) -> tuple[str, str | None, str | None]:
    """Modifiers that fix the mode ("hunger strike") and joint exercises (COOPERATE)."""
    modifiers = [c.lower_ for c in token.children if c.dep_ in ("advmod", "amod", "compound")]
    if object_token is not None:
        modifiers += [c.lower_ for c in object_token.children if c.dep_ in ("amod", "compound")]
    for word in modifiers:
        fixed = MODE_MODIFIERS.get(word)
        if fixed is not None and fixed[0] == event_type:
            return fixed
    exercise = object_token is not None and any(
        t.lemma_.lower() in EXERCISE_NOUNS for t in args.with_of_phrase([object_token])
    )
    if event_type == "MOBILIZE" and exercise and (_party_count(actors) > 1 or "joint" in modifiers):
        return "COOPERATE", None, "062"
    # "a first batch of peacekeeping troops": the head of a quantity is its "of" phrase
    heads = {a.lemma_.lower() for a in args.with_of_phrase(actors)}
    if event_type == "CONSULT" and mode == "visit" and heads & FORCE_NOUNS:
        # Troops "arriving in" a country are deployed, not visiting (peacekeepers are aid).
        peacekeeping = heads & {"peacekeeper"} or any(
            c.lower_ == "peacekeeping" for a in args.with_of_phrase(actors) for c in a.children
        )
        return ("AID", None, "074") if peacekeeping else ("MOBILIZE", "troops", "154")
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
        return (
            "ACCUSE",
            "disapprove",
            "114",
        )  # an organisation's protest is a complaint (manual 3.9)
    return event_type, mode, cameo


def _party_count(actors: list[Any]) -> int:
    """Parties in the actor phrases: "French and Egyptian warships" are two."""
    count = 0
    for actor in actors:
        nationalities = [
            c for c in actor.subtree if c.ent_type_ in ("NORP", "GPE") and c.i < actor.i
        ]
        count += max(1, len(nationalities))
    return count


def _condition_subjects(token: Any) -> list[Any]:
    """ "threatened to strike unless Baghdad accepted ...": an ultimatum addresses whoever must
    meet its condition."""
    for clause in [token, *(c for c in token.children if c.dep_ in COMPLEMENT_DEPS)]:
        for child in clause.children:
            if child.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in child.children):
                return [c for c in child.children if c.dep_ == "nsubj" and args.is_actor_like(c)]
    return []


def _nominal_actor(noun: Any, event_type: str) -> list[Any] | None:
    """Actor heads of a nominal event, or None when nothing licenses it as an event."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            return [t for p in child.children if p.dep_ == "pobj" for t in args.expand_conjuncts(p)]
    for child in noun.children:
        if args.is_possessor(child):
            return args.expand_conjuncts(child)
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            return [g for g in child.children if g.dep_ == "pobj"]
    nationality = [
        c
        for c in noun.children
        if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")
    ]
    if nationality:
        return nationality
    if any(
        c.dep_ == "prep" and c.lower_ == "against" for c in noun.children
    ) and noun.lemma_.lower() in ("demonstration", "protest", "riot", "strike"):
        return []  # "demonstrations against X": a protest whose actor is not named
    governor = _nominal_governor(noun)
    if governor is not None:
        # "X was engaged in fighting": the passive subject of the light verb is the actor.
        return args.actor_heads(governor) or args.passive_patient(governor)
    if event_type in AGENTIVE_OF_TYPES:
        of_actors = [
            t
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj" and args.is_actor_like(p)
            for t in args.expand_conjuncts(p)
        ]
        if of_actors:
            return of_actors
    return None


def _nominal_governor(noun: Any) -> Any | None:
    """The light verb that reports a nominal event ("is in talks", "engaged in fighting")."""
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ in ("pobj", "dobj", "attr") and governor.lemma_.lower() in NOMINAL_GOVERNORS:
        return governor
    return None


class SentenceExtractor:
    """Finds the event mentions of one sentence; one instance per document."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.times = [(t.id, t.start, t.end) for t in analysis.times]

    def extract(self, view: SentenceView) -> list[Event]:
        consumed: set[int] = set()
        events: list[Event] = []
        lexicon = load_lexicon()
        for token in _top_down(view.tokens):
            lemma = token.lemma_.lower()
            if lemma in PROPOSAL_NOUNS and token.pos_ == "NOUN":
                consumed.update(_proposed(token))  # even when a "rejected" took the noun
            if token.i in consumed or token.pos_ not in ("VERB", "NOUN", "PROPN", "AUX"):
                continue
            if _is_condition(token):
                consumed.update(t.i for t in token.subtree)  # nothing in a condition happened
                continue
            if (
                lemma not in lexicon.verbs
                and lemma not in lexicon.nouns
                and lemma not in SPEECH_VERBS
            ):
                continue  # most words trigger nothing: skip them before reading the parse
            event = self._event_at(token, view, consumed)
            if event is not None:
                events.append(event)
        return events

    def _event_at(self, token: Any, view: SentenceView, consumed: set[int]) -> Event | None:
        features = features_of(token)
        result = classify(features) or _speech_demand(token, features)
        if result is None or (not features.is_verb and not result.entry.nominal):
            return None
        if _is_purpose_clause(token):
            return None
        if result.entry.nominal:
            actors = _nominal_actor(token, result.event_type)
            if actors is None:
                return None
        else:
            actors = args.actor_heads(token)
        object_token = token.doc[result.object_index] if result.object_index is not None else None
        if object_token is not None:
            consumed.add(object_token.i)
        event_type, mode, cameo = result.event_type, result.entry.mode, result.entry.cameo
        recipients = recv.recipient_heads(token, event_type, object_token, mode)
        if result.entry.nominal:
            recipients = recipients or self._nominal_recipients(token, event_type, consumed)
        if result.entry.frame:
            event_type, mode, cameo, recipients = self._frame(token, result, recipients, consumed)
        recipients = recipients or recv.circumstance_party(token, result.event_type)
        event_type, mode, cameo = _refine(token, object_token, actors, event_type, mode, cameo)
        event_type, mode, cameo, modality = recode(
            event_type, mode, cameo, modality_of(token), features.lemma
        )
        if result.entry.host and event_type == result.event_type:
            # The host is the recipient of a visit; a promise to host is the host's own (AGREE).
            actors, recipients = recipients, actors
        if event_type == "THREATEN" and not recipients:
            recipients = _condition_subjects(token)
        return self._build(
            token, object_token, view, result, event_type, mode, cameo, modality, actors, recipients
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
        governor = _nominal_governor(noun)
        return [] if governor is None else recv.governor_recipients(governor, noun, event_type)

    def _frame(
        self, token: Any, result: Classification, recipients: list[Any], consumed: set[int]
    ) -> tuple[str, str | None, str | None, list[Any]]:
        """Type, mode and code of a framing verb from the event it governs."""
        event_type, mode, cameo = result.event_type, result.entry.mode, result.entry.cameo
        _consume_restatement(token, event_type, consumed)
        complement = _complement(token)
        if complement is None:
            return event_type, mode, cameo, recipients
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
            return event_type, mode, cameo, recipients
        consumed.add(complement.i)
        if governed.object_index is not None:
            consumed.add(governed.object_index)
        inner = governed.event_type
        if event_type == "AGREE" and inner in CONFLICT_TYPES:
            event_type, cameo = "THREATEN", FRAMED_CODES.get(("THREATEN", inner), "130")
            mode = FRAMED_MODES["THREATEN"].get(inner)
        elif event_type in FRAMED_MODES:
            mode = mode or FRAMED_MODES[event_type].get(inner)
            cameo = FRAMED_CODES.get((event_type, inner), cameo)
        elif event_type == "AGREE":
            cameo = INTENT_CODES.get(inner, cameo)
        return event_type, mode, cameo, recipients

    def _build(
        self,
        token: Any,
        object_token: Any | None,
        view: SentenceView,
        result: Classification,
        event_type: str,
        mode: str | None,
        cameo: str | None,
        modality: Modality,
        actor_heads: list[Any],
        recipient_heads: list[Any],
    ) -> Event | None:
        actors = self._participants(actor_heads, view)
        recipients = [
            p
            for p in self._participants(recipient_heads, view)
            if not any(_same(p, a) for a in actors)
        ]
        if actor_heads and not actors:
            return None  # the only actor was an agency or the author
        if not actors and not recipients and token.dep_ in ("acl", "amod"):
            return None  # "a conference held after the meeting" refers to, not reports, an event
        code = cameo_for(event_type, mode, cameo)
        confidence = result.confidence
        confidence *= 1.0 if actors else NO_ACTOR_FACTOR
        confidence *= 1.0 if modality == "asserted" else NOT_ASSERTED_FACTOR
        confidence *= REPARSED_FACTOR if view.reparsed else 1.0
        start = token.idx + view.offset
        end = start + len(token.text)
        if object_token is not None:
            start = min(start, object_token.idx + view.offset)
            end = max(end, object_token.idx + len(object_token.text) + view.offset)
        sentence = view.sentence
        return Event(
            id="",
            event_type=event_type,
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
            location=location_for(self.analysis, (start, end), (sentence.start, sentence.end)),
            time_refs=self._time_refs(token, view, start),
        )

    def _participants(self, heads: list[Any], view: SentenceView) -> list[Participant]:
        found: list[Participant] = []
        bound = [b for head in heads for b in _bound_subjects(head)]
        for head in dict.fromkeys(bound):
            span = None if view.reparsed else antecedent(self.analysis, head)
            if span is None:
                local = args.phrase_span(head)
                span = (local[0] + view.offset, local[1] + view.offset)
            doc = head.doc if view.reparsed else None
            for p in participants_for(
                self.analysis, span[0], span[1], head.idx + view.offset, doc, view.offset
            ):
                if not any(_same(p, q) for q in found):
                    found.append(p)
        return found

    def _quote(self, trigger_start: int, sentence: Sentence) -> str | None:
        """The quote stating the event: one containing the trigger, else reported (indirect)
        speech in its sentence. A partial quote of a word ("a 'historic' step") states nothing."""
        inside = [q for q in self.analysis.quotes if q.start <= trigger_start < q.end]
        if inside:
            return inside[0].id
        reported = [
            q
            for q in self.analysis.quotes
            if q.kind == "indirect" and q.start < sentence.end and sentence.start < q.end
        ]
        return reported[0].id if reported else None

    def _time_refs(self, token: Any, view: SentenceView, trigger_start: int) -> list[str]:
        """Time expressions inside the trigger's clause, nearest first."""
        clause = (
            token.head if token.pos_ == "NOUN" and token.head.pos_ in ("VERB", "AUX") else token
        )
        first, last = clause.left_edge, clause.right_edge  # the subtree's ends, no walk
        lo = first.idx + view.offset
        hi = last.idx + len(last.text) + view.offset
        inside = [
            (abs(start - trigger_start), tid)
            for tid, start, end in self.times
            if lo <= start and end <= hi
        ]
        return [tid for _, tid in sorted(inside)]


def _bound_subjects(pronoun: Any) -> list[Any]:
    """ "X visited Ankara, where he met ...", "X and Y held talks after their meeting": a pronoun
    in a dependent clause or a possessive stands for the governing clause's subject."""
    if pronoun.lower_ not in PRONOUN_SUBJECTS or not (
        pronoun.dep_ in ("nsubj", "nsubjpass") or args.is_possessor(pronoun)
    ):
        return [pronoun]
    if args.is_possessor(pronoun):
        governor = pronoun.head
    elif pronoun.head.dep_ in ("relcl", "advcl", "conj", "ccomp"):
        governor = pronoun.head.head
    else:
        return [pronoun]
    for _ in range(MAX_BINDING_CLIMB):
        subjects = [
            c
            for c in governor.children
            if c.dep_ == "nsubj" and c.pos_ != "PRON" and c.i != pronoun.i
        ]
        if subjects:
            return args.expand_conjuncts(subjects[0])
        if governor.head.i == governor.i:
            break
        governor = governor.head
    return [pronoun]


def _same(a: Participant, b: Participant) -> bool:
    if a.entity is not None and a.entity == b.entity:
        return True
    return a.start < b.end and b.start < a.end
