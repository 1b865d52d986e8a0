"""Place names inside organisation names, and the wording that marks a name as a place's own.

News names institutions after their place: "University of California", "the Boise Fire
Department", "The Washington Post", "Atlanta Mayor Kasim Reed". NER labels the whole as an
organisation (or a person), but the place inside is a reference to that place. A small town name
inside an organisation counts only when the organisation is plainly local ("<town> Police",
"<town> County Council", "Bank of <country>"), never because a brand shares a town's name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsgraph.gazetteer import Gazetteer
from newsgraph.places.surface import Surface, SurfaceReader, span_reading

EMBEDDING_LABELS = frozenset({"ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT", "PERSON"})
"""Labels of names that may contain a place name: "University of California" (ORG), "New
Brunswick RCMP" (which spaCy's small model calls a PERSON)."""
EMBEDDED_LABEL = "EMBEDDED"
"""Pseudo-label of a place name found inside an organisation-like mention."""
MAX_EMBEDDED_WORDS = 4
"""Longest place name looked for inside a mention ("Bosnia and Herzegovina")."""
INNER_WORD = re.compile(r"[\w.'’&]+")
"""Words of a mention; hyphens separate ("Armenia-Italy Friendship Group")."""
LOCAL_BODIES = frozenset({
    "police", "sheriff", "department", "council", "county", "city", "borough", "municipal",
    "metropolitan", "mayor", "governor", "premier", "legislature", "assembly", "parliament",
    "senate", "court", "courts", "times", "post", "herald", "tribune", "journal", "gazette",
    "chronicle", "examiner", "telegraph", "courier", "star-advertiser", "commission", "board",
    "authority", "institute", "university", "college", "schools", "airport", "hospital",
    "chamber", "chambers", "club", "democrats", "republicans", "rcmp", "diocese",
    "archdiocese", "zoo", "museum", "library", "symphony", "orchestra", "pd", "fc", "afc",
    "athletic", "athletics", "wanderers", "rovers", "albion"
})  # fmt: skip
"""Capitalised words in the name after a place that make it a local body or office of that place
("Boise Fire Department", "Laguna Mayor", "St. Louis Police")."""
LOCAL_PEOPLE = frozenset({
    "residents", "resident", "native", "natives", "police", "mayor", "officials",
    "authorities", "council", "area"
})  # fmt: skip
"""Lower-case words after a place name that make the phrase about it ("Nelson residents")."""
MAX_BODY_WORDS = 3
"""How far into the name the body word may be ("Winnipeg Fire Paramedic Service" is too far)."""
INSTITUTION_OF = re.compile(
    r"\b(?:University|College|Bank|Church|Council|Government|Embassy|Consulate|Ministry|Republic|"
    r"Kingdom|Diocese|Archdiocese|Port|Mayor|Governor|Museum|Institute|Parliament|Court)"
    r"\s+of\s+(?:the\s+)?$"
)
"""An institution named "of" a place: "University of California", "Bank of Japan"."""
FOLLOWING_WORDS = re.compile(rf"^(?:['’]s?)?((?:\s+[\w'’-]+){{1,{MAX_BODY_WORDS}}})")
"""Up to three words after a name, over a possessive ("Nelson's residents")."""
POSSESSIVE = re.compile(r"['’]s?$")


def with_embedded(
    text: str,
    gazetteer: Gazetteer,
    mentions: list[tuple[Surface, str]],
    read: SurfaceReader | None = None,
) -> list[tuple[Surface, str]]:
    """Replace an organisation-like mention the gazetteer lacks by the place names inside it.

    A PERSON mention gives up a place only where the wording marks it ("New Brunswick RCMP");
    otherwise "Paris Hilton" would be a trip to Paris.
    """
    result: list[tuple[Surface, str]] = []
    for surface, label in mentions:
        if label not in EMBEDDING_LABELS or any(gazetteer.has_key(k) for k in surface.keys):
            result.append((surface, label))
            continue
        for inner in inner_names(text, gazetteer, surface, read):
            if label != "PERSON" or names_local_body(text, inner):
                result.append((inner, EMBEDDED_LABEL))
    return result


def inner_names(
    text: str, gazetteer: Gazetteer, surface: Surface, read: SurfaceReader | None = None
) -> list[Surface]:
    """Longest runs of capitalised words inside a mention that name a place, left to right
    (`read`: the document's `SurfaceReader`, if the caller keeps one)."""
    return names_within(text, gazetteer, surface.start, surface.end, surface.text, read)


def names_within(
    text: str,
    gazetteer: Gazetteer,
    start: int,
    end: int,
    name: str,
    read: SurfaceReader | None = None,
) -> list[Surface]:
    """`inner_names` of the mention [start, end) whose trimmed text is `name` (what a surface
    read there has as `text`, `text[start:end]`), for callers that have not read it as a
    surface."""
    if read is None:
        read = SurfaceReader(text)
    found: list[Surface] = []
    for inner_start, inner_end in inner_spans_of(gazetteer, name):
        inner = read(start + inner_start, start + inner_end)
        if inner is not None:  # always: the span has a reading
            found.append(inner)
    return found


@lru_cache(maxsize=1 << 15)
def inner_spans_of(gazetteer: Gazetteer, name: str) -> tuple[tuple[int, int], ...]:
    """Where in `name` its inner place names lie ((start, end) in `name`): a name's own
    characters decide, so each distinct name is read once per process (and gazetteer)."""
    words = [(m.start(), m.end()) for m in INNER_WORD.finditer(name)]
    found: list[tuple[int, int]] = []
    index = 0
    while index < len(words):
        for size in range(min(MAX_EMBEDDED_WORDS, len(words) - index), 0, -1):
            start, end = words[index][0], words[index + size - 1][1]
            # what a surface read there would say: its trimmed text and keys
            reading = span_reading(name[start:end])
            if (
                reading is not None
                and reading.text[:1].isupper()
                and (start + reading.lead, end - reading.cut) != (0, len(name))
                and (
                    gazetteer.has_key(reading.keys[0])
                    or (reading.dotted_key is not None and gazetteer.has_key(reading.dotted_key))
                )
            ):
                found.append((start, end))
                index += size
                break
        else:
            index += 1
    return tuple(found)


def names_local_body(text: str, surface: Surface) -> bool:
    """Whether the words around a name make it a place's: "<name> Police", "University of <name>"."""
    following = FOLLOWING_WORDS.match(text[surface.end : surface.end + 60])
    if following is not None:
        words = following.group(1).split()
        if words[0] in LOCAL_PEOPLE:
            return True
        for word in words:
            if not word[:1].isupper():
                break
            if POSSESSIVE.sub("", word.lower()) in LOCAL_BODIES:
                return True
    return INSTITUTION_OF.search(text[max(0, surface.start - 40) : surface.start]) is not None
