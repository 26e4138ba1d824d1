"""XML reader: a saved ModernGov web-service answer (GetMeeting) as a Layout.

The answer is drawn as the "Agenda and minutes" page ModernGov itself would serve for the
meeting — title, venue, who attended, then the items table with each item's decision
and minutes — and read by the HTML reader, so that a meeting harvested from the web
service and one saved from the website are understood by the same parsers.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape

from boardpapers.model.errors import UnreadableFile
from boardpapers.model.layout import Layout, Source
from boardpapers.readers import html
from boardpapers.readers.moderngov_xml import AgendaItem, Meeting, NotModernGovXml, parse_meeting

ABSENT = ("apolog", "absent", "sent apologies")


def read_bytes(data: bytes, source: Source) -> Layout:
    try:
        meeting = parse_meeting(data)
    except NotModernGovXml as exc:
        raise UnreadableFile(source.path, str(exc)) from None
    layout = html.read_bytes(meeting_page(meeting).encode("utf-8"), source)
    metadata = dict(layout.metadata, platform="moderngov-webservice",
                    meeting_id=meeting.meeting_id)
    return replace(layout, metadata=metadata)


def meeting_heading(meeting: Meeting) -> str:
    """"Cabinet - Tuesday, 18th November, 2025 6.30 pm", as ModernGov heads its pages."""
    from datetime import date as day
    if not meeting.date:
        return meeting.committee
    d = day.fromisoformat(meeting.date)
    suffix = "th" if 10 <= d.day % 100 < 20 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    when = f"{d:%A}, {d.day}{suffix} {d:%B}, {d.year}"
    if meeting.time:
        hour, _, minute = meeting.time.partition(":")
        if hour.isdigit():
            h = int(hour)
            when += f" {h % 12 or 12}.{(minute or '00')[:2]} {'pm' if h >= 12 else 'am'}"
    return f"{meeting.committee} - {when}"


def meeting_page(meeting: Meeting) -> str:
    """The meeting as ModernGov's own page markup (html_moderngov reads it)."""
    parts = [f"<!DOCTYPE html><html><head><title>{escape(meeting_heading(meeting))}</title>"
             "</head><body><div id=\"modgov\"><div class=\"mgContent\">",
             "<h1 class=\"mgMainTitleTxt\">Agenda and minutes</h1>",
             f"<h2 class=\"mgSubTitleTxt\">{escape(meeting_heading(meeting))}</h2>"]
    if meeting.location:
        parts.append(f"<p><span class=\"mgLabel\">Venue: </span>{escape(meeting.location)}</p>")
    parts += _attendance(meeting)
    if meeting.items:
        parts.append("<table class=\"mgItemTable\">")
        parts += [_item_row(item) for item in meeting.items]
        parts.append("</table>")
    parts.append("</div></div></body></html>")
    return "\n".join(parts)


def _attendance(meeting: Meeting) -> list[str]:
    present = [a for a in meeting.attendees if not a.attendance.lower().startswith(ABSENT)]
    away = [a for a in meeting.attendees if a.attendance.lower().startswith(ABSENT)]
    out = []
    if present:
        names = ", ".join(escape(a.name) + (f" ({escape(a.role)})" if _shown_role(a.role)
                                             else "") for a in present)
        out.append(f"<p>Present: {names}</p>")
    if away:
        out.append(f"<p>Apologies: {', '.join(escape(a.name) for a in away)}</p>")
    return out


def _shown_role(role: str) -> bool:
    """Chair, Vice-Chair and the like; not the plain "Committee Member"."""
    return bool(role) and role.lower() not in ("committee member", "member", "attendee")


def _item_row(item: AgendaItem) -> str:
    cells = [f"<tr><td class=\"mgItemNumberCell\"><p class=\"mgAiTitleTxt\">"
             f"{escape(item.number)}.</p></td><td><p class=\"mgAiTitleTxt\">"
             f"{escape(item.title)}</p>"]
    if item.restricted:  # as ModernGov marks such an item on its own pages
        cells.append("<p>Restricted</p>")
    if item.decision_html:
        cells.append("<p class=\"mgSubItemTitleTxt\">Decision:</p>"
                     f"<div class=\"mgWordPara\">{item.decision_html}</div>")
    if item.minutes_html:
        cells.append("<p class=\"mgSubItemTitleTxt\">Minutes:</p>"
                     f"<div class=\"mgWordPara\">{item.minutes_html}</div>")
    cells.append("</td></tr>")
    return "".join(cells)
