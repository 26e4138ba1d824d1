"""Fetching politely: one place where a harvest touches the network.

httpx2 does the HTTP (redirects, timeouts, connection pooling); hishel keeps an RFC 9111
cache of listings (committee and meeting lists, feeds, CMIS pages) beside the database, so
a listing asked again is revalidated with its ETag or Last-Modified instead of fetched
whole; tenacity retries timeouts, dropped connections and 5xx/429 answers with
exponential backoff; the standard library's robotparser reads robots.txt. Documents are
fetched conditionally with the validators the store recorded (harvest table), so a
second run fetches nothing that has not changed. Each host gets at most
``per_host`` requests in flight and one request every ``interval`` seconds.

Every failure comes back as a ``Fetched`` with status "failed" or "refused" and a
one-line reason; nothing here raises for a site that answers badly.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx2
from hishel import CacheOptions, SqliteStorage
from hishel.httpx2 import CacheTransport
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from boardpapers.harvest.settings import RETRY_STATUSES, ROBOTS_AGENT, HarvestSettings


@dataclass(frozen=True, slots=True)
class Fetched:
    """One fetch: "fetched" (``body`` holds the bytes), "unchanged" (304, or served by
    the cache after revalidating), "failed" or "refused" (robots.txt), with the reason."""

    url: str
    status: str
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""
    filename: str = ""  # from Content-Disposition, when the server names the file
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.status in ("fetched", "unchanged")


class _RetryableStatus(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status


class _TooBig(Exception):
    pass


class _Host:
    """One host's share of politeness: a cap on requests in flight, a pace."""

    def __init__(self, per_host: int) -> None:
        self.slots = threading.Semaphore(per_host)
        self.lock = threading.Lock()
        self.next_at = 0.0

    def wait_turn(self, interval: float) -> None:
        with self.lock:
            now = time.monotonic()
            delay = self.next_at - now
            self.next_at = max(now, self.next_at) + interval
        if delay > 0:
            time.sleep(delay)


class Fetcher:
    """The harvest's HTTP client; close it (or use ``with``) when done."""

    def __init__(self, settings: HarvestSettings, cache_file: Path | None = None) -> None:
        self.settings = settings
        options = dict(headers={"User-Agent": settings.user_agent},
                       timeout=httpx2.Timeout(settings.timeout), follow_redirects=True,
                       max_redirects=settings.max_redirects)
        self.client = httpx2.Client(**options)  # type: ignore[arg-type]
        self.cached = self.client
        if cache_file is not None:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            storage = SqliteStorage(database_path=cache_file,
                                    max_stream_size=settings.max_bytes)
            transport = CacheTransport(httpx2.HTTPTransport(), storage=storage,
                                       rfc=CacheOptions(shared=False))
            self.cached = httpx2.Client(transport=transport, **options)  # type: ignore[arg-type]
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, RobotFileParser | None] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()
        if self.cached is not self.client:
            self.cached.close()

    # ------------------------------------------------------------------ asking

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            listing: bool = False) -> Fetched:
        """GET ``url``: conditionally when validators are given; through the cache when
        it is a ``listing``. Never raises for what the site does."""
        if not self.allowed(url):
            return Fetched(url, "refused", reason="robots.txt asks robots not to fetch it")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        client = self.cached if listing else self.client
        try:
            return self._with_retries(client, url, headers)
        except _RetryableStatus as exc:
            return Fetched(url, "failed", reason=f"{exc} after {self.settings.attempts} tries")
        except _TooBig as exc:
            return Fetched(url, "failed", reason=str(exc))
        except httpx2.TooManyRedirects:
            return Fetched(url, "failed", reason="redirect loop (more than "
                           f"{self.settings.max_redirects} redirects)")
        except httpx2.TimeoutException:
            return Fetched(url, "failed", reason=f"timed out ({self.settings.timeout:g} s) "
                           f"{self.settings.attempts} times")
        except httpx2.HTTPError as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            return Fetched(url, "failed", reason=f"{type(exc).__name__}: {reason}")

    def _with_retries(self, client: httpx2.Client, url: str,
                      headers: dict[str, str]) -> Fetched:
        s = self.settings
        retrying = Retrying(stop=stop_after_attempt(s.attempts), reraise=True,
                            wait=wait_exponential(multiplier=s.backoff, max=s.backoff_max),
                            retry=retry_if_exception_type((_RetryableStatus,
                                                           httpx2.TransportError)))
        for attempt in retrying:
            with attempt:
                return self._once(client, url, headers)
        raise AssertionError("unreachable")  # pragma: no cover - reraise=True

    def _once(self, client: httpx2.Client, url: str, headers: dict[str, str]) -> Fetched:
        host = self._host(url)
        with host.slots:
            host.wait_turn(self.settings.interval)
            with client.stream("GET", url, headers=headers) as response:
                if response.status_code in RETRY_STATUSES:
                    raise _RetryableStatus(response.status_code)
                caching = response.extensions.get("caching") or {}
                if response.status_code == 304 or caching.get("from_cache"):
                    return Fetched(url, "unchanged", body=self._read(response)
                                   if response.status_code != 304 else b"",
                                   etag=response.headers.get("etag"),
                                   last_modified=response.headers.get("last-modified"))
                if response.status_code >= 400:
                    return Fetched(url, "failed", reason=f"HTTP {response.status_code} "
                                   f"{response.reason_phrase}".strip())
                body = self._read(response)
                return Fetched(url, "fetched", body=body,
                               etag=response.headers.get("etag"),
                               last_modified=response.headers.get("last-modified"),
                               content_type=response.headers.get("content-type", ""),
                               filename=_disposition_name(response))

    def _read(self, response: httpx2.Response) -> bytes:
        limit = self.settings.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise _TooBig(f"the file is {int(declared):,} bytes, over the {limit:,} byte "
                          "limit: not fetched")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise _TooBig(f"the file grew past the {limit:,} byte limit: not fetched")
            chunks.append(chunk)
        return b"".join(chunks)

    # ------------------------------------------------------------------ politeness

    def _host(self, url: str) -> _Host:
        key = urlsplit(url).netloc.lower()
        with self._lock:
            if key not in self._hosts:
                self._hosts[key] = _Host(self.settings.per_host)
            return self._hosts[key]

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets us fetch ``url`` (read once per host)."""
        if not self.settings.robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            known = origin in self._robots
        if not known:
            parser = self._read_robots(origin)
            with self._lock:
                self._robots[origin] = parser
        parser = self._robots[origin]
        return parser is None or parser.can_fetch(ROBOTS_AGENT, url)

    def _read_robots(self, origin: str) -> RobotFileParser | None:
        """The parsed robots.txt; None (everything allowed) when there is none. A server
        error answering for it means "fetch nothing" (RFC 9309 §2.3.1.4)."""
        host = self._host(origin)
        parser = RobotFileParser()
        try:
            with host.slots:
                host.wait_turn(self.settings.interval)
                response = self.client.get(f"{origin}/robots.txt")
        except httpx2.HTTPError:
            return None
        if response.status_code >= 500:
            parser.parse(["User-agent: *", "Disallow: /"])
            return parser
        if response.status_code >= 400:
            return None
        parser.parse(response.text.splitlines())
        return parser


def _disposition_name(response: httpx2.Response) -> str:
    """The file name a Content-Disposition header gives, if any."""
    value = response.headers.get("content-disposition", "")
    for part in value.split(";"):
        key, _, name = part.strip().partition("=")
        if key.lower() == "filename" and name:
            return name.strip().strip('"')
    return ""
