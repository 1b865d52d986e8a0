"""Country names two countries share: a bare "Congo" is coded by the story's own evidence.

Wire style writes "Congo" for the Democratic Republic of the Congo, the knowledge base's reading
(`kb/data/country_names.tsv`). A story whose other actors are all of the Republic of the Congo
("Brazzaville", "Denis Sassou Nguesso", "Congo-Brazzaville") and none of the DRC means the
smaller one; the name is recoded after every entity has its code, so no stage reaches back.
"""

from __future__ import annotations

from newsgraph.kb.normalize import normalize_name
from newsgraph.model import Entity

SHARED_NAMES: dict[str, tuple[str, str]] = {"congo": ("COD", "COG")}
"""Normalised bare name → (the usual country, the other one)."""


def recode_shared_names(entities: list[Entity]) -> None:
    """Recode entities named only by a shared country name to the other country when the rest of
    the document's actors point to it alone."""
    shared = [e for e in entities if normalize_name(e.name) in SHARED_NAMES]
    if not shared:
        return
    others = {
        e.country for e in entities if e.country and normalize_name(e.name) not in SHARED_NAMES
    }
    for entity in shared:
        usual, other = SHARED_NAMES[normalize_name(entity.name)]
        if entity.country != usual or entity.code != usual:
            continue
        if other in others and usual not in others:
            entity.country = entity.code = other
