"""Read the layout of scraped plain text: which line is the headline, the dek, a caption and its
credit, the byline, a date line, a section heading, a contributor note, page residue or body.

Works line by line in two steps: what a line is on its own (residue, caption, byline, note, ...)
and what it is by position (the headline is the first headline-shaped line; the dek comes before
the first body paragraph; headings sit between body paragraphs).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from newsgraph.ingest import bylines, credits, patterns
from newsgraph.ingest.datelines import (
    DateLine,
    DatelinePrefix,
    parse_date_line,
    parse_dateline_prefix,
)
from newsgraph.ingest.lines import Line, split_lines
from newsgraph.model import Block, BlockRole, Caption, DocumentInfo, Removed, Span

MAX_TITLE_WORDS = 30
MAX_TITLE_CHARS = 250
MAX_SUBTITLE_WORDS = 70
MAX_HEADING_WORDS = 10
MAX_HEADING_CHARS = 90
MAX_LABEL_WORDS = 3
"""Short unpunctuated lines before the headline or in the header are section labels ("World")."""
MAX_RELATED_ITEM_WORDS = 25
BODY_MIN_WORDS = 8
"""A line this long, or a shorter one that ends like a sentence, is a paragraph."""
TERMINAL = tuple(".!?\"”’')…")
BULLET = re.compile(r"^[•·▪*\-–]\s+")
T = TypeVar("T")
BOX_REASONS = frozenset({"newsletter", "subscribe"})
"""Residue that comes in a box under a short title of its own (a newsletter's name)."""


@dataclass(slots=True)
class Layout:
    """The layout reader's full result: the document info plus what the date chooser needs."""

    info: DocumentInfo
    date_lines: list[DateLine] = field(default_factory=list)
    dateline: DatelinePrefix | None = None
    dateline_offset: int | None = None
    """Offset in the text where the dateline paragraph starts (its prefix offsets are relative)."""


WORD_RUN = re.compile(r"\w+")


NON_WORD_ASCII = str.maketrans(
    {chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")}
)
"""Every ASCII character `\\w` does not match, to a space."""


def norm_key(text: str) -> str:
    """Comparison key for duplicate detection: case, punctuation and spacing ignored (the runs
    of word characters of the folded text, joined by single spaces).

    ASCII text (most lines) is its own NFKC form and folds as it lower-cases, and its word runs
    are what is left between the other characters once they are spaces."""
    if text.isascii():
        return " ".join(text.lower().translate(NON_WORD_ASCII).split())
    return " ".join(WORD_RUN.findall(unicodedata.normalize("NFKC", text).casefold()))


def words(text: str) -> int:
    return len(text.split())


def is_body_like(text: str) -> bool:
    count = words(text)
    return count >= BODY_MIN_WORDS or (count >= 4 and text.endswith(TERMINAL))


def is_headline(text: str) -> bool:
    count = words(text)
    if not 2 <= count <= MAX_TITLE_WORDS or len(text) > MAX_TITLE_CHARS:
        return False
    if text.endswith((".", ",", ";", ":")) and not text.endswith("..."):
        return False
    return text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"“‘'"


def is_heading_shape(text: str) -> bool:
    count = words(text)
    if not 1 <= count <= MAX_HEADING_WORDS or len(text) > MAX_HEADING_CHARS:
        return False
    if text.endswith((".", ",", ";", ":", "!", "”", '"', "''")) or not (
        text[:1].isupper() or text[:1].isdigit()
    ):
        return False
    return not any(ch.isdigit() for ch in text[:1]) or count > 1


def is_label(text: str) -> bool:
    return words(text) <= MAX_LABEL_WORDS and not text.endswith(TERMINAL)


class _Reader:
    """One pass over the lines of one document."""

    def __init__(self, text: str, known_title: str | None) -> None:
        self.text = text
        self.lines = split_lines(text)
        self.known_title = norm_key(known_title) if known_title else None
        self.info = DocumentInfo()
        self.layout = Layout(self.info)
        self.keys: dict[str, str] = {}  # duplicate key -> role of the first occurrence
        self.in_header = True
        self.body_seen = False
        self.related_list = False
        self.answers: dict[tuple[Callable[[str], Any], str], Any] = {}

    def ask(self, question: Callable[[str], T], text: str) -> T:
        """`question(text)`, asked once per document: the rules that look ahead (title, dek,
        heading) ask of the same lines what the pass asks of them again."""
        key = (question, text)
        answers = self.answers
        if key in answers:
            found: T = answers[key]
            return found
        answer = answers[key] = question(text)
        return answer

    # -- output helpers --------------------------------------------------------------------

    def add(self, start: int, end: int, role: BlockRole, reason: str | None = None) -> None:
        self.info.blocks.append(Block(start, end, role, reason))
        if role == "removed":
            self.info.removed.append(Removed(start, end, reason or "residue"))
        elif role == "heading":
            self.info.headings.append(Span(start, end))
        elif role == "note":
            self.info.notes.append(Span(start, end))
        elif role == "body":
            self.info.body.append(Span(start, end))

    def remove(self, line: Line, reason: str) -> None:
        self.add(line.start, line.end, "removed", reason)

    # -- the pass --------------------------------------------------------------------------

    def run(self) -> Layout:
        title_index = self._find_title()
        for index, line in enumerate(self.lines):
            if index == title_index:
                self._title(line)
            else:
                self._line(
                    index, line, before_title=title_index is not None and index < title_index
                )
        self.info.blocks.sort(key=lambda b: (b.start, b.end))
        return self.layout

    def _find_title(self) -> int | None:
        for index, line in enumerate(self.lines):
            if self.known_title is not None:
                if self.ask(norm_key, line.text) == self.known_title:
                    return index
                continue
            if self._intrinsic_role(line) is not None:
                continue
            if is_label(line.text) and self._longer_headline_follows(index):
                continue
            if is_headline(line.text) and parse_dateline_prefix(line.text) is None:
                return index
            if not is_label(line.text):
                return None
        return None

    def _longer_headline_follows(self, index: int) -> bool:
        """A section label ("Middle East") stands above the real, longer headline."""
        following = self.lines[index + 1 : index + 2]
        return bool(following) and (
            is_headline(following[0].text)
            and words(following[0].text) > words(self.lines[index].text)
            and not following[0].text.endswith(TERMINAL)
        )

    def _title(self, line: Line) -> None:
        self.info.title = line.text
        self.info.title_span = Span(line.start, line.end)
        self.keys[norm_key(line.text)] = "title"
        self.add(line.start, line.end, "title")

    def _intrinsic_role(self, line: Line) -> str | None:
        """What a line is regardless of where it stands (None: ordinary text)."""
        text = line.text
        ask = self.ask
        if ask(patterns.residue_reason, text) is not None:
            return "removed"
        if ask(patterns.is_related_header, text) or ask(patterns.is_related_inline, text):
            return "removed"
        if ask(parse_date_line, text) is not None:
            return "dateline"
        if ask(bylines.parse_byline, text) is not None:
            return "byline"
        if ask(credits.looks_like_credit, text) or ask(credits.split_caption, text) is not None:
            return "caption"
        if ask(credits.caption_label_end, text):
            return "caption"
        return None

    def _line(self, index: int, line: Line, *, before_title: bool) -> None:
        text, ask = line.text, self.ask
        key = ask(norm_key, text)
        if self.related_list:
            if not line.gap_before and (
                BULLET.match(text)
                or (words(text) <= MAX_RELATED_ITEM_WORDS and not text.endswith("."))
            ):
                self.remove(line, "related links")
                return
            self.related_list = False
        reason = ask(patterns.residue_reason, text)
        if reason is None:
            reason = self._box_title(index)
        if reason is not None:
            self.remove(line, reason)
            return
        if ask(patterns.is_related_header, text):
            self.remove(line, "related links")
            self.related_list = True
            return
        if ask(patterns.is_related_inline, text):
            self.remove(line, "related links")
            return
        if key in self.keys and key:
            self.remove(line, "duplicate")
            return
        date_line = ask(parse_date_line, text)
        if date_line is not None:
            self.layout.date_lines.append(date_line)
            self.add(line.start, line.end, "dateline")
            return
        names = ask(bylines.parse_byline, text)
        if names is not None:
            self._authors(names)
            self.add(line.start, line.end, "byline")
            return
        if self._caption(index, line):
            return
        if ask(patterns.is_note, text) and (self.body_seen or not self.in_header):
            self.add(line.start, line.end, "note")
            return
        if before_title:
            self.remove(line, "section label")
            return
        if self.in_header and self._header_line(index, line):
            return
        self._content(index, line)

    def _box_title(self, index: int) -> str | None:
        """The reason of the sign-up box a short title line heads ("Horn Daily" right above "Sign
        up for the Horn Daily newsletter"): the box's own, when the next line is one."""
        if index + 1 >= len(self.lines) or not self.ask(is_heading_shape, self.lines[index].text):
            return None
        following = self.ask(patterns.residue_reason, self.lines[index + 1].text)
        return following if following in BOX_REASONS else None

    def _authors(self, names: list[str]) -> None:
        for name in names:
            if name not in self.info.authors:
                self.info.authors.append(name)

    def _caption(self, index: int, line: Line) -> bool:
        text = line.text
        split = self.ask(credits.split_caption, text)
        if split is not None:
            caption_key = norm_key(text[split.caption_start : split.caption_end])
            if self.keys.get(caption_key) == "caption":
                self.remove(line, "duplicate")
                return True
            self.keys[caption_key] = "caption"
            start = line.start + split.caption_start
            end = line.start + split.caption_end
            self.add(start, end, "caption")
            self.add(line.start + split.credit_start, line.start + split.credit_end, "credit")
            self.info.captions.append(Caption(start, end, split.credit))
            return True
        label_end = self.ask(credits.caption_label_end, text)
        if label_end:
            start = line.start + label_end
            caption_key = norm_key(text[label_end:])
            if self.keys.get(caption_key) == "caption":
                self.remove(line, "duplicate")
                return True
            self.keys[caption_key] = "caption"
            self.add(start, line.end, "caption")
            self.info.captions.append(Caption(start, line.end, self._adjacent_credit(index)))
            return True
        if self.ask(credits.looks_like_credit, text):
            self._attach_credit(index, credits.credit_text(text))
            self.add(line.start, line.end, "credit")
            return True
        return False

    def _adjacent_credit(self, index: int) -> str | None:
        """A credit line right before a labelled caption ("Image source, Reuters")."""
        if index > 0 and not self.lines[index].gap_before:
            previous = self.lines[index - 1].text
            if credits.looks_like_credit(previous):
                value = credits.credit_text(previous)
                return re.sub(r"^image source\s*[,:]\s*", "", value, flags=re.IGNORECASE)
        return None

    def _attach_credit(self, index: int, credit: str) -> None:
        """A credit line right under a prose line makes that line a caption."""
        if index == 0 or self.lines[index].gap_before or not self.info.blocks:
            return
        previous = self.lines[index - 1]
        block = self.info.blocks[-1]
        if block.start != previous.start or block.role not in ("body", "subtitle"):
            return
        if not previous.text.endswith(TERMINAL):
            return
        self.info.blocks[-1] = Block(block.start, block.end, "caption")
        if block.role == "body":
            self.info.body = [s for s in self.info.body if s.start != block.start]
        else:
            self.info.subtitle = None
            self.info.subtitle_span = None
        self.info.captions.append(Caption(block.start, block.end, credit))
        self.keys[norm_key(previous.text)] = "caption"

    def _header_line(self, index: int, line: Line) -> bool:
        """Lines between the headline and the first paragraph: names, dek, labels."""
        text = line.text
        names = bylines.parse_bare_names(text)
        if names is not None and not text.endswith(TERMINAL):
            self._authors(names)
            self.add(line.start, line.end, "byline")
            return True
        if bylines.is_role_line(text) and self.info.authors:
            self.add(line.start, line.end, "byline")
            return True
        if (
            self.info.title is not None
            and self.info.subtitle is None
            and not self.body_seen
            and words(text) <= MAX_SUBTITLE_WORDS
            and parse_dateline_prefix(text) is None
            and self._header_follows(index)
        ):
            self.info.subtitle = text
            self.info.subtitle_span = Span(line.start, line.end)
            self.keys[norm_key(text)] = "subtitle"
            self.add(line.start, line.end, "subtitle")
            return True
        if is_label(text) and not self.body_seen and index + 1 < len(self.lines):
            self.remove(line, "section label")
            return True
        return False

    def _header_follows(self, index: int) -> bool:
        """True when header material (byline, caption, date, residue) follows before any prose."""
        title_key = self.info.title and norm_key(self.info.title)
        apart = False  # inside a run of residue lines that began after a blank line
        for position in range(index + 1, len(self.lines)):
            line = self.lines[position]
            if self.ask(norm_key, line.text) == title_key:
                return True
            role = "removed" if self._box_title(position) else self._intrinsic_role(line)
            if role == "removed" and (line.gap_before or apart):
                apart = True
                continue  # residue after a blank line (a box of it) says nothing about the line
            if role is not None:
                return True
            if bylines.parse_bare_names(line.text) is not None and not self._isolated(position):
                return True
            return parse_dateline_prefix(line.text) is not None
        return False

    def _isolated(self, position: int) -> bool:
        """A line with blank lines on both sides: a heading rather than a name in a header."""
        after = position + 1 >= len(self.lines) or self.lines[position + 1].gap_before
        return self.lines[position].gap_before and after

    def _content(self, index: int, line: Line) -> None:
        text = line.text
        if self.body_seen and is_heading_shape(text) and self._prose_follows(index):
            self.add(line.start, line.end, "heading")
            return
        if self.ask(patterns.is_note, text):
            self.add(line.start, line.end, "note")
            return
        if not self.body_seen and self.layout.dateline is None:
            prefix = parse_dateline_prefix(text)
            if prefix is not None:
                self.layout.dateline = prefix
                self.layout.dateline_offset = line.start
                self.info.dateline = Span(line.start, line.start + prefix.end)
        self.in_header = False
        self.body_seen = True
        self.keys.setdefault(self.ask(norm_key, text), "body")
        self.add(line.start, line.end, "body")

    def _prose_follows(self, index: int) -> bool:
        for line in self.lines[index + 1 :]:
            if self._intrinsic_role(line) == "removed":
                continue
            return is_body_like(line.text) and not is_heading_shape(line.text)
        return False


def read_layout(text: str, *, known_title: str | None = None) -> Layout:
    """The layout of `text` with the evidence the publication-date chooser needs."""
    return _Reader(text, known_title).run()
