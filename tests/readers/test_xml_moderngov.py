"""A saved ModernGov web-service answer (GetMeeting XML) reads like any paper."""

from __future__ import annotations

import pytest

from boardpapers import readers
from boardpapers.model.errors import UnreadableFile
from boardpapers.pipeline import process
from boardpapers.readers.moderngov_xml import (
    NotModernGovXml,
    parse_committees,
    parse_meeting,
    parse_meetings,
)
from tests.conftest import FIXTURES

MG = FIXTURES / "harvest" / "moderngov"


def test_a_getmeeting_answer_is_understood_as_agenda_and_minutes():
    paper = process(MG / "GetMeeting-4107.xml")
    assert paper.source.format == "xml"
    assert (paper.genre, paper.date, paper.body) == ("agenda_and_minutes", "2025-11-18",
                                                     "Cabinet")
    meeting = paper.meeting
    assert meeting is not None
    assert (meeting.time, meeting.venue) == ("18:30", "Committee Room 2, Tollgate House, "
                                             "Marrowby, MB4 7QT")
    assert [(m.name, m.role) for m in meeting.members] == [
        ("Petra Lindqvist", "chair"), ("Owain Hartwell", "vice_chair"), ("Sunita Rao", "member")]
    assert meeting.apologies == ("Fergus Noakes",)
    items = {i.number: i for i in meeting.items}
    assert items["42"].title == "Riverside Car Park Resurfacing"
    assert items["42"].decision is not None and "£412,000" in items["42"].decision
    assert items["42"].text is not None and "140 spaces" in items["42"].text
    assert items["43"].confidential and not items["42"].confidential


def test_the_service_answers_are_read_into_records():
    meeting = parse_meeting((MG / "GetMeeting-4107.xml").read_bytes())
    docs = meeting.all_documents()
    assert [(item.number if item else None, d.title, d.restricted) for item, d in docs] == [
        (None, "Agenda frontsheet 18th-Nov-2025 18.30 Cabinet", False),
        (None, "Printed minutes 18th-Nov-2025 18.30 Cabinet", False),
        ("42", "Riverside Car Park Resurfacing report", False),
        ("43", "Holloway Lane exempt report", True)]
    committees = parse_committees((MG / "GetCommittees.xml").read_bytes())
    assert [(c.committee_id, c.title, c.expired) for c in committees] == [
        ("31", "Cabinet", False), ("38", "Planning Committee", False),
        ("12", "Policy and Resources Committee", True)]
    stubs = parse_meetings((MG / "GetMeetings-31.xml").read_bytes())
    assert [(s.meeting_id, s.date) for s in stubs] == [("3980", "2025-09-16"),
                                                       ("4107", "2025-11-18")]


@pytest.mark.parametrize(("data", "message"), [
    (b"<!DOCTYPE html><html><body>Service unavailable</body></html>", "got an HTML page"),
    (b"<?xml version='1.0'?><getmeeting><meeting>", "does not parse"),
    (b"<?xml version='1.0'?><rss><channel/></rss>", "GetMeeting answer"),
    (b"<?xml version='1.0'?><!DOCTYPE m [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;&a;'>]>"
     b"<meeting><meetingid>&b;</meetingid></meeting>", "refused"),
])
def test_anything_else_is_one_clear_line(tmp_path, data, message):
    path = tmp_path / "meeting.xml"
    path.write_bytes(data)
    with pytest.raises(UnreadableFile, match=message) as caught:
        readers.read(path)
    assert "\n" not in str(caught.value) and "meeting.xml" in str(caught.value)
    with pytest.raises(NotModernGovXml):
        parse_meeting(data)


def test_standard_input_is_told_a_getmeeting_answer_by_its_first_bytes():
    data = (MG / "GetMeeting-3980.xml").read_bytes()
    assert readers.guess_format(data) == "xml"
    assert readers.guess_format(b"<?xml version='1.0'?><rss/>") != "xml"
