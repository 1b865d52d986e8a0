"""Recognise syndicated copies: the same wire story carried by several outlets.

A copy counts once. Two signals: a hash of the normalised body (exact copies with different
markup or headline) and a MinHash signature of word 5-grams (near copies: an outlet trims a
sentence or adds a credit line). Candidate originals are found through LSH bands stored in the
database, so finding one never scans every document.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import Connection, select, update

from newsgraph.store import schema as s

SHINGLE_WORDS = 5
"""Word 5-grams: long enough that two different stories on one topic share few of them."""

NUM_PERMUTATIONS = 64
"""MinHash signature length; the Jaccard estimate's standard error is about 1/sqrt(64) = 0.06."""

BANDS = 16
"""LSH bands of 4 rows each: pairs with Jaccard >= 0.5 share a band with high probability."""

ROWS_PER_BAND = NUM_PERMUTATIONS // BANDS

SYNDICATION_THRESHOLD = 0.8
"""Estimated Jaccard of word 5-grams at or above which two bodies are one story. Rewrites of the
same event by different newsrooms share far fewer 5-grams (typically under 0.3)."""

MIN_WORDS = 25
"""Bodies shorter than this are matched only by exact hash; short briefs look alike by chance."""

_MASK32 = (1 << 32) - 1
_SHINGLE_HASH = hashlib.blake2b(digest_size=4)
"""Each shingle's 32-bit hash: a copy of this empty state, updated (copying is cheaper than
building a blake2b with its keyword arguments, ~250 times a document)."""
_WORD = re.compile(r"\w+")
_rng = np.random.default_rng(20240229)  # fixed seed: signatures must be stable across runs
_A = _rng.integers(0, 1 << 63, size=NUM_PERMUTATIONS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_B = _rng.integers(0, 1 << 63, size=NUM_PERMUTATIONS, dtype=np.uint64)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    body_hash: str
    signature: tuple[int, ...]
    n_words: int


def body_text(record: dict[str, Any]) -> str:
    """The body paragraphs of a record (the whole text when the layout found none)."""
    text: str = record.get("text", "")
    spans = (record.get("document") or {}).get("body") or []
    return "\n".join(text[b["start"] : b["end"]] for b in spans) if spans else text


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def fingerprint(text: str) -> Fingerprint:
    tokens = words(text)
    body_hash = hashlib.sha256(" ".join(tokens).encode()).hexdigest()
    n = SHINGLE_WORDS
    if len(tokens) < n:
        shingles = {" ".join(tokens)}
    else:
        count = len(tokens) - n + 1  # word n-grams, as columns of shifted copies
        shingles = set(map(" ".join, zip(*(tokens[i : i + count] for i in range(n)), strict=True)))
    digests = bytearray()
    blank = _SHINGLE_HASH.copy
    for shingle in shingles:
        h = blank()
        h.update(shingle.encode())
        digests += h.digest()
    hashes = np.frombuffer(digests, dtype=">u4").astype(np.uint64)  # big-endian 32-bit
    if hashes.size == 0:
        return Fingerprint(body_hash, tuple([_MASK32] * NUM_PERMUTATIONS), 0)
    # Multiply-add-shift hashing: ((a*h + b) mod 2^64) >> 32 with odd a, one function per
    # permutation (uint64 arithmetic wraps mod 2^64 by design).
    values = (np.outer(_A, hashes) + _B[:, None]) >> np.uint64(32)
    signature = tuple(values.min(axis=1).tolist())
    return Fingerprint(body_hash, signature, len(tokens))


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return sum(x == y for x, y in zip(a, b, strict=True)) / NUM_PERMUTATIONS


@functools.lru_cache(maxsize=256)
def bands(signature: tuple[int, ...]) -> tuple[str, ...]:
    """LSH band keys of a signature (cached: a new document's are needed twice)."""
    out = []
    for i in range(BANDS):
        chunk = signature[i * ROWS_PER_BAND : (i + 1) * ROWS_PER_BAND]
        digest = hashlib.blake2b(repr(chunk).encode(), digest_size=12).hexdigest()
        out.append(f"{i}:{digest}")
    return tuple(out)


def encode_signature(signature: tuple[int, ...]) -> str:
    return " ".join(f"{v:x}" for v in signature)


def _decode(text: str) -> tuple[int, ...]:
    return tuple(int(v, 16) for v in text.split())


def find_original(conn: Connection, document_id: int, fp: Fingerprint) -> tuple[float, int] | None:
    """(similarity, root) of the earliest-stored story this body copies, among documents stored
    before it; None when it is an original."""
    f = s.document_fingerprints
    exact = conn.execute(
        select(f.c.document_id, f.c.copy_of)
        .where(f.c.body_hash == fp.body_hash)
        .where(f.c.document_id < document_id)
        .order_by(f.c.document_id)
    ).first()
    if exact is not None:
        return (1.0, int(exact.copy_of or exact.document_id))
    if fp.n_words < MIN_WORDS:
        return None
    best: tuple[float, int] | None = None
    candidates = conn.execute(
        select(f.c.document_id, f.c.minhash, f.c.copy_of)
        .where(
            f.c.document_id.in_(
                select(s.document_bands.c.document_id).where(
                    s.document_bands.c.band.in_(list(bands(fp.signature)))
                )
            )
        )
        .where(f.c.document_id < document_id)
        .order_by(f.c.document_id)
    ).all()
    for row in candidates:
        score = similarity(fp.signature, _decode(row.minhash))
        if score >= SYNDICATION_THRESHOLD and (best is None or score > best[0]):
            best = (score, int(row.copy_of or row.document_id))
    return best


def copies_of(conn: Connection, document_id: int) -> list[int]:
    f = s.document_fingerprints
    return [
        int(r[0]) for r in conn.execute(select(f.c.document_id).where(f.c.copy_of == document_id))
    ]


def relink(conn: Connection, document_ids: list[int]) -> None:
    """Find the original again for copies whose original was replaced or removed, oldest first:
    the copies of one story stay one story (the earliest remaining one becomes its root)."""
    f = s.document_fingerprints
    for document_id in sorted(document_ids):
        row = conn.execute(
            select(f.c.body_hash, f.c.minhash).where(f.c.document_id == document_id)
        ).first()
        if row is None:
            continue
        signature = _decode(row.minhash)
        n_words = (
            MIN_WORDS
            if conn.execute(
                select(s.document_bands.c.band).where(s.document_bands.c.document_id == document_id)
            ).first()
            else 0
        )
        best = find_original(conn, document_id, Fingerprint(row.body_hash, signature, n_words))
        conn.execute(
            update(f)
            .where(f.c.document_id == document_id)
            .values(copy_of=best[1] if best else None, similarity=best[0] if best else None)
        )


def find_originals(
    conn: Connection, documents: list[tuple[int, Fingerprint]]
) -> list[tuple[float, int] | None]:
    """`find_original` for new documents stored together (ascending ids), with two queries in
    all: each is compared with the stored documents and with the earlier ones of the list."""
    if not documents:
        return []
    f, b = s.document_fingerprints, s.document_bands
    newest = max(document_id for document_id, _ in documents)
    first_by_hash: dict[str, tuple[int, int | None]] = {}
    for row in conn.execute(
        select(f.c.document_id, f.c.copy_of, f.c.body_hash)
        .where(f.c.body_hash.in_(sorted({fp.body_hash for _, fp in documents})))
        .where(f.c.document_id < newest)
        .order_by(f.c.document_id)
    ):
        first_by_hash.setdefault(row.body_hash, (int(row.document_id), row.copy_of))
    banded = [bands(fp.signature) if fp.n_words >= MIN_WORDS else () for _, fp in documents]
    wanted = sorted({band for doc_bands in banded for band in doc_bands})
    by_band: dict[str, list[int]] = {}
    stored: dict[int, tuple[tuple[int, ...], int | None]] = {}
    for start in range(0, len(wanted), 500):
        for banded_row in conn.execute(
            select(b.c.band, f.c.document_id, f.c.minhash, f.c.copy_of)
            .join(f, f.c.document_id == b.c.document_id)
            .where(b.c.band.in_(wanted[start : start + 500]))
            .where(f.c.document_id < newest)
        ):
            document_id = int(banded_row.document_id)
            by_band.setdefault(banded_row.band, []).append(document_id)
            if document_id not in stored:
                stored[document_id] = (_decode(banded_row.minhash), banded_row.copy_of)
    out: list[tuple[float, int] | None] = []
    for (document_id, fp), doc_bands in zip(documents, banded, strict=True):
        exact = first_by_hash.get(fp.body_hash)
        if exact is not None and exact[0] < document_id:
            found: tuple[float, int] | None = (1.0, exact[1] or exact[0])
        elif fp.n_words < MIN_WORDS:
            found = None
        else:
            found = None
            candidates = sorted({i for band in doc_bands for i in by_band.get(band, [])})
            for candidate in candidates:
                if candidate >= document_id:
                    break
                signature, copy_of = stored[candidate]
                score = similarity(fp.signature, signature)
                if score >= SYNDICATION_THRESHOLD and (found is None or score > found[0]):
                    found = (score, int(copy_of or candidate))
        out.append(found)
        # Later documents of the list find this one as the database would.
        first_by_hash.setdefault(fp.body_hash, (document_id, found[1] if found else None))
        stored[document_id] = (fp.signature, found[1] if found else None)
        for band in doc_bands:
            by_band.setdefault(band, []).append(document_id)
    return out
