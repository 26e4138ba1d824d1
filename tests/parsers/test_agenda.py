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


def test_title_wrapped_in_its_cell_keeps_its_tail_and_a_description_stays_text() -> None:
    layout = layout_from_text(
        "# Police and Crime Panel\n## Agenda\n9. Exclusion of the press and public\n"
        "10. Appointment of the Chief Executive of the Office of the Police and Crime\t73 - 88\n"
        "Commissioner – confirmation hearing (exempt: paragraph 1)\n"
        "11. Minutes of the meeting held on 6 February 2025 and matters arising\n"
        "To approve the minutes as a correct record.\n")
    items = parse_agenda(layout, AGENDA).meeting.items  # type: ignore[union-attr]
    assert [(i.number, i.title, i.pages, i.confidential) for i in items] == [
        ("9", "Exclusion of the press and public", None, False),
        ("10", "Appointment of the Chief Executive of the Office of the Police and Crime "
               "Commissioner – confirmation hearing (exempt: paragraph 1)", "73 - 88", True),
        ("11", "Minutes of the meeting held on 6 February 2025 and matters arising", None, True)]
    assert items[2].text == "To approve the minutes as a correct record."


def test_page_range_left_at_the_end_of_a_title_is_split_off_but_years_are_not() -> None:
    layout = layout_from_text(
        "# Cabinet\n## Agenda\n3. Minutes of the previous meeting held on 21 May 2025 1 - 6\n"
        "4. Local Plan 2024 - 2040\n5. Capital Programme Phases 1 - 3\n")
    items = parse_agenda(layout, AGENDA).meeting.items  # type: ignore[union-attr]
    assert [(i.title, i.pages) for i in items] == [
        ("Minutes of the previous meeting held on 21 May 2025", "1 - 6"),
        ("Local Plan 2024 - 2040", None), ("Capital Programme Phases 1 - 3", None)]


def test_parish_summons_items_numbered_by_year_and_body_from_the_summons() -> None:
    layout = layout_from_text(
        "# NETHER COMBE PARISH COUNCIL\nDear Councillor,\nYou are summoned to attend the Meeting "
        "of Nether Combe Parish Council to be held at the Reading Room, Fore Street, Nether Combe "
        "on Monday 20 October 2025 at 7.30pm.\nJane Penhaligon\nClerk to the Council\n"
        "## AGENDA\n**25/101 Apologies – to receive and approve apologies for absence.**\n"
        "**25/104 Open forum – up to 10 minutes for parishioners.**\n"
        "**25/110 Staffing – Clerk's annual appraisal (confidential).**\n")
    m = parse_agenda(layout, AGENDA).meeting
    assert m is not None and (m.body, m.venue) == (
        "Nether Combe Parish Council", "Reading Room, Fore Street, Nether Combe")
    assert [(i.number, i.title, i.confidential) for i in m.items] == [
        ("25/101", "Apologies – to receive and approve apologies for absence.", False),
        ("25/104", "Open forum – up to 10 minutes for parishioners.", False),
        ("25/110", "Staffing – Clerk's annual appraisal (confidential).", True)]
