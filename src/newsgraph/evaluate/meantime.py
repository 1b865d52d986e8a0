"""MEANTIME (NewsReader CAT XML, Wikinews): time expressions and named entity mentions.

The text is rebuilt from the tokens: tokens joined by a space, sentences by a newline, so every
token has character offsets. The TIMEX3 whose `functionInDocument` is `CREATION_TIME` gives the
published date the pipeline resolves relative expressions against.

Named mentions are the `ENTITY_MENTION`s whose `syntactic_type` is `NAM` or `PRE.NAM` (a name, or
a name used as a premodifier: "the [US] contract"); their type is that of the `ENTITY` they refer
to, kept when it is PER, ORG or LOC. Our PERSON → PER, ORG → ORG, GPE/LOC/FAC → LOC.
A named mention that wraps another name of the same entity gives way to it. Only the fully
annotated opening (title, date line, first sentences) is scored, on both sides. Matching is
one-to-one by overlap (MEANTIME extents include modifiers); exact-extent F1 is reported beside it.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.evaluate.metrics import PRF, ScoreResult, micro, prf_metrics, ratio
from newsgraph.evaluate.records import mention_errors, named_mentions, span_errors, times_of
from newsgraph.evaluate.spans import LabeledSpan, label_prf, match_spans, span_prf

NAMED_SYNTACTIC_TYPES = frozenset({"NAM", "PRE.NAM"})
"""MEANTIME syntactic types of proper-name mentions."""
FULLY_ANNOTATED_SENTENCES = 6
"""MEANTIME annotates the title, the date line and the first sentences (sentence numbers 0-5)
completely; later sentences carry only mentions of cross-document instances, so precision is
measured on the first six alone."""
GOLD_TYPES = ("PER", "ORG", "LOC")
"""Entity types scored; PRO (products), FIN (financial) and MIX are not named-entity classes."""
TYPE_MAP: dict[str, str] = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
"""Our entity type → MEANTIME's."""


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str
    creation_time: bool


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    text: str
    published: dt.date | None
    timexes: tuple[GoldTimex, ...]
    mentions: tuple[LabeledSpan, ...]
    scored_until: int
    """End of the fully annotated sentences; spans after it are not scored on either side."""


def _published(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse_xml(text: str, fallback_id: str = "") -> GoldDocument:
    """One document from CAT XML text."""
    root = ET.fromstring(text)
    offsets: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    length = 0
    scored_until = 0
    sentence: str | None = None
    for token in root.iter("token"):
        if sentence is not None:
            separator = " " if token.get("sentence") == sentence else "\n"
            parts.append(separator)
            length += 1
        sentence = token.get("sentence")
        word = token.text or ""
        offsets[token.get("t_id", "")] = (length, length + len(word))
        if int(sentence or 0) < FULLY_ANNOTATED_SENTENCES:
            scored_until = length + len(word)
        parts.append(word)
        length += len(word)
    body = "".join(parts)

    def extent(node: ET.Element) -> tuple[int, int] | None:
        anchors = [
            offsets[a.get("t_id", "")]
            for a in node.findall("token_anchor")
            if a.get("t_id") in offsets
        ]
        if not anchors:
            return None  # an empty TIMEX3 is a value with no words in the text
        return min(a[0] for a in anchors), max(a[1] for a in anchors)

    markables = root.find("Markables")
    relations = root.find("Relations")
    entity_type: dict[str, str] = {}
    timexes: list[GoldTimex] = []
    published: dt.date | None = None
    if markables is not None:
        for node in markables.findall("ENTITY"):
            entity_type[node.get("m_id", "")] = node.get("ent_type", "")
        for node in markables.findall("TIMEX3"):
            creation = node.get("functionInDocument") == "CREATION_TIME"
            if creation:
                published = _published(node.get("value", ""))
            span = extent(node)
            if span is not None:
                timexes.append(
                    GoldTimex(*span, node.get("type", ""), node.get("value", ""), creation)
                )
    refers: dict[str, str] = {}
    if relations is not None:
        for relation in relations.findall("REFERS_TO"):
            target = relation.find("target")
            if target is None:
                continue
            for source in relation.findall("source"):
                refers[source.get("m_id", "")] = target.get("m_id", "")
    named: list[tuple[LabeledSpan, str]] = []  # (span, entity it refers to)
    if markables is not None:
        for node in markables.findall("ENTITY_MENTION"):
            if node.get("syntactic_type") not in NAMED_SYNTACTIC_TYPES:
                continue
            referent = refers.get(node.get("m_id", ""), "")
            label = entity_type.get(referent, "")
            span = extent(node)
            if label in GOLD_TYPES and span is not None:
                named.append((LabeledSpan(*span, label), referent))
    mentions = {span for span, target in named if not _wraps_same(span, target, named)}
    return GoldDocument(
        id=root.get("doc_name") or root.get("doc_id") or fallback_id,
        text=body,
        published=published,
        timexes=tuple(sorted(timexes, key=lambda t: (t.start, t.end))),
        mentions=tuple(
            m
            for m in sorted(mentions, key=lambda m: (m.start, m.end, m.label))
            if m.end <= scored_until
        ),
        scored_until=scored_until,
    )


def _wraps_same(span: LabeledSpan, target: str, named: Sequence[tuple[LabeledSpan, str]]) -> bool:
    """True when `span` strictly contains another named mention of the same entity.

    MEANTIME marks both "[Airbus parent [EADS]]" and "[EADS]" as names of EADS; counting both
    would score one name twice, so the wrapping phrase gives way to the name inside it.
    """
    return any(
        other != span
        and other_target == target
        and span.start <= other.start
        and other.end <= span.end
        for other, other_target in named
    )


def read(path: Path) -> list[GoldDocument]:
    """Read one CAT XML file, or every `*.xml` under a folder (sorted, so `--limit` is stable)."""
    files = [path] if path.is_file() else sorted(path.rglob("*.xml"))
    return [parse_xml(f.read_text(encoding="utf-8"), f.stem) for f in files]


def score(gold: Sequence[GoldDocument], predicted: Mapping[str, Mapping[str, Any]]) -> ScoreResult:
    """Score predicted records (keyed by document id) against the gold documents."""
    result = ScoreResult(records=len(gold), per_type_stage="actors")
    timex = PRF()
    value_hits = value_support = 0
    detect = exact = PRF()
    type_prf: dict[str, PRF] = {label: PRF() for label in GOLD_TYPES}
    for doc in gold:
        record = predicted.get(doc.id)
        gold_times = [LabeledSpan(t.start, t.end, t.value) for t in doc.timexes]
        pred_times = [
            LabeledSpan(int(t["start"]), int(t["end"]), str(t.get("value")))
            for t in times_of(record)
            if int(t["end"]) <= doc.scored_until
        ]
        pairs = match_spans(gold_times, pred_times)
        timex = timex + PRF(len(pairs), len(pred_times) - len(pairs), len(gold_times) - len(pairs))
        value_support += len(pairs)
        value_hits += sum(gold_times[gi].label == pred_times[pi].label for gi, pi in pairs)
        result.errors += span_errors(
            doc.id,
            doc.text,
            gold_times,
            pred_times,
            stage="time",
            noun="time",
            label_error="wrong_time_value",
        )

        mentions = [m for m in named_mentions(record, TYPE_MAP) if m.end <= doc.scored_until]
        detect = detect + span_prf(doc.mentions, mentions)
        exact = exact + span_prf(doc.mentions, mentions, exact=True)
        for label, counts in label_prf(doc.mentions, mentions, GOLD_TYPES).items():
            type_prf[label] = type_prf[label] + counts
        result.errors += mention_errors(doc.id, doc.text, doc.mentions, mentions)
    result.per_type = type_prf
    typed = micro(type_prf)
    result.metrics = [
        *prf_metrics("TIMEX3 detection (overlap)", timex, "time"),
        ratio("TIMEX3 value accuracy (matched)", value_hits, value_support, "time"),
        *prf_metrics("named mentions, typed (overlap)", typed, "actors"),
        *prf_metrics("named mentions, untyped (overlap)", detect, "actors")[2:],
        *prf_metrics("named mentions, untyped (exact)", exact, "actors")[2:],
    ]
    return result
