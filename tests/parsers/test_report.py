"""The committee-report parser on layouts built by hand, in many councils' wordings."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from boardpapers.model.classification import Classification
from boardpapers.model.layout import Block, BlockKind, Layout, Source, join_blocks
from boardpapers.model.paper import ContactOfficer, Report
from boardpapers.parsers.contacts_block import contacts_from_table, read_contacts
from boardpapers.parsers.report import parse_report, parse_report_paper
from boardpapers.parsers.report_front import banner_committee, committee_line
from boardpapers.parsers.report_heads import block_head
from boardpapers.parsers.report_recs import split_inline_numbering
from boardpapers.vocab import labels
from boardpapers.vocab.labels import is_placeholder, match_label, split_fields
from tests.parsers.report_layouts import report_layout

LGA_STYLE = (
    "City Transport Update",
    "Purpose of Report",
    "For information.",
    "Is this report confidential? No",
    "Summary",
    "This report updates the Board on transport work.",
    "LGA Plan Theme: Stronger local economies",
    "Recommendation(s)",
    "Members are asked to note the content of the update paper.",
    "Contact details",
    "Contact officer: Ann Example",
    "Position: Senior Adviser",
    "Phone no: 07700 900123",
    "Email:\tann.example@example.gov.uk",
    "Strategic Transport",
    "1. Officers have commissioned research on transport decision-making in other countries and "
    "will report back on its findings later this year to the Board.",
    "Implications for Wales",
    "2. None.",
    "Financial Implications",
    "3. This can be met from the Board's budget.",
    "Next steps",
    "4. Officers will report back.",
)


def test_lga_template_values() -> None:
    report = parse_report(report_layout(*LGA_STYLE), 0, 30)
    assert report.title == "City Transport Update"
    assert report.purpose == "For information."
    assert report.summary == "This report updates the Board on transport work."
    assert report.recommendations == ("Members are asked to note the content of the update paper.",)
    assert report.confidential is False
    assert report.plan_theme == "Stronger local economies"
    assert report.contact_officers == (ContactOfficer(
        "Ann Example", "Senior Adviser", "07700 900123", "ann.example@example.gov.uk"),)


def test_sections_are_canonical_with_numbered_paragraphs() -> None:
    report = parse_report(report_layout(*LGA_STYLE), 0, 30)
    kinds = [s.kind for s in report.sections]
    assert kinds[:4] == ["purpose", "summary", "recommendations", "contact"]
    assert kinds[-3:] == ["implications_wales", "financial", "next_steps"]
    body = next(s for s in report.sections if s.heading == "Strategic Transport")
    assert [p.number for p in body.paragraphs] == ["1"]
    assert body.paragraphs[0].text.startswith("Officers have commissioned")
    financial = next(s for s in report.sections if s.kind == "financial")
    assert financial.paragraphs[0].number == "3"
    assert financial.text == "This can be met from the Board's budget."


def test_block_indices_are_absolute_inside_a_larger_layout() -> None:
    layout = report_layout("# Agenda", "1. Apologies", "2. Minutes", *LGA_STYLE)
    report = parse_report(layout, 3, len(layout.blocks) - 1)
    assert report.title == "City Transport Update"
    assert (report.first_block, report.last_block) == (3, len(layout.blocks) - 1)
    purpose = report.sections[0]
    assert layout.blocks[purpose.first_block].text == "Purpose of Report"
    numbered = [p for s in report.sections for p in s.paragraphs]
    assert all(layout.blocks[p.block].text.endswith(p.text[-10:]) for p in numbered)


def test_heading_wordings_map_to_the_same_kind() -> None:
    cases = {
        "1. Purpose of the Report": "purpose", "PURPOSE": "purpose", "Purpose:": "purpose",
        "Reason for this report": "purpose", "Reasons for the Report": "purpose",
        "Resource implications": "financial", "Comments of the Chief Finance Officer": "financial",
        "Legal Implications": "legal", "Equality and diversity implications": "equalities",
        "Implications for Wales": "implications_wales", "Next steps": "next_steps",
        "Appendices": "appendix", "Background papers": "appendix", "Risk Management": "risk",
        "Diben yr Adroddiad": "purpose", "Argymhellion": "recommendations",
        "Goblygiadau Ariannol": "financial", "Cefndir": "background", "Crynodeb": "summary",
        "Reasons for recommendations": "other",
    }
    for text, kind in cases.items():
        label = match_label(text)
        assert label is not None and label.kind == kind, text


def test_prose_is_not_a_heading() -> None:
    assert match_label("The purpose of this report is to update members.") is None
    prose = Block(BlockKind.PARAGRAPH, "Background: the council has run the service since 2016.")
    assert block_head(0, prose) is None


def test_flattened_header_line_still_parses() -> None:
    layout = report_layout(
        "Report to: Cabinet Report number: CAB/24/17 Date: 12 March 2024 "
        "Contact officer: Jane Doe Subject: Household waste",
        "Purpose of report", "For decision.",
        "Recommendation", "That Cabinet approves the new collection round.")
    paper = parse_report_paper(layout, Classification("report"))
    assert paper.title == "Household waste"
    assert paper.body == "Cabinet"
    assert paper.date == "2024-03-12"
    report = paper.reports[0]
    assert report.contact_officers[0].name == "Jane Doe"
    assert report.recommendations == ("That Cabinet approves the new collection round.",)
    assert [f.kind for f in split_fields(layout.blocks[0].text)] == [
        "report_to", "report_number", "date", "contact", "subject"]


def test_recommended_to_with_lettered_list() -> None:
    layout = report_layout(
        "Wards review", "2. Recommendations", "The Cabinet is RECOMMENDED to:",
        "(a) approve the plan;", "(b) note the consultation results.", "3. Background",
        "3.1 The plan was drafted in 2023 after a long period of engagement with residents.")
    report = parse_report(layout, 0, len(layout.blocks) - 1)
    assert report.recommendations == ("approve the plan;", "note the consultation results.")


def test_one_sentence_recommendation_and_members_asked_to_note() -> None:
    layout = report_layout("Title here", "Recommendation",
                           "It is recommended that the Committee notes the report.",
                           "Background", "The service began in 2019.")
    report = parse_report(layout, 0, 4)
    assert report.recommendations == ("It is recommended that the Committee notes the report.",)


def test_body_paragraphs_are_never_recommendations() -> None:
    layout = report_layout(
        "Title here", "Summary", "The council recommends residents recycle more.",
        "Background", "1. It is recommended that councils review bins yearly, says guidance.")
    report = parse_report(layout, 0, 4)
    assert report.recommendations == ()


def test_blank_template_gives_no_guesses() -> None:
    layout = report_layout("[Insert report title]", "Purpose of report", "[Insert text]",
                           "Summary", "[Insert text]", "Recommendation(s)",
                           "[Insert recommendations]", "Contact officer: [Insert name]",
                           "Email: [Insert email]")
    report = parse_report(layout, 0, len(layout.blocks) - 1)
    assert (report.title, report.purpose, report.summary) == (None, None, None)
    assert report.recommendations == () and report.contact_officers == ()
    assert is_placeholder("Click here to enter text.") and not is_placeholder("For decision.")


def test_two_officers_laid_out_label_by_label() -> None:
    officers, used = read_contacts(
        ["Tina Example", "Sam Sample", "Position:", "Programme Manager,", "Productivity Team",
         "Head of Programmes", "Phone no:", "07700 900001", "07700 900002", "Email:",
         "tina@example.gov.uk", "sam@example.gov.uk", "Next report heading"], heading=True)
    assert officers == (
        ContactOfficer("Tina Example", "Programme Manager, Productivity Team", "07700 900001",
                       "tina@example.gov.uk"),
        ContactOfficer("Sam Sample", "Head of Programmes", "07700 900002", "sam@example.gov.uk"))
    assert used == 12


def test_report_author_and_report_of_are_not_contacts() -> None:
    layout = report_layout("Report of the Director of Place", "Depot disposal",
                           "Purpose", "For decision.", "Report author: Tom Writer",
                           "Contact: Grace Person, Head of Property, 020 7946 0000")
    report = parse_report(layout, 0, len(layout.blocks) - 1)
    assert report.report_of == "Director of Place"
    assert [o.name for o in report.contact_officers] == ["Grace Person"]
    assert report.contact_officers[0].phone == "020 7946 0000"


def test_bilingual_labels() -> None:
    layout = report_layout("Adroddiad i / Report to: Y Cabinet / Cabinet",
                           "Perfformiad / Performance",
                           "Diben yr Adroddiad / Purpose of the Report",
                           "Er gwybodaeth. / For information.",
                           "Swyddog Cyswllt / Contact Officer", "Enw / Name: Elin Example",
                           "E-bost / Email: elin@example.gov.uk")
    report = parse_report(layout, 0, len(layout.blocks) - 1)
    assert report.title == "Perfformiad / Performance"
    assert report.purpose == "Er gwybodaeth. / For information."
    assert report.contact_officers == (
        ContactOfficer("Elin Example", None, None, "elin@example.gov.uk"),)


def test_empty_range_gives_an_empty_report() -> None:
    layout = report_layout("Only a line")
    assert parse_report(layout, 5, 9).title is None


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(list(BlockKind)), _TEXT, st.integers(0, 3)),
                max_size=25))
def test_any_blocks_parse_without_error(raw: list[tuple[BlockKind, str, int]]) -> None:
    blocks = [Block(kind, text, depth=depth, marker="a)" if kind is BlockKind.LIST_ITEM else "",
                    rows=((text,),) if kind is BlockKind.TABLE else ())
              for kind, text, depth in raw]
    spanned, joined = join_blocks(blocks)
    layout = Layout(Source("x.txt", "0" * 64, "txt"), spanned, joined)
    paper = parse_report_paper(layout, Classification("report"))
    report = paper.reports[0]
    assert all(-1 <= s.first_block <= s.last_block < max(1, len(blocks)) for s in report.sections)


@settings(max_examples=60, deadline=None)
@given(st.lists(_TEXT, max_size=12))
def test_contact_lines_never_crash(lines: list[str]) -> None:
    officers, used = read_contacts(lines)
    assert 0 <= used <= len(lines)
    assert all(o.name for o in officers)


def test_members_asked_in_summary_when_there_is_no_recommendations_label() -> None:
    layout = report_layout("Bus strategy", "Purpose", "For information.", "Summary",
                           "An update on the bus strategy.",
                           "Members are asked to note the update.", "Background",
                           "1. It is recommended that councils review routes each year, "
                           "according to the national guidance on bus services.")
    report = parse_report(layout, 0, len(layout.blocks) - 1)
    assert report.recommendations == ("Members are asked to note the update.",)


def test_part_two_line_marks_the_report_confidential() -> None:
    layout = report_layout("PART II", "Depot sale", "Purpose", "For decision.")
    assert parse_report(layout, 0, 3).confidential is True
    layout = report_layout("Depot sale", "Purpose", "For decision.")
    assert parse_report(layout, 0, 2).confidential is None


def test_header_table_gives_fields_purpose_and_contact() -> None:
    rows = (("Final Decision-Maker", "Cabinet"), ("Lead Head of Service", "Head of Planning"),
            ("Contact officer", "Jo Sample, Planning Manager, 01632 960999"),
            ("Classification", "Public"), ("Purpose of Report", "Decision"),
            ("Date of meeting", "4 June 2025"))
    table = Block(BlockKind.TABLE, "\n".join("\t".join(r) for r in rows), rows=rows)
    blocks = [table, Block(BlockKind.HEADING, "Local Plan timetable", level=1),
              Block(BlockKind.HEADING, "Recommendations", level=2),
              Block(BlockKind.LIST_ITEM, "That Cabinet agrees the timetable.", marker="1.")]
    spanned, joined = join_blocks(blocks)
    layout = Layout(Source("t.docx", "0" * 64, "docx"), spanned, joined)
    paper = parse_report_paper(layout, Classification("report"))
    report = paper.reports[0]
    assert (paper.title, paper.body, paper.date) == ("Local Plan timetable", "Cabinet",
                                                     "2025-06-04")
    assert report.purpose == "Decision"
    assert report.confidential is False
    assert report.report_of == "Head of Planning"
    assert report.contact_officers == (
        ContactOfficer("Jo Sample", "Planning Manager", "01632 960999", None),)
    assert report.recommendations == ("That Cabinet agrees the timetable.",)


def test_contact_line_in_the_header_does_not_end_the_front() -> None:
    layout = report_layout("Date of meeting: 3 March 2025", "Report of: Executive Director",
                           "Contact Officer: Name: Pat Sample", "Tel: 01632 960456",
                           "Ward(s) affected: All", "Allotment rents 2025/26",
                           "Purpose of report", "To set allotment rents.")
    report = parse_report(layout, 0, len(layout.blocks) - 1)
    assert report.title == "Allotment rents 2025/26"
    assert report.contact_officers == (ContactOfficer("Pat Sample", None, "01632 960456", None),)
    assert report.purpose == "To set allotment rents."


def test_stacked_contacts_under_a_heading() -> None:
    officers, used = read_contacts(
        ["Ann Sample", "Head of School Transport", "Tel: 01632 960 418",
         "Email: ann.sample@example.gov.uk",
         "Bob Example, Finance Business Partner (Children’s Services)",
         "01632 960 733 | bob.example@example.gov.uk", "Green Jobs"], heading=True)
    assert officers == (
        ContactOfficer("Ann Sample", "Head of School Transport", "01632 960 418",
                       "ann.sample@example.gov.uk"),
        ContactOfficer("Bob Example", "Finance Business Partner (Children’s Services)",
                       "01632 960 733", "bob.example@example.gov.uk"))
    assert used == 6


def test_contacts_wrapped_by_a_pdf() -> None:
    officers, used = read_contacts(
        ["Contact Officers: Ruth Sample, Director of Finance, 01632 960 140,",
         "ruth.sample@example.gov.uk", "Imran Example, Head of", "Financial Planning, 01632",
         "960 146,", "imran.example@example.", "gov.uk"])
    assert [(o.name, o.position, o.phone, o.email) for o in officers] == [
        ("Ruth Sample", "Director of Finance", "01632 960 140", "ruth.sample@example.gov.uk"),
        ("Imran Example", "Head of Financial Planning", "01632 960 146",
         "imran.example@example.gov.uk")]
    assert used == 7


def test_contact_tables() -> None:
    header = (("Contact Officers", "Title", "Telephone", "Email"),
              ("Gail Sample", "Licensing Manager", "01632 960 552", "gail.sample@examp le.gov.uk"))
    assert contacts_from_table(header) == (
        ContactOfficer("Gail Sample", "Licensing Manager", "01632 960 552",
                       "gail.sample@example.gov.uk"),)
    rows = (("Contact", "Matt Example, Procurement Manager Tel 01632 960 285 m@example.gov.uk"),)
    assert contacts_from_table(rows) == (
        ContactOfficer("Matt Example", "Procurement Manager", "01632 960 285", "m@example.gov.uk"),)


def test_report_author_block_is_the_contact_only_when_there_is_none() -> None:
    lines = ("Bus review", "Purpose", "For information.", "Report author", "Name: Cara Sample",
             "Job title: Head of Bus Reform", "Telephone: 01632 960 642")
    report = parse_report(report_layout(*lines), 0, 6)
    assert report.contact_officers == (
        ContactOfficer("Cara Sample", "Head of Bus Reform", "01632 960 642", None),)
    report = parse_report(report_layout(*lines, "Contact officer: Dan Person"), 0, 7)
    assert [o.name for o in report.contact_officers] == ["Dan Person"]


def test_recommendation_wrapped_over_lines() -> None:
    layout = report_layout("Budget", "Recommendations", "That Cabinet notes the overspend and the "
                           "actions being", "taken to bring spending back into line.",
                           "That Cabinet approves the virements.")
    report = parse_report(layout, 0, 4)
    assert report.recommendations == (
        "That Cabinet notes the overspend and the actions being taken to bring spending back "
        "into line.", "That Cabinet approves the virements.")


# ------------------------------------------------------------------ header facts

def test_header_facts_from_labelled_lines() -> None:
    report = parse_report(report_layout(
        "Riverside Depot Disposal",
        "Report number: CAB/25/031",
        "Portfolio Holder: Cllr Nia Brennan, Cabinet Member for Assets",
        "Wards affected: Riverside; Old Town",
        "Key decision: Yes – KD/2025/14",
        "Exempt information: Yes - Appendix 2 is exempt under paragraph 3 of Schedule 12A",
        "Purpose of report",
        "For decision.",
    ), 0, 30)
    assert report.report_number == "CAB/25/031"
    assert report.portfolio == "Cllr Nia Brennan, Cabinet Member for Assets"
    assert report.wards == "Riverside; Old Town"
    assert report.key_decision is True
    assert report.exemption == "Appendix 2 is exempt under paragraph 3 of Schedule 12A"
    assert report.exempt_paragraphs == ("3",)
    assert report.confidential is True


def test_header_facts_from_a_header_table_and_welsh_labels() -> None:
    rows = (("Aelod Cabinet / Cabinet Member", "Y Cynghorydd Elin Morgan"),
            ("Wardiau / Wards", "Pob un / All"),
            ("Penderfyniad allweddol / Key decision", "Nac ydy / No"))
    table = Block(BlockKind.TABLE, "\n".join("\t".join(r) for r in rows), rows=rows)
    blocks, text = join_blocks([Block(BlockKind.HEADING, "Strategaeth Toiledau", level=1), table,
                                Block(BlockKind.HEADING, "Diben yr Adroddiad", level=2),
                                Block(BlockKind.PARAGRAPH, "Er gwybodaeth.")])
    layout = Layout(Source(path="t.txt", sha256="0" * 64, format="txt"), blocks, text)
    report = parse_report(layout, 0, len(blocks) - 1)
    assert report.portfolio == "Y Cynghorydd Elin Morgan"
    assert report.wards == "Pob un / All"
    assert report.key_decision is False


def test_no_header_facts_when_the_report_gives_none() -> None:
    report = parse_report(report_layout(*LGA_STYLE), 0, 30)
    assert (report.report_number, report.portfolio, report.wards, report.key_decision,
            report.exemption, report.exempt_paragraphs) == (None, None, None, None, None, ())


def test_exempt_paragraphs_cited_in_the_text_and_a_plain_no() -> None:
    report = parse_report(report_layout(
        "Kingsmead Court",
        "Exempt: No",
        "Summary",
        "The price is in a Part 2 report, exempt under paragraphs 3 and 5 of Part 1 of "
        "Schedule 12A to the Local Government Act 1972.",
        "Background",
        "1. Paragraph 3 of the lease sets the rent.",
    ), 0, 30)
    assert report.exemption is None
    assert report.exempt_paragraphs == ("3", "5")


def test_welsh_exempt_paragraph_of_part_4() -> None:
    report = parse_report(report_layout(
        "Gwerthu Tir",
        "Purpose of report",
        "Mae'r atodiad yn eithriedig dan baragraff 14 o Ran 4 o Atodlen 12A.",
        "Eithriedig dan paragraff 14 o Ran 4 o Atodlen 12A i Ddeddf Llywodraeth Leol 1972.",
    ), 0, 30)
    assert report.exempt_paragraphs == ("14",)


# ------------------------------------------------------------------ fast paths agree

@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("PurposeSummaryContact officerWards:?-–\t */#_<b>İıſ "
                                             "recommendationsKey decision12A")), max_size=60))
def test_label_pre_filter_never_hides_a_label(text: str) -> None:
    from boardpapers.vocab import labels
    for candidate in (text, f"Purpose: {text}", f"{text} / Diben"):
        cleaned = labels.clean_label_text(candidate)
        rest = labels.split_numbering(cleaned)[1].strip()
        slow = None
        for pattern in labels._PATTERNS:  # the loop alone, no pre-filter
            slow = labels._match_one(pattern, rest)
            if slow is not None:
                break
        fast = labels._match_any(rest, None)
        assert fast == slow


def test_long_lines_judged_on_their_head_agree_with_the_whole_line() -> None:
    from boardpapers.vocab import labels
    prose = "The council agreed the plan. " * 60
    for text in ("Wards affected: All " + prose, "**" * 600 + "Purpose: x", prose + "Date: 1 May",
                 "<b>" * 300 + "Report to: Cabinet Date: 3 May 2025"):
        labels.clear_caches()
        assert labels.match_label(text) == labels._match_label.__wrapped__(text, None)
        assert labels.split_fields(text) == labels._split_fields.__wrapped__(text)


# ------------------------------------------------------------------ contacts, converted text

def test_contact_whose_email_comes_before_the_name() -> None:
    officers, used = read_contacts(["Contact for enquiries: jo.bryant@fernley.gov.uk",
                                    "Jo Bryant, Assistant Director, Housing Supply, 020 7946 0111",
                                    "Key decision", "Yes"], heading=False)
    assert officers == (ContactOfficer("Jo Bryant", "Assistant Director, Housing Supply",
                                       "020 7946 0111", "jo.bryant@fernley.gov.uk"),)
    assert used == 2  # "Key decision" is a label, never a person


def test_contact_cell_broken_out_of_its_header_table() -> None:
    rows = (("Report title", "Temporary Accommodation"),
            ("Contact for enquiries", "jo.bryant@fernley.gov.uk"))
    table = Block(BlockKind.TABLE, "\n".join("\t".join(r) for r in rows), rows=rows)
    blocks, text = join_blocks([
        table, Block(BlockKind.PARAGRAPH, "Jo Bryant, Assistant Director, 020 7946 0111"),
        Block(BlockKind.HEADING, "Report summary", level=2),
        Block(BlockKind.PARAGRAPH, "The Council places 412 households in hotels.")])
    layout = Layout(Source(path="t.txt", sha256="0" * 64, format="txt"), blocks, text)
    report = parse_report(layout, 0, len(blocks) - 1)
    assert report.contact_officers == (ContactOfficer(
        "Jo Bryant", "Assistant Director", "020 7946 0111", "jo.bryant@fernley.gov.uk"),)


def test_contact_block_read_on_over_page_furniture() -> None:
    furniture = contact_furniture("Tudalen / Page 1", "Cyngor Sir Glanmor / Glanmor County Council")
    officers, used = read_contacts(["Contact officer: Rhodri Llewelyn", *furniture,
                                    "Rhif Ffôn / Telephone No: 029 2018 0457",
                                    "E-bost / E-mail: rhodri.llewelyn@glanmor.gov.wales"])
    assert officers == (ContactOfficer("Rhodri Llewelyn", None, "029 2018 0457",
                                       "rhodri.llewelyn@glanmor.gov.wales"),)
    assert used == 5


def contact_furniture(*lines: str) -> list[str]:
    """Lines as the report parser hands them to the contact reader."""
    from boardpapers.parsers.report_heads import Head, contact_lines
    return contact_lines(Head(0, "contact", "Contact"),
                         [(i, Block(BlockKind.PARAGRAPH, ln)) for i, ln in enumerate(lines)])


def test_actions_heading_written_action_s_lists_the_actions() -> None:
    layout = report_layout("Asylum Accommodation: Hotel Exit Plans", "Purpose of report",
                           "For discussion.", "Recommendation(s)",
                           "That the Board notes the plans.",
                           "Action(s)", "Officers to take forward engagement with the department.",
                           "Officers to report back to the September Board.", "Background",
                           "1. The plans were published in May.")
    report = parse_report(layout, 0, len(layout.blocks) - 1)
    assert report.recommendations == ("That the Board notes the plans.",)
    assert report.actions == ("Officers to take forward engagement with the department.",
                              "Officers to report back to the September Board.")


def test_confidential_question_as_a_heading_takes_the_answer_below_it() -> None:
    lines = ("# Local Government Finance Settlement", "### Purpose of report", "For information.",
             "### Is this report confidential?", "No", "### Summary",
             "The settlement was published.")
    report = parse_report(report_layout(*lines), 0, 6)
    assert report.confidential is False
    yes = parse_report(report_layout(*lines[:4], "Yes", *lines[5:]), 0, 6)
    assert yes.confidential is True
    unanswered = parse_report(report_layout(*lines[:4], *lines[5:]), 0, 5)
    assert unanswered.confidential is None


def test_header_labels_set_above_their_values_as_pdftotext_does() -> None:
    layout = report_layout("Cabinet", "7 April 2025", "Report title",
                           "Acquisition of Temporary Accommodation: Kingsmead Court", "Wards",
                           "Kingsmead; Elm Park", "Key decision", "Yes", "Report summary",
                           "The Council places 412 households in hotel rooms.")
    report = parse_report(layout, 0, len(layout.blocks) - 1)
    assert report.title == "Acquisition of Temporary Accommodation: Kingsmead Court"
    assert (report.wards, report.key_decision) == ("Kingsmead; Elm Park", True)


def test_committee_name_cut_before_its_last_word_is_read_whole() -> None:
    lines = ("Strategaeth Toiledau / Toilets Strategy", "Pwyllgor / Committee",
             "Pwyllgor Craffu / Communities Scrutiny", "Committee", "Dyddiad / Date",
             "23 January 2025", "Purpose of the Report", "To review the strategy.")
    paper = parse_report_paper(report_layout(*lines), Classification("report"))
    assert paper.body == "Pwyllgor Craffu / Communities Scrutiny Committee"


def test_contact_row_in_a_table_goes_on_over_a_page_break() -> None:
    blocks = [Block(BlockKind.HEADING, "Summary"), Block(BlockKind.PARAGRAPH, "Text."),
              Block(BlockKind.TABLE, "Contact Officer:\tRhodri Llewelyn",
                    rows=(("Contact Officer:", "Rhodri Llewelyn"),)),
              Block(BlockKind.PARAGRAPH, "Designation: Street Services Manager"),
              Block(BlockKind.PARAGRAPH, "Page 1"), Block(BlockKind.PAGE_BREAK, ""),
              Block(BlockKind.HEADING, "Bro Tawelan County Council"),
              Block(BlockKind.PARAGRAPH, "Telephone No: 029 2018 0457"),
              Block(BlockKind.PARAGRAPH, "E-mail: rhodri.llewelyn@example.gov.wales")]
    spanned, text = join_blocks(blocks)
    layout = Layout(Source(path="t.txt", sha256="0" * 64, format="txt"), spanned, text)
    officer = parse_report(layout, 0, len(spanned) - 1).contact_officers[0]
    assert (officer.name, officer.phone, officer.email) == (
        "Rhodri Llewelyn", "029 2018 0457", "rhodri.llewelyn@example.gov.wales")


SCOTTISH = ("Item No. 7", "Report No. PLC/25/061", "KILBRAE COUNCIL",
            "PLACE COMMITTEE – 4 SEPTEMBER 2025", "# Local Housing Strategy 2026-2031",
            "Report by Executive Director (Place)", "# PURPOSE",
            "This report seeks approval of the strategy.", "# RECOMMENDATIONS",
            "That the Committee approves the strategy.", "# BACKGROUND PAPERS", "None.",
            "Author: Morag Example, Housing Strategy Manager", "Tel: 01632 960418",
            "Email: morag.example@kilbrae.gov.scot", "Date: 21 August 2025")


def test_scottish_author_block_is_the_contact_officer() -> None:
    report = parse_report(report_layout(*SCOTTISH), 0, len(SCOTTISH) - 1)
    assert report.contact_officers == (ContactOfficer(
        "Morag Example", "Housing Strategy Manager", "01632 960418",
        "morag.example@kilbrae.gov.scot"),)


def test_scottish_report_number_line_is_not_the_title_and_committee_date_wins() -> None:
    """'Report No. PLC/25/061' is a reference; the author block's closing 'Date:' is when
    it was signed, and the committee line's date is the one a user files it under."""
    paper = parse_report_paper(report_layout(*SCOTTISH), Classification("report"))
    assert paper.title == "Local Housing Strategy 2026-2031"
    assert paper.date == "2025-09-04"


def test_running_header_of_council_committee_and_date_is_not_the_title() -> None:
    lines = ("Kilbrae Council – Place Committee – 4 September 2025", "Local Housing Strategy",
             "Purpose", "This report seeks approval of the strategy.")
    report = parse_report(report_layout(*lines), 0, len(lines) - 1)
    assert report.title == "Local Housing Strategy"


def test_report_author_with_job_title_only_is_the_contact() -> None:
    lines = ("FULL APPLICATION – CONVERSION OF BARN (KD/25/0312/FUL)", "RECOMMENDATION:",
             "That the application be APPROVED subject to the following conditions:",
             "1. Time limit.", "Assessment", "The scheme reuses a building.",
             "Report Author: Jo Bramley, Senior Planner")
    report = parse_report(report_layout(*lines), 0, len(lines) - 1)
    assert report.contact_officers == (ContactOfficer("Jo Bramley", "Senior Planner"),)


def test_date_and_authority_only_in_running_header_and_footer_are_used() -> None:
    """The PDF reader removes running text but keeps it in the layout's metadata."""
    lines = ("8.", "# FULL APPLICATION – CONVERSION OF BARN (KD/25/0312/FUL)", "RECOMMENDATION:",
             "That the application be APPROVED.", "Assessment", "The scheme reuses a building.")
    plain = report_layout(*lines)
    layout = Layout(plain.source, plain.blocks, plain.text, metadata={
        "running_headers": "Kestrel Dale National Park Authority – Planning Committee",
        "running_footers": "Planning Committee – Part A | 2 October 2025"})
    paper = parse_report_paper(layout, Classification("report"))
    assert paper.date == "2025-10-02"
    assert (paper.body, paper.authority) == ("Planning Committee",
                                             "Kestrel Dale National Park Authority")
    assert parse_report_paper(plain, Classification("report")).date is None


def _front_table(*rows: tuple[str, str]) -> Block:
    return Block(BlockKind.TABLE, "\n".join("\t".join(r) for r in rows), rows=tuple(rows))


def _layout_of(blocks: list[Block]) -> Layout:
    spanned, text = join_blocks(blocks)
    return Layout(Source(path="t.txt", sha256="0" * 64, format="txt"), spanned, text)


def test_london_officers_recommendations_list_beats_recommendations_to_cabinet() -> None:
    """'Officers Recommendations' (no apostrophe) heads this report's list; the review's
    'Recommendations to Cabinet' later on are addressed to another body."""
    layout = _layout_of([
        _front_table(("Committee", "Overview and Scrutiny Committee"),
                     ("Title", "Scrutiny Review of Example Services"),
                     ("Officer contact details",
                      "Ann Example, Scrutiny Manager, 020 7946 0417, ann.example@example.gov.uk")),
        Block(BlockKind.HEADING, "Officers Recommendations"),
        Block(BlockKind.PARAGRAPH, "That the Committee:"),
        Block(BlockKind.LIST_ITEM, "Endorses the findings of the review.", marker="1."),
        Block(BlockKind.LIST_ITEM, "Refers the recommendations to Cabinet.", marker="2."),
        Block(BlockKind.HEADING, "Recommendations to Cabinet"),
        Block(BlockKind.LIST_ITEM, "The six recommendations are: R1 buy homes; R2 end annexes.",
              marker="3.1")])
    report = parse_report(layout, 0, len(layout.blocks) - 1)
    assert report.recommendations == ("Endorses the findings of the review.",
                                      "Refers the recommendations to Cabinet.")
    assert report.contact_officers == (ContactOfficer(
        "Ann Example", "Scrutiny Manager", "020 7946 0417", "ann.example@example.gov.uk"),)


def test_ni_purpose_heading_and_contact_details_on_the_last_line() -> None:
    """NI councils head the purpose '1.0 Purpose of Report or Summary of Main Issues' and
    give the named officer's e-mail and phone (028 …) on a nameless last line."""
    layout = _layout_of([
        _front_table(("Report to:", "Leisure Committee"), ("Subject:", "Festivals Fund"),
                     ("Contact Officer:", "Orla Example, Community Development Manager")),
        Block(BlockKind.HEADING, "1.0 Purpose of Report or Summary of Main Issues"),
        Block(BlockKind.LIST_ITEM, "The purpose of this report is to seek approval.",
              marker="1.1"),
        Block(BlockKind.HEADING, "2.0 Background Papers"),
        Block(BlockKind.PARAGRAPH, "None"),
        Block(BlockKind.PARAGRAPH, "Contact: orla.example@example.gov.uk, tel 028 9649 6212")])
    report = parse_report(layout, 0, len(layout.blocks) - 1)
    assert report.purpose == "The purpose of this report is to seek approval."
    assert report.contact_officers == (ContactOfficer(
        "Orla Example", "Community Development Manager", "028 9649 6212",
        "orla.example@example.gov.uk"),)


def test_next_numbered_heading_after_recommendation_is_not_a_recommendation() -> None:
    """pdftotext's '3. Programme' after '2.1 That the Committee approves…' is section 3."""
    layout = report_layout(
        "# Active Travel Fund", "# 2. Recommendations",
        "2.1 That the Committee approves the programme of eleven schemes.", "3. Programme",
        "The schemes are listed in Table 1.")
    report = parse_report(layout, 0, len(layout.blocks) - 1)
    assert report.recommendations == (
        "That the Committee approves the programme of eleven schemes.",)
    numbered = report_layout("# Recommendations", "1. Approve the budget", "2. Note the risks",
                             "3. Delegate the detail")
    assert parse_report(numbered, 0, 3).recommendations == (
        "Approve the budget", "Note the risks", "Delegate the detail")


def test_contact_table_flattened_one_cell_per_line_by_pdftotext() -> None:
    lines = ("Title", "Telephone", "Email", "Gail Sample", "Licensing Manager", "01632 960 552",
             "gail.sample@example.gov.uk", "Omar Example", "Senior Licensing Officer",
             "01632 960 559", "omar.example@example.gov.uk", "Next heading")
    officers, used = read_contacts(list(lines), heading=True)
    assert officers == (
        ContactOfficer("Gail Sample", "Licensing Manager", "01632 960 552",
                       "gail.sample@example.gov.uk"),
        ContactOfficer("Omar Example", "Senior Licensing Officer", "01632 960 559",
                       "omar.example@example.gov.uk"))
    assert used == 11


def test_contact_table_row_with_phone_and_email_merged_in_one_cell() -> None:
    rows = (("Contact Officers", "Title", "Telephone", "Email"),
            ("Gail Sample", "Licensing Manager", "01632 960 552 gail.sample@example.gov.uk"))
    assert contacts_from_table(rows) == (ContactOfficer(
        "Gail Sample", "Licensing Manager", "01632 960 552", "gail.sample@example.gov.uk"),)


def test_planning_title_in_capitals_after_item_number_with_footer_date() -> None:
    """Converted text of a planning report: the banner is no title, the capitals title
    (made a list item, or broken over two headings) is, without its item number "8."; the
    running footer left in the text gives the date and the banner the authority."""
    lines = ("# Kestrel Dale National Park Authority – Planning Committee",
             "## 8. FULL APPLICATION – CONVERSION OF STONE BARN TO HOLIDAY LET, HIGH",
             "## FOLD BARN (KD/25/0312/FUL)", "APPLICANT:", "## Ms P Example", "## Proposal",
             "Conversion to a holiday let.", "RECOMMENDATION:", "That the application be APPROVED.",
             "Planning Committee – Part A 2 October 2025 – Page 1")
    paper = parse_report_paper(report_layout(*lines), Classification("report"))
    assert paper.title == ("FULL APPLICATION – CONVERSION OF STONE BARN TO HOLIDAY LET, HIGH "
                           "FOLD BARN (KD/25/0312/FUL)")
    assert paper.date == "2025-10-02"
    assert (paper.body, paper.authority) == ("Planning Committee",
                                             "Kestrel Dale National Park Authority")
    listed = ("Kestrel Dale National Park Authority – Planning Committee",
              "8. FULL APPLICATION – CONVERSION OF STONE BARN (KD/25/0312/FUL)", "APPLICANT:",
              "## Ms P Example", "## Proposal", "Conversion to a holiday let.")
    assert parse_report_paper(report_layout(*listed), Classification("report")).title == (
        "FULL APPLICATION – CONVERSION OF STONE BARN (KD/25/0312/FUL)")


def test_converted_text_title_field_and_purpose_broken_over_two_lines() -> None:
    """'Title: … Consult on a' / '20mph Limit', pandoc's '--' for an en dash, and a
    purpose sentence broken before a capital ('… Community Festivals' / 'Fund for …')."""
    lines = ("Title: Road Safety Scheme -- Approval to Consult on a", "20mph Limit",
             "# 1.0 Purpose of Report or Summary of Main Issues",
             ("1.1 The purpose of this report is to seek approval for the allocation of the "
              "Community Festivals"), "Fund for 2025/26.", "# 2.0 Recommendation",
             "That the Committee approves the awards.")
    report = parse_report(report_layout(*lines), 0, len(lines) - 1)
    assert report.title == "Road Safety Scheme – Approval to Consult on a 20mph Limit"
    assert report.purpose == ("The purpose of this report is to seek approval for the allocation"
                              " of the Community Festivals Fund for 2025/26.")
    short = ("# Purpose", "For decision", "The council must set a budget.")
    assert parse_report(report_layout(*short), 0, 2).purpose == "For decision"


def test_title_line_under_a_contact_name_is_the_job_title() -> None:
    layout = report_layout(
        "Library Service Review", "Purpose of the Report", "To agree the new library tiers.",
        "Contact Officer", "Name: Gwendolyn Asare", "Title: Head of Libraries",
        "Tel: 01632 961 720", "Email: gwendolyn.asare@wealdmoor.gov.uk",
        "Background papers: none.")
    report = parse_report(layout, 0, len(layout.blocks) - 1)
    assert report.contact_officers == (ContactOfficer(
        "Gwendolyn Asare", "Head of Libraries", "01632 961 720",
        "gwendolyn.asare@wealdmoor.gov.uk"),)
    one_line, _ = read_contacts(["Name: Jo Pike Title: Clerk Tel: 01632 960 001"])
    assert one_line == (ContactOfficer("Jo Pike", "Clerk", "01632 960 001", None),)
    # with no officer named first, "Title:" is not a contact detail
    assert read_contacts(["Title: Head of Libraries", "Tel: 01632 961 720"]) == ((), 0)


def test_introduction_first_paragraph_is_the_purpose_when_no_purpose_label() -> None:
    layout = report_layout(
        "# Town Centre Design Code", "Report of the Head of Planning Policy",
        "# 1. Introduction",
        "1.1 This report presents the draft design code and asks for approval to consult.",
        "1.2 The code was prepared with residents.", "# 2. Recommendations",
        "2.1 That the Committee approves the draft Design Code for consultation.",
        "# 3. Background", "3.1 The code sets rules for shopfronts.",
        "For further information please contact: Sam Kowal, Senior Urban Designer, "
        "Tel: 01632 962 188, Email: sam.kowal@fenbridge.gov.uk")
    report = parse_report(layout, 0, len(layout.blocks) - 1)
    assert report.purpose == ("This report presents the draft design code and asks for "
                              "approval to consult.")
    assert report.recommendations == (
        "That the Committee approves the draft Design Code for consultation.",)
    assert report.contact_officers == (ContactOfficer(
        "Sam Kowal", "Senior Urban Designer", "01632 962 188", "sam.kowal@fenbridge.gov.uk"),)


def test_a_purpose_label_beats_the_introduction() -> None:
    layout = report_layout(
        "# Depot Disposal", "# 1. Introduction", "1.1 The depot closed in 2024.",
        "# 2. Purpose of the Report", "2.1 To agree the sale of the depot.")
    report = parse_report(layout, 0, len(layout.blocks) - 1)
    assert report.purpose == "To agree the sale of the depot."


def test_introduction_is_a_report_template_label_for_pack_starts() -> None:
    assert labels.template_label_kind("1. Introduction") == "introduction"
    assert labels.template_label_kind("Cyflwyniad") == "introduction"
    assert labels.template_label_kind("2. Recommendations") == "recommendations"
    assert labels.template_label_kind("3. Background") is None
    assert labels.template_label_kind("Introduction to the new scheme") is None


_BOXED = ("recommends to Council the banded scheme in Appendix A;",
          "agrees a hardship fund of £75,000; and", "notes the consultation result.")


def _boxed_report(cell: str, *after: Block) -> Report:
    table = _front_table(("Purpose of report", "To agree the support scheme."),
                         ("Recommendation(s)", cell))
    blocks = [Block(BlockKind.HEADING, "Council Tax Support Scheme", level=1), table, *after,
              Block(BlockKind.HEADING, "1. Background", level=2),
              Block(BlockKind.PARAGRAPH, "1.1 The scheme gives up to 85% support.")]
    layout = _layout_of(blocks)
    return parse_report(layout, 0, len(layout.blocks) - 1)


def test_recommendations_in_a_table_cell_split_by_line_breaks_are_each_a_recommendation() -> None:
    cell = "That Cabinet:\n" + "\n".join(f"{n}. {t}" for n, t in enumerate(_BOXED, 1))
    assert _boxed_report(cell).recommendations == _BOXED


def test_recommendations_cell_run_together_by_a_converter_split_at_its_numbers() -> None:
    cell = "That Cabinet: " + " ".join(f"{n}. {t}" for n, t in enumerate(_BOXED, 1))
    assert _boxed_report(cell).recommendations == _BOXED
    assert split_inline_numbering("agrees options 2. and 3. below") == [
        "agrees options 2. and 3. below"]


def test_recommendations_cell_whose_list_a_converter_set_below_the_table() -> None:
    items = [Block(BlockKind.LIST_ITEM, t, marker=f"{n}.") for n, t in enumerate(_BOXED, 1)]
    assert _boxed_report("That Cabinet:", *items).recommendations == _BOXED


def test_reasons_for_recommendation_s_ends_the_recommendations() -> None:
    layout = report_layout("# Support Scheme", "# Recommendation(s)", "That Cabinet:",
                           "1. agrees the scheme.", "2. notes the consultation.",
                           "Reasons for recommendation(s)",
                           "The Council must review its scheme each year.")
    assert parse_report(layout, 0, len(layout.blocks) - 1).recommendations == (
        "agrees the scheme.", "notes the consultation.")


def test_a_label_broken_over_two_lines_is_one_heading() -> None:
    layout = report_layout("# Support Scheme", "# Recommendations", "1. agrees the scheme.",
                           "2. notes the consultation.", "Reasons for", "recommendations",
                           "The Council must review its scheme each year.")
    report = parse_report(layout, 0, len(layout.blocks) - 1)
    assert report.recommendations == ("agrees the scheme.", "notes the consultation.")
    assert [s.heading for s in report.sections][-1] == "Reasons for recommendations"


def test_purpose_cell_sentence_broken_out_below_its_table() -> None:
    table = _front_table(("Report to", "Cabinet"),
                         ("Purpose of report", "To agree the support scheme for working-age"))
    layout = _layout_of([Block(BlockKind.HEADING, "Support Scheme", level=1), table,
                         Block(BlockKind.PARAGRAPH, "residents for 2026/27."),
                         Block(BlockKind.HEADING, "1. Background", level=2),
                         Block(BlockKind.PARAGRAPH, "1.1 The scheme gives up to 85% support.")])
    assert parse_report(layout, 0, len(layout.blocks) - 1).purpose == (
        "To agree the support scheme for working-age residents for 2026/27.")


def test_four_column_cover_sheet_rows_are_two_label_value_pairs() -> None:
    table = _front_table(
        ("Meeting:", "Executive", "Date:", "2 July 2025"),
        ("Report title:", "Electric Vehicle Charging Strategy 2025–2030", "Wards:", "All"),
        ("Report author:", "Leah Montgomery, Sustainability Lead", "Tel:", "01632 969 575"),
        ("Email:", "leah.montgomery@eastcombe.gov.uk", "Appendices:", "A – Strategy"))
    layout = _layout_of([Block(BlockKind.HEADING, "Eastcombe Council", level=1), table,
                         Block(BlockKind.HEADING, "Executive summary", level=2),
                         Block(BlockKind.PARAGRAPH, "Eastcombe has 96 public charge points.")])
    paper = parse_report_paper(layout, Classification("report"))
    report = paper.reports[0]
    assert (paper.title, paper.body, paper.date) == (
        "Electric Vehicle Charging Strategy 2025–2030", "Executive", "2025-07-02")
    assert report.wards == "All"
    assert report.contact_officers == (ContactOfficer(
        "Leah Montgomery", "Sustainability Lead", "01632 969 575",
        "leah.montgomery@eastcombe.gov.uk"),)


def test_contact_at_top_then_report_of_line_and_a_title_ending_in_committee() -> None:
    layout = report_layout(
        "Contact: Naomi Price, Head of Policy and PartnershipsTel: 01632 968 402\t"
        "Email: naomi.price@brackenfold.gov.uk",
        "# Brackenfold Borough Council", "### Council – 15 July 2025",
        "### Report of the Chief Executive", "# Establishment of a Joint Waste Committee",
        "## Summary", "This report proposes a joint committee for waste collection.")
    report = parse_report(layout, 0, len(layout.blocks) - 1)
    assert report.title == "Establishment of a Joint Waste Committee"
    assert report.report_of == "Chief Executive"
    assert report.contact_officers == (ContactOfficer(
        "Naomi Price", "Head of Policy and Partnerships", "01632 968 402",
        "naomi.price@brackenfold.gov.uk"),)
    assert committee_line(layout) is None  # neither "Report of the Chief Executive" nor the title
    assert banner_committee(layout) == "Council"


def test_long_committee_and_date_line_gives_the_date() -> None:
    layout = report_layout(
        "# Review of Temporary Accommodation",
        "Report of the Temporary Accommodation Task and Finish Group",
        "Housing and Communities Scrutiny Committee – 11 December 2025",
        "# 1. Purpose of the report", "1.1 To present the findings of the review.")
    paper = parse_report_paper(layout, Classification("report"))
    assert (paper.title, paper.date) == ("Review of Temporary Accommodation", "2025-12-11")


def test_mayoral_decision_masthead_names_the_mayor_as_body() -> None:
    layout = report_layout(
        "# MAYOR OF LONDON", "# MAYORAL DECISION – MD4021",
        "# Title: Riverside Bus Priority – design funding",
        "Executive summary: The Mayor is asked to approve expenditure of £300,000.",
        "# Mayor of London", "I confirm that I do not have any disclosable pecuniary interests.")
    paper = parse_report_paper(layout, Classification("report"))
    assert (paper.body, paper.authority) == ("Mayor of London", "Greater London Authority")


def test_police_and_crime_commissioner_masthead_is_the_body_but_a_report_to_line_wins() -> None:
    pcc = report_layout(
        "# Office of the Police and Crime Commissioner for Northmoor",
        "# Decision Record 2025/114", "# Custody Suite Refurbishment",
        "## Decision", "The Commissioner approves spending of £1.2m on the custody suite.")
    assert parse_report_paper(pcc, Classification("report")).body == (
        "Police and Crime Commissioner for Northmoor")
    declaration_only = report_layout(
        "# Fernleigh Borough Council", "Report to: Cabinet", "# Town Centre Events",
        "## Summary", "The Mayor of Fernleigh will open the events programme.")
    assert parse_report_paper(declaration_only, Classification("report")).body == "Cabinet"


def _table(*rows: tuple[str, ...]) -> Block:
    return Block(BlockKind.TABLE, "\n".join("\t".join(r) for r in rows), rows=rows)


def test_contact_details_in_their_own_table_after_the_page_footer_join_the_officer() -> None:
    blocks = [Block(BlockKind.HEADING, "Summary"), Block(BlockKind.PARAGRAPH, "Text."),
              _table(("Swyddog Cyswllt / Contact Officer:", "Rhodri Llewelyn"),
                     ("Swydd / Designation:", "Street Services Manager")),
              Block(BlockKind.PARAGRAPH, "Tudalen / Page 1"),
              Block(BlockKind.PARAGRAPH, "Cyngor Sir Bro Tawelan / Bro Tawelan County Council"),
              _table(("Rhif Ffôn / Telephone No:", "029 2018 0457"),
                     ("E-bost / E-mail:", "rhodri.llewelyn@example.gov.wales")),
              _table(("Contact Officer:", "Gwen Hughes"),
                     ("E-mail:", "gwen.hughes@example.gov.wales"))]
    spanned, text = join_blocks(blocks)
    layout = Layout(Source(path="t.md", sha256="0" * 64, format="md"), spanned, text)
    officers = parse_report(layout, 0, len(spanned) - 1).contact_officers
    assert [(o.name, o.phone, o.email) for o in officers] == [
        ("Rhodri Llewelyn", "029 2018 0457", "rhodri.llewelyn@example.gov.wales"),
        ("Gwen Hughes", None, "gwen.hughes@example.gov.wales")]
