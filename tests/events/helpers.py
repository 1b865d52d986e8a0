"""Helpers for the events tests (the `run` fixture lives in conftest.py)."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.model import Analysis, Event

Runner = Callable[..., Analysis]


def names(analysis: Analysis, event: Event, side: str) -> str:
    """The participants' text on one side, joined, for substring assertions."""
    participants = event.actors if side == "actors" else event.recipients
    return " | ".join(analysis.text[p.start : p.end] for p in participants)


def of_type(analysis: Analysis, event_type: str) -> list[Event]:
    return [e for e in analysis.events if e.event_type == event_type]
