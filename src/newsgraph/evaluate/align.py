"""Carry a predicted record's offsets over to the gold text when ingest changed the text.

Offsets in a record point into the record's own `text`. Ingest may normalise what it is given
(line endings, stray whitespace, invisible characters), and then gold offsets and predicted
offsets index different strings. We align the two texts character by character and move every
integer `start`/`end` pair in the record onto the gold text.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any


def offset_map(source: str, target: str) -> list[int]:
    """For every offset 0..len(source) in `source`, the nearest corresponding offset in `target`."""
    mapping = [-1] * (len(source) + 1)
    matcher = SequenceMatcher(None, source, target, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for k in range(i1, i2 + 1):
            if tag == "equal":
                mapping[k] = j1 + (k - i1)
            elif mapping[k] < 0:
                # inside a replaced/deleted stretch: clamp proportionally into the target stretch
                width = i2 - i1
                mapping[k] = j1 + ((k - i1) * (j2 - j1) // width if width else 0)
    mapping[len(source)] = len(target)
    return mapping


def _remap(node: Any, mapping: list[int]) -> Any:
    if isinstance(node, list):
        return [_remap(item, mapping) for item in node]
    if not isinstance(node, dict):
        return node
    moved = {key: _remap(value, mapping) for key, value in node.items()}
    start, end = node.get("start"), node.get("end")
    if isinstance(start, int) and isinstance(end, int) and not isinstance(start, bool):
        top = len(mapping) - 1
        moved["start"] = mapping[min(max(start, 0), top)]
        moved["end"] = mapping[min(max(end, 0), top)]
    return moved


def onto_gold_text(record: dict[str, Any], gold_text: str) -> dict[str, Any]:
    """The record with its offsets moved onto `gold_text` (the record itself when texts agree)."""
    text = record.get("text")
    if not isinstance(text, str) or text == gold_text:
        return record
    moved: dict[str, Any] = _remap(record, offset_map(text, gold_text))
    moved["text"] = gold_text
    return moved
