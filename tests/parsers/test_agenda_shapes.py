"""Agendas in the shapes real page stores and converters leave them (fictional papers):
numbered agendas flattened into one paragraph, numbers turned into bullets, zero-padded
numbers, ModernGov pages with link furniture and no numbers, headings run into items."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from boardpapers.model.classification import Classification
from boardpapers.model.layout import Source
from boardpapers.parsers.agenda import parse_agenda
from boardpapers.parsers.agenda_lines import tidy_agenda_lines
from boardpapers.parsers.lines import Line
from boardpapers.readers.text import text_to_layout
from tests.parsers.blocks import layout_from_text

AGENDA = Classification("agenda")


def _items(text: str) -> list[tuple[str, str]]:
    layout = text_to_layout(text, Source("agenda.txt", "0" * 64, "txt"))
    meeting = parse_agenda(layout, AGENDA).meeting
    assert meeting is not None
    return [(i.number, i.title) for i in meeting.items]


def test_a_numbered_agenda_flattened_into_one_paragraph_is_one_item_a_line() -> None:
    text = (
        "PUBLIC Moorfield Joint Health Board Civic Offices Moorfield 10 February 2026 A meeting "
        "of the Moorfield Joint Health Board will be held in the Board Room, Moorfield House on "
        "Tuesday 3 March 2026 at 10:00am. For Chief Officer BUSINESS 1. Welcome and Apologies "
        "2. Declarations of Interest 3. Minute of the Meeting held on 2 December 2025. 4. Winter "
        "Pressures Update - Report by Chief Officer (herewith) - 1 - PUBLIC 5. Budget Monitoring "
        "- Report by Chief Finance Officer (herewith) ------------------------ NOTE For further "
        "information contact Ewan Baird, Tel: 01632 960 555 - 2 - Agenda Item: 4 WINTER "
        "PRESSURES UPDATE A PURPOSE OF REPORT To update the Board. B RECOMMENDATION 1. To note "
        "the update 2. To agree the actions 3. To thank the staff\n")
    assert _items(text) == [
        ("1", "Welcome and Apologies"), ("2", "Declarations of Interest"),
        ("3", "Minute of the Meeting held on 2 December 2025."),
        ("4", "Winter Pressures Update - Report by Chief Officer (herewith)"),
        ("5", "Budget Monitoring - Report by Chief Finance Officer (herewith)")]


def test_a_descriptions_own_numbered_list_is_not_read_as_items() -> None:
    text = ("AGENDA\n\n1. Apologies for absence\n\n2. Minutes of the last meeting\n\n"
            "3. Revenue Budget 2026/27\n\nThe Committee is asked to: 1. Note the forecast "
            "outturn 2. Agree the savings proposals 3. Approve the virement of £20,000.\n\n"
            "4. Any other business\n")
    assert _items(text) == [("1", "Apologies for absence"), ("2", "Minutes of the last meeting"),
                            ("3", "Revenue Budget 2026/27"), ("4", "Any other business")]


def test_bullets_right_under_agenda_are_the_items_with_numbered_sub_items_between() -> None:
    text = (
        "WILLOWBECK PARISH COUNCIL\n"
        "You are summoned to a meeting of the Parish Council in the Village Hall on "
        "Tuesday 10 March 2026 at 7.30pm.\n"
        "AGENDA\n"
        "- RECEIVE APOLOGIES FOR ABSENCE\n"
        "- APPROVE MINUTES OF THE LAST MEETING – 10th February 2026\n"
        "- FINANCE\n"
        "7.1 Bank reconciliation\n"
        "7.2 Payments for approval\n"
        "- DATE OF NEXT MEETING\n"
        "- To confirm the date of the annual meeting – Tuesday, 12th May 2026\n"
        "Signed: Ann Other, Clerk – 3rd March 2026\n")
    assert _items(text) == [
        ("", "RECEIVE APOLOGIES FOR ABSENCE"),
        ("", "APPROVE MINUTES OF THE LAST MEETING – 10th February 2026"),
        ("", "FINANCE"), ("7.1", "Bank reconciliation"), ("7.2", "Payments for approval"),
        ("", "DATE OF NEXT MEETING"),
        ("", "To confirm the date of the annual meeting – Tuesday, 12th May 2026")]


def test_bullets_further_down_stay_sub_items() -> None:
    text = ("AGENDA\n1. Apologies\n2. Reports\n- Highways\n- Footpaths\n3. Correspondence\n")
    assert _items(text) == [("1", "Apologies"), ("2", "Reports"), ("3", "Correspondence")]


def test_zero_padded_numbers_are_kept_and_a_date_opening_a_bullet_is_no_item() -> None:
    text = (
        "Date: Wednesday, 14 January, 2026\n"
        "Item no. Agenda Item Details Status\n"
        "01 Apologies for Absence\n"
        "02 Minutes\n"
        "Members are asked to receive the minutes of the meetings held on:\n"
        "• 19 November 2025 attached marked 2a; and\n"
        "• 10 December 2025 attached marked 2b.\n"
        "03 Revenue Budget\n")
    assert _items(text) == [("01", "Apologies for Absence"), ("02", "Minutes"),
                            ("03", "Revenue Budget")]


def test_a_moderngov_agenda_without_numbers_reads_its_headings_past_the_furniture() -> None:
    text = (
        "Scrutiny Panel - Thursday, 5th March, 2026 6.00 pm\n\n"
        "No. Item\n\n"
        "Election of Chair for the Meeting\n\n"
        "Under the Council's procedure rules the Panel elects a chair when neither the chair "
        "nor the vice-chair is present, as the rules set out at some length.\n\n"
        "Minutes pdf icon PDF 212 KB\n\n"
        "To confirm as a correct record the minutes of the meeting held on 4th February 2026 "
        "and to authorise the chair to sign them.\n\n"
        "Additional documents:\n"
        "Public Questions\n\n"
        "To receive questions from members of the public who registered to speak in advance "
        "of the meeting under the procedure rules.\n\n"
        "View the background to item 3.\n")
    assert _items(text) == [("", "Election of Chair for the Meeting"), ("", "Minutes"),
                            ("", "Public Questions")]


def test_a_heading_run_into_the_first_item_is_split_off() -> None:
    assert _items("NOTICE OF MEETING\nLICENSING COMMITTEE\nA G E N D A 1 Apologies\n"
                  "2 Declarations of Members' Interests\n3 Licensing Policy Review\n") == [
        ("1", "Apologies"), ("2", "Declarations of Members' Interests"),
        ("3", "Licensing Policy Review")]
    assert _items("Meeting Details\nStandard Items 1 Apologies\n2 Declarations of Interest\n"
                  "3 Mayor's Business\n") == [
        ("1", "Apologies"), ("2", "Declarations of Interest"), ("3", "Mayor's Business")]


def test_moderngov_sub_item_numbers_joined_to_their_furniture_are_items_again() -> None:
    text = ("Agenda\n\nNo. Item\n\n1. Order of business\n\nAdditional documents:\n\n1.1\n\n"
            "Order of Business\n\nIncluding any notices of motion.\n\nAdditional documents:\n\n"
            "2. Appointments\n\nAdditional documents:\n\n2.1\n\n"
            "Appointments to Outside Bodies pdf icon PDF 314 KB\n\nAdditional documents:\n")
    assert _items(text) == [("1", "Order of business"), ("1.1", "Order of Business"),
                            ("2", "Appointments"), ("2.1", "Appointments to Outside Bodies")]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("12345. )ABab-–\n:"), max_size=60),
                max_size=6))
def test_tidying_never_loses_an_items_words_or_crashes(texts: list[str]) -> None:
    lines = [Line((t,), k) for k, t in enumerate(texts) if t.strip()]
    out = tidy_agenda_lines(lines, lambda line: None)
    words = " ".join(" ".join(x.cells) for x in out).split()
    for w in " ".join(x.cells[0] for x in lines).split():
        assert w.strip("-–") == "" or any(w in o for o in words) or w in ("-", "–")


def test_bullets_a_pdf_kept_as_text_are_items_too() -> None:
    layout = layout_from_text("HOLLOWMERE PARISH COUNCIL\nAGENDA\n– Welcome by the Chair\n"
                              "– Apologies for absence\n– Village Hall Lease\n")
    meeting = parse_agenda(layout, AGENDA).meeting
    assert meeting is not None
    assert [(i.number, i.title) for i in meeting.items] == [
        ("", "Welcome by the Chair"), ("", "Apologies for absence"), ("", "Village Hall Lease")]
