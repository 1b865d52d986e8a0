"""Open a store read-only for the explorer, with a time limit on every query.

The explorer reads through the same `Store` and query layer as the command line; only the way
the database is opened differs: SQLite in `mode=ro` with `query_only`, PostgreSQL in read-only
transactions. A query running longer than `query_seconds` is interrupted (SQLite progress
handler, PostgreSQL `statement_timeout`) so one costly request cannot stall the server.
"""

from __future__ import annotations

import time
import urllib.parse
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from newsgraph.errors import ConfigError
from newsgraph.store import Store, migrations

QUERY_SECONDS = 5.0
"""Longest a single query may run before it is interrupted (the request then answers 503)."""

PROGRESS_STEPS = 1_000_000
"""SQLite virtual-machine steps between two looks at the clock: each look takes the GIL, so
looking rarely (some milliseconds of work apart) keeps concurrent requests from queueing on it."""


MMAP_BYTES = 1 << 30
"""SQLite reads the store through a memory map (up to this much of it): every connection of
every server process then reads the one copy in the OS page cache, where each would otherwise
copy pages into its own 2 MB cache (an actor or dyad request probes indexes all over the file;
10-20% less CPU per request on the 100,000-cluster bench store)."""


class QueryTooCostly(Exception):
    """A query ran past the explorer's time limit."""


def _sqlite_engine(path: str, query_seconds: float) -> Engine:
    file = Path(path).expanduser()
    if not file.is_file():
        raise ConfigError(
            f"no store at {file}: fill one with `newsgraph ingest examples/` (or give --db)"
        )
    uri = f"file:{urllib.parse.quote(str(file.resolve()))}?mode=ro"
    engine = create_engine(
        "sqlite+pysqlite:///" + uri + "&uri=true",
        connect_args={"check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, record: Any) -> None:
        deadline = [float("inf")]
        record.info["deadline"] = deadline  # set by _before_execute for each statement
        dbapi_connection.set_progress_handler(
            lambda: 1 if time.monotonic() > deadline[0] else 0, PROGRESS_STEPS
        )
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA query_only=ON")
        cursor.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        cursor.close()

    @event.listens_for(engine, "before_cursor_execute")
    def _before_execute(conn: Any, *_args: Any) -> None:
        conn.info["deadline"][0] = time.monotonic() + query_seconds

    return engine


def _postgres_engine(url: str, query_seconds: float) -> Engine:
    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    options = (
        f"-c default_transaction_read_only=on -c statement_timeout={int(query_seconds * 1000)}"
    )
    try:
        return create_engine(parsed, connect_args={"options": options})
    except ModuleNotFoundError as exc:
        raise ConfigError(
            "PostgreSQL support needs psycopg: pip install 'newsgraph[postgres]'"
        ) from exc


def read_only_engine(url: str, query_seconds: float = QUERY_SECONDS) -> Engine:
    """An engine that cannot write and interrupts queries running past `query_seconds`."""
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise ConfigError(
            f"cannot read database URL {url!r}: use sqlite:///path/to/file.sqlite "
            "or postgresql://user@host/dbname"
        ) from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            raise ConfigError("the explorer needs a store file, not an in-memory database")
        return _sqlite_engine(parsed.database, query_seconds)
    if backend == "postgresql":
        return _postgres_engine(url, query_seconds)
    raise ConfigError(f"unsupported database {backend!r}: use sqlite or postgresql")


class ReadOnlyStore(Store):
    """A `Store` over a read-only engine: never migrates, refuses a store of another version."""

    def __init__(self, url: str, query_seconds: float = QUERY_SECONDS) -> None:
        self.url = url
        self.engine = read_only_engine(url, query_seconds)
        with self.engine.connect() as conn:
            version = migrations.current_version(conn)
        if version != migrations.SCHEMA_VERSION:
            self.engine.dispose()
            raise ConfigError(
                f"the store {url} has schema version {version}, this newsgraph reads "
                f"{migrations.SCHEMA_VERSION}: open it once with write access "
                "(`newsgraph summary --db URL`) to migrate it"
            )
        self.schema_version = version

    def is_timeout(self, exc: BaseException) -> bool:
        """Whether a database error is the query time limit (not a bug to report)."""
        text = str(getattr(exc, "orig", exc)).lower()
        return "interrupted" in text or "statement timeout" in text
