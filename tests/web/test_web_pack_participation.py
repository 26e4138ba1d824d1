"""The meeting pack and a paper's participation tables as web pages: the meeting page links
its pack as HTML and PDF (the PDF read back with pypdfium2 holds the agenda), and a paper
with a list of councils links a page of counts, percentages, the chart and the paper's own
figures where they differ."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pypdfium2 as pdfium
import pytest
from fastapi.testclient import TestClient

from boardpapers.store import Store, open_store
from boardpapers.web.app import create_app
from boardpapers.web.settings import WebSettings
from tests.conftest import FIXTURES, stored_db
from tests.web.test_pages import paper_id

SCHEME = FIXTURES / "publish" / "northmoor-graduate-scheme-update-2025-06-12.md"


def _pdf_text(data: bytes) -> list[str]:
    pdf = pdfium.PdfDocument(data)
    try:
        return [" ".join(pdf[i].get_textpage().get_text_range().split())
                for i in range(len(pdf))]
    finally:
        pdf.close()


def test_meeting_page_links_its_pack(client: TestClient, web_store: Store) -> None:
    doc_id = paper_id(web_store, "westmere")
    html = client.get(f"/meetings/{doc_id}").text
    assert f'href="/meetings/{doc_id}/pack.pdf"' in html
    assert f'href="/meetings/{doc_id}/pack.html"' in html
    r = client.get(f"/meetings/{doc_id}/pack.html")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert '<a class="pageref" href="#report-1">' in r.text and 'id="report-2"' in r.text
    r = client.get(f"/meetings/{doc_id}/pack.pdf")
    assert r.headers["content-type"] == "application/pdf"
    pages = _pdf_text(r.content)
    assert "Tuesday 11 March 2025, 14:00" in pages[0]
    agenda = next(p for p in pages if p.startswith("Agenda"))
    m = re.search(r"Household Support Fund 2025/26 (\d+)", agenda)
    assert m and pages[int(m.group(1)) - 1].startswith("Agenda item")
    assert client.get(f"/meetings/{doc_id}/pack.docx").status_code == 404


def test_no_pack_without_a_meeting(client: TestClient, web_store: Store) -> None:
    doc_id = paper_id(web_store, "northmoor-weekly-policy-brief")
    r = client.get(f"/meetings/{doc_id}/pack.html")
    assert r.status_code == 404 and "no meeting was found" in r.text


@pytest.fixture(scope="module")
def scheme_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    where = tmp_path_factory.mktemp("participation")
    folder = where / "papers"
    folder.mkdir()
    (folder / SCHEME.name).write_bytes(SCHEME.read_bytes())
    store = open_store(str(stored_db(where / "papers.db", [folder])))
    settings = WebSettings(db=store.url, data_dir=where / "data")
    with TestClient(create_app(settings, store)) as c:
        yield c
    store.close()


def test_participation_page(scheme_client: TestClient) -> None:
    doc_id = scheme_client.get("/api/v1/papers").json()["items"][0]["id"]
    paper = scheme_client.get(f"/papers/{doc_id}").text
    assert f'href="/papers/{doc_id}/participation"' in paper
    html = scheme_client.get(f"/papers/{doc_id}/participation").text
    rows = dict(re.findall(r'<tr><th scope="row">([^<]+)</th><td>\d+</td><td>([\d.]+)%',
                           html))
    assert rows["District"] == "25.0" and rows["Metropolitan District"] == "16.7"
    assert rows["East Midlands"] == "66.7" and rows["Conservative"] == "41.7"
    assert "the paper says 3, 24.0%; its list gives 3 (25.0%)" in html
    assert "the paper says 5, 33.3%; its list gives 4 (33.3%)" in html
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert "Metropolitan District" in svg and "25.0%" in svg


def test_no_participation_without_a_list(client: TestClient, web_store: Store) -> None:
    doc_id = paper_id(web_store, "westmere")
    assert "/participation" not in client.get(f"/papers/{doc_id}").text
    r = client.get(f"/papers/{doc_id}/participation")
    assert r.status_code == 404 and "no table in it lists councils" in r.text
