"""Options and helpers shared by every command (`newsgraph.cli` and `newsgraph.query.commands`)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console

out = Console(highlight=False, soft_wrap=True)
"""Standard output: the data a command was asked for."""
console = Console(stderr=True)
"""Standard error: progress, warnings and errors."""


class ListFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Store: an SQLite file path or URL, or postgresql://... (default: NEWSGRAPH_DB, "
        "else the file `newsgraph info` shows).",
    ),
]
FormatOption = Annotated[ListFormat, typer.Option("--format", "-f", help="table, csv or jsonl.")]
SinceOption = Annotated[str | None, typer.Option("--since", help="From this date (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Up to this date (YYYY-MM-DD).")]


def parse_date(value: str | None, name: str) -> dt.date | None:
    """A YYYY-MM-DD option value as a date; a clear usage error otherwise."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date; use YYYY-MM-DD", param_hint=name
        ) from None
