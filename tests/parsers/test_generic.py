"""The fallback parser for papers of no known genre: title, date and body."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from boardpapers.model.classification import Classification
from boardpapers.model.layout import Layout
from boardpapers.parsers.generic import parse_other
from tests.parsers.report_layouts import report_layout

OTHER = Classification("other")


def test_single_page_running_header_is_not_the_title() -> None:
    """A one-page forward plan keeps its running header as text: it is furniture."""
    paper = parse_other(report_layout(
        "Exampleton Borough Council – Forward Plan", "EXAMPLETON BOROUGH COUNCIL",
        "# Forward Plan of Key Decisions",
        "Published: 1 October 2025. Covering the period 1 November 2025 to 28 February 2026.",
        "This plan gives 28 clear days' notice of the key decisions."), OTHER)
    assert paper.title == "Forward Plan of Key Decisions"
    assert paper.date == "2025-10-01"
    assert paper.body == "Exampleton Borough Council"


def test_consultation_response_title_wrapped_date_line_and_body_from_title() -> None:
    paper = parse_other(report_layout(
        "Example Councils Association – consultation response",
        "Example Councils Association response to the consultation on the reform of the New Homes",
        "Bonus", "Wednesday 24 September 2025", "Key messages", "Councils support the aim."), OTHER)
    assert paper.title == ("Example Councils Association response to the consultation on the "
                           "reform of the New Homes Bonus")
    assert paper.date == "2025-09-24"
    assert paper.body == "Example Councils Association"


def test_date_only_in_running_footer() -> None:
    plain = report_layout("Statement of Accounts Notice", "The accounts are open to inspection.")
    layout = Layout(plain.source, plain.blocks, plain.text,
                    metadata={"running_footers": "Audit Notice | 3 June 2025"})
    assert parse_other(layout, OTHER).date == "2025-06-03"
    assert parse_other(plain, OTHER).date is None


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(max_size=100), max_size=20))
def test_any_lines_give_a_paper(lines: list[str]) -> None:
    paper = parse_other(report_layout(*lines), OTHER)
    assert paper.genre == "other"
    assert paper.title is None or isinstance(paper.title, str)
