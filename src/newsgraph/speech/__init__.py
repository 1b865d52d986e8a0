"""The one list of speech verbs, shared by the quotes, events, actors and places stages.

Each verb carries flags for what a consumer uses it for (`verbs.tsv` documents them), so a verb
added for quotes does not silently change what the events stage codes: every consumer asks for
its own flag.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources
from typing import Literal, get_args

VERBS_FILE = "verbs.tsv"

Flag = Literal[
    "cue",
    "report",
    "appeal",
    "characterise",
    "question",
    "colon",
    "relay",
    "events_request",
    "person_subject",
    "addressee",
]
FLAGS: frozenset[str] = frozenset(get_args(Flag))


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    """lemma -> flags, read once per process."""
    raw = resources.files(__package__).joinpath(VERBS_FILE).read_text(encoding="utf-8")
    table: dict[str, frozenset[str]] = {}
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("lemma\t"):
            continue
        lemma, _, flags = line.partition("\t")
        given = frozenset(f.strip() for f in flags.split(",") if f.strip())
        unknown = given - FLAGS
        if unknown or not given:
            raise ValueError(
                f"{VERBS_FILE} line {number}: flags {sorted(unknown) or 'missing'} for {lemma!r}; "
                f"use some of {sorted(FLAGS)}"
            )
        table[lemma.strip()] = given
    return table


@cache
def verbs_with(flag: Flag) -> frozenset[str]:
    """Lemmas that carry `flag` (e.g. `verbs_with("report")`)."""
    if flag not in FLAGS:
        raise ValueError(f"unknown speech-verb flag {flag!r}; use one of {sorted(FLAGS)}")
    return frozenset(lemma for lemma, flags in _table().items() if flag in flags)
