"""ModernGov's web service (``mgWebService.asmx``) answers in plain XML: GetCommittees,
GetMeetings and GetMeeting. This module reads those answers into small frozen records.

The service's element names are lower-case words run together (``committeetitle``,
``meetingdate`` in dd/mm/yyyy, ``agendaitem``, ``linkeddoc``); installs differ a little
(``meetinglocation`` or ``location``, ``agendaitemnumber`` or ``minutesitemnumber``), so
every field is looked up under each name it is known by, case-blind. Minutes and
decisions come as escaped HTML. XML is parsed with defusedxml: an answer declaring
entities (a "billion laughs") is refused, never expanded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeTree
from defusedxml.common import DefusedXmlException

Node = Element


class NotModernGovXml(ValueError):
    """The bytes are not a ModernGov web-service answer of the kind expected."""


@dataclass(frozen=True, slots=True)
class LinkedDoc:
    title: str
    url: str
    restricted: bool = False
    attachment_id: str = ""


@dataclass(frozen=True, slots=True)
class Attendee:
    name: str
    role: str = ""
    attendance: str = ""  # Present, Apologies, Absent…


@dataclass(frozen=True, slots=True)
class AgendaItem:
    number: str
    title: str
    restricted: bool = False
    decision_html: str = ""
    minutes_html: str = ""
    documents: tuple[LinkedDoc, ...] = ()


@dataclass(frozen=True, slots=True)
class Meeting:
    meeting_id: str
    committee: str
    committee_id: str = ""
    date: str | None = None  # ISO
    time: str = ""
    location: str = ""
    status: str = ""
    attendees: tuple[Attendee, ...] = ()
    items: tuple[AgendaItem, ...] = ()
    documents: tuple[LinkedDoc, ...] = ()

    def all_documents(self) -> list[tuple[AgendaItem | None, LinkedDoc]]:
        """Every linked document with the item it hangs from (None: the meeting's own)."""
        out: list[tuple[AgendaItem | None, LinkedDoc]] = [(None, d) for d in self.documents]
        out += [(item, d) for item in self.items for d in item.documents]
        return out


@dataclass(frozen=True, slots=True)
class Committee:
    committee_id: str
    title: str
    expired: bool = False
    deleted: bool = False


@dataclass(frozen=True, slots=True)
class MeetingStub:
    meeting_id: str
    date: str | None
    committee_id: str = ""
    status: str = ""


def parse_root(data: bytes, what: str) -> Node:
    """The document element, or NotModernGovXml naming what was expected."""
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        raise NotModernGovXml(f"expected {what} XML, got an HTML page")
    try:
        root = SafeTree.fromstring(data)
    except DefusedXmlException as exc:
        raise NotModernGovXml(f"refused {what} XML: {type(exc).__name__}") from None
    except SafeTree.ParseError as exc:
        raise NotModernGovXml(f"expected {what} XML, it does not parse: {exc}") from None
    for node in root.iter():  # drop namespaces: the service sometimes declares one
        if isinstance(node.tag, str) and "}" in node.tag:
            node.tag = node.tag.rsplit("}", 1)[1]
        if isinstance(node.tag, str):
            node.tag = node.tag.lower()
    return root


def _text(node: Node | None, *names: str) -> str:
    """The stripped text of the first child with one of ``names`` (lower-case)."""
    if node is None:
        return ""
    for name in names:
        child = node.find(name)
        if child is not None and (child.text or "").strip():
            return " ".join((child.text or "").split()) if name not in _HTML_FIELDS \
                else (child.text or "").strip()
    return ""


_HTML_FIELDS = frozenset({"minutesnonemptyhtmlbody", "minuteshtml", "minutes",
                          "decisiontext", "decision", "decisionhtml"})
_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})")


def iso_date(text: str) -> str | None:
    """dd/mm/yyyy (the service's form) or yyyy-mm-dd as ISO, else None."""
    text = text.strip()
    m = _DATE.match(text)
    try:
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        return date.fromisoformat(text[:10]).isoformat() if text else None
    except ValueError:
        return None


def _flag(node: Node, *names: str) -> bool:
    return _text(node, *names).lower() in ("true", "1", "yes")


def _docs(node: Node) -> tuple[LinkedDoc, ...]:
    holder = node.find("linkeddocuments")
    if holder is None:
        return ()
    out = []
    for doc in holder.findall("linkeddoc"):
        url = _text(doc, "url", "documenturl")
        if url:
            out.append(LinkedDoc(title=_text(doc, "title", "documenttitle") or url, url=url,
                                 restricted=_flag(doc, "isrestricted"),
                                 attachment_id=_text(doc, "attachmentid", "documentid")))
    return tuple(out)


def parse_meeting(data: bytes) -> Meeting:
    """A GetMeeting answer."""
    root = parse_root(data, "GetMeeting")
    node = root if root.tag == "meeting" else root.find(".//meeting")
    if node is None or not _text(node, "meetingid"):
        raise NotModernGovXml("expected a ModernGov GetMeeting answer (no <meeting> with a "
                              "<meetingid>)")
    holder = node.find("attendees")
    attendees = tuple(Attendee(name=_text(a, "name", "membername", "attendeename"),
                               role=_text(a, "role", "attendeerole", "roledescription"),
                               attendance=_text(a, "attendance", "attendancestatus",
                                                "attendancetype"))
                      for a in (holder.findall("attendee") if holder is not None else ())
                      if _text(a, "name", "membername", "attendeename"))
    items_holder = node.find("agendaitems")
    items = tuple(_item(i) for i in (items_holder.findall("agendaitem")
                                     if items_holder is not None else ()))
    return Meeting(meeting_id=_text(node, "meetingid"),
                   committee=_text(node, "committeetitle", "committeename") or "Meeting",
                   committee_id=_text(node, "committeeid"),
                   date=iso_date(_text(node, "meetingdate")),
                   time=_text(node, "meetingtime"),
                   location=_text(node, "meetinglocation", "location", "venue"),
                   status=_text(node, "meetingstatus"), attendees=attendees, items=items,
                   documents=_docs(node))


def _item(node: Node) -> AgendaItem:
    return AgendaItem(number=_text(node, "agendaitemnumber", "minutesitemnumber",
                                   "itemnumber").rstrip("."),
                      title=_text(node, "agendaitemtitle", "title"),
                      restricted=_flag(node, "isrestricted", "isexempt", "restricted"),
                      decision_html=_text(node, "decisiontext", "decisionhtml", "decision"),
                      minutes_html=_text(node, "minutesnonemptyhtmlbody", "minuteshtml",
                                         "minutes"),
                      documents=_docs(node))


def parse_committees(data: bytes) -> list[Committee]:
    """A GetCommittees answer."""
    root = parse_root(data, "GetCommittees")
    found = [Committee(committee_id=_text(c, "committeeid"),
                       title=_text(c, "committeetitle", "committeename"),
                       expired=_flag(c, "committeeexpired"),
                       deleted=_flag(c, "committeedeleted"))
             for c in root.iter("committee") if _text(c, "committeeid")]
    if not found and root.tag not in ("committees", "getcommittees"):
        raise NotModernGovXml("expected a ModernGov GetCommittees answer (no <committee>)")
    return found


def parse_meetings(data: bytes) -> list[MeetingStub]:
    """A GetMeetings answer."""
    root = parse_root(data, "GetMeetings")
    found = [MeetingStub(meeting_id=_text(m, "meetingid"),
                         date=iso_date(_text(m, "meetingdate")),
                         committee_id=_text(m, "committeeid"),
                         status=_text(m, "meetingstatus"))
             for m in root.iter("meeting") if _text(m, "meetingid")]
    if not found and "meetings" not in root.tag:
        raise NotModernGovXml("expected a ModernGov GetMeetings answer (no <meeting>)")
    return found


def looks_like_meeting(data: bytes) -> bool:
    """Whether bytes with no extension (standard input) are a GetMeeting answer."""
    head = data[:4096].lower()
    return head.lstrip().startswith(b"<?xml") and b"<meetingid>" in head or \
        head.lstrip().startswith((b"<getmeeting", b"<meeting>"))
