"""Fixed column schemas of the query answers, and the pandas types analysts expect.

Every query function returns its columns in the same order with the same dtypes whether it
matched nothing or a million rows: dates as datetime64, codes as categoricals (kept as strings,
so "030" stays "030"), counts and scores as nullable numbers (pd.Int64 / Float64), text as
pandas strings. The command line prints from the same schema, so its CSV header and JSON keys
never depend on the data.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any, Literal

import pandas as pd

Kind = Literal["date", "code", "int", "float", "text", "bool"]
Schema = dict[str, Kind]

_DTYPES: dict[str, str] = {
    "code": "category",
    "int": "Int64",
    "float": "Float64",
    "text": "string",
    "bool": "boolean",
}

CLUSTER_SCHEMA: Schema = {
    "cluster_id": "int",
    "event_type": "code",
    "mode": "code",
    "modality": "code",
    "cameo": "code",
    "quad_class": "int",
    "score": "float",
    "confidence": "float",
    "actor": "text",
    "actor_code": "code",
    "actor_country": "code",
    "recipient": "text",
    "recipient_code": "code",
    "recipient_country": "code",
    "date_start": "date",
    "date_end": "date",
    "date_precision": "code",
    "location": "text",
    "location_country": "code",
    "lat": "float",
    "lon": "float",
    "n_reports": "int",
    "n_documents": "int",
    "first_published": "date",
    "last_published": "date",
}
REPORT_SCHEMA: Schema = {
    "id": "int",
    "document_id": "int",
    "event_type": "code",
    "mode": "code",
    "modality": "code",
    "cameo": "code",
    "quad_class": "int",
    "score": "float",
    "confidence": "float",
    "actor": "text",
    "actor_code": "code",
    "actor_country": "code",
    "recipient": "text",
    "recipient_code": "code",
    "recipient_country": "code",
    "date_value": "text",
    "date_start": "date",
    "date_end": "date",
    "date_precision": "code",
    "location": "text",
    "location_country": "code",
    "lat": "float",
    "lon": "float",
    "historical": "bool",
}
CLUSTER_REPORTS_SCHEMA: Schema = {
    "event_id": "int",
    "document_id": "int",
    "doc_key": "text",
    "publisher": "text",
    "url": "text",
    "title": "text",
    "published": "date",
    "copy_of": "int",
}
SERIES_SCHEMA: Schema = {
    "period": "date",
    "n_events": "int",
    "n_reports": "int",
    "mean_score": "float",
    "n_cooperation": "int",
    "n_conflict": "int",
}
PANEL_SCHEMA: Schema = {
    "country": "code",
    "month": "date",
    "n_events": "int",
    "quad1": "int",
    "quad2": "int",
    "quad3": "int",
    "quad4": "int",
    "mean_score": "float",
}
SEARCH_SCHEMA: Schema = {
    "kind": "code",
    "ref_id": "int",
    "doc_key": "text",
    "publisher": "text",
    "published": "date",
    "speaker": "text",
    "text": "text",
}
DOCUMENT_SCHEMA: Schema = {
    "id": "int",
    "doc_key": "text",
    "title": "text",
    "publisher": "text",
    "url": "text",
    "published": "date",
    "published_source": "code",
    "n_events": "int",
    "n_quotes": "int",
    "n_entities": "int",
}
QUOTE_SCHEMA: Schema = {
    "id": "int",
    "document_id": "int",
    "kind": "code",
    "speaker": "text",
    "via": "text",
    "cue": "text",
    "text": "text",
}
ENTITY_SCHEMA: Schema = {
    "id": "int",
    "document_id": "int",
    "name": "text",
    "type": "code",
    "code": "code",
    "country": "code",
    "sector": "code",
    "aliases": "text",
    "titles": "text",
    "n_mentions": "int",
}
PROFILE_ROLE_SCHEMA: Schema = {
    "title": "text",
    "country": "code",
    "sector": "code",
    "start": "date",
    "end": "date",
    "source": "code",
    "first_seen": "date",
    "last_seen": "date",
    "n_mentions": "int",
}
PROFILE_EVENT_SCHEMA: Schema = {
    "cluster_id": "int",
    "side": "code",
    "event_type": "code",
    "mode": "code",
    "modality": "code",
    "actor": "text",
    "recipient": "text",
    "date_start": "date",
    "location": "text",
    "quad_class": "int",
    "n_reports": "int",
}
PROFILE_QUOTE_SCHEMA: Schema = {
    "quote_id": "int",
    "published": "date",
    "publisher": "text",
    "kind": "code",
    "cue": "text",
    "via": "text",
    "text": "text",
}


SHARED_CATEGORIES = (
    ("actor_country", "recipient_country", "location_country", "country"),
    ("actor_code", "recipient_code"),
)
"""Columns of one code list share their categories, so `actor_country != recipient_country`
compares codes instead of raising on different category sets."""


def typed(frame: pd.DataFrame, schema: Schema) -> pd.DataFrame:
    """`frame` with exactly the schema's columns, in its order, with its dtypes."""
    out = pd.DataFrame(index=frame.index)
    for name, kind in schema.items():
        column = frame[name] if name in frame.columns else pd.Series(None, index=frame.index)
        if kind == "date":
            out[name] = pd.to_datetime(column, errors="coerce").astype("datetime64[ns]")
        elif kind == "code":
            out[name] = column.astype("string").astype("category")
        elif kind == "int":
            out[name] = pd.to_numeric(column, errors="coerce").astype("Int64")
        elif kind == "float":
            out[name] = pd.to_numeric(column, errors="coerce").astype("Float64")
        else:
            out[name] = column.astype(_DTYPES[kind])
    for group in SHARED_CATEGORIES:
        present = [name for name in group if name in out.columns]
        if len(present) > 1:
            union = sorted(set().union(*(out[n].cat.categories for n in present)))
            for name in present:
                out[name] = out[name].cat.set_categories(union)
    return out.reset_index(drop=True)


def empty(schema: Schema) -> pd.DataFrame:
    return typed(pd.DataFrame(), schema)


def value(v: Any) -> Any:
    """A cell as JSON data: ISO dates, None for every kind of missing, plain numbers."""
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, pd.Timestamp):
        return v.date().isoformat() if v == v.normalize() else v.isoformat()
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if hasattr(v, "item"):  # numpy scalars
        return v.item()
    return v


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    columns = [str(c) for c in frame.columns]
    return [
        {c: value(v) for c, v in zip(columns, row, strict=True)}
        for row in frame.itertuples(index=False, name=None)
    ]
