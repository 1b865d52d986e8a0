"""Property tests: no input makes ingest raise, and every span stays inside the text."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.ingest import detect_layout, read_inputs
from newsgraph.model import Analysis

LINES = st.lists(
    st.sampled_from(
        [
            "Kenya and Somalia sign security pact",
            "By Amina Yusuf and Tom Okello",
            "Updated:",
            "0:00",
            "March 3, 2025",
            "Published 3 hours ago",
            "Troops patrol Mogadishu on Feb. 2, 2025. (AP Photo/Farah Abdi)",
            "Troops patrol Mogadishu on Feb. 2, 2025. Farah Abdi/AP",
            "Photo: Reuters",
            "Security Concerns",
            "MOGADISHU, Somalia (AP) — Officials said the pact was signed on Monday.",
            "Reuters contributed to this report.",
            "Related: Somalia votes",
            "",
            "  ",
        ]
    )
    | st.text(max_size=80),
    max_size=25,
)


def _check_spans(analysis: Analysis) -> None:
    size = len(analysis.text)
    info = analysis.document
    spans = [(b.start, b.end) for b in info.blocks]
    spans += [(c.start, c.end) for c in info.captions]
    spans += [(s.start, s.end) for s in info.headings + info.notes + info.body]
    spans += [(r.start, r.end) for r in info.removed]
    if info.title_span:
        spans.append((info.title_span.start, info.title_span.end))
        assert analysis.text[info.title_span.start : info.title_span.end] == info.title
    for start, end in spans:
        assert 0 <= start <= end <= size


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_properties_arbitrary_bytes_never_raise(data: bytes) -> None:
    results = list(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert len(results) == 1
    analysis = results[0]
    if analysis.error is None:
        assert analysis.text.strip()
        _check_spans(analysis)
    else:
        assert analysis.text == "" and analysis.error.kind and analysis.error.message


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300), st.sampled_from([".txt", ".html", ".jsonl", ".csv"]))
def test_properties_arbitrary_files_never_raise(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"doc{suffix}"
        path.write_bytes(data)
        results = list(read_inputs([str(path)]))
    assert results
    for analysis in results:
        assert (analysis.error is None) == bool(analysis.text)
        _check_spans(analysis)


@settings(max_examples=200, deadline=None)
@given(LINES, st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_properties_layout_spans_inside_text(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    info = detect_layout(text)
    _check_spans(Analysis(id="x", text=text, document=info))
    for block in info.blocks:
        assert text[block.start : block.end].strip()


BREAKING = ["Kenya", "Photo: Reuters", " ", "\t", "\xa0", "\n", "\r", "\r\n", "\u2028", "\u2029"]
BREAKING += ["\x0b", "\x0c", "\x85", "\x1c", "\x1d", "\x1e", "\x1f"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(BREAKING), max_size=12))
def test_properties_lines_split_as_at_every_line_break(pieces: list[str]) -> None:
    # the str.splitlines way and the LINE_BREAK way give the same lines (the separators
    # \x1c-\x1e, which only str.splitlines breaks at, take the LINE_BREAK way)
    from newsgraph.ingest.lines import _lines, _pieces_at_breaks, split_lines

    text = "".join(pieces)
    assert split_lines(text) == _lines(_pieces_at_breaks(text))
    plain = text.replace("\x1c", "").replace("\x1d", "").replace("\x1e", "")
    assert split_lines(plain) == _lines(_pieces_at_breaks(plain))
