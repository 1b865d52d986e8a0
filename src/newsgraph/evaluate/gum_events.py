"""Document-level PLOVER events and quotes on the GUM development documents (gum_events_dev).

One JSON file per Wikinews document holds its `text`, `published`, PLOVER events (required and
optional, with `alt_types`, actors, recipients, evidence lines, date, mode, modality) and quotes
(with speaker and `optional`). Each document is fed as `doc_id` (`gumev-<doc>`). The scoring is
the one the data's README defines, read literally:

- **Event match**: the predicted type is the gold `event_type` or one of its `alt_types`, and a
  predicted actor overlaps a gold actor. Two actors overlap when they share a content word or
  carry the same country code; two different *state* codes never overlap. A gold event without
  actors matches a prediction of its type with evidence in one of its lines. Matching is greedy
  and one-to-one, best pairs first: exact type, then a recipient overlap, then a shared evidence
  line, then document order.
- **Event precision** = matched predictions (to required or optional gold) / predictions;
  **recall** = matched required gold events / required gold events.
- **Quotes**: a prediction matches when its span covers at least half of the gold quote's words
  (runs of letters or digits, internal apostrophes kept); pairs are taken greedily by coverage,
  one-to-one. Recall is over non-optional gold quotes, precision over all predictions.
  **Speaker** accuracy is over matched gold quotes with a speaker: the predicted speaker (its
  text, or the name and aliases of its entity) shares a content word with the gold `speaker` or
  `speaker_canonical`.

Diagnostics (not part of the definition): type-only recall (a prediction of the type or an alt
type with evidence in one of the required event's lines); on matched required events, dyad (a
recipient overlaps, over events with gold recipients), date (the predicted range overlaps the
gold TIMEX range, over dated gold), date accuracy (as before, and an undated gold event wants no
date), mode (over gold with a mode) and modality; events predicted in the documents with no
required event, and how many of those match nothing; and state actor country: over the matched
events' gold actors and recipients with a state country code that a predicted participant of the
same role overlaps, the share where that participant carries the gold country; on all matched
events (optional ones too), the location (found: the predicted location shares a content word
with the gold place name, over gold events with a place; right: the same, over predictions with
a location) and the historical flag.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.evaluate.metrics import Metric, RecordError, ScoreResult, ratio
from newsgraph.evaluate.records import events_of, quotes_of

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "as",
        "s",
        "he",
        "she",
        "it",
        "they",
        "his",
        "her",
        "its",
        "their",
        "him",
        "them",
        "this",
        "that",
        "mr",
        "mrs",
        "ms",
        "dr",
    ]
)
"""Dropped from content words ("us" stays: it is the United States in these texts)."""
NON_STATE_CODES = frozenset({"UNO", "EUR", "IGO", "NGO", "ISM", "IMG", "MNC"})
"""PLOVER special codes that are not states; every other country code (HKG too) is a state."""

_SPLIT = re.compile(r"[^\w]+|_+")
_QUOTE_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
"""A word of a gold quote: a maximal run of letters or digits, with internal apostrophes."""


def content_words(*texts: str | None) -> set[str]:
    """Lowercased runs of letters/digits longer than one character, without the stop words."""
    words: set[str] = set()
    for text in texts:
        if text:
            words.update(
                w for w in _SPLIT.split(text.lower()) if len(w) > 1 and w not in STOP_WORDS
            )
    return words


def is_state(code: str | None) -> bool:
    return bool(code) and code not in NON_STATE_CODES


@dataclass(frozen=True, slots=True)
class Side:
    """One actor or recipient, gold or predicted, reduced to what matching compares."""

    words: frozenset[str]
    country: str | None


def overlaps(gold: Side, predicted: Side) -> bool:
    """Same content word or same country code; differing state codes never overlap."""
    g, p = gold.country, predicted.country
    if is_state(g) and is_state(p) and g != p:
        return False
    if g and p and g == p:
        return True
    return bool(gold.words & predicted.words)


def any_overlap(gold: Sequence[Side], predicted: Sequence[Side]) -> bool:
    return any(overlaps(g, p) for g in gold for p in predicted)


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    event_type: str
    alt_types: tuple[str, ...]
    actors: tuple[Side, ...]
    recipients: tuple[Side, ...]
    lines: tuple[tuple[int, int], ...]
    """Character spans of the evidence lines."""
    optional: bool
    date: str | None
    mode: str | None
    modality: str
    summary: Mapping[str, Any]
    location: str | None = None
    """The surface name of the place where the event happened, or None."""
    historical: bool = False
    """What an error report shows."""


@dataclass(frozen=True, slots=True)
class GoldQuote:
    id: str
    start: int
    end: int
    words: tuple[tuple[int, int], ...]
    """Character spans of the quote's words."""
    speaker: str | None
    speaker_canonical: str | None
    kind: str
    optional: bool


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    """`gumev-<doc>`: the id the document is fed under."""
    text: str
    published: dt.date | None
    events: tuple[GoldEvent, ...]
    quotes: tuple[GoldQuote, ...]

    @property
    def required(self) -> tuple[GoldEvent, ...]:
        return tuple(e for e in self.events if not e.optional)


def _gold_side(raw: Mapping[str, Any]) -> Side:
    return Side(frozenset(content_words(raw.get("text"), raw.get("canonical"))), raw.get("country"))


def _quote_words(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    return tuple(
        (start + m.start(), start + m.end()) for m in _QUOTE_WORD.finditer(text[start:end])
    )


def parse_document(data: Mapping[str, Any]) -> GoldDocument:
    """One gold document from its decoded JSON."""
    text = str(data["text"])
    published = dt.date.fromisoformat(data["published"]) if data.get("published") else None
    events = tuple(
        GoldEvent(
            id=str(e["id"]),
            event_type=str(e["event_type"]),
            alt_types=tuple(e.get("alt_types") or ()),
            actors=tuple(_gold_side(a) for a in e.get("actors") or ()),
            recipients=tuple(_gold_side(r) for r in e.get("recipients") or ()),
            lines=tuple((int(v["start"]), int(v["end"])) for v in e.get("evidence") or ()),
            optional=bool(e.get("optional")),
            date=e.get("date"),
            mode=e.get("mode"),
            modality=str(e.get("modality") or "asserted"),
            location=e.get("location") or None,
            historical=bool(e.get("historical")),
            summary={
                "id": e["id"],
                "type": e["event_type"],
                "alt_types": e.get("alt_types") or [],
                "actors": [a.get("text") for a in e.get("actors") or ()],
                "recipients": [r.get("text") for r in e.get("recipients") or ()],
                "sentence": e.get("sentence"),
                "optional": bool(e.get("optional")),
            },
        )
        for e in data.get("events") or ()
    )
    quotes = tuple(
        GoldQuote(
            id=str(q["id"]),
            start=int(q["start"]),
            end=int(q["end"]),
            words=_quote_words(text, int(q["start"]), int(q["end"])),
            speaker=q.get("speaker"),
            speaker_canonical=q.get("speaker_canonical"),
            kind=str(q.get("kind") or ""),
            optional=bool(q.get("optional")),
        )
        for q in data.get("quotes") or ()
    )
    return GoldDocument(str(data["doc_id"]), text, published, events, quotes)


def read(path: Path) -> list[GoldDocument]:
    """Read a folder of `<doc>.json` files (or one such file)."""
    files = [path] if path.is_file() else sorted(path.glob("*.json"))
    if not files:
        raise ValueError(f"no .json documents in {path}")
    return [parse_document(json.loads(f.read_text(encoding="utf-8"))) for f in files]


# -- predictions ---------------------------------------------------------------------------------


def _entity_names(record: Mapping[str, Any] | None) -> dict[str, list[str]]:
    """Entity id → its name and aliases (a predicted participant is compared under all of them)."""
    if record is None or "error" in record:
        return {}
    names: dict[str, list[str]] = {}
    for entity in record.get("entities") or ():
        if isinstance(entity, dict) and entity.get("id"):
            names[str(entity["id"])] = [
                str(entity.get("name") or ""),
                *(str(a) for a in entity.get("aliases") or ()),
            ]
    return names


def _predicted_side(raw: Mapping[str, Any], names: Mapping[str, list[str]]) -> Side:
    entity = raw.get("entity")
    resolved = names.get(str(entity), []) if entity else []
    return Side(frozenset(content_words(raw.get("text"), *resolved)), raw.get("country") or None)


@dataclass(frozen=True, slots=True)
class _Predicted:
    index: int
    event_type: str
    actors: tuple[Side, ...]
    recipients: tuple[Side, ...]
    evidence: tuple[tuple[int, int], ...]
    raw: Mapping[str, Any]

    @property
    def order(self) -> int:
        return min((s for s, _ in self.evidence), default=0)


def _predicted_events(record: Mapping[str, Any] | None) -> list[_Predicted]:
    names = _entity_names(record)
    events = []
    for index, raw in enumerate(events_of(record)):
        evidence = tuple(
            (int(v["start"]), int(v["end"]))
            for v in raw.get("evidence") or ()
            if isinstance(v.get("start"), int) and isinstance(v.get("end"), int)
        )
        events.append(
            _Predicted(
                index,
                str(raw.get("event_type")),
                tuple(_predicted_side(a, names) for a in raw.get("actors") or ()),
                tuple(_predicted_side(r, names) for r in raw.get("recipients") or ()),
                evidence,
                raw,
            )
        )
    return events


def _in_lines(evidence: Iterable[tuple[int, int]], lines: Iterable[tuple[int, int]]) -> bool:
    """Some evidence span shares a character with some gold line."""
    lines = list(lines)
    return any(s < le and ls < e for s, e in evidence for ls, le in lines)


def _type_ok(gold: GoldEvent, predicted: _Predicted) -> bool:
    return predicted.event_type == gold.event_type or predicted.event_type in gold.alt_types


def _event_matches(gold: GoldEvent, predicted: _Predicted) -> bool:
    if not _type_ok(gold, predicted):
        return False
    if not gold.actors:
        return predicted.event_type == gold.event_type and _in_lines(predicted.evidence, gold.lines)
    return any_overlap(gold.actors, predicted.actors)


def match_events(
    gold: Sequence[GoldEvent], predicted: Sequence[_Predicted]
) -> list[tuple[int, int]]:
    """Greedy one-to-one (gold index, predicted index) pairs, best first (see module docstring)."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if _event_matches(g, p):
                rank = (
                    p.event_type != g.event_type,
                    not any_overlap(g.recipients, p.recipients),
                    not _in_lines(p.evidence, g.lines),
                    gi,
                    p.order,
                    pi,
                )
                candidates.append((rank, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


def coverage(gold: GoldQuote, start: int, end: int) -> float:
    """Share of the gold quote's words that lie inside the predicted span."""
    if not gold.words:
        return 0.0
    inside = sum(start <= ws and we <= end for ws, we in gold.words)
    return inside / len(gold.words)


def match_quotes(
    gold: Sequence[GoldQuote], predicted: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs by coverage, keeping those that cover at least half the words."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, (start, end) in enumerate(predicted):
            cover = coverage(g, start, end)
            if cover >= 0.5:
                candidates.append((-cover, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


def timex_range(value: str) -> tuple[dt.date, dt.date] | None:
    """The days a TIMEX3 date value holds (a day, an ISO week, a month, a year), or None."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = dt.date.fromisoformat(value)
            return day, day
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            first = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return first, first + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            first = dt.date(int(m[1]), int(m[2]), 1)
            following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def _predicted_range(date: Any) -> tuple[dt.date, dt.date] | None:
    if not isinstance(date, Mapping):
        return None
    try:
        return dt.date.fromisoformat(str(date["start"])[:10]), dt.date.fromisoformat(
            str(date["end"])[:10]
        )
    except (KeyError, ValueError):
        value = date.get("value")
        return timex_range(value) if isinstance(value, str) else None


def date_overlaps(gold: str, predicted: Any) -> bool:
    wanted, found = timex_range(gold), _predicted_range(predicted)
    return bool(wanted and found and found[0] <= wanted[1] and wanted[0] <= found[1])


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _speaker_words(quote: Mapping[str, Any], names: Mapping[str, list[str]]) -> set[str]:
    speaker = quote.get("speaker")
    if not isinstance(speaker, Mapping):
        return set()
    entity = speaker.get("entity")
    return content_words(speaker.get("text"), *(names.get(str(entity), []) if entity else []))


def _event_view(event: _Predicted, text: str) -> dict[str, Any]:
    raw = event.raw
    return {
        "type": event.event_type,
        "actors": [a.get("text") for a in raw.get("actors") or ()],
        "recipients": [r.get("text") for r in raw.get("recipients") or ()],
        "evidence": [text[s:e] for s, e in event.evidence[:2]],
    }


@dataclass(slots=True)
class _Tally:
    """Counts summed over documents."""

    predicted: int = 0
    matched_predicted: int = 0
    required: int = 0
    matched_required: int = 0
    type_only: int = 0
    dyad: int = 0
    dyad_support: int = 0
    date: int = 0
    date_support: int = 0
    date_all: int = 0
    mode: int = 0
    mode_support: int = 0
    modality: int = 0
    country: int = 0
    country_support: int = 0
    location_found: int = 0
    location_gold: int = 0
    location_right: int = 0
    location_predicted: int = 0
    historical: int = 0
    historical_support: int = 0
    quiet_docs: int = 0
    quiet_predicted: int = 0
    quiet_unmatched: int = 0
    quotes_predicted: int = 0
    quotes_matched_predicted: int = 0
    quotes_required: int = 0
    quotes_matched_required: int = 0
    speaker: int = 0
    speaker_support: int = 0
    kind: int = 0
    kind_support: int = 0


def _country_counts(gold: Sequence[Side], predicted: Sequence[Side]) -> tuple[int, int]:
    """(gold state participants carrying their country on an overlapping prediction, support)."""
    hits = support = 0
    for g in gold:
        if not is_state(g.country):
            continue
        found = [p for p in predicted if overlaps(g, p)]
        if found:
            support += 1
            hits += any(p.country == g.country for p in found)
    return hits, support


def _score_events(
    doc: GoldDocument, record: Mapping[str, Any] | None, tally: _Tally, result: ScoreResult
) -> None:
    predicted = _predicted_events(record)
    pairs = match_events(doc.events, predicted)
    tally.predicted += len(predicted)
    tally.matched_predicted += len(pairs)
    by_gold = dict(pairs)
    required = [gi for gi, g in enumerate(doc.events) if not g.optional]
    tally.required += len(required)
    for gi in required:
        gold = doc.events[gi]
        tally.type_only += any(
            _type_ok(gold, p) and _in_lines(p.evidence, gold.lines) for p in predicted
        )
        if gi not in by_gold:
            result.errors.append(RecordError(doc.id, "missed_event", gold.summary, None, "events"))
            continue
        tally.matched_required += 1
        raw = predicted[by_gold[gi]].raw
        if gold.recipients:
            tally.dyad_support += 1
            tally.dyad += any_overlap(gold.recipients, predicted[by_gold[gi]].recipients)
        if gold.date:
            tally.date_support += 1
            hit = date_overlaps(gold.date, raw.get("date"))
            tally.date += hit
            tally.date_all += hit
        else:
            hit = raw.get("date") is None
            tally.date_all += hit
        if not hit:
            result.errors.append(
                RecordError(
                    doc.id,
                    "wrong_date",
                    {**gold.summary, "date": gold.date, "published": _iso(doc.published)},
                    {**_event_view(predicted[by_gold[gi]], doc.text), "date": raw.get("date")},
                    "event_dating",
                )
            )
        if gold.mode:
            tally.mode_support += 1
            tally.mode += raw.get("mode") == gold.mode
        tally.modality += (raw.get("modality") or "asserted") == gold.modality
    for gi, pi in pairs:
        _score_place_and_history(doc, record, (doc.events[gi], predicted[pi]), tally, result)
        for role in ("actors", "recipients"):
            hits, support = _country_counts(
                getattr(doc.events[gi], role), getattr(predicted[pi], role)
            )
            tally.country += hits
            tally.country_support += support
    matched_pred = {pi for _, pi in pairs}
    for pi, p in enumerate(predicted):
        if pi not in matched_pred:
            result.errors.append(
                RecordError(doc.id, "spurious_event", None, _event_view(p, doc.text), "events")
            )
    if not required:
        tally.quiet_docs += 1
        tally.quiet_predicted += len(predicted)
        tally.quiet_unmatched += len(predicted) - len(pairs)


def _location_words(location: Any, record: Mapping[str, Any] | None) -> set[str]:
    """Content words of a predicted location: its gazetteer name and the place's words in the
    text (the gold gives the surface name)."""
    if not isinstance(location, Mapping):
        return set()
    surface = [
        str(p.get("text") or "")
        for p in (record or {}).get("places") or ()
        if location.get("place") and p.get("id") == location.get("place")
    ]
    return content_words(str(location.get("name") or ""), *surface)


def _score_place_and_history(
    doc: GoldDocument,
    record: Mapping[str, Any] | None,
    pair: tuple[GoldEvent, _Predicted],
    tally: _Tally,
    result: ScoreResult,
) -> None:
    """Location and historical flag of one matched pair (optional gold events count too)."""
    gold, predicted = pair
    location = predicted.raw.get("location")
    words = _location_words(location, record)
    right = bool(gold.location) and bool(words & content_words(gold.location))
    if gold.location:
        tally.location_gold += 1
        tally.location_found += right
    if location:
        tally.location_predicted += 1
        tally.location_right += right
    if (gold.location or location) and not right:
        view = {"location": location, "evidence": _event_view(predicted, doc.text)["evidence"]}
        result.errors.append(
            RecordError(
                doc.id,
                "wrong_event_location",
                {**gold.summary, "location": gold.location},
                view,
                "events",
            )
        )
    historical = bool(predicted.raw.get("historical"))
    tally.historical_support += 1
    tally.historical += historical == gold.historical
    if historical != gold.historical:
        result.errors.append(
            RecordError(
                doc.id,
                "wrong_historical",
                {**gold.summary, "historical": gold.historical},
                {"historical": historical, "date": predicted.raw.get("date")},
                "events",
            )
        )


def _score_quotes(
    doc: GoldDocument, record: Mapping[str, Any] | None, tally: _Tally, result: ScoreResult
) -> None:
    names = _entity_names(record)
    quotes = [
        q
        for q in quotes_of(record)
        if isinstance(q.get("start"), int) and isinstance(q.get("end"), int)
    ]
    spans = [(int(q["start"]), int(q["end"])) for q in quotes]
    pairs = match_quotes(doc.quotes, spans)
    by_gold = dict(pairs)
    tally.quotes_predicted += len(quotes)
    tally.quotes_matched_predicted += len(pairs)
    for gi, gold in enumerate(doc.quotes):
        view = {"id": gold.id, "text": doc.text[gold.start : gold.end], "speaker": gold.speaker}
        if not gold.optional:
            tally.quotes_required += 1
            if gi in by_gold:
                tally.quotes_matched_required += 1
            else:
                result.errors.append(RecordError(doc.id, "missed_quote", view, None, "quotes"))
        if gi not in by_gold:
            continue
        quote = quotes[by_gold[gi]]
        tally.kind_support += 1
        tally.kind += quote.get("kind") == gold.kind
        if gold.speaker is None:
            continue
        tally.speaker_support += 1
        found = _speaker_words(quote, names)
        if found & content_words(gold.speaker, gold.speaker_canonical):
            tally.speaker += 1
        else:
            speaker = quote.get("speaker")
            result.errors.append(
                RecordError(
                    doc.id,
                    "wrong_speaker",
                    view,
                    {"speaker": speaker.get("text") if isinstance(speaker, Mapping) else None},
                    "quotes",
                )
            )
    matched_pred = {pi for _, pi in pairs}
    for pi, (start, end) in enumerate(spans):
        if pi not in matched_pred:
            result.errors.append(
                RecordError(
                    doc.id,
                    "spurious_quote",
                    None,
                    {"text": doc.text[start:end], "kind": quotes[pi].get("kind")},
                    "quotes",
                )
            )


def score(gold: Sequence[GoldDocument], predicted: Mapping[str, Mapping[str, Any]]) -> ScoreResult:
    """Score predicted records (keyed by `gumev-<doc>`) against the gold documents."""
    result = ScoreResult(records=len(gold))
    tally = _Tally()
    for doc in gold:
        record = predicted.get(doc.id)
        _score_events(doc, record, tally, result)
        _score_quotes(doc, record, tally, result)
    t = tally
    result.metrics = [
        *_prf_metrics(
            "event", t.matched_predicted, t.predicted, t.matched_required, t.required, "events"
        ),
        ratio("type-only recall (required)", t.type_only, t.required, "events"),
        ratio("dyad (matched required)", t.dyad, t.dyad_support, "events"),
        ratio("date range overlap (matched required, dated)", t.date, t.date_support, "events"),
        ratio("date accuracy (matched required)", t.date_all, t.matched_required, "events"),
        ratio("mode (matched required)", t.mode, t.mode_support, "events"),
        ratio("modality (matched required)", t.modality, t.matched_required, "events"),
        ratio("state actor country (matched events)", t.country, t.country_support, "events"),
        ratio(
            "location found (matched, gold located)", t.location_found, t.location_gold, "events"
        ),
        ratio(
            "location right (matched, located)", t.location_right, t.location_predicted, "events"
        ),
        ratio("historical (matched events)", t.historical, t.historical_support, "events"),
        Metric(
            "events in documents without required events",
            float(t.quiet_predicted),
            t.quiet_docs,
            "events",
            "events",
        ),
        Metric(
            "unmatched events in documents without required events",
            float(t.quiet_unmatched),
            t.quiet_docs,
            "events",
            "events",
        ),
        *_prf_metrics(
            "quote",
            t.quotes_matched_predicted,
            t.quotes_predicted,
            t.quotes_matched_required,
            t.quotes_required,
            "quotes",
        ),
        ratio("speaker accuracy (matched)", t.speaker, t.speaker_support, "quotes"),
        ratio("quote kind accuracy (matched)", t.kind, t.kind_support, "quotes"),
    ]
    return result


def _prf_metrics(
    prefix: str, matched_predicted: int, predicted: int, matched_gold: int, gold: int, stage: str
) -> list[Metric]:
    """Precision, recall and F1 where precision and recall count different matches.

    Precision counts predictions matched to any gold item (optional ones too), recall counts the
    non-optional gold items matched, so the two numerators differ (a plain `PRF` has one tp).
    """
    precision = matched_predicted / predicted if predicted else 0.0
    recall = matched_gold / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return [
        Metric(f"{prefix} precision", precision, predicted, stage),
        Metric(f"{prefix} recall", recall, gold, stage),
        Metric(f"{prefix} F1", f1, gold + predicted, stage),
    ]
