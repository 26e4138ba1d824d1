"""Harvesting CMIS meeting pages and RSS/Atom feeds from the local fictional sites."""

from __future__ import annotations

from boardpapers.harvest import cmis, feeds
from boardpapers.query import parse_query
from tests.harvest.conftest import HARVEST

CMIS = HARVEST / "cmis"
FEEDS = HARVEST / "feeds"
LIST = "/cmis5/Meetings/tabid/70/ctl/MeetingCalendarListView/mid/397/Default.aspx"
MEETING = "/cmis5/Meetings/tabid/70/ctl/ViewMeetingPublic/mid/397/Meeting/1502/Committee/21/" \
          "Default.aspx"


def _cmis_site(site):
    html = "text/html; charset=utf-8"
    site.pages[LIST] = ((CMIS / "meetings.html").read_bytes(), html)
    site.pages[MEETING] = ((CMIS / "meeting-1502.html").read_bytes(), html)
    site.pages["/cmis5/Document.ashx?czJKcaeAi5tUFL1DTL2UE4zNRBcoShgo=Fm5Qe9"] = (
        (CMIS / "fares-report.txt").read_bytes(), "text/plain; charset=utf-8")


def test_cmis_meetings_and_their_papers_are_harvested(site, store, session_for):
    _cmis_site(site)
    with session_for() as session:
        cmis.harvest(session, site.url(LIST), since="2025-06-01")
        report = session.ingest()
    assert site.hits[MEETING.replace("1502", "1388")] == 0  # before --since
    problems = {line.url.rsplit("=", 1)[-1]: line for line in report.problems}
    assert problems["Fm5Qe2"].status == "failed"  # not on the site: one line
    assert report.ingested == 2  # the meeting page and the fares report
    (hit,) = store.search(parse_query('"flag fall"'), limit=5).hits
    fares = store.get(hit.row["doc_id"])
    assert fares is not None
    (origin,) = fares["harvested"]
    assert (origin["committee"], origin["meeting_id"], origin["meeting_date"],
            origin["item_number"], origin["item_title"]) == (
        "Licensing Committee", "1502", "2025-11-12", "6", "Hackney Carriage Fares")
    (meeting,) = store.search(parse_query("Apologies"), limit=5).hits
    assert meeting.row["body"] == "Licensing Committee"


def test_a_feed_entry_enclosure_is_harvested(site, store, session_for):
    base = site.base
    rss = (FEEDS / "briefings.rss").read_text().replace("http://briefings.northmere.example",
                                                         base)
    site.pages["/briefings.rss"] = (rss.encode(), "application/rss+xml")
    site.pages["/files/briefing-2025-11-14.txt"] = (
        (FEEDS / "briefing-2025-11-14.txt").read_bytes(), "text/plain; charset=utf-8")
    with session_for() as session:
        feeds.harvest(session, site.url("/briefings.rss"), since="2025-01-01")
        report = session.ingest()
    assert report.ingested == 1 and not report.problems
    assert site.hits["/briefings/2024-03-01/"] == 0  # before --since
    with session_for() as session:
        feeds.harvest(session, site.url("/briefings.rss"), since="2025-01-01")
        again = session.ingest()
    assert again.count("fetched") == 0 and again.count("unchanged") == 2


def test_a_page_that_is_no_feed_is_one_line(site, store, session_for):
    site.pages["/news"] = (b"<html><body><p>News</p></body></html>", "text/html")
    with session_for() as session:
        feeds.harvest(session, site.url("/news"))
        report = session.ingest()
    (line,) = report.problems
    assert line.status == "failed" and line.reason.startswith("not an RSS or Atom feed")


def test_the_paper_page_says_where_a_paper_was_harvested(site, store, session_for, tmp_path):
    from fastapi.testclient import TestClient

    from boardpapers.harvest import moderngov
    from boardpapers.web.app import create_app
    from boardpapers.web.settings import WebSettings
    with session_for() as session:
        moderngov.harvest(session, site.base, committees=["31"], since="2025-11-01")
        session.ingest()
    (hit,) = store.search(parse_query('"river wall"'), limit=5).hits
    settings = WebSettings(db=store.url, data_dir=tmp_path / "uploads")
    with TestClient(create_app(settings, store)) as client:
        page = client.get(f"/papers/{hit.row['doc_id']}").text
    assert "Harvested from" in page
    assert "Cabinet, meeting of" in page and "item 42 (Riverside Car Park Resurfacing)" in page
