"""Actors: who the document talks about, resolved within the document and coded for events.

`ActorStage` fills `Analysis.entities`; `participants_in` codes the actors of a text span for
the events stage.
"""

from newsgraph.actors.participants import participants_in
from newsgraph.actors.stage import ActorStage

__all__ = ["ActorStage", "participants_in"]
