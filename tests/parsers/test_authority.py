"""Paper.body (the board or committee, else the publisher) and Paper.authority (the council
or association that owns the paper), the same in every genre."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boardpapers.model.classification import Classification
from boardpapers.model.layout import Layout
from boardpapers.parsers.authority import (
    first_authority,
    is_authority,
    organisation_authority,
    paper_authority,
)
from boardpapers.parsers.generic import parse_other
from boardpapers.parsers.report import parse_report_paper
from boardpapers.pipeline import process
from boardpapers.store.rows import paper_rows
from tests.parsers.report_layouts import report_layout

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PAPERS = FIXTURES / "papers"
WIDE = FIXTURES / "corpus" / "wide"


# ------------------------------------------------------------------ one row per genre


@pytest.mark.parametrize("path, genre, body, authority", [
    # a report: its committee; the council from the masthead
    (PAPERS / "report_county_cabinet_flattened.txt", "report", "Cabinet",
     "Wexcombe County Council"),
    # NI "Report to:" under a capitals masthead (the authority is tidied, the body as written)
    (WIDE / "report_ni_committee.pdf", "report", "Leisure and Development Committee",
     "Loughshore and Glens Borough Council"),
    # both only in the running header banner "Fellmoor National Park Authority – Planning …"
    (WIDE / "report_national_park_planning.pdf", "report", "Planning Committee",
     "Fellmoor National Park Authority"),
    (PAPERS / "pack_london_borough.md", "agenda_pack",
     "Housing and Regeneration Scrutiny Sub-Committee", "London Borough of Thamesmere"),
    (PAPERS / "agenda_county_cabinet.md", "agenda", "Cabinet", "Northmoor County Council"),
    (PAPERS / "minutes_district_planning.txt", "minutes", "PLANNING COMMITTEE",
     "Ashdown Vale District Council"),
    # a web page: the council its <title> ends with
    (PAPERS / "moderngov_county_cabinet.html", "agenda_and_minutes", "Cabinet",
     "Wealdmoor County Council"),
    # the same kind of page as converted text: the council's address line at its foot
    (WIDE / "text" / "minutes_scottish_cmis.markdown.txt", "minutes",
     "Education, Children and Families Committee", "Glenmorrow Council"),
    # a briefing: the publisher as printed; its council as the authority
    (PAPERS / "briefing_county_members_bulletin.txt", "briefing",
     "Democratic Services, Harrowdene County Council", "Harrowdene County Council"),
    (WIDE / "press_release_council.pdf", "briefing", "Northwold District Council",
     "Northwold District Council"),
    # a summary whose title opens with its publisher: no board named, so it is the body too
    (PAPERS / "summary_member_support_review.txt", "summary", "Northfold Councils",
     "Northfold Councils"),
    # a parish council's own minutes: the meeting body is the authority
    (WIDE / "minutes_town_council.pdf", "minutes", "KINGSWEAR MAGNA TOWN COUNCIL",
     "Kingswear Magna Town Council"),
], ids=lambda v: v.name if isinstance(v, Path) else None)
def test_body_and_authority(path: Path, genre: str, body: str, authority: str) -> None:
    paper = process(path)
    assert (paper.genre, paper.body, paper.authority) == (genre, body, authority)
    if paper.meeting is not None:
        assert paper.meeting.authority == authority


def test_report_naming_only_its_council_has_the_council_as_body() -> None:
    paper = process(WIDE / "decision_record_county.docx")
    assert paper.body is not None and paper.body.casefold() == "westbridge county council"
    assert paper.authority == "Westbridge County Council"


def test_other_genre_publisher_is_body_and_authority() -> None:
    paper = parse_other(report_layout(
        "Exampleton Borough Council – Forward Plan", "EXAMPLETON BOROUGH COUNCIL",
        "# Forward Plan of Key Decisions", "Published: 1 October 2025."), Classification("other"))
    assert (paper.body, paper.authority) == ("Exampleton Borough Council",
                                             "Exampleton Borough Council")


def test_association_report_named_only_by_its_contacts_email_domain() -> None:
    """An LGA board report prints the LGA only in its logo: its officers' addresses say it."""
    paper = parse_report_paper(report_layout(
        "# Devolution Update", "Purpose of report", "For information.",
        "Recommendation", "That the Board notes the update.",
        "Contact officer: Ada Finch", "Position: Policy Adviser",
        "Email: ada.finch@local.gov.uk", "Background", "1. Officers met the department."),
        Classification("report"))
    assert paper.authority == "Local Government Association"
    assert paper.body == "Local Government Association"  # no board named: the publisher


# ------------------------------------------------------------------ export and store


def test_authority_is_exported_and_stored() -> None:
    paper = process(PAPERS / "agenda_county_cabinet.md")
    exported = paper.to_json(include_blocks=False)
    assert exported["authority"] == "Northmoor County Council"
    assert exported["body"] == "Cabinet"
    document = paper_rows(paper)["documents"][0]
    assert (document["body"], document["authority"]) == ("Cabinet", "Northmoor County Council")


# ------------------------------------------------------------------ the name test


@pytest.mark.parametrize("text, expected", [
    ("Northmoor County Council", "Northmoor County Council"),
    ("LOUGHSHORE AND GLENS BOROUGH COUNCIL", "Loughshore and Glens Borough Council"),
    ("Royal Borough of Kingston upon Thames", "Royal Borough of Kingston upon Thames"),
    ("the Local Government Association", "Local Government Association"),
    ("Glenmorrow Council – Place Committee – 4 September 2025", "Glenmorrow Council"),
    ("Cyngor Sir Fynwy / Monmouthshire County Council", "Monmouthshire County Council"),
    ("Public Document Pack Calderbrook Metropolitan Borough Council",
     "Calderbrook Metropolitan Borough Council"),
    ("Full Council", None),
    ("Members of the Council", None),
    ("National Park Authority", None),
    ("Mayoral Combined Authority Board", None),
    ("About the Local Government Association", None),
    # a member's line: the council at its end is the member's, not the paper's
    ("Councillor Alan Threlfall (Chair) – Marchbury City Council", None),
])
def test_first_authority(text: str, expected: str | None) -> None:
    assert first_authority([text]) == expected


def test_a_committee_is_not_an_authority() -> None:
    assert not is_authority("Overview and Scrutiny Committee")
    assert is_authority("West Yorkshire Combined Authority")


def test_a_publisher_that_is_no_council_owns_itself() -> None:
    assert organisation_authority("Policy Team, Example Councils Association") \
        == "Example Councils Association"
    assert organisation_authority("Regional Skills Network") == "Regional Skills Network"
    assert organisation_authority(None) is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=120), max_size=12))
def test_any_lines_give_a_name_or_none(lines: list[str]) -> None:
    found = first_authority(lines)
    assert found is None or (isinstance(found, str) and len(found) <= 160)
    layout: Layout = report_layout(*lines)
    result = paper_authority(layout, body=lines[0] if lines else None)
    assert result is None or isinstance(result, str)


@pytest.mark.parametrize("lines, expected", [
    (["CYNGOR CYMUNED LLANFIHANGEL-Y-GRUG", "LLANFIHANGEL-Y-GRUG COMMUNITY COUNCIL"],
     "Llanfihangel-y-Grug Community Council"),
    (["STOKE-ON-TRENT CITY COUNCIL"], "Stoke-on-Trent City Council"),
    (["Cyngor Sir Ceredigion"], "Cyngor Sir Ceredigion"),  # no English name printed
])
def test_all_caps_hyphened_place_keeps_small_words_and_english_name_preferred(
        lines: list[str], expected: str) -> None:
    assert first_authority(lines) == expected


def test_mayor_of_london_masthead_belongs_to_the_greater_london_authority() -> None:
    assert first_authority(["MAYOR OF LONDON", "MAYORAL DECISION – MD3517"]) \
        == "Greater London Authority"
