"""Matching gold spans to predicted spans, and gold phrases to predicted phrases.

Gold annotation extents rarely agree with ours to the character: MEANTIME mentions include
modifiers ("Airbus parent company ..."), GUM mentions include determiners. So detection is scored
by overlap, one-to-one: each gold span takes at most one predicted span and vice versa, the pairs
with the largest overlap (Jaccard over characters) first. `exact=True` gives the strict figure.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from newsgraph.evaluate.metrics import PRF


@dataclass(frozen=True, slots=True)
class LabeledSpan:
    start: int
    end: int
    label: str = ""


def overlap(a: LabeledSpan, b: LabeledSpan) -> int:
    """Characters shared by two half-open spans."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _jaccard(a: LabeledSpan, b: LabeledSpan) -> float:
    shared = overlap(a, b)
    union = max(a.end, b.end) - min(a.start, b.start)
    return shared / union if union else 0.0


def match_spans(
    gold: Sequence[LabeledSpan],
    predicted: Sequence[LabeledSpan],
    *,
    exact: bool = False,
    same_label: bool = False,
) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, best overlap first."""
    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if same_label and g.label != p.label:
                continue
            if exact:
                if (g.start, g.end) == (p.start, p.end):
                    candidates.append((1.0, gi, pi))
            elif overlap(g, p) > 0:
                candidates.append((_jaccard(g, p), gi, pi))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def span_prf(
    gold: Sequence[LabeledSpan],
    predicted: Sequence[LabeledSpan],
    *,
    exact: bool = False,
    same_label: bool = False,
) -> PRF:
    """Detection counts from a one-to-one matching."""
    tp = len(match_spans(gold, predicted, exact=exact, same_label=same_label))
    return PRF(tp, len(predicted) - tp, len(gold) - tp)


STOPWORDS = frozenset(
    {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from"}
    | {"its", "their", "his", "her", "s"}
)
"""Words that carry no identity when comparing a gold actor phrase with a predicted one."""

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def label_prf(
    gold: Sequence[LabeledSpan], predicted: Sequence[LabeledSpan], labels: Sequence[str]
) -> dict[str, PRF]:
    """Counts per label: a span matches only a span of its own label (typed scoring)."""
    return {
        label: span_prf(
            [g for g in gold if g.label == label], [p for p in predicted if p.label == label]
        )
        for label in labels
    }


def content_tokens(text: str) -> set[str]:
    """Lower-cased, accent-free word tokens without stopwords; "U.S." gives {"us"}."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    folded = re.sub(r"\b(\w)\.", r"\1", folded)  # initialisms: "u.s.a." -> "usa"
    return {t for t in _WORD.findall(folded) if t not in STOPWORDS}


def phrases_overlap(gold: str, predicted: str) -> bool:
    """True when two phrases share a content token ("close enough" gold text)."""
    return bool(content_tokens(gold) & content_tokens(predicted))


def best_phrase(gold: str, candidates: Sequence[str]) -> int | None:
    """Index of the candidate sharing the most content tokens with `gold` (Jaccard), or None."""
    wanted = content_tokens(gold)
    best, best_score = None, 0.0
    for index, candidate in enumerate(candidates):
        found = content_tokens(candidate)
        union = wanted | found
        score = len(wanted & found) / len(union) if union else 0.0
        if score > best_score:
            best, best_score = index, score
    return best
