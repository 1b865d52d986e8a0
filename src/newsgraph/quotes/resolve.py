"""Link a speaker phrase to an entity, and a pronoun speaker to the one it stands for.

The actors stage resolves pronoun and nominal mentions to entities; when it has, its answer is
used. Without it, "he"/"she" go to the most recent person who spoke (or, failing that, the nearest
person named before), and "they"/"it" to the most recent institution that spoke or was named.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, NamedTuple

from newsgraph.model import Entity, Mention, SpeakerRef
from newsgraph.quotes.attribute import phrase_bounds
from newsgraph.quotes.cues import lexicon
from newsgraph.quotes.doctext import text_of
from newsgraph.quotes.mentions import Mentions, entity_at
from newsgraph.quotes.table import CueTable, cue_table

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
GROUP_PRONOUNS = frozenset({"they", "it", "we", "them"})
RECENT_SENTENCES = 2
"""Sentences before the pronoun's own searched for the subject it continues."""
SUBJECT_LOOKBACK = 150
"""Tokens searched back from a pronoun for a named subject (about three sentences)."""
PERSON_TYPES = frozenset({"PERSON"})
GROUP_TYPES = frozenset({"ORG", "NORP", "GPE"})
NOT_PERSON_LABELS = frozenset({"ORG", "NORP", "FAC", "LOC", "PRODUCT", "EVENT", "LAW"})
"""spaCy labels that rule a proper-noun speaker out as a person (GPE is left in: small models
often tag foreign personal names as places)."""


class Spoken(NamedTuple):
    """A speaker already resolved, remembered for later pronouns (a tuple: one is made per
    quote)."""

    ref: SpeakerRef
    is_person: bool
    head_lemma: str


_entity_at = entity_at


def _antecedent(entity: Entity, before: int) -> Mention | None:
    named = [m for m in entity.mentions if m.kind not in ("pronoun", "nominal")]
    earlier = [m for m in named if m.start < before]
    if earlier:
        return max(earlier, key=lambda m: m.start)
    return min(named, key=lambda m: m.start) if named else None


def _has_title(head: Any) -> bool:
    """A person title in the head or its name parts ("Mayor Ana Costa", "the spokeswoman")."""
    return _has_title_at(cue_table(head.doc), head.i)


def _has_title_at(table: CueTable, h: int) -> bool:
    """`_has_title` of token number `h`, from the Doc's arrays."""
    titles, dep, lower = lexicon().person_titles, table.syntax.dep, table.words.lower
    words = [h] + [c for c in table.kids[h] if dep[c] in ("compound", "amod", "nmod")]
    return any(lower[w].rstrip(".") in titles for w in words)


def _is_body(head: Any) -> bool:
    """A body noun in the head or its name parts ("rival union Unite", "the Workers' Alliance")."""
    return _is_body_at(cue_table(head.doc), head.i)


def _is_body_at(table: CueTable, h: int) -> bool:
    """`_is_body` of token number `h`, from the Doc's arrays."""
    bodies, dep, lemma = lexicon().body_nouns, table.syntax.dep, table.syntax.lemma
    words = [h] + [c for c in table.kids[h] if dep[c] in ("compound", "amod", "nmod", "appos")]
    return any(lemma[w].lower() in bodies for w in words)


def _is_person(table: CueTable, doc: Any, h: int) -> bool:
    """Whether the speaker headed by token number `h`, linked to no entity, is a person."""
    if _has_title_at(table, h):
        return True
    label = doc[h].ent_type_
    if label:
        return bool(label not in NOT_PERSON_LABELS)
    return table.syntax.pos[h] == "PROPN" and not _is_body_at(table, h)


def _recent_start(pronoun: Any) -> int:
    """Token index where the sentence RECENT_SENTENCES before the pronoun's begins."""
    table = cue_table(pronoun.doc)
    start = table.sentence(pronoun.i)[0]
    for _ in range(RECENT_SENTENCES):
        if start == 0:
            break
        start = table.sentence(start - 1)[0]
    return start


def _main_clause_subject(token: Any) -> bool:
    """A subject of the sentence's main verb, not of a clause inside it (a reported clause)."""
    verb = token.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return bool(token.dep_ in ("nsubj", "nsubjpass") and verb.dep_ == "ROOT")


def _gender(entity: Entity, text: str) -> str | None:
    """The gender the actors stage's pronoun mentions give an entity ("he", "her"), if any."""
    votes: Counter[str] = Counter()
    for mention in entity.mentions:
        if mention.kind == "pronoun":
            word = text[mention.start : mention.end].lower()
            if word in MALE or word in FEMALE:
                votes["m" if word in MALE else "f"] += 1
    return votes.most_common(1)[0][0] if votes else None


def _named_subject_before(
    pronoun: Any,
    history: list[Spoken],
    since: int | None = None,
    until: int | None = None,
    entities: list[Entity] | None = None,
    mentions: Mentions | None = None,
) -> SpeakerRef | None:
    """The nearest earlier subject that is a named person ("Mayor Ana Costa visited ..."); with
    `since`/`until` (token indices), only main-clause subjects in that range whose gender (from
    the actors stage) does not contradict the pronoun."""
    doc = pronoun.doc
    people = {s.ref.text for s in history if s.is_person}
    lo = max(0, pronoun.i - SUBJECT_LOOKBACK) if since is None else since
    hi = pronoun.i if until is None else until
    wanted = "m" if pronoun.lower_ in MALE else "f" if pronoun.lower_ in FEMALE else None
    dep, titles = cue_table(doc).syntax.dep, lexicon().person_titles
    for i in range(hi - 1, lo - 1, -1):
        if dep[i] not in ("nsubj", "nsubjpass"):
            continue  # no Token is built for the words that are no subject
        token = doc[i]
        if since is not None and not _main_clause_subject(token):
            continue
        start, end, named = phrase_bounds(token)
        # A role noun's name is a person's whatever spaCy labels it ("The EU's commissioner
        # for crisis management, Hadja Lahbib, said").
        titled = token.pos_ == "NOUN" and _has_title(token)
        if named == i and titled:
            # "The EU's ambassador to Moldova, Petra Vukovic, said" parsed with the name hung
            # from "Moldova": the name that ends the role noun's phrase.
            named_at = _name_ending(doc, start, end)
            if named_at is not None:
                start, end, named = named_at
        # only a name standing apart from the role noun ("..., Dr" is no name of its own)
        titled = titled and start > token.idx and doc[named].lower_.rstrip(".") not in titles
        token = doc[named]  # "Qatar's spokesman, Majed al-Ansari, said": the name
        if mentions is not None:
            linked = mentions.at(token.idx, token.idx + len(token.text))
        else:
            linked = _entity_at(entities or [], token.idx, token.idx + len(token.text))
        is_person = linked is not None and linked[0].type in PERSON_TYPES
        name = text_of(doc)[start:end]
        known = token.text[:1].isupper() and any(
            name in person or person in name for person in people
        )
        if token.pos_ != "PROPN" and not is_person and not known:
            continue  # a common noun ("the minister") is left to the coreference
        if linked is not None and wanted is not None:
            gender = _gender(linked[0], text_of(doc))
            if gender is not None and gender != wanted:
                continue
        if token.ent_type_ == "PERSON" or titled or _has_title(token) or known or is_person:
            return SpeakerRef(None, name, start, end)
    return None


def _name_ending(doc: Any, start: int, end: int) -> tuple[int, int, int] | None:
    """(start, end, last token) of the proper name set off by a comma at the end of the phrase
    [start, end), or None."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(span) < 3 or span[-1].pos_ != "PROPN":
        return None
    first = span.end - 1
    while first > span.start and doc[first - 1].pos_ == "PROPN":
        first -= 1
    if first == span.start or doc[first - 1].text != ",":
        return None
    return doc[first].idx, end, span.end - 1


def _body_subject_before(pronoun: Any, mentions: Mentions) -> SpeakerRef | None:
    """The nearest earlier subject in the last sentences that "it" or "they" can stand for:
    a named body, or a plural noun phrase for "they" ("Nurses at the hospital walked out").
    The actors stage's type decides first, then a body noun, then spaCy's label."""
    doc = pronoun.doc
    plural = pronoun.lower_ in ("they", "we")
    table = cue_table(doc)
    sentence_start, dep = table.sentence(pronoun.i)[0], table.syntax.dep
    for i in range(sentence_start - 1, _recent_start(pronoun) - 1, -1):
        if dep[i] not in ("nsubj", "nsubjpass"):
            continue  # no main-clause subject (`_main_clause_subject`): no Token built
        token = doc[i]
        if not _main_clause_subject(token) or token.pos_ == "PRON":
            continue
        linked = mentions.at(token.idx, token.idx + len(token.text))
        if linked is not None:
            body = linked[0].type in GROUP_TYPES
        elif _is_body(token):
            body = True
        elif token.ent_type_ == "PERSON" or _has_title(token):
            continue
        else:
            body = token.ent_type_ in GROUP_TYPES
        if not body and (linked is not None or _has_title(token)):
            continue
        many = token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in token.children)
        if (plural and (many or body)) or (
            not plural and not many and (body or token.pos_ == "PROPN")
        ):
            start, end, _ = phrase_bounds(token)
            return SpeakerRef(None, text_of(doc)[start:end], start, end)
    return None


def _fallback(pronoun: Any, history: list[Spoken], mentions: Mentions) -> SpeakerRef | None:
    """The nearest named person subject before a he/she, or the nearest body subject of the
    last sentences before an it/they; else the most recent compatible speaker, else the
    nearest compatible name before the pronoun."""
    wants_person = pronoun.lower_ in PERSON_PRONOUNS
    subject = (
        _named_subject_before(pronoun, history)
        if wants_person
        else _body_subject_before(pronoun, mentions)
    )
    if subject is not None:
        return subject
    for spoken in reversed(history):
        start = spoken.ref.start
        if spoken.is_person == wants_person and start is not None and start < pronoun.idx:
            return spoken.ref
    labels = PERSON_TYPES if wants_person else GROUP_TYPES
    names = [e for e in pronoun.doc.ents if e.label_ in labels and e.end_char <= pronoun.idx]
    if names:
        name = names[-1]
        return SpeakerRef(None, name.text, name.start_char, name.end_char)
    return None


def resolve_speaker(
    doc: Any,
    bounds: tuple[int, int, int],
    entities: list[Entity],
    history: list[Spoken],
    mentions: Mentions | None = None,
    table: CueTable | None = None,
) -> Spoken:
    """The speaker reference for a phrase, linked to an entity where one matches (`mentions`:
    the document's `Mentions` of `entities`, kept by a caller that resolves many speakers;
    `table`: the Doc's `cue_table`)."""
    if mentions is None or mentions.entities is not entities:
        mentions = Mentions(doc, entities)
    start, end, head_index = bounds
    if table is None:
        table = cue_table(doc)
    words, syntax = table.words, table.syntax
    text = table.text
    found = mentions.at(words.start[head_index], words.end[head_index])
    head_lemma = syntax.lemma[head_index].lower()
    if syntax.pos[head_index] == "PRON":
        return _pronoun(doc[head_index], bounds, found, history, entities, mentions)
    if found is None:
        found = mentions.within(start, end)
    entity_id = found[0].id if found is not None else None
    if entity_id is None and syntax.pos[head_index] == "NOUN":
        # "the ministry" after "Kenya's health ministry": the same speaker, named shorter.
        for spoken in reversed(history):
            if spoken.head_lemma == head_lemma and spoken.ref.entity is not None:
                entity_id = spoken.ref.entity
                break
    ref = SpeakerRef(entity_id, text[start:end], start, end)
    if found is not None:
        return Spoken(ref, found[0].type in PERSON_TYPES, head_lemma)
    return Spoken(ref, _is_person(table, doc, head_index), head_lemma)


def _pronoun(
    head: Any,
    bounds: tuple[int, int, int],
    found: tuple[Entity, Mention] | None,
    history: list[Spoken],
    entities: list[Entity],
    mentions: Mentions,
) -> Spoken:
    """`resolve_speaker` of a pronoun speaker (token `head`)."""
    doc = head.doc
    start, end, _ = bounds
    text = text_of(doc)
    if head.lower_ in PERSON_PRONOUNS:
        # Subject continuity beats recency: in "Okafor asked donors to help Lindqvist. He
        # described ...", "he" is Okafor (whatever the coreference guessed).
        subject = _named_subject_before(
            head,
            history,
            _recent_start(head),
            cue_table(doc).sentence(head.i)[0],
            entities,
            mentions,
        )
        if subject is not None and subject.start is not None and subject.end is not None:
            name = doc.char_span(subject.start, subject.end, alignment_mode="expand")
            root = name.root if name is not None else head
            linked = mentions.at(root.idx, root.idx + len(root.text))
            if linked is None or found is None or linked[0].id != found[0].id:
                entity_id = linked[0].id if linked is not None else None
                ref = SpeakerRef(entity_id, subject.text, subject.start, subject.end)
                return Spoken(ref, True, head.lemma_.lower())
    if found is not None:
        entity, _ = found
        mention = _antecedent(entity, head.idx)
        if mention is not None:
            ref = SpeakerRef(
                entity.id, text[mention.start : mention.end], mention.start, mention.end
            )
        else:
            ref = SpeakerRef(entity.id, entity.name, start, end)
        return Spoken(ref, entity.type in PERSON_TYPES, head.lemma_.lower())
    if head.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
        earlier = _fallback(head, history, mentions)
        if earlier is not None:
            return Spoken(earlier, head.lower_ in PERSON_PRONOUNS, head.lemma_.lower())
    return Spoken(SpeakerRef(None, text[start:end], start, end), False, head.lemma_.lower())
