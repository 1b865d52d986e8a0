"""The time stage: find the document's time expressions relative to its publication date."""

from __future__ import annotations

from newsgraph.model import Analysis, TimeExpr
from newsgraph.times.detect import find_times


def _in_sentences(analysis: Analysis, expr: TimeExpr) -> bool:
    # The start decides: a parser that cut a sentence after "Feb." must not lose "Feb. 4".
    return analysis.sentence_at(expr.start) is not None


class TimeStage:
    """Fill `analysis.times` (ids "T1", "T2", ... in text order).

    Only expressions inside analysed sentences are kept, so bylines, "Updated:" lines and
    removed residue never become times; a document without sentences keeps all of them."""

    name = "time"
    requires = frozenset({"text", "document", "doc", "sentences"})
    provides = frozenset({"times"})

    def __call__(self, analysis: Analysis) -> Analysis:
        found = find_times(analysis.text, analysis.document.published, analysis.doc)
        if analysis.sentences:
            found = [expr for expr in found if _in_sentences(analysis, expr)]
        for index, expr in enumerate(found, start=1):
            expr.id = f"T{index}"
        analysis.times = found
        return analysis
