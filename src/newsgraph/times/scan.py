"""`finditer` without trying a pattern at every position: two ways to reach the same matches.

A search tries its pattern at every position whose character could start a match; for a rule
that starts with a number word or a common word ("in", "a", "per") that is most words of the
text, and a few such rules were most of the time stage's cost. Each way below is given the
positions of a rarer part every match holds (a unit word, a month name, a signal word) and
returns exactly the matches `pattern.finditer(text)` returns, in order (tests compare them):

- `finditer_at`: the caller names a superset of the positions a match can start at (read back
  from the rarer part); the pattern is tried there only.
- `finditer_from_cores`: for a pattern that is an optional prefix and a core
  (`(?:prefix)?core`), given where the core matches; the pattern is searched from the start of
  the run of characters the prefix can hold before the core.

Both need patterns whose matches are never empty (every time rule's).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

PREFIX_BREAK = re.compile(r"[^\w\s.,-]|(?<!\d)[.,]|[.,](?!\d)")
"""Searched in the reversed text: a character that no counted or vague prefix ("two days",
"1,000 years", "a few", "twenty-one", "shortly") nor the spaces after it hold. `.` and `,`
stand in one only between digits (`\\d+(?:[.,]\\d+)?`)."""


def finditer_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, where `starts` holds every position a match can start at.

    `finditer` yields the first position at or after the end of the last match where the
    pattern matches; a position not in `starts` holds no match, so trying those in order is
    the same walk. Extra positions cost a failed `match` each."""
    position = 0
    for start in sorted(set(starts)):
        if start < position or start < 0:
            continue
        found = pattern.match(text, start)
        if found is not None:
            if found.end() == start:
                raise ValueError(f"{pattern.pattern!r} matched empty: finditer_at cannot follow it")
            yield found
            position = found.end()


def finditer_from_cores(
    pattern: re.Pattern[str],
    core: re.Pattern[str],
    cores: Iterable[int],
    text: str,
    prefix_break: re.Pattern[str] = PREFIX_BREAK,
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for `pattern` = `(?:prefix)?core`, given positions `cores`
    (in order) that include every one where `core` matches.

    Every match holds a position where the core matches, and the pattern matches at that
    position itself (the prefix being optional); a match that starts earlier starts on its
    prefix, inside the run of characters the prefix can hold that ends at the core
    (`prefix_break`, searched in the reversed text, finds the character before that run). So
    the next match is found by searching from that run's start or from the end of the last
    match, whichever is later: the search stops at the core at the latest. Each step reads only
    the text between the last match and the core, so the time stays linear in the text."""
    position = 0
    reverse: str | None = None
    for start in cores:
        if start < position or core.match(text, start) is None:
            continue
        if reverse is None:
            reverse = text[::-1]
        # Back from the core to the run's start, never past the last match; one character
        # more is read so that a look-around at the edge sees the real one.
        stop = prefix_break.search(reverse, len(text) - start, len(text) - position + 1)
        run_start = len(text) - stop.start() if stop is not None else position
        found = pattern.search(text, max(position, run_start))
        if found is None or found.start() > start or found.end() == found.start():
            raise AssertionError(f"{pattern.pattern!r}: no match at the core at {start}")
        yield found
        position = found.end()
