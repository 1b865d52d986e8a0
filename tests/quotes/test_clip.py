"""`indirect._clip` looks only at the reports around each one, and decides as the comparison of
every pair of a paragraph's reports did (kept here as the oracle), on long paragraphs of
reported speech with breaks ("while", "adding that") and speech inside speech."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from tests.quotes.conftest import Analyse

from newsgraph.quotes import indirect
from newsgraph.quotes.detect import Found
from newsgraph.quotes.doctext import text_of


def _token_phrase_start(cue: Any) -> int:
    """The Token rule `indirect._cue_phrase_start` reads from the Doc's arrays: the cue and the
    subtrees of its subject, marker, adverb, auxiliary or conjunction children before it."""
    own = [cue]
    for child in cue.children:
        if child.i < cue.i and child.dep_ in indirect.SUBJECT_DEPS | {
            "mark",
            "advmod",
            "aux",
            "cc",
        }:
            own += list(child.subtree)
    return int(min(t.i for t in own))


def _pairwise_clip(doc: Any, found: list[Found]) -> list[Found]:
    """The paragraph-wide loop `_clip` replaced (quadratic in a paragraph's reports)."""
    text = text_of(doc)
    kept: list[Found] = []
    by_paragraph: dict[int, list[Found]] = {}
    for f in found:
        by_paragraph.setdefault(f.paragraph, []).append(f)
    for item in found:
        start, end = item.start, item.end
        nested = False
        neighbours = by_paragraph[item.paragraph]
        for other in [f for f in neighbours if f.cue_token is not None]:
            if other is item or other.cue_token is None:
                continue
            cue = doc[other.cue_token]
            if not (start <= cue.idx < end):
                continue
            first = doc[_token_phrase_start(cue)]
            before = doc[first.i - 1] if first.i > 0 else None
            if before is not None and before.idx >= start and before.lower_ in indirect.CLIP_BEFORE:
                cut = before.idx
                while cut > start and (text[cut - 1].isspace() or text[cut - 1] in ",;"):
                    cut -= 1
                for word in (" and", " but", ","):
                    if text[start:cut].endswith(word):
                        cut -= len(word)
                end = min(end, cut)
        for outer in neighbours:
            if outer is item or outer.cue_token is None or item.cue_token is None:
                continue
            if outer.start <= doc[item.cue_token].idx < outer.end and item.end <= outer.end:
                first = doc[_token_phrase_start(doc[item.cue_token])]
                before = doc[first.i - 1] if first.i > 0 else None
                if before is None or before.lower_ not in indirect.CLIP_BEFORE:
                    nested = True
        if nested or len(text[start:end].split()) < indirect.MIN_CLAUSE_TOKENS:
            continue
        item.end = item.close_at = end
        kept.append(item)
    return kept


SENTENCES = [
    "Port officials said the terminal would reopen on Monday, while union leaders said the "
    "strike would go on until wages were paid.",
    "The minister said the army would withdraw from the border town, adding that talks with "
    "the rebels had made progress.",
    "Witnesses told reporters that the governor had said the curfew would be lifted soon.",
    "A spokesman for the health ministry said that doctors warned the clinics were running "
    "out of vaccines, and nurses said they had not been paid.",
    "Prosecutors alleged that the former mayor had accepted bribes, but his lawyer said the "
    "charges were politically motivated.",
]


@pytest.mark.parametrize("repeat", [1, 3, 12])
@pytest.mark.parametrize("separator", [" ", "\n"])
def test_clip_decides_as_every_pair_compared(
    analyse: Analyse, monkeypatch: pytest.MonkeyPatch, repeat: int, separator: str
) -> None:
    seen: list[tuple[Any, list[Found]]] = []
    clip = indirect._clip

    def spying(doc: Any, found: list[Found]) -> list[Found]:
        seen.append((doc, copy.deepcopy(found)))
        return clip(doc, found)

    monkeypatch.setattr(indirect, "_clip", spying)
    analyse(separator.join(SENTENCES * repeat))
    assert seen and any(len(found) > 3 for _, found in seen)
    for doc, found in seen:
        fast = clip(doc, copy.deepcopy(found))
        slow = _pairwise_clip(doc, copy.deepcopy(found))
        assert [(f.start, f.end, f.close_at, f.cue_token) for f in fast] == [
            (f.start, f.end, f.close_at, f.cue_token) for f in slow
        ]


@pytest.mark.parametrize("text", SENTENCES)
def test_cue_phrase_start_is_the_token_rule(analyse: Analyse, text: str) -> None:
    from newsgraph.quotes.table import cue_table

    doc = analyse(text).doc
    assert doc is not None
    table = cue_table(doc)
    starts = [indirect._cue_phrase_start(table, t.i) for t in doc]
    assert starts == [_token_phrase_start(t) for t in doc]
    assert any(start < t.i for start, t in zip(starts, doc, strict=True))
