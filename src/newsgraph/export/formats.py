"""Store exports: PLOVER JSONL, POLECAT-style TSV, CSV, Parquet and GeoJSON — one row per event
cluster.

Exports read event clusters, not raw per-article events, so an event reported by five outlets
is exported once, with its report count and the reporting documents.

PLOVER: the event JSON of the PLOVER manual's "Data fields" chapter (the manual's field names
written with underscores, as in its actor-block example): `id`, `date`, `enddate`, `actor`,
`recipient`, `event`, `mode`, `context`, `event_loc`, `event_text`, `quad_code`, `event_scale`,
`cite_info`, `coder`, `coded_date`, plus named extras (`date_precision`, `modality`,
`confidence`, `cameo`, `n_reports`, `n_documents`), valid against
`schema/plover_event.schema.json`. POLECAT: the columns of POLECAT's public weekly release with
its `None` for missing values, then newsgraph's additions. docs/exports.md specifies both.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import logging
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Literal
from urllib.parse import urlsplit

from sqlalchemy import Connection, and_, select

from newsgraph import __version__
from newsgraph.errors import ConfigError
from newsgraph.kb.codes import country_of_code, is_country_code
from newsgraph.kb.state_codes import cow
from newsgraph.kb.wikidata import qid
from newsgraph.query.columns import CLUSTER_SCHEMA, records
from newsgraph.query.events import EVENT_COLUMNS, events
from newsgraph.query.filters import EventFilter, apply_filter, confidence_column
from newsgraph.store import Store
from newsgraph.store import schema as s

ExportFormat = Literal["plover", "polecat", "csv", "parquet", "geojson"]
FORMATS: tuple[str, ...] = ("plover", "polecat", "csv", "parquet", "geojson")
LOGGER = logging.getLogger(__name__)
CODER = f"newsgraph {__version__}"
CODEBOOK = "plover-base-1.3.1"
EXPORT_SCHEMA_VERSION = "1"
"""Raised when an export's columns or their meaning change; written into every export."""
CHUNK = 500
"""Clusters whose details are fetched per round trip."""

MAX_EVENT_TEXTS = 3
"""Evidence sentences quoted per exported event (the rest are in the store)."""

POLECAT_COLUMNS = (
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Intensity",
    "Quad Code",
    "Contexts",
    "Actor Name",
    "Actor Country",
    "Actor COW",
    "Primary Actor Sector",
    "Actor Sectors",
    "Actor Title",
    "Actor Name Raw",
    "Wikipedia Actor ID",
    "Recipient Name",
    "Recipient Country",
    "Recipient COW",
    "Primary Recipient Sector",
    "Recipient Sectors",
    "Recipient Title",
    "Recipient Name Raw",
    "Wikipedia Recipient ID",
    "Placename",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
    "GeoNames ID",
    "Raw Placename",
    "Feature Type",
    "Source",
    "Publication Date",
    "Story People",
    "Story Organizations",
    "Story Locations",
    "Language",
    "Version",
    # newsgraph's additions after POLECAT's own columns
    "Event End Date",
    "Date Precision",
    "Modality",
    "Confidence",
    "Report Count",
)
RESOLUTION = {"point": 5, "city": 4, "admin1": 2, "country": 1}
"""PLOVER location `resolution`: 5 sub-city, 4 city, 2 province, 1 country."""


def _clusters(store: Store, f: EventFilter) -> Iterator[tuple[Connection, list[dict[str, Any]]]]:
    c = s.event_clusters
    columns = (*(c.c[n] for n in EVENT_COLUMNS), c.c.location_precision)
    with store.engine.connect() as conn:
        query = apply_filter(
            conn, select(*columns, confidence_column(c).label("confidence")), f.checked()
        )
        rows = [dict(r._mapping) for r in conn.execute(query.order_by(c.c.date_start, c.c.id))]
        for i in range(0, len(rows), CHUNK):
            yield conn, rows[i : i + CHUNK]


def _details(
    conn: Connection, cluster_ids: list[int]
) -> dict[str, dict[int, list[dict[str, Any]]]]:
    """Participants, reporting documents and evidence of each cluster."""
    link, p, g, d, ev, fp = (
        s.event_links,
        s.event_participants,
        s.global_entities,
        s.documents,
        s.evidence,
        s.document_fingerprints,
    )
    out: dict[str, dict[int, list[dict[str, Any]]]] = {
        "participants": defaultdict(list),
        "documents": defaultdict(list),
        "evidence": defaultdict(list),
        "places": defaultdict(list),
    }
    for r in conn.execute(
        select(
            link.c.cluster_id,
            p.c.side,
            p.c.text,
            p.c.code,
            p.c.country,
            p.c.sector,
            p.c.global_entity_id,
            g.c.name,
            g.c.type.label("entity_type"),
            g.c.code.label("entity_code"),
        )
        .join(p, p.c.event_id == link.c.event_id)
        .outerjoin(g, g.c.id == p.c.global_entity_id)
        .where(link.c.cluster_id.in_(cluster_ids))
        .order_by(p.c.id)
    ):
        out["participants"][r.cluster_id].append(dict(r._mapping))
    for doc in conn.execute(
        select(
            link.c.cluster_id,
            d.c.doc_key,
            d.c.url,
            d.c.title,
            d.c.publisher,
            d.c.published,
            fp.c.copy_of,
        )
        .distinct()
        .join(d, d.c.id == link.c.document_id)
        .outerjoin(fp, fp.c.document_id == d.c.id)
        .where(link.c.cluster_id.in_(cluster_ids))
        .order_by(d.c.published, d.c.doc_key)
    ):
        out["documents"][doc.cluster_id].append(dict(doc._mapping))
    for text in conn.execute(
        select(link.c.cluster_id, ev.c.text)
        .join(ev, ev.c.event_id == link.c.event_id)
        .where(link.c.cluster_id.in_(cluster_ids))
        .order_by(ev.c.id)
    ):
        out["evidence"][text.cluster_id].append(dict(text._mapping))
    e, pl = s.events, s.places
    for place in conn.execute(
        select(link.c.cluster_id, pl.c.text, pl.c.name, pl.c.geonameid, pl.c.feature)
        .join(e, e.c.id == link.c.event_id)
        .join(pl, and_(pl.c.document_id == e.c.document_id, pl.c.name == e.c.location))
        .where(link.c.cluster_id.in_(cluster_ids))
        .order_by(pl.c.id)
    ):
        out["places"][place.cluster_id].append(dict(place._mapping))
    return out


def _unique(participants: list[dict[str, Any]], side: str) -> list[dict[str, Any]]:
    seen: dict[Any, dict[str, Any]] = {}
    for p in participants:
        if p["side"] == side:
            seen.setdefault(p["global_entity_id"] or (p["code"], p["text"].casefold()), p)
    return list(seen.values())


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else value


def _plover_entity(p: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": p["country"] if is_country_code(p["country"]) else country_of_code(p["code"]),
        "sector": p["sector"],
        "entity_text": p["text"],
        "identifier_id": qid(p["name"], p["entity_type"], p["entity_code"]),
        "identifier_text": p["name"],
        "newsgraph_id": p["global_entity_id"],
    }


FEATURES: dict[str, tuple[str, str]] = {
    "country": ("A", "PCLI"),
    "admin1": ("A", "ADM1"),
    "city": ("P", "PPL"),
    "region": ("L", "RGN"),
}
"""The gazetteer's place kinds as GeoNames feature class and code (the most general code of
each kind: a capital is written PPL, not PPLC)."""


def _place(details: dict[str, dict[int, list[dict[str, Any]]]], cid: int) -> dict[str, Any]:
    """The stored place an exported location came from: raw text, GeoNames id, feature."""
    places = details["places"][cid]
    return places[0] if places else {"text": None, "geonameid": None, "feature": None}


def _event_loc(r: dict[str, Any], place: dict[str, Any]) -> dict[str, Any] | None:
    if not r["location"]:
        return None
    feature = FEATURES.get(place["feature"] or "")
    return {
        "extracted_place": place["text"] or r["location"],
        "resolved_place": r["location"],
        "geonameid": place["geonameid"],
        "lat": r["lat"],
        "lon": r["lon"],
        "city": r["location"] if r["location_precision"] == "city" else None,
        "country_code": r["location_country"],
        "feature_class": feature[0] if feature else None,
        "feature_code": feature[1] if feature else None,
        "resolution": RESOLUTION.get(r["location_precision"] or ""),
    }


def plover_events(
    store: Store, f: EventFilter | None = None, *, left_out: list[int] | None = None
) -> Iterator[dict[str, Any]]:
    """One PLOVER event object per event cluster, oldest first.

    PLOVER requires `date` and a non-empty `actor`; clusters without either are left out, and
    their ids appended to `left_out` when given (CSV and Parquet exports keep them)."""
    today = dt.date.today().isoformat()
    for conn, rows in _clusters(store, f or EventFilter()):
        details = _details(conn, [r["id"] for r in rows])
        for r in rows:
            cid = r["id"]
            parts = details["participants"][cid]
            actors = [_plover_entity(p) for p in _unique(parts, "actor")]
            if r["date_start"] is None or not actors:
                if left_out is not None:
                    left_out.append(cid)
                continue
            texts = list(dict.fromkeys(e["text"] for e in details["evidence"][cid]))
            yield {
                "id": f"newsgraph-{cid}",
                "date": _iso(r["date_start"]),
                "enddate": _iso(r["date_end"]) if r["date_end"] != r["date_start"] else None,
                "date_precision": r["date_precision"],
                "actor": actors,
                "recipient": [_plover_entity(p) for p in _unique(parts, "recipient")],
                "event": [r["event_type"]],
                "mode": [r["mode"]] if r["mode"] else [],
                "context": [],
                "event_loc": _event_loc(r, _place(details, cid)),
                "event_text": texts[:MAX_EVENT_TEXTS],
                "quad_code": r["quad_class"],
                "event_scale": r["score"],
                "modality": r["modality"],
                "confidence": r["confidence"],
                "cameo": r["cameo"],
                "n_reports": r["n_reports"],
                "n_documents": r["n_documents"],
                "cite_info": [
                    {
                        "citation": d["doc_key"],
                        "url": d["url"],
                        "title": d["title"],
                        "publication": d["publisher"],
                        "language": "en",
                        "date": _iso(d["published"]),
                        "copy_of_story": d["copy_of"] is not None,
                        "coder": CODER,
                        "codebook": CODEBOOK,
                        "version": EXPORT_SCHEMA_VERSION,
                    }
                    for d in details["documents"][cid]
                ],
                "coder": CODER,
                "coded_date": today,
            }


NONE = "None"
"""POLECAT's missing value: the releases write the word None, never an empty cell."""


def _cell(value: Any) -> str:
    if value is None or value == "":
        return NONE
    if isinstance(value, float):
        return f"{value:g}"
    return str(_iso(value)).replace("\t", " ").replace("\n", " ").replace("\r", " ")


def _joined(values: Iterable[Any]) -> str:
    unique = [str(v) for v in dict.fromkeys(values) if v not in (None, "")]
    return "; ".join(unique) if unique else NONE


def _source(doc: dict[str, Any]) -> str | None:
    """A reporting document's outlet: its publisher, else its URL's host (never a file path)."""
    if doc["publisher"]:
        return str(doc["publisher"])
    host = urlsplit(doc["url"] or "").hostname
    return host.removeprefix("www.") if host else None


def polecat_rows(store: Store, f: EventFilter | None = None) -> Iterator[dict[str, str]]:
    """One POLECAT-style row per event cluster; docs/exports.md specifies every column."""
    for conn, rows in _clusters(store, f or EventFilter()):
        details = _details(conn, [r["id"] for r in rows])
        for r in rows:
            cid = r["id"]
            parts = details["participants"][cid]
            actors, recipients = _unique(parts, "actor"), _unique(parts, "recipient")
            docs = details["documents"][cid]
            place = _place(details, cid)
            feature = FEATURES.get(place["feature"] or "") if r["location"] else None
            precision = r["location_precision"]

            def first_qid(side: list[dict[str, Any]]) -> str | None:
                ids = (qid(p["name"], p["entity_type"], p["entity_code"]) for p in side)
                return next((i for i in ids if i), None)

            row = {
                "Event ID": f"newsgraph-{cid}",
                "Event Date": _cell(r["date_start"]),
                "Event Type": r["event_type"].lower(),
                "Event Mode": _cell(r["mode"]),
                "Intensity": _cell(r["score"]),
                "Quad Code": _cell(r["quad_class"]),
                "Contexts": NONE,
                "Actor Name": _cell(r["actor"]),
                "Actor Country": _cell(r["actor_country"]),
                "Actor COW": _cell(cow(r["actor_country"])),
                "Primary Actor Sector": _cell(actors[0]["sector"] if actors else None),
                "Actor Sectors": _joined(p["sector"] for p in actors),
                "Actor Title": NONE,
                "Actor Name Raw": _joined(p["text"] for p in actors),
                "Wikipedia Actor ID": _cell(first_qid(actors)),
                "Recipient Name": _cell(r["recipient"]),
                "Recipient Country": _cell(r["recipient_country"]),
                "Recipient COW": _cell(cow(r["recipient_country"])),
                "Primary Recipient Sector": _cell(recipients[0]["sector"] if recipients else None),
                "Recipient Sectors": _joined(p["sector"] for p in recipients),
                "Recipient Title": NONE,
                "Recipient Name Raw": _joined(p["text"] for p in recipients),
                "Wikipedia Recipient ID": _cell(first_qid(recipients)),
                "Placename": _cell(r["location"]),
                "City": _cell(r["location"] if precision in ("city", "point") else None),
                "District": NONE,
                "Province": _cell(r["location"] if precision == "admin1" else None),
                "Country": _cell(r["location_country"]),
                "Latitude": _cell(r["lat"]),
                "Longitude": _cell(r["lon"]),
                "GeoNames ID": _cell(place["geonameid"] if r["location"] else None),
                "Raw Placename": _cell(place["text"] if r["location"] else None),
                "Feature Type": _cell(feature[1] if feature else None),
                "Source": _joined(_source(d) for d in docs),
                "Publication Date": _cell(r["first_published"]),
                "Story People": NONE,
                "Story Organizations": NONE,
                "Story Locations": NONE,
                "Language": "en",
                "Version": f"newsgraph-{__version__}/export-{EXPORT_SCHEMA_VERSION}",
                "Event End Date": _cell(r["date_end"]),
                "Date Precision": _cell(r["date_precision"]),
                "Modality": _cell(r["modality"]),
                "Confidence": _cell(r["confidence"]),
                "Report Count": _cell(r["n_reports"]),
            }
            yield row


EXTENSIONS: dict[str, ExportFormat] = {
    ".jsonl": "plover",
    ".ndjson": "plover",
    ".tsv": "polecat",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".geojson": "geojson",
}


def format_for(path: str, given: str | None) -> ExportFormat:
    """The format asked for, else the one the file extension names; ConfigError otherwise."""
    if path != "-" and Path(path).is_dir():
        raise ConfigError(
            f"{path} is a folder; give a file name, e.g. {Path(path) / 'events.jsonl'}"
        )
    if given is not None:
        if given not in FORMATS:
            raise ConfigError(
                f"unknown export format {given!r}; choose one of {', '.join(FORMATS)}"
            )
        return given  # type: ignore[return-value]
    suffix = Path(path).suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    raise ConfigError(
        f"cannot tell the export format of {path!r} from its extension; name one with -f "
        f"({', '.join(FORMATS)}) or use {', '.join(EXTENSIONS)}"
    )


def arrow_schema() -> Any:
    """The Parquet export's explicit Arrow schema, with the schema version in its metadata."""
    import pyarrow as pa

    types = {
        "date": pa.date32(),
        "code": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "text": pa.string(),
        "bool": pa.bool_(),
    }
    return pa.schema(
        [pa.field(name, types[kind]) for name, kind in CLUSTER_SCHEMA.items()],
        metadata={
            "newsgraph.schema_version": EXPORT_SCHEMA_VERSION,
            "newsgraph.coder": CODER,
            "newsgraph.row": "event cluster",
        },
    )


def export_table(store: Store, f: EventFilter | None) -> Any:
    """The clusters matching `f`, oldest first, in the CSV/Parquet export's column order."""
    return events(store, where=f or EventFilter()).sort_values(
        ["date_start", "cluster_id"], na_position="last"
    )


def write_geojson(store: Store, stream: IO[str], f: EventFilter | None) -> int:
    """Located event clusters as a GeoJSON FeatureCollection (RFC 7946: lon, lat in WGS 84),
    each feature's properties the cluster's columns, for QGIS and kepler.gl."""
    table = export_table(store, f)
    located = table[table["lat"].notna() & table["lon"].notna()]
    stream.write('{"type": "FeatureCollection", "features": [')
    for i, row in enumerate(records(located)):
        feature = {
            "type": "Feature",
            "id": row["cluster_id"],
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": row,
        }
        stream.write(("\n" if i == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
    stream.write("\n]}\n")
    return len(located)


def write_export(store: Store, stream: IO[Any], fmt: ExportFormat, f: EventFilter | None) -> int:
    """Write the clusters matching `f` to an open stream (text, or binary for parquet)."""
    n = 0
    if fmt == "plover":
        left_out: list[int] = []
        for obj in plover_events(store, f, left_out=left_out):
            stream.write(json.dumps(obj, ensure_ascii=False) + "\n")
            n += 1
        if left_out:
            LOGGER.warning(
                "%d event cluster(s) without a date or an actor were left out: PLOVER requires "
                "both (the csv and parquet exports keep them)",
                len(left_out),
            )
    elif fmt == "geojson":
        n = write_geojson(store, stream, f)
    elif fmt == "polecat":
        writer = csv.DictWriter(
            stream, fieldnames=list(POLECAT_COLUMNS), delimiter="\t", lineterminator="\n"
        )
        writer.writeheader()
        for row in polecat_rows(store, f):
            writer.writerow(row)
            n += 1
    elif fmt == "csv":
        table = export_table(store, f)
        table.to_csv(stream, index=False, date_format="%Y-%m-%d", lineterminator="\n")
        n = len(table)
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = export_table(store, f)
        frame = table.assign(
            **{name: table[name].dt.date for name, kind in CLUSTER_SCHEMA.items() if kind == "date"}
        )
        arrow = pa.Table.from_pandas(frame, schema=arrow_schema(), preserve_index=False)
        pq.write_table(arrow, stream)
        n = len(table)
    return n


def export(
    store: Store, path: str | Path, fmt: ExportFormat | None = None, f: EventFilter | None = None
) -> int:
    """Write the event clusters matching `f` to `path` (`-`: stdout) in `fmt` (else the one its
    extension names); return the number written. The file appears whole or not at all."""
    fmt = format_for(str(path), fmt)
    binary = fmt == "parquet"
    if str(path) == "-":
        if binary:
            return write_export(store, sys.stdout.buffer, fmt, f)
        return write_export(store, sys.stdout, fmt, f)
    target = Path(path)
    if target.is_dir():
        raise ConfigError(f"{target} is a folder; give a file name, e.g. {target / 'events.jsonl'}")
    # A regular file appears whole or not at all (written beside it, then renamed); a device or
    # pipe (/dev/stdout, a FIFO) is written in place and never replaced.
    special = target.exists() and not target.is_file()
    partial = target if special else target.with_name(f".{target.name}.partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if binary:
            with partial.open("wb") as fh:
                n = write_export(store, fh, fmt, f)
        else:
            with partial.open("w", encoding="utf-8", newline="") as fh:
                n = write_export(store, fh, fmt, f)
        if not special:
            partial.replace(target)
    except OSError as exc:
        if not special:
            partial.unlink(missing_ok=True)
        raise ConfigError(
            f"cannot write {target}: {exc.strerror or exc}; check the path, its permissions and "
            "the free disk space"
        ) from exc
    return n
