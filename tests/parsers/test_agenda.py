"""Agendas without reports: county cabinet, district planning, Welsh bilingual front sheets."""

from __future__ import annotations

from boardpapers import readers
from boardpapers.genre import Classification
from boardpapers.paper import Paper
from boardpapers.parsers.agenda import parse_agenda
from tests.conftest import FIXTURES
from tests.parsers.blocks import layout_from_text

AGENDA = Classification("agenda")


def agenda_of(name: str) -> Paper:
    return parse_agenda(readers.read(FIXTURES / "papers" / name), AGENDA)


def test_county_cabinet_front_sheet() -> None:
    paper = agenda_of("agenda_county_cabinet.md")
    m = paper.meeting
    assert m is not None and paper.reports == ()
    assert (paper.title, m.date, m.time, m.online) == (
        "Northmoor County Council Cabinet", "2024-05-14", "10:00", False)
    assert m.venue == "Council Chamber, County Hall, Wexbridge, WX1 2AB"
    assert m.contact is not None and m.contact.startswith("Priya Anand, Democratic Services")
    assert [(x.name, x.role, x.position) for x in m.members][:2] == [
        ("Roger Ashdown", "chair", "Leader of the Council"),
        ("Helen Quayle", "vice_chair", "Deputy Leader and Cabinet Member for Finance")]
    assert m.members[4].title == "Cllr Dr"
    assert [(i.number, i.pages) for i in m.items if i.pages] == [
        ("3", "5 - 12"), ("4", "13 - 36"), ("5", "37 - 58"), ("8", "59 - 70")]
    assert [i.number for i in m.items if i.confidential] == ["8"]
    assert m.items[4].subitems == ("(a) Consultation responses", "(b) Equality impact assessment")
    assert m.next_meeting is not None
    assert (m.next_meeting.date, m.next_meeting.time, m.next_meeting.venue) == (
        "2024-06-11", "10:00", "Council Chamber, County Hall")


def test_district_planning_membership_paragraph() -> None:
    m = agenda_of("agenda_district_planning.txt").meeting
    assert m is not None
    assert (m.authority, m.body) == ("Eastbourne Vale District Council", "Planning Committee")
    assert (m.date, m.time, m.online) == ("2024-07-03", "18:30", True)
    assert m.venue == "Council Chamber, Civic Offices, Market Street, Haylesford"
    assert [(x.name, x.role) for x in m.members] == [
        ("A Bell", "chair"), ("C Dunn", "vice_chair"), ("E Ford", "member"),
        ("G Hale", "member"), ("J Ives", "member"), ("K Lowe", "member"), ("M Nash", "member"),
        ("P Rowe", "substitute"), ("S Tait", "substitute")]
    assert all(x.title == "Cllr" for x in m.members)
    planning = m.items[3]
    assert (planning.title, planning.pages, len(planning.subitems)) == (
        "Planning applications", "7 - 64", 3)
    assert planning.presenters == ("Head of Planning",)
    assert m.next_meeting is not None and m.next_meeting.date == "2024-07-31"


def test_welsh_bilingual_agenda() -> None:
    m = agenda_of("agenda_welsh_bilingual.txt").meeting
    assert m is not None
    assert m.body == "Pwyllgor Craffu Cymunedau / Communities Scrutiny Committee"
    assert (m.date, m.time, m.online) == ("2024-09-12", "10:00", True)
    assert m.venue is not None and m.venue.startswith("Siambr y Cyngor")
    assert [(x.name, x.role) for x in m.members[:2]] == [
        ("Gwenllian Morgan", "chair"), ("Dafydd ap Rhys", "vice_chair")]
    assert [i.title for i in m.items][2] == "Cofnodion / Minutes"
    assert m.items[3].pages == "9 - 40" and m.items[3].presenters == ("Head of Housing",)


def test_agenda_without_any_front_matter_is_still_a_paper() -> None:
    paper = parse_agenda(layout_from_text("Some text with no meeting at all."), AGENDA)
    assert paper.meeting is not None and paper.meeting.items == () and paper.date is None
    assert paper.title == "Some text with no meeting at all."
