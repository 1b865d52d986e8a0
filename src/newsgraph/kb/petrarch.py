"""Import PETRARCH/TABARI `.actors` dictionaries, keeping their date windows.

Format (PETRARCH 0.9 / TABARI 0.8): an entry line holds a name (words joined by `_` or spaces)
and optional `[CODE]` blocks; `+NAME` lines add synonyms; tab-indented lines add more code
blocks. A block is `[CODE]` (the default), `[CODE <date]` (up to and including date),
`[CODE >date]` (from date on) or `[CODE date-date]` (inclusive). Dates are YYYYMMDD or YYMMDD
(YY 00-30 = 20YY, as in PETRARCH). `#` starts a comment, `<!-- -->` encloses one. The code
`---` means "known but not coded".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

from newsgraph.errors import ConfigError, ResourceError
from newsgraph.kb.records import make_entry, slug
from newsgraph.kb.types import KBEntry, KBRole

SECTOR_CODES = frozenset(
    {
        "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI",
        "INS", "JRN", "JUD", "LAB", "LEG", "MED", "MIL", "OPP", "PRE", "PRM", "PTY", "REB",
        "REF", "REL", "SEP", "SOC", "SPY", "UAF", "UNK",
    }
)  # fmt: skip
"""PLOVER and CAMEO sector codes recognised inside a CAMEO actor code (PSEREBHMS -> REB)."""

NULL_CODE = "---"
YEAR_PIVOT = 30
"""Two-digit years up to this are 20YY, later ones 19YY (KEDS/TABARI/PETRARCH rule)."""

_COMMENT_BLOCK = re.compile(r"<!\s*--.*?-->", re.DOTALL)
_BLOCK = re.compile(r"\[([^\]]*)\]")
_CODE_BODY = re.compile(
    r"^\s*(?P<code>[^\s<>\d][^\s<>]*)\s*"
    r"(?:(?P<op>[<>])\s*(?P<date>\d{6,8})|(?P<d1>\d{6,8})\s*-\s*(?P<d2>\d{6,8}))?\s*$"
)
_ONE_DAY = dt.timedelta(days=1)


def _date(text: str) -> dt.date:
    if len(text) <= 7:
        year = int(text[:2])
        year += 2000 if year <= YEAR_PIVOT else 1900
        return dt.date(year, int(text[2:4]), int(text[4:6]))
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))


CAMEO_IGO_MEMBERS = {"UNO": "UNO", "EEC": "EUR", "EUR": "EUR"}
"""CAMEO's IGO codes that PLOVER gives a country-level code of their own (Table 5.1): the UN
system (IGOUNO...) is UNO, the European Union (IGOEEC, IGOEUR) is EUR."""


def split_code(code: str) -> tuple[str | None, str | None]:
    """Country and first sector inside a CAMEO code: "PSEREBHMS" -> ("PSE", "REB"),
    "IGOUNOKID" -> ("UNO", None) (PLOVER's country-level code for the UN system)."""
    if code == NULL_CODE or len(code) < 3 or not code[:3].isalpha():
        return None, None
    upper = code.upper()
    chunks = [upper[i : i + 3] for i in range(3, len(upper), 3)]
    if upper[:3] in SECTOR_CODES and len(upper) == 3:
        return None, upper
    country = upper[:3]
    if country == "IGO" and chunks and chunks[0] in CAMEO_IGO_MEMBERS:
        country = CAMEO_IGO_MEMBERS[chunks[0]]
    return country, next((c for c in chunks if c in SECTOR_CODES), None)


def _parse_block(body: str) -> KBRole | None:
    match = _CODE_BODY.match(body)
    if match is None:
        return None
    code = match["code"].upper()
    country, sector = split_code(code)
    start = end = None
    try:
        if match["op"] == "<":
            end = _date(match["date"]) + _ONE_DAY
        elif match["op"] == ">":
            start = _date(match["date"])
        elif match["d1"]:
            start, end = _date(match["d1"]), _date(match["d2"]) + _ONE_DAY
    except ValueError:
        return None
    return KBRole(code, country, sector, start, end)


def _clean_name(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split())


class _Builder:
    def __init__(self, source: str) -> None:
        self.source = source
        self.entries: list[KBEntry] = []
        self.name: str | None = None
        self.aliases: list[str] = []
        self.roles: list[KBRole] = []
        self.skipped = 0

    def start(self, name: str) -> None:
        self.flush()
        self.name, self.aliases, self.roles = name, [], []

    def add_blocks(self, text: str) -> None:
        for body in _BLOCK.findall(text):
            role = _parse_block(body)
            if role is None:
                self.skipped += 1
            else:
                self.roles.append(role)

    def flush(self) -> None:
        if not self.name:
            return
        default = next((r for r in self.roles if r.start is None and r.end is None), None)
        code = default.title if default else None
        country, sector = split_code(code) if code else (None, None)
        kind = "GPE" if code and len(code) == 3 and country else "ACTOR"
        entry = make_entry(
            name=self.name,
            source=self.source,
            entry_id=f"petrarch:{slug(self.name)}:{len(self.entries)}",
            type_=kind,
            aliases=self.aliases,
            country=country,
            sector=sector,
            code=None if code == NULL_CODE else code,
            roles=self.roles,
        )
        # The entry-level coding is the undated default only, never a dated restriction.
        self.entries.append(replace(entry, country=country, sector=sector))
        self.name = None


def parse_petrarch_actors(text: str, source: str) -> list[KBEntry]:
    """Entries from the text of an actors dictionary; code blocks that cannot be read are
    skipped."""
    builder = _Builder(source)
    for raw_line in _COMMENT_BLOCK.sub("", text).splitlines():
        line = raw_line.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("<"):
            continue
        if line[0] in " \t":
            if builder.name:
                builder.add_blocks(line)
            continue
        head, bracket, rest = line.partition("[")
        if line.startswith("+"):
            if builder.name:
                alias = _clean_name(head[1:])
                if alias:
                    builder.aliases.append(alias)
                builder.add_blocks(bracket + rest)
            continue
        name = _clean_name(head)
        if name:
            builder.start(name)
            builder.add_blocks(bracket + rest)
    builder.flush()
    return builder.entries


def looks_like_petrarch(text: str) -> bool:
    """Content sniffing: CAMEO code blocks on entry lines and no JSON/TSV structure."""
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")) or "\t" in stripped.split("\n", 1)[0]:
        return False
    return bool(re.search(r"^[A-Z0-9_.'\- ]+\s*\[[A-Za-z~+\-]{2,}[^\]]*\]", text, re.MULTILINE))


def load_petrarch_actors(path: str | Path) -> list[KBEntry]:
    """Read a PETRARCH/TABARI `.actors` dictionary file into knowledge-base entries."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ResourceError(f"cannot read PETRARCH actors file {file}: {exc}") from exc
    entries = parse_petrarch_actors(text, f"petrarch:{file}")
    if not entries and text.strip():
        raise ConfigError(
            f"{file}: no actor entries found; expected lines like 'NAME [CODE]' "
            "(PETRARCH/TABARI .actors format)"
        )
    return entries
