"""The word lists the time rules read, loaded once from `vocab.json` next to this module."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Vocab:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    vague_numbers: tuple[str, ...]
    ordinals: dict[str, int]
    units: dict[str, str]
    seasons: dict[str, str]
    holidays: dict[str, tuple[int, int]]
    event_nouns: dict[str, str]
    """Event noun -> the verb lemma an event trigger for it would have ("meeting" -> "meet")."""
    irregular_past: dict[str, str]
    """Irregular past forms -> lemma ("met" -> "meet"), for triggers without a parse."""


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    raw = json.loads(resources.files(__package__).joinpath("vocab.json").read_text("utf-8"))
    return Vocab(
        months={k: int(v) for k, v in raw["months"].items()},
        weekdays={k: int(v) for k, v in raw["weekdays"].items()},
        numbers={k: float(v) for k, v in raw["numbers"].items()},
        vague_numbers=tuple(raw["vague_numbers"]),
        ordinals={k: int(v) for k, v in raw["ordinals"].items()},
        units=dict(raw["units"]),
        seasons=dict(raw["seasons"]),
        holidays={k: (int(v[0]), int(v[1])) for k, v in raw["holidays"].items()},
        event_nouns=dict(raw["event_nouns"]),
        irregular_past=dict(raw["irregular_past"]),
    )


def alternation(words: list[str] | tuple[str, ...] | dict[str, object]) -> str:
    """A regex alternation of words, longest first so "september" wins over "sep"."""
    import re

    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
