"""The analysis record and the typed parts it is made of.

One `Analysis` flows one way through the stages (ingest → annotate → actors → time → places →
quotes → events → event dating → store). Each stage fills only its own fields. Every span is a
pair of character offsets into `Analysis.text`; text is never copied into a span, the exporter
slices it (`newsgraph.export.record.to_record`). Records point to each other by ID ("E1", "P1",
"T1"), never by holding Python objects, so they serialise as they are.

The JSON shape is fixed by docs/schema.md (the output contract); the JSON Schema that every emitted
record is checked against lives in `newsgraph/schema/analysis.schema.json`.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, get_args

if TYPE_CHECKING:  # spaCy is imported with the model, not with newsgraph
    from spacy.tokens import Doc

Section = Literal["title", "subtitle", "caption", "body", "heading", "note"]
"""Where an evidence sentence stands. Only these sections are analysed for events and quotes."""

BlockRole = Literal[
    "title",
    "subtitle",
    "caption",
    "credit",
    "byline",
    "dateline",
    "heading",
    "note",
    "removed",
    "body",
]
"""The role of one block of the input as the layout reader sees it."""

PublishedSource = Literal["input", "metadata", "dateline", "inferred", "none"]
EntityType = Literal[
    "PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "OTHER"
]
MentionKind = Literal["name", "alias", "nominal", "pronoun", "acronym", "nested"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
Precision = Literal["day", "week", "month", "quarter", "year", "decade", "century"]
DateSource = Literal["text", "discourse", "publication"]
LocationPrecision = Literal["point", "city", "admin1", "country"]
LocationSource = Literal["clause", "paragraph", "dateline"]
"""What placed an event: its own clause, the place its paragraph is set in ("In Kharkiv, ..."),
or the wire dateline of the story's opening paragraphs."""
PlaceFeature = Literal["country", "admin1", "city", "region", "other"]
Modality = Literal["asserted", "future", "intended", "hypothetical", "negated"]
QuoteKind = Literal["direct", "partial", "indirect"]

EventType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
"""The 16 PLOVER event types."""

PLOVER_EVENT_TYPES: tuple[EventType, ...] = get_args(EventType)


def as_event_type(value: str) -> EventType:
    """A PLOVER event type read from data (a lexicon, a crosswalk, a store row), checked."""
    for event_type in PLOVER_EVENT_TYPES:
        if value == event_type:
            return event_type
    raise ValueError(f"{value!r} is not a PLOVER event type; expected one of {PLOVER_EVENT_TYPES}")


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range of character offsets into `Analysis.text`."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


# --- document layout -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Block:
    """One line or paragraph of the input with the role the layout reader gave it."""

    start: int
    end: int
    role: BlockRole
    reason: str | None = None  # why a block was removed ("player residue", "duplicate", ...)


@dataclass(frozen=True, slots=True)
class Caption:
    start: int
    end: int
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class Removed:
    start: int
    end: int
    reason: str


@dataclass(slots=True)
class DocumentInfo:
    """What the layout reader learned about the document (the record's `document` object)."""

    title: str | None = None
    title_span: Span | None = None
    subtitle: str | None = None
    subtitle_span: Span | None = None
    authors: list[str] = field(default_factory=list)
    published: dt.date | None = None
    published_source: PublishedSource = "none"
    language: str = "en"
    captions: list[Caption] = field(default_factory=list)
    headings: list[Span] = field(default_factory=list)
    notes: list[Span] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    body: list[Span] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    """Every block in text order, with its role; annotate splits sentences inside blocks."""
    dateline: Span | None = None
    """A wire dateline opening the first body paragraph ("TBILISI, Georgia (AP) — "): where
    the story was filed, not part of the first sentence."""


@dataclass(frozen=True, slots=True)
class Source:
    path: str | None = None
    url: str | None = None
    publisher: str | None = None
    sha256: str = ""


# --- annotation --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence inside one block; sentences never cross block boundaries."""

    start: int
    end: int
    section: Section
    paragraph: int
    """Which block (paragraph) it belongs to: sentences with the same number share a paragraph.
    Numbers follow the layout's blocks in text order (a dateline counts as a block of its own)."""


# --- actors ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    kind: MentionKind = "name"


@dataclass(frozen=True, slots=True)
class Role:
    """A role an actor holds, from the text or the knowledge base, with its date window."""

    title: str
    country: str | None
    sector: str | None
    start: dt.date | None = None
    end: dt.date | None = None
    source: Literal["text", "kb", "dictionary", "user"] = "text"


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    titles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    coding_source: str | None = None
    """Where the country/sector coding came from: "text", "kb", "dictionary", "demonym", ..."""
    kb_id: str | None = None
    roles: list[Role] = field(default_factory=list)
    is_source_agency: bool = False
    """News and photo agencies (Reuters, AFP, Getty, ...) are sources, never actors."""


# --- time --------------------------------------------------------------------------------------


@dataclass(slots=True)
class TimeExpr:
    id: str
    start: int
    end: int
    type: TimeType
    value: str | None
    """TIMEX3 value ("2025-02-04", "2025-W05", "2024", "P3D", "PRESENT_REF"), None if unresolved."""
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER, ...
    anchor_text: str | None = None
    """For event-anchored expressions ("a day before the visit"): the anchor phrase."""
    anchor_offset: str | None = None
    """Signed ISO duration from the anchor ("-P1D"), or "AFTER"/"BEFORE" when open-ended."""
    anchor_span: Span | None = None


# --- places ------------------------------------------------------------------------------------


@dataclass(slots=True)
class Place:
    id: str
    start: int
    end: int
    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str | None
    feature: PlaceFeature
    admin1: str | None = None
    region: str | None = None
    """A qualifier such as "northwestern" when the text names a part of the place."""
    population: int | None = None
    adjectival: bool = False
    """True for a demonym or adjective that names the place ("Russian", "Syrian"): a reference to
    the place, never an event location."""


# --- quotes ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpeakerRef:
    entity: str | None
    text: str
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Quote:
    id: str
    start: int
    end: int
    kind: QuoteKind
    speaker: SpeakerRef | None = None
    cue: str | None = None
    via: str | None = None
    cue_start: int | None = None
    """Offset of the cue word (for the events stage: its lemma, its flags in the shared
    speech-verb list); not exported. None for a continuation paragraph or a credit."""


# --- events ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Participant:
    entity: str | None
    start: int
    end: int
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    country_source: str | None = None
    """ "dateline" or "document" when the country is the document's own (actors.context), not
    one the participant's own words or entity give; such a country says nothing about identity."""


@dataclass(frozen=True, slots=True)
class EventDate:
    value: str
    start: dt.date
    end: dt.date
    precision: Precision
    source: DateSource
    time: str | None = None
    """ID of the time expression that dated the event, if any."""


@dataclass(frozen=True, slots=True)
class EventLocation:
    place: str | None
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: LocationPrecision
    source: LocationSource = "clause"
    """Which rule placed the event; `place` points to the mention that said where."""


@dataclass(frozen=True, slots=True)
class Evidence:
    start: int
    end: int
    section: Section
    trigger: Span
    quote: str | None = None
    """ID of the quote the event was stated in, if any."""


@dataclass(slots=True)
class Event:
    id: str
    event_type: EventType
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    actors: list[Participant] = field(default_factory=list)
    recipients: list[Participant] = field(default_factory=list)
    date: EventDate | None = None
    location: EventLocation | None = None
    modality: Modality = "asserted"
    historical: bool = False
    cameo: str | None = None
    quad_class: int | None = None
    score: float | None = None
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.0
    time_refs: list[str] = field(default_factory=list)
    """IDs of time expressions that govern the event's clause, nearest first (event dating reads them)."""


# --- diagnostics and the analysis itself --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Diagnostic:
    stage: str
    code: str
    message: str
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class DocumentError:
    """Why a document could not be analysed; becomes `{"id", "error": {"kind", "message"}}`."""

    kind: str
    message: str


@dataclass(slots=True)
class Analysis:
    """Everything newsgraph knows about one document. Stages fill it in order."""

    id: str
    text: str
    source: Source = field(default_factory=Source)
    document: DocumentInfo = field(default_factory=DocumentInfo)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: DocumentError | None = None
    completed: list[str] = field(default_factory=list)
    """Names of the stages that have run, in order."""
    doc: Doc | None = field(default=None, repr=False, compare=False)
    """The spaCy Doc over `text` (set by annotate, never serialised)."""
    headline_docs: dict[int, Doc] = field(default_factory=dict, repr=False, compare=False)
    """Title Case headline and subtitle sentences parsed again in sentence case, by the
    sentence's start offset (`newsgraph.recase`; set by annotate with `doc`, as transient, never
    serialised). Their token offsets count from the sentence's start."""
    country_context: Any = field(default=None, repr=False, compare=False)
    """The document's own country and its evidence (`actors.context.CountryContext`, set by the
    actors stage; role nouns without a country of their own take it)."""

    def text_of(self, start: int, end: int) -> str:
        return self.text[start:end]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains a character offset, or None (sentences are in text order,
        so this is a binary search: stages call it for every mention)."""
        index = bisect_right(self.sentences, offset, key=lambda s: s.start) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None

    def entity(self, entity_id: str) -> Entity | None:
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        return None


def sentence_index(sentences: Sequence[Sentence], starts: Sequence[int], offset: int) -> int | None:
    """The index of the sentence holding a character offset, or None: a binary search over
    `starts`, the sentences' start offsets (sentences are in text order), made once by a caller
    that asks for many offsets."""
    index = bisect_right(starts, offset) - 1
    if index >= 0 and offset < sentences[index].end:
        return index
    return None
