"""What keeps a local server that shows third-party text safe to leave running.

The app shows articles written by others and listens on a port of the analyst's machine, so:

- **Host header.** A page on any website can make a browser send requests to
  ``127.0.0.1:8000`` under its own name (DNS rebinding) and read the answers, unless the
  server refuses a Host it does not serve. Only the names it was started for are answered.
- **Headers.** A Content-Security-Policy that allows nothing from elsewhere (the app needs no
  network), ``nosniff``, and no framing by other sites.
- **HEAD** is answered like GET without the body (FastAPI routes answer GET only).
- **Token.** Listening beyond loopback exposes the store to the network: then a token is
  required, as ``Authorization: Bearer TOKEN``, a ``summitry_token`` cookie, or once as
  ``?token=TOKEN`` (which sets the cookie).

It is plain ASGI so that it costs nothing per request beyond a few header look-ups.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
COOKIE = "summitry_token"

# 'unsafe-inline' for styles only: the SVG charts carry style attributes. No script but ours.
SECURITY_HEADERS = (
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
        b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
)


def is_loopback(host: str) -> bool:
    """Whether binding to ``host`` keeps the server on this machine."""
    if host.strip("[]").lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str:
    """The name in a Host header, without its port: ``[::1]:8000`` -> ``::1``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class Guard:
    """ASGI middleware: Host check, security headers, HEAD, and an optional token."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str], token: str | None = None) -> None:
        self.app = app
        self.allowed = frozenset(name.strip("[]").lower() for name in allowed_hosts)
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {name.lower(): value for name, value in scope.get("headers", ())}
        host = host_name(headers.get(b"host", b"").decode("latin-1"))
        if "*" not in self.allowed and host not in self.allowed:
            await _plain(send, 400, f"summitry: this server does not answer for host {host!r}; use {sorted(self.allowed)[0]}")
            return
        set_cookie = None
        if self.token is not None:
            given, from_query = _token_given(scope, headers)
            if given is None or not hmac.compare_digest(given.encode(), self.token.encode()):
                await _plain(send, 401, "summitry: this server needs its token (see the line `summitry serve` printed)")
                return
            if from_query:
                set_cookie = f"{COOKIE}={self.token}; HttpOnly; SameSite=Strict; Path=/".encode()
        head = scope["method"] == "HEAD"
        if head:
            scope = dict(scope, method="GET")

        async def send_guarded(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = list(SECURITY_HEADERS)
                if set_cookie is not None:
                    extra.append((b"set-cookie", set_cookie))
                message = dict(message, headers=[*message.get("headers", ()), *extra])
            elif message["type"] == "http.response.body" and head:
                message = dict(message, body=b"")
            await send(message)

        await self.app(scope, receive, send_guarded)


def _token_given(scope: Scope, headers: dict[bytes, bytes]) -> tuple[str | None, bool]:
    authorization = headers.get(b"authorization", b"").decode("latin-1")
    if authorization.lower().startswith("bearer "):
        return authorization[7:].strip(), False
    cookie = SimpleCookie()
    try:
        cookie.load(headers.get(b"cookie", b"").decode("latin-1"))
    except Exception:  # a malformed cookie header is no token; the request is refused below
        cookie = SimpleCookie()
    if COOKIE in cookie:
        return cookie[COOKIE].value, False
    for name, value in parse_qsl(scope.get("query_string", b"").decode("latin-1")):
        if name == "token":
            return value, True
    return None, False


async def _plain(send: Send, status: int, text: str) -> None:
    body = (text + "\n").encode()
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()), *SECURITY_HEADERS]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


# Bidirectional overrides and isolates reorder what follows them (a right-to-left override shows
# 5500億美元 as 元美億0055), and other control characters can hide or fake text. They are
# shown, never obeyed: each becomes a visible mark. Only the display changes; the stored text
# and every offset into it stay as they are.
_CONTROL = {
    code: f"[U+{code:04X}]"
    for code in [*range(0x00, 0x20), *range(0x7F, 0xA0), 0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
    if chr(code) not in "\n\t"
}


def shown(text: str) -> str:
    """``text`` with bidirectional and other control characters made visible marks."""
    return text.translate(_CONTROL)


def origin(source: str) -> str:
    """Where a document came from, as a page shows it: an address whole, a local path by its
    file name only (a page may be shown to others, and the analyst's folders are not theirs)."""
    if "://" in source:
        return source
    return source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or source
