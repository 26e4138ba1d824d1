"""The genre classifier: scored features with evidence, and the paper's language."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from boardpapers.genre import classify
from boardpapers.layout import Layout, Source
from tests.conftest import seed
from tests.parsers.report_layouts import report_layout

REPORT = ("Household waste review", "Purpose of report", "For decision.", "Summary",
          "The review covers the six recycling centres.", "Recommendation",
          "That Cabinet approves the new hours.", "Contact officer: Ann Example",
          "Financial implications", "The change saves money.", "Equalities implications",
          "None identified.")
AGENDA = ("Cabinet", "Agenda", "Tuesday 4 June 2024 at 10.00 am",
          "To: Members of the Cabinet", "1. Apologies for absence",
          "2. Declarations of interest", "3. Minutes of the previous meeting 1 - 6",
          "4. Household waste review 7 - 20", "5. Budget monitoring 21 - 30",
          "6. Any other business", "Date of next meeting: 2 July 2024")
MINUTES = ("Minutes of the meeting of the Cabinet held on 4 June 2024",
           "Present: Councillors A, B and C", "Apologies for absence were received from D.",
           "1. Minutes", "RESOLVED that the minutes of the meeting on 7 May be approved.",
           "2. Household waste review", "RESOLVED that the new hours be approved.",
           "The meeting closed at 11.05 am.")
BRIEF = ("POLICY BRIEF", "A weekly round up of local government news", "14 JUNE 2024",
         "COUNCIL WINS TRANSPORT FUNDING FOR NEW BUS LANES", "Text of the story.",
         "https://example.org/a", "NEW HOUSING TARGETS PUBLISHED FOR THE REGION",
         "More text.", "https://example.org/b", "TRAINING EVENTS FOR COUNCILLORS THIS MONTH",
         "https://example.org/c")


def test_report_template_is_a_report_with_evidence() -> None:
    result = classify(report_layout(*REPORT))
    assert result.genre == "report"
    assert any("Purpose of report" in e for e in result.evidence)
    assert result.language == "en"


def test_agenda_front_matter_is_an_agenda() -> None:
    result = classify(report_layout(*AGENDA))
    assert result.genre == "agenda"
    assert any("standing agenda items" in e for e in result.evidence)


def test_agenda_with_reports_behind_it_is_a_pack() -> None:
    result = classify(report_layout(*AGENDA, *REPORT, *REPORT))
    assert result.genre == "agenda_pack"
    assert any("report template" in e for e in result.evidence)


def test_minutes() -> None:
    result = classify(report_layout(*MINUTES))
    assert result.genre == "minutes"
    assert any("minute wording" in e for e in result.evidence)


def test_weekly_brief_is_a_briefing() -> None:
    assert classify(report_layout(*BRIEF)).genre == "briefing"


def test_blank_or_odd_documents_are_other() -> None:
    assert classify(report_layout("x")).genre == "other"
    assert classify(Layout(Source("e.txt", "0" * 64, "txt"), ())).genre == "other"
    odd = classify(report_layout("Shopping list", "Eggs, flour and milk for the weekend."))
    assert odd.genre == "other"


def test_welsh_and_bilingual_language() -> None:
    welsh = classify(report_layout(
        "Adroddiad i'r Pwyllgor", "Diben yr Adroddiad",
        "Rhoi diweddariad i'r Pwyllgor ar y gwaith sydd wedi ei wneud gan y Cyngor.",
        "Argymhellion", "Bod y Pwyllgor yn nodi'r adroddiad a'r camau nesaf.",
        "Cefndir", "Mae'r Cyngor wedi bod yn gweithio gyda'r cymunedau ac mae hyn yn bwysig."))
    assert welsh.language == "cy"
    assert welsh.genre == "report"
    both = classify(report_layout(
        "Diben yr Adroddiad / Purpose of the Report",
        "Mae'r adroddiad hwn yn rhoi diweddariad i'r Cabinet ar y gwaith sydd wedi ei wneud. "
        "This report gives the Cabinet an update on the work that has been done by the council.",
        "Argymhelliad / Recommendation",
        "Bod y Cabinet yn nodi'r perfformiad a'r camau nesaf yn y sir. / That the Cabinet "
        "notes the performance and the next steps in the county for this year.",
        "Swyddog Cyswllt / Contact Officer", "Enw / Name: Elin Example"))
    assert both.language == "bilingual"
    assert both.genre == "report"


def test_seed_genres() -> None:
    from boardpapers import readers

    expected = {"000": "briefing", "001": "summary", "002": "agenda_pack", "003": "report",
                "004": "report"}
    for prefix, genre in expected.items():
        assert classify(readers.read(seed(prefix))).genre == genre, prefix


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(max_size=120), max_size=30))
def test_any_text_classifies(lines: list[str]) -> None:
    result = classify(report_layout(*lines))
    assert result.genre in ("agenda_pack", "report", "agenda", "minutes",
                            "agenda_and_minutes", "briefing", "summary", "other")
    assert result.language in ("en", "cy", "bilingual")
    assert result.evidence


def test_moderngov_pages_with_and_without_minutes() -> None:
    page = ("Agenda and minutes", "Cabinet - Tuesday, 4th June, 2024 10.00 am",
            "Venue: Council Chamber", "Contact: Democratic Services", "Items", "Item No.",
            "1.", "Apologies for absence", "Minutes:", "Apologies were received from Cllr A.",
            "2.", "Budget monitoring PDF 240 KB", "Minutes:",
            "RESOLVED that the report be noted.")
    assert classify(report_layout(*page)).genre == "agenda_and_minutes"
    agenda_only = ("Agenda", "Cabinet - Tuesday, 4th June, 2024 10.00 am",
                   "Venue: Council Chamber", "Contact: Democratic Services", "Items", "Item No.",
                   "1.", "Apologies for absence", "2.", "Declarations of interest",
                   "3.", "Budget monitoring PDF 240 KB")
    assert classify(report_layout(*agenda_only)).genre == "agenda"


def test_lga_minutes_of_last_board_meeting_are_minutes() -> None:
    """The LGA titles its notes "Minutes of last <Board> meeting"; an agenda's item
    "Minutes of the last meeting" does not make it minutes."""
    from boardpapers.readers.text import text_to_layout

    text = ("**Minutes of last Housing and Planning Board meeting**\n\n"
            "**Title:** Housing and Planning Board\n\n**Date:** Thursday 6 March 2025\n\n"
            "**Venue:** Room 3, 10 Example Street, London\n\n"
            "Item\tDecisions and actions\tAction\n"
            "1\tWelcome and apologies\tThe Chair welcomed members.\t\n"
            "2\tHousing delivery update\tMembers noted the update.\tOfficers\n")
    result = classify(text_to_layout(text, Source("m.md", "0" * 64, "md"), markdown=True))
    assert result.genre == "minutes"
    assert any("'Minutes' title" in e for e in result.evidence)
    agenda = classify(report_layout(*AGENDA[:5], "3. Minutes of the last meeting 1 - 6",
                                    *AGENDA[7:]))
    assert agenda.genre == "agenda"
