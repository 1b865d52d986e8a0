"""What every response of the explorer passes through: the token check and security headers.

The token (when set) is accepted as `Authorization: Bearer TOKEN`, as a cookie, or once as
`?token=TOKEN` in a link, which sets the cookie and redirects to the same page without it, so
the token does not linger in the address bar or the history. Without a token the server only
answers requests addressed to a local host name, so a web page elsewhere cannot reach it by
rebinding a name of its own to 127.0.0.1.
"""

from __future__ import annotations

import hmac
import json
import urllib.parse
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

COOKIE = "newsgraph_token"
TOKEN_ENV = "NEWSGRAPH_SERVE_TOKEN"
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
"""Everything from this server only; no inline script or style (so text that slipped through as
markup still could not run)."""

SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


def is_local(host: str) -> bool:
    return host in LOCAL_HOSTS or host.startswith("127.")


def _host_name(scope: Scope) -> str:
    for key, value in scope.get("headers", []):
        if key == b"host":
            host = str(value.decode("latin-1"))
            if host.startswith("["):
                return host.split("]")[0] + "]"
            return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    return ""


class Guard:
    """ASGI middleware: token or local host check, then security headers on every response."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token

    def _presented(self, scope: Scope) -> str | None:
        for key, value in scope.get("headers", []):
            if key == b"authorization":
                scheme, _, credential = value.decode("latin-1").partition(" ")
                if scheme.lower() == "bearer":
                    return str(credential.strip())
            if key == b"cookie":
                cookie: SimpleCookie = SimpleCookie()
                cookie.load(value.decode("latin-1"))
                if COOKIE in cookie:
                    return str(cookie[COOKIE].value)
        return None

    def _valid(self, given: str | None) -> bool:
        assert self.token is not None
        return given is not None and hmac.compare_digest(given.encode(), self.token.encode())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.token is None:
            if not is_local(_host_name(scope)):
                await _refuse(send, 400, "this explorer answers only requests for localhost")
                return
        else:
            query = urllib.parse.parse_qs(scope.get("query_string", b"").decode("latin-1"))
            from_link = query.get("token", [None])[0]
            if from_link is not None and self._valid(from_link):
                await _redirect_with_cookie(scope, send, self.token, query)
                return
            if not self._valid(self._presented(scope)):
                await _refuse(
                    send,
                    401,
                    "this explorer needs its token: open the link `newsgraph serve` printed "
                    "(…?token=TOKEN) or send `Authorization: Bearer TOKEN`",
                )
                return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *((k, v) for k, v in SECURITY_HEADERS if k not in names),
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _refuse(send: Send, status: int, message: str) -> None:
    body = json.dumps({"ok": False, "status": status, "error": message}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def _redirect_with_cookie(
    scope: Scope, send: Send, token: str, query: dict[str, list[str]]
) -> None:
    rest = {k: v for k, v in query.items() if k != "token"}
    path = "/" + str(scope.get("path", "/")).lstrip("/")  # never //host: stay on this server
    location = urllib.parse.quote(path) + (
        "?" + urllib.parse.urlencode(rest, doseq=True) if rest else ""
    )
    cookie = f"{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/"
    await send(
        {
            "type": "http.response.start",
            "status": 303,
            "headers": [
                (b"location", location.encode("latin-1")),
                (b"set-cookie", cookie.encode("latin-1")),
                (b"content-length", b"0"),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": b""})
