"""Cover sheets flattened into one paragraph: labels found wherever they stand.

Fictional text in the shapes page stores and aggregators leave real reports in.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from boardpapers.parsers.report import parse_report
from boardpapers.vocab import labels
from boardpapers.vocab.labels import fields_anywhere, match_label, split_fields
from tests.parsers.report_layouts import report_layout

APPROVE = "That the Panel approves the programme of works in the report."
COVER = ("Part 1 (Open to the public) ITEM NO. REPORT OF THE DIRECTOR OF PLACE TO THE Planning "
         "Panel ON Thursday, 2 May 2024 TITLE : Street Lighting Review RECOMMENDATIONS : That "
         "the Panel approves the programme of works in the report. EXECUTIVE SUMMARY : This "
         "report sets out the second year of the lighting programme. ASSESSMENT OF RISK: Low "
         "CONTACT OFFICER : Peter Okafor KEY DECISION : WARD(S) TO WHICH REPORT RELATE(S): "
         "Northgate; Southgate;")

RENT = ("REPORT OF THE HEAD OF HOUSING TO THE LEAD MEMBER FOR HOUSING ON MONDAY 5TH FEBRUARY "
        "2024 Subject: Garage Rents ________________ RECOMMENDATIONS: Approval is requested to: "
        "1 To approve a rent of £9.50 per week (52 week basis) from 1 April 2024 (Appendix one "
        "refers). 2 To approve the waiting list policy. EXECUTIVE SUMMARY: This report sets "
        "the garage rents for 2024/25. CONTACT OFFICER: ")


def test_fields_of_a_flattened_cover_sheet() -> None:
    fields = {f.kind: f.value for f in fields_anywhere(COVER)}
    assert fields["subject"] == "Street Lighting Review"
    assert fields["recommendations"] == APPROVE
    assert fields["contact"] == "Peter Okafor"
    assert fields["key_decision"] == ""


def test_flattened_cover_sheet_gives_recommendation_and_contact() -> None:
    layout = report_layout(COVER)
    report = parse_report(layout, 0, 0)
    assert report.recommendations == (APPROVE,)
    assert [o.name for o in report.contact_officers] == ["Peter Okafor"]


def test_flattened_numbered_recommendations_with_bare_numbers() -> None:
    report = parse_report(report_layout(RENT), 0, 0)
    assert report.recommendations == (
        "To approve a rent of £9.50 per week (52 week basis) from 1 April 2024 (Appendix one "
        "refers).", "To approve the waiting list policy.")
    assert report.contact_officers == ()


def test_capitals_section_run_into_its_numbered_paragraph() -> None:
    layout = report_layout("3 1. RECOMMENDATION 1.1 That the Committee notes the closure of the "
                           "project")
    assert parse_report(layout, 0, 0).recommendations == (
        "That the Committee notes the closure of the project",)


def test_prose_with_a_colon_or_two_is_not_a_cover_sheet() -> None:
    prose = ("The meeting heard from residents: their concerns were about parking and noise "
             "late at night, which the operator said it would address. Date: to be confirmed "
             "when the operator has consulted its neighbours and the ward members.")
    assert fields_anywhere(prose) == ()


def test_one_lexicon_for_lines_and_flattened_text() -> None:
    """Every wording the flattened-text path knows is a label of the same kind on its own line."""
    for kind, wordings in labels._INLINE_LABELS:
        for wording in _samples(wordings):
            label = match_label(f"{wording}: value")
            assert label is not None and label.kind == kind, wording
            assert split_fields(f"{wording}: value Date: 1 May 2024")[0].kind == kind


def _samples(alternation: str) -> list[str]:
    """Plain alternatives of a wording pattern ("contact officers?" -> "contact officer")."""
    out = []
    depth = 0
    alt = ""
    for char in alternation + "|":
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            if not any(c in alt for c in "()[]\\"):
                out.append(alt.replace("s?", "s").replace("?", ""))
            alt = ""
        else:
            alt += char
    return out


@given(st.text(max_size=400))
def test_fields_anywhere_never_fails_and_values_come_from_the_text(text: str) -> None:
    for field in fields_anywhere(text):
        assert field.value in labels._fields_form(text)


def test_flattened_cover_sheet_a_pdf_broke_into_paragraphs() -> None:
    first, second = RENT.split(" (Appendix one refers). ")
    layout = report_layout(first, f"(Appendix one refers). {second}")
    report = parse_report(layout, 0, 1)
    assert report.recommendations == (
        "To approve a rent of £9.50 per week (52 week basis) from 1 April 2024 (Appendix one "
        "refers).", "To approve the waiting list policy.")
