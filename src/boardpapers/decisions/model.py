"""Decisions and what became of each recommendation: the values, and the settings that
decide how sure a link must be.

A ``Decision`` is what a paper records as decided (a minute's "RESOLVED that …", a
ModernGov decision page, a record of a cabinet member's or officer's decision). An
``Outcome`` is what happened to one recommendation: the decision that settled it (or
none: still pending), how it was found and how sure that is.
"""

from __future__ import annotations

from dataclasses import dataclass

# What a decision did with what it was asked. "pending" is never a decision's outcome,
# only a recommendation's when nothing has decided it yet.
OUTCOMES = ("agreed", "amended", "deferred", "rejected", "noted", "pending")
SOURCES = ("minutes", "decision_page", "record_of_decision")

# Wording similarity (0-100, rapidfuzz token-set ratio) a decision needs to settle a
# recommendation of a report whose agenda item did not name it.
MIN_WORDING_SCORE = 55.0
# Decisions taken more than this many days after a report are not sought by wording
# (they are by item and title): the search stays bounded on a board's years of minutes.
WORDING_WINDOW_DAYS = 183
# A link scoring under this confidence (0-1) is shown as unsure.
UNSURE_BELOW = 0.7
# Confidence of a link made by the meeting and agenda item alone (the decision's text
# says nothing about the recommendation's words), and by the item's title.
ITEM_CONFIDENCE = 0.8
TITLE_CONFIDENCE = 0.75


@dataclass(frozen=True, slots=True)
class Decision:
    """One decision as a paper records it; dates are ISO days."""

    text: str
    outcome: str  # one of OUTCOMES but "pending"
    source: str  # one of SOURCES
    item: str | None = None  # the agenda item's number as written ("7", "12(b)")
    title: str | None = None  # the item's or the decision's title
    maker: str | None = None  # the committee, cabinet member or officer who decided
    date: str | None = None  # when it was decided (the meeting's date)
    key_decision: bool | None = None  # None when the paper does not say
    exempt: bool | None = None
    call_in_deadline: str | None = None
    effective_date: str | None = None  # the day it takes effect
    amendment: str | None = None  # the amendment carried, for "amended"
    deferred_to: str | None = None  # as written: "the meeting on 10 June 2025"
    deferred_date: str | None = None  # that meeting's date, when known
    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
