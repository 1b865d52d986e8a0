"""Within-document resolution of named mentions: one cluster per real-world referent.

Links come from evidence, never from string likeness alone: the same knowledge-base entry, the
same name, an alias the text declares ("formerly known as", "(HTS)"), or a shorter form of a
person's name that agrees on the surname. Jaro-Winkler only proposes spelling variants of the
other words ("Ahmad"/"Ahmed"); two people with different surnames never merge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from rapidfuzz.distance import JaroWinkler

from newsgraph.actors.lexicon import lexicon
from newsgraph.actors.mentions import NameMention, name_tokens
from newsgraph.actors.names import is_title_word, lazy_title_test
from newsgraph.kb import KBEntry
from newsgraph.words import children_of, syntax_of, words_of

VARIANT_SIMILARITY = 0.85
"""Jaro-Winkler above which two given names count as spellings of one name (Ahmad/Ahmed)."""

DECLARED_ALIAS = re.compile(
    r"""^\s*,?\s*(?:\(\s*)?(?:who\s+(?:is|was)\s+)?
    (?:(?:(?:formerly|previously|also|better|widely|once|commonly|otherwise|popularly)\s+)?
       known\s+(?:as|by\s+(?:his|her|its|their|the)\s+(?:nom\s+de\s+guerre|name|alias|pseudonym|moniker))
      |a\.?k\.?a\.?|alias|née|nee|born|formerly|real\s+name)
    \s*,?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""The text between a name and a second name it declares to be the same referent."""

PARENTHESISED = re.compile(r"^\s*\(\s*$")

_ALIAS_START = re.compile(
    r"\s*,?\s*(?:\(\s*)?(?:wh|fo|pr|al|be|bo|wi|on|co|ot|po|kn|a\.?k|n\u00e9|ne|re)", re.IGNORECASE
)
"""The opening of every text `DECLARED_ALIAS` matches (its leading space, comma and parenthesis,
then the first two letters of each of its words), matched with the same flags: a quick test
that rules out most gaps between names ("met with", "and") before the full pattern, which
costs several times more."""


@dataclass(slots=True)
class Cluster:
    mentions: list[NameMention]
    label: str
    kb: KBEntry | None
    declared: set[int] = field(default_factory=set)
    """ids of mentions the text or the knowledge base links by alias, not by name form."""


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) <= 2 or len(b) <= 2:  # an initial: "R." and "Recep"
        return a[:1] == b[:1] and (a.endswith(".") or len(a) == 1 or len(b) == 1)
    return bool(JaroWinkler.similarity(a, b) >= VARIANT_SIMILARITY)


def person_compatible(short: list[str], long: list[str]) -> bool:
    """A shorter person name fits a longer one: same surname, other words matched in order."""
    if not short or not long or len(short) > len(long):
        return False
    if short[-1] != long[-1]:
        return False
    position = 0
    for word in short[:-1]:
        while position < len(long) - 1 and not _same_word(word, long[position]):
            position += 1
        if position >= len(long) - 1:
            return False
        position += 1
    return True


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w not in {"of", "and", "for", "bin", "ibn"})


def _text_aliases(
    text: str, mentions: list[NameMention], uf: _UnionFind, declared: set[int]
) -> None:
    """Link "X, formerly known as Y" and "X (Y)"; never "Paris (France)", a place's context."""
    for i in range(len(mentions) - 1):
        first, second = mentions[i], mentions[i + 1]
        if first.nested or second.nested:
            continue  # an inner name sits inside its neighbour, not beside it
        # the quick test reads the gap where it lies; the gap is cut out only when it passes
        opens = _ALIAS_START.match(text, first.end, max(first.end, second.start)) is not None
        closed = text.startswith(")", second.end)
        if not (opens or closed):
            continue
        between = text[first.end : second.start]
        declared_link = opens and DECLARED_ALIAS.match(between) is not None
        parenthesised = closed and PARENTHESISED.match(between)
        same_actor = first.label == second.label and first.label in {"PERSON", "ORG"}
        if declared_link or (parenthesised and same_actor):
            uf.union(i, i + 1)
            declared.add(id(second))


def resolve(doc: Any, text: str, mentions: list[NameMention]) -> list[Cluster]:
    """Group named mentions into clusters, one per referent, in order of first mention."""
    if not mentions:
        return []
    n = len(mentions)
    uf = _UnionFind(n)
    declared: set[int] = set()
    index = {id(m): i for i, m in enumerate(mentions)}
    tokens = words_of(doc)
    words = [name_tokens(tokens.span_text(m.tstart, m.tend)) for m in mentions]
    by_kb: dict[str, int] = {}
    by_key: dict[tuple[str, str], int] = {}
    _titled_surnames(doc, mentions, words, uf)
    _unlink_namesakes(doc, mentions, words)
    for i, m in enumerate(mentions):
        if m.alias_of is not None and id(m.alias_of) in index:
            uf.union(i, index[id(m.alias_of)])
            declared.add(id(m))
        if m.kb is not None:
            if m.kb.id in by_kb:
                uf.union(i, by_kb[m.kb.id])
            else:
                by_kb[m.kb.id] = i
        key = (" ".join(words[i]), "PERSON" if m.label == "PERSON" else "other")
        if key in by_key:
            uf.union(i, by_key[key])
        else:
            by_key[key] = i
    _text_aliases(text, mentions, uf, declared)
    _link_acronyms(mentions, words, uf)
    _link_partial_people(mentions, words, uf)
    _link_family_names(mentions, words, uf)
    groups: dict[int, list[NameMention]] = {}
    for i, m in enumerate(mentions):
        groups.setdefault(uf.find(i), []).append(m)
    clusters = [_cluster(ms, declared) for ms in groups.values()]
    clusters.sort(key=lambda c: c.mentions[0].start)
    return clusters


RELATION_GENDER = {
    "wife": "f", "widow": "f", "daughter": "f", "mother": "f", "sister": "f", "lady": "f",
    "husband": "m", "widower": "m", "son": "m", "father": "m", "brother": "m",
}  # fmt: skip
"""Relation nouns in apposition to a name ("His wife, Rachel Ruto"): the person's gender."""


def _gender_of(doc: Any, m: NameMention) -> str | None:
    """The gender the words around a name give: a title before it ("Mrs", "Mr") or a relation
    noun it stands in apposition to ("his wife, X", "X, his son")."""
    titles = lexicon().gender_titles
    lower, syntax = words_of(doc).lower, syntax_of(doc)
    first = lower[m.tstart]
    if m.tend - m.tstart > 1 and (first in titles or first.rstrip(".") in titles):
        return titles.get(first) or titles.get(first.rstrip("."))  # "Mrs Owusu-Mensah"
    if m.tstart > 0:
        before = lower[m.tstart - 1]
        if before in titles or before.rstrip(".") in titles:
            return titles.get(before) or titles.get(before.rstrip("."))
    head = m.tend - 1
    governor = lower[syntax.head[head]]
    if syntax.dep[head] == "appos" and governor in RELATION_GENDER:
        return RELATION_GENDER[governor]
    for child in children_of(doc)[head]:  # `Token.children` without Token objects
        if syntax.dep[child] == "appos" and lower[child] in RELATION_GENDER:
            return RELATION_GENDER[lower[child]]
    return None


def _titled_surnames(
    doc: Any,
    mentions: list[NameMention],
    words: list[list[str]],
    uf: _UnionFind,
) -> None:
    """ "Mrs Ruto" after "His wife, Rachel Ruto": a surname under a gender title joins the one
    person of that surname and gender the text has named, not the knowledge base's holder of the
    surname (the president). Without such a person it is left to the other rules."""
    titles = lexicon().gender_titles
    # person names by last word, in text order (a scan of all mentions per titled name was
    # quadratic in long documents); each one's gender is read once
    by_last: dict[str, list[int]] = {}
    for j, other in enumerate(mentions):
        if other.label == "PERSON" and words[j]:
            by_last.setdefault(words[j][-1], []).append(j)
    genders: dict[int, str | None] = {}
    for i, m in enumerate(mentions):
        own = words[i]
        if own and (own[0] in titles or own[0].rstrip(".") in titles):
            own = own[1:]  # the title inside the span: "Mrs Owusu-Mensah"
        size = len(own)
        if m.label != "PERSON" or size == 0:
            continue
        same = {  # fuller names ending in these words ("Owusu-Mensah" of "Abena Owusu-Mensah")
            j
            for j in by_last.get(own[-1], ())
            if j != i and len(words[j]) > size and words[j][-size:] == own
        }
        if not same:  # no fuller name to join: the gender is not read (most names)
            continue
        gender = _gender_of(doc, m)
        if gender is None:
            continue
        for j in same:
            if j not in genders:
                genders[j] = _gender_of(doc, mentions[j])
        fits = [j for j in same if genders[j] == gender]
        if len({" ".join(words[j]) for j in fits}) != 1:
            continue
        target = mentions[fits[0]]
        if m.kb is not None and (target.kb is None or target.kb.id != m.kb.id):
            m.kb = None  # the knowledge base matched the surname only
        uf.union(i, fits[0])


def _entry_forms(entry: KBEntry) -> list[list[str]]:
    """The comparable words of a knowledge-base person's name and listed aliases."""
    return [form for name in (entry.name, *entry.aliases) if (form := name_tokens(name))]


def _names_entry(mention: NameMention, form: list[str], entry: KBEntry) -> bool:
    """Whether a full name in the text is this knowledge-base person: matched to the entry
    itself, or (unmatched) a form of its name or an alias ("E. Macron", "Tayyip Erdogan")."""
    if mention.kb is not None:
        return mention.kb.id == entry.id
    return any(_fits(form, known) for known in _entry_forms(entry))


def _unlink_namesakes(doc: Any, mentions: list[NameMention], words: list[list[str]]) -> None:
    """ "Michel" after "Jean-Robert Michel" is not the knowledge base's Charles Michel: a
    short person name the knowledge base matched only as a surname (or a family name written
    first, "Wang") keeps that match only if the document's full names with that word include
    the entry's person, or if the document gives no full name with it at all (a famous
    surname alone, "Erdogan said") or names the entry by one of its roles' titles ("President
    Biden"). When every such full name is someone else, the match is dropped and the name is left to join its full name like any other surname."""
    by_end: dict[str, list[int]] = {}  # full person names by last and by first word
    by_first: dict[str, list[int]] = {}
    for j, other in enumerate(mentions):
        if other.label == "PERSON" and len(words[j]) > 1 and not is_title_word(words[j][0]):
            by_end.setdefault(words[j][-1], []).append(j)
            by_first.setdefault(words[j][0], []).append(j)
    if not by_end:
        return
    titled: set[tuple[str, str]] | None = None  # read only when a namesake is in question
    for i, m in enumerate(mentions):
        entry, form = m.kb, words[i]
        if entry is None or entry.type != "PERSON" or not form or len(form) > 2:
            continue
        known = _entry_forms(entry)
        if any(form == k for k in known) or all(len(k) <= len(form) for k in known):
            continue  # the entry's own name or alias, not its surname alone
        size = len(form)
        fulls = [j for j in by_end.get(form[-1], ()) if len(words[j]) > size]
        fulls = [j for j in fulls if words[j][-size:] == form]
        if size == 1:
            fulls += [j for j in by_first.get(form[0], ())]
        if not fulls or any(_names_entry(mentions[j], words[j], entry) for j in fulls):
            continue
        titled = titled or _titled_as(doc, mentions, words)
        if (entry.id, form[-1]) not in titled:
            m.kb = None


def _titled_as(
    doc: Any, mentions: list[NameMention], words: list[list[str]]
) -> set[tuple[str, str]]:
    """(entry id, surname) for every knowledge-base person the text names by a title of one
    of the entry's roles and the surname ("President Biden", "Prime Minister Starmer")."""
    title_at, lower = lazy_title_test(doc), words_of(doc).lower
    found: set[tuple[str, str]] = set()
    for i, m in enumerate(mentions):
        entry, before = m.kb, m.tstart - 1
        if entry is None or entry.type != "PERSON" or not words[i] or before < 0:
            continue
        if not title_at(before):
            continue
        title = lower[before].rstrip(".")
        if any(title in role.title.lower().split() for role in entry.roles):
            found.add((entry.id, words[i][-1]))
    return found


def _link_acronyms(mentions: list[NameMention], words: list[list[str]], uf: _UnionFind) -> None:
    """An all-capitals mention whose letters are the initials of one multi-word ORG in the text."""
    # multi-word organisations by initials, read once (not a scan of all mentions per acronym)
    by_initials: dict[str, list[int]] = {}
    for j, other in enumerate(mentions):
        if other.label == "ORG" and len(words[j]) > 1:
            by_initials.setdefault(_initials(words[j]), []).append(j)
    for i, m in enumerate(mentions):
        if len(words[i]) != 1 or m.label != "ORG":
            continue
        acronym = words[i][0].replace(".", "")
        owners = {uf.find(j) for j in by_initials.get(acronym, ())}
        if len(owners) == 1:
            uf.union(i, owners.pop())


Forms = dict[tuple[str, ...], list[int]]
"""A cluster's person mentions by name form (the words of the name)."""


def _candidates(
    root_i: int,
    form_i: tuple[str, ...],
    members: dict[int, Forms],
    fits: dict[tuple[tuple[str, ...], tuple[str, ...]], bool],
    entries: dict[int, KBEntry],
) -> dict[int, list[int]]:
    """The mentions, by cluster, whose fuller name the name `form_i` fits."""
    size = len(form_i)
    candidates: dict[int, list[int]] = {}
    for root, groups in members.items():
        if root == root_i:
            continue
        clash: bool | None = None
        for form, js in groups.items():
            if len(form) < size or (len(form) == size and form == form_i):
                continue
            key = (form_i, form)
            if key not in fits:
                fits[key] = person_compatible(list(form_i), list(form)) or (
                    len(form) == size and person_compatible(list(form), list(form_i))
                )
            if not fits[key]:
                continue
            if clash is None:
                clash = _clashes(members[root_i], groups) or _kb_clashes(
                    entries.get(root_i), entries.get(root), members[root_i], groups
                )
            if clash:
                break  # "Mensah" already joined Abena Mensah: it cannot also be Kwame Mensah
            candidates.setdefault(root, []).extend(js)
    return candidates


def _choose(i: int, candidates: dict[int, list[int]]) -> int:
    """The cluster mentioned most recently before mention i, else the first after it."""
    if len(candidates) == 1:
        return next(iter(candidates))
    before = [
        (max(js_before), root)
        for root, js in candidates.items()
        if (js_before := [j for j in js if j < i])
    ]
    if before:
        return max(before)[1]
    return min((min(js), root) for root, js in candidates.items())[1]


def _link_partial_people(
    mentions: list[NameMention], words: list[list[str]], uf: _UnionFind
) -> None:
    """Attach "Ruto" or "Abiy Ahmed" to the fuller compatible name; if several people
    share the surname, to the one mentioned most recently before (else first after)."""
    people = [i for i, m in enumerate(mentions) if m.label == "PERSON" and words[i]]
    # The people by cluster and name form, kept up to date as mentions are linked: a mention is
    # compared with each form of each cluster once, not with every other mention (that, and
    # the clash test over whole clusters per pair, made long documents cubic).
    forms = {k: tuple(words[k]) for k in people}
    members: dict[int, Forms] = {}
    for k in people:
        members.setdefault(uf.find(k), {}).setdefault(forms[k], []).append(k)
    entries: dict[int, KBEntry] = {}  # the knowledge-base person each cluster is, if any
    for k in people:
        entry = mentions[k].kb
        if entry is not None and entry.type == "PERSON":
            entries.setdefault(uf.find(k), entry)
    fits: dict[tuple[tuple[str, ...], tuple[str, ...]], bool] = {}
    for i in sorted(people, key=lambda k: len(words[k])):
        root_i, form_i = uf.find(i), forms[i]
        candidates = _candidates(root_i, form_i, members, fits, entries)
        if not candidates:
            continue
        target = _choose(i, candidates)
        uf.union(i, target)
        merged = uf.find(i)
        for old in {root_i, target} - {merged}:
            if old in entries:
                entries.setdefault(merged, entries.pop(old))
            for form, js in members.pop(old).items():
                members.setdefault(merged, {}).setdefault(form, []).extend(js)


def _link_family_names(mentions: list[NameMention], words: list[list[str]], uf: _UnionFind) -> None:
    """ "Guo" after "Guo Lihua": a one-word person name that is the first word of an earlier
    full name is that person where the family name comes first (Chinese, Korean, Vietnamese,
    Hungarian usage), the way "Smith" after "John Smith" is. Only where the document names no
    other person whose name starts with that word or ends with it, and the knowledge base has
    not matched the word to someone else; a word the surname rule already linked is left as is."""
    titles = lexicon().gender_titles
    by_first: dict[str, set[int]] = {}  # full names' clusters by first word
    first_seen: dict[str, int] = {}  # where each first word first starts a full name
    last_words: set[str] = set()
    for j, other in enumerate(mentions):
        form = words[j]
        if other.label != "PERSON" or len(form) < 2 or form[0].rstrip(".") in titles:
            continue
        by_first.setdefault(form[0], set()).add(uf.find(j))
        first_seen.setdefault(form[0], other.start)
        last_words.add(form[-1])
    if not by_first:
        return
    for i, m in enumerate(mentions):
        form = words[i]
        if m.label != "PERSON" or len(form) != 1 or m.kb is not None or form[0] in last_words:
            continue  # a knowledge-base match of the word is another person (or already joined)
        owners = by_first.get(form[0])
        if owners is None or len(owners) != 1 or first_seen[form[0]] > m.start:
            continue
        uf.union(i, next(iter(owners)))


def _fits(a: list[str], b: list[str]) -> bool:
    return person_compatible(a, b) or person_compatible(b, a)


def _clashes(mine: Forms, theirs: Forms) -> bool:
    """Linking one cluster of people to another would put two people who share a surname but
    have different given names ("Kwame Mensah", his wife "Abena Mensah") in one cluster."""
    return any(
        not _fits(list(a), list(b)) for a in mine if len(a) > 1 for b in theirs if len(b) > 1
    )


def _kb_clashes(mine: KBEntry | None, theirs: KBEntry | None, my: Forms, their: Forms) -> bool:
    """Linking would give a knowledge-base person's cluster a full name that is not theirs
    ("Hunter Biden" to the cluster of "President Biden", Joe Biden): a namesake."""
    return bool(
        (mine is not None and _other_person(mine, their))
        or (theirs is not None and _other_person(theirs, my))
    )


def _other_person(entry: KBEntry, forms: Forms) -> bool:
    """Whether one of the full names is not a form of the entry's name or aliases."""
    return any(is_namesake(entry, list(form)) for form in forms)


def is_namesake(entry: KBEntry, form: list[str]) -> bool:
    """Whether a full name (its `name_tokens`) is someone other than a knowledge-base person:
    given names that fit none of the entry's name and aliases ("Hunter Biden" for Joe Biden),
    where "E. Macron" and "Tayyip Erdogan" fit. A bare surname or a title and surname ("Mr
    Biden") carries no given name and is no namesake."""
    if len(form) < 2 or is_title_word(form[0]):
        return False
    return not any(_fits(form, known) for known in _entry_forms(entry))


def _most_common(values: list[str]) -> str:
    """`Counter(values).most_common(1)[0][0]`: the most frequent, the first seen of equals."""
    if len(values) == 1:
        return values[0]
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return max(counts.items(), key=lambda item: item[1])[0]


def _cluster(mentions: list[NameMention], declared: set[int]) -> Cluster:
    entries = [m.kb for m in mentions if m.kb is not None]
    entry = None
    if len(entries) == 1:  # the common case, without the vote
        entry = entries[0]
    elif entries:
        kb = _most_common([e.id for e in entries])
        entry = next(e for e in entries if e.id == kb)
    if entry is not None:
        label = entry.type
    else:
        labels = [m.label for m in mentions]
        label = "PERSON" if "PERSON" in labels else _most_common(labels)
    return Cluster(
        sorted(mentions, key=_START),
        label,
        entry,
        # most clusters hold no declared alias: no set of their ids is built for them
        declared & {id(m) for m in mentions} if declared else set(),
    )


_START = attrgetter("start")
"""A mention's first character: the sort key (C-level, not a Python function per mention)."""
