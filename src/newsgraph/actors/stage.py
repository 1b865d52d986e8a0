"""The actors stage: named mentions → entities with roles, codes, nominal and pronoun mentions."""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import TYPE_CHECKING

from newsgraph.actors.coding import code_entity, compose_code, rebel_force
from newsgraph.actors.context import (
    code_bloc_seats,
    code_entities,
    find_context,
    ministry_diagnostics,
)
from newsgraph.actors.coref import resolve_nominals, resolve_pronouns
from newsgraph.actors.mentions import NameMention, find_mentions, name_tokens
from newsgraph.actors.resolve import Cluster, person_compatible, resolve
from newsgraph.actors.roles import TextRole, text_roles
from newsgraph.actors.shared_names import recode_shared_names
from newsgraph.annotate import parsed_doc
from newsgraph.kb import KnowledgeBase, load_kb
from newsgraph.model import Analysis, Diagnostic, Entity, Mention, MentionKind
from newsgraph.words import Syntax, syntax_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})
"""Dependencies in which a capital acts as its government ("Ankara said", "Moscow's offer")."""

_START = attrgetter("start")
"""A mention's first character: the sort key (C-level, not a Python function per mention)."""

MODIFIER_DEPS = frozenset({"amod", "compound"})
"""A group word used only as a modifier ("Turkish officials") is not an entity of its own."""


def _span_text(analysis: Analysis, m: NameMention) -> str:
    return analysis.text[m.start : m.end]


def _canonical(analysis: Analysis, cluster: Cluster) -> str:
    if cluster.kb is not None:
        return cluster.kb.name
    names = cluster.mentions
    if cluster.declared:  # most clusters declare no alias
        names = [m for m in names if id(m) not in cluster.declared] or names
    if len(names) == 1:  # most clusters: nothing to choose from
        return _span_text(analysis, names[0])
    best = max(names, key=lambda m: (len(name_tokens(_span_text(analysis, m))), -m.start))
    return _span_text(analysis, best)


def _kind(
    text: str, m: NameMention, cluster: Cluster, name: str, name_words: list[str]
) -> MentionKind:
    """How the mention (its text) names the entity (its name, and the name's words)."""
    if m.nested:
        return "nested"
    if text.isupper() and len(text) <= 8 and len(name) > len(text) + 2:
        return "acronym"
    if id(m) in cluster.declared:
        return "alias"
    if text == name:  # the same words, read without splitting the name again
        return "name"
    words = name_tokens(text)
    if words == name_words or person_compatible(words, name_words):
        return "name"
    return "name" if cluster.label != "PERSON" else "alias"


def _is_modifier(syntax: Syntax, i: int) -> bool:
    if syntax.dep[i] == "conj":
        return _is_modifier(syntax, syntax.head[i])
    return syntax.dep[i] in MODIFIER_DEPS or syntax.pos[i] == "ADJ"


def _is_modifier_only(doc: Doc, cluster: Cluster) -> bool:
    syntax = syntax_of(doc)
    return all(_is_modifier(syntax, m.tend - 1) for m in cluster.mentions)


def _acts(doc: Doc, cluster: Cluster) -> bool:
    dep = syntax_of(doc).dep
    return any(dep[m.tend - 1] in ACTING_DEPS for m in cluster.mentions)


def _build(analysis: Analysis, cluster: Cluster, kb: KnowledgeBase) -> Entity:
    name = _canonical(analysis, cluster)
    entity = Entity(id="", name=name, type=cluster.label)
    surfaces: list[str] = []
    name_words = name_tokens(name)  # once per entity, not once per mention
    for m in cluster.mentions:
        text = analysis.text[m.start : m.end]
        entity.mentions.append(Mention(m.start, m.end, _kind(text, m, cluster, name, name_words)))
        if text != name and text not in surfaces:
            surfaces.append(text)
    entity.aliases = surfaces
    roles: list[TextRole] = []
    if cluster.label == "PERSON":
        for m in cluster.mentions:
            roles += text_roles(analysis.doc, analysis.text, m, kb)
    if roles:  # most entities have none (only people are given roles)
        entity.titles = list(dict.fromkeys([r.title for r in roles]))
    code_entity(entity, cluster, roles, kb, analysis.document.published)
    if (
        entity.type == "ORG"
        and entity.kb_id is None
        and entity.sector in {"MIL", "PRM", None}
        and rebel_force(analysis.text, entity)
    ):
        entity.sector, entity.coding_source = "REB", "text"
        entity.code = compose_code(entity.country, entity.sector)
    if (
        entity.coding_source == "capital"
        and entity.country
        and _acts(parsed_doc(analysis, "actors"), cluster)
    ):
        entity.sector, entity.coding_source = "GOV", "metonym"
        entity.code = compose_code(entity.country, entity.sector)
    return entity


class ActorStage:
    """Find, resolve and code the actors of a document; fills `analysis.entities`."""

    name = "actors"
    requires = frozenset({"doc", "sentences", "document"})
    provides = frozenset({"entities"})

    def __init__(self, kb_paths: Sequence[str] = ()) -> None:
        self.kb_paths = tuple(kb_paths)

    @property
    def kb(self) -> KnowledgeBase:
        return load_kb(self.kb_paths)

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = parsed_doc(analysis, self.name)
        kb = self.kb
        clusters = resolve(doc, analysis.text, find_mentions(analysis, kb))
        entities = [
            _build(analysis, c, kb)
            for c in clusters
            if not (c.label == "NORP" and _is_modifier_only(doc, c))
        ]
        resolve_nominals(analysis, entities, kb)
        resolve_pronouns(analysis, entities)
        context = find_context(analysis, entities, kb)
        analysis.country_context = context
        if context is not None:
            message = f"{context.country} from the {context.source}: {context.evidence}"
            analysis.diagnostics.append(Diagnostic("actors", "country_context", message))
        code_entities(analysis, entities, context, kb)
        ministry_diagnostics(analysis, entities, kb)
        code_bloc_seats(entities)
        recode_shared_names(entities)
        for entity in entities:
            entity.mentions.sort(key=_START)
        entities.sort(key=lambda e: e.mentions[0].start)
        for number, entity in enumerate(entities, start=1):
            entity.id = f"E{number}"
        analysis.entities = entities
        return analysis
