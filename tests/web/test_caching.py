"""The ETag middleware's short-lived response cache: reuse, expiry, eviction, and
clearing on writes."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from boardpapers.web import caching
from boardpapers.web.caching import ETagMiddleware, ResponseCache


def counting_app(cache_seconds: float) -> tuple[TestClient, list[str]]:
    calls: list[str] = []

    async def read(request: Request) -> PlainTextResponse:
        calls.append(request.url.query)
        return PlainTextResponse(f"answer {len(calls)}")

    async def write(request: Request) -> PlainTextResponse:
        return PlainTextResponse("stored", status_code=201)

    async def refuse(request: Request) -> PlainTextResponse:
        return PlainTextResponse("no", status_code=401)

    app = Starlette(routes=[Route("/", read), Route("/w", write, methods=["POST"]),
                            Route("/r", refuse, methods=["POST"])])
    return TestClient(ETagMiddleware(app, max_age=60, cache_seconds=cache_seconds)), calls


def test_a_repeated_get_is_answered_from_the_cache() -> None:
    client, calls = counting_app(30)
    first = client.get("/?q=housing")
    second = client.get("/?q=housing")
    assert first.text == second.text == "answer 1"
    assert first.headers["etag"] == second.headers["etag"]
    assert client.get("/?q=housing", headers={"If-None-Match": first.headers["etag"]}
                      ).status_code == 304
    assert client.get("/?q=roads").text == "answer 2"
    assert calls == ["q=housing", "q=roads"]


def test_a_successful_write_clears_the_cache_a_refused_one_does_not() -> None:
    client, calls = counting_app(30)
    client.get("/")
    assert client.post("/r").status_code == 401
    assert client.get("/").text == "answer 1"
    assert client.post("/w").status_code == 201
    assert client.get("/").text == "answer 2"


def test_no_cache_when_switched_off() -> None:
    client, calls = counting_app(0)
    assert [client.get("/").text for _ in range(3)] == ["answer 1", "answer 2", "answer 3"]


def test_entries_expire_and_the_least_recently_used_goes_first(
        monkeypatch: pytest.MonkeyPatch) -> None:
    now = [100.0]
    monkeypatch.setattr(caching.time, "monotonic", lambda: now[0])
    cache = ResponseCache(seconds=5, size=2)
    headers: Any = [(b"etag", b'"x"')]
    cache.put(("/", b"a"), headers, b"A")
    cache.put(("/", b"b"), headers, b"B")
    assert cache.get(("/", b"a")) == (headers, b"A")  # a is now the most recent
    cache.put(("/", b"c"), headers, b"C")
    assert cache.get(("/", b"b")) is None and cache.get(("/", b"c")) is not None
    now[0] += 6
    assert cache.get(("/", b"a")) is None
