"""The genre classifier: scored features with evidence, and the paper's language."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from boardpapers.genre import classify
from boardpapers.model.layout import Block, BlockKind, Layout, Source, join_blocks
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


def test_planning_application_report_without_purpose_heading_is_a_report() -> None:
    """A planning committee report is known by its reference, side headings, the
    'RECOMMENDATION:' lead-in and its 'Report Author' line."""
    result = classify(report_layout(
        "Kestrel Dale National Park Authority – Planning Committee", "8.",
        "FULL APPLICATION – CONVERSION OF STONE BARN (KD/25/0312/FUL, JB)", "APPLICANT:",
        "Ms P Example", "Site and Surroundings", "A field barn in open pasture.", "Proposal",
        "Conversion to a holiday let.", "RECOMMENDATION:",
        "That the application be APPROVED subject to the following conditions:",
        "1. Time limit.", "2. Plans.", "Consultations", "Parish Council – supports.",
        "Representations", "One letter of support.", "Main Policies", "Policy L3.",
        "Report Author: Jo Bramley, Planning Officer"))
    assert result.genre == "report"
    assert any("planning application report" in e for e in result.evidence)


def _label_table(*rows: tuple[str, str]) -> Block:
    return Block(BlockKind.TABLE, "\n".join("\t".join(r) for r in rows), rows=tuple(rows))


def test_record_of_decision_with_front_sheet_table_is_other_read_as_a_report() -> None:
    """A Word record of a cabinet member decision: its header fields sit in a table. The
    real-paper conventions (issue 13) file a decision taken as "other"; it is still read
    by the report parser."""
    blocks, text = join_blocks([
        Block(BlockKind.HEADING, "EXAMPLESHIRE COUNTY COUNCIL", level=1),
        Block(BlockKind.HEADING, "Record of Decision", level=1),
        _label_table(("Decision taker:", "Councillor A Example, Cabinet Member"),
                     ("Key decision:", "Yes"), ("Divisions affected:", "Northfield")),
        Block(BlockKind.HEADING, "Decision", level=2),
        Block(BlockKind.PARAGRAPH, "I have decided to:"),
        Block(BlockKind.LIST_ITEM, "approve the scheme.", marker="1."),
        Block(BlockKind.HEADING, "Reasons for the decision", level=2),
        Block(BlockKind.PARAGRAPH, "Collisions on the road have risen."),
    ])
    result = classify(Layout(Source("d.docx", "0" * 64, "docx"), blocks, text))
    assert (result.genre, result.read_as) == ("other", "report")
    assert dict(result.scores)["report"] > 0  # its header fields still count as a report's
    assert any("Record of Decision" in e for e in result.evidence)


def test_licensing_notice_of_determination_is_minutes_of_a_hearing() -> None:
    result = classify(report_layout(
        "EXAMPLE DISTRICT COUNCIL", "LICENSING ACT 2003", "NOTICE OF DETERMINATION",
        "Hearing: Licensing Sub-Committee", "Date of hearing: Tuesday 14 October 2025",
        "Venue: Committee Room A", "Sub-Committee members: Councillor A Example (Chair)",
        "Decision", "The Sub-Committee has decided to GRANT the application.", "Reasons",
        "The Sub-Committee had regard to the licensing objectives.", "Right of appeal",
        "Any party may appeal to the Magistrates' Court within 21 days."))
    assert result.genre == "minutes"
    assert any("Notice of Determination" in e for e in result.evidence)


def test_press_release_is_a_briefing() -> None:
    result = classify(report_layout(
        "NEWS RELEASE", "For immediate release: 8 October 2025",
        "£1 million for Exampletown's parks",
        "Example District Council has approved a programme of park improvements.",
        "Notes to editors", "1. The parks cover 40 hectares.", "Media enquiries",
        "Communications Team, 01632 960000", "Ends"))
    assert result.genre == "briefing"
    assert any("'News release' masthead" in e for e in result.evidence)


def test_pandoc_attributes_do_not_hide_moderngov_labels() -> None:
    """Pandoc keeps a web page's ids and classes: '## Items {#items .mgSectionTitle}'."""
    page = ("Agenda and minutes {#agenda-and-minutes .mgMainTitleTxt}",
            "Cabinet - Wednesday, 9th July, 2025 6.00 pm {#cabinet .mgSubTitleTxt}",
            "[Venue: ]{.mgLabel}Council Chamber, Civic Centre",
            "[Contact: ]{.mgLabel}Democratic Services", "Items {#items .mgSectionTitle}",
            "1. Apologies for Absence Minutes: Apologies were received.",
            "2. Budget PDF 180 KB Minutes: RESOLVED: That the budget be approved.",
            "3. Fees PDF 120 KB Minutes: RESOLVED: That the fees be approved.",
            "Present: Councillors A, B and C")
    assert classify(report_layout(*page)).genre == "agenda_and_minutes"


def test_flattened_table_header_purpose_column_is_not_a_report_heading() -> None:
    """pdftotext puts an agenda table's header cells one per line: 'Purpose' among
    'Item', 'Title', 'Lead' and 'Time' is a column, not the report template."""
    result = classify(report_layout(
        "EXAMPLE HEALTH AND WELLBEING BOARD", "AGENDA", "Item", "Title", "Lead", "Purpose",
        "Time", "1", "Welcome and apologies", "Chair", "2.00", "2", "Declarations of interest",
        "Chair", "2.05", "3", "Any other business", "Chair", "3.50",
        "Contact: Ann Example, Democratic Services, 01632 960000"))
    assert result.genre == "agenda"
