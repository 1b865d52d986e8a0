"""The project's knowledge base: countries, IGOs, armed and political groups, news agencies and
office holders with dated roles, plus the role-noun lexicon. See kb/README.md for the data
formats and the knowledge cut-off."""

from newsgraph.kb.base import KnowledgeBase
from newsgraph.kb.loader import load_kb
from newsgraph.kb.normalize import normalize_name
from newsgraph.kb.petrarch import load_petrarch_actors
from newsgraph.kb.types import Country, KBEntry, KBRole

__all__ = [
    "Country",
    "KBEntry",
    "KBRole",
    "KnowledgeBase",
    "load_kb",
    "load_petrarch_actors",
    "normalize_name",
]
