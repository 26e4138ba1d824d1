"""Linking recommendations to decisions, as pure functions over plain records."""

from __future__ import annotations

from boardpapers.decisions.linking import DecisionRef, RecRef, link_all, resolution_parts
from boardpapers.decisions.model import Decision
from boardpapers.decisions.outcome import outcome_of


def rec(rid: str, text: str, *, doc: str = "pack1", report: int = 0,
        title: str | None = "Library Opening Hours", item: str | None = "7",
        date: str | None = "2025-02-04", body: str = "Cabinet") -> RecRef:
    key = title.casefold() if title else None
    return RecRef(id=rid, doc_id=doc, report_idx=report, text=text, report=title,
                  title_key=key, agenda_item=item, date=date, body=body,
                  authority="Orrin Borough Council")


def dec(text: str, *, doc: str = "mins1", idx: int = 0, item: str | None = "7",
        title: str | None = "Library Opening Hours", date: str = "2025-02-04",
        body: str = "CABINET", **more: str) -> DecisionRef:
    d = Decision(text=text, outcome=outcome_of(text), source="minutes", item=item,
                 title=title, maker=body, date=date, **more)  # type: ignore[arg-type]
    return DecisionRef(doc_id=doc, idx=idx, decision=d, body=body,
                       authority="Orrin Borough Council",
                       title_key=title.casefold() if title else None)


def test_meeting_and_item_first_then_title_then_wording() -> None:
    recs = [rec("a", "approves Sunday opening at the Central Library from April 2025")]
    by_item = link_all(recs, [dec("RESOLVED that Sunday opening at the Central Library be "
                                  "approved.", title="Libraries")])["a"]
    assert (by_item.status, by_item.method, by_item.unsure) == ("agreed", "item", False)
    by_title = link_all(recs, [dec("RESOLVED that the report be noted.", item="41")])["a"]
    assert (by_title.status, by_title.method) == ("noted", "title")
    by_words = link_all(recs, [dec("RESOLVED that Sunday opening at the Central Library from "
                                   "April 2025 be approved.", item="41", title="Libraries")])
    assert (by_words["a"].method, by_words["a"].status) == ("wording", "agreed")
    assert by_words["a"].confidence > 0.9 and not by_words["a"].unsure


def test_nothing_close_enough_is_pending() -> None:
    recs = [rec("a", "approves Sunday opening at the Central Library from April 2025")]
    others = [dec("RESOLVED that the budget for gritting be approved.", item="41",
                  title="Winter Service"),
              dec("RESOLVED that Sunday opening be approved.", body="Scrutiny Committee"),
              dec("RESOLVED that Sunday opening be approved.", date="2024-11-05"),
              dec("RESOLVED that Sunday opening at the Central Library from April 2025 be "
                  "approved.", item="3", title="Libraries", date="2026-01-13")]
    link = link_all(recs, others)["a"]
    assert (link.status, link.decision, link.confidence) == ("pending", None, 0.0)


def test_a_deferral_is_followed_to_the_meeting_that_decides() -> None:
    recs = [rec("a", "approves Sunday opening at the Central Library from April 2025")]
    link = link_all(recs, [
        dec("RESOLVED that the item be deferred to the next meeting.", deferred_to="the next "
            "meeting", deferred_date="2025-03-04"),
        dec("RESOLVED that the item be approved.", doc="mins2", item="12",
            date="2025-03-04"),
        dec("RESOLVED that the hours be reviewed again.", doc="mins3", item="9",
            date="2025-09-02"),
    ])["a"]
    assert link.status == "agreed" and link.decision is not None
    assert link.decision.doc_id == "mins2"
    assert [d.decision.outcome for d in link.history] == ["deferred", "agreed"]


def test_each_numbered_resolution_answers_its_own_recommendation() -> None:
    recs = [rec("a", "approves Sunday opening at the Central Library"),
            rec("b", "closes the mobile library service from June 2025")]
    text = ("RESOLVED that:\n(1) Sunday opening at the Central Library be approved; and\n"
            "(2) the proposal to close the mobile library service from June 2025 be rejected.")
    links = link_all(recs, [dec(text)])
    assert links["a"].status == "agreed" and "Sunday" in (links["a"].part or "")
    assert links["b"].status == "rejected" and "mobile" in (links["b"].part or "")
    assert resolution_parts("RESOLVED that (a) the plan be adopted; (b) the fee be set.") == [
        "(a) the plan be adopted", "(b) the fee be set."]
    assert resolution_parts("RESOLVED that the fee of £1.85 be set.") == [
        "RESOLVED that the fee of £1.85 be set."]


def test_report_versions_share_a_thread_and_an_outcome() -> None:
    recs = [rec("a", "approves Sunday opening at the Central Library from April 2025"),
            rec("b", "That Cabinet approves Sunday opening at the Central Library from April "
                "2025.", doc="report", item=None, date=None, body="Orrin Borough Council"),
            rec("c", "approves the gritting routes", doc="pack1", report=1,
                title="Winter Service", item="8")]
    links = link_all(recs, [dec("RESOLVED that the recommendation be approved.")])
    assert links["a"].thread == links["b"].thread != links["c"].thread
    assert (links["b"].status, links["b"].method) == ("agreed", "version")
    assert links["c"].status == "pending"
