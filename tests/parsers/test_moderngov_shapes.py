"""ModernGov and CMIS "agenda and minutes" pages as page stores flatten them (fictional
pages): a site's A-Z index above the items, headings run into the first item, items whose
number is the next one but whose title reads like a sentence, link furniture."""

from __future__ import annotations

from boardpapers.model.classification import Classification
from boardpapers.model.layout import Source
from boardpapers.parsers.agenda_lines import without_run_in_head
from boardpapers.parsers.minutes import parse_agenda_and_minutes
from boardpapers.readers.text import text_to_layout

PAGE = Classification("agenda_and_minutes")


def _items(text: str) -> list[tuple[str, str]]:
    layout = text_to_layout(text, Source("page.txt", "0" * 64, "txt"))
    meeting = parse_agenda_and_minutes(layout, PAGE).meeting
    assert meeting is not None
    return [(i.number, i.title) for i in meeting.items]


def test_a_sites_a_to_z_index_is_not_the_agenda() -> None:
    index = "".join(f"  {k}. {letter}\n" for k, letter in enumerate(
        ["A", "B", "C", "Ch", "D", "Dd", "E", "F", "Ff"], start=2))
    text = ("1. A-Y o'n Gwasanaethau\n" + index + "\n11. G\n\nAgenda a chofnodion\n\n"
            "Eitemau\nRhif eitem\n\n1.\n\nYmddiheuriadau\n\nCofnodion:\n\nDim.\n\n"
            "2.\n\nDatganiadau o ddiddordeb\n\nCofnodion:\n\nDim.\n\n"
            "3.\n\nCofnodion y Cyfarfod Diwethaf pdf icon PDF 127 KB\n\nCofnodion:\n\n"
            "Derbyniwyd y cofnodion.\n")
    assert _items(text) == [("1", "Ymddiheuriadau"), ("2", "Datganiadau o ddiddordeb"),
                            ("3", "Cofnodion y Cyfarfod Diwethaf")]


def test_the_next_number_opens_an_item_even_when_its_title_reads_like_a_sentence() -> None:
    text = (
        "Agenda and minutes\n\nCABINET - Thursday, 12th March, 2026 7.00 pm\n\n"
        "Contact: Ruth Amery, Democratic Services Officer\n\nItems\nNo. Item\n\n"
        "141. Apologies for Absence\n\nMinutes:\n\nApologies were received from Councillor "
        "Hart.\n\n"
        "142. Declarations of Interest\n\nMinutes:\n\nNone were declared.\n\n"
        "143. To approve the minutes of the last Cabinet meeting held on 12 February 2026 "
        "pdf icon PDF 120 KB\n\nMinutes:\n\nThe minutes were agreed as a correct record.\n\n"
        "144. Code of Conduct - Declaration of Interests. Relevant Authorities (Disclosable "
        "Pecuniary Interests) Regulations 2012\n\nMinutes:\n\nNo issues were raised.\n")
    assert _items(text) == [
        ("141", "Apologies for Absence"), ("142", "Declarations of Interest"),
        ("143", "To approve the minutes of the last Cabinet meeting held on 12 February 2026"),
        ("144", "Code of Conduct - Declaration of Interests. Relevant Authorities "
                "(Disclosable Pecuniary Interests) Regulations 2012")]


def test_a_resolutions_numbered_that_clause_is_not_an_item() -> None:
    text = ("Agenda and minutes\n\nNo. Item\n\n7. Budget Monitoring\n\nMinutes:\n\n"
            "RESOLVED:\n\n8. That the forecast outturn be noted.\n\n"
            "8. Fees and Charges\n\nMinutes:\n\nAgreed.\n")
    assert _items(text) == [("7", "Budget Monitoring"), ("8", "Fees and Charges")]


def test_headings_run_into_the_first_item_are_taken_off() -> None:
    assert without_run_in_head("Part A 1 Welcome and Announcements") == (
        "1 Welcome and Announcements")
    assert without_run_in_head("No. Item 1a") == "1a"
    assert without_run_in_head("Standard Items 1 Apologies") == "1 Apologies"
    assert without_run_in_head("Part of the site 1 plan") == "Part of the site 1 plan"
    text = ("Meeting Details\n\nCouncil\n21 Feb 2026 - 18:00 to 21:00\n\nDocuments\n\nAgenda\n\n"
            "Part A\n1 Welcome and Announcements (Council)\nThe Mayor will welcome everyone "
            "and explain what to do in an emergency.\n2 Have Your Say! (Council)\nThe Mayor "
            "will invite members of the public to speak.\n")
    assert _items(text) == [("1", "Welcome and Announcements (Council)"),
                            ("2", "Have Your Say! (Council)")]


def test_cms_chrome_and_a_sederunt_of_names_are_not_items() -> None:
    text = ("Skip to main content\n\nYou are in Meetings\n\nMeeting Details\n\nMeeting Summary\n"
            "Glenmuir Licensing Board\n20 Mar 2026 - 09:30 to 11:00\n\nCommittee Members\n\n"
            "Sederunt\n\nMoira GALBRAITH\n\nJulia M STURGEON\n\nGeorge de VERNON\n\n"
            "Standard Items\n\nDeclarations of Interest\n\nThere were no declarations.\n\n"
            "Items Of Business\n\nPREMISES LICENCE REVIEW\n\nThe Board considered a report.\n")
    assert [t for _, t in _items(text)] == ["Declarations of Interest", "PREMISES LICENCE REVIEW"]


def test_a_page_line_with_its_papers_pdf_icon_or_first_under_no_item_opens_an_item() -> None:
    text = ("Agenda, decisions and minutes\n\nHealth Board - Tuesday, 20th January, 2026 10.00 am"
            "\n\nNo. Item\n"
            "RECOMMENDATION I - Terms of Reference of the Children and Young People Scrutiny "
            "Sub-Committee and its Panels\n"
            "The Committee considered the terms of reference of its sub-committee at length.\n\n"
            "Minute of Previous Board Meeting - 18 November 2025 pdf icon PDF 150 KB\n"
            "The Board had before it the draft minute of its previous meeting.\n")
    assert [t for _, t in _items(text)] == [
        "RECOMMENDATION I - Terms of Reference of the Children and Young People Scrutiny "
        "Sub-Committee and its Panels",
        "Minute of Previous Board Meeting - 18 November 2025"]
