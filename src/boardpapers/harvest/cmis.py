"""Harvesting a CMIS site (Civica CMIS, on DotNetNuke): its meeting pages and their papers.

CMIS has no web service to ask; its pages are the source. A meetings page (the calendar
list view, a committee's meetings, a search result) links each meeting in DNN's path form,
``…/ctl/ViewMeetingPublic/mid/397/Meeting/1502/Committee/21/Default.aspx``, with text such
as "12 Nov 2025 10:00 - Cabinet". Each meeting page is fetched and ingested (the HTML
reader reads its items table), and each document it links — ``Document.ashx?…`` or a
.pdf/.docx/.doc address — is fetched and ingested with the meeting and the item whose
table row holds the link kept as provenance.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from boardpapers.harvest.run import Session, Target
from boardpapers.readers.plain_lines import fold_all

MEETING_LINK = re.compile(r"/Meeting/(?P<meeting>\d+)/Committee/(?P<committee>\d+)(?:/|$)",
                          re.IGNORECASE)
LINK_TEXT = re.compile(r"^(?P<date>\d{1,2}\s+\w+\s+\d{4})(?:\s+\d{1,2}[:.]\d{2})?\s*[-–]\s*"
                       r"(?P<committee>.+)$")
DOCUMENT_LINK = re.compile(r"document\.ashx|\.(?:pdf|docx?|rtf)(?:$|\?)", re.IGNORECASE)
ITEM_NUMBER = re.compile(r"^\s*(\d{1,3}\s?[a-z]?|[A-Z]\d{0,2})\.?\s*$", re.IGNORECASE)


def harvest(session: Session, url: str, *, since: str | None = None) -> None:
    """Every meeting a CMIS meetings page links (on or after ``since``), and its papers."""
    got = session.listing(url)
    if not got.ok:
        return
    meetings = [t for t in meeting_targets(got.body, url)
                if not since or t.meeting_date is None or t.meeting_date >= since]
    if not meetings:
        session.reject(url, "no CMIS meeting links on the page (…/Meeting/N/Committee/N/…)")
        return
    pages = session.fetch_all(meetings)
    documents = [d for m in meetings if m.url in pages
                 for d in document_targets(pages[m.url], m)]
    session.fetch_all(documents)


def meeting_targets(page: bytes, base: str) -> list[Target]:
    """The meetings a page links, with the committee and date their link text gives."""
    tree = LexborHTMLParser(page.decode("utf-8", "replace"))
    out: dict[str, Target] = {}
    for link in tree.css("a[href]"):
        href = link.attributes.get("href") or ""
        found = MEETING_LINK.search(href)
        if not found:
            continue
        address = urljoin(base, href)
        text = fold_all(link.text(deep=True)).strip()
        told = LINK_TEXT.match(text)
        out.setdefault(address, Target(
            url=address, kind="page", site=base, title=text,
            committee=told.group("committee").strip() if told else "",
            meeting_id=found.group("meeting"),
            meeting_date=_date(told.group("date")) if told else None))
    return list(out.values())


def document_targets(page: bytes, meeting: Target) -> list[Target]:
    """The documents a meeting page links, each with the item whose row holds it."""
    tree = LexborHTMLParser(page.decode("utf-8", "replace"))
    committee = meeting.committee or _page_committee(tree)
    out: dict[str, Target] = {}
    for link in tree.css("a[href]"):
        href = link.attributes.get("href") or ""
        if not DOCUMENT_LINK.search(href):
            continue
        number, title = _item_of(link)
        address = urljoin(meeting.url, href)
        out.setdefault(address, Target(
            url=address, kind="document", site=meeting.site,
            title=fold_all(link.text(deep=True)).strip() or address, committee=committee,
            meeting_id=meeting.meeting_id, meeting_date=meeting.meeting_date,
            item_number=number, item_title=title))
    return list(out.values())


def _item_of(link: Any) -> tuple[str, str]:
    """The item number and title of the items-table row a link sits in, if any."""
    row = link.parent
    while row is not None and row.tag != "tr":
        row = row.parent
    if row is None:
        return "", ""
    cells = [c for c in row.iter() if c.tag == "td"]
    if len(cells) < 2 or not ITEM_NUMBER.match(fold_all(cells[0].text(deep=True))):
        return "", ""
    heading = cells[1].css_first("[class*=Heading], [class*=Title], a")
    title = fold_all((heading or cells[1]).text(deep=True)).strip()
    return fold_all(cells[0].text(deep=True)).strip().rstrip("."), title


def _page_committee(tree: Any) -> str:
    heading = tree.css_first(".MeetingTitle, h1, h2")
    return fold_all(heading.text(deep=True)).strip() if heading is not None else ""


def _date(text: str) -> str | None:
    for shape in ("%d %b %Y", "%d %B %Y"):
        try:
            return datetime.strptime(" ".join(text.split()), shape).date().isoformat()
        except ValueError:
            continue
    return None
