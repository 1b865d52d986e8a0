"""Syndicated copies are recognised by body hash or MinHash; different stories are not."""

from __future__ import annotations

import pytest

from newsgraph.store import fingerprint as fp

STORY = (
    "The central bank of Norway kept its main interest rate unchanged on Thursday, saying "
    "inflation had fallen faster than expected but that the krone remained weak. Governor Ida "
    "Wolden Bache told reporters the bank expected to cut rates once or twice next year, "
    "depending on wage growth and energy prices across Europe."
)
REWRITE = (
    "Norway's central bank left borrowing costs on hold on Thursday. Inflation is easing more "
    "quickly than forecast, Governor Ida Wolden Bache said, though the weak krone is a worry, "
    "and one or two rate cuts are likely next year if wages and energy prices allow."
)


@pytest.mark.parametrize(
    ("other", "copy"),
    [
        (STORY, True),
        (STORY.upper().replace(",", ""), True),  # markup and case: same normalised body
        (STORY + " Reporting by a staff writer; editing by the desk.", True),
        (REWRITE, False),
    ],
)
def test_fingerprint_similarity_detects_copies(other: str, copy: bool) -> None:
    a, b = fp.fingerprint(STORY), fp.fingerprint(other)
    same = (
        a.body_hash == b.body_hash
        or fp.similarity(a.signature, b.signature) >= fp.SYNDICATION_THRESHOLD
    )
    assert same is copy


def test_fingerprint_copies_share_a_band() -> None:
    a = fp.fingerprint(STORY)
    b = fp.fingerprint(STORY + " Reporting by a staff writer; editing by the desk.")
    assert set(fp.bands(a.signature)) & set(fp.bands(b.signature))


def test_fingerprint_body_text_uses_body_spans() -> None:
    record = {
        "text": "Headline\n\nBody one.\n\nBody two.",
        "document": {"body": [{"start": 10, "end": 19}, {"start": 21, "end": 30}]},
    }
    assert fp.body_text(record) == "Body one.\nBody two."
