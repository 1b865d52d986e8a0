"""Nothing is dropped silently on the way into the store, and a store that cannot be opened is
one line of error, never a traceback (no model needed: these fail before any analysis)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.ingest.readers import iter_documents
from newsgraph.store import Store, StoreError


def newsgraph(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    message = (result.stderr + result.stdout).strip()
    for word in words:
        assert word in message, message


def test_ingest_empty_path_is_an_error_not_the_current_folder(tmp_path: Path) -> None:
    result = newsgraph("ingest", "", "--db", str(tmp_path / "s.sqlite"))
    assert_one_line_error(result, "empty path")
    assert not (tmp_path / "s.sqlite").exists()


@pytest.mark.parametrize("value", ["0", "-3"])
def test_ingest_batch_size_below_one_is_a_config_error(tmp_path: Path, value: str) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("The minister met the envoy in Nairobi on Monday.")
    result = newsgraph(
        "ingest", str(doc), "--db", str(tmp_path / "s.sqlite"), env={"NEWSGRAPH_BATCH_SIZE": value}
    )
    assert_one_line_error(result, "batch_size", "at least 1")


def test_ingest_unreadable_subfolder_is_an_error_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text("The minister met the envoy in Nairobi.")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("Hidden from the reader.")
    real_scandir = os.scandir

    def scandir(path: object) -> object:  # chmod 000 does not stop root, so refuse here
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    docs = list(iter_documents([str(tmp_path)], max_text_bytes=10**6))
    errors = [d for d in docs if d.error is not None]
    assert [d.fallback_id for d in errors] == [str(locked)]
    assert errors[0].error is not None and "cannot be listed" in errors[0].error.message
    assert len(docs) == 2


def test_ingest_csv_unclosed_quote_is_an_error_record_not_merged_rows(tmp_path: Path) -> None:
    data = tmp_path / "wire.csv"
    data.write_text(
        "id,text\n"
        "w1,Kenya and Ethiopia agreed to reopen the Moyale crossing.\n"
        'w2,"The ministers met in Addis Ababa\n'
        "w3,Brazil raised tariffs on steel imports.\n"
        "w4,Poland summoned the Belarusian envoy.\n"
    )
    docs = list(iter_documents([str(data)], max_text_bytes=10**6))
    assert docs[0].error is None
    bad = [d for d in docs if d.error is not None]
    assert len(bad) == 1 and bad[0].error is not None and bad[0].error.kind == "csv"
    assert not any(d.error is None and "Brazil" in (d.text or "") for d in docs[1:])


def test_store_corrupt_or_foreign_file_is_one_line(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("these are my notes, not a database\n" * 200)
    garbage = tmp_path / "broken.sqlite"
    garbage.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    for path in (text_file, garbage):
        with pytest.raises(StoreError, match="not a newsgraph store"):
            Store(f"sqlite:///{path}")
        assert_one_line_error(newsgraph("documents", "--db", str(path)), "not a newsgraph store")


def test_store_unwritable_location_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(StoreError, match="cannot create"):
        Store(f"sqlite:///{blocker / 'sub' / 'store.sqlite'}")
    result = newsgraph("documents", "--db", str(blocker / "store.sqlite"))
    assert_one_line_error(result, "store")


def test_store_refused_postgresql_connection_is_one_line() -> None:
    url = "postgresql://newsgraph@127.0.0.1:9/nowhere"
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(url)
    assert_one_line_error(newsgraph("documents", "--db", url), "cannot open the store")
