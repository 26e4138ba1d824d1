"""Decisions as data from minutes, a record of decision and a ModernGov decision page."""

from __future__ import annotations

from pathlib import Path

from boardpapers.decisions import decisions_of
from boardpapers.decisions.records import minute_decisions_from_json
from boardpapers.pipeline import process

FIXTURES = Path(__file__).parents[1] / "fixtures"
MARLOWFORD = FIXTURES / "decisions"


def test_minutes_decide_their_items() -> None:
    paper = process(MARLOWFORD / "marlowford-cabinet-minutes-2025-06-10.md")
    found = {d.item: d for d in decisions_of(paper)}
    assert set(found) == {"3", "4", "5", "6"}
    leisure, parking, grants = found["4"], found["5"], found["6"]
    assert (leisure.outcome, leisure.maker, leisure.date, leisure.key_decision) == (
        "agreed", "Cabinet", "2025-06-10", True)
    assert leisure.title == "Quarryside Leisure Centre Refurbishment"
    assert parking.outcome == "amended"
    assert parking.amendment is not None and "blue badge holders" in parking.amendment
    assert (parking.votes_for, parking.votes_against) == (3, 1)
    assert (grants.outcome, grants.deferred_to, grants.deferred_date) == (
        "deferred", "the meeting on 8 July 2025", "2025-07-08")
    # the same decisions from the stored export contract (a database from before them)
    assert minute_decisions_from_json(paper.to_json(include_blocks=False)) == tuple(
        decisions_of(paper))


def test_a_later_meeting_agrees_with_votes_and_call_in() -> None:
    (decision,) = decisions_of(process(MARLOWFORD / "marlowford-cabinet-minutes-2025-07-08.md"))
    assert (decision.item, decision.outcome, decision.date) == ("22", "agreed", "2025-07-08")
    assert (decision.votes_for, decision.votes_against, decision.abstentions) == (4, 0, 1)
    assert (decision.call_in_deadline, decision.effective_date) == ("2025-07-16", "2025-07-17")


def test_welsh_minutes() -> None:
    path = FIXTURES / "decision_records" / "dyffryn-aran-cabinet-cofnodion-2025-10-14.md"
    plan, fees = decisions_of(process(path))
    assert (plan.item, plan.outcome, plan.date) == ("2", "agreed", "2025-10-14")
    assert plan.text.startswith("PENDERFYNWYD cymeradwyo")
    assert (fees.outcome, fees.deferred_to) == ("deferred", "y cyfarfod nesaf")


def test_a_record_of_decision() -> None:
    path = FIXTURES / "corpus" / "wide" / "text" / "decision_record_county.word.txt"
    (decision,) = decisions_of(process(path))
    assert decision.source == "record_of_decision"
    assert decision.maker == "Councillor Ian Moffatt, Cabinet Member for Highways and Transport"
    assert decision.title == "Lowbridge Road Safety Scheme – Approval to Consult on a 20mph Limit"
    assert (decision.date, decision.key_decision, decision.exempt) == ("2025-08-21", True, False)
    assert (decision.call_in_deadline, decision.effective_date) == ("2025-08-29", "2025-08-30")
    assert decision.text.startswith("approve statutory consultation")
    assert "Reasons" not in decision.text and decision.outcome == "agreed"


def test_a_moderngov_decision_page() -> None:
    (decision,) = decisions_of(process(FIXTURES / "genre" / "other_decision_record.txt"))
    assert decision.source == "decision_page"
    assert decision.title == "Award of Cleaning Contract for Civic Buildings"
    assert decision.maker == "Director of Corporate Services"
    assert decision.key_decision is False and decision.outcome == "agreed"
    assert decision.text == ("The contract is awarded to the highest scoring bidder for "
                             "three years.")


def test_a_report_records_no_decision() -> None:
    paper = process(MARLOWFORD / "marlowford-cabinet-pack-2025-06-10.md")
    assert paper.genre == "agenda_pack" and decisions_of(paper) == ()
