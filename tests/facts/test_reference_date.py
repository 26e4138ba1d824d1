"""Days written without a year take it from the paper, or from the issue month at its top."""

from __future__ import annotations

from pathlib import Path

from boardpapers.pipeline import process


def test_issue_month_at_the_top_dates_days_without_a_year(tmp_path: Path) -> None:
    paper = tmp_path / "bulletin.txt"
    paper.write_text("Fenmoor Councils' Partnership\n\nMembers' Bulletin\n\nMarch 2025\n\n"
                     "Events\n\nProcurement Act briefing – 8 April, 10.00 am, online.\n",
                     encoding="utf-8")
    dates = {d.text: d.date for d in process(paper).facts.dates}
    assert dates["8 April"] == "2025-04-08"
