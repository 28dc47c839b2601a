"""``Guard``: the outermost ASGI middleware of the app.

* security headers on every response (a Content-Security-Policy that allows only the server's own
  origin, ``nosniff``, no framing, no referrer);
* the body limit: a ``Content-Length`` over the limit is answered 413 before the app runs; a body sent
  without one (chunked) is counted as it streams and answered 413 as soon as it passes the limit;
* the last net: an exception that escapes the app becomes an E799 response in the error shape (the
  traceback goes to the log, never to the client).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.datastructures import MutableHeaders

from ..errors import error
from .errors import error_body, internal_error_bytes

log = logging.getLogger("eventwire.serve")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    ("content-security-policy", CSP),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("referrer-policy", "no-referrer"),
    ("cross-origin-opener-policy", "same-origin"),
)


class Guard:
    def __init__(self, app: ASGIApp, *, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = {"started": False, "too_large": False, "replaced": False}

        async def send_guarded(message: Message) -> None:
            if message["type"] == "http.response.start":
                if state["too_large"]:  # the app answered (400 ...) a body we cut off: answer 413 instead
                    state["replaced"] = True
                    await self._send_json(send, 413, self._too_large())
                    return
                state["started"] = True
                headers = MutableHeaders(scope=message)
                for k, v in SECURITY_HEADERS:
                    if k not in headers:
                        headers[k] = v
            elif state["replaced"]:
                return
            await send(message)

        length = _content_length(scope)
        if length is not None and length > self.max_body_bytes:
            await self._send_json(send, 413, self._too_large())
            return
        received = 0

        async def receive_counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    state["too_large"] = True
                    return {"type": "http.disconnect"}
            return message

        try:
            await self.app(scope, receive_counted, send_guarded)
        except Exception as exc:  # noqa: BLE001 - the last net: log it, answer in the error shape
            log.exception("unexpected error on %s %s", scope.get("method"), scope.get("path"))
            if state["too_large"] and not state["started"] and not state["replaced"]:
                await self._send_json(send, 413, self._too_large())
            elif not state["started"] and not state["replaced"]:
                await self._send_raw(send, 500, internal_error_bytes(type(exc).__name__))
            return
        if state["too_large"] and not state["started"] and not state["replaced"]:
            await self._send_json(send, 413, self._too_large())

    def _too_large(self) -> dict[str, Any]:
        e = error("E705", limit=self.max_body_bytes)
        return error_body(e.code, e.message, {"limit": self.max_body_bytes})

    async def _send_json(self, send: Send, status: int, body: dict[str, Any]) -> None:
        await self._send_raw(send, status, json.dumps(body).encode())

    async def _send_raw(self, send: Send, status: int, body: bytes) -> None:
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS]
        if status == 413:
            headers.append((b"connection", b"close"))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _content_length(scope: Scope) -> int | None:
    for k, v in scope.get("headers", ()):
        if k == b"content-length":
            try:
                return int(v)
            except ValueError:
                return None
    return None
