"""newsgraph: news articles in, verifiable event data, quotes, actors, times and places out.

The public Python API: `analyze` one text (raises on bad input), `Pipeline` for many (keeps
error records), the `Analysis` record, `to_record` for its JSON form, `load_events` for the
stored events as a typed DataFrame, and `load_settings`; queries live in `newsgraph.query`.
"""

from __future__ import annotations

__version__ = "0.1.0"

from newsgraph.api import analyze, load_events
from newsgraph.errors import ConfigError, InputError, NewsgraphError, ResourceError, StageError
from newsgraph.export import to_record
from newsgraph.model import Analysis
from newsgraph.pipeline import Pipeline, analyze_text
from newsgraph.settings import Settings, load_settings

__all__ = [
    "Analysis",
    "ConfigError",
    "InputError",
    "NewsgraphError",
    "Pipeline",
    "ResourceError",
    "Settings",
    "StageError",
    "__version__",
    "analyze",
    "analyze_text",
    "load_events",
    "load_settings",
    "to_record",
]
