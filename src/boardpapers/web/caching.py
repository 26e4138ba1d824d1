"""ETag and Cache-Control on every GET, 304 for a repeated request, and a short-lived
cache of whole responses.

A pure ASGI middleware: the body of a successful GET is hashed into a strong ETag; a
request whose If-None-Match names it gets 304 with no body. The response is kept for a
few seconds (``ResponseCache``) so the same search or page asked again — a shared link,
a facet clicked back and forth, many readers of one agenda — is answered without running
it again; any successful write clears it. Responses that bring their own ETag (original
files) pass through untouched but for Cache-Control.
"""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict
from typing import Any

Scope = dict[str, Any]
Message = dict[str, Any]
Headers = list[tuple[bytes, bytes]]


class ResponseCache:
    """Recent successful GET responses by path and query string, each for ``seconds``;
    the least recently used goes first past ``size`` entries."""

    def __init__(self, seconds: float, size: int = 2048) -> None:
        self.seconds = seconds
        self.size = size
        self._items: OrderedDict[tuple[str, bytes], tuple[float, Headers, bytes]] = (
            OrderedDict())

    def get(self, key: tuple[str, bytes]) -> tuple[Headers, bytes] | None:
        found = self._items.get(key)
        if found is None:
            return None
        if time.monotonic() - found[0] > self.seconds:
            del self._items[key]
            return None
        self._items.move_to_end(key)
        return found[1], found[2]

    def put(self, key: tuple[str, bytes], headers: Headers, body: bytes) -> None:
        if self.seconds <= 0:
            return
        self._items[key] = (time.monotonic(), headers, body)
        self._items.move_to_end(key)
        while len(self._items) > self.size:
            self._items.popitem(last=False)

    def clear(self) -> None:
        self._items.clear()


class ETagMiddleware:
    def __init__(self, app: Any, max_age: int, cache_seconds: float = 0.0) -> None:
        self.app = app
        self.cache_control = f"public, max-age={max_age}".encode()
        self.cache = ResponseCache(cache_seconds)

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, self._clearing(send))
            return
        wanted = _header(scope["headers"], b"if-none-match")
        key = (scope["path"], scope.get("query_string", b""))
        cached = self.cache.get(key) if scope["method"] == "GET" else None
        if cached is not None:
            await self._answer(send, 200, cached[0], cached[1], wanted)
            return
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
                body = b"".join(chunks)
                headers = self._with_etag(start["headers"], body)
                if scope["method"] == "GET":
                    self.cache.put(key, headers, body)
                await self._answer(send, 200, headers, body, wanted)

        await self.app(scope, receive, wrapped)

    def _clearing(self, send: Any) -> Any:
        """A write that succeeds makes every cached answer stale."""
        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] < 400:
                self.cache.clear()
            await send(message)
        return wrapped

    def _with_etag(self, headers: Headers, body: bytes) -> Headers:
        etag = b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'
        kept = [(k, v) for k, v in headers if k.lower() != b"cache-control"]
        return [*kept, (b"etag", etag), (b"cache-control", self.cache_control)]

    async def _answer(self, send: Any, status: int, headers: Headers, body: bytes,
                      wanted: bytes | None) -> None:
        etag = _header(headers, b"etag") or b""
        if wanted is not None and (wanted.strip() == b"*" or
                                   etag in [t.strip() for t in wanted.split(b",")]):
            kept = [(k, v) for k, v in headers if k.lower() not in
                    (b"content-length", b"content-type")]
            await send({"type": "http.response.start", "status": 304, "headers": kept})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _header(headers: Headers, name: bytes) -> bytes | None:
    for key, value in headers:
        if key.lower() == name:
            return value
    return None
