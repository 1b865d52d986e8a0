"""PLOVER events with CAMEO codes: who did what to whom, from the dependency parse."""

from newsgraph.events.stage import EventStage

__all__ = ["EventStage"]
