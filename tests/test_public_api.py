"""What `import newsgraph` exports (as httpx's test_exported_members): adding or removing a
public name is a decision, made here and in the README."""

from __future__ import annotations

from typing import get_args

import pytest

import newsgraph
from newsgraph.errors import ConfigError, ErrorKind, NewsgraphError, ResourceError, StageError
from newsgraph.model import PLOVER_EVENT_TYPES, EventType, as_event_type

PUBLIC = {
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
}


def test_public_api_exports_exactly_the_public_names() -> None:
    assert set(newsgraph.__all__) == PUBLIC
    assert len(newsgraph.__all__) == len(set(newsgraph.__all__))


def test_public_api_every_exported_name_exists_and_belongs_to_newsgraph() -> None:
    for name in newsgraph.__all__:
        member = getattr(newsgraph, name)
        if name != "__version__":
            assert member.__module__.startswith("newsgraph"), name


def test_public_api_error_kinds_cover_every_error_class() -> None:
    kinds = set(get_args(ErrorKind))
    for cls in (ConfigError, ResourceError, StageError):
        assert cls.kind in kinds
    assert issubclass(StageError, NewsgraphError)


def test_public_api_event_types_are_the_literal() -> None:
    assert get_args(EventType) == PLOVER_EVENT_TYPES
    assert len(PLOVER_EVENT_TYPES) == 16
    assert as_event_type("ASSAULT") == "ASSAULT"
    with pytest.raises(ValueError, match="not a PLOVER event type"):
        as_event_type("ATTACK")
