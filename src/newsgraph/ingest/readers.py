"""Find the documents in the paths the user gave: files, corpora, directories and stdin.

Each document comes out as a `RawDocument` (text or HTML plus the record's own fields) or as a
`RawDocument` carrying the error that stops it; one bad record never stops the others.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from newsgraph.errors import InputError
from newsgraph.ingest.decode import decode_bytes
from newsgraph.ingest.feed_dates import parse_feed_date
from newsgraph.ingest.html import looks_like_html
from newsgraph.model import DocumentError

_log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
CORPUS_SUFFIXES = frozenset({".jsonl", ".csv"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | CORPUS_SUFFIXES

RAW_SIZE_FACTOR = 4
"""A text file may be this many times the text limit in bytes (UTF-16/32 take more bytes)."""
HTML_SIZE_FACTOR = 20
"""An HTML file may be this many times the text limit (markup, scripts and styles)."""
RECORD_FIELDS = ("id", "text", "html", "title", "url", "source")
"""The string fields of a corpus record that end up in the analysis and the store."""


@dataclass(slots=True)
class RawDocument:
    """One document as read, before decoding into an Analysis."""

    id: str | None = None
    path: str | None = None
    text: str | None = None
    html: str | None = None
    title: str | None = None
    published: Any = None
    url: str | None = None
    publisher: str | None = None
    fallback_id: str | None = None
    """ID when the record has none: the file path, or path#line for a corpus record."""
    error: DocumentError | None = None
    warnings: list[str] = field(default_factory=list)


def iter_documents(
    paths: Sequence[str], *, max_text_bytes: int, stdin: BinaryIO | None = None
) -> Iterator[RawDocument]:
    """Every document under `paths`, in the order given (directories sorted)."""
    for raw_path in paths:
        if raw_path == "-":
            yield _read_stdin(stdin, max_text_bytes)
            continue
        path, name = Path(raw_path), display_name(raw_path)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except (OSError, ValueError) as exc:  # a name too long, a NUL byte, a broken mount
            yield _failed(name, "not_found", f"{name} cannot be opened ({exc}); check the path")
            continue
        if is_dir:
            yield from _read_directory(path, max_text_bytes)
        elif not exists:
            yield _failed(name, "not_found", f"{name} does not exist; check the path")
        else:
            yield from _read_file(path, name, max_text_bytes)


def display_name(raw_path: str) -> str:
    """A path as text that UTF-8 can hold: bytes of a non-UTF-8 file name become `\\xNN`.

    Python hands such names over as lone surrogates, which no JSON writer or database accepts.
    """
    try:
        raw_path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(raw_path).decode("utf-8", "backslashreplace")
    return raw_path


def _has_lone_surrogate(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _not_regular(path: Path, name: str) -> RawDocument | None:
    """The error for a path that is not a regular file (a device, FIFO or socket), else None.

    Reading /dev/zero never ends and opening a FIFO waits for a writer, so only regular files
    are read.
    """
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return _failed(name, "not_found", f"{name} cannot be read ({exc.strerror}); check it")
    if stat.S_ISREG(mode):
        return None
    return _failed(
        name,
        "unsupported",
        f"{name} is not a regular file (a device, pipe or socket); give a file, or pipe the "
        "input through standard input as -",
    )


def _read_bounded(path: Path, limit: int) -> bytes:
    """At most `limit` bytes of a file: enough to tell that it is over a size limit.

    Asks for the file's size (and one byte more) first: `read(limit)` allocates all of `limit`
    (100 MB for HTML) before it reads, and that took most of the time of reading an article."""
    with path.open("rb") as handle:
        wanted = min(limit, os.fstat(handle.fileno()).st_size + 1)
        data = handle.read(wanted)
        if len(data) == wanted < limit:  # the file grew since: read on, up to the limit
            data += handle.read(limit - wanted)
        return data


def _failed(name: str, kind: str, message: str, *, path: str | None = None) -> RawDocument:
    """A document that cannot be read; `name` is its ID (path, or path#line in a corpus)."""
    return RawDocument(fallback_id=name, path=path or name, error=DocumentError(kind, message))


def _failed_in(path: str, name: str, kind: str, message: str) -> RawDocument:
    """A record of a corpus file that cannot be read."""
    return _failed(name, kind, message, path=path)


def _read_directory(path: Path, max_text_bytes: int) -> Iterator[RawDocument]:
    unreadable: list[OSError] = []  # a subfolder that cannot be listed is an error, not skipped
    try:
        found: list[Path] = []
        for folder, dirs, names in os.walk(path, onerror=unreadable.append):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found += (
                p
                for p in (Path(folder) / name for name in names if not name.startswith("."))
                if p.suffix.lower() in KNOWN_SUFFIXES and p.is_file()
            )
        files = sorted(found)
    except OSError as exc:
        yield _failed(str(path), "not_found", f"{path} cannot be listed ({exc}); check permissions")
        return
    for problem in unreadable:
        where = problem.filename or path
        yield _failed(
            str(where),
            "not_found",
            f"{where} cannot be listed ({problem.strerror}); check permissions",
        )
    if unreadable and not files:
        return
    if not files:
        yield _failed(
            str(path), "empty", f"{path} holds no .txt, .html, .htm, .jsonl or .csv files"
        )
    for file in files:
        yield from _read_file(file, display_name(str(file)), max_text_bytes)


def _read_file(path: Path, name: str, max_text_bytes: int) -> Iterator[RawDocument]:
    suffix = path.suffix.lower()
    if suffix not in KNOWN_SUFFIXES:
        yield _failed(
            name,
            "unsupported",
            f"{name}: newsgraph reads .txt, .html, .htm, .jsonl and .csv "
            "files; rename plain text to .txt or convert the file",
        )
        return
    refused = _not_regular(path, name)
    if refused is not None:
        yield refused
        return
    if suffix == ".jsonl":
        yield from _read_jsonl(path, name, max_text_bytes)
        return
    factor = HTML_SIZE_FACTOR if suffix in HTML_SUFFIXES else RAW_SIZE_FACTOR
    try:
        # A corpus file holds many documents and has no size limit; a text or HTML file is read
        # only up to one byte over its limit.
        data = (
            path.read_bytes()
            if suffix == ".csv"
            else _read_bounded(path, max_text_bytes * factor + 1)
        )
    except OSError as exc:
        yield _failed(
            name, "not_found", f"{name} cannot be read ({exc.strerror}); check permissions"
        )
        return
    if suffix == ".csv":
        yield from _read_csv(data, name)
        return
    yield _from_bytes(data, name, max_text_bytes, factor, html=suffix in HTML_SUFFIXES)


def _from_bytes(
    data: bytes, name: str, max_text_bytes: int, factor: int, *, html: bool
) -> RawDocument:
    if len(data) > max_text_bytes * factor:
        return _failed(name, "too_large", _too_large(name, len(data), max_text_bytes))
    try:
        text = decode_bytes(data, what=name)
    except InputError as exc:
        return _failed(name, exc.kind, exc.message)
    if html:
        return RawDocument(path=name, fallback_id=name, html=text)
    return RawDocument(path=name, fallback_id=name, text=text)


def _too_large(name: str, size: int, limit: int) -> str:
    return (
        f"{name} is {size:,} bytes, over the {limit:,}-byte limit; split it or raise the limit "
        "(NEWSGRAPH_MAX_TEXT_BYTES)"
    )


def _read_stdin(stdin: BinaryIO | None, max_text_bytes: int) -> RawDocument:
    try:
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(max_text_bytes * HTML_SIZE_FACTOR + 1)
    except (AttributeError, OSError, ValueError) as exc:  # closed (sys.stdin is None) or unreadable
        document = _failed("<stdin>", "not_found", f"standard input cannot be read ({exc})")
        document.path = None
        return document
    html = looks_like_html(data)
    document = _from_bytes(
        data, "<stdin>", max_text_bytes, HTML_SIZE_FACTOR if html else RAW_SIZE_FACTOR, html=html
    )
    document.path = None
    document.fallback_id = None
    return document


def _read_jsonl(path: Path, name: str, max_text_bytes: int) -> Iterator[RawDocument]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield _failed(
            name, "not_found", f"{name} cannot be read ({exc.strerror}); check permissions"
        )
        return
    with handle:
        seen = False
        limit = max_text_bytes * HTML_SIZE_FACTOR
        for number, (raw_line, size) in enumerate(_bounded_lines(handle, limit), start=1):
            line_id = f"{name}#{number}"
            if number == 1:
                raw_line = raw_line.removeprefix(b"\xef\xbb\xbf")
            if size <= limit and not raw_line.strip():
                continue
            seen = True
            if size > limit:
                yield _failed_in(
                    name, line_id, "too_large", _too_large(line_id, size, max_text_bytes)
                )
                continue
            yield _json_record(raw_line, line_id, name)
        if not seen:
            yield _failed(name, "empty", f"{name} has no records; give one JSON object per line")


def _bounded_lines(handle: BinaryIO, limit: int) -> Iterator[tuple[bytes, int]]:
    """Each line with its size in bytes; a line over `limit` is skipped, not held in memory."""
    while line := handle.readline(limit + 1):
        size, tail = len(line), line
        if size > limit:
            while not tail.endswith(b"\n") and (tail := handle.readline(limit)):
                size += len(tail)
            line = b""
        yield line, size


def _json_record(raw_line: bytes, line_id: str, name: str) -> RawDocument:
    """One JSON Lines record; any line that is not a usable JSON object is that record's error."""
    try:
        record = json.loads(raw_line.decode("utf-8"))
    except UnicodeDecodeError:
        return _failed_in(
            name, line_id, "encoding", f"{line_id} is not UTF-8; JSON Lines must be UTF-8"
        )
    except json.JSONDecodeError as exc:
        return _failed_in(
            name,
            line_id,
            "json",
            f"{line_id} is not valid JSON ({exc.msg} at column {exc.colno}); "
            "fix or remove that line",
        )
    except RecursionError:
        return _failed_in(
            name, line_id, "json", f"{line_id} nests arrays or objects too deeply to read"
        )
    except ValueError as exc:  # an integer longer than Python converts (4,300 digits)
        return _failed_in(
            name,
            line_id,
            "json",
            f"{line_id} cannot be read as JSON ({str(exc).split(';')[0]}); write such numbers "
            "as strings",
        )
    return _from_record(record, line_id, name, "json")


def _read_csv(data: bytes, name: str) -> Iterator[RawDocument]:
    try:
        content = decode_bytes(data, what=name)
    except InputError as exc:
        yield _failed(name, exc.kind, exc.message)
        return
    csv.field_size_limit(max(csv.field_size_limit(), len(content) + 1))
    # strict: an unclosed quote is an error, not a field that swallows the rows after it
    reader = csv.DictReader(io.StringIO(content, newline=""), strict=True)
    try:
        header = reader.fieldnames
    except csv.Error as exc:
        yield _failed(name, "csv", f"{name}: the header row is not valid CSV ({exc})")
        return
    columns = {h.strip().lower() for h in header or []}
    if not columns & {"text", "html"}:
        yield _failed(
            name,
            "csv",
            f"{name}: the header row needs a 'text' or 'html' column (found {sorted(columns)})",
        )
        return
    number = 0
    while True:
        number += 1
        row_id = f"{name}#{number}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield _failed_in(
                name, row_id, "csv", f"{row_id} is not valid CSV ({exc}); fix that row"
            )
            continue
        record = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
        if None in row:
            yield _failed_in(
                name,
                row_id,
                "csv",
                f"{row_id} has more fields than the header; quote fields that contain commas",
            )
            continue
        yield _from_record(record, row_id, name, "csv")


def _from_record(record: object, record_id: str, path: str, kind: str) -> RawDocument:
    """A corpus record: `text` or `html`, and optional id, title, published, url, source."""
    if not isinstance(record, dict):
        return _failed_in(
            path,
            record_id,
            kind,
            f"{record_id} is not an object; give one object per record, "
            "with a 'text' or 'html' field",
        )
    for key in RECORD_FIELDS:
        value = record.get(key)
        if isinstance(value, str) and _has_lone_surrogate(value):
            return _failed_in(
                path,
                record_id,
                "encoding",
                f"{record_id}: '{key}' holds a lone surrogate (an escape such as \\ud800 "
                "without its pair), which is not a character; fix the exporter that wrote it",
            )
    text, html = record.get("text"), record.get("html")
    if not _nonempty_str(text) and not _nonempty_str(html):
        if text is None and html is None:
            return _failed_in(path, record_id, kind, f"{record_id} has no 'text' or 'html' field")
        if (text is not None and not isinstance(text, str)) or (
            html is not None and not isinstance(html, str)
        ):
            return _failed_in(
                path, record_id, kind, f"{record_id}: 'text' and 'html' must be strings"
            )
        return _failed(
            _record_id(record, record_id) or record_id,
            "empty",
            f"{record_id} has an empty text; give the article's text",
            path=path,
        )
    document = RawDocument(
        id=_record_id(record, None),
        path=path,
        fallback_id=record_id,
        text=text if _nonempty_str(text) else None,
        html=html if not _nonempty_str(text) and _nonempty_str(html) else None,
        title=_optional(record.get("title")),
        url=_optional(record.get("url")),
        publisher=_optional(record.get("source")),
    )
    for key in ("id", "title", "url", "source"):
        value = record.get(key)
        if (
            value is not None
            and not isinstance(value, str)
            and not (key == "id" and isinstance(value, int) and not isinstance(value, bool))
        ):
            document.warnings.append(
                f"{record_id}: '{key}' is {type(value).__name__}, not a string; ignored"
            )
    published = record.get("published")
    if published not in (None, ""):
        document.published = parse_feed_date(published)
        if document.published is None:
            message = (
                f"{record_id}: 'published' {str(published)[:60]!r} is not a date newsgraph can "
                "read (use YYYY-MM-DD, ISO 8601 or RFC 2822); the date is taken from the text"
            )
            document.warnings.append(message)
            _log.warning(message)
    return document


def _record_id(record: dict[str, Any], default: str | None) -> str | None:
    value = record.get("id")
    if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
        return str(value).strip()
    return default


def _nonempty_str(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _optional(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
