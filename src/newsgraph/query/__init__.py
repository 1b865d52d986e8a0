"""Questions analysts ask of the store, answered as pandas DataFrames.

`events` (clusters with report counts), `dyad_series` (relations over time), `actor_profile`,
`search` (quotes and evidence), `cluster_reports` (who reported an event). Typer commands over
them live in `newsgraph.query.commands`.
"""

from newsgraph.query.events import cluster_reports, events
from newsgraph.query.profile import ActorProfile, actor_profile
from newsgraph.query.search import search
from newsgraph.query.series import dyad_series

__all__ = ["ActorProfile", "actor_profile", "cluster_reports", "dyad_series", "events", "search"]
