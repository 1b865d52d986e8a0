"""Photo credits: tell "Jane Doe/AFP via Getty Images" or "(Ministry of X via AP)" from prose.

A caption is a line of prose that ends in a credit; the credit is the part after the last
sentence, optionally in parentheses, that reads like a credit (a label such as "Photo:", a
"Name/Agency" slash, "via", or an agency word) and not like a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph import agencies

CREDIT_LABEL = re.compile(
    r"^(?:photo(?:graph)?s?|image|picture|credit|video|illustration|source|image source)"
    r"(?:\s+(?:by|credit|source))?\s*[:,]\s*\S",
    re.IGNORECASE,
)
"""A credit that says what it is ("Photo: Reuters", "Photograph: Jane Doe/AP")."""

CREDIT_WORDS = agencies.lowered("credit") | frozenset(
    ["images", "image", "photo", "photos", "photographer", "pool", "handout", "file", "courtesy",
     "ministry", "office", "service", "agency", "press", "presidency", "kremlin"]
)  # fmt: skip
"""Words that mark a short capitalised phrase as a credit (agencies, "handout", "ministry")."""

LOWER_OK = frozenset({"via", "of", "the", "and", "for", "de", "al", "by", "courtesy", "to"})
"""Lower-case words allowed inside a credit."""

MAX_CREDIT_WORDS = 12
"""Credits are short; longer tails are prose."""

SLASH_CREDIT = re.compile(r"[A-Za-z.)]\s?/\s?[A-Z]")
VIA = re.compile(r"\b[A-Z][\w.'’-]*\s+via\s+[A-Z]")
SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+")
PAREN_CREDIT = re.compile(r"\(([^()]{2,120})\)$")
PIPE_CUT = re.compile(r"\s+[|•]\s+")
IMAGE_CAPTION_LABEL = re.compile(r"^(?:image|photo|media) caption\s*[,:]\s*", re.IGNORECASE)
"""BBC-style "Image caption, ..." prefix."""


@dataclass(frozen=True, slots=True)
class CaptionSplit:
    """Offsets inside one line: the caption part and the credit part (credit may be absent)."""

    caption_start: int
    caption_end: int
    credit_start: int
    credit_end: int
    credit: str


def looks_like_credit(raw: str) -> bool:
    """True when `raw` (with or without parentheses) reads like a photo credit."""
    value = raw.strip()
    if value.startswith("(") and value.endswith(")"):
        value = value[1:-1].strip()
    if not value or len(value.split()) > MAX_CREDIT_WORDS:
        return False
    if CREDIT_LABEL.match(value):
        return True
    if value.endswith(SENTENCE_PUNCTUATION) and not value.endswith(("Inc.", "Ltd.")):
        return False
    words = re.findall(r"[\w'’.-]+", value)
    if not words:
        return False
    capitalised = [w for w in words if w[0].isupper() or w[0].isdigit()]
    lowercase_ok = [w for w in words if w.lower() in LOWER_OK]
    if len(capitalised) + len(lowercase_ok) < len(words):
        return False
    if not capitalised:
        return False
    if SLASH_CREDIT.search(value) or VIA.search(value):
        return True
    return any(w.lower().strip(".") in CREDIT_WORDS for w in words)


def credit_text(raw: str) -> str:
    """The credit string as the record shows it: without parentheses and a "Photo:" label."""
    value = raw.strip()
    if value.startswith("(") and value.endswith(")"):
        value = value[1:-1].strip()
    return value


LABEL_WORDS = ("photo", "image", "picture", "credit", "video", "illustration", "source")
"""One of these starts every match of `CREDIT_LABEL`."""
SENTENCE_PUNCTUATION = (".", "!", "?", ":", ";", ",")


def _plainly_prose(stripped: str) -> bool:
    """An ASCII line that ends like a sentence and names no credit label has no credit: every
    tail `split_caption` tries ends as the line does, and such a tail reads as a credit only
    through `CREDIT_LABEL` (most paragraphs: no tail of theirs is tried)."""
    if not stripped.endswith(SENTENCE_PUNCTUATION) or stripped.endswith(("Inc.", "Ltd.")):
        return False
    if not stripped.isascii():
        return False
    lowered = stripped.lower()
    return not any(word in lowered for word in LABEL_WORDS)


def split_caption(line: str) -> CaptionSplit | None:
    """Split a caption line into prose and trailing credit; None if it has no credit."""
    stripped = line.rstrip()
    if _plainly_prose(stripped):
        return None
    # "(Ministry of X via AP)" after the last sentence.
    paren = PAREN_CREDIT.search(stripped) if stripped.endswith(")") else None
    if paren and looks_like_credit(paren.group(0)):
        prose_end = len(stripped[: paren.start()].rstrip())
        if _is_prose(stripped[:prose_end]):
            return CaptionSplit(0, prose_end, paren.start(), len(stripped), paren.group(1).strip())
    # "... on Feb. 4, 2025. Jane Doe/AFP via Getty Images" or "... | Photo: Reuters".
    # A credit has at most MAX_CREDIT_WORDS words (two more with its parentheses apart), so
    # only a cut among the last words can start one: the search starts a little before them.
    head = stripped.rsplit(None, MAX_CREDIT_WORDS + 3)
    search_from = max(0, len(head[0]) - 8) if len(head) > MAX_CREDIT_WORDS + 3 else 0
    cuts = [m.end() for m in SENTENCE_END.finditer(stripped, search_from)]
    cuts += [m.end() for m in PIPE_CUT.finditer(stripped, search_from)]
    for cut in sorted(cuts, reverse=True):  # the credit is the last part
        tail = stripped[cut:]
        if looks_like_credit(tail) and _is_prose(stripped[:cut]):
            prose = stripped[:cut].rstrip(" |•")
            return CaptionSplit(0, len(prose.rstrip()), cut, len(stripped), credit_text(tail))
    return None


def _is_prose(text: str) -> bool:
    """Caption prose is a few words long and ends like a sentence."""
    value = text.strip().rstrip("|•").strip()
    return len(value.split()) >= 3 and value[-1:] in '.!?"”’)'


def caption_label_end(line: str) -> int:
    """Length of a leading "Image caption, " label (0 when there is none)."""
    match = IMAGE_CAPTION_LABEL.match(line)
    return match.end() if match else 0
