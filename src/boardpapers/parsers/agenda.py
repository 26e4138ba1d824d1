"""Agenda parser: a meeting's front sheet and agenda, without reports.

An agenda is the front matter of an agenda pack on its own, so the work is all in
``parsers/meeting.py``; this module only wraps the Meeting in a Paper.
"""

from __future__ import annotations

from dataclasses import replace

from boardpapers.model.classification import Classification
from boardpapers.model.layout import BlockKind, Layout
from boardpapers.model.paper import Meeting, Paper, Report
from boardpapers.parsers.authority import paper_authority
from boardpapers.parsers.front_sheet import read_meeting
from boardpapers.parsers.lines import clean_cell, lines_of
from boardpapers.parsers.meeting import with_running_body


def parse_agenda(layout: Layout, classification: Classification) -> Paper:
    meeting = with_running_body(read_meeting(lines_of(layout)), layout)
    return paper_for_meeting(layout, classification, meeting, ())


def paper_for_meeting(layout: Layout, classification: Classification, meeting: Meeting,
                      reports: tuple[Report, ...]) -> Paper:
    """A Paper titled by its meeting: the authority and body ("Northmoor County Council
    Cabinet"), else the first heading."""
    title = _meeting_title(meeting) or _first_heading(layout)
    authority = paper_authority(layout, meeting=meeting, contacts=[
        o.email for r in reports for o in r.contact_officers])
    if meeting.authority is None:  # found beyond the front sheet: the meeting's too
        meeting = replace(meeting, authority=authority)
    return Paper(source=layout.source, genre=classification.genre, layout=layout,
                 genre_evidence=classification.evidence, title=title,
                 body=meeting.body or authority, authority=authority, date=meeting.date,
                 meeting=meeting, reports=reports,
                 language=getattr(classification, "language", None) or "en")


def _meeting_title(meeting: Meeting) -> str | None:
    body, authority = meeting.body, meeting.authority
    if body and authority and len(body.split()) <= 2:  # "Cabinet", "Board"
        return f"{authority} {body}"
    return body or authority


def _first_heading(layout: Layout) -> str | None:
    blocks = layout.content_blocks
    heading = next((b for b in blocks if b.kind is BlockKind.HEADING), None)
    first = heading or (blocks[0] if blocks else None)
    return clean_cell(first.text) or None if first else None
