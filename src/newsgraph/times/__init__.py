"""Time: find and normalise time expressions (TIMEX3) and date events from what the text says."""

from newsgraph.times.dating import HISTORICAL_MARGIN, EventDatingStage
from newsgraph.times.detect import find_times
from newsgraph.times.stage import TimeStage

__all__ = ["HISTORICAL_MARGIN", "EventDatingStage", "TimeStage", "find_times"]
