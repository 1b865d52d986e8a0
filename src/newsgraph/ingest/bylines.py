"""Bylines: "By X and Y", "By X, Senior Correspondent", or a bare name line under the headline."""

from __future__ import annotations

import re

from newsgraph import agencies

BY_PREFIX = re.compile(r"^(?:by|written by|words by|story by|reported by)\s*:?\s+", re.IGNORECASE)

ROLE_WORDS = frozenset(
    [
        "correspondent",
        "reporter",
        "editor",
        "writer",
        "staff",
        "chief",
        "contributor",
        "analyst",
        "producer",
        "columnist",
        "journalist",
        "bureau",
        "desk",
        "special",
        "senior",
        "junior",
        "political",
        "diplomatic",
        "foreign",
        "defence",
        "defense",
        "security",
        "economics",
        "affairs",
        "international",
        "global",
        "national",
        "news",
        "associate",
        "deputy",
        "managing",
        "team",
        "opinion",
        "investigations",
        "contributing",
        "photographer",
        "host",
    ]
)
"""Words of a byline segment that describe a role, not a name."""

AGENCIES = agencies.lowered("byline")
"""News agencies that appear in bylines; they are sources, not authors."""

NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "abu", "van", "von", "de", "da", "del", "der", "den", "du",
     "la", "le", "di", "dos", "das", "ter", "y", "ben"}
)  # fmt: skip
"""Lower-case words allowed inside personal names ("Mohammed bin Salman", "Ursula von der Leyen")."""

NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|[a-z]{1,3}-[A-Z][\w'’.-]*)$")
"""A capitalised name word, also "al-Sharaa" style."""

MAX_NAME_WORDS = 5
SEGMENT_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\bwith\b)\s*")
TRAILER = re.compile(r"\s+(?:in|from|for|at)\s+[A-Z].*$")
"""" in Ankara", " for Reuters": where the reporter is or works, not part of the name."""


def is_name(segment: str) -> bool:
    """True when a segment reads like a personal name (2-5 capitalised words)."""
    words = segment.split()
    if not 2 <= len(words) <= MAX_NAME_WORDS:
        return False
    if not NAME_TOKEN.match(words[0]) or not NAME_TOKEN.match(words[-1]):
        return False
    for word in words:
        if not (NAME_TOKEN.match(word) or word.lower() in NAME_PARTICLES):
            return False
        if any(ch.isdigit() for ch in word):
            return False
    lowered = {w.lower().strip(".,") for w in words}
    return not (lowered & ROLE_WORDS) and segment.lower() not in AGENCIES


def names_in(raw: str) -> list[str]:
    """The personal names in a byline body ("X, Senior Correspondent" → ["X"])."""
    value = raw.strip().strip("|·•-—–").strip()
    value = re.split(r"\s+[|·•—–]\s+|\s+-\s+", value)[0]
    names: list[str] = []
    for segment in SEGMENT_SPLIT.split(value):
        segment = TRAILER.sub("", segment.strip())
        if is_name(segment) and segment not in names:
            names.append(segment)
    return names


def parse_byline(line: str) -> list[str] | None:
    """Authors of a "By ..." line, or None when the line is no such byline."""
    match = BY_PREFIX.match(line)
    if match is None:
        return None
    rest = line[match.end() :]
    if not rest[:1].isupper():
        return None
    names = names_in(rest)
    if names:
        return names
    head = re.split(r"[,|]", rest)[0].strip().lower()
    return [] if head in AGENCIES or len(rest.split()) <= 3 else None


def parse_bare_names(line: str) -> list[str] | None:
    """Authors of a bare name line ("Maria Lopez", "Jane Doe and John Roe, Reuters")."""
    if line.endswith((".", "!", "?", ":", ";")) or len(line.split()) > 3 * MAX_NAME_WORDS:
        return None
    segments = [TRAILER.sub("", s.strip()) for s in SEGMENT_SPLIT.split(line) if s.strip()]
    names = [s for s in segments if is_name(s)]
    others = [s for s in segments if not is_name(s)]
    if not names or any(not _is_role_or_agency(s) for s in others):
        return None
    return names


def is_role_line(line: str) -> bool:
    """A line that only states a reporter's role ("Senior Correspondent")."""
    words = {w.lower().strip(".,") for w in line.split()}
    return 0 < len(words) <= 5 and bool(words & ROLE_WORDS) and not line.endswith(".")


def _is_role_or_agency(segment: str) -> bool:
    lowered = segment.lower()
    return lowered in AGENCIES or is_role_line(segment)
