"""In real headless Chromium: search, click a facet, open a paper, see a highlighted fact,
follow a council link. A screenshot of each page goes to $BOARDPAPERS_ARTIFACTS (default
$TMPDIR/boardpapers-artifacts), outside the repository."""

from __future__ import annotations

import os
import re
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from boardpapers.store import Store
from boardpapers.web.app import create_app
from boardpapers.web.settings import WebSettings

CHROMIUM = Path(os.environ.get("BOARDPAPERS_CHROMIUM", "/usr/bin/chromium"))
pytestmark = pytest.mark.browser

playwright_api = pytest.importorskip("playwright.sync_api")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (Debian's chromium)", allow_module_level=True)


def artifacts() -> Path:
    folder = Path(os.environ.get("BOARDPAPERS_ARTIFACTS")
                  or Path(tempfile.gettempdir()) / "boardpapers-artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(web_db: Path, web_store: Store, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[str]:
    """The app under uvicorn on a loopback port, in a thread, stopped at the end."""
    import uvicorn

    settings = WebSettings(db=f"sqlite:///{web_db}", data_dir=tmp_path_factory.mktemp("d"))
    port = free_port()
    config = uvicorn.Config(create_app(settings, web_store), host="127.0.0.1", port=port,
                            log_level="warning", access_log=False)
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM),
                                    args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_timeout(15_000)
        yield context.new_page()
        browser.close()


def shot(page: object, name: str) -> None:
    page.screenshot(path=str(artifacts() / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def test_search_facet_paper_fact_and_council(page, server: str) -> None:  # type: ignore[no-untyped-def]
    expect = playwright_api.expect
    page.goto(server + "/")
    expect(page.get_by_role("heading", name="Board papers")).to_be_visible()
    shot(page, "01-home")

    page.get_by_label("Search every paper").fill("readiness review")
    page.get_by_label("Search every paper").press("Enter")
    expect(page.get_by_role("heading", name=re.compile(r"\d+ matching passages?"))
           ).to_be_visible()
    assert "q=readiness+review" in page.url
    shot(page, "02-search")

    genre = page.locator("#facet-genre + ul a", has_text="Report").first
    genre.click()
    expect(page.get_by_role("link", name="Remove filter genre: report")).to_be_visible()
    assert "genre=report" in page.url
    titles = page.locator(".hit h3 a").all_inner_texts()
    assert titles and set(titles) == {"Bus Franchising Readiness"}
    shot(page, "03-facet")

    page.locator(".hit h3 a").first.click()
    expect(page.get_by_role("heading", level=1, name="Bus Franchising Readiness")
           ).to_be_visible()
    money = page.locator("mark.fact-money").first
    expect(money).to_be_visible()
    assert re.fullmatch(r"£2\.[49]m", money.inner_text())
    assert money.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    shot(page, "04-paper")

    page.locator("a.council-link[href='/councils/SHF']").click()
    expect(page.get_by_role("heading", level=1, name="Sheffield City Council")).to_be_visible()
    expect(page.locator("ol.mentions > li")).to_have_count(2)
    shot(page, "05-council")


def test_meeting_recommendations_and_keyboard(page, server: str) -> None:  # type: ignore[no-untyped-def]
    expect = playwright_api.expect
    page.goto(server + "/papers?genre=agenda_pack")
    page.get_by_role("link", name="Westmere County Council Cabinet").click()
    page.get_by_role("link", name="Meeting page").click()
    expect(page.get_by_role("heading", name="Agenda")).to_be_visible()
    shot(page, "06-meeting")

    page.goto(server + "/recommendations")
    page.get_by_label("Status").select_option("pending")  # app.js submits on change
    page.wait_for_url(re.compile(r"status=pending"))
    expect(page.locator(".recs-table tbody tr").first).to_contain_text("pending")
    shot(page, "07-recommendations")

    page.goto(server + "/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("/")
    expect(page.get_by_label("Search every paper")).to_be_focused()
