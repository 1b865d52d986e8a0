"""How every command prints data: a table on a terminal, plain TSV when piped, or pure data.

`-f json` is one JSON array of objects, `-f jsonl` one object per line, `-f csv` / `-f tsv` a
header and rows. The columns are the query's fixed schema (`newsgraph.query.columns`), so the
header and the keys are the same whether nothing or everything matched. Dates are ISO strings,
missing values are empty cells in CSV/TSV and null in JSON. Nothing but data reaches stdout in
these formats; notes (row counts, undated events left out) go to stderr.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from typing import IO, Any

import pandas as pd
from rich.table import Table

from newsgraph.cli_options import OutputFormat, console, out
from newsgraph.query.columns import records, value

__all__ = ["OutputFormat", "emit", "records", "resolved", "undated_note", "value", "write"]


def resolved(fmt: OutputFormat) -> OutputFormat:
    """A table becomes TSV when stdout is not a terminal (pipes, files, notebooks)."""
    if fmt is OutputFormat.table and not out.is_terminal:
        return OutputFormat.tsv
    return fmt


def _cell(v: Any) -> str:
    v = value(v)
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(v) if v != int(v) or abs(v) >= 1e16 else f"{v:.1f}"
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def write(frame: pd.DataFrame, fmt: OutputFormat, stream: IO[str]) -> None:
    """`frame` in a data format (not `table`) on `stream`."""
    if fmt is OutputFormat.json:
        json.dump(records(frame), stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    elif fmt is OutputFormat.jsonl:
        for row in records(frame):
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        tsv = fmt is OutputFormat.tsv
        writer = csv.writer(
            stream,
            delimiter="\t" if tsv else ",",
            lineterminator="\n",
            quoting=csv.QUOTE_MINIMAL,
        )
        writer.writerow([str(c) for c in frame.columns])
        for row in frame.itertuples(index=False, name=None):
            cells = [_cell(v) for v in row]
            if tsv:
                cells = [c.replace("\t", " ").replace("\n", " ").replace("\r", " ") for c in cells]
            writer.writerow(cells)


def emit(
    frame: pd.DataFrame, fmt: OutputFormat, title: str | None = None, *, note: str | None = None
) -> None:
    """Print `frame` on stdout in `fmt` (a rich table only on a terminal)."""
    fmt = resolved(fmt)
    if fmt is OutputFormat.table:
        table = Table(*[str(c) for c in frame.columns], title=title)
        for row in frame.itertuples(index=False, name=None):
            table.add_row(*(_cell(v) for v in row))
        out.print(table)
        out.print(f"{len(frame)} row(s)")
    else:
        buffer = io.StringIO()
        write(frame, fmt, buffer)
        sys.stdout.write(buffer.getvalue())
        sys.stdout.flush()
    if note:
        console.print(note, highlight=False)


def undated_note(frame: pd.DataFrame) -> str | None:
    """What to tell the user when undated events were left out of a dated answer."""
    n = int(frame.attrs.get("undated_left_out", 0) or 0)
    if not n:
        return None
    return (
        f"note: {n} matching event(s) have no date and were left out; "
        "list them without --since/--until (their date_start is empty)"
    )
