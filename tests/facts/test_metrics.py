"""Programme figures: the number, what it counts, and what is not a figure."""

from __future__ import annotations

import pytest

from boardpapers.facts.metrics import find_metrics

# (text, written, value, unit, subject)
CASES = [
    ("As of week ending 19 February 2021, 192 councils have participated in a panel.",
     "192 councils", 192, "councils", "councils have participated"),
    ("a record 7429 applicants this year", "7429 applicants", 7429, "applicants",
     "applicants"),
    ("a record 7,429 applicants this year", "7,429 applicants", 7429, "applicants",
     "applicants"),
    ("Turnout rose to 28% this year.", "28%", 28, "%", ""),
    ("There are currently 602 members, including", "602 members", 602, "members", "members"),
    ("Overall, over 5,000 attendees took part", "over 5,000 attendees", 5000, "attendees",
     "attendees"),
    ("As of January 2021, 465 individual coaching hours had been completed.",
     "465 individual coaching hours", 465, "hours",
     "individual coaching hours had been completed"),
    ("training events with 1700 councillors and officer places taken up",
     "1700 councillors and officer places", 1700, "places", "councillors and officer places"),
    ("for 44 different service-specific assignments.",
     "44 different service-specific assignments", 44, "assignments",
     "different service-specific assignments"),
    ("to create an additional 74,000 jobs and £4 billion of GVA", "74,000 jobs", 74000,
     "jobs", "jobs"),
    ("a public event for which 300 people registered and", "300 people", 300, "people",
     "people registered"),
    ("Stevenage - 30 new homes over two sites", "30 new homes", 30, "homes", "new homes"),
    ("45 per cent of respondents agreed", "45 per cent", 45, "%", "of respondents"),
    ("supporting c.700 projects.", "c.700 projects", 700, "projects", "projects"),
    ("reaching 1.2 million people", "1.2 million people", 1_200_000, "people", "people"),
    ("a site of 8,500m2 near the station", "8,500m2", 8500, "m2", "m2"),
    ("Barracks - 14.85 hectares", "14.85 hectares", 14.85, "hectares", "hectares"),
    ("1.2m sq ft of commercial space", "1.2m sq ft", 1_200_000, "sq ft", "sq ft"),
    ("Every 6 months managers are invited", "6 months", 6, "months", "months"),
    ("has accommodated 300 Syrian refugees since 2015", "300 Syrian refugees", 300,
     "refugees", "Syrian refugees"),
    ("places for 24 member authorities during the year", "24 member authorities", 24,
     "authorities", "member authorities"),
]


@pytest.mark.parametrize(("text", "written", "value", "unit", "subject"), CASES)
def test_metrics(text: str, written: str, value: float, unit: str, subject: str) -> None:
    found = find_metrics(text, 4)
    assert found, text
    metric = found[0]
    assert (metric.text, metric.value, metric.unit, metric.subject) == (
        written, value, unit, subject)
    assert text[metric.span.start:metric.span.end] == written
    assert metric.span.block == 4


def test_qualifier_marks_the_figure_approximate() -> None:
    [metric] = find_metrics("nearly 400 people attended", 0)
    assert (metric.approximate, metric.qualifier, metric.value) == (True, "nearly", 400)
    [exact] = find_metrics("400 people attended", 0)
    assert (exact.approximate, exact.qualifier) == (False, None)


def test_several_figures_in_one_sentence() -> None:
    text = "planning had 48 candidates, with 25 councils engaged; ICT had 77 candidates"
    assert [(m.value, m.unit) for m in find_metrics(text, 0)] == [
        (48, "candidates"), (25, "councils"), (77, "candidates")]


@pytest.mark.parametrize("text", [
    "£60m contract", "worth £2.1bn to the region", "on 5 March 2021", "in 2027",
    "Membership 2020/2021", "7. The board noted the report", "2.1 councils will be asked",
    "1) councils", "Cohort 22 started", "Phase 8, which included", "Appendix 1 sets out",
    "the COVID-19 pandemic", "see pages 9 - 24", "a return of over 3:1",
    "Group Office: 020 7664 3223", "Tel 01234 567890", "at 11.00 am", "from 10.00 -11.00am",
    "Cllr Ann Smith\tWestshire Council\t12 years", "page 12 of the report", "paragraph 4 below",
    "In 2021 councils met", "Item 4 Minutes", "the M25 motorway", "Conservative ( 8 )",
    "7 The councils agreed", "with 20 Local Authorities", "10.00 am to 1.00 pm", "at 10am",
    "Issue 18 councils",
])
def test_not_metrics(text: str) -> None:
    assert find_metrics(text, 0) == []


def test_thousands_comma_with_a_stray_space_is_no_metric() -> None:
    text = "The webpage had received 48, 917 views by March."
    assert [m.text for m in find_metrics(text, 0)] == []


def test_square_feet_unit_before_a_describing_word() -> None:
    [m] = find_metrics("It includes 1.2m sq ft commercial space.", 0)
    assert (m.value, m.unit) == (1_200_000, "sq ft")


def test_subject_stops_before_involving() -> None:
    [m] = [m for m in find_metrics("The log managed 2,500 complex cases involving staff.", 0)]
    assert (m.value, m.unit, m.subject) == (2500, "cases", "complex cases")


@pytest.mark.parametrize(("text", "written", "unit"), [
    ("reports on all 44 fire and rescue services in England", "44 fire and rescue services",
     "services"),
    ("It offered 1,950 councillor and officer places.", "1,950 councillor and officer places",
     "places"),
    ("It resettled over 1,200 Afghan and Ukrainian households.",
     "over 1,200 Afghan and Ukrainian households", "households"),
    ("EMC responded to 38 employment law enquiries and supported councils with pay.",
     "38 employment law enquiries", "enquiries"),
    ("The brief goes to over 2,000 councillors and officers.", "over 2,000 councillors",
     "councillors"),
    ("Members noted that 142 peer challenges and follow-up visits were delivered.",
     "142 peer challenges", "challenges"),
])
def test_coordinated_words_count_the_noun_they_share_or_the_first(
        text: str, written: str, unit: str) -> None:
    found = find_metrics(text, 0)
    assert [(m.text, m.unit) for m in found] == [(written, unit)]


def _said(text: str) -> list[tuple[str, float, str]]:
    return [(m.text, m.value, m.unit) for m in find_metrics(text, 0)]


def test_shares_written_in_words_are_percentages() -> None:
    assert _said("Three in five councils now report difficulty recruiting planners.") == [
        ("Three in five councils", 60, "%")]
    assert _said("One in four respondents asked for homes, and two-thirds supported it.") == [
        ("One in four respondents", 25, "%"), ("two-thirds", 66.7, "%")]
    assert _said("Of 344 participants, nearly half were new; one in three came from X.") == [
        ("344 participants", 344, "participants"), ("nearly half", 50, "%"),
        ("one in three", 33.3, "%")]
    assert _said("1 in 4 councils agreed") == [("1 in 4 councils", 25, "%")]


def test_halves_quarters_and_thirds_that_are_not_shares() -> None:
    assert _said("In the first half of the year a third party reviewed it; one in five "
                 "years; a quarter of 2025; the budget was cut in half.") == []


def test_a_count_in_words_opens_a_sentence_or_follows_a_qualifier() -> None:
    assert _said("Twelve councils joined the network. Over twenty staff left.") == [
        ("Twelve councils", 12, "councils"), ("Over twenty staff", 20, "staff")]
    assert _said("UK Peer Network: four nations update. One council left.") == []
    assert _said("a transition period of at least three years") == []


def test_last_year_is_not_a_label_for_the_number_after_it() -> None:
    assert _said("Last year 14 councils in the region supported learners.")[0] == (
        "14 councils", 14, "councils")
    assert _said("See year 14 of the plan.") == []


def test_a_count_stops_before_and_when_a_new_clause_starts() -> None:
    assert _said("Coaches delivered 465 coaching hours and peer mentors gave more.") == [
        ("465 coaching hours", 465, "hours")]
