"""The client plans work items in the reader's order and reads only what it must."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.ingest import read_inputs
from newsgraph.model import Analysis
from newsgraph.scale.plan import FileItem, item_id, partitions, plan_items, restore_text


def plan(paths: list[str]) -> list[FileItem | Analysis]:
    return list(plan_items(paths, published=None, max_text_bytes=5_000_000))


def test_plan_ids_follow_read_inputs(corpus: Path) -> None:
    (corpus / "nested").mkdir()
    (corpus / "nested" / "page.html").write_text(
        "<html><body><p>Body text of the page.</p></body></html>", encoding="utf-8"
    )
    (corpus / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (corpus / "notes.md").write_text("skipped", encoding="utf-8")
    paths = [str(corpus), str(corpus / "missing.txt"), str(corpus / "jakarta-visit.txt")]
    expected = [a.id for a in read_inputs(paths)]
    assert [item_id(i) for i in plan(paths)] == expected


@pytest.mark.parametrize(
    ("name", "on_worker"),
    [("nairobi-trade.txt", True), ("empty.txt", True), ("wire.jsonl", False)],
)
def test_plan_reads_articles_on_workers_and_corpora_on_client(
    corpus: Path, name: str, on_worker: bool
) -> None:
    items = plan([str(corpus / name)])
    assert all(isinstance(i, FileItem) == on_worker for i in items)


def test_plan_missing_path_is_an_error_record_on_the_client(tmp_path: Path) -> None:
    (item,) = plan([str(tmp_path / "nope.txt")])
    assert isinstance(item, Analysis)
    assert item.error is not None and item.error.kind == "not_found"


@pytest.mark.parametrize(("count", "size", "lengths"), [(5, 2, [2, 2, 1]), (2, 4, [2]), (0, 3, [])])
def test_plan_partitions_are_consecutive(count: int, size: int, lengths: list[int]) -> None:
    items = iter([FileItem(str(i)) for i in range(count)])
    parts = list(partitions(items, size))
    assert [len(p) for p in parts] == lengths
    assert [i.path for p in parts for i in p if isinstance(i, FileItem)] == [
        str(i) for i in range(count)
    ]


def test_plan_restore_text_puts_text_back_after_id() -> None:
    item = Analysis(id="x", text="the text")
    records = restore_text(item, [{"id": "x", "source": {}}])
    assert records == [{"id": "x", "text": "the text", "source": {}}]
    assert list(records[0]) == ["id", "text", "source"]
    error = {"id": "x", "error": {"kind": "empty", "message": "m"}}
    assert restore_text(item, [error]) == [error]
