"""Money, dates and metrics over the five seed papers: key values, no false positives, speed.

Skipped when ../shared/seeds is absent. Expected values are short facts a reader would
quote from each seed, not copied passages.
"""

from __future__ import annotations

import datetime as dt

import pytest

from boardpapers.facts.dates import find_dates
from boardpapers.facts.metrics import find_metrics
from boardpapers.facts.money import find_money
from boardpapers.readers import read
from tests.conftest import seed

pytestmark = pytest.mark.seeds


def _blocks(prefix: str) -> list[str]:
    return [b.text for b in read(seed(prefix)).blocks]


def _all(prefix: str, ref: dt.date | None) -> tuple[list, list, list]:  # type: ignore[type-arg]
    money, dates, metrics = [], [], []
    for i, text in enumerate(_blocks(prefix)):
        money += find_money(text, i)
        dates += find_dates(text, i, ref)
        metrics += find_metrics(text, i)
    return money, dates, metrics


def test_policy_brief_000() -> None:
    money, dates, metrics = _all("000", dt.date(2024, 8, 23))
    assert [(m.text, m.amount) for m in money][-2:] == [
        ("£370m", 370_000_000), ("£825m", 825_000_000)]
    by_text = {d.text: d for d in dates}
    assert (by_text["23 AUGUST 2024"].kind, by_text["23 AUGUST 2024"].date) == (
        "publication", "2024-08-23")
    assert by_text["Wednesday 18 September"].date == "2024-09-18"
    assert by_text["Autumn 2024"].period == "2024-autumn"
    typo = by_text["27 September 20204"]
    assert (typo.parsed, typo.date) == (False, None)
    assert (by_text["15 October to 21 January"].date,
            by_text["15 October to 21 January"].end_date) == ("2024-10-15", "2025-01-21")
    assert ("more than 1,300 jobs", 1300, "jobs") in [(m.text, m.value, m.unit) for m in metrics]


def test_annual_summary_001() -> None:
    money, _dates, metrics = _all("001", dt.date(2017, 10, 17))
    assert ("£860,000", 860_000, True) in [(m.text, m.amount, m.approximate)
                                                  for m in money]
    found = {(m.value, m.unit) for m in metrics}
    assert {(1700, "places"), (44, "assignments"), (74_000, "jobs"), (300, "refugees"),
            (100, "delegates")} <= found


def test_agenda_pack_002() -> None:
    money, dates, metrics = _all("002", dt.date(2021, 3, 5))
    amounts = {m.text: m.amount for m in money}
    assert amounts["£9.00"] == 9
    assert amounts["£57m"] == 57_000_000
    assert amounts["£383m"] == 383_000_000
    assert amounts["£1.2 bn"] == 1_200_000_000
    assert amounts["£14k"] == 14_000
    next_meeting = [d for d in dates if d.date == "2021-05-20"]
    assert [(d.kind, d.time) for d in next_meeting] == [("meeting", "11:00")]
    assert any(d.kind == "deadline" and d.date == "2021-03-10" for d in dates)
    assert {d.period for d in dates} >= {"2020/2021", "2021/2022", "2022-04"}
    subjects = {(m.value, m.subject) for m in metrics}
    assert (192, "councils have participated") in subjects
    assert (465, "individual coaching hours had been completed") in subjects
    # No cohort, phase, paragraph, phone or year numbers among the metrics.
    assert not [m for m in metrics if m.value in (21, 22, 8, 2020, 2021, 7664, 3223)]
    assert all(m.unit != "%" or m.value <= 100 for m in metrics)


def test_reports_003_004() -> None:
    money, dates, metrics = _all("003", None)
    assert [(m.text, m.amount) for m in money] == [("£1.4 billion", 1_400_000_000)]
    assert {"2024-autumn", "2028/2029"} <= {d.period for d in dates}
    _m, dates4, _x = _all("004", None)
    assert {d.period for d in dates4} >= {"2020/2021", "2020-04"}


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_spans_index_the_block_text(prefix: str) -> None:
    blocks = _blocks(prefix)
    money, dates, metrics = _all(prefix, dt.date(2021, 1, 1))
    for fact in [*money, *dates, *metrics]:
        assert blocks[fact.span.block][fact.span.start:fact.span.end] == fact.text
