"""GUM news (Wikinews): named mentions with types, and quote spans.

The text is rebuilt from the CoNLL-U tokens (a space unless `SpaceAfter=No`, sentences of one
paragraph joined by a space, paragraphs by a blank line). Entity spans come from the `Entity=`
MISC annotation (`(id-type-...` opens, `id)` closes). A mention is *named* when its head token
(the one whose syntactic head lies outside the span) is a proper noun (UPOS PROPN); only person,
organization and place mentions are scored. Our PERSON → person, ORG → organization,
GPE/LOC/FAC → place; other predicted types are left out of both sides.

Quote spans come from `<quote>` in the TT-SGML file, whose token lines are the same tokens in the
same order as the CoNLL-U file (the reader checks this and says so when they differ).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.evaluate.metrics import PRF, RecordError, ScoreResult, micro, prf_metrics, ratio
from newsgraph.evaluate.records import (
    NAMED_MENTION_KINDS,
    mention_errors,
    named_mentions,
    quotes_of,
    span_view,
)
from newsgraph.evaluate.spans import LabeledSpan, label_prf, match_spans, overlap, span_prf

GOLD_TYPES = ("person", "organization", "place")
"""GUM entity types scored as named-entity classes."""
TYPE_MAP: dict[str, str] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
"""Our entity type → GUM's."""

_ENTITY = re.compile(r"\((\d+)-([a-z]+)[^()]*(\))?|(\d+)\)")
"""One bracket of the `Entity=` value: `(id-type-...` opens, `(id-type-...)` is a single-token
mention, `id)` closes."""
_TOKEN_LINE = re.compile(r"^[^<\t][^\t]*\t")


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    head: int
    upos: str


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    text: str
    published: dt.date | None
    mentions: tuple[LabeledSpan, ...]
    quotes: tuple[LabeledSpan, ...] = field(default=())


@dataclass(slots=True)
class _Open:
    entity: str
    etype: str
    first: int


def _misc(column: str) -> dict[str, str]:
    pairs = (item.split("=", 1) for item in column.split("|") if "=" in item)
    return dict(pairs)


def parse_conllu(text: str, fallback_id: str = "") -> tuple[GoldDocument, list[tuple[int, int]]]:
    """A document and its token character offsets (for aligning the TT-SGML quotes)."""
    doc_id, published = fallback_id, None
    parts: list[str] = []
    length = 0
    tokens: list[_Token] = []
    sentence: list[_Token] = []
    opened: list[_Open] = []
    raw_mentions: list[tuple[int, int, str]] = []  # first, last token index (document-wide), type
    pending_space = ""
    new_paragraph = False

    def emit(word: str) -> tuple[int, int]:
        nonlocal length
        parts.append(word)
        length += len(word)
        return length - len(word), length

    for line in text.splitlines():
        if line.startswith("# newdoc id ="):
            doc_id = line.split("=", 1)[1].strip()
        elif line.startswith("# meta::dateCreated ="):
            try:
                published = dt.date.fromisoformat(line.split("=", 1)[1].strip())
            except ValueError:
                published = None
        elif line.startswith("# newpar"):
            new_paragraph = True
        elif not line.strip():
            if sentence:
                pending_space = pending_space or " "
            sentence = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if len(cols) < 10 or not cols[0].isdigit():
                continue  # multi-word token ranges and empty nodes carry no text of their own
            if parts:
                emit("\n\n" if new_paragraph else pending_space)
            new_paragraph = False
            start, end = emit(cols[1])
            index = len(tokens)
            head = int(cols[6]) if cols[6].isdigit() else 0
            token = _Token(start, end, index - int(cols[0]) + head if head else -1, cols[3])
            tokens.append(token)
            sentence.append(token)
            misc = _misc(cols[9])
            pending_space = "" if misc.get("SpaceAfter") == "No" else " "
            for match in _ENTITY.finditer(misc.get("Entity", "")):
                if match.group(4):
                    for k in range(len(opened) - 1, -1, -1):
                        if opened[k].entity == match.group(4):
                            o = opened.pop(k)
                            raw_mentions.append((o.first, index, o.etype))
                            break
                elif match.group(3):
                    raw_mentions.append((index, index, match.group(2)))
                else:
                    opened.append(_Open(match.group(1), match.group(2), index))
    mentions: set[LabeledSpan] = set()
    for first, last, etype in raw_mentions:
        if etype not in GOLD_TYPES:
            continue
        inside = range(first, last + 1)
        heads = [i for i in inside if tokens[i].head not in inside]
        if heads and tokens[heads[0]].upos == "PROPN":
            mentions.add(LabeledSpan(tokens[first].start, tokens[last].end, etype))
    document = GoldDocument(
        id=doc_id,
        text="".join(parts),
        published=published,
        mentions=tuple(sorted(mentions, key=lambda m: (m.start, m.end, m.label))),
    )
    return document, [(t.start, t.end) for t in tokens]


def parse_quotes(
    xml_text: str, offsets: Sequence[tuple[int, int]], doc_id: str = ""
) -> tuple[LabeledSpan, ...]:
    """`<quote>` spans of a TT-SGML file, as character spans through the CoNLL-U token offsets."""
    quotes: list[LabeledSpan] = []
    starts: list[int] = []
    index = 0
    for line in xml_text.splitlines():
        stripped = line.strip()
        if stripped.startswith("<quote"):
            starts.append(index)
        elif stripped.startswith("</quote"):
            if starts and index > starts[-1]:
                first = starts.pop()
                quotes.append(LabeledSpan(offsets[first][0], offsets[index - 1][1], "quote"))
        elif _TOKEN_LINE.match(line):
            index += 1
            if index > len(offsets):
                break
    if index != len(offsets):
        raise ValueError(
            f"{doc_id}: the TT-SGML file has {index} tokens but the CoNLL-U file {len(offsets)}; "
            "use the xml/ and dep/ files of the same GUM release"
        )
    return tuple(quotes)


def read(path: Path) -> list[GoldDocument]:
    """Read a GUM folder (`dep/*.conllu`, with quotes from `xml/<same name>.xml` when present)
    or a single `.conllu` file."""
    files = (
        [path]
        if path.is_file()
        else sorted((path / "dep").glob("*.conllu")) or sorted(path.glob("*.conllu"))
    )
    documents = []
    for conllu in files:
        document, offsets = parse_conllu(conllu.read_text(encoding="utf-8"), conllu.stem)
        xml = conllu.parent.parent / "xml" / f"{conllu.stem}.xml"
        if xml.is_file():
            quotes = parse_quotes(xml.read_text(encoding="utf-8"), offsets, document.id)
            document = GoldDocument(
                document.id, document.text, document.published, document.mentions, quotes
            )
        documents.append(document)
    return documents


GUM_MENTION_KINDS = NAMED_MENTION_KINDS | {"nested"}
"""GUM annotates entities nested inside others ("Texas" in "University of Texas"), so our nested
mentions count here. MEANTIME does not mark names inside names ("Singapore" in "Singapore
Airlines"), so its scorer leaves them out."""


def score(gold: Sequence[GoldDocument], predicted: Mapping[str, Mapping[str, Any]]) -> ScoreResult:
    """Score predicted records (keyed by document id) against the gold documents."""
    result = ScoreResult(records=len(gold), per_type_stage="actors")
    detect = PRF()
    type_hits = type_support = 0
    type_prf: dict[str, PRF] = {label: PRF() for label in GOLD_TYPES}
    quote_hits = quote_support = 0
    for doc in gold:
        record = predicted.get(doc.id)
        mentions = named_mentions(record, TYPE_MAP, GUM_MENTION_KINDS)
        detect = detect + span_prf(doc.mentions, mentions)
        pairs = match_spans(doc.mentions, mentions)
        type_support += len(pairs)
        type_hits += sum(doc.mentions[gi].label == mentions[pi].label for gi, pi in pairs)
        for label, counts in label_prf(doc.mentions, mentions, GOLD_TYPES).items():
            type_prf[label] = type_prf[label] + counts
        result.errors += mention_errors(doc.id, doc.text, doc.mentions, mentions)
        quotes = [LabeledSpan(int(q["start"]), int(q["end"]), "quote") for q in quotes_of(record)]
        for gold_quote in doc.quotes:
            quote_support += 1
            if any(overlap(gold_quote, q) for q in quotes):
                quote_hits += 1
            else:
                result.errors.append(
                    RecordError(
                        doc.id, "missed_quote", span_view(doc.text, gold_quote), None, "quotes"
                    )
                )
    result.per_type = type_prf
    result.metrics = [
        *prf_metrics("named mentions (overlap)", detect, "actors"),
        ratio("entity type accuracy (matched)", type_hits, type_support, "actors"),
        *prf_metrics("named mentions, typed (overlap)", micro(type_prf), "actors")[2:],
        ratio("quote span recall", quote_hits, quote_support, "quotes"),
    ]
    return result
