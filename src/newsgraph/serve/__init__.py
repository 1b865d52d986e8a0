"""The explorer: `newsgraph serve`, a read-only web app and JSON API over the store.

Pages are rendered on the server from the query layer (`newsgraph.query`) and the small reads
in `newsgraph.serve.queries`; every page at PATH has a JSON twin at PATH.json. All scripts,
styles and map shapes are served by the app itself (`static/`); nothing is fetched elsewhere.
`newsgraph.serve.app.create_app(store, token=...)` builds the ASGI app; the web framework is
imported only when the explorer runs, so the rest of newsgraph starts without it.
"""
