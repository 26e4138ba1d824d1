"""Report contact officers in the shapes real papers give them, and report templates in
papers of no report genre. Every name, number and address here is fictional."""

from __future__ import annotations

from boardpapers.model.classification import Classification
from boardpapers.model.paper import ContactOfficer
from boardpapers.parsers.contacts_block import read_contacts
from boardpapers.parsers.generic import parse_other
from boardpapers.parsers.report import parse_report, parse_report_paper
from tests.parsers.report_layouts import report_layout

OTHER = Classification("other")


def _officers(*lines: str) -> tuple[ContactOfficer, ...]:
    layout = report_layout(*lines)
    return parse_report(layout, 0, len(layout.blocks) - 1).contact_officers


def test_relevant_officer_line_is_the_contact() -> None:
    assert _officers("# Matter for consideration", "1.1 To consider the progress report.",
                     "Relevant officer: Rhona Vale, Director of Places Tel: (01632) 960447",
                     "Background papers: None.") == (
        ContactOfficer("Rhona Vale", "Director of Places", "(01632) 960447"),)


def test_label_broken_over_two_lines_with_its_value_on_the_second() -> None:
    officers = _officers("# Recommendations", "None – report for information.", "Contact",
                         "Point: Owen Marsh, ( 5091, or 01632 960091, Email: owen@example.gov.uk")
    assert officers == (ContactOfficer("Owen Marsh", None, "01632 960091", "owen@example.gov.uk"),)


def test_phone_in_brackets_after_the_name() -> None:
    assert read_contacts(["Contact officer: Jane Doe (tel. 01632 555123)"])[0] == (
        ContactOfficer("Jane Doe", None, "01632 555123"),)
    assert read_contacts(["Contact: Jane Doe, Head of Finance (Interim), 01632 555123"])[0] == (
        ContactOfficer("Jane Doe", "Head of Finance (Interim)", "01632 555123"),)


def test_tel_no_label_is_not_part_of_the_name_and_a_full_stop_ends_the_address() -> None:
    assert read_contacts(["Contact: Sam Hale Tel No. 01632 960551 Email: sam.hale@example.gov.uk.",
                          "Consultation process"])[0] == (
        ContactOfficer("Sam Hale", None, "01632 960551", "sam.hale@example.gov.uk"),)


def test_two_officers_on_one_contact_line() -> None:
    line = ("Contact: Nia Price, Assistant Director Finance Email: nia.price@example.gov.uk "
            "Tel: 01632 960845, Ravi Shah, Performance Team Leader Email: ravi.shah@example.gov.uk "
            "Tel: 01632 960556.")
    assert read_contacts([line])[0] == (
        ContactOfficer("Nia Price", "Assistant Director Finance", "01632 960845",
                       "nia.price@example.gov.uk"),
        ContactOfficer("Ravi Shah", "Performance Team Leader", "01632 960556",
                       "ravi.shah@example.gov.uk"))


def test_officers_consulted_heading_is_not_a_contact() -> None:
    assert _officers("# Contact Officer", "Mr. T. Wynne, Scrutiny Officer, Tel: (01632) 960855",
                     "Officers Consulted", "Responsible Officer:", "Ann Bell, Chief Executive") == (
        ContactOfficer("Mr. T. Wynne", "Scrutiny Officer", "(01632) 960855"),)


def test_forward_plan_entry_of_no_report_genre_keeps_its_purpose_and_contact() -> None:
    paper = parse_other(report_layout(
        "Issue details", "# Annual Review of Parking Permits",
        "Purpose of Report: To consider changes to resident parking permits.",
        "Decision type: Non-key", "Lead director: Director of Place",
        "Contact: Lee Park Tel No. 01632 960497 Email: lee.park@example.gov.uk."), OTHER)
    (report,) = paper.reports
    assert report.purpose == "To consider changes to resident parking permits."
    assert report.contact_officers == (
        ContactOfficer("Lee Park", None, "01632 960497", "lee.park@example.gov.uk"),)


def test_decision_record_of_no_report_genre_has_no_recommendations() -> None:
    paper = parse_other(report_layout(
        "Decision details", "Decision status: Recommendations Approved", "Purpose:",
        "The tax base must be set before the end of January.", "Decision:",
        "The tax base for 2026/27 shall be 41,250", "Publication date: 19/12/2025"), OTHER)
    (report,) = paper.reports
    assert report.recommendations == ()
    assert report.purpose == "The tax base must be set before the end of January."


def test_agenda_business_asks_are_no_report() -> None:
    paper = parse_other(report_layout(
        "Parish Council meeting", "1. Apologies for absence",
        "2. Members are asked to declare any interests in items on the agenda.",
        "3. Public participation"), OTHER)
    assert paper.reports == ()


def test_decision_record_read_as_a_report_has_no_recommendations() -> None:
    layout = report_layout(
        "Decision details", "Decision Maker: Head of Finance",
        "Decision status: Recommendations Approved", "Purpose:",
        "The tax base must be set before the end of January.", "Decision:",
        "The tax base for 2026/27 shall be 41,250", "Publication date: 19/12/2025")
    paper = parse_report_paper(layout, Classification("other", read_as="report"))
    assert paper.reports[0].recommendations == ()
    assert parse_report_paper(layout, Classification("report")).reports[0].recommendations
