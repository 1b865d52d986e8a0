"""Inserting many rows through the driver: the hot path of a batch's writes.

SQLAlchemy Core processes every parameter of every row of an executemany in Python, which cost
more than SQLite's own work for the store's wide rows. Here an INSERT is written once per table
and column set and handed to the driver with plain values: dates as ISO text on SQLite (as
SQLAlchemy's `Date` stores them), native on PostgreSQL; str, int, float, bool and None as they
are. Runs on the transaction's own connection, so it commits or rolls back with the rest.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Date, Dialect, Table

MAX_PARAMETERS = 30_000
"""Parameters of one multi-row statement (SQLite allows 32,766, PostgreSQL 65,535)."""

MAX_ROWS = 1_000
"""Rows of one multi-row statement."""


@dataclass(frozen=True, slots=True)
class _Plan:
    table: str
    columns: tuple[str, ...]
    dates: tuple[int, ...]
    """Positions of `Date` columns (bound as ISO text on SQLite)."""
    marker: str


_PLANS: dict[tuple[str, str, tuple[str, ...]], _Plan] = {}


def _plan(dialect: Dialect, table: Table, columns: tuple[str, ...]) -> _Plan:
    """How rows of `columns` are inserted into `table` (worked out once per dialect)."""
    key = (dialect.name, table.name, columns)
    plan = _PLANS.get(key)
    if plan is None:
        quote = dialect.identifier_preparer.quote
        sqlite = dialect.name == "sqlite"
        plan = _PLANS[key] = _Plan(
            quote(table.name),
            tuple(quote(name) for name in columns),
            tuple(
                i
                for i, name in enumerate(columns)
                if sqlite and isinstance(table.c[name].type, Date)
            ),
            "?" if sqlite else "%s",
        )
    return plan


def _values(
    plan: _Plan, keys: Sequence[str], rows: Sequence[dict[str, Any]]
) -> list[tuple[Any, ...]]:
    if len(keys) == 1:
        out = [(row[keys[0]],) for row in rows]
    else:
        get = operator.itemgetter(*keys)
        out = [get(row) for row in rows]
    dates = plan.dates
    if dates:
        date = dt.date
        for n, values in enumerate(out):
            fixed = None
            for i in dates:
                value = values[i]
                if value is None:
                    continue
                if fixed is None:
                    fixed = list(values)
                # A plain date (the usual case) without `_iso`'s checks.
                fixed[i] = value.isoformat() if value.__class__ is date else _iso(value)
            if fixed is not None:
                out[n] = tuple(fixed)
    return out


def _iso(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        raise TypeError("a date column was given a datetime")
    return value.isoformat() if isinstance(value, dt.date) else value


def _cursor(conn: Connection) -> Any:
    return conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]


def marker(conn: Connection) -> str:
    """The driver's positional parameter marker."""
    return "?" if conn.dialect.name == "sqlite" else "%s"


def date_parameter(conn: Connection, value: dt.date) -> Any:
    """A date as the driver should bind it for a `Date` column."""
    return value.isoformat() if conn.dialect.name == "sqlite" else value


def date_result(value: Any) -> dt.date | None:
    """A `Date` column's value as read through the driver (ISO text on SQLite)."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def fetch(conn: Connection, sql: str, parameters: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Rows of a query written for the driver (`marker` for its parameters)."""
    cursor = _cursor(conn)
    try:
        cursor.execute(sql, list(parameters))
        return list(cursor.fetchall())
    finally:
        cursor.close()


def insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows (all with the keys of the first) with one executemany."""
    if not rows:
        return
    keys = tuple(rows[0])
    plan = _plan(conn.dialect, table, keys)
    sql = (
        f"INSERT INTO {plan.table} ({', '.join(plan.columns)}) "
        f"VALUES ({', '.join([plan.marker] * len(keys))})"
    )
    cursor = _cursor(conn)
    try:
        cursor.executemany(sql, _values(plan, keys, rows))
    finally:
        cursor.close()


def insert_returning(
    conn: Connection, table: Table, rows: Sequence[dict[str, Any]], check: str
) -> list[int]:
    """Insert rows with multi-row INSERT ... RETURNING statements; their new ids, in the order
    of `rows`. The database numbers a statement's rows in insertion order (SQLite rowids;
    PostgreSQL's sequence, one writer at a time under the write lock); the `check` column,
    read back with the ids, proves it, and a mismatch is an error, not a wrong link."""
    if not rows:
        return []
    keys = tuple(rows[0])
    plan = _plan(conn.dialect, table, keys)
    values = _values(plan, keys, rows)
    per_statement = max(1, min(MAX_ROWS, MAX_PARAMETERS // len(keys)))
    one = f"({', '.join([plan.marker] * len(keys))})"
    head = f"INSERT INTO {plan.table} ({', '.join(plan.columns)}) VALUES "
    tail = f" RETURNING id, {_plan(conn.dialect, table, (check,)).columns[0]}"
    ids: list[int] = []
    cursor = _cursor(conn)
    try:
        for start in range(0, len(values), per_statement):
            chunk = values[start : start + per_statement]
            cursor.execute(
                head + ", ".join([one] * len(chunk)) + tail,
                [v for row in chunk for v in row],
            )
            returned = sorted(cursor.fetchall(), key=lambda r: int(r[0]))
            expected = [str(row[check]) for row in rows[start : start + per_statement]]
            if [str(r[1]) for r in returned] != expected:
                raise AssertionError(f"{table.name} rows were not given ids in insertion order")
            ids += [int(r[0]) for r in returned]
    finally:
        cursor.close()
    return ids
