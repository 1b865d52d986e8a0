"""Wikidata identifiers of known actors (kb/data/wikidata.tsv), for the exports' entity ids.

PLOVER asks for the Wikidata item of an entity in `identifier_id` (manual, Table 6.2 note 1),
POLECAT for it in "Wikipedia Actor ID". Only hand-listed identifiers are used; an entity not
in the file gets none rather than a guess.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from newsgraph.kb.normalize import fold

FILE = "data/wikidata.tsv"
FIELDS = 4


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], str]:
    text = resources.files("newsgraph.kb").joinpath(FILE).read_text(encoding="utf-8")
    table: dict[tuple[str, str], str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != FIELDS or not parts[2].startswith("Q"):
            raise ValueError(f"{FILE}: bad line {line!r}")
        kind, key, qid, _label = parts
        table[(kind, key if kind == "country" else fold(key))] = qid
    return table


def qid(name: str | None, entity_type: str | None, code: str | None) -> str | None:
    """The QID of an entity by its canonical name and type, or of a country by its code when
    the entity is the country itself (a GPE coded with a bare country code)."""
    table = _table()
    if entity_type == "PERSON" and name:
        return table.get(("person", fold(name)))
    if entity_type in ("GPE", "country") and code and len(code) == 3:
        return table.get(("country", code))
    if name:
        return table.get(("org", fold(name)))
    return None
