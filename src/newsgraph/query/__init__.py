"""Questions analysts ask of the store, answered as pandas DataFrames.

`events` (clusters with report counts), `reports` (per-article events), `dyad_series`
(relations over time), `country_month_panel` (ICEWS-style quad counts), `actor_profile`,
`search` (quotes and evidence), `cluster_reports` (who reported an event), and the listings
`documents`, `quotes`, `entities`. Every function returns a DataFrame with a fixed schema
(`newsgraph.query.columns`) and takes the filters of `newsgraph.query.filters`. Typer commands over
them live in `newsgraph.query.commands`.
"""

from newsgraph.query.events import cluster_reports, events, reports
from newsgraph.query.filters import EventFilter, FilterError
from newsgraph.query.listings import documents, entities, quotes
from newsgraph.query.panel import country_month_panel
from newsgraph.query.profile import ActorProfile, actor_profile
from newsgraph.query.search import search
from newsgraph.query.series import dyad_series

__all__ = [
    "ActorProfile",
    "EventFilter",
    "FilterError",
    "actor_profile",
    "cluster_reports",
    "country_month_panel",
    "documents",
    "dyad_series",
    "entities",
    "events",
    "quotes",
    "reports",
    "search",
]
