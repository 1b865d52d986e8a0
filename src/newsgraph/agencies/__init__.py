"""The one list of news agencies and outlets (`agencies.tsv`), shared by ingest and quotes.

Each written form carries flags for its uses: `relay` (an outlet a quote was given to or cited
by, matched as written), `byline` (a byline segment that names an agency, not an author) and
`credit` (a word that marks a photo credit). A resource beside `kb/`, read on first use.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Literal

Use = Literal["relay", "byline", "credit"]
USES: tuple[Use, ...] = ("relay", "byline", "credit")
DATA_FILE = "agencies.tsv"


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, frozenset[str]], ...]:
    text = resources.files(__name__).joinpath(DATA_FILE).read_text("utf-8")
    rows: list[tuple[str, frozenset[str]]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        form, _, uses = line.partition("\t")
        flags = frozenset(u.strip() for u in uses.split(",") if u.strip())
        unknown = flags - set(USES)
        if not form.strip() or not flags or unknown:
            raise ValueError(f"{DATA_FILE} line {number}: need 'form<TAB>uses' with uses in {USES}")
        rows.append((form.strip(), flags))
    return tuple(rows)


def forms(use: Use) -> tuple[str, ...]:
    """The written forms flagged for `use`, in file order."""
    return tuple(form for form, flags in _rows() if use in flags)


def lowered(use: Use) -> frozenset[str]:
    """The forms flagged for `use`, lower-cased (bylines and credits match case-blind)."""
    return frozenset(form.lower() for form in forms(use))
