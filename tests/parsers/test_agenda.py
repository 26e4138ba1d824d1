"""Agendas without reports: county cabinet, district planning, Welsh bilingual front sheets."""

from __future__ import annotations

from boardpapers import readers
from boardpapers.model.classification import Classification
from boardpapers.model.paper import Paper
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
    assert m.contact is not None and (m.contact.name, m.contact.position, m.contact.phone) == (
        "Priya Anand", "Democratic Services Officer", "01632 960 417")
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


def _items(text: str) -> list[tuple[str, str, str | None, bool]]:
    items = parse_agenda(layout_from_text(text), AGENDA).meeting.items  # type: ignore[union-attr]
    return [(i.number, i.title, i.pages, i.confidential) for i in items]


_LONG_PACK = (
    "# Cabinet\n## Agenda\n**Part I – Items considered in public**\n"
    "1.\tApologies for Absence\n2.\tMinutes\n3.\tSchool Place Planning Strategy\n"
    "**Part II – Items likely to be considered in private**\n"
    "4.\tExclusion of the Press and Public\n5.\tDisposal of the Former Depot (exempt)\n"
    "# Contents\nItem\tTitle\tPages\n2.\tMinutes of the meeting held on 8 July 2025\t4 - 6\n"
    "3.\tSchool Place Planning Strategy\t7 - 11\n")


def test_a_contents_page_fills_in_pages_and_adds_no_items() -> None:
    assert _items(_LONG_PACK) == [
        ("1", "Apologies for Absence", None, False), ("2", "Minutes", "4 - 6", False),
        ("3", "School Place Planning Strategy", "7 - 11", False),
        ("4", "Exclusion of the Press and Public", None, False),
        ("5", "Disposal of the Former Depot (exempt)", None, True)]


def test_the_agenda_ends_at_an_agenda_item_stamp_and_at_the_embedded_minutes() -> None:
    stamped = _items(_LONG_PACK + "**Agenda Item 2**\n# WEALDMOOR COUNTY COUNCIL\n"
                     "14. Apologies for Absence\n15. Provisional Revenue Outturn 2024/25\n")
    assert [n for n, *_ in stamped] == ["1", "2", "3", "4", "5"]
    unstamped = _items(_LONG_PACK + "Minutes of the meeting of the Cabinet held on 8 July 2025\n"
                       "Present: Councillor Patricia Oyelaran (Chair)\n"
                       "14. Apologies for Absence\n15. Provisional Revenue Outturn 2024/25\n")
    assert unstamped == _items(_LONG_PACK)


def test_numbering_restarting_under_other_titles_ends_the_agenda() -> None:
    items = _items("# Planning Policy Committee\n## Agenda\n1. Apologies for absence\n"
                   "2. Local Plan Review (pages 2 - 3)\n# Local Plan Review\n"
                   "## 1. Introduction\n## 2. Recommendations\n## 3. Background\n")
    assert items == [("1", "Apologies for absence", None, False),
                     ("2", "Local Plan Review", "2 - 3", False)]


def test_numbered_sub_items_are_items_with_their_own_pages_after_their_parent() -> None:
    meeting = parse_agenda(layout_from_text(
        "# Council\n## Business\n6.\tPetitions\n6.1\tPetition: Save Elmgrove\t23 - 24\n"
        "6.2\tPetition: Castle Road\t25 - 26\n7\tReports of Task and Finish Groups\n"
        "7(i)\tFly-tipping Review\t27\n7(ii)\tDamp and Mould\t28 - 34\n"
        "8\tPublic Participation\n8a\tQuestions\t35\n"), AGENDA).meeting
    assert meeting is not None
    assert [(i.number, i.title, i.pages) for i in meeting.items] == [
        ("6", "Petitions", None), ("6.1", "Petition: Save Elmgrove", "23 - 24"),
        ("6.2", "Petition: Castle Road", "25 - 26"),
        ("7", "Reports of Task and Finish Groups", None), ("7(i)", "Fly-tipping Review", "27"),
        ("7(ii)", "Damp and Mould", "28 - 34"), ("8", "Public Participation", None),
        ("8a", "Questions", "35")]
    assert meeting.items[0].subitems == ("6.1 Petition: Save Elmgrove",
                                         "6.2 Petition: Castle Road")


def test_a_lone_page_number_after_earlier_pages_is_the_items_page_but_a_footer_is_not() -> None:
    items = _items("# Council\n## Business\n8. Questions to the Leader\n43 - 46\n"
                   "9. Motion on Local Bus Services\n47\n10. Appointments\n"
                   "# Rhaglen\n1. Cofnodion\t2\n2. Rhaglen Waith\t5\nTudalen 1\n")
    assert items[:3] == [("8", "Questions to the Leader", "43 - 46", False),
                         ("9", "Motion on Local Bus Services", "47", False),
                         ("10", "Appointments", None, False)]
    assert items[4] == ("2", "Rhaglen Waith", "5", False)  # not the "Tudalen 1" footer


def test_a_cells_second_line_is_the_items_description_in_welsh_too() -> None:
    from boardpapers.parsers.agenda_items import parse_agenda_items
    from boardpapers.parsers.lines import Line
    rows = [("3.", "Cofnodion\nCadarnhau cofnodion y cyfarfod a gynhaliwyd ar 10 Gorffennaf.", "2"),
            ("11.", "Exclusion of the Press and Public\nTo resolve that the press and public "
                    "be excluded for the following item."),
            ("12.", "Local Plan Review: Preferred\nOptions Consultation")]
    items = parse_agenda_items([Line(r, 0) for r in rows])
    assert [(i.title, i.pages, i.text is not None) for i in items] == [
        ("Cofnodion", "2", True), ("Exclusion of the Press and Public", None, True),
        ("Local Plan Review: Preferred Options Consultation", None, False)]


def test_descriptions_run_into_titles_are_split_off_and_an_exempt_tail_is_kept() -> None:
    items = _items(
        "# Cabinet\n## Agenda\n11. Exclusion of the Press and Public To resolve that the press "
        "and public be excluded for the following item.\n"
        "12. Disposal of the Former Depot (exempt) Report of the Executive Director of "
        "Resources. Not for publication.\n13. Disposal of the Old Library\n(exempt)\n"
        "3. Cofnodion Cadarnhau cofnodion y cyfarfod a gynhaliwyd ar 10 Gorffennaf 2025.\n")
    assert items == [("11", "Exclusion of the Press and Public", None, False),
                     ("12", "Disposal of the Former Depot (exempt)", None, True),
                     ("13", "Disposal of the Old Library (exempt)", None, True),
                     ("3", "Cofnodion", None, True)]
