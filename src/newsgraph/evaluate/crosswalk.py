"""CAMEO → PLOVER type lookup for scoring CAMEO-coded gold, and old PLOVER labels → PLOVER 2.0.

The crosswalk is the events package's data (`newsgraph/events/cameo_plover.tsv`) when it is
there; otherwise the official `CAMEO2PLOVER-2021.txt` table is read at evaluation time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from newsgraph.errors import ResourceError

OLD_PLOVER_LABELS: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
"""Labels of the 2016 PLOVER gold records that PLOVER 2.0 folded into other types."""

PACKAGE_TABLE = ("newsgraph.events", "cameo_plover.tsv")
"""Where the events package keeps its re-expression of the crosswalk."""

_OFFICIAL_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z_]+)")


def plover_label(label: str) -> str:
    """The PLOVER 2.0 name of a gold label (old names mapped, others unchanged)."""
    upper = label.strip().upper()
    return OLD_PLOVER_LABELS.get(upper, upper)


def parse_official(text: str) -> dict[str, str]:
    """Parse `CAMEO2PLOVER-2021.txt` lines such as `042: CONSULT, visit,   # Make a visit`."""
    table: dict[str, str] = {}
    for line in text.splitlines():
        match = _OFFICIAL_LINE.match(line.strip())
        if match:
            table.setdefault(match.group(1), match.group(2))
    return table


def parse_package_tsv(text: str) -> dict[str, str]:
    """Parse the events package's TSV (`cameo<TAB>plover_type<TAB>...`, `#` comments)."""
    table: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) >= 2 and cells[0].strip().isdigit() and cells[1].strip():
            table.setdefault(cells[0].strip(), cells[1].strip().upper())
    return table


@lru_cache(maxsize=4)
def load_crosswalk(official: Path | None = None) -> dict[str, str]:
    """CAMEO code → PLOVER type, from the package data, else from the official file."""
    package, name = PACKAGE_TABLE
    try:
        text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        text = ""
    table = parse_package_tsv(text)
    if table:
        return table
    if official is not None and official.is_file():
        return parse_official(official.read_text(encoding="utf-8"))
    raise ResourceError(
        "no CAMEO→PLOVER crosswalk: newsgraph/events/cameo_plover.tsv is missing and "
        f"{official} is not a file; pass the path of CAMEO2PLOVER-2021.txt"
    )


def cameo_to_plover(code: str, table: dict[str, str]) -> str | None:
    """The PLOVER type of a CAMEO code: the code itself, else its 3-digit parent, else its root."""
    code = code.strip()
    if not code.isdigit():
        return None
    for key in (code, code[:3], code[:2] + "0", code[:2]):
        if key in table:
            return table[key]
    return None


def cameo_root(code: str | None) -> str | None:
    """The 2-digit CAMEO root (01–20) of a code, None for anything else (test codes like 903)."""
    if not code or not code.strip().isdigit() or len(code.strip()) < 3:
        return None
    root = code.strip()[:2]
    return root if 1 <= int(root) <= 20 else None
