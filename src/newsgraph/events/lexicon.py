"""The trigger lexicon: which words (and light-verb + object pairs) signal which PLOVER event.

The data lives in `lexicon.tsv` next to this module; see its header for the format. Entries
are curated from the PLOVER and CAMEO manuals' category definitions, never from evaluation
records. A lookup returns every entry a verb could match; `classify` picks the most specific.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsgraph.errors import ResourceError
from newsgraph.model import PLOVER_EVENT_TYPES

LEXICON_FILE = "lexicon.tsv"
NOMINAL_PREFIX = "n:"
OBJECT_MARK = "+"
NO_VALUE = "-"
FIELD_COUNT = 6  # trigger, type, mode, cameo, weight, flags


@dataclass(frozen=True, slots=True)
class Entry:
    """One trigger: a verb lemma with an optional particle/preposition or object set, or a noun."""

    lemma: str
    event_type: str
    mode: str | None
    cameo: str | None
    weight: float
    particle: str | None = None
    objects: frozenset[str] = frozenset()
    nominal: bool = False
    frame: bool = False
    host: bool = False
    reciprocal: bool = False
    verbal: bool = False
    needs_person: bool = False
    """The object must name people or a group ("released prisoners", not "released a statement")."""

    @property
    def specificity(self) -> int:
        """More specific entries (object or particle required) win over a bare lemma."""
        return (2 if self.objects else 0) + (1 if self.particle else 0)


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, tuple[Entry, ...]]
    nouns: dict[str, Entry]


def parse_line(line: str, number: int) -> Entry:
    """Read one TSV row; the error names the line so the data file can be fixed."""
    parts = line.rstrip("\n").split("\t")
    if len(parts) != FIELD_COUNT:
        raise ResourceError(
            f"{LEXICON_FILE} line {number}: expected {FIELD_COUNT} tab-separated fields"
        )
    trigger, event_type, mode, cameo, weight, flags = parts
    if event_type not in PLOVER_EVENT_TYPES:
        raise ResourceError(f"{LEXICON_FILE} line {number}: unknown PLOVER type {event_type!r}")
    flag_set = set(flags.split(",")) if flags else set()
    nominal = trigger.startswith(NOMINAL_PREFIX)
    words = trigger[len(NOMINAL_PREFIX) :].split() if nominal else trigger.split()
    objects: frozenset[str] = frozenset()
    if words and words[-1].startswith(OBJECT_MARK):
        objects = frozenset(words.pop()[len(OBJECT_MARK) :].split("|"))
    return Entry(
        lemma=words[0],
        event_type=event_type,
        mode=None if mode == NO_VALUE else mode,
        cameo=None if cameo == NO_VALUE else cameo,
        weight=float(weight),
        particle=words[1] if len(words) > 1 else None,
        objects=objects,
        nominal=nominal,
        frame="frame" in flag_set,
        host="host" in flag_set,
        reciprocal="recip" in flag_set,
        verbal="verbal" in flag_set,
        needs_person="person" in flag_set,
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load the packaged lexicon once per process."""
    text = resources.files("newsgraph.events").joinpath(LEXICON_FILE).read_text(encoding="utf-8")
    verbs: dict[str, list[Entry]] = {}
    nouns: dict[str, Entry] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        entry = parse_line(line, number)
        if entry.nominal:
            nouns[entry.lemma] = entry
        else:
            verbs.setdefault(entry.lemma, []).append(entry)
    ordered = {
        lemma: tuple(sorted(entries, key=lambda e: -e.specificity))
        for lemma, entries in verbs.items()
    }
    return Lexicon(verbs=ordered, nouns=nouns)
