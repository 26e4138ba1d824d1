"""Meeting front matter: times, labels, venues, group offices, agenda items, next meeting."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from boardpapers.model.layout import Block, BlockKind
from boardpapers.parsers.agenda_items import parse_agenda_items, presenter_names, split_pages
from boardpapers.parsers.front_sheet import read_meeting
from boardpapers.parsers.lines import Line, lines_of
from boardpapers.parsers.meeting import (
    body_and_authority,
    find_body,
    find_next_meeting,
    group_offices,
    venue_in_sentence,
)
from boardpapers.parsers.membership import (
    parse_member,
    parse_members,
    split_member_list,
    wrapped_lists_joined,
)
from boardpapers.vocab.times import parse_time
from tests.parsers.blocks import layout_from_text


def lines(text: str) -> list[Line]:
    return lines_of(layout_from_text(text))


def test_times_in_council_styles() -> None:
    assert parse_time("11.00 am") == "11:00"
    assert parse_time("10am") == "10:00"
    assert parse_time("2.30pm") == "14:30"
    assert parse_time("14:00") == "14:00"
    assert parse_time("12 noon") == "12:00"
    assert parse_time("10.30 a.m.") == "10:30"
    assert parse_time("6.30 y.h.") == "18:30"
    assert parse_time("Dydd Iau, 9 Hydref 2014 2.00 o'r gloch") == "14:00"
    assert parse_time("Pages 9 - 24") is None
    assert parse_time("Membership 2020/2021") is None


def test_pages_split_from_titles() -> None:
    assert split_pages("Minutes (Pages 5 - 12)") == ("Minutes", "5 - 12")
    assert split_pages("Budget 2024/25 (Pages 13 - 36)") == ("Budget 2024/25", "13 - 36")
    assert split_pages("39 - 58") == ("", "39 - 58")
    assert split_pages("Local Plan 2024 - 2040") == ("Local Plan 2024 - 2040", None)


def test_presenters_are_people_not_job_titles() -> None:
    assert presenter_names("Tina Holland, Programme Manager, and Susan Attard, Head of "
                           "Finance and Procurement") == ("Tina Holland", "Susan Attard")
    assert presenter_names("Dennis Quill and Maria Lopes") == ("Dennis Quill", "Maria Lopes")


def test_agenda_items_with_confidential_sections_and_presenters() -> None:
    items = parse_agenda_items(lines(
        "Agenda\n"
        "1. Welcome and apologies\t\n"
        "CONFIDENTIAL ITEMS\t\n"
        "2. Confidential minutes\t1 - 8\n"
        "3. Contract negotiations\t\n"
        "Verbal update from Ann Brook and Carl Dee\t\n"
        "NON-CONFIDENTIAL ITEMS\t\n"
        "4. Graduate scheme update\t9 - 24\n"
        "Helen Roe, Programme Manager, to present\t\n"
        "5. Any other business\n"
        "- Cyber security update\n"
        "Date of Next Meeting: Thursday, 20 May 2021, 11.00 am, venue tbc\n"))
    assert [(i.number, i.title, i.confidential) for i in items] == [
        ("1", "Welcome and apologies", False), ("2", "Confidential minutes", True),
        ("3", "Contract negotiations", True), ("4", "Graduate scheme update", False),
        ("5", "Any other business", False)]
    assert items[1].pages == "1 - 8" and items[3].pages == "9 - 24"
    assert items[2].verbal and items[2].presenters == ("Ann Brook", "Carl Dee")
    assert items[3].presenters == ("Helen Roe",) and not items[3].verbal
    assert items[4].subitems == ("Cyber security update",)


def test_exclusion_item_makes_later_items_confidential_until_part_one() -> None:
    items = parse_agenda_items(lines(
        "AGENDA\n4. Budget monitoring (Pages 5 - 9)\n5. Exclusion of the press and public\n"
        "6. Sale of land at Mill Lane (Pages 10 - 14)\nPART I\n7. Any other business\n"))
    assert [i.confidential for i in items] == [False, False, True, False]


def test_note_after_the_agenda_names_the_private_item_and_is_not_an_item() -> None:
    items = parse_agenda_items(lines(
        "AGENDA\nItem\tSubject\tPages\n9.\tExclusion of the press and public\t\n"
        "10.\tAppointment of the Chief Executive\t73 - 88\n11.\tAny other business\t\n"
        "Item 10 is likely to be considered in private because it contains information "
        "relating to an individual (paragraph 1 of Part 1 of Schedule 12A).\n"))
    assert [(i.number, i.confidential) for i in items] == [
        ("9", False), ("10", True), ("11", True)]
    assert items[1].pages == "73 - 88"


def test_exempt_information_sentence_covers_only_the_items_it_names() -> None:
    items = parse_agenda_items(lines(
        "AGENDA\n1. Apologies\nItems 3 and 4 contain exempt information under paragraph 3 "
        "of Schedule 12A.\n2. Budget\n3. Land sale\n4. Lease renewal\n5. Parks\n"))
    assert [i.number for i in items if i.confidential] == ["3", "4"]
    items = parse_agenda_items(lines(
        "AGENDA\n1. Apologies\nThe following items contain exempt information as defined "
        "in paragraph 3 of Schedule 12A.\n2. Land sale\n3. Lease renewal\n"))
    assert [i.number for i in items if i.confidential] == ["2", "3"]


def test_exclusion_motion_is_public_though_it_says_confidential() -> None:
    items = parse_agenda_items(lines(
        "AGENDA\n11. Exclusion of the press and public: to resolve that, because of the "
        "confidential nature of the business to be transacted, the press and public be "
        "excluded for item 12.\n12. Staffing: the Deputy Clerk's grading (confidential).\n"))
    assert [(i.number, i.confidential) for i in items] == [("11", False), ("12", True)]


def test_venue_cut_out_of_a_summons_sentence() -> None:
    meeting = read_meeting(lines(
        "**WRENBURY ST MARY TOWN COUNCIL**\nTo: All Members of the Town Council\n"
        "You are hereby summoned to attend a meeting of the Full Council to be held in the "
        "Assembly Room, Town Hall, Market Place on Monday 9 June 2025 at 7.00 pm for the "
        "purpose of transacting the business below.\n"))
    assert (meeting.venue, meeting.date, meeting.time) == (
        "Assembly Room, Town Hall, Market Place", "2025-06-09", "19:00")
    assert (meeting.body, meeting.authority) == ("Full Council", "Wrenbury St Mary Town Council")


def test_moderngov_numbers_on_their_own_lines() -> None:
    items = parse_agenda_items(lines(
        "Items\nNo. Item\n1.\nApologies for Absence\n2.\nMinutes of Previous Meeting "
        "(Pages 1 - 6)\nTo approve the minutes.\n3.\nBudget Monitoring: Quarter 2\n"))
    assert [(i.number, i.title, i.pages) for i in items] == [
        ("1", "Apologies for Absence", None), ("2", "Minutes of Previous Meeting", "1 - 6"),
        ("3", "Budget Monitoring: Quarter 2", None)]
    assert items[1].text == "To approve the minutes."


def test_next_meeting_parts() -> None:
    nxt = find_next_meeting(lines(
        "Date of Next Meeting: Thursday, 20 May 2021, 11.00 am, venue tbc"))
    assert nxt is not None
    assert (nxt.date, nxt.time, nxt.venue) == ("2021-05-20", "11:00", "tbc")
    nxt = find_next_meeting(lines(
        "8. Date of next meeting\nThe next meeting will be held on Tuesday, 11 June 2024 at "
        "10.00 am in the Council Chamber, County Hall."))
    assert nxt is not None and nxt.venue == "Council Chamber, County Hall"


def test_group_offices() -> None:
    offices = group_offices(lines(
        "Labour:\tGroup Office: 020 7946 0101\temail: labour@example.org\n"
        "Green Group\t01632 960 123\n"))
    assert [(o.group, o.phone, o.email) for o in offices] == [
        ("Labour", "020 7946 0101", "labour@example.org"), ("Green Group", "01632 960 123", None)]


def test_body_prefers_the_committee_over_the_council() -> None:
    assert find_body(lines("Public Document Pack\n# Northmoor County Council\n## Cabinet\n"
                           "Date: 14 May 2024")) == "Cabinet"
    assert find_body(lines("# Improvement and Innovation Board\n## Agenda")) == (
        "Improvement and Innovation Board")


def test_body_keeps_the_authority_printed_above_it_apart() -> None:
    front = lines("Public Document Pack\n# Northvale Combined Authority\n# Transport Committee\n"
                  "Friday 10 September 2025 at 1.30 pm")
    assert body_and_authority(front) == ("Transport Committee", "Northvale Combined Authority")
    meeting = read_meeting(front)
    assert (meeting.body, meeting.authority) == ("Transport Committee",
                                                 "Northvale Combined Authority")
    # "Full Council" is the meeting; the town council above it is the authority
    assert body_and_authority(lines("# Ashcombe Town Council\n# Full Council\n")) == (
        "Full Council", "Ashcombe Town Council")
    # only a council's name on the sheet: it is the body, with no separate authority
    assert body_and_authority(lines("# Northmoor County Council\nDate: 1 May 2025")) == (
        "Northmoor County Council", None)
    # a membership table's header row is not an authority
    assert body_and_authority(lines("# Improvement Board\nCouncillor\tAuthority\n")) == (
        "Improvement Board", None)


def test_members_titles_honours_and_roles() -> None:
    m = parse_member("Cllr Peter Hale OBE (Chairman)", *[], )
    assert m is not None and (m.name, m.title, m.honours, m.role) == (
        "Peter Hale", "Cllr", "OBE", "chair")
    m = parse_member("Baroness Ruth Gale CBE (Observer)")
    assert m is not None and (m.name, m.title, m.honours, m.role) == (
        "Ruth Gale", "Baroness", "CBE", "observer")
    m = parse_member("Councillor Ann Bee (Vice-Chair) (Lab)")
    assert m is not None and (m.role, m.group) == ("vice_chair", "Labour")
    assert parse_member("Substitutes") is None
    assert split_member_list("Councillors A Bell (Chair), C Dunn and E Ford") == [
        "Cllr A Bell (Chair)", "Cllr C Dunn", "Cllr E Ford"]


def test_membership_table_with_groups_substitutes_and_non_voting() -> None:
    members = parse_members(lines(
        "## Board – Membership 2024/2025\n"
        "Councillor\tAuthority\n"
        "Labour ( 2 )\t\n"
        "Cllr Ann Bee (Deputy Chair)\tNorthmoor County Council\n"
        "Mayor Tom Ash MBE\tWexbridge Borough Council\n"
        "Substitutes\t\n"
        "Cllr Jo Kay\tRiverbank Council\n"
        "Non-Voting\t\n"
        "Ruth Lyle\tIndependent observer\n"
        "## Agenda\n"))
    assert [(m.name, m.role, m.group, m.authority) for m in members] == [
        ("Ann Bee", "deputy_chair", "Labour", "Northmoor County Council"),
        ("Tom Ash", "member", "Labour", "Wexbridge Borough Council"),
        ("Jo Kay", "substitute", "Labour", "Riverbank Council"),
        ("Ruth Lyle", "independent_observer", None, None)]
    assert members[1].title == "Mayor" and members[1].honours == "MBE"


def test_read_meeting_front_sheet() -> None:
    meeting = read_meeting(lines(
        "# Riverbank Borough Council\n## Licensing Committee\nDate: Monday 2 December 2024\n"
        "Time: 2.30pm\nVenue: Online via Microsoft Teams\n"
        "Contact: Sam Orr, Democratic Services\n"))
    assert (meeting.body, meeting.date, meeting.time, meeting.venue, meeting.online) == (
        "Licensing Committee", "2024-12-02", "14:30",
        "Online via Microsoft Teams", True)
    assert meeting.contact is not None and (meeting.contact.name, meeting.contact.position) == (
        "Sam Orr", "Democratic Services")


_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200)


@settings(max_examples=150, deadline=None)
@given(st.lists(_TEXT, max_size=12))
def test_front_matter_readers_never_crash(texts: list[str]) -> None:
    blocks = [Block(BlockKind.TABLE if "\t" in t else BlockKind.PARAGRAPH, t,
                    rows=(tuple(t.split("\t")),) if "\t" in t else ()) for t in texts]
    from boardpapers.model.layout import Layout, Source
    meeting = read_meeting(lines_of(Layout(Source("x", "0", "txt"), tuple(blocks))))
    for item in meeting.items:
        assert item.title == item.title.strip()
    if meeting.time:
        hour, minute = meeting.time.split(":")
        assert 0 <= int(hour) < 24 and 0 <= int(minute) < 60


def test_members_in_semicolon_groups_keep_co_optees_with_a_title() -> None:
    members = parse_members(lines(
        "Membership: Councillors Amira Haddad (Chair), Declan Rourke (Vice-Chair) and Ifor "
        "Jenkins; Independent co-opted members Dr Lionel Ashworth and Mrs Rosalind Achebe."))
    assert [(m.name, m.title, m.role) for m in members] == [
        ("Amira Haddad", "Cllr", "chair"), ("Declan Rourke", "Cllr", "vice_chair"),
        ("Ifor Jenkins", "Cllr", "member"), ("Lionel Ashworth", "Dr", "co_opted"),
        ("Rosalind Achebe", "Mrs", "co_opted")]


def test_co_optees_are_non_voting_only_when_the_paper_says_so() -> None:
    members = parse_members(lines(
        "Membership: Councillors Ann Bee and Carl Dee; Co-opted members (non-voting): "
        "Mr Tom Fry and Ms Una Gale\nCo-opted member: Mrs Irene Walsh\n"))
    assert [(m.name, m.role) for m in members] == [
        ("Ann Bee", "member"), ("Carl Dee", "member"), ("Tom Fry", "non_voting"),
        ("Una Gale", "non_voting"), ("Irene Walsh", "co_opted")]


def test_members_one_per_semicolon_under_a_members_of_the_committee_heading() -> None:
    members = parse_members(lines(
        "# Members of the Committee\n"
        "Mayor Ruth Kingsley-Obi (Chair); Councillor Desmond Harte (Deputy Chair) (Ashgate); "
        "Councillor Lena Marsh (Brindley); Councillor Jean Pollitt (Hexley);\n# Agenda\n"
        "1. Apologies\n"))
    assert [(m.name, m.title, m.role) for m in members] == [
        ("Ruth Kingsley-Obi", "Mayor", "chair"), ("Desmond Harte", "Cllr", "deputy_chair"),
        ("Lena Marsh", "Cllr", "member"), ("Jean Pollitt", "Cllr", "member")]


def test_welsh_dates_read_alike_in_agendas_and_minutes() -> None:
    from boardpapers.parsers.meeting import find_meeting_date
    from boardpapers.vocab.dates import date_in
    assert date_in("Dydd Iau, 22ain Mai 2025") == "2025-05-22"
    assert date_in("12fed Fehefin 2024") == "2024-06-12"
    assert find_meeting_date(lines("# Pwyllgor Cynllunio\nDyddiad: Dydd Mercher, 4ydd Mehefin "
                                   "2025"))[0] == "2025-06-04"


def test_times_without_guessing_leave_a_bare_hour_unread() -> None:
    assert parse_time("at 7.00", guess=False) is None
    assert parse_time("at 7.00") == "07:00"
    assert parse_time("2.00 o'r gloch", guess=False) is None
    assert parse_time("14:00", guess=False) == "14:00"
    assert parse_time("09:30", guess=False) == "09:30"
    assert parse_time("10.00 hrs", guess=False) == "10:00"
    assert parse_time("6.30 y.p.", guess=False) == "18:30"
    assert parse_time("a fee of £14.50 was agreed") is None


def test_authority_printed_twice_is_not_taken_for_the_body() -> None:
    assert body_and_authority(lines(
        "# Wrenbury St Mary Town Council\n# WRENBURY ST MARY TOWN COUNCIL\nYou are hereby "
        "summoned to attend a meeting of the Full Council to be held in the Assembly Room.")) == (
        "Full Council", "Wrenbury St Mary Town Council")


def test_membership_paragraph_wrapped_mid_name_and_run_into_the_contact_line() -> None:
    wrapped = parse_members(lines(
        "Membership: Councillors Shahid Mahmood (Chair), Grace Whitworth (Vice-Chair), Callum\n"
        "Brierley, Nadia Okonkwo and Vikram Sandhu\n"
        "Contact officer: Bethany Rowbotham, Democratic Services\n# Agenda\n1. Apologies\n"))
    assert [(m.name, m.role) for m in wrapped] == [
        ("Shahid Mahmood", "chair"), ("Grace Whitworth", "vice_chair"),
        ("Callum Brierley", "member"), ("Nadia Okonkwo", "member"), ("Vikram Sandhu", "member")]
    run_on = parse_members(lines(
        "Membership: Councillors Ann Bell (Chair), Carl Dunn and Vikram Sandhu Contact officer: "
        "Bethany Rowbotham, Democratic Services\n# Agenda\n1. Apologies\n"))
    assert [m.name for m in run_on] == ["Ann Bell", "Carl Dunn", "Vikram Sandhu"]
    one_a_line = wrapped_lists_joined(lines(
        "Cllr Ann Bell, Leader of the Council, Labour\n"
        "Cllr Carl Dunn, Cabinet Member for Housing, Green\n"))
    assert [x.text for x in one_a_line] == [
        "Cllr Ann Bell, Leader of the Council, Labour",
        "Cllr Carl Dunn, Cabinet Member for Housing, Green"]


def test_running_header_naming_the_day_gives_way_to_the_dated_line_with_its_time() -> None:
    meeting = read_meeting(lines(
        "Northvale Combined Authority – Transport Committee – 10 September 2025\n"
        "Public Document Pack\n# Northvale Combined Authority\n## Transport Committee\n"
        "Friday 10 September 2025 at 1.30 pm\n"
        "Boardroom, Northvale House, 3 Canal Street, Ashgate\n## Agenda\n1. Apologies\n"))
    assert (meeting.date, meeting.time, meeting.venue) == (
        "2025-09-10", "13:30", "Boardroom, Northvale House, 3 Canal Street, Ashgate")


def test_description_joined_to_an_item_title_in_its_cell_is_split_off() -> None:
    items = parse_agenda_items(lines(
        "## Agenda\n3.\tMinutes of the meeting held on 9 July 2025 To approve the minutes as a "
        "correct record.\t1 - 4\n4.\tBus Franchising: Consultation Outcome Report of the "
        "Director of Transport.\t5 - 10\n5.\tTo approve the budget.\t11 - 14\n"))
    assert [(i.title, i.text, i.presenters, i.pages) for i in items] == [
        ("Minutes of the meeting held on 9 July 2025",
         "To approve the minutes as a correct record.", (), "1 - 4"),
        ("Bus Franchising: Consultation Outcome", None, ("Director of Transport",), "5 - 10"),
        ("To approve the budget.", None, (), "11 - 14")]


def test_verbal_in_the_pages_cell_makes_a_verbal_item() -> None:
    items = parse_agenda_items(lines(
        "## Agenda\n4.\tBusiness Plan Progress\t1 - 6\n5.\tAnnual Conference: Feedback\tVerbal\n"))
    assert [(i.number, i.pages, i.verbal) for i in items] == [("4", "1 - 6", False),
                                                               ("5", None, True)]


def test_venue_after_held_at_after_the_time_and_in_capitals() -> None:
    assert venue_in_sentence(
        "MINUTES of the meeting of the Avonmere Fire and Rescue Authority held at Service "
        "Headquarters, Kiln Lane, Norbridge on Friday 19 September 2025 at 10.30 am."
    ) == "Service Headquarters, Kiln Lane, Norbridge"
    assert venue_in_sentence(
        "Minutes of a meeting held on Thursday 16 October 2025 at 11.00 am at Hadley Point, "
        "3 Canal Wharf, Kirkhadley") == "Hadley Point, 3 Canal Wharf, Kirkhadley"
    assert venue_in_sentence(
        "MINUTES OF THE MEETING OF THE ENVIRONMENTAL SERVICES COMMITTEE HELD IN THE COUNCIL "
        "CHAMBER, CIVIC HEADQUARTERS, PORTKEEL ON TUESDAY 10 JUNE 2025 AT 7.00 PM"
    ) == "COUNCIL CHAMBER, CIVIC HEADQUARTERS, PORTKEEL"
    assert venue_in_sentence(
        "Minutes of the meeting held in public on Monday 9 June 2025 at 7.00 pm in the "
        "Council Chamber") == "Council Chamber"


def test_numbered_date_of_next_meeting_is_an_item_and_the_next_meeting() -> None:
    front = lines("# Panel\n## Agenda\n6.\tPrecept 2026/27\t5 - 20\n"
                  "7.\tDate of next meeting – 12 March 2026\t\n")
    assert [(i.number, i.title) for i in parse_agenda_items(front)] == [
        ("6", "Precept 2026/27"), ("7", "Date of next meeting – 12 March 2026")]
    next_meeting = find_next_meeting(front)
    assert next_meeting is not None and next_meeting.date == "2026-03-12"


def test_a_title_that_is_itself_a_to_do_phrase_is_not_split() -> None:
    items = parse_agenda_items(lines(
        "## Agenda\n9.\tTo receive the report of the County and District Councillors.\t\n"))
    assert [i.title for i in items] == [
        "To receive the report of the County and District Councillors."]


def test_contact_footnote_after_a_stray_number_is_not_an_item() -> None:
    items = parse_agenda_items(lines(
        "## Agenda\n5.\tActive Travel Fund\t11 - 14\n6.\nFor further information please "
        "contact Governance Services, governance@northvale.example.org.\n"))
    assert [(i.number, i.title) for i in items] == [("5", "Active Travel Fund")]


def test_police_ranks_and_commissioner_are_titles_not_parts_of_names() -> None:
    read = [parse_member(t) for t in (
        "Superintendent Neil Coombes", "Chief Inspector Ray Dunn", "Inspector Kate Lowe",
        "Sergeant Tom Bale", "PCC Alison Hart", "Chief Constable Mark Reeve",
        "Detective Chief Superintendent Al Boon", "Aldermen R Kerr", "Di Smith")]
    assert [(m.name, m.title) for m in read if m] == [
        ("Neil Coombes", "Superintendent"), ("Ray Dunn", "Chief Inspector"),
        ("Kate Lowe", "Inspector"), ("Tom Bale", "Sergeant"), ("Alison Hart", "PCC"),
        ("Mark Reeve", "Chief Constable"), ("Al Boon", "Detective Chief Superintendent"),
        ("R Kerr", "Aldermen"), ("Di Smith", None)]  # "Di" is a name, not a rank


def test_heading_time_with_pm_beats_a_bare_time_under_the_items_table_time_column() -> None:
    meeting = read_meeting(lines(
        "# ASHBOURNE VALE HEALTH AND WELLBEING BOARD\n"
        "Wednesday 24 September 2025, 2.00 pm – 4.00 pm\n"
        "Meeting Room 1, Council Offices, Priory Way, Ashbourne Vale\n"
        "# AGENDA\n"
        "Item\tTitle\tLead\tPurpose\tTime\n"
        "1\tWelcome, introductions and apologies\tChair\t\t2.00\n"
        "2\tBetter Care Fund Plan 2025/26\tDirector of Adult Social Care\tFor decision\t2.05\n"))
    assert (meeting.date, meeting.time) == ("2025-09-24", "14:00")
    assert meeting.body == "Ashbourne Vale Health and Wellbeing Board"
    assert [i.title for i in meeting.items] == ["Welcome, introductions and apologies",
                                                "Better Care Fund Plan 2025/26"]


def test_a_members_line_naming_a_council_is_not_the_meeting_body() -> None:
    body, _ = body_and_authority(lines(
        "Membership:\nCouncillor Kevin Doyle – Marcheshire County Council\n"
        "Dr Ruth Adeyemi – Independent Co-opted Member\n"))
    assert body is None


def test_two_members_run_together_on_one_line_are_two_members() -> None:
    members = parse_members(lines(
        "Membership:\n"
        "Councillor Bethan Owens (Vice-Chair) – North District Council Councillor Kevin Doyle"
        " – Marcheshire County Council\n"
        "Mr Peter Caldicott – Independent Co-opted Member\n"))
    assert [(m.name, m.authority, m.role) for m in members] == [
        ("Bethan Owens", "North District Council", "vice_chair"),
        ("Kevin Doyle", "Marcheshire County Council", "member"),
        ("Peter Caldicott", None, "co_opted")]


def test_welsh_councillors_label_and_a_summons_letters_to_line_are_the_membership() -> None:
    welsh = parse_members(lines(
        "## Aelodaeth\nCynghorwyr: Gwenllian Morgan (Cadeirydd), Dafydd ap Siôn "
        "(Is-gadeirydd), Meinir Hughes a Sioned Parry.\n# Rhaglen\n1. Ymddiheuriadau\n"))
    assert [(m.name, m.role, m.title) for m in welsh] == [
        ("Gwenllian Morgan", "chair", "Cllr"), ("Dafydd ap Siôn", "vice_chair", "Cllr"),
        ("Meinir Hughes", "member", "Cllr"), ("Sioned Parry", "member", "Cllr")]
    letter = parse_members(lines(
        "# Planning Policy Committee\nTo: Councillors Alan Threlfall (Chairman), Lucy Strand "
        "and Trevor Wainwright.\nDear Councillor,\nYou are invited to attend a meeting.\n"
        "Yours sincerely,\nChief Executive\n"))
    assert [m.name for m in letter] == ["Alan Threlfall", "Lucy Strand", "Trevor Wainwright"]
    assert parse_members(lines("To: All Members of the Council\nDear Member,\n")) == ()


def test_a_summons_signed_by_the_chief_executive_is_for_the_council_it_names() -> None:
    meeting = read_meeting(lines(
        "# THORNLEIGH CITY COUNCIL\nTo: All Members of the Council\nYou are hereby summoned "
        "to attend a meeting of Thornleigh City Council to be held in the Council Chamber, "
        "Guildhall on Thursday, 20 November 2025 at 6.00 pm.\nMartin Oduya\nChief Executive\n"))
    assert (meeting.body, meeting.date, meeting.time) == (
        "Thornleigh City Council", "2025-11-20", "18:00")


def test_agenda_rows_a_reader_made_list_items_numbered_without_a_point_keep_their_numbers(
        ) -> None:
    from boardpapers.model.layout import Layout, Source, join_blocks
    blocks, text = join_blocks([
        Block(BlockKind.HEADING, "AGENDA", level=2),
        Block(BlockKind.LIST_ITEM, "Apologies and Substitutions", marker="1"),
        Block(BlockKind.TABLE, "4a\tPetition: Gorse Lane\t7 - 8",
              rows=(("4a", "Petition: Gorse Lane", "7 - 8"),)),
        Block(BlockKind.LIST_ITEM, "Reports of Task and Finish Groups", marker="5")])
    items = parse_agenda_items(lines_of(Layout(Source("a.txt", "0" * 64, "txt"), blocks, text)))
    assert [(i.number, i.title, i.subitems) for i in items] == [
        ("1", "Apologies and Substitutions", ()), ("4a", "Petition: Gorse Lane", ()),
        ("5", "Reports of Task and Finish Groups", ())]
