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
    )


def residue_reason(line: str) -> str | None:
    """Why a whole line is page residue, or None when it is content."""
    for reason, regex in patterns().residue:
        if regex.fullmatch(line):
            return reason
    return None


def is_related_header(line: str) -> bool:
    return patterns().related_header.fullmatch(line) is not None


def is_related_inline(line: str) -> bool:
    return patterns().related_inline.fullmatch(line) is not None


def is_note(line: str) -> bool:
    return any(regex.fullmatch(line) for regex in patterns().notes)
