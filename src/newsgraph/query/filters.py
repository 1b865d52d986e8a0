"""The one filter language of every query command and of the Python query API.

    actor / recipient / involving   a code (TUR, SYRGOV, 'RUS*'), a name, an alias or part of a
                                    name ('Erdogan', 'al-Julani', 'Julani'); a code without `*`
                                    matches that code and the codes below it (KEN: KENGOV, ...)
    country                         a participant's country, either side (ISO alpha-3)
    place                           where the event happened: a country code or a place name
    event_type, mode, quad_class,   checked against the ontology; an unknown value is an error
    modality                        that lists the valid ones, never an empty result
    since / until                   dates; undated events cannot match and are counted apart

`*` is the only wildcard: `%` and `_` in user values are literal characters. Values are checked
for what a database cannot take (undecodable bytes, control characters, huge patterns) so a bad
value is one line of error, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any, get_args

from sqlalchemy import ColumnElement, Connection, Select, and_, func, or_, select, true
from sqlalchemy.sql.elements import ColumnElement as Col

from newsgraph.errors import ConfigError
from newsgraph.model import PLOVER_EVENT_TYPES, EntityType, Modality, QuoteKind
from newsgraph.store import schema as s
from newsgraph.store.entities import DEFAULT_GROUP, TYPE_GROUPS, normalize

MAX_VALUE_CHARS = 200
"""Longer filter values are refused: no name or code is that long, and huge LIKE patterns are
slow or rejected by SQLite."""
MAX_ROWS = 10_000_000
"""The largest --limit accepted (SQLite and PostgreSQL integers overflow far above it)."""
MAX_ID = 2**53
CODE_PATTERN = re.compile(r"^[A-Z]{3}[A-Z0-9]{0,12}\*?$|^[A-Z0-9]{1,15}\*$|^\*[A-Z0-9]+\*?$")
COUNTRY_PATTERN = re.compile(r"^[A-Z]{3}$")
GROUPS = (*sorted(set(TYPE_GROUPS.values())), DEFAULT_GROUP, "country")
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                4: "material conflict"}  # fmt: skip
MODALITIES: tuple[str, ...] = get_args(Modality)
QUOTE_KINDS: tuple[str, ...] = get_args(QuoteKind)
ENTITY_TYPES: tuple[str, ...] = get_args(EntityType)


class FilterError(ConfigError):
    """A filter value that cannot match anything by construction (unknown type, bad code...)."""


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters over events or event clusters; None means any."""

    actor: str | None = None
    recipient: str | None = None
    involving: str | None = None
    country: str | None = None
    place: str | None = None
    event_type: str | None = None
    mode: str | None = None
    quad_class: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    modality: str | None = "asserted"
    min_confidence: float | None = None

    def checked(self) -> EventFilter:
        """The same filter with values validated and normalised; FilterError otherwise."""
        return replace(
            self,
            actor=clean(self.actor, "actor"),
            recipient=clean(self.recipient, "recipient"),
            involving=clean(self.involving, "involving"),
            country=country_code(self.country, "country"),
            place=clean(self.place, "place"),
            event_type=event_type(self.event_type),
            mode=mode(self.mode),
            quad_class=quad_class(self.quad_class),
            modality=modality(self.modality),
            min_confidence=confidence(self.min_confidence),
        )

    @property
    def dated(self) -> bool:
        return self.since is not None or self.until is not None


# --- values -------------------------------------------------------------------------------------


def clean(value: str | None, option: str) -> str | None:
    """A user value safe to send to the database, stripped; FilterError when it is not."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise FilterError(f"--{option} takes text, not {type(value).__name__}")
    text = value.strip()
    if not text:
        raise FilterError(f"--{option} is empty; give a value or leave the option out")
    if len(text) > MAX_VALUE_CHARS:
        raise FilterError(
            f"--{option} is {len(text)} characters long; filter values are at most "
            f"{MAX_VALUE_CHARS}"
        )
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in text):
        raise FilterError(
            f"--{option} contains bytes that are not UTF-8; retype the value in UTF-8"
        )
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in text):
        raise FilterError(f"--{option} contains control characters; remove them")
    return text


def limit(value: int | None, option: str = "limit") -> int | None:
    if value is None:
        return None
    if not 0 <= value <= MAX_ROWS:
        raise FilterError(f"--{option} must be between 0 and {MAX_ROWS:,}, not {value}")
    return value


def row_id(value: int, name: str) -> int:
    if not 1 <= value <= MAX_ID:
        raise FilterError(f"{name} {value} does not exist; ids are positive and below 2^53")
    return value


def _choose(value: str | None, valid: tuple[str, ...] | list[str], option: str) -> str | None:
    if value is None:
        return None
    text = clean(value, option)
    assert text is not None
    for candidate in valid:
        if candidate.casefold() == text.casefold():
            return candidate
    raise FilterError(
        f"unknown --{option} {text[:40]!r}; use one of: {', '.join(valid)} (see `newsgraph codes`)"
    )


def event_type(value: str | None) -> str | None:
    return _choose(value, PLOVER_EVENT_TYPES, "type")


def mode(value: str | None) -> str | None:
    return _choose(value, plover_modes(), "mode")


def modality(value: str | None) -> str | None:
    if value is not None and value.strip().lower() in ("any", "all"):
        return None
    return _choose(value, MODALITIES, "modality")


def quote_kind(value: str | None) -> str | None:
    return _choose(value, QUOTE_KINDS, "kind")


def entity_type(value: str | None) -> str | None:
    return _choose(value, ENTITY_TYPES, "type")


def quad_class(value: int | None) -> int | None:
    if value is None or value in QUAD_CLASSES:
        return value
    listed = ", ".join(f"{k} {v}" for k, v in QUAD_CLASSES.items())
    raise FilterError(f"unknown --quad-class {value}; use one of: {listed}")


def confidence(value: float | None) -> float | None:
    if value is None or 0.0 <= value <= 1.0:
        return value
    raise FilterError(f"--min-confidence must be between 0 and 1, not {value}")


def country_code(value: str | None, option: str) -> str | None:
    text = clean(value, option)
    if text is None:
        return None
    code = text.upper()
    if not COUNTRY_PATTERN.match(code) or code not in known_countries():
        raise FilterError(
            f"--{option} {text[:40]!r} is not an ISO 3166 alpha-3 country code (e.g. KEN, TUR); "
            "look one up with `newsgraph codes country NAME`"
        )
    return code


@lru_cache(maxsize=1)
def plover_modes() -> tuple[str, ...]:
    """Every mode the event lexicon and the CAMEO crosswalk can give an event."""
    found: set[str] = set()
    for name in ("lexicon.tsv", "cameo_plover.tsv"):
        text = resources.files("newsgraph.events").joinpath(name).read_text(encoding="utf-8")
        for line in text.splitlines():
            if line.startswith("#") or not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) > 2 and parts[2] not in ("-", "", "mode"):
                found.add(parts[2])
    return tuple(sorted(found))


@lru_cache(maxsize=1)
def known_countries() -> frozenset[str]:
    text = resources.files("newsgraph.kb").joinpath("data/countries.tsv").read_text("utf-8")
    codes = {line.split("\t", 1)[0] for line in text.splitlines() if not line.startswith("#")}
    return frozenset(codes - {"iso3"}) | {"XKX"}


# --- SQL ----------------------------------------------------------------------------------------


def like_pattern(value: str) -> str:
    """`*` as the wildcard; `%`, `_` and the escape character itself are literal."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped.replace("*", "%")


def text_match(column: Any, value: str) -> ColumnElement[bool]:
    """Case-insensitive equality, or a `*` wildcard match."""
    if "*" in value:
        return func.lower(column).like(like_pattern(value.lower()), escape="\\")
    return func.lower(column) == value.lower()


def is_code(value: str) -> bool:
    return bool(CODE_PATTERN.match(value))


def entity_ids(conn: Connection, name: str) -> list[int]:
    """Global entities a name, alias or part of a name denotes, most reported first.

    Exact name or alias first; then a bare surname ("Ruto"); then names containing the words
    given ("Julani" for "Abu Mohammad al-Julani"); `*` wildcards match names directly.
    """
    g, k = s.global_entities, s.entity_keys
    order = (g.c.n_documents.desc(), g.c.id)
    if "*" in name:
        rows = conn.execute(
            select(g.c.id).where(text_match(g.c.name, name)).order_by(*order).limit(1000)
        ).all()
        return [int(r[0]) for r in rows]
    key = normalize(name)
    if not key:
        return []
    keys = [f"{group}:{key}" for group in GROUPS] + [f"country:{name.upper()}"]
    ids = select(k.c.global_entity_id).where(k.c.key.in_(keys))
    rows = conn.execute(select(g.c.id).where(g.c.id.in_(ids)).order_by(*order)).all()
    if not rows and " " not in key:
        rows = conn.execute(
            select(g.c.id)
            .where(g.c.type == "PERSON", g.c.norm_key.like(f"% {like_pattern(key)}", escape="\\"))
            .order_by(*order)
        ).all()
    if not rows:
        part = f"%{like_pattern(key)}%"
        by_alias = select(k.c.global_entity_id).where(k.c.key.like(part, escape="\\"))
        rows = conn.execute(
            select(g.c.id)
            .where(or_(g.c.norm_key.like(part, escape="\\"), g.c.id.in_(by_alias)))
            .order_by(*order)
            .limit(1000)
        ).all()
    return [int(r[0]) for r in rows]


def by_code(value: str) -> bool:
    """Whether an actor value is matched as a code (`TUR`, `RUS*`) rather than as a name."""
    code = value.upper()
    return is_code(code) and (value == code or "*" in value)


def participant_match(
    conn: Connection, value: str, option: str, table: Any = None
) -> ColumnElement[bool]:
    """Which participant rows a code or a name denotes: rows of `event_participants` by
    default, or of a table with the same `code` and `country` columns (`cluster_codes`) or the
    same `global_entity_id` (`cluster_participants`)."""
    p = s.event_participants if table is None else table
    code = value.upper()
    if by_code(value):
        if "*" in code:
            return or_(text_match(p.c.code, code), text_match(p.c.country, code))
        prefix: ColumnElement[bool] = p.c.code.like(f"{like_pattern(code)}%", escape="\\")
        if conn.dialect.name == "sqlite":
            # SQLite's LIKE is case-insensitive, so it cannot search an index. The range is the
            # same test (a text in [TUR, TUS) is one that starts with TUR: `code` is [A-Z0-9],
            # SQLite compares text bytewise) and searches the code index.
            upper = code[:-1] + chr(ord(code[-1]) + 1)
            prefix = and_(p.c.code >= code, p.c.code < upper)
        return or_(prefix, p.c.country == code)
    ids = entity_ids(conn, value)
    if not ids:
        raise FilterError(
            f"no actor named {value[:60]!r} in the store (--{option}); give a code (e.g. "
            "TURGOV, 'RUS*') or look the name up with `newsgraph entities --name '*part*'`"
        )
    return p.c.global_entity_id.in_(ids)


def cluster_match(conn: Connection, value: str, option: str) -> tuple[Any, ColumnElement[bool]]:
    """Where to find the clusters a code or a name denotes, without reading their events: a
    fresh alias of the per-cluster table (its `cluster_id` and `side` columns) and the condition
    on its rows. `cluster_codes` and `cluster_participants` hold every distinct code, country
    and global entity of the participants of a cluster's member events, by side, so "a member
    event has a participant matching on this side" reads one row there."""
    table = _alias(s.cluster_codes if by_code(value) else s.cluster_participants, option)
    return table, participant_match(conn, value, option, table)


@lru_cache(maxsize=64)
def _alias(table: Any, option: str) -> Any:
    """One alias of a per-cluster table per option, made once (each alias builds its own
    columns; a dyad's two parties are two options, so two aliases)."""
    return table.alias(f"{table.name}_{option}")


def clusters_where(conn: Connection, value: str, option: str, sides: tuple[str, ...]) -> Any:
    """Ids of the clusters with a participant matching `value` on one of `sides`."""
    table, match = cluster_match(conn, value, option)
    return select(table.c.cluster_id).where(match, table.c.side.in_(sides))


def _events_where(participants: ColumnElement[bool], sides: tuple[str, ...]) -> Select[Any]:
    p = s.event_participants
    return select(p.c.event_id).where(participants, p.c.side.in_(sides))


def apply_filter(
    conn: Connection, query: Select[Any], f: EventFilter, *, clusters: bool = True
) -> Select[Any]:
    """`query` over event_clusters (or, with clusters=False, over events) restricted by `f`."""
    table = s.event_clusters if clusters else s.events
    return query.where(conditions(conn, f, table, clusters=clusters))


def conditions(
    conn: Connection, f: EventFilter, table: Any, *, clusters: bool
) -> ColumnElement[bool]:
    """The filter as one condition on `table`. Over clusters, participants are read from the
    per-cluster tables (`clusters_where`); over events, from `event_participants`."""
    c = table.c
    p, cc = s.event_participants, s.cluster_codes
    parts: list[ColumnElement[bool]] = []
    for value, sides, option in (
        (f.actor, ("actor",), "actor"),
        (f.recipient, ("recipient",), "recipient"),
        (f.involving, ("actor", "recipient"), "involving"),
    ):
        if not value:
            continue
        if clusters:
            parts.append(c.id.in_(clusters_where(conn, value, option, sides)))
        else:
            parts.append(c.id.in_(_events_where(participant_match(conn, value, option), sides)))
    if f.country:
        anywhere = (
            select(cc.c.cluster_id).where(cc.c.country == f.country)
            if clusters
            else select(p.c.event_id).where(p.c.country == f.country)
        )
        parts.append(
            or_(
                c.actor_country == f.country,
                c.recipient_country == f.country,
                c.id.in_(anywhere),
            )
        )
    if f.place:
        code = f.place.upper()
        if COUNTRY_PATTERN.match(code) and code in known_countries():
            parts.append(c.location_country == code)
        else:
            parts.append(text_match(c.location, f.place))
    if f.event_type:
        parts.append(c.event_type == f.event_type)
    if f.mode:
        parts.append(c.mode == f.mode)
    if f.quad_class is not None:
        parts.append(c.quad_class == f.quad_class)
    if f.since is not None:
        parts.append(c.date_end >= f.since)
    if f.until is not None:
        parts.append(c.date_start <= f.until)
    if f.modality:
        parts.append(c.modality == f.modality)
    if f.min_confidence is not None:
        parts.append(confidence_column(table) >= f.min_confidence)
    return and_(true(), *parts) if parts else true()


def confidence_column(table: Any) -> Col[Any]:
    """Per event its own confidence; per cluster the highest of its reports'."""
    if "confidence" in table.c:
        return table.c.confidence  # type: ignore[no-any-return]
    e, link = s.events, s.event_links
    return (
        select(func.max(e.c.confidence))
        .join(link, link.c.event_id == e.c.id)
        .where(link.c.cluster_id == table.c.id)
        .scalar_subquery()
    )


def undated_count(conn: Connection, f: EventFilter, *, clusters: bool = True) -> int:
    """Events that match `f` but for its dates and have none (left out of dated answers)."""
    table = s.event_clusters if clusters else s.events
    undated = replace(f, since=None, until=None)
    query = (
        select(func.count())
        .select_from(table)
        .where(conditions(conn, undated, table, clusters=clusters), table.c.date_start.is_(None))
    )
    return int(conn.execute(query).scalar() or 0)
