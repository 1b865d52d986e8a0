"""The one agency list: every use reads its flagged forms from agencies.tsv."""

from __future__ import annotations

import pytest

from newsgraph import agencies


def test_agencies_each_use_has_its_forms() -> None:
    assert {"Reuters", "Associated Press", "IRNA"} <= set(agencies.forms("relay"))
    assert {"reuters", "the associated press", "aljazeera"} <= agencies.lowered("byline")
    assert {"getty", "nurphoto", "epa-efe"} <= agencies.lowered("credit")
    # a newspaper relays quotes but never stands as a credit word
    assert "the guardian" not in agencies.lowered("credit")


def test_agencies_users_read_the_list() -> None:
    from newsgraph.ingest.bylines import AGENCIES
    from newsgraph.ingest.credits import CREDIT_WORDS
    from newsgraph.quotes.cues import lexicon

    assert agencies.lowered("byline") == AGENCIES
    assert agencies.lowered("credit") <= CREDIT_WORDS
    assert set(lexicon().outlets) == set(agencies.forms("relay"))


def test_agencies_rows_are_unique_and_flagged() -> None:
    rows = agencies._rows()
    assert len({form for form, _ in rows}) == len(rows)
    assert all(flags and flags <= set(agencies.USES) for _, flags in rows)


def test_agencies_bad_row_says_which_line(monkeypatch: pytest.MonkeyPatch) -> None:
    class Files:
        def joinpath(self, name: str) -> Files:
            return self

        def read_text(self, encoding: str) -> str:
            return "# header\nReuters\trelay\nAP\twire\n"

    monkeypatch.setattr(agencies.resources, "files", lambda package: Files())
    agencies._rows.cache_clear()
    try:
        with pytest.raises(ValueError, match="line 3"):
            agencies._rows()
    finally:
        agencies._rows.cache_clear()
