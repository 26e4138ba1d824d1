"""Everything a front sheet says about its meeting, read by the modules that each know one
part: ``meeting`` (body, date, time, venue, next meeting, group offices),
``agenda_items``, ``membership`` and ``meeting_contact``. It sits above them so that none
of them imports another to reach the rest.
"""

from __future__ import annotations

from collections.abc import Sequence

from boardpapers.model.paper import Meeting
from boardpapers.parsers.agenda_items import parse_agenda_items
from boardpapers.parsers.lines import Line
from boardpapers.parsers.meeting import (
    body_and_authority,
    find_meeting_date,
    find_meeting_time,
    find_next_meeting,
    find_venue,
    group_offices,
    meeting_is_online,
)
from boardpapers.parsers.meeting_contact import find_meeting_contact
from boardpapers.parsers.membership import parse_members


def read_meeting(lines: Sequence[Line]) -> Meeting:
    """Every front-matter fact the meeting, item, membership and contact readers find."""
    dated = find_meeting_date(lines)
    date_line = dated[1] if dated else None
    venue = find_venue(lines, date_line)
    body, authority = body_and_authority(lines)
    return Meeting(
        body=body, authority=authority, date=dated[0] if dated else None,
        time=find_meeting_time(lines, date_line), venue=venue,
        online=meeting_is_online(venue, lines, date_line), members=parse_members(lines),
        items=parse_agenda_items(lines), next_meeting=find_next_meeting(lines),
        group_offices=group_offices(lines), contact=find_meeting_contact(lines))
