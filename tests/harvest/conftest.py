"""A fictional council's website on a real local HTTP server (127.0.0.1, started by
pytest-httpserver): its ModernGov web service, documents, CMIS pages and feeds, served
from tests/fixtures/harvest with ETags, answering conditional requests with 304, and
counting what was asked so tests can tell what a harvest fetched."""

from __future__ import annotations

import hashlib
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from boardpapers.harvest.run import Session
from boardpapers.harvest.settings import HarvestSettings
from boardpapers.store import Store, open_store
from tests.conftest import FIXTURES
from tests.store.conftest import (  # noqa: F401 (fixtures)
    BACKENDS,
    mariadb_databases,
    pg_database,
    url_factory,
)

HARVEST = FIXTURES / "harvest"
MG = HARVEST / "moderngov"
FICTIONAL_HOST = "http://democracy.marrowby.example"
FAST = HarvestSettings(interval=0.0, timeout=2.0, backoff=0.01, backoff_max=0.02,
                       attempts=2, workers=3)

Handler = Callable[[Request], "Response | tuple[bytes, str]"]


@dataclass
class Site:
    """Pages by path (decoded, with query), each bytes and a Content-Type, or a
    handler."""

    base: str
    pages: dict[str, tuple[bytes, str] | Handler] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)  # full answers (200)
    not_modified: Counter[str] = field(default_factory=Counter)  # 304s

    def url(self, path: str) -> str:
        return self.base + path

    def serve(self, request: Request) -> Response:
        key = request.full_path.rstrip("?")
        page = self.pages.get(key) or self.pages.get(request.path)
        if page is None:
            return Response("not found", status=404)
        if callable(page):
            answer = page(request)
            if isinstance(answer, Response):
                self.hits[key] += 1
                return answer
            page = answer
        body, kind = page
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if request.headers.get("If-None-Match") == etag:
            self.not_modified[key] += 1
            return Response(status=304, headers={"ETag": etag})
        self.hits[key] += 1
        return Response(body, content_type=kind, headers={"ETag": etag})


def moderngov_pages(base: str) -> dict[str, tuple[bytes, str] | Handler]:
    """The fictional Marrowby District Council's Modern.Gov site."""
    def xml(name: str) -> tuple[bytes, str]:
        text = (MG / name).read_text(encoding="utf-8").replace(FICTIONAL_HOST, base)
        return text.encode("utf-8"), "text/xml; charset=utf-8"

    service = "/mgWebService.asmx"
    pages: dict[str, tuple[bytes, str] | Handler] = {
        f"{service}/GetCommittees": xml("GetCommittees.xml"),
        f"{service}/GetMeetings": lambda r: _meetings(r, xml),
        f"{service}/GetMeeting?lMeetingId=4107": xml("GetMeeting-4107.xml"),
        f"{service}/GetMeeting?lMeetingId=3980": xml("GetMeeting-3980.xml"),
        f"{service}/GetMeeting?lMeetingId=4120": xml("GetMeeting-4120.xml"),
        "/documents/g4107/Agenda frontsheet.pdf":
            ((FIXTURES / "readers" / "agenda.pdf").read_bytes(), "application/pdf"),
        "/documents/g4107/Printed minutes.txt":
            ((MG / "printed-minutes-4107.txt").read_bytes(), "text/plain; charset=utf-8"),
        "/documents/s90318/Riverside Car Park.txt":
            ((MG / "riverside-car-park-report.txt").read_bytes(), "text/plain; charset=utf-8"),
    }
    return pages


def _meetings(request: Request,
              xml: Callable[[str], tuple[bytes, str]]) -> tuple[bytes, str]:
    name = f"GetMeetings-{request.args.get('lCommitteeId', '')}.xml"
    if not (MG / name).is_file():
        return b"<getmeetings><meetings/></getmeetings>", "text/xml"
    return xml(name)


@pytest.fixture(scope="session")
def make_httpserver() -> Iterator[HTTPServer]:
    """The plugin's server, on 127.0.0.1 only (no test reaches any other address) and
    threaded, so that a slow answer does not hold up the others."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


@pytest.fixture
def site(httpserver: HTTPServer) -> Iterator[Site]:
    base = httpserver.url_for("").rstrip("/")
    served = Site(base)
    served.pages.update(moderngov_pages(base))
    httpserver.expect_request(re.compile(".*")).respond_with_handler(served.serve)
    yield served


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path,
          monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """The harvest's store on SQLite, the real PostgreSQL and the real MariaDB (its harvest
    table comes from migration 0003 there), each skipped only when its server cannot be
    reached."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # PostgreSQL's indexes
    monkeypatch.delenv("BOARDPAPERS_INDEX", raising=False)
    url = url_factory(str(request.param), tmp_path, request)("harvest")
    opened = open_store(url, create=True)
    yield opened
    opened.close()


@pytest.fixture
def session_for(store: Store, tmp_path: Path) -> Callable[..., Session]:
    def make(**changes: object) -> Session:
        settings = HarvestSettings(**{**_fields(FAST), **changes})  # type: ignore[arg-type]
        return Session(store, tmp_path / "harvest", settings)
    return make


def _fields(settings: HarvestSettings) -> dict[str, object]:
    return {name: getattr(settings, name) for name in settings.__slots__}


def slow(seconds: float) -> Handler:
    def answer(request: Request) -> Response:
        time.sleep(seconds)
        return Response("late", content_type="text/plain")
    return answer
