"""A text or HTML file is read up to one byte over its limit, whatever its size."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.ingest.readers import _read_bounded


@pytest.mark.parametrize("size", [0, 1, 9, 10, 11, 4096])
def test_read_bounded_reads_at_most_the_limit(tmp_path: Path, size: int) -> None:
    path = tmp_path / "article.txt"
    body = bytes(range(256)) * (size // 256 + 1)
    path.write_bytes(body[:size])
    assert _read_bounded(path, 10) == body[: min(size, 10)]
    assert _read_bounded(path, 1 << 20) == body[:size]
