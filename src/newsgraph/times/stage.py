"""The time stage: find the document's time expressions relative to its publication date."""

from __future__ import annotations

import datetime as dt

from newsgraph.model import Analysis, TimeExpr
from newsgraph.times.detect import Detected

DATE_LINE_LINES = 3
"""Lines at the head of a document searched for a date standing alone ("September 01, 2007")."""


def _in_sentences(analysis: Analysis, expr: TimeExpr) -> bool:
    # The start decides: a parser that cut a sentence after "Feb. 4." must not lose "Feb. 4".
    return analysis.sentence_at(expr.start) is not None


def date_line(text: str, found: list[TimeExpr]) -> dt.date | None:
    """The day of a full date written on a line of its own near the top of the document.

    Wire copy and wiki news print the story's date under the headline; when the input gives no
    publication date, "today" and "Tuesday" count from that day rather than staying unresolved."""
    head_end = 0
    for _ in range(DATE_LINE_LINES):
        newline = text.find("\n", head_end)
        if newline < 0:
            head_end = len(text)
            break
        head_end = newline + 1
    for expr in found:
        if expr.start >= head_end:
            break
        if expr.type != "DATE" or expr.value is None or len(expr.value) != len("2000-01-01"):
            continue
        line_start = text.rfind("\n", 0, expr.start) + 1
        line_end = text.find("\n", expr.end)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if line.strip() == text[expr.start : expr.end].strip():
            try:
                return dt.date.fromisoformat(expr.value)
            except ValueError:
                return None
    return None


DATELINE_DRIFT = dt.timedelta(days=3)
"""How far a wire dateline's day may lie from the publication date and still be the story's day
(a feed often stamps a story a day or two after it was filed)."""


def _dateline_day(
    analysis: Analysis, found: list[TimeExpr], published: dt.date | None
) -> dt.date | None:
    """The day a wire dateline gives ("ACCRA, March 4 (Wire) -"): "yesterday" and "on Tuesday"
    count from the day the story was filed."""
    span = analysis.document.dateline
    if span is None:
        return None
    for expr in found:
        if span.start <= expr.start and expr.end <= span.end and expr.type == "DATE":
            try:
                day = dt.date.fromisoformat(expr.value or "")
            except ValueError:
                continue
            if published is None or abs(day - published) <= DATELINE_DRIFT:
                return day
    return None


class TimeStage:
    """Fill `analysis.times` (ids "T1", "T2", ... in text order).

    Relative expressions count from a wire dateline's day (within `DATELINE_DRIFT` of the
    publication date), else the publication date or, failing one, a date line under the
    headline. Only expressions inside analysed sentences are kept, so bylines,
    "Updated:" lines and removed residue never become times; a document without sentences
    keeps all of them."""

    name = "time"
    requires = frozenset({"text", "document", "doc", "sentences"})
    provides = frozenset({"times"})

    def __call__(self, analysis: Analysis) -> Analysis:
        reference = analysis.document.published
        detected = Detected(analysis.text)  # searched once, normalised from each day tried
        found = detected.times(reference, analysis.doc)
        filed = _dateline_day(analysis, found, reference)
        if filed is not None and filed != reference:
            found = detected.times(filed, analysis.doc)
        elif reference is None and (line_day := date_line(analysis.text, found)) is not None:
            found = detected.times(line_day, analysis.doc)
        if analysis.sentences:
            found = [expr for expr in found if _in_sentences(analysis, expr)]
        for index, expr in enumerate(found, start=1):
            expr.id = f"T{index}"
        analysis.times = found
        return analysis
