"""Marks from record offsets: nested properly, covering exactly their spans, text escaped."""

from __future__ import annotations

import html
import itertools
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.serve.highlight import Mark, record_marks, render


class Pieces(HTMLParser):
    """The text of the rendering and, per mark element, (offset in the text, its attributes)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.open: list[dict[str, str]] = []
        self.marks: list[tuple[int, int, dict[str, str]]] = []
        self.starts: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag == "mark"
        self.open.append({k: v or "" for k, v in attrs})
        self.starts.append(len(self.text))

    def handle_endtag(self, tag: str) -> None:
        assert tag == "mark"
        self.marks.append((self.starts.pop(), len(self.text), self.open.pop()))

    def handle_data(self, data: str) -> None:
        self.text += data


def parse(markup: str) -> Pieces:
    parser = Pieces()
    parser.feed(markup)
    parser.close()
    assert not parser.open
    return parser


TEXT = st.text(alphabet="ab <>&\"'\n", min_size=1, max_size=40)


@given(
    TEXT.flatmap(
        lambda text: st.tuples(
            st.just(text),
            st.lists(
                st.tuples(
                    st.integers(0, len(text) - 1),
                    st.integers(1, len(text)),
                    st.sampled_from(["entity", "quote", "evidence", "trigger", "time"]),
                    st.sampled_from(["E1", "Q1", "V1", "T1"]),
                ),
                max_size=8,
            ),
        )
    )
)
def test_highlight_pieces_cover_their_spans(
    case: tuple[str, list[tuple[int, int, str, str]]],
) -> None:
    text, raw = case
    marks = [Mark(a, b, kind, ref, kind.upper()) for a, b, kind, ref in raw if a < b]
    parsed = parse(str(render(text, marks)))
    assert parsed.text == text
    covered: dict[tuple[str, str, str], list[tuple[int, int]]] = {}
    for start, end, attrs in parsed.marks:
        assert (int(attrs["data-start"]), int(attrs["data-end"])) == (start, end)
        key = (attrs["data-span"], attrs["data-kind"], attrs["data-ref"])
        covered.setdefault(key, []).append((start, end))
    for (span, _, _), parts in covered.items():
        low, high = map(int, span.split("-"))
        parts.sort()
        assert parts[0][0] == low and parts[-1][1] == high
        assert all(a[1] == b[0] for a, b in itertools.pairwise(parts))
    assert set(covered) == {(f"{m.start}-{m.end}", m.kind, m.ref) for m in set(marks)}


@pytest.mark.parametrize(
    "text",
    ['<script>alert("x")</script> said the minister', "<img src=x onerror=alert(1)> & co"],
)
def test_highlight_escapes_text_and_attributes(text: str) -> None:
    markup = str(render(text, [Mark(0, 8, "quote", 'Q1"><b', "QUOTE")]))
    assert "<script" not in markup and "<img" not in markup and '"><b' not in markup
    assert html.unescape(re.sub(r"<[^>]+>", "", markup)) == text


def test_highlight_record_marks_skip_spans_out_of_range() -> None:
    record = {
        "text": "Ruto met Abiy.",
        "entities": [
            {
                "id": "E1",
                "type": "PERSON",
                "mentions": [{"start": 0, "end": 4}, {"start": 9, "end": 99}],
            }
        ],
        "events": [
            {
                "id": "V1",
                "event_type": "CONSULT",
                "evidence": [{"start": 0, "end": 14, "trigger": {"start": 5, "end": 8}}],
                "actors": [{"start": 0, "end": 4}],
                "recipients": [{"start": 9, "end": 13}],
            }
        ],
    }
    found = {(m.start, m.end, m.kind, m.ref) for m in record_marks(record)}
    assert found == {
        (0, 4, "entity", "E1"),
        (0, 14, "evidence", "V1"),
        (5, 8, "trigger", "V1"),
        (0, 4, "actor", "V1"),
        (9, 13, "recipient", "V1"),
    }
