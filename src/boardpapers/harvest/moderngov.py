"""Harvesting a Modern.Gov site through its web service (``mgWebService.asmx``).

GetCommittees lists the committees; GetMeetings each committee's meetings (some installs
ignore the date range asked for, so the dates are checked here too); GetMeeting one
meeting with its items, attendees and linked documents. Each GetMeeting answer is saved
and ingested as a paper itself (readers/xml.py reads it), and every linked document is
fetched and ingested with its meeting and item kept as provenance. Restricted documents
are not published, so they are listed as skipped, not asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from urllib.parse import urljoin

from boardpapers.harvest.run import Line, Session, Target
from boardpapers.readers.moderngov_xml import (
    Committee,
    Meeting,
    NotModernGovXml,
    parse_committees,
    parse_meeting,
    parse_meetings,
)

AHEAD = timedelta(days=366)  # meetings already scheduled this far ahead are listed too
DEFAULT_SINCE = timedelta(days=365)  # without --since, the last year


def service_url(site: str) -> str:
    return site.rstrip("/") + "/mgWebService.asmx"


def harvest(session: Session, site: str, *, committees: Sequence[str] = (),
            since: str | None = None) -> None:
    """Everything the site publishes for the chosen committees since ``since``."""
    service = service_url(site)
    got = session.listing(f"{service}/GetCommittees")
    if not got.ok:
        return
    try:
        found = parse_committees(got.body)
    except NotModernGovXml as exc:
        _failed(session, got.url, str(exc))
        return
    chosen = [c for c in found if not c.deleted and _wanted(c, committees)]
    if committees and not chosen:
        _failed(session, got.url, f"no committee matches {', '.join(committees)}")
        return
    first = date.fromisoformat(since) if since else date.today() - DEFAULT_SINCE
    meetings = [t for c in chosen for t in _meetings(session, service, c, first)]
    bodies = session.fetch_all(meetings)
    documents: list[Target] = []
    for target in meetings:
        body = bodies.get(target.url)
        if body is None:
            continue
        try:
            meeting = parse_meeting(body)
        except NotModernGovXml as exc:
            _failed(session, target.url, str(exc))
            continue
        documents += _documents(session, site, target, meeting)
    session.fetch_all(documents)


def _wanted(committee: Committee, names: Sequence[str]) -> bool:
    """--committee takes an id or part of a title, in any case."""
    if not names:
        return not committee.expired
    return any(n == committee.committee_id or n.lower() in committee.title.lower()
               for n in names)


def _meetings(session: Session, service: str, committee: Committee,
              first: date) -> list[Target]:
    last = date.today() + AHEAD
    got = session.listing(f"{service}/GetMeetings?lCommitteeId={committee.committee_id}"
                          f"&sFromDate={first:%d/%m/%Y}&sToDate={last:%d/%m/%Y}")
    if not got.ok:
        return []
    try:
        stubs = parse_meetings(got.body)
    except NotModernGovXml as exc:
        _failed(session, got.url, str(exc))
        return []
    return [Target(url=f"{service}/GetMeeting?lMeetingId={m.meeting_id}", kind="meeting",
                   site=service.removesuffix("/mgWebService.asmx"), title=committee.title,
                   committee=committee.title, meeting_id=m.meeting_id, meeting_date=m.date)
            for m in stubs if m.date is None or first.isoformat() <= m.date <= last.isoformat()]


def _documents(session: Session, site: str, meeting_target: Target,
               meeting: Meeting) -> list[Target]:
    out = []
    for item, doc in meeting.all_documents():
        url = urljoin(site.rstrip("/") + "/", doc.url)
        if doc.restricted:
            session.report.lines.append(Line(url, "skipped", "restricted: not published"))
            continue
        out.append(Target(url=url, kind="document", site=meeting_target.site,
                          title=doc.title, committee=meeting.committee,
                          meeting_id=meeting.meeting_id, meeting_date=meeting.date,
                          item_number=item.number if item else "",
                          item_title=item.title if item else ""))
    return out


def _failed(session: Session, url: str, reason: str) -> None:
    session.reject(url, reason)
