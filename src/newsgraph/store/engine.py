"""Connections and write transactions for SQLite and PostgreSQL.

Writers take the store's write lock when their transaction begins, not at their first write:
SQLite `BEGIN IMMEDIATE` (with WAL, readers go on reading), PostgreSQL a transaction-scoped
advisory lock. So a document's duplicate check, its rows, its new entity keys and the event
clusters it opens are decided by one writer at a time, and two ingests sharing documents or names
can neither insert one twice nor open two clusters for one event. Analysis, the expensive part,
stays parallel; a document's write takes milliseconds. A write that still meets a lock or a
deadlock is retried as a whole (`retrying`).
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from newsgraph.errors import ConfigError, NewsgraphError

T = TypeVar("T")

SQLITE_BUSY_TIMEOUT_S = 60.0
"""How long an SQLite writer waits for another's write lock before it is retried."""

WRITE_LOCK_KEY = 0x6E65777367
"""PostgreSQL advisory lock id that serialises newsgraph writers on one database."""

SQLITE_CACHE_KIB = 65_536
"""Page cache of each SQLite connection (a ceiling, filled as pages are read). A batch's writes
touch about a thousand index and table pages; with SQLite's default (2 MiB) they no longer fit,
so dirty pages spill into the WAL before the commit writes them again, and the next batch reads
them back from the file."""

SQLITE_WAL_CHECKPOINT_PAGES = 4_000
"""WAL pages (16 MiB) after which a commit copies the WAL back into the database file. A page
rewritten by several batches is copied once per checkpoint, and each checkpoint syncs the
files twice, so fewer, larger checkpoints write and sync less than SQLite's default (1,000)."""

RETRIES = 8
"""Attempts of one document's write before its error is raised."""

_WRITE = "newsgraph_write"
_RETRY_SQLSTATES = {"40001", "40P01", "55P03"}
"""PostgreSQL: serialization failure, deadlock, lock not available."""


class StoreError(NewsgraphError):
    """The store cannot be opened or written; the message says why and what to do."""

    kind = "store"


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Transactions are begun by `_sqlite_begin`, not by the driver (whose implicit BEGIN skips
    # DDL, so a half-created store could be left behind by a kill).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT_S * 1000)}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    cursor.execute(f"PRAGMA wal_autocheckpoint={SQLITE_WAL_CHECKPOINT_PAGES}")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    immediate = conn.get_execution_options().get(_WRITE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def create_store_engine(url: str) -> Engine:
    """An engine for a store URL; SQLite files get WAL mode and their folder is created."""
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise ConfigError(
            f"cannot read database URL {url!r}: use sqlite:///path/to/file.sqlite, a file path, "
            "or postgresql://user@host/dbname"
        ) from exc
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).expanduser().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"cannot create the store's folder {folder}: {exc.strerror or exc}; "
                    "choose another --db or NEWSGRAPH_DB"
                ) from exc
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        try:
            return create_engine(parsed)
        except ModuleNotFoundError as exc:
            raise ConfigError(
                "PostgreSQL support needs psycopg: pip install 'newsgraph[postgres]'"
            ) from exc
    raise ConfigError(
        f"unsupported database {parsed.get_backend_name()!r}: use sqlite or postgresql"
    )


@contextmanager
def write_transaction(engine: Engine, *, foreign_keys: bool = True) -> Iterator[Connection]:
    """One transaction holding the store's write lock from its first statement.

    `foreign_keys=False` (SQLite, for table rebuilds in migrations) turns enforcement off for
    this transaction; SQLite only allows that outside a transaction."""
    with engine.connect() as conn:
        conn.execution_options(**{_WRITE: True})
        raw = conn.connection.dbapi_connection if conn.dialect.name == "sqlite" else None
        if raw is not None and not foreign_keys:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY}
                    )
                yield conn
        finally:
            if raw is not None and not foreign_keys:
                raw.execute("PRAGMA foreign_keys=ON")


def is_transient(exc: BaseException) -> bool:
    """A lock or a concurrent writer's conflict: the same write may succeed when run again."""
    if isinstance(exc, OperationalError) and isinstance(exc.orig, sqlite3.OperationalError):
        message = str(exc.orig).lower()
        return "locked" in message or "busy" in message
    if isinstance(exc, DBAPIError) and not isinstance(exc.orig, sqlite3.Error):
        return getattr(exc.orig, "sqlstate", None) in _RETRY_SQLSTATES
    return False


def retrying(write: Callable[[], T], attempts: int = RETRIES) -> T:
    """Run a whole write again (after a short random wait) while it fails transiently."""
    for attempt in range(attempts):
        try:
            return write()
        except (OperationalError, IntegrityError, DBAPIError) as exc:
            if attempt == attempts - 1 or not is_transient(exc):
                raise
            time.sleep(random.uniform(0.01, 0.05) * 2**attempt)
    raise AssertionError("unreachable")  # pragma: no cover
