"""Turn the bytes of one document into text, or say exactly why that is impossible.

Order of trust: a byte-order mark, then strict UTF-8, then Windows-1252 for mostly-ASCII text
(Western news sites that never moved to UTF-8), then charset-normalizer's guess for the rest.
A guess that produces control characters is refused rather than passed on as mojibake.
"""

from __future__ import annotations

import codecs
import unicodedata

from newsgraph.errors import InputError

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
"""Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one)."""

MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file; convert it to text first (e.g. `pdftotext FILE out.txt`)"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx); unpack or export it to .txt first"),
    (b"\x1f\x8b", "a gzip archive; decompress it first (`gunzip FILE`)"),
    (b"\x89PNG", "a PNG image; newsgraph reads text, HTML, JSONL and CSV"),
    (b"\xff\xd8\xff", "a JPEG image; newsgraph reads text, HTML, JSONL and CSV"),
    (b"GIF8", "a GIF image; newsgraph reads text, HTML, JSONL and CSV"),
)
"""File signatures of common binary formats, with what the user should do instead."""

MOSTLY_ASCII = 0.7
"""Share of ASCII bytes above which non-UTF-8 input is read as Windows-1252 (Western text)."""

MAX_CONTROL_SHARE = 0.05
"""Share of C0 control bytes (other than whitespace) above which input counts as binary."""

ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
"""Control characters that plain text may contain."""

UTF16_NUL_SHARE = 0.4
"""Share of NUL bytes in odd or even positions that marks BOM-less UTF-16."""


def decode_bytes(data: bytes, *, what: str = "the input") -> str:
    """Decode one document's bytes to NFC text; raise InputError(kind, message) when impossible."""
    if not data:
        raise InputError("empty", f"{what} is empty; give a file with the article's text")
    text = _decode(data, what)
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise InputError("empty", f"{what} contains only whitespace; give the article's text")
    return text


def _decode(data: bytes, what: str) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    "encoding",
                    f"{what} starts with a {encoding.upper()} byte-order mark but is not valid "
                    f"{encoding.upper()} (byte {exc.start}); re-save it as UTF-8",
                ) from exc
    for magic, description in MAGIC_NUMBERS:
        if data.startswith(magic):
            raise InputError("binary", f"{what} is {description}")
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is not None:
            return utf16
        raise InputError(
            "binary",
            f"{what} contains NUL bytes, so it is not text; give a .txt, .html, "
            ".jsonl or .csv file",
        )
    if _control_share(data) > MAX_CONTROL_SHARE:
        raise InputError("binary", f"{what} is mostly control bytes, so it is not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    ascii_share = sum(b < 0x80 for b in data) / len(data)
    if ascii_share >= MOSTLY_ASCII:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise InputError("encoding", _encoding_message(what, exc.start)) from exc
    return _guess(data, what)


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark has NULs in every other byte of ASCII text."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) / len(zeros) >= UTF16_NUL_SHARE:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return text if _clean(text) else None
    return None


def _guess(data: bytes, what: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("encoding", _encoding_message(what, None))
    text = str(best)
    if not _clean(text):
        raise InputError("encoding", _encoding_message(what, None))
    return text


def _clean(text: str) -> bool:
    """True when decoded text has no control characters other than whitespace."""
    return not any(unicodedata.category(ch) == "Cc" and ch not in ALLOWED_CONTROLS for ch in text)


CONTROL_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\r\f\v\x1b") + b"\x7f"
"""Control bytes that plain text does not contain (ESC is allowed: terminal colour codes)."""


def _control_share(data: bytes) -> float:
    """Share of control bytes, counted by deleting them in one pass (not byte by byte)."""
    controls = len(data) - len(data.translate(None, CONTROL_BYTES))
    return controls / len(data)


def _encoding_message(what: str, position: int | None) -> str:
    where = f" (byte {position})" if position is not None else ""
    return (
        f"{what} is not UTF-8, UTF-16 or Windows-1252 text{where}; re-save it as UTF-8 "
        "(e.g. `iconv -f OLD -t UTF-8 FILE`)"
    )
