"""The plain-text and Markdown reader on the seeds, on its own fixtures and on small cases."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boardpapers import readers
from boardpapers.model.errors import UnreadableFile
from boardpapers.model.layout import Block, BlockKind, Layout, Source
from boardpapers.readers.text import read_markdown_bytes, read_text_bytes
from tests.conftest import FIXTURES, seed

READER_FIXTURES = FIXTURES / "readers"


def _src(fmt: str = "txt", data: bytes = b"") -> Source:
    return Source(path=f"test.{fmt}", sha256=hashlib.sha256(data).hexdigest(), format=fmt)


def read_txt(text: str) -> Layout:
    data = text.encode("utf-8")
    return read_text_bytes(data, _src("txt", data))


def read_md(text: str) -> Layout:
    data = text.encode("utf-8")
    return read_markdown_bytes(data, _src("md", data))


def kinds(layout: Layout) -> list[tuple[str, str]]:
    return [(b.kind.value, b.text) for b in layout.blocks]


def headings(layout: Layout) -> list[str]:
    return [b.text for b in layout.blocks if b.kind is BlockKind.HEADING]


def find(layout: Layout, start: str) -> Block:
    return next(b for b in layout.blocks if b.text.startswith(start))


def tables(layout: Layout) -> list[Block]:
    return [b for b in layout.blocks if b.kind is BlockKind.TABLE]


def assert_spans(layout: Layout) -> None:
    for b in layout.blocks:
        assert layout.text[b.start:b.end] == b.text


# ------------------------------------------------------------------ seeds

@pytest.fixture(scope="module")
def pack() -> Layout:
    return readers.read(seed("002"))


def test_seed_002_membership_table_rows(pack: Layout) -> None:
    membership = next(t for t in tables(pack) if t.rows[0] == ("Councillor", "Authority"))
    assert ("Cllr Peter Fleming OBE (Chairman)", "Sevenoaks District Council") in membership.rows
    assert ("Conservative ( 8 )", "") in membership.rows
    # the blank line after the last "Substitutes" does not end the table
    assert ("Cllr Jo Beavis", "Essex County Council") in membership.rows
    assert membership.rows[-1] == ("Philip Sellwood CBE", "Independent observer")


def test_seed_002_agenda_table(pack: Layout) -> None:
    agenda = next(t for t in tables(pack) if t.rows[0] == ("Item", "Page"))
    assert ("4. National Graduate Development Programme update", "9 - 24") in agenda.rows
    assert agenda.rows[1] == ("1. Welcome, Apologies and Declarations of Interest", "")
    assert len(agenda.rows) == 15


def test_seed_002_footer_dates_are_page_breaks(pack: Layout) -> None:
    assert not any(b.text == "05 March 2021" for b in pack.blocks)
    breaks = [b for b in pack.blocks if b.kind is BlockKind.PAGE_BREAK]
    assert [b.page for b in breaks] == [2, 3, 4]  # Document is Restricted + two footers
    pages = [b.page for b in pack.blocks]
    assert pages == sorted(pages)
    assert pack.source.pages == 4
    # the sentence cut by the footer is mended, on the page where it starts
    item_l = find(pack, "Based on feedback around drop out")
    assert item_l.marker == "l." and item_l.page == 2
    assert item_l.text.endswith("talking them through the next stages and signposting to advice "
                                "to make the process seem less intimidating.")
    assert find(pack, "A BAME mentoring scheme").page == 3


def test_seed_002_table_continues_across_footer(pack: Layout) -> None:
    cohort21 = next(t for t in tables(pack) if t.rows[0][0] == "Cohort 21 Participating Councils")
    assert cohort21.rows[-1] == ("Wolverhampton City Council", "MD", "WM", "LAB")
    assert ("Black Country Transport", "", "", "N/A") in cohort21.rows
    assert not any(set(r[0]) == {"-"} for r in cohort21.rows)  # the ---- rule row is dropped


def test_seed_002_inline_markup_removed(pack: Layout) -> None:
    recent = next(t for t in tables(pack) if t.rows[0][0] == "Year")
    assert recent.rows[1][2] == "TBC by 31st March 2021"
    groups = next(t for t in tables(pack) if t.rows[0][0] == "Conservative:")
    assert groups.rows[0][2] == "email: lgaconservatives@local.gov.uk"
    assert find(pack, "*Please note: in 2020").marker == "9."  # "\*Please" unescaped
    stage = next(t for t in tables(pack) if t.rows[0] == ("Time period", "Stage", "Information"))
    may = next(r for r in stage.rows if r[0] == "May to June")
    assert may[2].endswith("best fit for the culture of the council and the nature of the work "
                           "planned.")
    assert all("<" not in b.text and "**" not in b.text for b in pack.blocks)


def test_seed_002_headings_and_lists(pack: Layout) -> None:
    hs = headings(pack)
    for expected in ("Purpose of report", "Summary", "Recommendation", "Background", "Issues",
                     "Next steps", "8. Sector-Led Improvement activity in 2020/21"):
        assert expected in hs
    rec_a = find(pack, "Discuss the progress of the NGDP")
    assert (rec_a.kind, rec_a.marker, rec_a.depth) == (BlockKind.LIST_ITEM, "a)", 0)
    sub = find(pack, "All councils will need to 'take into account'")
    assert (sub.marker, sub.depth) == ("2.1", 1)
    assert find(pack, "providing intelligence to the IPA").depth == 1  # 8.2 sits under 8.
    circa = find(pack, "c. 6500 new jobs")
    assert (circa.marker, circa.text[:2]) == ("-", "c.")
    label = find(pack, "Region: North East")
    assert (label.kind, label.bold) == (BlockKind.PARAGRAPH, True)
    assert find(pack, "Contact officer: Helen Reeves").kind is BlockKind.PARAGRAPH


def test_seed_002_spans(pack: Layout) -> None:
    assert_spans(pack)


def test_seed_003_report_headings_and_labels() -> None:
    layout = readers.read(seed("003"))
    hs = headings(layout)
    assert hs[:4] == ["City Regions Policy Updates", "Purpose of Report", "Summary",
                      "Recommendation(s)"]
    assert "Next steps" in hs and "Financial Implications" in hs
    assert find(layout, "Email:").text == "Email: Philip.Clifford@local.gov.uk"  # bookmark gone
    assert find(layout, "Is this report confidential?").kind is BlockKind.PARAGRAPH
    first = find(layout, "Officers have continued")
    assert (first.kind, first.marker) == (BlockKind.LIST_ITEM, "1.")
    assert find(layout, "Officers will continue driving").marker == "10."
    assert_spans(layout)


def test_seed_004_contact_block_stays_label_lines() -> None:
    layout = readers.read(seed("004"))
    contact = find(layout, "Contact officer:")
    assert (contact.kind, contact.text) == (BlockKind.PARAGRAPH, "Contact officer: Mia Shelton")
    assert find(layout, "Position:").text == "Position: Improvement and Strategy Advisor"
    assert not tables(layout)
    assert headings(layout)[:5] == ["Update on MoU activity in 2020/21", "Purpose of report",
                                    "Summary", "Recommendation", "Action"]
    # a line starting " set for launch" carries on the sentence before it
    assert find(layout, "Commitment to equality").text.endswith(
        "reduce inequalities, set for launch next year.")


def test_seed_000_briefing_bullets_and_headings() -> None:
    layout = readers.read(seed("000"))
    assert headings(layout)[:3] == ["POLICY BRIEF", "Top items this week",
                                    "ALSTOM WINS NEW £60M REFURBISHMENT CONTRACT"]
    item = find(layout, "Derby based Alstom wins")
    assert (item.kind, item.marker) == (BlockKind.LIST_ITEM, "·")
    assert find(layout, "https://www.bbc.co.uk").kind is BlockKind.PARAGRAPH
    assert find(layout, "23 AUGUST 2024").kind is BlockKind.PARAGRAPH


def test_seed_001_summary() -> None:
    layout = readers.read(seed("001"))
    assert find(layout, "Tuesday 17 October 2017").kind is BlockKind.PARAGRAPH
    assert headings(layout)[0] == "EMC Support to Member Organisations for 2016-17"
    assert "Supporting Elected Members" in headings(layout)  # NBSP folded
    bullet = find(layout, "Established new Board governance")
    assert (bullet.marker, bullet.depth) == ("•", 0)


# ------------------------------------------------------------------ own fixtures

def test_pandoc_markdown_report() -> None:
    layout = readers.read(READER_FIXTURES / "county_cabinet_pandoc.md")
    assert headings(layout)[:3] == [
        "Cabinet Report: Highways Maintenance Capital Programme 2025/26",
        "Purpose of the Report", "Recommendations"]
    assert find(layout, "Cabinet Report").level == 1  # setext ===
    assert find(layout, "Purpose of the Report").level == 2  # setext ---
    assert find(layout, "Report to:").text == "Report to: Cabinet"  # hard breaks kept apart
    b = find(layout, "delegates authority")
    assert b.marker == "(b)" and b.text.endswith("within the overall budget; and")
    assert [t.rows for t in tables(layout)] == [(
        ("Area", "Schemes", "Budget (£m)"), ("North", "41", "7.8"),
        ("South & Coast", "37", "9.1"), ("Central", "29", "6.8"))]
    drainage = find(layout, "of which £1.5m")
    assert (drainage.marker, drainage.depth) == ("-", 1)
    assert find(layout, "Developer contributions").text.startswith("Developer contributions & ")
    assert find(layout, "The programme is fully funded.").text.endswith(
        "See the capital strategy and contact the finance team with any questions.")
    assert find(layout, "Email:").text == "Email: amira.okafor@wessex.example.gov.uk"
    assert find(layout, "The Council maintains").text.endswith("needs planned maintenance.")


def test_cp1252_minutes() -> None:
    layout = readers.read(READER_FIXTURES / "minutes_cp1252.txt")
    assert "25. FEES AND CHARGES 2025/26" in headings(layout)
    fees = find(layout, "The Licensing Manager presented")
    assert "rise from £185 to £196" in fees.text and "£1,240." in fees.text
    assert "“cost recovery”" in find(layout, "Members asked").text
    present = find(layout, "Present:")
    assert present.text.endswith("R. O’Driscoll and S. Whitcombe")
    resolved = find(layout, "That the fees set out")
    assert (resolved.kind, resolved.marker) == (BlockKind.LIST_ITEM, "(a)")
    assert find(layout, "RESOLVED: That the minutes").text.endswith("signed by the Chair.")


def test_page_footers_and_form_feeds() -> None:
    layout = readers.read(READER_FIXTURES / "district_report_page_footers.txt")
    assert layout.source.pages == 3
    assert not any("Page " in b.text and " of 3" in b.text for b in layout.blocks)
    assert find(layout, "increasing the supply").page == 2
    quarters = tables(layout)[0]
    assert quarters.page == 2 and quarters.rows[-1] == ("Q4 2024/25 (forecast)", "150", "81")
    assert find(layout, "4. Financial implications").page == 3
    summary = find(layout, "This report updates the Committee")
    assert summary.marker == "1.1" and summary.text.endswith("has also increased.")
    bullet = find(layout, "notes the progress made")
    assert (bullet.marker, bullet.depth) == ("•", 1)


def test_word_conversion_in_utf16() -> None:
    layout = readers.read(READER_FIXTURES / "combined_authority_word_utf16.txt")
    assert layout.source.pages == 2
    # the running header is kept once, as the title, where it opens the file
    assert [b.page for b in layout.blocks if b.text == "Agenda Item 5"] == [1]
    assert not any(b.text == "- 2 -" for b in layout.blocks)
    assert find(layout, "12 June 2025").page == 1  # the cover date is not the footer
    assert "Bus Service Improvement Plan: Progress Report" in headings(layout)
    assert find(layout, "note the progress made since").text.endswith("31st March 2025 update;")
    assert find(layout, "the £2 fare").depth == 1
    assert find(layout, "new bus lanes").text == "new bus lanes on the A38 and A4174 corridors;"
    assert find(layout, "Patronage in 2024/25").text.endswith("higher than 2023/24.")
    assert find(layout, "Contact officer:").text == "Contact officer: Tomasz Wiśniewski"


def test_pdftotext_minutes_running_header_and_page_numbers() -> None:
    layout = readers.read(READER_FIXTURES / "parish_minutes_pdftotext.txt")
    header = "Ashcombe Parish Council – Minutes – 4 February 2025"
    assert [b.page for b in layout.blocks if b.text == header] == [1]  # kept once, as title
    assert not any(b.text in ("1", "2") for b in layout.blocks)  # bare page numbers
    assert layout.source.pages == 2
    assert headings(layout)[1:4] == ["25/07 Apologies for absence", "25/08 Public participation",
                                     "25/09 Planning applications"]
    assert find(layout, "MINUTES OF THE MEETING").text.endswith("ON TUESDAY 4 FEBRUARY 2025 "
                                                                "AT 7.30PM")
    barton = find(layout, "P/25/0131")
    assert barton.text.endswith("Higher Barton Farm: objection, on the grounds of access and the "
                                "loss of an agricultural building.")
    assert find(layout, "The Clerk reported").text.endswith("The following payments were "
                                                           "approved:")
    assert find(layout, "25/10 Finance").page == 2


def test_encoding_recorded_in_metadata() -> None:
    assert readers.read(READER_FIXTURES / "minutes_cp1252.txt").metadata == {
        "encoding": "cp1252"}
    assert readers.read(READER_FIXTURES / "combined_authority_word_utf16.txt").metadata == {
        "encoding": "utf-16-le"}


# ------------------------------------------------------------------ small cases

def test_hard_wrapped_paragraph_joined_but_not_headings_or_labels() -> None:
    text = ("Background\n\n"
            "The council agreed in 2023 to review the way it commissions home care services\n"
            "across the district, and this report sets out the findings of that review in\n"
            "full, with recommendations.\n"
            "Position: Head of Service\n"
            "Phone: 01632 960000\n")
    layout = read_txt(text)
    assert kinds(layout)[1][1].endswith("in full, with recommendations.")
    assert kinds(layout)[2] == ("paragraph", "Position: Head of Service")
    assert kinds(layout)[0] == ("heading", "Background")


def test_markers_and_bullets() -> None:
    layout = read_txt("Intro:\n(iv) fourth point\ni. first\n- a) lettered\n▪ square\n"
                      "11.00 am start\n2.5 million people\n")
    got = [(b.kind.value, b.marker, b.text) for b in layout.blocks]
    assert got == [("paragraph", "", "Intro:"), ("list_item", "(iv)", "fourth point"),
                   ("list_item", "i.", "first"), ("list_item", "a)", "lettered"),
                   ("list_item", "▪", "square"), ("paragraph", "", "11.00 am start"),
                   ("paragraph", "", "2.5 million people")]


def test_markdown_rules_dropped_and_escapes_kept() -> None:
    layout = read_md("# Title\n\n---\n\nCosts rose by 5\\*.\n\n* * *\n\n[bookmark: _Hlk1]Done.\n")
    assert kinds(layout) == [("heading", "Title"), ("paragraph", "Costs rose by 5*."),
                             ("paragraph", "Done.")]


def test_bold_short_line_is_heading_bold_sentence_is_not() -> None:
    layout = read_md("**Background**\n\nText here.\n\n**This is a full sentence.**\n\nMore.\n")
    assert (layout.blocks[0].kind, layout.blocks[0].bold) == (BlockKind.HEADING, True)
    assert (layout.blocks[2].kind, layout.blocks[2].bold) == (BlockKind.PARAGRAPH, True)


def test_pipe_table_without_outer_pipes() -> None:
    layout = read_md("Name | Role\n---|---\nAda Jones | Chair\nBen Smith | Member\n")
    assert layout.blocks[0].rows == (("Name", "Role"), ("Ada Jones", "Chair"),
                                     ("Ben Smith", "Member"))


def test_moderngov_number_line_heads_its_title() -> None:
    layout = read_txt("Items\n\n139.\n\nWebcasting Introduction\n\n1.         This meeting "
                      "is to be webcast.\n")
    assert kinds(layout)[1] == ("heading", "139. Webcasting Introduction")
    assert (layout.blocks[2].marker, layout.blocks[2].text) == ("1.", "This meeting is to be "
                                                                "webcast.")


def test_binary_and_empty_input_rejected() -> None:
    with pytest.raises(UnreadableFile, match="does not look like text"):
        read_text_bytes(b"\x00\x01\x02\x03PK\x00\x00binary\x00", _src())
    with pytest.raises(UnreadableFile, match="no text"):
        read_text_bytes(b"   \n\n\t\n", _src())


def test_cp1252_preferred_for_western_bytes() -> None:
    data = "Budget of £2.5m – “approved”\n".encode("cp1252")
    assert read_text_bytes(data, _src()).blocks[0].text == "Budget of £2.5m – “approved”"


# ------------------------------------------------------------------ properties

_LINE = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60),
    st.sampled_from(["", "# Head", "- item", "  - sub", "a) x", "2.1 y", "A\tB\tC", "x\t\ty",
                     "Page 2 of 9", "05 March 2021", "**Bold**", "<b>B</b>\t", "---", "\f",
                     "| a | b |", "|---|---|", "continued line", "Label: value", "\t\tcell",
                     "12", "²", "Cabinet – 5 March 2021", "<sup>1</sup> note", "o\tsub"]))


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINE, max_size=25), st.booleans())
def test_spans_index_layout_text(lines: list[str], markdown: bool) -> None:
    data = "\n".join(lines).encode("utf-8")
    reader = read_markdown_bytes if markdown else read_text_bytes
    try:
        layout = reader(data, _src("md" if markdown else "txt", data))
    except UnreadableFile:
        return
    assert_spans(layout)
    pages = [b.page for b in layout.blocks]
    assert pages == sorted(pages) and layout.source.pages == (pages[-1] if pages else 1)
    assert all(b.kind is not BlockKind.PAGE_BREAK or not b.text for b in layout.blocks)
    assert layout.blocks[0].kind is not BlockKind.PAGE_BREAK


# ------------------------------------------------------------ converted text (pdftotext -layout)

LAYOUT_AGENDA = (
    "Agenda\n"
    "1.      Apologies                                                   -\n"
    "2.      Minutes of the meeting held on 9 July 2025                  1 - 4\n"
    "        To approve the minutes as a correct record.\n"
    "3.      Bus Franchising: Consultation Outcome                       5 - 10\n"
    "\n"
    "Meeting                      Transport Committee\n"
    "Date                         10 September 2025\n")


def test_layout_text_columns_are_table_rows_and_wrapped_cells_stay_in_their_column() -> None:
    layout = read_txt(LAYOUT_AGENDA)
    agenda, header = tables(layout)
    assert agenda.rows == (
        ("1.", "Apologies", "-"),
        ("2.", "Minutes of the meeting held on 9 July 2025 To approve the minutes as a correct "
               "record.", "1 - 4"),
        ("3.", "Bus Franchising: Consultation Outcome", "5 - 10"))
    assert header.rows == (("Meeting", "Transport Committee"), ("Date", "10 September 2025"))
    assert_spans(layout)


def test_justified_layout_line_is_prose_not_a_table() -> None:
    layout = read_txt(
        "Label                  Value one\nOther                  Value two\n\n"
        "The  Council   must   publish   its   transport   policy   for   the   year   by\n"
        "31 May 2025 so that families can choose schools.\n")
    assert kinds(layout)[-1] == (
        "paragraph", "The Council must publish its transport policy for the year by 31 May 2025 "
                     "so that families can choose schools.")


def test_tab_separated_agenda_row_with_number_title_and_pages_is_a_table_row() -> None:
    layout = read_txt("1.\tApologies\t-\n2.\tMinutes\t1 - 4\n3.\tA list item set with a tab\n")
    assert tables(layout)[0].rows == (("1.", "Apologies", "-"), ("2.", "Minutes", "1 - 4"))
    assert (layout.blocks[1].kind, layout.blocks[1].marker) == (BlockKind.LIST_ITEM, "3.")


def test_numbered_heading_right_above_its_first_subparagraph() -> None:
    layout = read_txt("1. Summary\n1.1 The Authority consulted on a scheme.\n"
                      "1.2 It received 4,806 responses.\n")
    assert kinds(layout)[0] == ("heading", "1. Summary")
    assert [(b.marker, b.depth) for b in layout.blocks[1:]] == [("1.1", 0), ("1.2", 0)]


def test_pdftotext_marker_alone_on_its_line_heads_the_next_paragraph() -> None:
    layout = read_txt("Cabinet is recommended to:\na)\n\n"
                      "approve the policy set out at Appendix A;\n\n"
                      "b)\n\ndelegate authority to the Director; and\n\n"
                      "c)\n\nnote the overspend.\n")
    assert [(b.kind.value, b.marker, b.text) for b in layout.blocks] == [
        ("paragraph", "", "Cabinet is recommended to:"),
        ("list_item", "a)", "approve the policy set out at Appendix A;"),
        ("list_item", "b)", "delegate authority to the Director; and"),
        ("list_item", "c)", "note the overspend.")]
    assert_spans(layout)


def test_pdftotext_minute_title_line_is_not_wrapped_into_its_text() -> None:
    filler = "The officer presented the report on the application and members asked questions.\n"
    layout = read_txt(
        filler * 3
        + "\nPL/88 Application 25/00214/OUT – Land north of Hollow Road, Brackley Green\n"
        "The Development Manager reported that the applicant had offered a contribution of\n"
        "£1,240,000 towards a new primary school.\n"
        "Apologies were received from Councillor Norman Blyth and Councillor Sunita Kaur too.\n"
        "PL/89 Appeals update\nNoted.\n")
    texts = kinds(layout)
    assert ("heading", "PL/88 Application 25/00214/OUT – Land north of Hollow Road, Brackley "
                       "Green") in texts
    assert texts[-2:] == [("heading", "PL/89 Appeals update"), ("paragraph", "Noted.")]


def test_title_cut_into_one_heading_per_line_is_joined() -> None:
    layout = read_md("## Minutes of the meeting of the Planning Committee held in the\n\n"
                     "## Council Chamber, Civic Centre on Tuesday 22 April\n\n"
                     "## 2025 at 6.30 pm\n\n"
                     "## Present\n\nCouncillors A and B.\n")
    assert headings(layout) == ["Minutes of the meeting of the Planning Committee held in the "
                                "Council Chamber, Civic Centre on Tuesday 22 April 2025 at 6.30 pm",
                                "Present"]
    assert_spans(layout)


def test_word_hyphenated_at_line_end_is_mended_only_when_spelt_whole_elsewhere() -> None:
    layout = read_txt("The environmental statement and the environ-\nmental impact of its long-\n"
                      "term plan for COVID-\n19 recovery.\n")
    assert layout.blocks[0].text == ("The environmental statement and the environmental impact "
                                     "of its long-term plan for COVID-19 recovery.")


def test_email_broken_in_a_narrow_cell_is_joined() -> None:
    layout = read_txt("Officer                Email\n"
                      "Gareth Ellingham       gareth.ellingham@hollinsrid\n"
                      "                       ge.gov.uk\n")
    assert tables(layout)[0].rows[1] == ("Gareth Ellingham",
                                         "gareth.ellingham@hollinsridge.gov.uk")
    md = read_md("Name\tEmail\nSunita Bhardwaj\tsunita.bhardwaj@hollinsridg\n\ne.gov.uk\n\nNext.\n")
    assert tables(md)[0].rows[1] == ("Sunita Bhardwaj", "sunita.bhardwaj@hollinsridge.gov.uk")
    assert kinds(md)[-1] == ("paragraph", "Next.")


def test_pdftotext_heading_right_after_a_full_line_and_a_contact_block_under_it() -> None:
    body = ("The revised policy is expected to reduce spending by £1.1 million in a full year,\n"
            "rising to £1.8 million by 2027/28, as assumed in the financial strategy of the\n")
    layout = read_txt(body * 2
                      + "Cabinet report, Home to School Transport consultation, 14 Nov 2024.\n"
                      "Contact Officers\nHelen Marchbank\n"
                      "Head of School Organisation and Transport\n"
                      "Tel: 01632 960 418\nEmail: helen.marchbank@thornburyvale.gov.uk\n")
    assert kinds(layout)[-5:] == [
        ("heading", "Contact Officers"), ("paragraph", "Helen Marchbank"),
        ("paragraph", "Head of School Organisation and Transport"),
        ("paragraph", "Tel: 01632 960 418"),
        ("paragraph", "Email: helen.marchbank@thornburyvale.gov.uk")]


def test_word_text_report_title_with_a_colon_is_a_heading_but_a_label_line_is_not() -> None:
    layout = read_txt("Item\t\tPage\n4.\tAny other business\t\n\n\n"
                      " Local Government Finance: Fair Funding Review 2.0 \n\n"
                      "Purpose of report\nFor discussion.\n\n"
                      " LGA Plan Theme: Stronger local economies, thriving local democracy\n\n"
                      " Contact Officer: Jo Bloggs\n\n"
                      " Date of Next Meeting: Thursday 18 September 2025\n\nEnd of the paper.\n")
    assert headings(layout) == ["4. Any other business",
                                "Local Government Finance: Fair Funding Review 2.0",
                                "Purpose of report"]


def test_tab_table_continuation_row_keeps_its_empty_first_cell() -> None:
    layout = read_txt("Position/Role\tCouncillor\tAuthority\n"
                      "Chair\tCllr Bo Hart\tKent County Council\n"
                      "\tCllr Cy Dunn\tDorset Council\n"
                      "Members\tCllr Di Fox\tSwindon Borough Council\n")
    assert tables(layout)[0].rows[1:3] == (("Chair", "Cllr Bo Hart", "Kent County Council"),
                                           ("", "Cllr Cy Dunn", "Dorset Council"))
    indented = read_txt("\tName\tRole\n\tAnn Lee\tChair\n\tBo Li\tMember\n")
    assert tables(indented)[0].rows == (("Name", "Role"), ("Ann Lee", "Chair"),
                                        ("Bo Li", "Member"))
    assert_spans(layout)


def test_pandoc_hard_line_break_in_a_table_cell_is_not_text() -> None:
    layout = read_md("# Report\n\n  ----------------------- ----------------------------------\n"
                     "  Contact for enquiries   jo.bloggs@example.gov.uk\\\n"
                     "                          Jo Bloggs, Head of Housing, 020 7946 0000\n"
                     "  Key decision            Yes\n"
                     "  ----------------------- ----------------------------------\n")
    assert tables(layout)[0].rows == (
        ("Contact for enquiries", "jo.bloggs@example.gov.uk Jo Bloggs, Head of Housing, "
                                  "020 7946 0000"),
        ("Key decision", "Yes"))


def test_number_after_part_on_the_next_line_goes_on_with_its_sentence() -> None:
    layout = read_md("(1) To approve the terms set out in the exempt Part\n\n2 report.  \n"
                     "(2) To add £16.8 million to the programme.\n\n"
                     "See paragraph\n\n3. Background\n")
    assert [(b.marker, b.text) for b in layout.blocks[:2]] == [
        ("(1)", "To approve the terms set out in the exempt Part 2 report."),
        ("(2)", "To add £16.8 million to the programme.")]
    assert layout.blocks[-1].text.endswith("Background")


def test_label_wrapped_in_its_cell_joins_the_label_not_a_new_paragraph() -> None:
    spaced = read_txt("Swyddog Cyswllt / Contact           Rhodri Llewelyn\nOfficer:\n"
                      "Swydd / Designation:                Street Services Manager\n")
    assert tables(spaced)[0].rows[0] == ("Swyddog Cyswllt / Contact Officer:", "Rhodri Llewelyn")
    md = read_md("<b>Swyddog Cyswllt / Contact</b>\tRhodri Llewelyn\n\n**Officer:**\n\n"
                 "Next paragraph.\n")
    assert tables(md)[0].rows == (("Swyddog Cyswllt / Contact Officer:", "Rhodri Llewelyn"),)
    groups = read_md("Cllr Ann Lee\tNorthvale Council\tChair\n\n"
                     "**Political groups:**\n\nLabour 4\n")
    assert "Political groups:" in headings(groups)


def test_pdftotext_numbered_section_title_right_above_its_prose_is_a_heading() -> None:
    layout = read_txt(
        "Proposed Police Precept 2026/27\n\n"
        "1. Purpose of the report\n"
        "To notify the Panel of the proposed precept for 2026/27, as required by law.\n\n"
        "2. Panel powers\n"
        "The Panel may veto the proposed precept by a two-thirds majority of its members.\n")
    assert "1. Purpose of the report" in headings(layout)
    assert "2. Panel powers" in headings(layout)
    # a numbered point that is itself a sentence stays a list item
    layout = read_txt("Actions\n\n1. Approve the budget.\nThe budget is set out below in full.\n")
    assert find(layout, "Approve").kind is BlockKind.LIST_ITEM


def test_comma_list_contact_wrapped_in_a_narrow_cell_keeps_its_last_word() -> None:
    layout = read_txt(
        "Contact\n\n"
        "Nadia Forsyth, Chief Finance Officer, Office of the Police and Crime\n"
        "Commissioner\n"
        "Tel: 01632 960588\n")
    assert find(layout, "Nadia").text == (
        "Nadia Forsyth, Chief Finance Officer, Office of the Police and Crime Commissioner")
    # one field a line (no commas): the job title stays a line of its own
    layout = read_txt("Contact\n\nNadia Forsyth\nCommissioner\nTel: 01632 960588\n")
    assert find(layout, "Nadia").text == "Nadia Forsyth"


def test_contact_cell_lines_split_off_their_row_by_a_converter_go_back_in_the_cell() -> None:
    layout = read_md(
        "Contact\tNadia Forsyth, Chief Finance Officer, Office of the Police and Crime\n\n"
        "Commissioner  \nTel: 01632 960588  \nnadia.forsyth@example.gov.uk\n")
    (table,) = tables(layout)
    assert table.rows == (("Contact", "Nadia Forsyth, Chief Finance Officer, Office of the "
                           "Police and Crime Commissioner"),)
    assert layout.blocks[1].text == "Tel: 01632 960588"
    assert_spans(layout)


def test_pdftotext_minute_number_line_with_two_slashes_starts_its_own_block() -> None:
    layout = read_txt(
        "FA/25/46 Exclusion of the press and public\n"
        "RESOLVED – That the press and public be excluded for the following item on the grounds\n"
        "that it involves exempt information.\n"
        "FA/25/47 Joint Estates Project with Avon and Somerset Constabulary and the Fire Service\n"
        "RESOLVED – That the recommendations in the exempt report be approved.\n")
    assert find(layout, "FA/25/47").text == (
        "FA/25/47 Joint Estates Project with Avon and Somerset Constabulary and the Fire Service")
    assert find(layout, "RESOLVED – That the rec").kind is BlockKind.PARAGRAPH


def test_pandoc_double_hyphen_between_words_is_an_en_dash() -> None:
    layout = read_md(
        "**ES 063/25 MINUTES**\n\n"
        "AGREED -- that the minutes be confirmed; the plan --- in full --- was noted.\n\n"
        "Apologies were received from Councillor F O\\'Hagan.\n")
    assert find(layout, "AGREED").text == (
        "AGREED – that the minutes be confirmed; the plan — in full — was noted.")
    # without pandoc's marks a typed "--" is left as it is
    assert find(read_md("AGREED -- that the minutes be confirmed.\n"), "AGREED").text == (
        "AGREED -- that the minutes be confirmed.")


def test_pandoc_attributes_are_dropped_and_their_span_text_kept() -> None:
    layout = read_md(
        "## Background {#background .unnumbered}\n\n"
        "[Venue: ]{.mgLabel}Council Chamber, Civic Centre, Fernleigh.\n")
    assert headings(layout) == ["Background"]
    assert find(layout, "Venue").text == "Venue: Council Chamber, Civic Centre, Fernleigh."


def test_pandoc_grid_table_rules_and_fenced_divs_are_not_text_and_rows_stay_apart() -> None:
    layout = read_md(
        "::: {#cmisBody}\n"
        "# Education Committee\n\n"
        "+------------+-----------------------------+\n"
        "| Item No.   | Item                        |\n"
        "+============+=============================+\n"
        "| 1          | Declarations of Interest    |\n"
        "+------------+-----------------------------+\n"
        ":::\n")
    assert not any(set(b.text) & set("+=:") for b in layout.blocks)
    assert [b.rows for b in tables(layout)] == [  # each grid row a table, as its rules say
        (("Item No.", "Item"),), (("1", "Declarations of Interest"),)]


def test_a_bold_line_wrapped_after_a_comma_into_two_bold_paragraphs_is_one() -> None:
    layout = read_md("# Corporate Parenting Board\n\n**Minutes of the meeting held on Monday, "
                     "13 October 2025 at 4.00 pm in Meeting Room 3,**\n\n**Oakhurst Civic "
                     "Centre, Town Hall Square, Oakhurst**\n\n**Present:**\n")
    texts = [b.text for b in layout.blocks]
    assert "Minutes of the meeting held on Monday, 13 October 2025 at 4.00 pm in Meeting " \
           "Room 3, Oakhurst Civic Centre, Town Hall Square, Oakhurst" in texts
    assert "Present:" in texts


# ------------------------------------------------------------ converter styles not seen before

def test_br_inside_a_pipe_cell_is_a_space_between_its_lines() -> None:
    layout = read_md("| Venue: | 18 Smith<br>Square, London |\n|---|---|\n"
                     "|  | Apologies from Cllr Tabitha<br/>Greaves. |\n")
    table = layout.blocks[0]
    assert table.rows == (("Venue:", "18 Smith Square, London"),
                          ("", "Apologies from Cllr Tabitha Greaves."))


def test_cell_wrapped_out_of_its_one_row_table_goes_back_into_it() -> None:
    layout = read_txt("| Title: | Road Safety – Approval to Consult on a |\n|---|---|\n\n"
                      "20mph Limit\n\n| Key decision: | Yes |\n|---|---|\n")
    assert layout.blocks[0].rows == (
        ("Title:", "Road Safety – Approval to Consult on a 20mph Limit"), ("Key decision:", "Yes"))


LYNX_DUMP = """\
   Agenda Item 4

                Revenue Budget Monitoring 2025/26 – Quarter 1

   Report of the Executive Director of Resources.

1. Purpose of the Report

   To report the forecast outturn. Contact: Jo Bloggs, Finance Business Partner, [1]
   [2]jo.bloggs@wealdmoor.gov.uk or see [3]https://www.wealdmoor.gov.uk/budget-monit
   oring/

Background

   Whitlock
   The Council keeps its spending under review during the year.

References

   Visible links:
   1. mailto:jo.bloggs@wealdmoor.gov.uk
   2. mailto:jo.bloggs@wealdmoor.gov.uk
   3. https://www.wealdmoor.gov.uk/budget-monitoring/
"""


def test_lynx_link_markers_and_references_list_are_dropped() -> None:
    layout = read_txt(LYNX_DUMP)
    assert "[1]" not in layout.text and "[2]" not in layout.text
    assert "References" not in layout.text and "mailto:" not in layout.text
    assert "Finance Business Partner,\njo.bloggs@wealdmoor.gov.uk or see" in layout.text
    assert "https://www.wealdmoor.gov.uk/budget-monitoring/" in layout.text  # unwrapped


def test_lynx_centred_and_left_edge_lines_are_headings_margin_lines_are_not() -> None:
    layout = read_txt(LYNX_DUMP)
    assert [(b.text, b.level) for b in layout.blocks if b.kind is BlockKind.HEADING] == [
        ("Revenue Budget Monitoring 2025/26 – Quarter 1", 1),
        ("1. Purpose of the Report", 2), ("Background", 2)]


def test_lynx_title_centred_over_two_lines_is_one_heading() -> None:
    text = ("   Cabinet\n\n                    Acquisition of Temporary Accommodation:\n\n"
            "                                Kingsmead Court\n\nReport summary\n\n"
            "   The Council places 412 households in hotels.\n   More text here, and more.\n"
            "   Yet more text.\n   And a last line.\n   One more line.\n   Two more lines.\n")
    assert headings(read_txt(text)) == [
        "Acquisition of Temporary Accommodation: Kingsmead Court", "Report summary"]


def test_numbered_references_in_ordinary_text_stay() -> None:
    layout = read_txt("Background\n\nAs reported [1] the scheme is late.\n\n[1] Audit report.\n")
    assert "[1]" in layout.text


def test_docx2txt_lone_label_takes_its_value_from_the_next_paragraph() -> None:
    layout = read_txt("Note of last Wellbeing Board meeting\n\nTitle:\n\nWellbeing Board\n\n"
                      "Date:\n\nThursday 5 December 2024\n\nVenue:\n\n18 Smith Square, London\n\n"
                      "Present:\n\nCllr Ann Hale (Chair)\n\nRecommendation:\n\n"
                      "That the Board notes the report.\n")
    assert [b.text for b in layout.blocks][1:5] == [
        "Title: Wellbeing Board", "Date: Thursday 5 December 2024",
        "Venue: 18 Smith Square, London", "Present:"]
    assert "Recommendation:\nThat the Board notes the report." in layout.text


LYNX_COVER = """\
   Cabinet 7 April 2025
   Report title Acquisition of Temporary Accommodation: Kingsmead Court
   Wards Kingsmead; Elm Park
   Portfolio Cabinet Member for Housing: Councillor
   Tobias

   Whitlock

   Key decision Yes

   Report summary

   The Council places 412 households in hotel rooms outside the borough.
   Date of the next review is not yet set.

References

   1. mailto:naomi.fairclough@harrowfield.gov.uk
"""


def test_lynx_cover_rows_with_one_space_between_label_and_value_are_table_rows() -> None:
    layout = read_txt(LYNX_COVER)
    table = next(b for b in layout.blocks if b.kind is BlockKind.TABLE)
    assert table.rows == (
        ("Report title", "Acquisition of Temporary Accommodation: Kingsmead Court"),
        ("Wards", "Kingsmead; Elm Park"),
        ("Portfolio", "Cabinet Member for Housing: Councillor Tobias Whitlock"),
        ("Key decision", "Yes"))
    assert "Cabinet 7 April 2025" in [b.text for b in layout.blocks]
    # a sentence far from the cover that starts with a label word stays prose
    assert "Date of the next review is not yet set." in layout.text
    assert "Date\tof" not in layout.text


def test_label_word_starting_lines_of_ordinary_text_are_not_split() -> None:
    text = "Date Tuesday 4 March was chosen.\nWards of the city were listed.\n"
    assert "\t" not in read_txt(text).text


DOCX2TXT_AGENDA = ("Health and Wellbeing Board\n\nWednesday 24 September 2025, 2.00 pm\n\n"
                   "AGENDA\n\nItem\n\nTitle\n\nLead\n\nTime\n\n"
                   "1\n\nWelcome and apologies\n\nChair\n\n2.00\n\n"
                   "2\n\nDeclarations of interest\n\n\n\n2.05\n\n"
                   "3\n\nBetter Care Fund Plan 2025/26\n\nDirector of Adult Social Care\n\n2.10\n\n"
                   "Next meeting: Wednesday 10 December 2025, 2.00 pm\n\n"
                   "Contact: Ruth Pemberton, Democratic Services.\n")


def test_docx2txt_table_one_cell_per_paragraph_is_rebuilt_with_its_empty_cells() -> None:
    layout = read_txt(DOCX2TXT_AGENDA)
    tables = [b for b in layout.blocks if b.kind is BlockKind.TABLE]
    assert [t.rows for t in tables] == [(
        ("Item", "Title", "Lead", "Time"),
        ("1", "Welcome and apologies", "Chair", "2.00"),
        ("2", "Declarations of interest", "", "2.05"),  # the empty Lead cell keeps its place
        ("3", "Better Care Fund Plan 2025/26", "Director of Adult Social Care", "2.10"))]
    assert "Title" not in headings(layout) and "Lead" not in headings(layout)
    assert "Next meeting: Wednesday 10 December 2025, 2.00 pm" in [b.text for b in layout.blocks]


def test_short_capitalised_paragraphs_without_numbered_rows_stay_paragraphs() -> None:
    text = "".join(f"{w}\n\n" for w in ["Summary", "Purpose", "Background", "Options",
                                        "The council met.", "It agreed the plan.", "Finance",
                                        "Costs rose.", "Risks", "None.", "Equality", "None."])
    assert "\t" not in read_txt(text).text


def test_lynx_paragraph_wrapped_at_eighty_columns_is_rejoined_short_lines_are_not() -> None:
    text = ("Minutes\n\n"
            "   Friday 10 September 2025 at 1.30 pm\n"
            "   Boardroom, Northvale House, 3 Canal Street, Ashgate\n\n"
            "   Venue for the site visit: the old bus depot, Canal Street and Northvale\n"
            "   Riverside House Annex, Ashgate\n\n"
            "Decisions\n\n"
            "   The committee agreed the plan for the depot after a long debate about the\n"
            "   costs of the scheme and the risks that officers had set out in the report.\n"
            "   Members asked that the next report should show the costs of each option\n"
            "   and the time each would take, with a plan for consulting the residents.\n")
    blocks = [b.text for b in read_txt(text).blocks]
    assert ("Venue for the site visit: the old bus depot, Canal Street and Northvale "
            "Riverside House Annex, Ashgate") in blocks
    assert "Friday 10 September 2025 at 1.30 pm" in blocks
