"""The HTTP API through the ASGI test client: shapes, paging, caching and errors."""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

from fastapi.testclient import TestClient

from boardpapers.search import search
from boardpapers.store import Store, open_store
from tests.web.conftest import paper_id

BOTH_BACKENDS = True  # see conftest.py


def test_papers_are_paged_by_cursor_without_gaps_or_repeats(client: TestClient) -> None:
    seen: list[str] = []
    url = "/api/v1/papers?limit=3"
    pages = 0
    while url:
        body = client.get(url).json()
        seen += [p["id"] for p in body["items"]]
        pages += 1
        url = f"/api/v1/papers?limit=3&cursor={body['next_cursor']}" if body["next_cursor"] else ""
    assert len(seen) == len(set(seen)) == 10
    assert pages == 4
    dates = [d for d in (client.get("/api/v1/papers?limit=50").json()["items"]) if d["date"]]
    assert [d["date"] for d in dates] == sorted((d["date"] for d in dates), reverse=True)


def test_list_cursors_are_keys_not_offsets(client: TestClient) -> None:
    """A papers or meetings cursor names the last row shown (keyset pagination): the
    next page is the rows after it in the order, wherever they sit."""
    import base64
    import json
    every = client.get("/api/v1/papers?limit=50").json()["items"]
    first = client.get("/api/v1/papers?limit=4").json()
    key = json.loads(base64.urlsafe_b64decode(first["next_cursor"] + "=="))["k"]
    fourth = every[3]
    assert key == [fourth["date"], fourth["path"], fourth["id"]]

    def after(key: list[str | None]) -> list[str]:
        cursor = base64.urlsafe_b64encode(json.dumps({"k": key}).encode()).decode()
        return [p["id"] for p in client.get(f"/api/v1/papers?limit=50&cursor={cursor}"
                                            ).json()["items"]]
    for k in (0, 5, len(every) - 1):
        assert after([every[k]["date"], every[k]["path"], every[k]["id"]]) == [
            p["id"] for p in every[k + 1:]]
    assert after([None, "", ""]) == [p["id"] for p in every if p["date"] is None]
    meetings = client.get("/api/v1/meetings?limit=1").json()
    if meetings["next_cursor"]:
        after = client.get(f"/api/v1/meetings?limit=50&cursor={meetings['next_cursor']}")
        whole = client.get("/api/v1/meetings?limit=50").json()["items"]
        assert after.json()["items"] == whole[1:]


def test_a_cursor_not_given_out_is_a_json_error(client: TestClient) -> None:
    r = client.get("/api/v1/papers?cursor=nonsense")
    assert r.status_code == 400
    assert "cursor" in r.json()["error"]["message"]


def test_search_returns_the_cli_json_and_a_next_cursor(client: TestClient,
                                                       web_store: Store) -> None:
    r = client.get("/api/v1/search", params={"q": "readiness review", "limit": 1})
    assert r.status_code == 200
    body = r.json()
    expected = search(web_store, "readiness review", limit=1).to_json()
    assert {k: body[k] for k in expected} == expected
    assert body["total"] > 1 and body["next_cursor"]
    second = client.get("/api/v1/search", params={"q": "readiness review", "limit": 1,
                                                  "cursor": body["next_cursor"]}).json()
    assert second["hits"][0] != body["hits"][0]


def test_search_filters_from_parameters_narrow_the_hits(client: TestClient) -> None:
    every = client.get("/api/v1/search", params={"q": "council"}).json()
    reports = client.get("/api/v1/search", params={"q": "council", "genre": "report"}).json()
    assert 0 < reports["total"] < every["total"]
    assert {h["document"]["genre"] for h in reports["hits"]} == {"report"}
    in_2025 = client.get("/api/v1/search", params={"q": "council", "year": "2025"}).json()
    assert all(h["document"]["date"].startswith("2025") for h in in_2025["hits"])


def test_a_malformed_query_is_a_400_with_the_fix(client: TestClient) -> None:
    r = client.get("/api/v1/search", params={"q": '"bus franchising'})
    assert r.status_code == 400
    assert r.json() == {"error": {"status": 400, "message": 'unbalanced quote in query: '
                                  'close the phrase with a second "'}}


def test_unknown_paper_is_a_404_json_error(client: TestClient) -> None:
    r = client.get("/api/v1/papers/ffffffffff")
    assert r.status_code == 404
    assert "ffffffffff" in r.json()["error"]["message"]


def test_missing_parameter_is_a_422_json_error(client: TestClient) -> None:
    r = client.get("/api/v1/search")
    assert r.status_code == 422
    assert r.json()["error"]["message"].startswith("q:")


def test_every_get_has_an_etag_and_a_repeat_gets_304(client: TestClient) -> None:
    for url in ("/api/v1/papers", "/api/v1/search?q=housing", "/", "/search?q=housing",
                "/openapi.json"):
        first = client.get(url)
        etag = first.headers["etag"]
        assert first.headers["cache-control"].startswith("public, max-age=")
        again = client.get(url, headers={"If-None-Match": etag})
        assert again.status_code == 304, url
        assert again.content == b""
        assert again.headers["etag"] == etag
        assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200


def test_paper_its_contract_and_original_file(client: TestClient, web_store: Store) -> None:
    doc_id = paper_id(web_store, "westmere")
    one = client.get(f"/api/v1/papers/{doc_id[:10]}").json()
    assert one["id"] == doc_id and one["genre"] == "agenda_pack"
    contract = client.get(f"/api/v1/papers/{doc_id}/paper.json").json()
    assert contract["schema"] == "boardpapers/paper@1"
    assert contract["reports"][0]["title"] == "Household Support Fund 2025/26"
    original = client.get(f"/api/v1/papers/{doc_id}/file")
    assert original.status_code == 200
    assert original.headers["content-type"] == "application/pdf"
    assert hashlib.sha256(original.content).hexdigest() == doc_id
    assert client.get(f"/api/v1/papers/{doc_id}/file",
                      headers={"If-None-Match": f'"{doc_id}"'}).status_code == 304


def test_versions_of_a_report_are_listed(client: TestClient, web_store: Store) -> None:
    final = paper_id(web_store, "fenwold-transport-report-final")
    draft = paper_id(web_store, "fenwold-transport-report-draft")
    versions = client.get(f"/api/v1/papers/{final}").json()["versions"]
    assert [(v["doc_id"], v["title"]) for v in versions] == [(draft, "Bus Franchising "
                                                                     "Readiness")]


def test_council_from_the_register_with_every_mention(client: TestClient) -> None:
    shf = client.get("/api/v1/councils/SHF").json()
    assert shf["register"]["name"] == "Sheffield City Council"
    assert shf["register"]["type"]
    assert shf["mentions"] == 2 and shf["papers"] == 2
    assert {m["date"] for m in shf["mentions_page"]["items"]} == {"2025-01-14", "2025-03-11"}
    named = client.get("/api/v1/councils/Westmere County Council").json()
    assert named["code"] is None and named["papers"] == 1
    assert client.get("/api/v1/councils/Nowhere Parish").status_code == 404


def test_a_councils_mentions_are_paged_by_key(client: TestClient) -> None:
    import base64
    import json
    whole = client.get("/api/v1/councils/SHF").json()["mentions_page"]["items"]
    seen, cursor = [], None
    while True:
        params = {"limit": 1, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/v1/councils/SHF", params=params).json()["mentions_page"]
        seen += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            break
        last = page["items"][-1]
        assert json.loads(base64.urlsafe_b64decode(cursor + "=="))["k"] == [
            last["date"], last["path"], last["doc_id"], last["idx"]]
    assert seen == whole and len(seen) == 2
    assert [m["date"] for m in seen] == ["2025-03-11", "2025-01-14"]  # newest first


def test_councils_list_is_paged(client: TestClient) -> None:
    linked = client.get("/api/v1/councils").json()
    assert [c["code"] for c in linked["items"]] == ["BNS", "ROT", "SHF"]
    first = client.get("/api/v1/councils?limit=2&unlinked=true").json()
    assert len(first["items"]) == 2 and first["total"] >= 6
    rest = client.get(f"/api/v1/councils?limit=50&unlinked=true&cursor={first['next_cursor']}"
                      ).json()
    names = [c["name"] for c in first["items"] + rest["items"]]
    assert len(names) == first["total"] == len(set(names))


def test_meetings_and_a_meeting_with_agenda_linked_to_reports(client: TestClient,
                                                              web_store: Store) -> None:
    meetings = client.get("/api/v1/meetings").json()["items"]
    assert {m["body"] for m in meetings} >= {"Cabinet", "PLANNING COMMITTEE"}
    doc_id = paper_id(web_store, "westmere")
    m = client.get(f"/api/v1/meetings/{doc_id}").json()
    linked = {i["number"]: i["report_idx"] for i in m["items"]}
    assert linked["4"] == 0 and linked["5"] == 1
    assert m["members"][0]["name"] == "Margaret Ellison"
    board = client.get("/api/v1/boards", params={"body": "Cabinet",
                                                 "authority": "Westmere County Council"}).json()
    assert [x["doc_id"] for x in board["meetings"]] == [doc_id]


def test_facts_of_one_kind(client: TestClient) -> None:
    money = client.get("/api/v1/facts", params={"kind": "money", "limit": 5}).json()
    assert len(money["items"]) == 5 and money["next_cursor"]
    assert all(f["amount"] is not None for f in money["items"])
    bad = client.get("/api/v1/facts", params={"kind": "gossip"})
    assert bad.status_code == 400 and "unknown fact kind" in bad.json()["error"]["message"]


def test_facts_are_paged_by_key_without_gaps_or_repeats(client: TestClient) -> None:
    """A facts cursor names the last fact shown (keyset pagination): walking pages of 3
    gives the one long listing, in its order, each fact once."""
    import base64
    import json
    whole = client.get("/api/v1/facts", params={"kind": "money", "limit": 200}).json()
    assert whole["next_cursor"] is None and len(whole["items"]) > 6
    seen: list[dict] = []
    cursor = None
    while True:
        params = {"kind": "money", "limit": 3, **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/v1/facts", params=params).json()
        seen += body["items"]
        if not body["next_cursor"]:
            break
        last = body["items"][-1]
        key = json.loads(base64.urlsafe_b64decode(body["next_cursor"] + "=="))["k"]
        assert key[:3] == [last["paper"]["date"], last["paper"]["path"], last["paper"]["id"]]
        cursor = body["next_cursor"]
    assert seen == whole["items"]
    offset_cursor = base64.urlsafe_b64encode(json.dumps({"o": 3}).encode()).decode()
    old = client.get("/api/v1/facts", params={"kind": "money", "cursor": offset_cursor})
    assert old.status_code == 400 and "cursor" in old.json()["error"]["message"]


def test_recommendations_filter_by_officer_and_status(client: TestClient) -> None:
    rows = client.get("/api/v1/recommendations", params={"officer": "Fairley"}).json()
    assert rows["total"] == 4
    assert {r["officers"] for r in rows["items"]} == {"Imogen Fairley"}
    # the committee's minutes of 11 March 2025 resolve the report's item
    assert {r["status"] for r in rows["items"]} == {"agreed"}
    assert {r["link"] for r in rows["items"]} == {"title"}
    assert rows["items"][0]["decision"].startswith("RESOLVED that the findings of the "
                                                   "readiness review be approved")
    decided = client.get("/api/v1/recommendations", params={"status": "decided"}).json()
    assert decided["total"] == 4
    still_open = client.get("/api/v1/recommendations", params={"status": "open"}).json()
    assert still_open["total"] > 0
    assert "Fairley" not in str(still_open)
    bad = client.get("/api/v1/recommendations", params={"status": "maybe"})
    assert bad.status_code == 400


def test_recommendations_export_as_csv(client: TestClient) -> None:
    r = client.get("/recommendations.csv", params={"officer": "Fairley"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 4
    assert rows[0]["report"] == "Bus Franchising Readiness"
    assert rows[0]["date"] == "2025-03-11" and rows[0]["status"] == "agreed"
    assert rows[0]["decision"].startswith("RESOLVED")


def test_a_recommendation_and_its_thread(client: TestClient) -> None:
    rows = client.get("/api/v1/recommendations", params={"officer": "Fairley"}).json()
    first = rows["items"][0]
    assert first["thread"] and first["decided_on"] == "2025-03-11"
    found = client.get(f"/api/v1/recommendations/{first['id']}").json()
    assert found["recommendation"]["id"] == first["id"]
    assert [d["outcome"] for d in found["decisions"]] == ["agreed"]
    assert len(found["reports"]) >= 2  # the draft and the final report are one thread
    page = client.get(f"/recommendations/{first['id']}")
    assert page.status_code == 200 and "readiness review" in page.text
    assert client.get("/api/v1/recommendations/ffffffffffff-0-r0").status_code == 404
    assert client.get("/api/v1/recommendations/nonsense").status_code == 400


def test_openapi_document_describes_the_api(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    paths = set(doc["paths"])
    assert {"/api/v1/papers", "/api/v1/papers/{ref}", "/api/v1/search", "/api/v1/meetings",
            "/api/v1/councils", "/api/v1/facts", "/api/v1/recommendations"} <= paths
    assert "post" in doc["paths"]["/api/v1/papers"]
    assert not any(p.startswith("/search") or p == "/" for p in paths)


def test_original_that_moved_is_not_served(tmp_path: Path) -> None:
    from boardpapers.pipeline import ingest
    from boardpapers.web.app import create_app
    from boardpapers.web.settings import WebSettings

    paper = tmp_path / "note.md"
    paper.write_text("# Harbour Board\n\nThe harbour dues rise by £40 from April.\n")
    store = open_store(str(tmp_path / "x.db"))
    ingest([paper], store)
    paper.write_text("# Changed\n\nSomething else entirely.\n")
    app = create_app(WebSettings(db=store.url, data_dir=tmp_path / "data"), store)
    with TestClient(app) as c:
        doc = c.get("/api/v1/papers").json()["items"][0]
        r = c.get(f"/api/v1/papers/{doc['id']}/file")
    assert r.status_code == 404
    assert "moved or changed" in r.json()["error"]["message"]


def test_search_sorted_newest_first(client: TestClient) -> None:
    body = client.get("/api/v1/search", params={"q": "council", "sort": "date",
                                                "limit": 50}).json()
    dates = [h["document"]["date"] for h in body["hits"] if h["document"]["date"]]
    assert len(dates) > 3 and dates == sorted(dates, reverse=True)
    bad = client.get("/api/v1/search", params={"q": "council", "sort": "size"})
    assert bad.status_code == 400 and "unknown order" in bad.json()["error"]["message"]


def test_search_facets_councils_and_a_council_lists_its_programmes(client: TestClient) -> None:
    found = client.get("/api/v1/search", params={"q": "council"}).json()
    councils = {f["value"]: f["count"] for f in found["facets"]["council"]}
    assert councils["SHF"] == 2 and councils["Westmere County Council"] == 1
    narrowed = client.get("/api/v1/search", params={"q": "council", "council": "SHF"}).json()
    assert narrowed["total"] >= 2
    assert {h["document"]["title"] for h in narrowed["hits"]} == {"Bus Franchising Readiness"}
    shf = client.get("/api/v1/councils/SHF").json()
    assert [(p["programme"], p["papers"]) for p in shf["programmes"]] == [
        ("Bus Franchising Readiness", 2)]
    assert [p["date"] for p in shf["papers_list"]] == ["2025-03-11", "2025-01-14"]
