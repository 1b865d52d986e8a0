"""Article text with its analysis marked up, as spaCy's displaCy marks entities.

Every mark comes from a span of the stored record (character offsets into the one text), so the
page shows exactly what the record says. Spans may overlap (a quote contains actors, an event's
evidence contains its trigger); HTML elements must nest, so a span that crosses the end of an
enclosing one is cut into pieces, each carrying the original span's offsets. Text is escaped
here, piece by piece: article text is untrusted input.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

KIND_ORDER = {"evidence": 0, "quote": 1, "speaker": 2, "actor": 3, "recipient": 3, "entity": 4}
"""Among spans with equal offsets, the outer element first (a smaller number wraps a larger)."""


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted span of the record: `ref` is the record item's ID (E1, V2, Q1, T1, P3)."""

    start: int
    end: int
    kind: str
    ref: str
    label: str

    def as_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "ref": self.ref,
            "label": self.label,
        }


def _span(item: dict[str, Any]) -> tuple[int, int] | None:
    start, end = item.get("start"), item.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
        return start, end
    return None


def record_marks(record: dict[str, Any]) -> list[Mark]:
    """The spans to highlight: entity mentions, times, places, quotes and their speakers, event
    triggers, participants and evidence, in text order."""
    text_length = len(record.get("text") or "")
    marks: list[Mark] = []

    def add(item: dict[str, Any], kind: str, ref: str, label: str) -> None:
        span = _span(item)
        if span and span[1] <= text_length:
            marks.append(Mark(span[0], span[1], kind, ref, label))

    for e in record.get("entities", []):
        for m in e.get("mentions", []):
            add(m, "entity", e["id"], e.get("type") or "")
    for t in record.get("times", []):
        add(t, "time", t["id"], t.get("type") or "TIME")
    for p in record.get("places", []):
        add(p, "place", p["id"], "PLACE")
    for q in record.get("quotes", []):
        add(q, "quote", q["id"], "QUOTE")
        if q.get("speaker"):
            add(q["speaker"], "speaker", q["id"], "SPEAKER")
    for v in record.get("events", []):
        for ev in v.get("evidence", []):
            add(ev, "evidence", v["id"], "")
            if ev.get("trigger"):
                add(ev["trigger"], "trigger", v["id"], v.get("event_type") or "")
        for p in v.get("actors", []):
            add(p, "actor", v["id"], "ACTOR")
        for p in v.get("recipients", []):
            add(p, "recipient", v["id"], "RECIPIENT")
    unique = dict.fromkeys(marks)
    return sorted(unique, key=lambda m: (m.start, -m.end, KIND_ORDER.get(m.kind, 5), m.ref))


@dataclass(frozen=True, slots=True)
class _Piece:
    start: int
    end: int
    mark: Mark


def _nest(marks: list[Mark]) -> list[_Piece]:
    """Cut marks into pieces that nest properly, in document order (outer before inner)."""
    heap = [
        (m.start, -m.end, KIND_ORDER.get(m.kind, 5), i, m.start, m) for i, m in enumerate(marks)
    ]
    heapq.heapify(heap)
    counter = len(heap)
    pieces: list[_Piece] = []
    stack: list[_Piece] = []
    while heap:
        _, _, order, _, start, mark = heapq.heappop(heap)
        end = mark.end
        while stack and stack[-1].end <= start:
            stack.pop()
        if stack and stack[-1].end < end:
            cut = stack[-1].end
            heapq.heappush(heap, (cut, -end, order, counter, cut, mark))
            counter += 1
            end = cut
        piece = _Piece(start, end, mark)
        pieces.append(piece)
        stack.append(piece)
    return pieces


def _open_tag(piece: _Piece) -> str:
    m = piece.mark
    attributes = {
        "class": f"m m-{m.kind}" + (" tail" if piece.end == m.end else ""),
        "data-kind": m.kind,
        "data-ref": m.ref,
        "data-label": m.label,
        "data-start": str(piece.start),
        "data-end": str(piece.end),
        "data-span": f"{m.start}-{m.end}",
    }
    return "<mark " + " ".join(f'{k}="{escape(v)}"' for k, v in attributes.items()) + ">"


def render(text: str, marks: list[Mark]) -> Markup:
    """The text as escaped HTML with one `<mark>` per (piece of a) span."""
    out: list[str] = []
    cursor = 0
    stack: list[_Piece] = []

    def close_until(position: int) -> None:
        nonlocal cursor
        while stack and stack[-1].end <= position:
            piece = stack.pop()
            out.append(str(escape(text[cursor : piece.end])))
            cursor = piece.end
            out.append("</mark>")

    for piece in _nest(list(dict.fromkeys(marks))):  # a span given twice is drawn once
        close_until(piece.start)
        out.append(str(escape(text[cursor : piece.start])))
        cursor = piece.start
        out.append(_open_tag(piece))
        stack.append(piece)
    close_until(len(text))
    out.append(str(escape(text[cursor:])))
    return Markup("".join(out))
