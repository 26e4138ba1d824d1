"""Minutes and ModernGov agenda-and-minutes parsing, English and Welsh."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import boardpapers.parsers  # noqa: F401  (import order: parsers before genre)
from boardpapers.model.classification import Classification
from boardpapers.model.layout import Block, BlockKind, Layout, Source, join_blocks
from boardpapers.model.paper import MeetingContact
from boardpapers.parsers.decisions import decision_from_lines
from boardpapers.parsers.minutes import parse_agenda_and_minutes, parse_minutes
from boardpapers.parsers.minutes_header import clock, moderngov_title
from boardpapers.parsers.minutes_people import apologies_from_text, members_from_text, split_people
from boardpapers.readers import read
from tests.conftest import FIXTURES

PAPERS = FIXTURES / "papers"
P, H = BlockKind.PARAGRAPH, BlockKind.HEADING


def _layout(*blocks: tuple[BlockKind, str]) -> Layout:
    made, text = join_blocks([Block(kind, t, level=2 if kind is H else 0) for kind, t in blocks])
    return Layout(Source("t.html", "0" * 64, "html"), made, text)


def _minutes(name: str, genre: str = "minutes"):
    return parse_minutes(read(PAPERS / name), Classification(genre))


def test_district_planning_minutes_header_and_people() -> None:
    m = _minutes("minutes_district_planning.txt").meeting
    assert (m.body, m.date, m.time, m.end_time) == ("PLANNING COMMITTEE", "2024-05-15", "19:00",
                                                    "20:42")
    assert m.venue == "Council Chamber, Civic Offices, Bridge Street, Ashdown"
    assert [(x.name, x.role) for x in m.members[:3]] == [
        ("M Okafor", "chair"), ("R Pennington", "vice_chair"), ("J Abbott", "member")]
    assert len(m.members) == 7
    assert m.apologies == ("B Ellison", "K Haworth")
    assert m.officers[-1] == "Tom Whitely (Democratic Services Officer)"
    assert m.declarations[0].startswith("Councillor H Deakin declared")
    assert m.next_meeting is not None and m.next_meeting.date == "2024-06-12"


def test_planning_decisions_granted_and_refused() -> None:
    items = _minutes("minutes_district_planning.txt").meeting.items
    assert [i.number for i in items] == ["1", "2", "3", "4", "5", "6", "7"]
    assert items[3].decision.startswith("RESOLVED that planning permission be GRANTED subject to")
    assert items[4].decision.endswith("occupiers of 11 Orchard Close.")
    assert "REFUSED" in items[4].decision and "1. The extension" in items[4].decision
    assert items[5].decision == ("The Committee noted the report on appeal decisions "
                                 "received since the last meeting.")
    assert items[0].decision is None


def test_cabinet_minute_numbers_and_numbered_resolutions() -> None:
    paper = _minutes("minutes_metropolitan_cabinet.md")
    items = paper.meeting.items
    assert items[0].number == "CAB 45/24" and items[-1].number == "CAB 51/24"
    budget = items[3]
    assert budget.decision.split("\n")[:2] == [
        "RESOLVED:", "1. That the Medium Term Financial Strategy 2025/26 to 2027/28 be noted."]
    assert "Reason for decision" not in budget.decision
    assert items[4].decision.startswith("RECOMMENDED to Council that")
    assert items[6].decision.startswith("AGREED that the disposal")
    assert paper.meeting.attendees == ("Derek Naylor (Leader of the Opposition)",)
    assert "Director of Finance and Section 151 Officer" in paper.meeting.officers
    assert paper.meeting.end_time == "15:25"


def test_welsh_minutes() -> None:
    m = _minutes("minutes_welsh_planning.txt").meeting
    assert (m.body, m.date, m.time, m.end_time) == ("Pwyllgor Cynllunio", "2024-05-14", "10:00",
                                                    "11:40")
    assert m.venue == "Siambr y Cyngor, Canolfan Ddinesig, Pontalarch"
    assert [(x.name, x.role) for x in m.members[:2]] == [("Eleri Pritchard", "chair"),
                                                         ("Gareth Morgan", "vice_chair")]
    assert m.members[-1].name == "Alun Wyn Parry"
    assert m.apologies == ("Meinir Roberts", "Huw Tudur")
    assert m.items[3].decision.startswith("PENDERFYNWYD caniatáu")
    assert m.items[4].decision.startswith("Nododd y Pwyllgor")


MODERNGOV = (
    (H, "Agenda and minutes"), (H, "Cabinet - Tuesday, 12th March, 2024 10.00 am"),
    (P, "Venue: Council Chamber, County Hall, Wealdmoor, WM1 2CH. View directions"),
    (P, "Contact: Democratic Services, 01632 960418"), (H, "Items"),
    (P, "112."), (P, "Apologies for Absence"), (P, "Minutes:"),
    (P, "Apologies were received from Councillor Tessa Quinlan."),
    (P, "115."), (P, "School Place Planning Strategy 2024-2029 PDF 1 MB"),
    (P, "Report of the Executive Director of Children's Services."),
    (P, "Additional documents:"), (P, "Appendix A - Forecast pupil numbers, item 115. PDF 402 KB"),
    (P, "Decision:"), (P, "RESOLVED:"), (P, "(1) That the strategy be approved."),
    (P, "Reasons for decision: a statutory duty."), (P, "Minutes:"),
    (P, "The Cabinet Member for Education introduced the strategy."),
)


def test_moderngov_page() -> None:
    paper = parse_agenda_and_minutes(_layout(*MODERNGOV), Classification("agenda_and_minutes"))
    m = paper.meeting
    assert (m.body, m.date, m.time) == ("Cabinet", "2024-03-12", "10:00")
    assert m.venue == "Council Chamber, County Hall, Wealdmoor, WM1 2CH"
    assert m.contact == MeetingContact(None, "Democratic Services", "01632 960418", None,
                                       "Democratic Services, 01632 960418")
    assert [(i.number, i.title) for i in m.items] == [
        ("112", "Apologies for Absence"), ("115", "School Place Planning Strategy 2024-2029")]
    assert m.items[1].decision == "RESOLVED:\n(1) That the strategy be approved."
    assert m.items[1].text == "The Cabinet Member for Education introduced the strategy."
    assert m.apologies == ("Tessa Quinlan",)


def test_welsh_moderngov_page() -> None:
    layout = _layout(
        (H, "Agenda a chofnodion"), (H, "Cabinet - Dydd Iau, 7fed Tachwedd, 2024 2.00 y.h."),
        (P, "Lleoliad: Siambr y Cyngor, Canolfan Ddinesig. Cyfarwyddiadau"),
        (P, "Cyswllt: Gwasanaethau Democrataidd"), (H, "Eitemau"),
        (P, "41."), (P, "Ymddiheuriadau am absenoldeb"), (P, "Cofnodion:"),
        (P, "Derbyniwyd ymddiheuriadau am absenoldeb gan y Cynghorydd Rhian Bowen."),
        (P, "43."), (P, "Strategaeth Toiledau Lleol pdf eicon PDF 310 KB"), (P, "Penderfyniad:"),
        (P, "PENDERFYNWYD cymeradwyo'r strategaeth."), (P, "Cofnodion:"),
        (P, "Cyflwynodd yr Aelod Cabinet yr adroddiad."))
    m = parse_agenda_and_minutes(layout, Classification("agenda_and_minutes")).meeting
    assert (m.body, m.date, m.time, m.venue) == ("Cabinet", "2024-11-07", "14:00",
                                                 "Siambr y Cyngor, Canolfan Ddinesig")
    assert m.contact is not None and (m.contact.name, m.contact.position) == (
        None, "Gwasanaethau Democrataidd")
    assert [i.title for i in m.items] == ["Ymddiheuriadau am absenoldeb",
                                          "Strategaeth Toiledau Lleol"]
    assert m.items[1].decision == "PENDERFYNWYD cymeradwyo'r strategaeth."
    assert m.apologies == ("Rhian Bowen",)


def test_header_helpers_never_guess() -> None:
    assert moderngov_title("Cyngor Sir - Dydd Iau, 9fed Hydref, 2014 2.00 o'r gloch") == (
        "Cyngor Sir", "2014-10-09", None)  # "o'r gloch" does not say am or pm
    assert clock("at 7.00 pm") == "19:00" and clock("at 7.00") is None
    assert clock("10.30 y.b.") == "10:30" and clock("14:00") == "14:00"
    assert apologies_from_text("There were no apologies for absence.") == []
    assert [m.role for m in members_from_text("Y Cynghorydd O. Jones - Cadeirydd")] == ["chair"]


def test_decision_stops_before_reasons() -> None:
    assert decision_from_lines(["Members debated.", "It was RESOLVED that the plan be adopted.",
                                "Reason for decision: policy."]) == (
        "It was RESOLVED that the plan be adopted.")
    assert decision_from_lines(["Members debated the report at length."]) is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=80), min_size=1, max_size=12))
def test_any_blocks_parse_without_error(texts: list[str]) -> None:
    blocks = [(H if i % 3 == 0 else P, t) for i, t in enumerate(texts) if t.strip()]
    layout = _layout(*blocks) if blocks else _layout((P, "x"))
    for parse in (parse_minutes, parse_agenda_and_minutes):
        paper = parse(layout, Classification("minutes"))
        assert paper.meeting is not None


def test_restricted_moderngov_items_and_part_two_are_confidential() -> None:
    paper = parse_agenda_and_minutes(read(FIXTURES / "readers" / "html_moderngov_agenda_minutes"
                                          ".html"), Classification("agenda_and_minutes"))
    assert paper.meeting is not None
    items = {i.number: i for i in paper.meeting.items}
    assert items["13"].confidential and not items["12a"].confidential
    assert "Restricted" not in (items["13"].text or "") + (items["13"].decision or "")
    assert "Part 2" not in (items["12a"].decision or "")


def test_exclusion_for_the_following_item_makes_only_later_minutes_confidential() -> None:
    m = _minutes("minutes_metropolitan_cabinet.md").meeting
    assert [(i.number, i.title) for i in m.items if i.confidential] == [
        ("CAB 51/24", "Disposal of Land at Canal Wharf")]


def test_explicit_resolved_wins_over_an_earlier_noted_sentence() -> None:
    assert decision_from_lines([
        "The Committee noted that the Planning Inspectorate had allowed 2 of the 6 appeals.",
        "RESOLVED that the report be noted."]) == "RESOLVED that the report be noted."
    assert decision_from_lines(["The Committee noted the update."]) == (
        "The Committee noted the update.")


def test_lettered_resolutions_lose_their_markers_and_keep_their_order() -> None:
    assert decision_from_lines([
        "a) The payments schedule totalling £3,918.46 was RESOLVED for approval.",
        "b) The bank reconciliation was noted.",
        "(c) RESOLVED to accept the quotation of £2,340."]) == (
        "The payments schedule totalling £3,918.46 was RESOLVED for approval.\n"
        "The bank reconciliation was noted.\nRESOLVED to accept the quotation of £2,340.")
    assert decision_from_lines(["RESOLVED:", "1. That the plan be adopted."]) == (
        "RESOLVED:\n1. That the plan be adopted.")


def test_resolved_in_the_middle_of_a_paragraph_is_found() -> None:
    assert decision_from_lines([
        "Cllr Okafor reported that the new swings had been installed. Resolved: that the "
        "Clerk obtains two quotations."]) == "Resolved: that the Clerk obtains two quotations."
    assert decision_from_lines(["The Clerk reported that it was resolved last year."]) is None


def test_apologies_received_and_accepted_with_a_reason() -> None:
    assert apologies_from_text("Apologies were received and accepted from Cllr Harriet Quill "
                               "(work commitments).") == ["Harriet Quill"]


def test_minutes_header_labels_read_like_agenda_labels() -> None:
    from boardpapers.parsers.minutes_header import labelled
    assert labelled("Venue – Council Chamber, Town Hall", "venue") == "Council Chamber, Town Hall"
    assert labelled("Lleoliad / Venue: Siambr y Cyngor", "venue") == "Siambr y Cyngor"
    assert labelled("Date of next meeting: 3 June 2025", "date") is None
    assert labelled("Amser: 2.00 y.h.", "time") == "2.00 y.h."


def test_time_and_venue_read_after_a_running_header_named_the_day() -> None:
    paper = parse_minutes(_layout(
        (H, "Planning Committee – 22 April 2025"), (H, "ASHCOMBE BOROUGH COUNCIL"),
        (P, "Minutes of the meeting of the Planning Committee held in the Council Chamber, "
            "Civic Centre, Ashcombe on Tuesday 22 April 2025 at 6.30 pm"),
        (P, "PL/87 Apologies"), (P, "None."), (P, "PL/88 Appeals"), (P, "Noted.")),
        Classification("minutes"))
    m = paper.meeting
    assert (m.date, m.time, m.venue) == ("2025-04-22", "18:30",
                                         "Council Chamber, Civic Centre, Ashcombe")


def test_minutes_title_set_as_a_heading_is_the_header_not_the_first_item() -> None:
    paper = parse_minutes(_layout(
        (P, "Planning Committee – 22 April 2025"),
        (H, "Minutes of the meeting of the Planning Committee held in the Council Chamber, "
            "Civic Centre, Ashcombe on Tuesday 22 April 2025 at 6.30 pm"),
        (P, "Present: Councillors Ann Smith (Chair), Bob Jones"),
        (H, "Apologies for absence"), (P, "Apologies were received from Cllr Cara Brown."),
        (H, "PL/85 Declarations of interest"), (P, "None.")),
        Classification("minutes"))
    m = paper.meeting
    assert (m.body, m.date, m.time, m.venue) == (
        "Planning Committee", "2025-04-22", "18:30", "Council Chamber, Civic Centre, Ashcombe")
    assert [(i.number, i.title) for i in m.items] == [
        ("", "Apologies for absence"), ("PL/85", "Declarations of interest")]
    assert m.apologies == ("Cara Brown",)


def test_header_sentence_wrapped_after_in_the_reads_the_venue_from_the_next_line() -> None:
    paper = parse_minutes(_layout(
        (P, "LITTLE HARTWELL PARISH COUNCIL"),
        (P, "Minutes of the Parish Council Meeting held on Wednesday 14th May 2025 at 7.30 pm "
            "in the"),
        (P, "Village Hall, Church Street, Little Hartwell"),
        (P, "25/061 Apologies for absence"), (P, "None."), (P, "25/062 Declarations"),
        (P, "None.")), Classification("minutes"))
    m = paper.meeting
    assert (m.date, m.time, m.venue) == (
        "2025-05-14", "19:30", "Village Hall, Church Street, Little Hartwell")


def test_decision_stops_where_the_meeting_closed_and_skips_the_running_header() -> None:
    paper = parse_minutes(_layout(
        (P, "Planning Committee – 22 April 2025"),
        (P, "Minutes of the meeting of the Planning Committee held on Tuesday 22 April 2025"),
        (P, "PL/88 Applications"), (P, "Planning Committee – 22 April 2025"),
        (P, "RESOLVED that permission be granted."),
        (P, "PL/89 Appeals update"), (P, "RESOLVED that the report be noted."),
        (P, "The meeting closed at 8.47 pm."), (P, "Planning Committee – 22 April 2025"),
        (P, "Chair ……………")), Classification("minutes"))
    m = paper.meeting
    assert [(i.number, i.decision) for i in m.items] == [
        ("PL/88", "RESOLVED that permission be granted."),
        ("PL/89", "RESOLVED that the report be noted.")]
    assert m.end_time == "20:47"


def test_moderngov_page_converted_to_text_keeps_item_numbers_set_apart_from_titles() -> None:
    L = BlockKind.LIST_ITEM
    blocks = [Block(k, t, level=2 if k is H else 0) for k, t in (
        (H, "Cabinet - Wednesday, 9th July, 2025 6.00 pm"),
        (P, "[Venue: ]{.mgLabel}Council Chamber, Civic Centre. View directions"),
        (P, "Apologies for Absence"))]
    blocks.append(Block(L, "Minutes:", marker="1."))
    blocks += [Block(k, t, level=2 if k is H else 0) for k, t in (
        (P, "Apologies were received from Councillor Dominic Ashby."),
        (P, "Declarations of Interest"), (P, "To receive any declarations of interest."),
        (P, "2."), (P, "Minutes:"), (P, "None were declared."),
        (P, "3."), (P, "Budget Monitoring PDF 180 KB"), (P, "Minutes:"),
        (P, "RESOLVED: That the report be noted."),
        (P, "Lease of Units at the Market Hall"), (P, "Restricted"), (P, "4. PDF 20 KB"),
        (P, "Minutes:"), (P, "RESOLVED: That the lease be approved."),
        (P, "12A to the Local Government Act 1972."))]
    made, text = join_blocks(blocks)
    paper = parse_agenda_and_minutes(Layout(Source("t.txt", "0" * 64, "txt"), made, text),
                                     Classification("agenda_and_minutes"))
    m = paper.meeting
    assert m.venue == "Council Chamber, Civic Centre"
    assert [(i.number, i.title, i.confidential) for i in m.items] == [
        ("1", "Apologies for Absence", False), ("2", "Declarations of Interest", False),
        ("3", "Budget Monitoring", False), ("4", "Lease of Units at the Market Hall", True)]
    assert m.items[2].decision == "RESOLVED: That the report be noted."
    assert m.apologies == ("Dominic Ashby",)


def test_lga_note_title_label_attendance_table_and_apologies_among_sentences() -> None:
    T = BlockKind.TABLE
    rows = (("Position/Role", "Councillor", "Authority"),
            ("Chair", "Cllr Bo Hart", "Kent County Council"),
            ("Deputy-chair", "Cllr Al Bury", "Devon County Council"),
            ("Cllr Cy Dunn", "Dorset Council"),  # a converter dropped the empty role cell
            ("Members", "Cllr Di Fox", "Swindon Borough Council"),
            ("Apologies", "Cllr Ed Gill", "Luton Borough Council"),
            ("In Attendance", "Fay Hume", "Local Government Association"))
    blocks = [Block(k, t, level=2 if k is H else 0) for k, t in (
        (H, "Note of last Community Wellbeing Board meeting"),
        (P, "Title: Community Wellbeing Board"), (P, "Date: Thursday 5 December 2024"),
        (P, "1 Welcome, Apologies and Declarations of Interest"),
        (P, "The Chair welcomed members to the meeting."),
        (P, "Apologies were received from Cllr Ed Gill; Cllr Di Fox attended as a substitute."),
        (P, "2 Public Health Grant"), (P, "Decision"), (P, "Members noted the report."),
        (P, "Action"), (P, "Officers to draft a letter."), (H, "Appendix A - Attendance"))]
    blocks.append(Block(T, "\n".join("\t".join(r) for r in rows), rows=rows))
    made, text = join_blocks(blocks)
    m = parse_minutes(Layout(Source("t.txt", "0" * 64, "txt"), made, text),
                      Classification("minutes")).meeting
    assert (m.body, m.date) == ("Community Wellbeing Board", "2024-12-05")
    assert [(x.name, x.role, x.authority) for x in m.members] == [
        ("Bo Hart", "chair", "Kent County Council"),
        ("Al Bury", "deputy_chair", "Devon County Council"),
        ("Cy Dunn", "deputy_chair", "Dorset Council"),
        ("Di Fox", "member", "Swindon Borough Council")]
    assert (m.apologies, m.attendees) == (("Ed Gill",), ("Fay Hume",))
    assert m.items[1].decision == "Members noted the report."


# --- attendance set out as tables, chairs and titles of the wider UK ----------------------

def _text_minutes(text: str):
    from tests.parsers.blocks import layout_from_text
    return parse_minutes(layout_from_text(text), Classification("minutes"))


def test_present_as_name_and_council_table_gives_members_with_their_council() -> None:
    m = _text_minutes(
        "AVONMERE FIRE AND RESCUE AUTHORITY\n"
        "MINUTES of the meeting of the Avonmere Fire and Rescue Authority held at Service "
        "Headquarters, Kiln Lane, Norbridge on Friday 19 September 2025 at 10.30 am.\n"
        "**Present:**\n"
        "Councillor Gwen Hollis (Chair)\tSomerset Council\n"
        "Councillor Derek Amory (Vice-Chair)\tNorth Somerset Council\n"
        "Mayor Joanne Ferriby\tMayor of the Ridings\n"
        "Councillor Yasmin Clegg North Somerset Council\n"
        "**Also present:**\n"
        "Chief Fire Officer (Laura Menzies), Treasurer (Howard Pike)\n"
        "# FA/25/41 Apologies for absence\n"
        "Apologies were received from Councillor Martin Ebdon.\n"
        "# FA/25/42 Minutes\n"
        "RESOLVED – That the minutes be confirmed.\n").meeting
    assert [(x.name, x.role, x.authority) for x in m.members] == [
        ("Gwen Hollis", "chair", "Somerset Council"),
        ("Derek Amory", "vice_chair", "North Somerset Council"),
        ("Joanne Ferriby", "member", "Mayor of the Ridings"),
        ("Yasmin Clegg", "member", None)]  # a row a reader left as one line
    assert m.attendees == ("Chief Fire Officer (Laura Menzies)", "Treasurer (Howard Pike)")
    assert m.venue == "Service Headquarters, Kiln Lane, Norbridge"


def test_ni_in_the_chair_and_plural_aldermen_councillors_in_one_cell() -> None:
    rows = (("In the Chair:", "Alderman N Hetherington"),
            ("Members Present:", "Aldermen R Kerr and P McIlwaine\n"
                                 "Councillors M Boyle, S Devine and L Wylie"),
            ("Officers Present:", "Director of Environmental Services (D Mulholland)"))
    blocks = [Block(H, "LOUGHSHORE AND GLENS BOROUGH COUNCIL", level=1),
              Block(P, "MINUTES OF THE MEETING OF THE ENVIRONMENTAL SERVICES COMMITTEE HELD IN "
                       "THE COUNCIL CHAMBER, PORTKEEL ON TUESDAY 10 JUNE 2025 AT 7.00 PM"),
              Block(BlockKind.TABLE, "\n".join("\t".join(r) for r in rows), rows=rows),
              Block(H, "ES 066/25 CORRESPONDENCE", level=2),
              Block(P, "The Committee noted a letter about the deposit return scheme."),
              Block(H, "IN CONFIDENCE", level=2),
              Block(H, "ES 067/25 TENDER FOR HAULAGE", level=2),
              Block(P, "AGREED – that the tender be awarded to the most economically "
                       "advantageous bidder.")]
    made, text = join_blocks(blocks)
    paper = parse_minutes(Layout(Source("t.docx", "0" * 64, "docx"), made, text),
                          Classification("minutes"))
    m = paper.meeting
    assert [(x.name, x.role) for x in m.members] == [
        ("N Hetherington", "chair"), ("R Kerr", "member"), ("P McIlwaine", "member"),
        ("M Boyle", "member"), ("S Devine", "member"), ("L Wylie", "member")]
    assert m.officers == ("Director of Environmental Services (D Mulholland)",)
    assert [(i.number, i.confidential) for i in m.items] == [
        ("ES 066/25", False), ("ES 067/25", True)]
    assert m.items[1].decision.startswith("AGREED – that the tender be awarded")


def test_cmis_page_sederunt_convener_decided_and_label_table_header() -> None:
    layout = read(FIXTURES / "corpus" / "wide" / "minutes_scottish_cmis.html")
    paper = parse_minutes(layout, Classification("minutes"))
    m = paper.meeting
    assert (m.body, m.date, m.time) == ("Education, Children and Families Committee",
                                        "2025-09-09", "10:00")
    assert m.venue == "Committee Room 2, Council Headquarters, High Street, Dunmorrow"
    assert [(x.name, x.role) for x in m.members[:2]] == [("Morag Lennox", "chair"),
                                                        ("Kenneth Baird", "member")]
    assert [x.name for x in m.members[-2:]] == ["Dominic Reilly", "Alison Strachan"]
    assert m.apologies == ("Callum Ure",)
    assert [i.number for i in m.items] == ["1", "2", "3", "4", "5", "6"]
    assert m.items[1].decision == ("DECIDED: that the minute of meeting of 3 June 2025 be "
                                   "approved as a correct record.")
    assert [i.confidential for i in m.items] == [False] * 5 + [True]


def test_labelled_bare_time_is_read_as_the_meeting_start() -> None:
    from boardpapers.vocab.times import labelled_clock
    assert [labelled_clock(t) for t in ("10:00", "2.00", "7.30", "6.30 pm", "09:30", "soon")] \
        == ["10:00", "14:00", "19:30", "18:30", "09:30", None]


def test_ni_proposer_and_seconder_run_into_the_decision_are_not_part_of_it() -> None:
    assert decision_from_lines([
        "Proposed by Councillor Boyle Seconded by Councillor Devine and AGREED – that the "
        "minutes be confirmed."]) == "AGREED – that the minutes be confirmed."
    # a sentence saying who proposed it, in English minutes, is kept whole
    assert decision_from_lines([
        "After discussion it was proposed by Cllr Pilbeam, seconded by Cllr Eze and RESOLVED "
        "to set a precept."]) == ("After discussion it was proposed by Cllr Pilbeam, seconded "
                                  "by Cllr Eze and RESOLVED to set a precept.")


def test_last_minute_run_into_the_closing_sentence_keeps_its_decision() -> None:
    m = _text_minutes(
        "Minutes of the meeting of Kingswear Magna Town Council held on Monday 6 October 2025 "
        "at 7.00 pm\n"
        "# FC/25/093 Grants\n"
        "It was RESOLVED to award grants of £1,500.\n"
        "# FC/25/094 Christmas lights\n"
        "The Council noted that switch-on will take place on 29 November 2025. The meeting "
        "closed at 8.51pm.\n").meeting
    assert m.items[1].decision == ("The Council noted that switch-on will take place on "
                                   "29 November 2025.")
    assert m.end_time == "20:51"


def test_converted_web_page_headings_above_date_and_sederunt_are_header_not_items() -> None:
    m = _text_minutes(
        "# Education, Children and Families\n"
        "# Committee\n"
        "Date: Tuesday, 9 September 2025\n"
        "Time: 10:00\n"
        "# Minutes\n"
        "Sederunt: Councillor Morag Lennox (Convener); Councillors Kenneth Baird and Euan Grant.\n"
        "**1 Declarations of Interest**\n"
        "No declarations of interest were made.\n"
        "**2 Minute of Previous Meeting**\n"
        "DECIDED: that the minute be approved.\n").meeting
    assert (m.body, m.date, m.time) == ("Education, Children and Families Committee",
                                        "2025-09-09", "10:00")
    assert [i.title for i in m.items] == ["Declarations of Interest", "Minute of Previous Meeting"]
    assert [(x.name, x.role) for x in m.members] == [
        ("Morag Lennox", "chair"), ("Kenneth Baird", "member"), ("Euan Grant", "member")]


def test_licensing_notice_of_determination_reads_hearing_body_and_sub_committee_members() -> None:
    m = _text_minutes(
        "# HARROWDENE DISTRICT COUNCIL\n"
        "# LICENSING ACT 2003\n"
        "# NOTICE OF DETERMINATION\n"
        "Hearing:\tLicensing Sub-Committee\n"
        "Date of hearing:\tTuesday 14 October 2025 at 10.00 am\n"
        "Venue:\tCommittee Room A, Harrowdene House\n"
        "Sub-Committee members:\tCouncillor Philippa Strand (Chair), Councillor Rhys Vaughan\n"
        "Applicant:\tAnchor Tap Ltd\n"
        "# Decision\n"
        "The Sub-Committee has decided to GRANT the application in part.\n")
    assert m.title == "NOTICE OF DETERMINATION"
    meeting = m.meeting
    assert (meeting.body, meeting.date, meeting.time) == ("Licensing Sub-Committee",
                                                          "2025-10-14", "10:00")
    assert [(x.name, x.role) for x in meeting.members] == [("Philippa Strand", "chair"),
                                                          ("Rhys Vaughan", "member")]


def test_attendance_table_flattened_one_cell_a_line_keeps_each_members_council_apart() -> None:
    layout = _layout(
        (H, "Mayoral Combined Authority Board"),
        (P, "Minutes of a meeting held on Thursday 16 October 2025 at 11.00 am"),
        (P, "Present:"), (H, "Mayor Joanne Ferriby (Chair)"), (H, "Mayor of the Ridings and Vale"),
        (H, "Councillor Asif Malik"), (H, "Leader, Kirkhadley Metropolitan Borough Council"),
        (H, "Councillor Jenny Rowbotham"), (H, "Deputy Leader, Wharfedge District Council"),
        (P, "(substitute for Councillor Mark Daley)"),
        (H, "Helen Carr"), (H, "Chair, Ridings and Vale Business Board (non-voting)"),
        (H, "1. Apologies for absence"), (P, "Apologies were received from Councillor Mark Daley."),
        (H, "2. Declarations of interest"), (P, "There were no declarations of interest."))
    m = parse_minutes(layout, Classification("minutes")).meeting
    assert [(x.name, x.role) for x in m.members] == [
        ("Joanne Ferriby", "chair"), ("Asif Malik", "member"), ("Jenny Rowbotham", "substitute"),
        ("Helen Carr", "member")]
    assert m.members[1].position == "Leader, Kirkhadley Metropolitan Borough Council"


def test_items_table_header_under_apologies_is_not_a_name() -> None:
    made, text = join_blocks([
        Block(H, "Education, Children and Families Committee", level=1),
        Block(P, "Date: Tuesday, 9 September 2025"),
        Block(P, "Apologies: Councillor Callum Ure."),
        Block(BlockKind.TABLE, "Item No.\tItem\n1\tDeclarations of Interest\n2\tMinute",
              rows=(("Item No.", "Item"), ("1", "Declarations of Interest"), ("2", "Minute")))])
    layout = Layout(Source("t.md", "0" * 64, "md"), made, text)
    m = parse_minutes(layout, Classification("minutes")).meeting
    assert m.apologies == ("Callum Ure",)


def test_a_matters_arising_reference_like_14_07_4_is_not_a_minute_number() -> None:
    paper = parse_minutes(_layout(
        (H, "Corporate Parenting Board"),
        (P, "Minutes of the meeting held on Monday, 13 October 2025 at 4.00 pm"),
        (H, "1. Apologies"), (P, "None."), (H, "2. Minutes"), (P, "RESOLVED – approved."),
        (H, "3. Matters arising"), (P, "14/07 – 4"), (P, "Report on care leavers' exemption"),
        (P, "14/07 – 6"), (P, "Visit to Larchfield children's home"),
        (H, "4. Voice of the Child"), (P, "RESOLVED – That the survey be noted.")),
        Classification("minutes"))
    assert [(i.number, i.title) for i in paper.meeting.items] == [  # type: ignore[union-attr]
        ("1", "Apologies"), ("2", "Minutes"), ("3", "Matters arising"),
        ("4", "Voice of the Child")]


# ------------------------------------------------------------------ committees corpus findings


def test_bilingual_present_and_apologies_labels_with_paired_welsh_english_titles() -> None:
    paper = parse_minutes(_layout(
        (H, "CYNGOR CYMUNED LLANFIHANGEL-Y-GRUG"), (H, "LLANFIHANGEL-Y-GRUG COMMUNITY COUNCIL"),
        (H, "Cofnodion / Minutes"),
        (P, "Cofnodion cyfarfod o'r Cyngor a gynhaliwyd yn Neuadd y Pentref, nos Lun, "
            "8 Rhagfyr 2025 am 7.00 yh."),
        (P, "Yn bresennol / Present:"),
        (P, "Cynghorydd / Councillor Gwenllian Pugh (Cadeirydd / Chair), Cynghorwyr / "
            "Councillors Emrys Lloyd-Parry and Siân Haf Roberts."),
        (P, "Ymddiheuriadau / Apologies:"), (P, "Cynghorydd / Councillor Rhodri Bevan."),
        (H, "1. Cofnodion / Minutes"), (P, "PENDERFYNWYD / RESOLVED: To confirm the minutes.")),
        Classification("minutes"))
    m = paper.meeting
    assert [(x.name, x.role) for x in m.members] == [
        ("Gwenllian Pugh", "chair"), ("Emrys Lloyd-Parry", "member"),
        ("Siân Haf Roberts", "member")]
    assert m.apologies == ("Rhodri Bevan",)
    # "cyfarfod o'r Cyngor" is the council's own meeting, under its English name
    assert (m.body, m.authority) == ("Llanfihangel-y-Grug Community Council",) * 2


def test_county_councillors_title_co_opted_label_and_also_present_posts() -> None:
    paper = parse_minutes(_layout(
        (H, "Hallowmere County Council"), (H, "Health Overview and Scrutiny Committee"),
        (P, "Minutes of a meeting of the Health Overview and Scrutiny Committee held at County "
            "Hall on Tuesday, 4 November 2025 at 10.00 am"),
        (P, "Present:"),
        (P, "County Councillors Bernadette Quayle (Chair), Owain Fitzgerald (Vice-Chair) and "
            "Sunita Ramdas"),
        (P, "Co-opted members:"), (P, "District Councillor Tamsin Wheeler (Eastvale District "
                                      "Council)"),
        (P, "Also present:"),
        (P, "Dr Lionel Okonkwo, Medical Director, Eastvale Integrated Care Board; Harriet "
            "Sowerby, Chief Operating Officer."),
        (P, "Apologies:"), (P, "County Councillor Desmond Achterberg."),
        (H, "41. Minutes"), (P, "RESOLVED: That the minutes be approved.")),
        Classification("minutes"))
    m = paper.meeting
    assert [(x.name, x.role) for x in m.members] == [
        ("Bernadette Quayle", "chair"), ("Owain Fitzgerald", "vice_chair"),
        ("Sunita Ramdas", "member"), ("Tamsin Wheeler", "co_opted")]
    assert m.attendees == ("Dr Lionel Okonkwo", "Harriet Sowerby")
    assert m.apologies == ("Desmond Achterberg",)


def test_town_and_parish_councillor_titles_are_not_part_of_the_name() -> None:
    assert [x.name for x in members_from_text(
        "Town Councillor A Bell, Parish Councillors C Dunn and E Ford, Borough Councillor "
        "G Hale")] == ["A Bell", "C Dunn", "E Ford", "G Hale"]


def test_officers_named_with_posts_keep_only_the_people() -> None:
    assert split_people("J Smith, Director of Finance, K Jones, Head of Legal",
                        posts=True) == ["J Smith", "K Jones"]
    assert split_people("Chief Executive, Director of Resources", posts=True) == [
        "Chief Executive", "Director of Resources"]  # posts alone, nobody named


def test_a_bullet_glyph_kept_before_a_name_is_not_part_of_it() -> None:
    assert [(m.name, m.role) for m in members_from_text(
        "\uf0b7 Cllr Thomas Brackenbury (Chairman), • Cllr Anwen Roberts (Vice-Chairman)")] == [
        ("Thomas Brackenbury", "chair"), ("Anwen Roberts", "vice_chair")]
    assert members_from_text("\uf0b7") == []  # a bullet alone names no one
    assert split_people("\uf0b7 Mrs J Pargeter; \uf0a7 Mr K Loder") == ["Mrs J Pargeter",
                                                                      "Mr K Loder"]


def _bullet_table_minutes() -> Layout:
    rows = (("\uf0b7", "Cllr Thomas Brackenbury (Chairman)"), ("\uf0b7", "Cllr Philip Crouch"))
    H = BlockKind.HEADING
    blocks = [Block(H, "LITTLE HARTWELL PARISH COUNCIL", level=1, bold=True),
              Block(BlockKind.PARAGRAPH, "Minutes of the Parish Council Meeting held on "
                    "Wednesday 14th May 2025 at 7.30 pm in the", bold=True),
              Block(H, "Village Hall, Church Street, Little Hartwell", level=2, bold=True),
              Block(H, "Present:", level=2, bold=True),
              Block(BlockKind.TABLE, "\n".join("\t".join(r) for r in rows), rows=rows),
              Block(BlockKind.PARAGRAPH, "In attendance: Mrs Judith Pargeter (Clerk)."),
              Block(H, "25/061 Apologies for absence", level=2, bold=True),
              Block(BlockKind.PARAGRAPH, "Apologies were received from Cllr Harriet Quill.")]
    made, text = join_blocks(blocks)
    return Layout(Source("t.md", "0" * 64, "md"), made, text)


def test_attendance_table_whose_first_cell_is_a_bullet_glyph_lists_the_members() -> None:
    m = parse_minutes(_bullet_table_minutes(), Classification("minutes")).meeting
    assert [(x.name, x.role) for x in m.members] == [
        ("Thomas Brackenbury", "chair"), ("Philip Crouch", "member")]
