"""Helpers for tests that run whole articles of our own through the pipeline and look at one
event: analyse an article with a publication day, find the event a trigger word starts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from newsgraph.model import Analysis, Event
from newsgraph.pipeline import analyze_text


def analyse_article(pipeline: Any, text: str, published: str) -> Analysis:
    """The analysis of `text` published on the ISO day `published`."""
    return analyze_text(text, published=dt.date.fromisoformat(published), pipeline=pipeline)


def event_on(analysis: Analysis, trigger: str) -> Event:
    """The first event one of whose mentions has `trigger` as its trigger's first word."""
    for event in analysis.events:
        for evidence in event.evidence:
            words = analysis.text[evidence.trigger.start : evidence.trigger.end].split()
            if words and words[0] == trigger:
                return event
    found = [analysis.text[e.evidence[0].trigger.start : e.evidence[0].trigger.end] for e in
             analysis.events]  # fmt: skip
    raise AssertionError(f"no event triggered by {trigger!r}; events: {found}")
