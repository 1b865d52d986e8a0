"""The residue, related-links and contributor-note patterns, loaded from `residue.json`."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("residue.json")


@dataclass(frozen=True, slots=True)
class Patterns:
    residue: tuple[tuple[str, re.Pattern[str]], ...]
    related_header: re.Pattern[str]
    related_inline: re.Pattern[str]
    notes: tuple[re.Pattern[str], ...]
    any_residue: re.Pattern[str]
    """The residue patterns as one alternation, group `r<n>` for the n-th: a full match picks the
    first pattern in order that matches the whole line, as trying them one by one does."""
    any_note: re.Pattern[str]


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """Compile the patterns once per process."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    flags = re.IGNORECASE
    residue = tuple(
        (reason, re.compile(regex, flags))
        for reason, regexes in data["residue"].items()
        for regex in regexes
    )
    return Patterns(
        residue=residue,
        related_header=re.compile(data["related_header"], flags),
        related_inline=re.compile(data["related_inline"], flags),
        notes=tuple(re.compile(regex, flags) for regex in data["notes"]),
        any_residue=_alternation([regex.pattern for _, regex in residue]),
        any_note=_alternation(data["notes"]),
    )


def _alternation(regexes: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<r{n}>{r})" for n, r in enumerate(regexes)), re.IGNORECASE)


def residue_reason(line: str) -> str | None:
    """Why a whole line is page residue, or None when it is content.

    One full match of all the patterns at once (each line of every document is asked; one
    call per pattern cost more than the matching)."""
    found = patterns().any_residue.fullmatch(line)
    if found is None:
        return None
    return patterns().residue[int(str(found.lastgroup)[1:])][0]


def is_related_header(line: str) -> bool:
    return patterns().related_header.fullmatch(line) is not None


def is_related_inline(line: str) -> bool:
    return patterns().related_inline.fullmatch(line) is not None


def is_note(line: str) -> bool:
    return patterns().any_note.fullmatch(line) is not None
