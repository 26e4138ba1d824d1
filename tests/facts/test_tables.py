"""Tables as data: header detection, parsed numbers, totals and percentages checked."""

from __future__ import annotations

import pytest

from boardpapers.facts.tables import parse_cell, table_data
from boardpapers.model.paper import TableCheck
from tests.conftest import seed
from tests.facts.seed_tables import seed_tables


@pytest.mark.parametrize(("cell", "value"), [
    ("7,429", 7429), ("28%", 28), ("£2.6m", 2_600_000), ("£1.4 billion", 1_400_000_000),
    ("13.7", 13.7), ("(1,200)", -1200), ("-5", -5), ("£450k", 450_000), ("TBC", None),
    ("N/A", None), ("", None), ("Cohort 22", None), ("2,40", None),
])
def test_parse_cell(cell: str, value: float | None) -> None:
    assert parse_cell(cell) == value


def test_header_caption_numbers_and_consistent_totals() -> None:
    rows = (("Fenmoor pilot councils", "", ""),
            ("Type of council", "Number", "Percentage"),
            ("County", "4", "20.0"), ("District", "10", "50.0"), ("Unitary", "6", "30.0"),
            ("Total", "20", ""))
    t = table_data(rows, 9)
    assert (t.caption, t.header, t.block) == (
        "Fenmoor pilot councils", ("Type of council", "Number", "Percentage"), 9)
    assert t.rows[0] == ("County", "4", "20.0")
    assert t.numbers[-1] == (None, 20.0, None)
    assert t.consistent is True
    assert TableCheck("Number", "total", 20.0, 20.0, True) in t.checks
    assert TableCheck("Percentage (District)", "percentage", 50.0, 50.0, True) in t.checks
    assert TableCheck("Percentage (sum)", "percentage", 100.0, 100.0, True) in t.checks


def test_total_row_that_does_not_add_up_is_flagged() -> None:
    rows = (("Item", "2021/22", "2022/23"), ("Staff", "£1.2m", "£1.3m"),
            ("Venues", "£0.3m", "£0.2m"), ("Grand Total", "£1.5m", "£1.6m"))
    t = table_data(rows, 0, caption="Costs")
    assert t.consistent is False
    assert t.checks == (TableCheck("2021/22", "total", 1_500_000, 1_500_000, True),
                        TableCheck("2022/23", "total", 1_600_000, 1_500_000, False))


def test_no_total_row_means_nothing_to_check() -> None:
    t = table_data((("Region", "Applicants"), ("North East", "283"), ("South West", "298")), 0)
    assert t.header == ("Region", "Applicants") and t.consistent is None and t.checks == ()


def test_rows_of_codes_are_not_taken_for_a_header() -> None:
    t = table_data((("Fenmoor District Council", "D", "EM", "CON"),
                    ("Northmoor Borough Council", "UA", "E", "LAB")), 0)
    assert t.header == () and len(t.rows) == 2


def _seed_table(header_first_cell: str, index: int = 0):
    tables = [t for t in seed_tables(seed("002")) if t[0][0] == header_first_cell]
    return table_data(tables[index], 0)


def test_seed_002_cohort_22_type_table_is_flagged() -> None:
    t = _seed_table("Type of Council")
    assert t.header == ("Type of Council", "Number of Councils", "Percentage")
    assert t.consistent is False
    assert [c for c in t.checks if not c.ok] == [
        TableCheck("Percentage (District)", "percentage", 13.7, 13.0, False)]
    assert TableCheck("Number of Councils", "total", 51.0, 51.0, True) in t.checks


def test_seed_002_cohort_22_party_table_is_consistent() -> None:
    t = _seed_table("Political Party")
    assert t.consistent is True
    assert TableCheck("Number of Councils", "total", 51.0, 51.0, True) in t.checks
    assert len([c for c in t.checks if c.kind == "percentage"]) == 7


def test_two_rows_of_names_have_no_header() -> None:
    t = table_data([["Harriet Oduya", "Severnside Business Board", "Non-voting"],
                    ["Chief Constable Lee Brandt", "Severnside Police", "Observer"]], 10)
    assert t.header == () and len(t.rows) == 2


def test_first_row_holding_a_phone_or_label_value_is_data() -> None:
    t = table_data([["Labour Group", "Group Office: 01632 961 200"],
                    ["Conservative Group", "Group Office: 01632 961 201"]], 12)
    assert t.header == () and t.rows[0][0] == "Labour Group"


def test_key_value_table_has_no_header() -> None:
    t = table_data([["Report to:", "Executive Cabinet"], ["Date of meeting:", "18 September 2024"],
                    ["Key decision:", "Yes"]], 1)
    assert t.header == () and t.rows[0] == ("Report to:", "Executive Cabinet")


def test_heading_words_make_a_header() -> None:
    t = table_data([["Name", "Authority", "Role"], ["Cllr Ann Lee", "Fenmoor Council", "Chair"]], 6)
    assert t.header == ("Name", "Authority", "Role")
