"""Actors: who the document talks about, resolved within the document and coded for events.

`ActorStage` fills `Analysis.entities`; `participants_in` codes the actors of a text span for
the events stage, and `is_time_phrase` tells it a phrase that says when, never who.
"""

from newsgraph.actors.nonactors import is_time_phrase
from newsgraph.actors.participants import participants_in
from newsgraph.actors.stage import ActorStage

__all__ = ["ActorStage", "is_time_phrase", "participants_in"]
