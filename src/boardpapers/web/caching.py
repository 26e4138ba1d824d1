"""ETag and Cache-Control on every GET, and 304 for a repeated request.

A pure ASGI middleware: the response body of a successful GET is hashed into a strong
ETag; a request whose If-None-Match names it gets 304 with no body. Responses that bring
their own ETag (original files, streamed) pass through untouched but for Cache-Control.
"""

from __future__ import annotations

import hashlib
from typing import Any

Scope = dict[str, Any]
Message = dict[str, Any]


class ETagMiddleware:
    def __init__(self, app: Any, max_age: int) -> None:
        self.app = app
        self.cache_control = f"public, max-age={max_age}".encode()

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        wanted = _header(scope["headers"], b"if-none-match")
        start: Message | None = None
        chunks: list[bytes] = []
        passthrough = False

        async def wrapped(message: Message) -> None:
            nonlocal start, passthrough
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if message["status"] != 200 or _header(headers, b"etag") is not None:
                    passthrough = True
                    cache = self.cache_control if message["status"] == 200 else b"no-cache"
                    if _header(headers, b"cache-control") is None:
                        headers.append((b"cache-control", cache))
                    await send({**message, "headers": headers})
                else:
                    start = {**message, "headers": headers}
                return
            if passthrough or start is None:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                await self._finish(send, start, b"".join(chunks), wanted)

        await self.app(scope, receive, wrapped)

    async def _finish(self, send: Any, start: Message, body: bytes,
                      wanted: bytes | None) -> None:
        etag = b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'
        headers = [(k, v) for k, v in start["headers"] if k.lower() != b"cache-control"]
        headers += [(b"etag", etag), (b"cache-control", self.cache_control)]
        if wanted is not None and etag in [t.strip() for t in wanted.split(b",")]:
            kept = [(k, v) for k, v in headers if k.lower() not in
                    (b"content-length", b"content-type")]
            await send({"type": "http.response.start", "status": 304, "headers": kept})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    for key, value in headers:
        if key.lower() == name:
            return value
    return None
