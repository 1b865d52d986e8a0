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
    residue_words: Alternation
    note_words: Alternation


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
    residue_words = Alternation(tuple(regex.pattern for _, regex in residue))
    note_words = Alternation(tuple(data["notes"]))
    return Patterns(
        residue=residue,
        related_header=re.compile(data["related_header"], flags),
        related_inline=re.compile(data["related_inline"], flags),
        notes=tuple(re.compile(regex, flags) for regex in data["notes"]),
        any_residue=residue_words.whole,
        any_note=note_words.whole,
        residue_words=residue_words,
        note_words=note_words,
    )


def _alternation(regexes: list[str], skip: frozenset[int] = frozenset()) -> re.Pattern[str]:
    return re.compile(
        "|".join(f"(?P<r{n}>{r})" for n, r in enumerate(regexes) if n not in skip),
        re.IGNORECASE,
    )


ANYWHERE = re.compile(r"\(\?=\.\{0,\d+\}\$\)\.\*\\b(?P<rest>.*)")
"""A pattern that matches a short line holding a phrase anywhere ("... cookies ..."): trying it
walks the whole line back from its end, however plainly the line lacks the phrase."""
META = frozenset("\\.^$*+?{}[]()|")
QUANTIFIERS = frozenset("?*{")


class Alternation:
    """An alternation of patterns in which those that match a phrase anywhere in a line are left
    out when an ASCII line holds none of the words such a phrase must contain.

    The words are the literal starts of the phrase's alternatives; an ASCII line can only match
    a case-insensitive phrase when its lower case holds them, so the answer is the same."""

    def __init__(self, regexes: tuple[str, ...]) -> None:
        self.regexes = regexes
        self.needs: list[tuple[int, tuple[str, ...]]] = []
        """(pattern number, the words one of which a line must hold to match it)"""
        for n, regex in enumerate(regexes):
            found = ANYWHERE.fullmatch(regex)
            needed = _needed_words(found.group("rest")) if found else None
            if needed:
                self.needs.append((n, needed))
        self.words = tuple(word for _, words in self.needs for word in words)
        self.whole = _alternation(list(regexes))
        self._without: dict[frozenset[int], re.Pattern[str]] = {frozenset(): self.whole}
        self.plain = self._pattern_without(frozenset(n for n, _ in self.needs))
        """The alternation for a line that holds none of the words (most lines)."""

    def pattern_for(self, line: str) -> re.Pattern[str]:
        """The alternation, less the phrase patterns the line cannot match."""
        if not self.needs or not line.isascii():
            return self.whole
        lowered = line.lower()
        for word in self.words:
            if word in lowered:
                break
        else:
            return self.plain
        return self._pattern_without(
            frozenset(n for n, words in self.needs if not any(w in lowered for w in words))
        )

    def _pattern_without(self, skip: frozenset[int]) -> re.Pattern[str]:
        found = self._without.get(skip)
        if found is None:  # at most one per subset of `needs` (a few)
            found = self._without[skip] = _alternation(list(self.regexes), skip)
        return found


def _needed_words(rest: str) -> tuple[str, ...] | None:
    """The literal start of each alternative a phrase begins with, or None where one has none
    or the phrase is not plain enough to read (a top-level `|`, a character class, an escaped
    symbol)."""
    if "[" in rest or ESCAPED_SYMBOL.search(rest) or len(_split_top_level(rest)) > 1:
        return None
    alternatives = [rest]
    if rest.startswith("(?:"):
        depth = 0
        for position, char in enumerate(rest):
            depth += {"(": 1, ")": -1}.get(char, 0)
            if depth == 0:
                if rest[position + 1 : position + 2] in QUANTIFIERS:
                    return None  # "(?:a|b)?c": the group may be absent, and "c" start a match
                alternatives = _split_top_level(rest[3:position])
                break
    words = tuple(_literal_start(a) for a in alternatives)
    return None if not all(words) else words


ESCAPED_SYMBOL = re.compile(r"\\[^A-Za-z]")


def _split_top_level(regex: str) -> list[str]:
    """`regex` cut at each `|` outside parentheses (it has no escaped symbol)."""
    parts, depth, start = [], 0, 0
    for position, char in enumerate(regex):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(regex[start:position])
            start = position + 1
    parts.append(regex[start:])
    return parts


def _literal_start(regex: str) -> str:
    """The characters every match of `regex` starts with, in lower case ("" if none)."""
    literal = ""
    for char in regex:
        if char in META:
            if char in QUANTIFIERS:
                literal = literal[:-1]
            break
        literal += char
    return literal.lower() if literal.isascii() else ""


def residue_reason(line: str) -> str | None:
    """Why a whole line is page residue, or None when it is content.

    One full match of all the patterns at once (each line of every document is asked; one
    call per pattern cost more than the matching)."""
    found = patterns().residue_words.pattern_for(line).fullmatch(line)
    if found is None:
        return None
    return patterns().residue[int(str(found.lastgroup)[1:])][0]


def is_related_header(line: str) -> bool:
    return patterns().related_header.fullmatch(line) is not None


def is_related_inline(line: str) -> bool:
    return patterns().related_inline.fullmatch(line) is not None


def is_note(line: str) -> bool:
    return patterns().note_words.pattern_for(line).fullmatch(line) is not None
