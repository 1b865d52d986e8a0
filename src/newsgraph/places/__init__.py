"""Places: resolve toponyms offline and find where an event happened.

`PlaceStage` fills `Analysis.places`; `locate_event` (used by the events stage) returns the place
of one event's own clause, or None when the text does not say.
"""

from newsgraph.places.locate import locate_event
from newsgraph.places.resolve import resolve_toponyms
from newsgraph.places.stage import PlaceStage

__all__ = ["PlaceStage", "locate_event", "resolve_toponyms"]
