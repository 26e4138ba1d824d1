"""The HTML pages through the ASGI test client: what a person would read on each."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from boardpapers.store import Store
from tests.web.conftest import paper_id

BOTH_BACKENDS = True  # see conftest.py


def test_home_lists_recent_papers_and_a_search_box(client: TestClient) -> None:
    html = client.get("/").text
    assert 'role="search"' in html and 'name="q"' in html
    assert "Bus Franchising Readiness" in html
    assert "10 papers" in html


def test_search_page_shows_hits_facets_and_keeps_filters_in_the_url(client: TestClient
                                                                    ) -> None:
    html = client.get("/search", params={"q": "council"}).text
    assert re.search(r"\d+ matching passages", html)
    assert "<mark>" in html
    assert 'href="/search?q=council&amp;genre=report"' in html
    narrowed = client.get("/search", params={"q": "council", "genre": "report"}).text
    assert 'aria-label="Remove filter genre: report"' in narrowed
    assert 'href="/search?q=council"' in narrowed  # the chip's link drops the filter
    assert 'type="hidden" name="genre" value="report"' in narrowed


def test_search_pages_link_to_each_other(client: TestClient) -> None:
    html = client.get("/search", params={"q": "council"}).text
    assert 'rel="next" href="/search?q=council&amp;page=2"' in html
    second = client.get("/search", params={"q": "council", "page": 2}).text
    assert 'rel="prev" href="/search?q=council&amp;page=1"' in second
    assert '<span aria-current="page">2</span>' in second


def test_malformed_query_shows_the_one_line_fix(client: TestClient) -> None:
    r = client.get("/search", params={"q": "genre:novel housing"})
    assert r.status_code == 400
    assert 'role="alert"' in r.text
    assert "unknown genre &#39;novel&#39;: use one of agenda_pack" in r.text


def test_paper_page_highlights_facts_and_links_councils(client: TestClient,
                                                        web_store: Store) -> None:
    doc_id = paper_id(web_store, "fenwold-transport-report-final")
    html = client.get(f"/papers/{doc_id[:12]}").text
    assert '<mark class="fact fact-money" id="t-money-0" title="money">£2.9m</mark>' in html
    assert 'href="#t-money-0">£2.9m</a>' in html
    assert 'class="council-link" href="/councils/SHF"' in html
    assert f'href="/api/v1/papers/{doc_id}/file" download' in html
    assert "approve the findings of the readiness review;" in html
    draft = paper_id(web_store, "fenwold-transport-report-draft")
    assert f'href="/papers/{doc_id}/diff/{draft}"' in html


def test_diff_page_shows_what_changed_between_versions(client: TestClient,
                                                       web_store: Store) -> None:
    final = paper_id(web_store, "fenwold-transport-report-final")
    draft = paper_id(web_store, "fenwold-transport-report-draft")
    html = client.get(f"/papers/{final}/diff/{draft}").text
    assert re.search(r"<del><span class=\"visually-hidden\">Removed: </span>[^<]*86%", html)
    assert re.search(r"<ins><span class=\"visually-hidden\">Added: </span>[^<]*91%", html)
    assert "Templeborough" in html  # unchanged paragraphs are kept for context


def test_meeting_page_agenda_links_reports_and_members_by_group(client: TestClient,
                                                                web_store: Store) -> None:
    doc_id = paper_id(web_store, "westmere")
    html = client.get(f"/meetings/{doc_id}").text
    assert f'href="/papers/{doc_id}#report-1">Household Support Fund 2025/26</a>' in html
    assert re.search(r'<h3 id="g-\d">Conservative <span class="count">5</span>', html)
    assert "Margaret Ellison <span class=\"role\">chair</span>" in html


def test_board_page_lists_meetings_and_papers(client: TestClient) -> None:
    html = client.get("/board", params={"body": "Transport Committee",
                                        "authority": "Fenwold Combined Authority"}).text
    assert html.count('href="/papers/') >= 3  # two reports and the minutes
    assert re.search(r'href="/meetings/\w+"><time datetime="2025-03-11">', html)
    assert client.get("/board", params={"body": "No Such Board"}).status_code == 404


def test_council_page_shows_register_and_mentions(client: TestClient) -> None:
    html = client.get("/councils/SHF").text
    assert "<h1>Sheffield City Council</h1>" in html
    assert '<mark class="fact fact-councils">Sheffield City Council</mark>' in html
    listing = client.get("/councils").text
    assert 'href="/councils/SHF">Sheffield</a>' in listing


def test_recommendations_page_filters_and_links_csv(client: TestClient) -> None:
    html = client.get("/recommendations", params={"officer": "Fairley"}).text
    assert "4 found" in html
    assert 'href="/recommendations.csv?officer=Fairley"' in html
    bad = client.get("/recommendations", params={"since": "last week"})
    assert bad.status_code == 400 and "since: expects a date" in bad.text


def test_not_found_is_a_page_for_people(client: TestClient) -> None:
    r = client.get("/papers/0000000000")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert "<h1>Not found</h1>" in r.text


def test_pages_have_landmarks_and_labelled_fields(client: TestClient, web_store: Store
                                                  ) -> None:
    doc_id = paper_id(web_store, "westmere")
    for url in ("/", "/search?q=housing", f"/papers/{doc_id}", "/recommendations",
                "/upload", "/councils"):
        html = client.get(url).text
        assert '<html lang="en-GB">' in html and '<main id="main"' in html
        assert '<nav aria-label="Main">' in html and 'class="skip"' in html
        for field_id in re.findall(r'<(?:input|select)[^>]* id="([^"]+)"', html):
            assert f'for="{field_id}"' in html, (url, field_id)


def test_council_facet_and_the_council_page_programmes(client: TestClient) -> None:
    html = client.get("/search", params={"q": "council"}).text
    assert '<h3 id="facet-council">Council</h3>' in html
    assert ('href="/search?q=council&amp;council=SHF">Sheffield City Council '
            '<span class="count">2</span>') in html
    page = client.get("/councils/SHF").text
    assert "<h2>Programmes and items it takes part in</h2>" in page
    assert re.search(r'<a href="/papers/\w+">Bus Franchising Readiness</a>\s*'
                     r'<span class="meta">2 papers · latest <time', page)
    assert 'href="/search?council=SHF"' in page
