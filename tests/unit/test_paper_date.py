"""The paper's date where the parser found none (paper_date.py), on real-paper shapes."""

from __future__ import annotations

from pathlib import Path

import pytest

from boardpapers.pipeline import process

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "genre"

FLATTENED_REPORT = (
    "REPORT OF THE DIRECTOR OF PLACE TO THE CABINET ON TUESDAY 9TH MARCH 2021 Subject: Town "
    "Centre Parking ____________ RECOMMENDATIONS: 1 To approve the revised tariff from 4th "
    "January 2022. 2 To note the consultation held between 1st and 28th February 2021.")
DATED_BULLETIN = (
    "Regional Employers\n\nEmployers' Bulletin\n\nWednesday 6 March 2024\n\nPay talks\n\nThe "
    "national employers will respond to the unions by 1 April 2024. Regional briefings for "
    "HR leads run on 14 March 2024.")
NO_YEAR = ("Ashford Parish Council\n\nMinutes of the meeting held on Monday 8th July\n\n"
           "Present: Cllr A Lark (Chair), Cllr B Moss\n\nRESOLVED that the grant be paid.")


@pytest.mark.parametrize("text,iso", [
    (FLATTENED_REPORT, "2021-03-09"),  # "… TO THE CABINET ON <date>" in a flattened cover
    (DATED_BULLETIN, "2024-03-06"),  # a newsletter's issue date on its own line
    (NO_YEAR, None),  # no year written: no date is guessed
])
def test_date_from_the_words_around_it(tmp_path: Path, text: str, iso: str | None) -> None:
    path = tmp_path / "paper.txt"
    path.write_text(text, encoding="utf-8")
    assert process(path).date == iso


@pytest.mark.parametrize("name,iso", [
    # the meeting day, not the day of the previous minutes it lists
    ("agenda_summons_flattened", "2025-02-06"),
    # a forward-plan entry's document date is the day it was first published
    ("other_forward_plan_entry", "2024-11-04"),
    ("report_flattened_cover", "2024-03-12"),  # "DATE: 12 March 2024" inline
    ("briefing_note", "2024-09-02"),
])
def test_date_of_each_shape(name: str, iso: str) -> None:
    assert process(FIXTURES / f"{name}.txt").date == iso


def test_a_decision_record_is_dated_by_its_decision(tmp_path: Path) -> None:
    """Filed as "other", a decision record's date is the day of the decision, not the day
    the record was published above it."""
    path = tmp_path / "decision.txt"
    path.write_text(
        "Decision details\n\nLibrary Stock Contract\n\nDecision Maker: Head of Culture\n\n"
        "Decision status: Recommendations Approved\n\nPurpose:\n\nTo award the library stock "
        "contract.\n\nPublication date: 12/03/2024\n\nDate of decision: 11/03/2024\n",
        encoding="utf-8")
    paper = process(path)
    assert (paper.genre, paper.date) == ("other", "2024-03-11")
