"""Options and helpers shared by every command (`newsgraph.cli`, `newsgraph.query.commands`,
`newsgraph.export.command`): one spelling and one meaning of each option everywhere."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

if TYPE_CHECKING:
    from newsgraph.query.filters import EventFilter

out = Console(highlight=False, soft_wrap=True)
"""Standard output: the data a command was asked for."""
console = Console(stderr=True, highlight=False)
"""Standard error: progress, warnings and errors."""


class OutputFormat(StrEnum):
    table = "table"
    tsv = "tsv"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


ListFormat = OutputFormat
"""The name earlier code used."""

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Store: an SQLite file path or URL, or postgresql://... (default: NEWSGRAPH_DB, "
        "else the file `newsgraph info` shows).",
    ),
]
FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        "-f",
        help="table (plain TSV when not on a terminal), tsv, csv, json or jsonl: pure data with "
        "a fixed set of columns.",
    ),
]
SinceOption = Annotated[str | None, typer.Option("--since", help="From this date (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Up to this date (YYYY-MM-DD).")]
LimitOption = Annotated[int | None, typer.Option("--limit", help="At most this many rows.")]
ActorOption = Annotated[
    str | None,
    typer.Option(
        "--actor",
        help="Actor side: a code (TUR, SYRGOV, 'RUS*') or a name, alias or part of a name.",
    ),
]
RecipientOption = Annotated[
    str | None, typer.Option("--recipient", help="Recipient side: a code or a name, like --actor.")
]
InvolvingOption = Annotated[
    str | None, typer.Option("--involving", help="Either side: a code or a name, like --actor.")
]
CountryOption = Annotated[
    str | None,
    typer.Option("--country", help="A participant's country, either side (ISO alpha-3, e.g. KEN)."),
]
PlaceOption = Annotated[
    str | None,
    typer.Option(
        "--place", help="Where the event happened: a country code (ETH) or a place name ('Addis*')."
    ),
]
TypeOption = Annotated[
    str | None, typer.Option("--type", help="PLOVER event type, e.g. CONSULT (`newsgraph codes`).")
]
ModeOption = Annotated[
    str | None, typer.Option("--mode", help="PLOVER mode, e.g. visit (`newsgraph codes mode`).")
]
QuadOption = Annotated[
    int | None,
    typer.Option(
        "--quad-class",
        help="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.",
    ),
]
ModalityOption = Annotated[
    str,
    typer.Option(
        "--modality",
        help="asserted (default), future, intended, hypothetical, negated, or any.",
    ),
]
MinConfidenceOption = Annotated[
    float | None,
    typer.Option("--min-confidence", help="Only events at least this confident (0-1)."),
]


def parse_date(value: str | None, name: str) -> dt.date | None:
    """A YYYY-MM-DD option value as a date; a clear usage error otherwise."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        shown = value.encode("utf-8", "replace").decode("utf-8")[:40]
        raise typer.BadParameter(
            f"{shown!r} is not a date; use YYYY-MM-DD", param_hint=name
        ) from None


def event_filter(
    *,
    actor: str | None = None,
    recipient: str | None = None,
    involving: str | None = None,
    country: str | None = None,
    place: str | None = None,
    type: str | None = None,
    mode: str | None = None,
    quad_class: int | None = None,
    since: str | None = None,
    until: str | None = None,
    modality: str | None = "asserted",
    min_confidence: float | None = None,
) -> EventFilter:
    """The options of an event command as one checked filter (FilterError on a bad value)."""
    from newsgraph.query.filters import EventFilter

    return EventFilter(
        actor=actor,
        recipient=recipient,
        involving=involving,
        country=country,
        place=place,
        event_type=type,
        mode=mode,
        quad_class=quad_class,
        since=parse_date(since, "--since"),
        until=parse_date(until, "--until"),
        modality=modality,
        min_confidence=min_confidence,
    ).checked()
