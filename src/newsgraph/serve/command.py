"""`newsgraph serve`: the explorer on a local port.

It binds 127.0.0.1 unless told otherwise; any other address needs a token (--token or
NEWSGRAPH_SERVE_TOKEN; `--token auto` makes one), which every request must then present.
"""

from __future__ import annotations

import os
import re
import secrets
from typing import Annotated, Any

import typer

from newsgraph.cli_options import DbOption, out
from newsgraph.errors import ConfigError
from newsgraph.serve.security import TOKEN_ENV, is_local
from newsgraph.settings import load_settings

TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_\-.~]{16,200}$")
WORKER_HEALTHCHECK_SECONDS = 30
"""How long uvicorn waits for a worker process to answer its health check before killing and
restarting it (uvicorn's default, 5 s, killed workers still importing on a busy machine)."""


def check_token(host: str, token: str | None) -> str | None:
    """The token to require: None on a local address without one; an error for another address
    without one or for a token too short to resist guessing."""
    if token == "auto":
        token = secrets.token_urlsafe(24)
    if token is not None and not TOKEN_PATTERN.match(token):
        raise ConfigError(
            "the token must be 16 to 200 letters, digits or - _ . ~ (or `--token auto`)"
        )
    if token is None and not is_local(host):
        raise ConfigError(
            f"serving on {host} lets other machines in: give a token with --token TOKEN, "
            f"--token auto or {TOKEN_ENV}, or keep the default --host 127.0.0.1"
        )
    return token


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar=TOKEN_ENV,
            help="Require this token on every request ('auto' makes one); needed off 127.0.0.1.",
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(min=1, max=64, help="Server processes (more answer more clients at once)."),
    ] = 1,
) -> None:
    """The explorer: articles with their analysis highlighted, events, actors, dyads, a network,
    a map and search, each page with a JSON twin (PATH.json); read-only."""
    import uvicorn

    from newsgraph.serve.app import create_app
    from newsgraph.serve.db import ReadOnlyStore

    required = check_token(host, token)
    url = load_settings(db_url=db).db_url
    store = ReadOnlyStore(url)
    shown = f"[{host}]" if ":" in host else host
    link = f"http://{shown}:{port}/" + (f"?token={required}" if required else "")
    out.print(f"newsgraph explorer on {store.url} (read-only): open {link}")
    out.print("stop it with Ctrl-C")
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": os.environ.get("NEWSGRAPH_SERVE_LOG", "warning"),
        "server_header": False,
    }
    if workers == 1:
        try:
            uvicorn.run(create_app(store, token=required), **options)
        finally:
            store.close()
        return
    store.close()  # each worker opens its own, from the environment set here
    os.environ["NEWSGRAPH_DB"] = url
    if required:
        os.environ[TOKEN_ENV] = required
    else:
        os.environ.pop(TOKEN_ENV, None)
    uvicorn.run(
        "newsgraph.serve.app:from_environment",
        factory=True,
        workers=workers,
        timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS,
        **options,
    )
