"""Look up the codes newsgraph writes: PLOVER event types, modes and contexts, sector codes,
country codes and the CAMEO↔PLOVER crosswalk (`newsgraph codes`).

Every table is read from the data files the coders use, so what is listed is what can appear.
"""

from __future__ import annotations

from importlib import resources
from typing import Literal

import pandas as pd

from newsgraph.errors import ConfigError
from newsgraph.model import PLOVER_EVENT_TYPES
from newsgraph.query.columns import Schema, typed
from newsgraph.query.filters import QUAD_CLASSES, clean

Table = Literal["type", "mode", "context", "sector", "country", "cameo"]
TABLES: tuple[str, ...] = ("type", "mode", "context", "sector", "country", "cameo")
CODES_SCHEMA: Schema = {"table": "code", "code": "text", "name": "text", "detail": "text"}


def _lines(package: str, name: str) -> list[list[str]]:
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _crosswalk() -> list[list[str]]:
    return [r for r in _lines("newsgraph.events", "cameo_plover.tsv") if r[0] != "cameo"]


def _rows(table: str) -> list[tuple[str, str, str]]:
    if table == "type":
        from newsgraph.events.cameo import QUAD_CLASS

        return [
            (t, t.lower(), f"quad class {QUAD_CLASS[t]} ({QUAD_CLASSES[QUAD_CLASS[t]]})")
            for t in PLOVER_EVENT_TYPES
        ]
    if table in ("mode", "context"):
        column = 2 if table == "mode" else 3
        found: dict[str, set[str]] = {}
        sources = _crosswalk()
        if table == "mode":
            sources += [
                [r[3], r[1], r[2]] for r in _lines("newsgraph.events", "lexicon.tsv") if len(r) > 2
            ]
        for r in sources:
            if len(r) > column and r[column] not in ("", "-", "mode"):
                for value in r[column].split(","):
                    found.setdefault(value.strip(), set()).add(r[1])
        return [(k, k, "with " + ", ".join(sorted(v))) for k, v in sorted(found.items())]
    if table == "sector":
        return [(r[0], r[2], r[1]) for r in _lines("newsgraph.query", "sectors.tsv")]
    if table == "country":
        from newsgraph.kb.state_codes import cow, gleditsch_ward

        rows = _lines("newsgraph.kb", "data/countries.tsv")
        return [
            (r[0], r[2], f"ISO alpha-2 {r[1]}" + _state_codes(cow(r[0]), gleditsch_ward(r[0])))
            for r in rows
            if r[0] != "iso3"
        ]
    if table == "cameo":
        return [
            (r[0], r[4] if len(r) > 4 else "", f"PLOVER {r[1]}" + (f"/{r[2]}" if r[2] else ""))
            for r in _crosswalk()
        ]
    raise ConfigError(f"unknown code table {table!r}; choose one of {', '.join(TABLES)}")


def _state_codes(cow: int | None, gw: int | None) -> str:
    return f", COW {cow}, Gleditsch-Ward {gw}" if cow is not None else ""


def codes(table: str | None = None, query: str | None = None) -> pd.DataFrame:
    """The rows of one code table (all tables when None) whose code, name or detail contains
    `query` (case-insensitive)."""
    wanted = [table] if table else list(TABLES)
    needle = (clean(query, "query") or "").casefold()
    rows = [
        {"table": t, "code": code, "name": name, "detail": detail}
        for t in wanted
        for code, name, detail in _rows(t)
        if not needle or needle in f"{code}\t{name}\t{detail}".casefold()
    ]
    return typed(pd.DataFrame(rows, columns=list(CODES_SCHEMA)), CODES_SCHEMA)
