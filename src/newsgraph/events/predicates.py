"""Questions the event rules ask of a dependency parse, one small function each.

Each takes spaCy tokens and answers from the parse alone (labels, heads, lemmas and the word
classes of `word_classes.txt`): which clause a framing verb governs, whether a clause is a
condition or a purpose, what a proposal proposes, which subject a pronoun stands for. They hold
no coding decisions (those are in `extract`), so each is tested on a hand-built parse.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from newsgraph.events import arguments as args
from newsgraph.events.words import word_class
from newsgraph.times.tree import Tree, tree_of
from newsgraph.words import syntax_of

COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "advcl"})
COMPLEMENT_PREPS = word_class("complement_preps")
CONDITION_MARKS = word_class("condition_marks")
"""A clause these open states a condition ("unless Baghdad accepted"), not an event."""
PROPOSAL_COMPLEMENT_DEPS = frozenset({"acl", "relcl", "xcomp"})
NOMINAL_GOVERNORS = word_class("nominal_governors")
"""Verbs that report a nominal event with their subject as actor ("is in talks with")."""
OBLIGATION_AUX = word_class("obligation_aux")
PRONOUN_SUBJECTS = word_class("pronoun_subjects")
VIOLENT_MEANS = word_class("violent_means")
QUALIFYING_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
HEADLINE_PASSIVES = word_class("headline_passives")
COLLECTIVE_NOUNS = word_class("collective_nouns")
CYBER_TARGETS = word_class("cyber_targets")
ACCIDENT_NOUNS = word_class("accident_nouns")
RECEIVING_VERBS = word_class("receiving_verbs")
HARM_VERBS = word_class("harm_verbs")
FUNDED_THINGS = word_class("funded_things")
WORK_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})
DECREASE_VERBS = word_class("decrease_verbs")
MEDIA_NOUNS = word_class("media_nouns")
MAX_BINDING_CLIMB = 4  # links between a pronoun and the clause whose subject binds it


def top_down(tokens: list[Any]) -> list[Any]:
    """Tokens ordered from the root down (depth in the parse), computed once per sentence."""
    if not tokens:
        return []
    doc = tokens[0].doc
    positions = [t.i for t in tokens]
    return [doc[i] for i in top_down_positions(syntax_of(doc).head, positions, positions)]


def top_down_positions(
    heads: Sequence[int], positions: Sequence[int], candidates: Iterable[int]
) -> list[int]:
    """The candidates among a sentence's token numbers (`positions`, numbered as the Doc's
    `heads` array numbers them) ordered as `top_down` orders its tokens: by depth below the
    sentence's roots (a token whose head lies outside the sentence is a root), equal depths
    in text order (candidates come in text order)."""
    inside = positions if isinstance(positions, range) else set(positions)
    depth: dict[int, int] = {}
    limit = len(positions)
    order = []
    for n, i in enumerate(candidates):
        path: list[int] = []
        current = i
        while current not in depth and heads[current] != current and len(path) < limit:
            path.append(current)
            current = heads[current]
            if current not in inside:  # a head outside the sentence: the last step is a root
                current = path.pop()
                break
        base = depth.get(current)
        if base is None:
            base = depth[current] = 0
        for step, node in enumerate(reversed(path), start=1):
            depth[node] = base + step
        order.append((depth[i], n, i))
    order.sort()
    return [i for _, _, i in order]


def has_to_infinitive(verb: Any) -> bool:
    return _has_to_infinitive(tree_of(verb.doc), verb.i)


def _has_to_infinitive(tree: Tree, verb: int) -> bool:
    """`has_to_infinitive` over token numbers."""
    dep, lower = tree.dep, tree.lower
    return any(dep[c] == "aux" and lower[c] == "to" for c in tree.children[verb])


def complement(trigger: Any) -> Any | None:
    """The event a framing verb governs: its clause, or the object of "call for" (read from
    the Doc's lists: a Token object only for the answer)."""
    doc = trigger.doc
    tree = tree_of(doc)
    dep, pos, children = tree.dep, tree.pos, tree.children
    kids = children[trigger.i]
    for child in kids:
        if dep[child] in COMPLEMENT_DEPS and pos[child] in ("VERB", "AUX"):
            if dep[child] == "advcl" and not _has_to_infinitive(tree, child):
                continue
            return doc[_hyphen_tail(tree, child)]
    for child in kids:
        if dep[child] == "prep" and tree.lower[child] in COMPLEMENT_PREPS:
            for pobj in children[child]:
                if dep[pobj] in ("pobj", "pcomp"):
                    return doc[pobj]
        if dep[child] in ("dobj", "obj") and pos[child] == "NOUN":
            return doc[child]
    return None


def hyphen_tail(verb: Any) -> Any:
    """ "agreed to re-open": the parser splits the verb at the hyphen; its last piece carries
    the objects."""
    return verb.doc[_hyphen_tail(tree_of(verb.doc), verb.i)]


def _hyphen_tail(tree: Tree, verb: int) -> int:
    """`hyphen_tail` over token numbers."""
    text, head, n = tree.text, tree.head, len(tree)
    while verb + 2 < n and text[verb + 1] == "-" and head[verb + 2] == head[verb]:
        verb += 2
    return verb


def complement_nouns(trigger: Any) -> list[Any]:
    """Nouns a framing verb governs through a preposition ("insisted on its demand")."""
    doc = trigger.doc
    tree = tree_of(doc)  # the Doc's lists: Token objects only for the nouns found
    dep, lower, children = tree.dep, tree.lower, tree.children
    return [
        doc[noun]
        for child in children[trigger.i]
        if dep[child] == "prep" and lower[child] in COMPLEMENT_PREPS
        for noun in children[child]
        if dep[noun] == "pobj"
    ]


def is_condition(token: Any) -> bool:
    """ "... unless Baghdad accepted its conditions": the condition of a threat or promise."""
    return token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in token.children
    )


def proposed(noun: Any) -> list[int]:
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


def is_infinitive_clause(token: Any) -> bool:
    """An adverbial "to" clause ("led a delegation *to discuss* trade")."""
    return token.dep_ == "advcl" and has_to_infinitive(token)


def demanded_clause(token: Any) -> Any | None:
    """A reported clause saying an actor must act ("said Israel must withdraw"), or None."""
    doc = token.doc
    tree = tree_of(doc)
    dep, lower, children = tree.dep, tree.lower, tree.children
    for child in children[token.i]:
        if (
            dep[child] == "ccomp"
            and any(dep[c] == "aux" and lower[c] in OBLIGATION_AUX for c in children[child])
            and any(
                dep[c] == "nsubj" and args.actor_like(tree, args.labels_of(doc), c)
                for c in children[child]
            )
        ):
            return doc[child]
    return None


def party_count(actors: list[Any]) -> int:
    """Parties in the actor phrases: "French and Egyptian warships" are two."""
    count = 0
    for actor in actors:
        nationalities = [
            c for c in actor.subtree if c.ent_type_ in ("NORP", "GPE") and c.i < actor.i
        ]
        count += max(1, len(nationalities))
    return count


def condition_subjects(token: Any) -> list[Any]:
    """ "threatened to strike unless Baghdad accepted ...": an ultimatum addresses whoever must
    meet its condition."""
    for clause in [token, *(c for c in token.children if c.dep_ in COMPLEMENT_DEPS)]:
        for child in clause.children:
            if child.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in child.children):
                return [c for c in child.children if c.dep_ == "nsubj" and args.is_actor_like(c)]
    return []


def nominal_governor(noun: Any) -> Any | None:
    """The light verb that reports a nominal event ("is in talks", "engaged in fighting")."""
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ in ("pobj", "dobj", "attr") and governor.lemma_.lower() in NOMINAL_GOVERNORS:
        return governor
    return None


def bound_subjects(pronoun: Any) -> list[Any]:
    """ "X visited Ankara, where he met ...", "X and Y held talks after their meeting": a pronoun
    in a dependent clause or a possessive stands for the governing clause's subject."""
    if tree_of(pronoun.doc).lower[pronoun.i] not in PRONOUN_SUBJECTS:
        return [pronoun]  # most heads (read from the Doc's lists, no Token attribute)
    if not (pronoun.dep_ in ("nsubj", "nsubjpass") or args.is_possessor(pronoun)):
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


def is_thing(head: Any) -> bool:
    """A common noun that names no one who could act: "surface ozone", "the taxes", "a crane".

    Not a thing: names, pronouns, numbers, actor nouns ("the army", "protesters"), nouns
    qualified by a name or nationality ("US Predator attacks"), a number or body of actors ("a
    deployment of NATO troops"; "hundreds of vendors" is decided by "vendors"), and the means of
    violence, which stand for an unnamed
    attacker ("a roadside bomb killed ...").
    """
    doc = head.doc  # read from the Doc's lists: this runs for every actor and recipient head
    tree, labels = tree_of(doc), args.labels_of(doc)
    token, dep, pos, ent_type = head.i, tree.dep, tree.pos, labels.ent_type
    lemma, lower = tree.lemma_lower(token), tree.lower[token]
    if lemma in ACCIDENT_NOUNS or lower in ACCIDENT_NOUNS:
        return True  # "Footbridge collapse kills six"
    if pos[token] != "NOUN" or ent_type[token] or labels.like_num[token]:
        return False
    if lemma in args.ACTOR_NOUNS or lower in args.ACTOR_NOUNS or lemma in VIOLENT_MEANS:
        return False
    for child in tree.children[token]:
        if dep[child] in QUALIFYING_DEPS and (
            ent_type[child] in args.ACTOR_ENT_LABELS
            or (pos[child] == "PROPN" and ent_type[child] not in args.PLACE_LIKE_LABELS)
        ):
            return False  # "US Predator attacks", not "Arctic sea ice"
        if dep[child] == "compound" and tree.lemma_lower(child) in VIOLENT_MEANS:
            return False
        if (  # "a deployment of NATO troops"
            lemma in COLLECTIVE_NOUNS
            and dep[child] == "prep"
            and tree.lower[child] == "of"
            and any(
                dep[p] == "pobj" and args.actor_like(tree, labels, p) for p in tree.children[child]
            )
        ):
            return False
    return True


def is_headline_passive(trigger: Any) -> bool:
    """ "Parents prosecuted after ...": a headline's past participle without "was", read by the
    parser as an active past tense with the sufferer as subject."""
    tree = tree_of(trigger.doc)
    token, dep = trigger.i, tree.dep
    return (
        tree.tag[token] in ("VBD", "VBN")
        and tree.lemma_lower(token) in HEADLINE_PASSIVES
        and any(dep[c] == "nsubj" for c in tree.children[token])
        and not any(dep[c] in ("dobj", "obj", "aux", "auxpass") for c in tree.children[token])
    )


def aims_at_computers(trigger: Any, object_token: Any | None) -> bool:
    """ "attacked the ministry's website", "an attack on government servers": the target (the
    object, or a "on"/"against" phrase) is a computer system."""
    tree = tree_of(trigger.doc)  # the Doc's lists: no Token object per child
    dep, lower, children, i = tree.dep, tree.lower, tree.children, trigger.i
    kids = children[i]
    targets = [c for c in kids if dep[c] in ("dobj", "obj", "nsubjpass")]
    aims = ("on", "against") if tree.pos[i] == "NOUN" else ("against",)  # "on a website": where
    targets += [
        p
        for c in kids
        if dep[c] == "prep" and lower[c] in aims
        for p in children[c]
        if dep[p] == "pobj"
    ]
    if dep[i] == "compound":  # "a website attack"
        targets.append(tree.head[i])
    if object_token is not None:
        targets.append(object_token.i)
    return any(
        tree.lemma_lower(t) in CYBER_TARGETS
        or any(dep[c] == "compound" and tree.lemma_lower(c) in CYBER_TARGETS for c in children[t])
        for t in targets
    )


def is_media(head: Any) -> bool:
    """ "the magazine", "Freedom Magazine", "an editorial": a publication or broadcast."""
    words = [head.lemma_.lower(), head.lower_]
    words += [c.lower_ for c in head.children if c.dep_ == "compound"]
    return bool(set(words) & MEDIA_NOUNS) or head.ent_type_ == "WORK_OF_ART"


def thing_object(trigger: Any) -> bool:
    """ "shoot her new outfit", "hit the ball": the direct object names no one and nothing that
    could be attacked (actor nouns cover places and assets: "the border", "an army base")."""
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    if aims_at_computers(trigger, None):
        return False  # "attacked the websites": a cyber attack, coded by its target
    return bool(objects) and all(is_thing(o) for o in objects)


def is_decrease(trigger: Any) -> bool:
    """ "exports declined": a decline without object or infinitive is a fall, not a refusal."""
    return trigger.lemma_.lower() in DECREASE_VERBS and not any(
        c.dep_ in ("dobj", "obj", "xcomp", "ccomp") for c in trigger.children
    )


def received_object(trigger: Any) -> Any | None:
    """ "X received support ...": the object of a receiving verb (whose giver is elsewhere)."""
    if trigger.lemma_.lower() not in RECEIVING_VERBS:
        return None
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN"]
    return objects[0] if objects else None


def givers(trigger: Any, noun: Any) -> list[Any]:
    """Who the "from" phrase of a receiving verb or its object names, with "ranging from X to
    Y" and coordinated names: "support from X and Y", "support ranging from X to Y", "from X and
    from Y"."""
    found: list[Any] = []
    for holder in [trigger, noun, *(c for c in noun.children if c.dep_ in ("acl", "advcl"))]:
        froms = [c for c in holder.children if c.dep_ == "prep" and c.lower_ == "from"]
        froms += [c for f in froms for c in f.children if c.dep_ == "conj" and c.lower_ == "from"]
        for prep in froms:
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    found += args.expand_conjuncts(pobj)
                    found += _to_phrase(pobj)  # "from X to Y"
        if froms and holder is not trigger:
            found += _to_phrase(holder)  # "ranging from X to Y": "to" hangs on the verb
    return [t for t in dict.fromkeys(found) if args.is_actor_like(t)]


def in_restrictive_clause(trigger: Any) -> bool:
    """ "companies that are accused of ...", "banks that fund the army": the trigger describes a
    kind of thing (a restrictive relative clause in the present on a common noun); it reports no
    event. A clause set off by a comma ("Kenya, which sent troops, ..."), on a name, or in the
    past ("the soldiers who attacked the village") does report one, and so does a participial
    clause ("demonstrators protesting election results")."""
    tree = tree_of(trigger.doc)  # the climb over the parse as lists: it runs for every trigger
    dep, head = tree.dep, tree.head
    current = trigger.i
    for _ in range(MAX_BINDING_CLIMB):
        if dep[current] == "relcl" and head[current] != current:
            return _restrictive(trigger.doc[current])
        if dep[current] not in ("xcomp", "advcl", "conj", "ccomp", "prep", "pcomp", "pobj"):
            return False
        current = head[current]
    return False


def _restrictive(clause: Any) -> bool:
    """A relative clause that restricts a common noun to a kind (see `in_restrictive_clause`)."""
    noun = clause.head
    if noun.pos_ != "NOUN" or noun.ent_type_:
        return False
    between = noun.doc[min(noun.i, clause.left_edge.i) : clause.left_edge.i]
    if any(t.text in (",", "(", "—", "–") for t in between):
        return False
    # a kind described by what it does ("banks that fund"), not a past act
    return clause.tag_ in ("VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in clause.children
    )


def violence_named(trigger: Any) -> bool:
    """ "killed in an air strike", "died when a bomb exploded": the clause of a harm verb names
    the means of violence, so an unnamed attacker is implied (unlike "killed when a hotel
    collapsed", "killed in a crane collapse"). Other violent verbs ("assassinate") always do."""
    if trigger.lemma_.lower() not in HARM_VERBS:
        return True
    clause = trigger.head if trigger.dep_ in ("conj", "xcomp") else trigger
    for token in clause.subtree:
        if token.i != trigger.i and token.lemma_.lower() in VIOLENT_MEANS:
            return not any(
                c.dep_ == "compound" and c.lemma_.lower() in ACCIDENT_NOUNS for c in token.children
            )
    return False


def _to_phrase(token: Any) -> list[Any]:
    return [
        t
        for p in token.children
        if p.dep_ == "prep" and p.lower_ == "to"
        for o in p.children
        if o.dep_ == "pobj"
        for t in args.expand_conjuncts(o)
    ]


def characterisation(verb: Any) -> list[Any]:
    """The words that characterise the object of "call", "describe as", "brand": the second
    complement ("called the vote a sham"), the "as" phrase ("described it as a provocation"),
    or a quote that follows the object in the same sentence ("called the ruling 'dangerous'")."""
    words: list[Any] = []
    objects = {c.i for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")}
    for child in verb.children:
        if child.dep_ in ("oprd", "xcomp", "attr", "acomp", "ccomp") or (
            child.dep_ == "prep" and child.lower_ == "as"
        ):
            words += list(child.subtree)
        elif any(g.lower_ == "as" and g.i < child.i for g in child.children):
            words.append(child)  # "described the rescuers as heroic" (parsed as an adverb)
        elif child.dep_ in ("dobj", "obj") and len(objects) == 1:
            # "called the raid "a shameful provocation"": the parser may hang the quoted words
            # on the object
            words += [
                t for c in child.children if c.dep_ in ("appos", "npadvmod") for t in c.subtree
            ]
    if not words:  # a quoted characterisation right after the object
        sentence = verb.sent
        after = [t for t in sentence if t.i > verb.i]
        quoted = False
        for token in after:
            if token.is_quote:
                if quoted:
                    break
                quoted = True
            elif quoted:
                words.append(token)
    return words


def supports_funded_work(trigger: Any) -> bool:
    """ "supported the study", "the project was supported by": the patient is funded work."""
    patients = [c for c in trigger.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    return any(p.lemma_.lower() in FUNDED_THINGS for p in patients)


def names_a_work(token: Any) -> bool:
    """ "a demonstration of Batman: Arkham VR": a title or product, not a group of people."""
    return token.ent_type_ in WORK_LABELS or (
        token.pos_ == "PROPN"
        and not token.ent_type_
        and token.lemma_.lower() not in args.ACTOR_NOUNS
    )
