"""Briefings and annual summaries: masthead, top items, stories and their kinds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import boardpapers.parsers  # noqa: F401  (import order: parsers before genre)
from boardpapers.model.classification import Classification
from boardpapers.model.layout import Block, BlockKind, Layout, Source, join_blocks
from boardpapers.parsers.briefing import parse_briefing, parse_summary
from boardpapers.readers import read
from tests.conftest import FIXTURES, seed

PAPERS = FIXTURES / "papers"


def _briefing(path):
    return parse_briefing(read(path), Classification("briefing"))


def test_seed_policy_brief() -> None:
    paper = _briefing(seed("000"))
    assert (paper.title, paper.body, paper.date) == ("POLICY BRIEF", "East Midlands Councils",
                                                    "2024-08-23")
    assert len(paper.highlights) == 4
    assert [i.kind for i in paper.items] == ["news", "news", "news", "vacancy", "event"]
    vacancy, training = paper.items[3], paper.items[4]
    assert vacancy.headline == "UASC CARER RECRUITMENT CO-ORDINATOR"
    assert vacancy.section == "WORK WITH US!"
    assert vacancy.links == ("https://www.emcouncils.gov.uk/vacancy/uasc-carer-recruitment-"
                             "co-ordinator/",)
    assert "27 September 20204" in training.body  # the typo is kept, never read as a date
    assert not any(d.startswith("2020") for d in training.dates)
    assert [i.highlighted for i in paper.items] == [True, True, True, False, True]
    assert "2024-09-18" in paper.items[1].dates  # "Wednesday 18 September", year from issue


def test_markdown_digest_sections_scope_items() -> None:
    paper = _briefing(PAPERS / "briefing_regional_digest.md")
    assert (paper.title, paper.body, paper.date) == ("Weekly Digest", "South Pennine Councils",
                                                    "2025-02-07")
    assert [(i.kind, i.section) for i in paper.items] == [
        ("news", "National news"), ("news", "National news"), ("vacancy", "Jobs"),
        ("event", "Events")]
    assert "2025-02-24" in paper.items[2].dates
    assert paper.items[3].links == ("https://www.southpennine.example.org.uk/events/"
                                    "nppf-webinar",)


def test_all_caps_members_bulletin() -> None:
    paper = _briefing(PAPERS / "briefing_county_members_bulletin.txt")
    assert paper.date == "2024-11-14"  # not the 18th: "Issue 18" is no day
    assert paper.body == "Democratic Services, Harrowdene County Council"
    assert [i.kind for i in paper.items] == ["news", "news", "vacancy", "event"]
    assert paper.items[3].dates == ("2024-12-03", "2024-12-12")
    assert "Published by" not in paper.items[3].body


def test_seed_annual_summary() -> None:
    paper = parse_summary(read(seed("001")), Classification("summary"))
    assert (paper.title, paper.date, paper.body) == (
        "EMC Support to Member Organisations for 2016-17", "2017-10-17", None)
    headlines = [i.headline for i in paper.items]
    assert headlines[0] == paper.title  # the introduction sits under the title
    assert "HS2 in the East Midlands" in headlines and "Migration" in headlines
    hs2 = paper.items[headlines.index("HS2 in the East Midlands")]
    assert "http://www.hs2east.co.uk/" in hs2.links


def test_fixture_summary() -> None:
    paper = parse_summary(read(PAPERS / "summary_member_support_review.txt"),
                          Classification("summary"))
    assert paper.date == "2023-09-28"
    assert [i.headline for i in paper.items][1:] == [
        "Leadership and Influence", "Councillor Development", "Employment Advice"]
    assert paper.items[3].links == ("www.northfold.example.org.uk/employers",)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=80), min_size=1, max_size=12))
def test_any_blocks_parse_without_error(texts: list[str]) -> None:
    kinds = (BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
    made, text = join_blocks([Block(kinds[i % 3], t, level=1) for i, t in enumerate(texts)])
    layout = Layout(Source("t.md", "0" * 64, "md"), made, text)
    for parse in (parse_briefing, parse_summary):
        paper = parse(layout, Classification("briefing"))
        assert all(item.headline for item in paper.items)


def test_summary_under_its_organisations_name_with_a_report_to_line() -> None:
    P, H = BlockKind.PARAGRAPH, BlockKind.HEADING
    made, text = join_blocks([Block(k, t, level=1 if k is H else 0) for k, t in (
        (H, "Northfold Councils"), (P, "Quarterly Summary of Support to Councils"),
        (P, "April – June 2025"), (H, "Report to Executive Board, Friday 18 July 2025"),
        (H, "1. Introduction"), (P, "This report summarises the support given this quarter."))])
    paper = parse_summary(Layout(Source("q.txt", "0" * 64, "txt"), made, text),
                          Classification("summary"))
    assert (paper.title, paper.body, paper.date) == (
        "Quarterly Summary of Support to Councils", "Northfold Councils", "2025-07-18")


def test_press_release_is_one_story_titled_by_its_headline_with_release_date_and_body() -> None:
    from tests.parsers.blocks import layout_from_text
    paper = parse_briefing(layout_from_text(
        "# NEWS RELEASE\n"
        "# For immediate release: 8 October 2025\n"
        "# £4.2 million boost for Northwold's high streets\n"
        "Northwold District Council has approved a £4.2 million programme for empty shops.\n"
        "Grants of up to £25,000 will be available from 3 November 2025.\n"
        "# Notes to editors\n"
        "1. The vacancy rate is 14.8%.\n"
        "# Media enquiries\n"
        "Communications Team, 01632 960615, press@northwold.gov.uk\n"
        "Ends\n"), Classification("briefing"))
    assert (paper.title, paper.date, paper.body) == (
        "£4.2 million boost for Northwold's high streets", "2025-10-08",
        "Northwold District Council")
    assert [i.headline for i in paper.items] == ["£4.2 million boost for Northwold's high streets"]
    assert paper.items[0].body.startswith("Northwold District Council has approved")
    assert "vacancy rate" not in paper.items[0].body and "01632" not in paper.items[0].body


def test_numbered_stories_lose_their_numbers_and_a_byline_above_them_is_no_story() -> None:
    from tests.parsers.blocks import layout_from_text
    paper = parse_briefing(layout_from_text(
        "# Members' Briefing\n**Issue 37 – Friday, 3 October 2025**\n"
        "## From the Chief Executive, Dunmere City Council\n"
        "Welcome to this fortnight's briefing for all councillors.\n"
        "## 1. Budget consultation opens\n1.1 The consultation opens on 6 October.\n"
        "## 2. Winter gritting service\n2.1 The fleet of 22 vehicles is ready.\n"),
        Classification("briefing"))
    assert [i.headline for i in paper.items] == [
        "Budget consultation opens", "Winter gritting service"]
    assert paper.date == "2025-10-03"


def test_strap_line_from_the_association_gives_the_sender() -> None:
    made, text = join_blocks([
        Block(BlockKind.HEADING, "COUNCILLOR E-BULLETIN", level=1),
        Block(BlockKind.PARAGRAPH, "Your fortnightly round up of news for councillors        "
                                   "from the Local Government Association"),
        Block(BlockKind.PARAGRAPH, "28 NOVEMBER 2025"),
        Block(BlockKind.HEADING, "AUTUMN BUDGET", level=2),
        Block(BlockKind.PARAGRAPH, "The Chancellor confirmed an extra £1.3 billion."),
    ])
    paper = parse_briefing(Layout(Source("b.txt", "0" * 64, "text"), made, text),
                           Classification("briefing"))
    assert (paper.body, paper.authority, paper.date) == (
        "Local Government Association", "Local Government Association", "2025-11-28")


def test_a_monthly_issue_is_dated_the_first_day_of_its_month(tmp_path) -> None:
    path = tmp_path / "bulletin.txt"
    path.write_text("FENWICK DISTRICT COUNCIL\nMEMBERS' NEWSLETTER\nIssue 47 – March 2026\n\n"
                    "Hello from the editor.\n\nPARK RUN RETURNS\nThe Saturday run at Holme "
                    "Park restarts on 4 April 2026 after the winter.\n\nBIN ROUNDS\nCollection "
                    "days change from 20 April 2026 in three wards.\n", encoding="utf-8")
    paper = _briefing(path)
    assert paper.date == "2026-03-01"
    assert [i.headline for i in paper.items] == ["PARK RUN RETURNS", "BIN ROUNDS"]
