"""Recommendations as real papers lay them out: unlabelled, run together, after lead-ins.

Every layout here is fictional, written in a shape found in councils' published papers.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from boardpapers.parsers.report import parse_report
from boardpapers.parsers.report_recs import split_run_on
from tests.parsers.report_layouts import report_layout


def _recs(*lines: str) -> tuple[str, ...]:
    layout = report_layout(*lines)
    return parse_report(layout, 0, len(layout.blocks) - 1).recommendations


def test_recommendations_whose_heading_a_converter_dropped_stand_before_their_reasons() -> None:
    recs = _recs("# Riverside Market Licences", "# Purpose of the Report",
                 "1. To seek approval for new market licence fees.",
                 "1. That Cabinet approve the fees in Appendix A.",
                 "2. That the Head of Regulatory Services be authorised to issue the licences.",
                 "# Reasons for the Recommendations",
                 "1. To set fees that recover the cost of the service.",
                 "# Background", "2. The market has traded since 1990.")
    assert recs == ("That Cabinet approve the fees in Appendix A.",
                    "That the Head of Regulatory Services be authorised to issue the licences.")


def test_one_unlabelled_recommendation_before_its_reason() -> None:
    recs = _recs("# Purpose of the Report", "1. To report the visits made on 3 May.",
                 "To note the report.", "# Reason for the Recommendation",
                 "To inform the Committee.")
    assert recs == ("To note the report.",)


def test_numbered_recommendations_run_into_one_paragraph_are_one_each() -> None:
    recs = _recs("# Purpose of the Report", "1. To advise Cabinet of a transfer request.",
                 "1. That the report be noted. 2. That the lease of the hall be approved. "
                 "3. That the Monitoring Officer be authorised to complete the lease (subject to",
                 "# Reasons for Recommendations", "1. To follow the transfer process.")
    assert recs == ("That the report be noted.", "That the lease of the hall be approved.",
                    "That the Monitoring Officer be authorised to complete the lease (subject to")


def test_lead_in_with_items_parted_by_semicolons() -> None:
    recs = _recs("Item 7 - Grants Budget 2026/27",
                 "This report sets out the proposed grants budget for the coming year.",
                 "The Joint Committee is asked to agree: a budget of £4.2 million for 2026/27; "
                 "borough contributions of £4.2 million (i.e. the same as last year); and "
                 "that the Grants Panel review the fund in June.")
    assert recs == ("a budget of £4.2 million for 2026/27;",
                    "borough contributions of £4.2 million (i.e. the same as last year); and",
                    "that the Grants Panel review the fund in June.")


def test_numbered_asks_without_a_heading_are_one_recommendation_each() -> None:
    recs = _recs("Item 4 - Business Plan 2026/27",
                 "This paper sets out the draft business plan.",
                 "(1) The Executive is asked to note the draft plan.",
                 "(2) The Executive is asked to comment on the priorities.")
    assert recs == ("The Executive is asked to note the draft plan.",
                    "The Executive is asked to comment on the priorities.")


def test_prose_before_a_lead_in_and_furniture_after_the_items_are_left_out() -> None:
    recs = _recs("# Recommendation/s and reason/s",
                 "The Council must publish a forward plan and keep it up to date.",
                 "The Executive is requested to: confirm the updated plan; note that the plan "
                 "is updated monthly.",
                 "# Key to the plan")
    assert recs == ("confirm the updated plan;", "note that the plan is updated monthly.")


def test_a_recommendations_section_that_recommends_nothing_gives_none() -> None:
    assert _recs("# Purpose", "For information.", "# Recommendations",
                 "None – report for information.", "# Appendices", "None.") == ()


def test_the_next_numbered_section_ends_an_inline_recommendation() -> None:
    recs = _recs("Recommendation: That Members note the annual plan.",
                 "1 Planning updates", "1.1 The Authority reports twice a year on its plan.",
                 "1.2 The plan runs to 2030.")
    assert recs == ("That Members note the annual plan.",)


def test_prose_after_one_unnumbered_recommendation_is_not_another() -> None:
    recs = _recs("Annual Report of the Chair",
                 "This report makes the following recommendations to Housing, Health and "
                 "Environment Committee:", "That the report be noted.",
                 "The list below summarises what the Committee considered during the year, "
                 "and I thank all Members and officers for their work and support throughout.")
    assert recs == ("That the report be noted.",)


def test_heading_naming_who_recommends() -> None:
    recs = _recs("# 1.1 Issue for Decision", "1.1.1 To consider the annual reports.",
                 "# 1.2 Recommendation of the Head of Policy",
                 "1.2.1 That the annual reports be noted.", "# 1.3 Reasons for Recommendation",
                 "1.3.1 The constitution requires it.")
    assert recs == ("That the annual reports be noted.",)


def test_bare_and_decimal_numbers_run_together() -> None:
    assert split_run_on("Approval is requested to: 1 To approve the rent rise. "
                        "2 To approve the service charges.") == [
        "Approval is requested to:", "1 To approve the rent rise.",
        "2 To approve the service charges."]
    assert split_run_on("1.1 That the Committee notes the closure. 1.2 That officers report "
                        "in May.") == ["1.1 That the Committee notes the closure.",
                                       "1.2 That officers report in May."]
    assert split_run_on("Approve the figures in paragraphs 2.1 and 2.2 of the report.") == [
        "Approve the figures in paragraphs 2.1 and 2.2 of the report."]


@given(st.text(max_size=300))
def test_split_run_on_parts_are_pieces_of_the_text_in_order(text: str) -> None:
    parts = split_run_on(text)
    assert parts
    rest = text
    for part in parts:
        assert part in rest
        rest = rest[rest.index(part) + len(part):]


def test_items_a_pdf_wrapped_onto_lines_of_their_own() -> None:
    recs = _recs("# Purpose of the Report", "1. To seek views on the review of school places.",
                 "1. To note the additional information about the school places review.",
                 "2. To agree that the Council's response be considered by the Scrutiny "
                 "Committee on 18th",
                 "February and sent by the Cabinet Member afterwards.",
                 "# Reasons for the Recommendations", "1. To respond in time.")
    assert recs == ("To note the additional information about the school places review.",
                    "To agree that the Council's response be considered by the Scrutiny Committee "
                    "on 18th February and sent by the Cabinet Member afterwards.")


def test_semicolon_list_whose_lines_a_converter_ran_together() -> None:
    recs = _recs("The Joint Committee is asked to agree:",
                 "a budget of £4.2 million for 2026/27;",
                 "that boroughs be told of the budget by 1 February; that £120,000 be set aside "
                 "for the costs of running the scheme by the",
                 "Joint Committee's staff; and",
                 "that the Grants Panel review the fund in June.")
    assert recs == ("a budget of £4.2 million for 2026/27;",
                    "that boroughs be told of the budget by 1 February;",
                    "that £120,000 be set aside for the costs of running the scheme by the Joint "
                    "Committee's staff; and",
                    "that the Grants Panel review the fund in June.")


def test_resolutions_after_the_recommendations_are_not_recommendations() -> None:
    recs = _recs("# Recommendations", "Option a", "# Consultation feedback",
                 "1. Select Committee recommendations", "RESOLVED a.",
                 "THAT £50,000 for the skills scheme be reinstated.")
    assert "THAT £50,000 for the skills scheme be reinstated." not in recs
    assert not any(r.startswith("RESOLVED") for r in recs)


def test_a_key_to_the_list_after_the_items_is_not_an_item() -> None:
    recs = _recs("# Recommendation/s and reason/s", "The Executive is requested to:",
                 "- confirm the updated plan;", "- note that the plan is updated monthly.",
                 "- Key:", "Strategic – key corporate plans", "Operational – service delivery")
    assert recs == ("confirm the updated plan;", "note that the plan is updated monthly.")


def _purpose(*lines: str) -> str | None:
    layout = report_layout(*lines)
    return parse_report(layout, 0, len(layout.blocks) - 1).purpose


def test_purpose_answered_by_a_paper_type_the_reader_took_for_a_heading() -> None:
    assert _purpose("# Purpose of Report", "# Decision",
                    "This report makes the following recommendation to the Council:",
                    "1. That the pay policy be approved.") == "Decision"


def test_purpose_value_broken_from_its_label() -> None:
    assert _purpose("Purpose", ": for Decision", "# Report to the Executive",
                    "1. The Executive deferred the budget.") == "for Decision"


def test_summary_and_purpose_section_says_what_the_paper_is_for() -> None:
    assert _purpose("Purpose : for Decision", "# SUMMARY/PURPOSE",
                    "1. To approve the priorities for the risk plan.", "# BACKGROUND",
                    "2. The plan was approved in April.") == (
        "To approve the priorities for the risk plan.")
    assert _purpose("# Summary and Purpose", "To receive the views of the Planning Committee.",
                    "# Introduction", "1. The Committee met in May.") == (
        "To receive the views of the Planning Committee.")
