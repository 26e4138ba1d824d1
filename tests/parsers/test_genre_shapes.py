"""Genre on the shapes real papers reach us in (issue 13): one fictional fixture per shape.

Each fixture in ``tests/fixtures/genre`` is named ``GENRE_shape.txt`` (``aam`` for agenda
and minutes) and is written for this project in a shape found in real papers: flattened
cover sheets, web summaries, meeting pages without headings, item pages carrying minutes,
newsletters, and the papers filed as "other" (forward-plan entries, decision records,
letters, annual reports, templates).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from boardpapers import readers
from boardpapers.genre import classify
from boardpapers.pipeline import process

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "genre"
PREFIX = {"aam": "agenda_and_minutes"}
# What each shape's evidence must mention: the feature the shape is known by.
EVIDENCE = {
    "report_flattened_cover": "Purpose of the report",
    "report_web_summary": "This report sets out",
    "report_inline_labels": "Recommendation(s)' label",
    # a report still to be decided heads its cover "Decision maker:": not a decision record
    "report_decision_cover": "Purpose of the report",
    "agenda_summons_flattened": "summons",
    "agenda_cmis_page": "CMIS",
    "aam_cmis_page": "minutes under its items",
    "aam_moderngov_no_labels": "'Agenda and minutes' page title",
    "aam_title_only_page": "'Agenda and minutes' page title",
    "minutes_item_page": "minute narrative",
    "minutes_welsh_flattened": "minutes title",
    "minutes_scottish": "minutes title",
    "briefing_enews": "newsletter masthead",
    "briefing_note": "newsletter masthead",
    "other_forward_plan_entry": "forward-plan entry",
    "other_decision_record": "record of a decision",
    "other_letter": "a letter",
    "other_annual_report": "annual report",
    "other_template": "template",
    "other_nothing": "nothing points to any genre",
}


def _expected_genre(path: Path) -> str:
    head = path.stem.split("_")[0]
    return PREFIX.get(head, head)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.stem)
def test_shape_gets_its_genre_with_evidence(path: Path) -> None:
    result = classify(readers.read(path))
    assert result.genre == _expected_genre(path), result.evidence
    assert any(EVIDENCE[path.stem] in why for why in result.evidence), result.evidence
    assert 0.0 < result.confidence <= 1.0


def test_every_fixture_names_its_evidence() -> None:
    assert {p.stem for p in FIXTURES.glob("*.txt")} == set(EVIDENCE)


def test_a_short_one_paragraph_report_is_not_refused() -> None:
    """A 2,000-character report flattened into one paragraph is a report, not 'no text'."""
    result = classify(readers.read(FIXTURES / "report_flattened_cover.txt"))
    assert result.genre == "report"
    assert not any("no text" in why for why in result.evidence)


def test_confidence_is_higher_for_clear_papers_than_for_mixed_ones() -> None:
    clear = classify(readers.read(FIXTURES / "report_flattened_cover.txt"))
    mixed = classify(readers.read(FIXTURES / "other_decision_record.txt"))
    assert clear.confidence > mixed.confidence


def test_decision_record_is_other_but_read_as_a_report() -> None:
    """Filed as 'other' (the real-paper convention), laid out like the report it decides on:
    the report parser still finds its purpose."""
    paper = process(FIXTURES / "other_decision_record.txt")
    assert paper.genre == "other"
    assert paper.reports[0].purpose == ("To award the cleaning contract for the civic buildings"
                                        " following a competitive tender.")
    exported = paper.to_json(include_blocks=False)
    assert exported["genre_confidence"] == paper.genre_confidence > 0


def test_meeting_page_whose_only_heading_is_its_title_keeps_its_contact() -> None:
    """Items that lost their headings leave the page title as the only heading: it opens the
    meeting's header (Venue, Contact), not an item."""
    paper = process(FIXTURES / "aam_title_only_page.txt")
    assert paper.genre == "agenda_and_minutes"
    assert paper.meeting is not None
    assert "Helen Marsh" in str(paper.meeting.contact)
