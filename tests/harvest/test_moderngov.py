"""Harvesting a Modern.Gov site: walk, fetch, ingest with provenance, and again."""

from __future__ import annotations

from boardpapers import browse
from boardpapers.harvest import moderngov
from boardpapers.query import parse_query


def test_a_site_is_walked_and_its_papers_ingested_with_provenance(site, store, session_for):
    with session_for() as session:
        moderngov.harvest(session, site.base, since="2025-01-01")
        report = session.ingest()
    assert report.count("failed") == 0, report.problems
    assert report.ingested == 6  # three meetings, a frontsheet, printed minutes, a report
    assert [(p.status, p.reason) for p in report.problems] == [
        ("skipped", "restricted: not published")]
    assert site.hits["/mgWebService.asmx/GetMeeting?lMeetingId=12"] == 0  # expired committee
    hits = store.search(parse_query("Riverside resurfacing"), limit=20).hits
    papers = {h.row["title"] for h in hits}
    assert "Riverside Car Park Resurfacing" in papers
    report_hit = next(h for h in hits if h.row["path"].endswith("Riverside-Car-Park.txt"))
    stored = store.get(report_hit.row["doc_id"])
    assert stored is not None
    (origin,) = stored["harvested"]
    assert origin["url"] == site.url("/documents/s90318/Riverside%20Car%20Park.txt")
    assert (origin["committee"], origin["meeting_id"], origin["meeting_date"],
            origin["item_number"], origin["item_title"]) == (
        "Cabinet", "4107", "2025-11-18", "42", "Riverside Car Park Resurfacing")


def test_the_meeting_itself_is_a_paper_in_the_meeting_lists(site, store, session_for):
    with session_for() as session:
        moderngov.harvest(session, site.base, committees=["cabinet"], since="2025-10-01")
        session.ingest()
    assert site.hits["/mgWebService.asmx/GetMeeting?lMeetingId=3980"] == 0  # before --since
    assert site.hits["/mgWebService.asmx/GetMeeting?lMeetingId=4120"] == 0  # not Cabinet
    page = browse.list_meetings(store, body="Cabinet")
    assert [(m["body"], m["date"]) for m in page.items] == [("Cabinet", "2025-11-18")] * 2


def test_a_second_run_fetches_nothing_unchanged_and_says_so(site, store, session_for):
    with session_for() as session:
        moderngov.harvest(session, site.base, since="2025-01-01")
        session.ingest()
    full = sum(site.hits.values())
    with session_for() as session:
        moderngov.harvest(session, site.base, since="2025-01-01")
        report = session.ingest()
    assert report.count("fetched") == 0 and report.ingested == 0
    assert report.count("unchanged") == 9  # 3 lists, 3 meetings, 3 documents
    assert "nothing has changed since the last harvest" in report.summary()
    documents = [k for k in site.not_modified if k.startswith("/documents/")]
    assert len(documents) == 3
    assert sum(site.hits.values()) == full  # nothing asked for came whole


def test_a_cut_short_harvest_ingests_what_it_saved_next_time(site, store, session_for):
    with session_for() as session:  # fetched and saved, never ingested
        moderngov.harvest(session, site.base, committees=["31"], since="2025-11-01")
    assert store.stats()["documents"] == 0
    with session_for() as session:
        moderngov.harvest(session, site.base, committees=["31"], since="2025-11-01")
        report = session.ingest()
    assert report.count("fetched") == 0
    assert report.ingested == 4
