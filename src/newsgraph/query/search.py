"""Full-text search over quotes and event evidence (SQLite FTS5, PostgreSQL tsvector)."""

from __future__ import annotations

import re
from typing import Any, Literal

import pandas as pd
from sqlalchemy import text as sql

from newsgraph.errors import ConfigError
from newsgraph.query.columns import SEARCH_SCHEMA, typed
from newsgraph.query.filters import clean
from newsgraph.query.filters import limit as check_limit
from newsgraph.store import Store
from newsgraph.store.ddl import FTS_TABLE, PG_DOCUMENT, TS_CONFIG

SearchKind = Literal["quote", "evidence"]
_WORD = re.compile(r"\w+")
SEARCH_COLUMNS = ["kind", "ref_id", "doc_key", "publisher", "published", "speaker", "text", "rank"]
MAX_QUERY_WORDS = 64
"""Distinct words a search may hold: both engines' time grows with the square of the query's
words (a 120 KB query took minutes), and no useful search needs more."""


def query_words(text: str) -> list[str]:
    """The distinct words of a search, in order; more than `MAX_QUERY_WORDS` is refused."""
    words = list(dict.fromkeys(w.lower() for w in _WORD.findall(text)))
    if len(words) > MAX_QUERY_WORDS:
        raise ConfigError(
            f"search takes at most {MAX_QUERY_WORDS} different words, got {len(words)}; "
            "search for the few words that matter"
        )
    return words


def fts5_query(text: str) -> str:
    """Every word must occur (quoted, so FTS5 operators in user text are just words)."""
    return " ".join(f'"{w}"' for w in query_words(text))


def search(
    store: Store, text: str, *, kind: SearchKind | None = None, limit: int = 50
) -> pd.DataFrame:
    """Quotes and evidence sentences containing all words of `text` (stemmed), best first."""
    text = clean(text, "text") or ""
    limit = check_limit(limit) or 0
    if not _WORD.search(text):
        raise ConfigError("search needs at least one word")
    params: dict[str, Any] = {"limit": limit, "kind": kind}
    kind_filter = "AND (CAST(:kind AS TEXT) IS NULL OR t.kind = CAST(:kind AS TEXT))"
    if store.engine.dialect.name == "sqlite":
        params["q"] = fts5_query(text)
        query = f"""
            SELECT t.kind, t.ref_id, d.doc_key, d.publisher, d.published, t.speaker, t.text,
                   bm25({FTS_TABLE}) AS rank
            FROM {FTS_TABLE} JOIN search_texts t ON t.id = {FTS_TABLE}.rowid
            JOIN documents d ON d.id = t.document_id
            WHERE {FTS_TABLE} MATCH :q {kind_filter}
            ORDER BY rank LIMIT :limit"""
    else:
        params["q"] = " ".join(query_words(text))
        # Unqualified speaker/text: the expression must read exactly as the GIN index's.
        query = f"""
            SELECT t.kind, t.ref_id, d.doc_key, d.publisher, d.published, t.speaker, t.text,
                   -ts_rank({PG_DOCUMENT},
                            plainto_tsquery('{TS_CONFIG}', :q)) AS rank
            FROM search_texts t JOIN documents d ON d.id = t.document_id
            WHERE {PG_DOCUMENT}
                  @@ plainto_tsquery('{TS_CONFIG}', :q)
              {kind_filter}
            ORDER BY rank LIMIT :limit"""
    with store.engine.connect() as conn:
        rows = conn.execute(sql(query), params).all()
    return typed(pd.DataFrame(rows, columns=SEARCH_COLUMNS), SEARCH_SCHEMA)
