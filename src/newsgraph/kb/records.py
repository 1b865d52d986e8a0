"""Reading knowledge-base files (JSON and TSV) into entries, country rows and role phrases.

Built-in data and user extensions share these formats (documented in the kb README), so a user
file can add to or replace anything the project ships.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsgraph.errors import ConfigError
from newsgraph.kb.types import KBEntry, KBRole

LIST_SEPARATOR = "|"
"""Separates several values inside one TSV cell (aliases, names, demonyms)."""

ENTRY_COLUMNS = (
    "id",
    "name",
    "type",
    "aliases",
    "country",
    "sector",
    "code",
    "title",
    "start",
    "end",
    "is_agency",
    "surname",
)
"""Columns of an entry TSV; only `name` is required. Rows sharing an id add roles to one entry."""

_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(slots=True)
class CountryPatch:
    """Names, demonyms, capitals or seats to add to (or drop from) one country."""

    iso3: str
    iso2: str | None = None
    name: str | None = None
    capital: str | None = None
    lat: float | None = None
    lon: float | None = None
    names: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    seats: list[str] = field(default_factory=list)
    drops: list[str] = field(default_factory=list)


@dataclass(slots=True)
class KBFileData:
    """Everything one knowledge-base file contributes."""

    entries: list[KBEntry] = field(default_factory=list)
    surnames: dict[str, str | None] = field(default_factory=dict)
    """entry id -> explicit surname key ("" = none); ids absent use the last name token."""
    countries: list[CountryPatch] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)


def parse_date(value: Any, where: str) -> dt.date | None:
    """ISO dates; a bare year or year-month means its first day."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return dt.date(int(text), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return dt.date(int(text[:4]), int(text[5:7]), 1)
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ConfigError(f"{where}: bad date {text!r}; write YYYY-MM-DD") from exc


def slug(text: str) -> str:
    return _SLUG.sub("-", text.casefold()).strip("-")


def _opt(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _role(raw: Any, where: str) -> KBRole:
    if isinstance(raw, Mapping):
        title, country, sector = raw.get("title", ""), raw.get("country"), raw.get("sector")
        start, end = raw.get("start"), raw.get("end")
    elif isinstance(raw, Sequence) and not isinstance(raw, str) and len(raw) == 5:
        title, country, sector, start, end = raw
    else:
        raise ConfigError(
            f"{where}: a role is {{title, country, sector, start, end}} "
            f"or [title, country, sector, start, end], got {raw!r}"
        )
    return KBRole(
        str(title or ""),
        _opt(country),
        _opt(sector),
        parse_date(start, where),
        parse_date(end, where),
    )


def make_entry(
    *,
    name: str,
    source: str,
    entry_id: str | None = None,
    type_: str | None = None,
    aliases: Iterable[str] = (),
    country: str | None = None,
    sector: str | None = None,
    code: str | None = None,
    roles: Iterable[KBRole] = (),
    is_agency: bool = False,
) -> KBEntry:
    """An entry with defaults filled in: country/sector from the current role, code from both."""
    role_tuple = tuple(roles)
    probe = KBEntry("", name, "", (), None, None, None, role_tuple, False, source)
    current = probe.role_on(None)
    country = country or (current.country if current else None)
    sector = sector or (current.sector if current else None)
    if code is None and country and len(country) == 3:
        code = country + (sector or "")
    alias_list: list[str] = []
    for alias in aliases:
        if alias and alias != name and alias not in alias_list:
            alias_list.append(alias)
    return KBEntry(
        id=entry_id or f"{slug(type_ or 'org')}:{slug(name)}",
        name=name,
        type=type_ or ("PERSON" if role_tuple and not is_agency else "ORG"),
        aliases=tuple(alias_list),
        country=country,
        sector=sector,
        code=code,
        roles=role_tuple,
        is_agency=is_agency,
        source=source,
    )


def entries_from_json(items: Iterable[Any], source: str, where: str, data: KBFileData) -> None:
    for index, raw in enumerate(items):
        place = f"{where} entry {index}"
        if not isinstance(raw, Mapping) or not raw.get("name"):
            raise ConfigError(f"{place}: each entry is an object with at least a 'name'")
        entry = make_entry(
            name=str(raw["name"]),
            source=source,
            entry_id=_opt(raw.get("id")),
            type_=_opt(raw.get("type")),
            aliases=[str(a) for a in raw.get("aliases", [])],
            country=_opt(raw.get("country")),
            sector=_opt(raw.get("sector")),
            code=_opt(raw.get("code")),
            roles=[_role(r, place) for r in raw.get("roles", [])],
            is_agency=bool(raw.get("is_agency", False)),
        )
        data.entries.append(entry)
        if "surname" in raw:
            data.surnames[entry.id] = raw["surname"] or ""


def countries_from_json(items: Iterable[Any], where: str, data: KBFileData) -> None:
    for raw in items:
        if not isinstance(raw, Mapping) or not raw.get("iso3"):
            raise ConfigError(f"{where}: each country is an object with at least 'iso3'")
        lat, lon = raw.get("lat"), raw.get("lon")
        data.countries.append(
            CountryPatch(
                iso3=str(raw["iso3"]).upper(),
                iso2=_opt(raw.get("iso2")),
                name=_opt(raw.get("name")),
                capital=_opt(raw.get("capital")),
                lat=float(lat) if lat is not None else None,
                lon=float(lon) if lon is not None else None,
                names=list(raw.get("names", [])),
                demonyms=list(raw.get("demonyms", [])),
                capitals=list(raw.get("capitals", [])),
                seats=list(raw.get("seats", [])),
                drops=list(raw.get("drop", [])),
            )
        )


def read_json(text: str, source: str, where: str) -> KBFileData:
    """A list of entries, or an object with any of "entries", "countries", "roles"."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{where}: not valid JSON ({exc})") from exc
    data = KBFileData()
    if isinstance(raw, list):
        entries_from_json(raw, source, where, data)
        return data
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a list of entries or an object")
    entries_from_json(raw.get("entries", []), source, where, data)
    countries_from_json(raw.get("countries", []), where, data)
    for phrase, sector in dict(raw.get("roles", {})).items():
        data.roles[str(phrase)] = str(sector)
    return data


def _tsv_rows(text: str) -> list[list[str]]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.reader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip()]


def read_tsv(text: str, source: str, where: str) -> KBFileData:
    """A TSV with a header row: entry columns (name, ...), role phrases (phrase, sector) or
    country names (iso3, kind, value)."""
    rows = _tsv_rows(text)
    data = KBFileData()
    if not rows:
        return data
    header = [h.strip().lower() for h in rows[0]]
    body = [dict(zip(header, (c.strip() for c in row), strict=False)) for row in rows[1:]]
    if {"phrase", "sector"} <= set(header):
        data.roles.update({r["phrase"]: r["sector"] for r in body if r.get("phrase")})
    elif {"iso3", "kind", "value"} <= set(header):
        country_names_from_rows(body, where, data)
    elif "name" in header:
        entries_from_rows(body, source, where, data)
    else:
        raise ConfigError(
            f"{where}: unknown TSV header {header}; use entry columns {list(ENTRY_COLUMNS)}, "
            "'phrase<TAB>sector' or 'iso3<TAB>kind<TAB>value'"
        )
    return data


def country_names_from_rows(
    rows: Iterable[Mapping[str, str]], where: str, data: KBFileData
) -> None:
    patches: dict[str, CountryPatch] = {}
    kinds = {"name": "names", "demonym": "demonyms", "capital": "capitals", "seat": "seats"}
    for row in rows:
        iso3, kind, value = row.get("iso3", "").upper(), row.get("kind", ""), row.get("value", "")
        patch = patches.setdefault(iso3, CountryPatch(iso3=iso3))
        if kind == "drop":
            patch.drops.append(value)
        elif kind in kinds:
            getattr(patch, kinds[kind]).append(value)
        else:
            raise ConfigError(f"{where}: kind {kind!r} must be one of {[*kinds, 'drop']}")
    data.countries.extend(patches.values())


def entries_from_rows(
    rows: Iterable[Mapping[str, str]], source: str, where: str, data: KBFileData
) -> None:
    grouped: dict[str, list[Mapping[str, str]]] = {}
    for row in rows:
        key = row.get("id") or row.get("name") or ""
        if not key:
            raise ConfigError(f"{where}: every row needs an id or a name")
        grouped.setdefault(key, []).append(row)
    for key, group in grouped.items():
        first = group[0]
        aliases = [a for row in group for a in _split(row.get("aliases", ""))]
        roles = [
            KBRole(
                row.get("title", ""),
                _opt(row.get("country")),
                _opt(row.get("sector")),
                parse_date(row.get("start"), f"{where} {key}"),
                parse_date(row.get("end"), f"{where} {key}"),
            )
            for row in group
            if row.get("title") or row.get("start") or row.get("end")
        ]
        entry = make_entry(
            name=first.get("name") or key,
            source=source,
            entry_id=_opt(first.get("id")),
            type_=_opt(first.get("type")),
            aliases=aliases,
            country=None if roles else _opt(first.get("country")),
            sector=None if roles else _opt(first.get("sector")),
            code=_opt(first.get("code")),
            roles=roles,
            is_agency=first.get("is_agency", "").lower() in {"1", "true", "yes"},
        )
        data.entries.append(entry)
        if "surname" in first and first["surname"] != "":
            data.surnames[entry.id] = "" if first["surname"] == "-" else first["surname"]
