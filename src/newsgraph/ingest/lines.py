"""Split text into non-empty lines with exact offsets (the unit the layout reader classifies)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
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
        return _lines(_pieces_at_breaks(text))
    # str.splitlines breaks at exactly the LINE_BREAK characters and the three separators
    # above, and runs in C: the regex loop visited each blank line in Python as well
    return _lines(_pieces(text))


def _lines(pieces: Iterable[tuple[int, str]]) -> list[Line]:
    """The non-empty lines among the (offset, raw line) pieces of a text; a line break left at
    a piece's end is whitespace, stripped with the rest."""
    lines: list[Line] = []
    blank_seen = False
    for position, raw in pieces:
        stripped = raw.strip()
        if stripped:
            start = position + (len(raw) - len(raw.lstrip()))
            lines.append(Line(start, start + len(stripped), stripped, blank_seen or not lines))
            blank_seen = False
        else:
            blank_seen = True
    return lines


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """Each line with its offset and line break, as `str.splitlines` cuts them."""
    position = 0
    for raw in text.splitlines(keepends=True):
        yield position, raw
        position += len(raw)


def _pieces_at_breaks(text: str) -> Iterator[tuple[int, str]]:
    """Each line with its offset, cut at LINE_BREAK only, for a text holding a separator
    (\x1c-\x1e) that `str.splitlines` would also break at."""
    position = 0
    for match in [*LINE_BREAK.finditer(text), None]:
        yield position, text[position : match.start() if match else len(text)]
        if match:
            position = match.end()
