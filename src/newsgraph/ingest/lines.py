"""Split text into non-empty lines with exact offsets (the unit the layout reader classifies)."""

from __future__ import annotations

import re
from dataclasses import dataclass

LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x85")
"""Every line break Python's str.splitlines knows that may appear in scraped text."""


@dataclass(frozen=True, slots=True)
class Line:
    """One non-empty line: offsets of its stripped content, and whether a blank line precedes it."""

    start: int
    end: int
    text: str
    gap_before: bool


def split_lines(text: str) -> list[Line]:
    """Non-empty lines in order; offsets exclude surrounding whitespace."""
    if "\x1c" in text or "\x1d" in text or "\x1e" in text:
        return _split_at_breaks(text)
    # str.splitlines breaks at exactly the LINE_BREAK characters and the three separators
    # above, and runs in C: the regex loop visited each blank line in Python as well
    lines: list[Line] = []
    position = 0
    blank_seen = False
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()  # the line break is whitespace: stripped with the rest
        if stripped:
            start = position + (len(raw) - len(raw.lstrip()))
            lines.append(Line(start, start + len(stripped), stripped, blank_seen or not lines))
            blank_seen = False
        else:
            blank_seen = True
        position += len(raw)
    return lines


def _split_at_breaks(text: str) -> list[Line]:
    """`split_lines` by LINE_BREAK, for a text holding a separator `str.splitlines` breaks at."""
    lines: list[Line] = []
    position = 0
    blank_seen = False
    for match in [*LINE_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        raw = text[position:end]
        stripped = raw.strip()
        if stripped:
            start = position + (len(raw) - len(raw.lstrip()))
            lines.append(Line(start, start + len(stripped), stripped, blank_seen or not lines))
            blank_seen = False
        else:
            blank_seen = True
        if match:
            position = match.end()
    return lines
