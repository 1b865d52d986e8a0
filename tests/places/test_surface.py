"""`read_surface` reads a span's own characters once per distinct string (`_reading`); its
readings must equal those of the direct reading it replaced, kept here as the reference."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.fold import normalize_key
from newsgraph.places.surface import (
    FOLLOWING_QUALIFIER,
    GENERIC_PREFIX,
    GENERIC_SUFFIX,
    LEADING_ARTICLE,
    NOISE_LAST,
    QUALIFIER_BEFORE,
    QUALIFIER_PREFIX,
    REGION_WORDS,
    TRAILING_NOISE,
    Surface,
    _sentence_initial,
    read_surface,
)


def _reference(text: str, start: int, end: int) -> Surface | None:
    """Trim a mention and derive its lookup keys; None when nothing name-like is left."""
    span = text[start:end]
    article = LEADING_ARTICLE.match(span)
    if article:
        start += article.end()
        span = span[article.end() :]
    while span and (span[-1] in NOISE_LAST or span[-1].isspace()):
        noise = TRAILING_NOISE.search(span)
        if not noise or noise.start() == 0:
            break
        end -= len(span) - noise.start()
        span = span[: noise.start()]
    dotted_key: str | None = None
    if span.endswith("."):
        dotted_key = normalize_key(span)
        span = span[:-1]
        end -= 1
    if not span or not any(map(str.isupper, span)):
        return None

    keys: list[str] = [normalize_key(span)]
    region: str | None = None
    core = span
    prefix = QUALIFIER_PREFIX.match(span)
    if prefix:
        region = prefix.group(1).lower()
        core = prefix.group(2)
        keys.append(normalize_key(core))
    else:
        window = text[max(0, start - 30) : start]
        # only a lower-case word counts: a window without one is not searched
        if any(word in window for word in REGION_WORDS):
            before = QUALIFIER_BEFORE.search(window)
            if before and before.group(1).islower():
                region = before.group(1)
    qualifier_text = text[end : end + 60]
    if ", " in core:
        core, _, tail = core.partition(", ")
        keys.append(normalize_key(core))
        qualifier_text = ", " + tail
    for pattern in (GENERIC_PREFIX, GENERIC_SUFFIX):
        match = pattern.match(core)
        if match:
            keys.append(normalize_key(match.group(1)))
    qualifier = FOLLOWING_QUALIFIER.match(qualifier_text) if qualifier_text[:1] == "," else None
    qualifier_keys: tuple[str, ...] = ()
    if qualifier:
        words = qualifier.group(1).split()
        for n in range(len(words), 0, -1):
            key = normalize_key(" ".join(words[:n]))
            # "Tex." is an abbreviation, "Northamptonshire." a name before a full stop
            qualifier_keys += (key, key.rstrip(".")) if key.endswith(".") else (key,)
    return Surface(
        start=start,
        end=end,
        text=span,
        keys=tuple(dict.fromkeys(k for k in keys if k)),
        dotted_key=dotted_key,
        region=region,
        qualifier_keys=qualifier_keys,
        sentence_initial=_sentence_initial(text, start),
    )


ARTICLES = [
    "The Boise Police Department said on Monday that the suspect, from Paris, Texas, was held.",
    "Fighting in northwestern Syria's Idlib province went on; in the city of Aleppo it eased.",
    "OAKLAND, Calif. (AP) — Officials in the U.S. and the Gaza Strip, south of Israel, met.",
    "Residents of Moscow, Idaho, and of Northamptonshire. The Kherson region's governor spoke.",
    "Shelling in the south Central Anatolia region and in east Northern Ireland went on.",
    "“The Ministry said in east Ukraine” (Kyiv) — Upper Austria, Žilina and Østfold; ſouth Kent",
]
PIECES = [
    "the ", "The ", "Paris", ", ", "Texas", "Tex.", "'s", "’", " ", ",", ".", "(", ")", "\n",
    "north ", "northwestern ", "Central ", "Idlib", " province", "city of ", "U.S.", "Žilina",
    "south of ", "parts of ", "east", '"', "!", "ſ", "Kherson Region", "lower ",
]  # fmt: skip


def _spans(text: str) -> list[tuple[int, int]]:
    return [(s, e) for s in range(len(text)) for e in range(s, min(len(text), s + 40) + 1)]


@pytest.mark.parametrize("text", ARTICLES)
def test_surface_read_surface_equals_reference_on_every_span(text: str) -> None:
    for start, end in _spans(text):
        assert read_surface(text, start, end) == _reference(text, start, end), (start, end)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=14),
    st.integers(0, 80),
    st.integers(0, 40),
)
def test_surface_read_surface_equals_reference_on_generated_text(
    pieces: list[str], start: int, width: int
) -> None:
    text = "".join(pieces)
    start = min(start, len(text))
    end = min(len(text), start + width)
    # twice: the second reading comes from the memo
    assert read_surface(text, start, end) == _reference(text, start, end)
    assert read_surface(text, start, end) == _reference(text, start, end)
