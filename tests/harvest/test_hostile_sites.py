"""A site that answers badly costs one clear line in the report, never the run."""

from __future__ import annotations

from werkzeug import Response

from boardpapers.harvest import moderngov
from tests.harvest.conftest import slow

SERVICE = "/mgWebService.asmx"
REPORT = "/documents/s90318/Riverside Car Park.txt"
MINUTES = "/documents/g4107/Printed minutes.txt"
FRONT = "/documents/g4107/Agenda frontsheet.pdf"


def _problems(report):
    return {line.url.split("/", 3)[-1]: (line.status, line.reason) for line in report.problems}


def test_timeouts_500s_html_huge_files_and_redirect_loops_each_cost_one_line(
        site, store, session_for):
    site.pages[f"{SERVICE}/GetMeeting?lMeetingId=3980"] = lambda r: Response("down",
                                                                            status=500)
    site.pages[f"{SERVICE}/GetMeeting?lMeetingId=4120"] = (
        b"<!DOCTYPE html><html><body><h1>Sorry</h1></body></html>", "text/html")
    site.pages[REPORT] = lambda r: Response(status=302, headers={"Location": r.path})
    site.pages[MINUTES] = (b"x" * 5000, "text/plain")
    site.pages[FRONT] = slow(1.5)
    with session_for(max_bytes=4000, timeout=0.5) as session:
        moderngov.harvest(session, site.base, since="2025-01-01")
        report = session.ingest()
    problems = _problems(report)
    assert problems["mgWebService.asmx/GetMeeting?lMeetingId=3980"] == (
        "failed", "HTTP 500 after 2 tries")
    assert problems["mgWebService.asmx/GetMeeting?lMeetingId=4120"] == (
        "failed", "expected GetMeeting XML, got an HTML page")
    assert problems["documents/s90318/Riverside%20Car%20Park.txt"] == (
        "failed", "redirect loop (more than 10 redirects)")
    assert problems["documents/g4107/Printed%20minutes.txt"][1] is not None
    assert "over the 4,000 byte limit" in problems["documents/g4107/Printed%20minutes.txt"][1]
    assert problems["documents/g4107/Agenda%20frontsheet.pdf"] == (
        "failed", "timed out (0.5 s) 2 times")
    assert site.hits[f"{SERVICE}/GetMeeting?lMeetingId=3980"] == 2  # tried again once
    assert report.ingested == 1 and not report.ingest_failures  # meeting 4107 itself
    assert all("\n" not in (reason or "") for _, reason in problems.values())


def test_robots_txt_is_obeyed(site, store, session_for):
    site.pages["/robots.txt"] = (b"User-agent: *\nDisallow: /documents/\n", "text/plain")
    with session_for() as session:
        moderngov.harvest(session, site.base, committees=["31"], since="2025-11-01")
        report = session.ingest()
    refused = [line for line in report.problems if line.status == "refused"]
    assert len(refused) == 3 and not any(k.startswith("/documents/") for k in site.hits)
    assert refused[0].reason == "robots.txt asks robots not to fetch it"
    assert report.ingested == 1


def test_the_user_agent_names_the_project(site, store, session_for):
    seen = []

    def committees(request):
        seen.append(request.headers.get("User-Agent", ""))
        return Response("<committees/>", content_type="text/xml")
    site.pages[f"{SERVICE}/GetCommittees"] = committees
    with session_for() as session:
        moderngov.harvest(session, site.base)
    assert seen and seen[0].startswith("boardpapers/")
