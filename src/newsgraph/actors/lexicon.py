"""The closed word lists of the actors stage (lexicon.json), loaded once."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Lexicon:
    role_heads: dict[str, str]
    """Role words that end a title, with a fallback PLOVER sector."""
    role_modifiers: frozenset[str]
    past_role_markers: frozenset[str]
    group_words: dict[str, str]
    """Adjectives naming a group of states ("Arab") → CAMEO region/identity code ("ARB")."""
    group_heads: frozenset[str]
    gender_titles: dict[str, str]
    pronouns: dict[str, str]
    name_connectors: frozenset[str]
    org_sector_words: dict[str, str]
    civil_body_words: frozenset[str]
    """Words naming an association or committee ("Forum", "Association") → NGO if nothing else."""

    @property
    def max_role_words(self) -> int:
        return max(len(k.split()) for k in self.role_heads)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Read lexicon.json next to this module."""
    raw = json.loads(resources.files(__package__).joinpath("lexicon.json").read_text("utf-8"))
    return Lexicon(
        role_heads=dict(raw["role_heads"]),
        role_modifiers=frozenset(raw["role_modifiers"]),
        past_role_markers=frozenset(raw["past_role_markers"]),
        group_words=dict(raw["group_words"]),
        group_heads=frozenset(raw["group_heads"]),
        gender_titles=dict(raw["gender_titles"]),
        pronouns=dict(raw["pronouns"]),
        name_connectors=frozenset(raw["name_connectors"]),
        org_sector_words=dict(raw["org_sector_words"]),
        civil_body_words=frozenset(raw["civil_body_words"]),
    )
