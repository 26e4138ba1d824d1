"""Agenda packs: the seed LGA pack and fictional packs in other councils' house styles."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boardpapers import readers
from boardpapers.model.classification import Classification
from boardpapers.model.layout import BlockKind
from boardpapers.model.paper import AgendaItem, Paper, Report
from boardpapers.parsers.pack import (
    find_appendices,
    find_report_starts,
    link_agenda_items,
    parse_pack,
    title_similarity,
)
from tests.conftest import FIXTURES, seed
from tests.parsers.blocks import layout_from_text

PACK = Classification("agenda_pack")


def pack_of(path: Path) -> Paper:
    return parse_pack(readers.read(path), PACK)


@pytest.fixture(scope="module")
def seed_pack() -> Paper:
    return pack_of(seed("002"))


def test_seed_pack_meeting(seed_pack: Paper) -> None:
    m = seed_pack.meeting
    assert m is not None
    assert (m.body, m.date, m.time, m.online) == (
        "Improvement and Innovation Board", "2021-03-05", "11:00", True)
    assert m.venue == "Online via Zoom"
    assert m.next_meeting is not None and m.next_meeting.date == "2021-05-20"
    assert m.next_meeting.time == "11:00"
    assert [g.group for g in m.group_offices] == [
        "Conservative", "Labour", "Independent", "Liberal Democrat"]
    assert m.group_offices[1].email == "LABGP@local.gov.uk"
    assert seed_pack.date == "2021-03-05" and seed_pack.body == m.body


def test_seed_pack_membership(seed_pack: Paper) -> None:
    members = {x.name: x for x in seed_pack.meeting.members}  # type: ignore[union-attr]
    chair = members["Peter Fleming"]
    assert (chair.title, chair.honours, chair.role, chair.group, chair.authority) == (
        "Cllr", "OBE", "chair", "Conservative", "Sevenoaks District Council")
    assert (members["Gary Porter"].title, members["Gary Porter"].role) == ("Lord", "observer")
    assert members["Dave Hodgson"].title == "Mayor"
    assert members["Stephen Houghton"].title == "Sir"
    assert members["Judi Billing"].role == "deputy_chair"
    assert members["Liz Green"].role == "vice_chair"
    assert members["Kelham Cooke"].role == "substitute"
    assert members["Jo Beavis"].role == "substitute" and members["Jo Beavis"].group == (
        "Independent")
    assert members["Richard Priestman"].role == "independent_observer"
    assert members["Richard Priestman"].group is None
    assert len(members) == 33  # 11 Conservative, 11 Labour, 4 Lib Dem, 5 Independent, 2


def test_seed_pack_agenda(seed_pack: Paper) -> None:
    items = seed_pack.meeting.items  # type: ignore[union-attr]
    assert [i.number for i in items] == [str(n) for n in range(1, 10)]
    assert [i.number for i in items if i.confidential] == ["2", "3"]
    assert items[3].title == "National Graduate Development Programme update"
    assert items[3].pages == "9 - 24" and items[3].presenters == ("Helen Reeves",)
    assert items[4].presenters == ("Tina Holland", "Susan Attard")
    assert items[2].verbal and items[2].presenters == ("Dennis Skinner", "Matthew Hamilton")
    assert items[7].pages == "39 - 58"
    assert items[8].subitems == ("Cyber security update – Susan Attard",)


def test_seed_pack_reports(seed_pack: Paper) -> None:
    reports = seed_pack.reports
    assert [(r.title, r.agenda_item) for r in reports] == [
        ("National Graduate Development Programme (NGDP)", "4"),
        ("National Procurement Policy Statement and Procurement Green Paper", "5"),
        ("Improvement Support to Councils - One Public Estate", "6"),
        ("Update on MoU activity in 2020/21", "8")]
    assert [c.name for c in reports[1].contact_officers] == ["Tina Holland", "Susan Attard"]
    assert reports[0].contact_officers[0].email == "helen.reeves@local.gov.uk"
    assert reports[0].recommendations[1] == (
        "Support the promotion of the NGDP to potential council partners.")
    assert all(r.recommendations for r in reports)
    assert reports[0].first_block > 0 and reports[-1].last_block == len(
        seed_pack.layout.blocks) - 1


def test_seed_pack_appendix_tables_stay_with_their_report(seed_pack: Paper) -> None:
    ngdp = seed_pack.reports[0]
    appendix = [s for s in ngdp.sections if s.kind == "appendix"]
    assert [s.heading for s in appendix] == ["APPENDIX 1 – breakdown of participating councils"]
    blocks = seed_pack.layout.blocks[appendix[0].first_block:appendix[0].last_block + 1]
    tables = [b for b in blocks if b.kind is BlockKind.TABLE]
    councils = [t for t in tables if "Participating Councils" in t.rows[0][0]]
    assert [t.rows[0][0] for t in councils] == [
        "Cohort 22 Participating Councils", "Cohort 21 Participating Councils"]
    assert councils[0].rows[1][:3] == ("Council Name", "Type", "Region")
    assert appendix[0].last_block == ngdp.last_block


def test_mou_report_has_one_title_alone_and_in_the_pack(seed_pack: Paper) -> None:
    from boardpapers.genre import classify
    from boardpapers.parsers import parse
    from boardpapers.store.rows import title_key
    alone_layout = readers.read(seed("004"))
    alone = parse(alone_layout, classify(alone_layout))
    assert alone.reports[0].title == seed_pack.reports[-1].title == (
        "Update on MoU activity in 2020/21")
    assert title_key(alone.reports[0].title) == title_key(seed_pack.reports[-1].title)


def test_both_versions_of_the_mou_report_are_linked_in_the_store(tmp_path: Path) -> None:
    from boardpapers.pipeline import ingest
    from boardpapers.store import open_store
    store = open_store(f"sqlite:///{tmp_path / 'v.db'}")
    pack_path, report_path = seed("002"), seed("004")
    summary = ingest([pack_path, report_path], store)
    assert summary.count("ingested") == 2
    ids = {Path(o.path).name: o.doc_id for o in summary.outcomes}
    versions = store.report_versions(ids[report_path.name])  # type: ignore[arg-type]
    assert [(v["title"], Path(v["path"]).name) for v in versions] == [
        ("Update on MoU activity in 2020/21", pack_path.name)]


def test_london_pack_part_two_and_its_report() -> None:
    paper = pack_of(FIXTURES / "papers" / "pack_london_borough.md")
    m = paper.meeting
    assert m is not None and (m.date, m.time, m.online) == ("2024-09-09", "19:00", False)
    assert [i.number for i in m.items if i.confidential] == ["6", "7"]
    assert m.items[4].verbal and m.items[4].presenters == ("Cllr Owen Barclay", "Ngozi Eze")
    assert [(x.name, x.role) for x in m.members][-1] == ("Irene Walsh", "co_opted")
    (report,) = paper.reports
    assert (report.title, report.agenda_item) == ("Temporary Accommodation Costs 2024/25", "4")
    assert paper.layout.blocks[report.first_block].text == "Agenda Item 4"
    assert [s.heading for s in report.sections if s.kind == "appendix"] == [
        "Appendix 1 – Households in temporary accommodation by type"]


def test_combined_authority_pack_two_short_reports() -> None:
    paper = pack_of(FIXTURES / "papers" / "pack_combined_authority.md")
    m = paper.meeting
    assert m is not None and (m.authority, m.body) == ("Severnside Combined Authority", "Board")
    assert paper.title == "Severnside Combined Authority Board"
    assert m.online and m.venue is not None and "Microsoft Teams" in m.venue
    assert [(x.name, x.role) for x in m.members if x.role != "member"] == [
        ("Joanna Pryce", "chair"), ("Martin Hale", "deputy_chair"), ("Amrit Gill", "substitute"),
        ("Harriet Oduya", "non_voting"), ("Lee Brandt", "observer")]
    assert [(r.title, r.agenda_item) for r in paper.reports] == [
        ("Adult Skills Fund Allocations 2025/26", "2"),
        ("Bus Service Improvement Plan: Progress", "3")]
    assert paper.reports[1].first_block == paper.reports[0].last_block + 1
    assert paper.reports[0].contact_officers[0].email == "nia.castell@severnside.example.org"


def test_report_starts_need_a_template_not_just_a_summary_heading() -> None:
    layout = layout_from_text(
        "# Board\n## Agenda\n1. Apologies\n"
        "## Housing Delivery\n### Purpose of report\nFor noting.\n### Recommendation\n"
        "That the board notes the report.\n### Background\n1. Text.\n### Summary\nMore.\n"
        "## Waste Strategy\n### Summary\nA new strategy.\n### Recommendations\nApprove it.\n")
    starts = find_report_starts(layout.blocks)
    assert [s.title for s in starts] == ["Housing Delivery", "Waste Strategy"]


def test_numbered_labels_after_report_header_lines() -> None:
    layout = layout_from_text(
        "# Cabinet\n## Agenda\n4. Household Support Fund (Pages 7 - 14)\n"
        "# Household Support Fund 2025/26\nReport to: Cabinet\nDate: 11 March 2025\n"
        "Report of: Executive Director of Communities\nKey decision: Yes\n"
        "Wards affected: All\n## 1. Purpose of the report\nTo seek approval.\n"
        "## 2. Recommendations\nApprove the scheme.\n")
    paper = parse_pack(layout, PACK)
    assert [(r.title, r.agenda_item, r.first_block) for r in paper.reports] == [
        ("Household Support Fund 2025/26", "4", 3)]


def test_agenda_item_stamp_does_not_set_the_title_level_so_numbered_heads_stay_in_report(
        ) -> None:
    layout = layout_from_text(
        "# Transport Committee\n## Agenda\n4. Bus Franchising\n"
        "#### Agenda Item 4\n# Bus Franchising\nMeeting\tTransport Committee\n"
        "### 1. Summary\nThe Authority consulted.\n### 2. Recommendations\nNote it.\n"
        "### 3. Financial implications\nCosts of £68 million.\n### 4. Background\nText.\n"
        "#### Report author\nName: Caroline Etherington\nJob title: Head of Bus Reform\n"
        "Email: caroline.etherington@northvale.example.org\n")
    report = parse_pack(layout, PACK).reports[0]
    assert (report.title, report.agenda_item) == ("Bus Franchising", "4")
    assert [s.heading for s in report.sections if s.kind == "appendix"] == []
    assert [(c.name, c.position) for c in report.contact_officers] == [
        ("Caroline Etherington", "Head of Bus Reform")]


def test_membership_columns_named_by_header() -> None:
    layout = layout_from_text(
        "# Cabinet\n## Membership\nCouncillor\tPortfolio\tGroup\n"
        "Cllr Ann Bee (Chair)\tLeader of the Council\tLabour\n"
        "Cllr Tom Ash\tAdult Social Care\tGreen\n## Agenda\n1. Apologies\n")
    members = parse_pack(layout, PACK).meeting.members  # type: ignore[union-attr]
    assert [(m.name, m.role, m.group, m.position, m.authority) for m in members] == [
        ("Ann Bee", "chair", "Labour", "Leader of the Council", None),
        ("Tom Ash", "member", "Green", "Adult Social Care", None)]


def test_appendix_mentions_in_sentences_are_not_appendices() -> None:
    layout = layout_from_text(
        "## Report\nAppendix 1 sets out the figures.\n**Appendix 1 – Figures**\nA\tB\n1\t2\n"
        "**ANNEX B**\nMore text\n")
    found = find_appendices(layout.blocks, 0, len(layout.blocks) - 1)
    assert [(s.heading, s.first_block, s.last_block) for s in found] == [
        ("Appendix 1 – Figures", 2, 3), ("ANNEX B", 4, 5)]


def test_reports_link_to_items_in_agenda_order() -> None:
    items = [AgendaItem("4", "National Graduate Development Programme update"),
             AgendaItem("5", "Procurement Support Update", confidential=True),
             AgendaItem("8", "Sector-Led Improvement activity in 2020/21")]
    reports = [Report(title="National Graduate Development Programme (NGDP)"),
               Report(title="National Procurement Policy Statement"),
               Report(title="Update on MoU activity in 2020/21")]
    linked = link_agenda_items(reports, items)
    assert [(r.agenda_item, r.confidential) for r in linked] == [
        ("4", False), ("5", True), ("8", False)]
    assert title_similarity("Update on MoU activity", "Annual conference") == 0.0


_LINE = st.one_of(
    st.sampled_from(["# Board", "## Agenda", "### Purpose of report", "Summary", "Recommendation",
                     "**Appendix 1 – Data**", "1. Apologies\t1 - 4", "CONFIDENTIAL ITEMS",
                     "Cllr Ann Bee (Chair)\tNorthmoor Council", "Labour ( 2 )\t", "Substitutes",
                     "Date of Next Meeting: 5 May 2025, 10am", "- bullet", "Agenda Item 3", ""]),
    st.text(max_size=60))


@settings(max_examples=60, deadline=None)
@given(st.lists(_LINE, max_size=40))
def test_pack_parser_never_crashes_and_reports_tile_the_pack(lines: list[str]) -> None:
    layout = layout_from_text("\n".join(lines))
    paper = parse_pack(layout, PACK)
    previous_last = -1
    for r in paper.reports:
        assert previous_last < r.first_block <= r.last_block < len(layout.blocks)
        previous_last = r.last_block
    if paper.reports:
        assert paper.reports[-1].last_block == len(layout.blocks) - 1


def test_header_table_cells_set_out_as_lines_are_not_the_report_title() -> None:
    layout = layout_from_text(
        "# Transport Committee\n## Agenda\n4. Bus Franchising: Consultation Outcome\n"
        "#### Agenda Item 4\nBus Franchising: Consultation Outcome\n#### Meeting\n"
        "#### Transport Committee\n#### Date\nReport of Director of Transport\n#### Status\n"
        "#### Public\n### 1. Summary\nThe Authority consulted.\n### 2. Recommendations\n"
        "Note it.\n")
    assert [(s.title, s.agenda_item) for s in find_report_starts(layout.blocks)] == [
        ("Bus Franchising: Consultation Outcome", "4")]


def test_police_and_crime_panel_named_only_in_the_running_header_is_the_body() -> None:
    from dataclasses import replace
    layout = layout_from_text(
        "Public Document Pack\n"
        "Date:\tThursday 5 February 2026\n"
        "Time:\t2.00 pm\n"
        "**Membership:**\n"
        "Councillor Alan Threlfall (Chair) – Marchbury City Council\n"
        "Councillor Kevin Doyle – Marcheshire County Council\n"
        "Superintendent Neil Coombes – Marcheshire Police\n"
        "# AGENDA\n"
        "1.\tApologies for absence\n"
        "2.\tProposed Police Precept 2026/27\n")
    layout = replace(layout, metadata={"running_headers": "MARCHESHIRE POLICE AND CRIME PANEL"})
    paper = parse_pack(layout, PACK)
    assert paper.meeting.body == "Marcheshire Police and Crime Panel"
    assert paper.body == "Marcheshire Police and Crime Panel"
    assert ("Neil Coombes", "Superintendent") in [(m.name, m.title) for m in paper.meeting.members]
    assert (paper.meeting.date, paper.meeting.time) == ("2026-02-05", "14:00")


def test_reports_opening_with_introduction_then_recommendations_are_found() -> None:
    layout = layout_from_text(
        "# Planning Policy Committee\n"
        "To: Councillors Alan Threlfall (Chairman), Maureen Copley (Vice-Chairman) and "
        "Trevor Wainwright.\nDear Councillor,\n# Agenda\n1. Apologies for absence\n"
        "2. Town Centre Design Code (page 3)\n3. Date of next meeting: 16 September 2025\n"
        "**Agenda Item 2**\n# Town Centre Design Code\n"
        "**Report of the Head of Planning Policy**\n## 1. Introduction\n"
        "1.1 This report presents the draft design code.\n## 2. Recommendations\n"
        "2.1 That the Committee approves the draft code for consultation.\n## 3. Background\n"
        "3.1 The code was prepared with residents.\n")
    paper = parse_pack(layout, PACK)
    assert [(r.title, r.agenda_item) for r in paper.reports] == [
        ("Town Centre Design Code", "2")]
    assert paper.meeting is not None
    assert [(i.number, i.pages) for i in paper.meeting.items] == [
        ("1", None), ("2", "3"), ("3", None)]  # the dated last item is no report's head
    assert [(m.name, m.role) for m in paper.meeting.members] == [
        ("Alan Threlfall", "chair"), ("Maureen Copley", "vice_chair"),
        ("Trevor Wainwright", "member")]


def test_an_appendix_with_an_introduction_but_no_recommendations_is_not_a_report() -> None:
    layout = layout_from_text(
        "# Cabinet\n## Agenda\n1. Waste Strategy\n# Waste Strategy\n## Purpose\nTo agree it.\n"
        "## Recommendations\nAgree it.\n# Appendix 1 – Consultation Summary\n"
        "## 1. Introduction\nResidents replied.\n## 2. Background\nText.\n")
    assert [s.title for s in find_report_starts(layout.blocks)] == ["Waste Strategy"]


def test_a_header_table_unrolled_line_by_line_does_not_title_the_report_by_its_last_value(
        ) -> None:
    layout = layout_from_text(
        "# Cabinet\n## Agenda\n9. Climate Emergency Action Plan – Annual Progress Report\n"
        "### Agenda Item 9\n### Climate Emergency Action Plan – Annual\n### Progress Report\n"
        "Report to\nCabinet\nKey decision\nNo\nDivisions affected\nAll\n"
        "## 1. Purpose of the Report\nTo report progress.\n## 2. Recommendations\nNote it.\n")
    assert [(s.title, s.agenda_item) for s in find_report_starts(layout.blocks)] == [
        ("Climate Emergency Action Plan – Annual Progress Report", "9")]


def test_a_heading_title_under_a_stamp_and_date_banner_stays_the_title() -> None:
    layout = layout_from_text(
        "# Police and Crime Panel\n## Agenda\n5. Proposed Police Precept 2026/27\n"
        "#### Agenda Item 5\n#### 5 February 2026\n# Proposed Police Precept 2026/27\n"
        "#### Report of the Police and Crime Commissioner\n### 1. Purpose of the report\n"
        "To notify the Panel.\n### 2. Recommendations\nThat the Panel reviews it.\n")
    assert [(s.title, s.agenda_item) for s in find_report_starts(layout.blocks)] == [
        ("Proposed Police Precept 2026/27", "5")]
    banner = layout_from_text(
        "# Police and Crime Panel\n## Agenda\n5. Proposed Police Precept\n6. Performance\n"
        "## Agenda Item 5\n## MARCHESHIRE POLICE AND CRIME PANEL\nProposed Police Precept\n"
        "## 1. Purpose of the report\nTo notify the Panel.\n## 2. Recommendations\nNote it.\n"
        "## Agenda Item 6\n## MARCHESHIRE POLICE AND CRIME PANEL\nPerformance Report Q3\n"
        "## 1. Purpose of the report\nTo inform the Panel.\n## 2. Recommendations\nNote it.\n")
    assert [s.title for s in find_report_starts(banner.blocks)] == [
        "Proposed Police Precept", "Performance Report Q3"]
