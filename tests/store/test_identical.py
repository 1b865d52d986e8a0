"""Batched writes store exactly the rows that one-document-at-a-time writes stored.

`golden/varied_tables.json` holds, per table, the row count and a hash of every row (ids
included) of the varied corpus as stored by the code before writes were batched across
documents (one statement per table for a whole batch). The same corpus is stored here in
batches of several sizes — new documents, syndicated copies, events joining clusters of
earlier batches and of the same batch, updated versions, error records — and must give the
same rows. After an intended change to what is stored, regenerate the file:
`python -m tests.store.test_identical` (and say why in the commit).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest

from newsgraph.store import Store

from .checks import table_digests
from .conftest import store_url
from .varied import corpus

GOLDEN = Path(__file__).resolve().parent / "golden" / "varied_tables.json"
SIZE = 150


def _records() -> list[dict[str, Any]]:
    return corpus(SIZE, seed=29)


def _ingest(store: Store, records: list[dict[str, Any]], batches: list[int]) -> list[str]:
    """Store the records in batches of the given sizes, in turn (the last size repeats)."""
    statuses: list[str] = []
    start, turn = 0, 0
    while start < len(records):
        size = batches[min(turn, len(batches) - 1)]
        statuses += store.add_many(records[start : start + size])
        start, turn = start + size, turn + 1
    return statuses


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
@pytest.mark.parametrize("batches", [[32], [1], [7, 50, 3]], ids=["32", "1", "mixed"])
def test_identical_rows_as_before_batching(kind: str, batches: list[int], tmp_path: Path) -> None:
    golden = json.loads(GOLDEN.read_text("utf-8"))
    with Store(store_url(kind, tmp_path)) as store:
        statuses = _ingest(store, _records(), batches)
        assert statuses == golden["statuses"]
        now = table_digests(store, {t: v["columns"] for t, v in golden["tables"].items()})
    assert {t: v["rows"] for t, v in now.items()} == {
        t: v["rows"] for t, v in golden["tables"].items()
    }
    assert now == golden["tables"]


def main() -> None:  # pragma: no cover - regenerates the golden file
    with tempfile.TemporaryDirectory() as folder, Store(f"sqlite:///{folder}/g.sqlite") as store:
        statuses = _ingest(store, _records(), [32])
        tables = table_digests(store)
    GOLDEN.parent.mkdir(exist_ok=True)
    GOLDEN.write_text(json.dumps({"statuses": statuses, "tables": tables}, indent=1) + "\n")


if __name__ == "__main__":  # pragma: no cover
    main()
