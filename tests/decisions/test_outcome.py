"""What a decision's words did: outcome, amendment, deferral, votes, call-in, effect."""

from __future__ import annotations

import pytest

from boardpapers.decisions.outcome import (
    amendment_of,
    call_in_and_effect,
    deferral_of,
    key_decision_in,
    outcome_of,
    votes_of,
)


@pytest.mark.parametrize(("text", "outcome"), [
    ("RESOLVED that the budget be approved.", "agreed"),
    ("AGREED to note the report and approve the action plan.", "agreed"),
    ("RESOLVED that the report be noted.", "noted"),
    ("The Committee noted the update.", "noted"),
    ("RESOLVED that the policy be adopted as amended.", "amended"),
    ("RESOLVED that the scheme be approved subject to the following amendment: the cap is "
     "raised to £500.", "amended"),
    ("RESOLVED that the item be deferred to the next meeting.", "deferred"),
    ("RESOLVED that consideration of the report be postponed until 4 May 2025.", "deferred"),
    ("RESOLVED that the recommendation not be approved.", "rejected"),
    ("The motion was lost.", "rejected"),
    ("PENDERFYNWYD cymeradwyo'r cynllun.", "agreed"),
    ("PENDERFYNWYD nodi'r adroddiad.", "noted"),
    ("Gohiriwyd yr eitem tan y cyfarfod nesaf.", "deferred"),
])
def test_outcome_of(text: str, outcome: str) -> None:
    assert outcome_of(text) == outcome


def test_amendment_follows_its_cue_or_comes_from_the_minute() -> None:
    assert amendment_of("RESOLVED that the scheme be approved subject to the following "
                        "amendment: the cap is raised to £500.") == "the cap is raised to £500."
    minute = ("Councillor Roe moved an amendment that the pilot run for two years. "
              "The amendment was carried.")
    assert amendment_of("RESOLVED that the pilot be approved as amended.", minute) == (
        "Councillor Roe moved an amendment that the pilot run for two years.")
    assert amendment_of("RESOLVED that the pilot be approved as amended.",
                        "An amendment to drop the pilot was moved. The amendment was lost.") is None


def test_deferral_says_where_and_when() -> None:
    assert deferral_of("RESOLVED that the item be deferred to the meeting on 8 July 2025 to "
                       "allow a site visit.", "2025-06-10") == (
        "the meeting on 8 July 2025", "2025-07-08")
    assert deferral_of("RESOLVED that the item be deferred to the next meeting.",
                       "2025-06-10", next_meeting="2025-09-02") == ("the next meeting",
                                                                   "2025-09-02")
    assert deferral_of("RESOLVED that the item be deferred.", "2025-06-10") == (None, None)


@pytest.mark.parametrize(("text", "votes"), [
    ("The recommendation was carried (For 7, Against 2, Abstentions 1).", (7, 2, 1)),
    ("carried with 9 votes for and 3 against", (9, 3, None)),
    ("The motion was carried by 6 votes to 5 with 2 abstentions.", (6, 5, 2)),
    ("RESOLVED unanimously that the plan be approved.", (None, None, None)),
])
def test_votes_of(text: str, votes: tuple[int | None, int | None, int | None]) -> None:
    assert votes_of(text) == votes


def test_call_in_deadline_and_the_day_it_takes_effect() -> None:
    text = ("This decision may be called in before 5.00 pm on 16 July 2025 and cannot be "
            "implemented until the call-in period has ended.")
    assert call_in_and_effect(text, "2025-07-08") == ("2025-07-16", "2025-07-17")
    assert call_in_and_effect("The decision takes effect on 1 August 2025.") == (
        None, "2025-08-01")
    assert call_in_and_effect("RESOLVED that the plan be approved.") == (None, None)


def test_key_decision_only_when_said() -> None:
    assert key_decision_in("(Key Decision)") is True
    assert key_decision_in("Key decision: No") is False
    assert key_decision_in("This is not a key decision.") is False
    assert key_decision_in("RESOLVED that the plan be approved.") is None
