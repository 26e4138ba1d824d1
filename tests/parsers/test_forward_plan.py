"""Forward plans: a genre added as one module (genres/forward_plan.py) and one registration.

It is a form of "other": the paper's genre stays "other" (the export contract and the
real-paper scorer know no other name) and ``form`` says "forward_plan"; its parse reads the
paper as "other" would and adds each notified decision as a structured entry.
Fixtures are written for this project in the shapes councils publish: a notice of key
decisions in label blocks, a plan as a table, a ModernGov issue page.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boardpapers import builtins, plugins
from boardpapers.genre import classify
from boardpapers.genres.forward_plan import plan_entries
from boardpapers.model.layout import Block, BlockKind, Layout, Source, join_blocks
from boardpapers.model.paper import PlanEntry, paper_to_json
from boardpapers.pipeline import process

HERE = Path(__file__).resolve().parents[1] / "fixtures"
PLANS = HERE / "forward_plan"
SHAPES = HERE / "genre"


def test_the_genre_is_one_registration_as_a_form_of_other() -> None:
    built = plugins.build((builtins.register,))
    spec = built.genres.get("forward_plan")
    assert spec is not None and spec.family == "other"
    assert spec.parse.startswith("boardpapers.genres.forward_plan:")
    assert spec.score and spec.score.startswith("boardpapers.genres.forward_plan:")


def test_a_notice_of_key_decisions_in_label_blocks() -> None:
    paper = process(PLANS / "notice_of_key_decisions.txt")
    assert (paper.genre, paper.form) == ("other", "forward_plan")
    assert [e.title for e in paper.entries] == [
        "Sheltered Housing Warden Service Redesign", "Award of Waste Collection Vehicle Contract",
        "Community Grants Round 2026/27"]
    first, _, last = paper.entries
    assert first == PlanEntry(
        title="Sheltered Housing Warden Service Redesign", decision_maker="Executive",
        decision_due="11 March 2026", due_date="2026-03-11", key_decision=True,
        lead_member="Portfolio Holder for Housing and Communities",
        contact="Tamsin Rowe, Head of Housing Needs, tamsin.rowe@harrowmere.example.gov.uk",
        wards="All wards", first_published=None, block=first.block)
    # a month is when it is due, not a day: no ISO date is made up for it
    assert (last.decision_due, last.due_date, last.key_decision) == ("June 2026", None, False)
    assert last.decision_maker == "Director of Communities"


def test_a_plan_printed_as_a_table() -> None:
    paper = process(PLANS / "forward_plan_table.md")
    assert paper.form == "forward_plan"
    assert [(e.title, e.decision_maker, e.due_date, e.key_decision) for e in paper.entries] == [
        ("Adoption of the Oxley Vale Local Cycling and Walking Plan", "Cabinet", "2026-05-14",
         True),
        ("Disposal of the former depot at Quarry Lane", "Cabinet", "2026-05-14", True),
        ("Review of fees for pre-application planning advice", "Cabinet Member for Planning",
         "2026-05-28", False)]
    assert paper.entries[2].contact == "Leon Abara, Development Manager"


def test_an_issue_page_is_one_entry_and_names_the_paper() -> None:
    paper = process(SHAPES / "other_forward_plan_entry.txt")
    assert (paper.genre, paper.form, paper.title) == ("other", "forward_plan",
                                                      "Parking Charges Review")
    (entry,) = paper.entries
    assert (entry.decision_maker, entry.decision_due, entry.due_date) == (
        "Cabinet", "16 Jan 2025", "2025-01-16")
    assert (entry.first_published, entry.key_decision, entry.wards) == (
        "2024-11-04", True, "(All Wards)")
    assert paper.date == "2024-11-04"  # what "other" reads: the notice's publication


def test_the_json_keeps_the_family_as_genre() -> None:
    data = paper_to_json(process(PLANS / "forward_plan_table.md"), include_blocks=False)
    assert (data["genre"], data["form"]) == ("other", "forward_plan")
    assert data["entries"][0]["title"].startswith("Adoption of")
    report = paper_to_json(process(SHAPES / "report_decision_cover.txt"), include_blocks=False)
    assert (report["form"], report["entries"]) == (None, [])


@pytest.mark.parametrize("name", ["other_decision_record.txt", "report_decision_cover.txt",
                                  "other_letter.txt", "agenda_cmis_page.txt"])
def test_papers_that_are_no_forward_plan_take_no_form(name: str) -> None:
    """A record of a decision taken shares "Decision maker:" and "Date of decision:"
    with a plan, but nothing that says the decision is still to come."""
    result = classify(process(SHAPES / name).layout)
    assert result.form is None
    assert process(SHAPES / name).entries == ()


def _layout(lines: list[str]) -> Layout:
    blocks, text = join_blocks([Block(BlockKind.PARAGRAPH, line) for line in lines])
    return Layout(Source("plan.txt", "txt", "0" * 64, 1), blocks, text)


_WORD = st.sampled_from(["Library", "Parking", "Review", "Contract", "Strategy", "Depot",
                         "Housing", "Grant", "Fees", "Leisure", "Transport", "Budget"])
_ENTRY = st.tuples(st.lists(_WORD, min_size=2, max_size=6).map(" ".join),
                   st.sampled_from(["Cabinet", "Executive", "Council", "Leader"]),
                   st.dates(min_value=datetime.date(2020, 1, 1),
                            max_value=datetime.date(2030, 12, 31)),
                   st.booleans())


@settings(max_examples=40, deadline=None)
@given(st.lists(_ENTRY, min_size=1, max_size=6))
def test_every_written_entry_is_read_back(
        entries: list[tuple[str, str, datetime.date, bool]]) -> None:
    lines = ["Forward Plan"]
    for title, maker, day, key in entries:
        lines += [title, f"Decision maker: {maker}",
                  f"Decision due: {day.strftime('%d %B %Y')}",
                  f"Key decision: {'Yes' if key else 'No'}"]
    found = plan_entries(_layout(lines))
    assert [(e.title, e.decision_maker, e.due_date, e.key_decision) for e in found] == [
        (title, maker, day.isoformat(), key) for title, maker, day, key in entries]
