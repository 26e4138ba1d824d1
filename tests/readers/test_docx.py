"""DOCX reader: real values from the fixtures built by
tests/fixtures/sources/docx/build_docx_fixtures.py, and clear reasons for bad input."""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.shared import Pt
from hypothesis import given, settings
from hypothesis import strategies as st

from boardpapers import readers
from boardpapers.model.errors import UnreadableFile
from boardpapers.model.layout import BlockKind, Layout, Source
from boardpapers.readers import docx as docx_reader
from boardpapers.readers.docx_headings import looks_like_heading
from boardpapers.readers.docx_markers import split_typed_marker
from boardpapers.readers.docx_styles import heading_level_from_name
from boardpapers.readers.list_numbers import format_number, to_letters, to_roman
from tests.conftest import FIXTURES

READERS = FIXTURES / "readers"


def _read(name: str) -> Layout:
    return readers.read(READERS / name)


def _items(layout: Layout) -> list[tuple[str, str, int]]:
    return [(b.marker, b.text, b.depth) for b in layout.blocks if b.kind is BlockKind.LIST_ITEM]


def _source(data: bytes, name: str = "bad.docx") -> Source:
    return Source(path=name, sha256=hashlib.sha256(data).hexdigest(), format="docx")


@pytest.fixture(scope="module")
def report() -> Layout:
    return _read("docx_report.docx")


@pytest.fixture(scope="module")
def minutes() -> Layout:
    return _read("docx_numbered_minutes.docx")


def test_headings_from_title_heading_custom_style_and_outline_level(report: Layout) -> None:
    headings = [(b.text, b.level) for b in report.blocks if b.kind is BlockKind.HEADING]
    assert headings == [("Waste Collection Review 2024", 1), ("1. Summary", 1),
                        ("Recommendations", 2), ("Options considered", 3),
                        ("2. Costs", 1), ("3. Contact", 1)]


def test_multilevel_numbering_markers_as_displayed(report: Layout) -> None:
    items = _items(report)
    assert items[:9] == [
        ("1.", "That the Committee notes the review.", 0),
        ("2.", "That the Committee agrees the new round:", 0),
        ("2.1", "starting in the northern wards;", 1),
        ("2.2", "then the southern wards, with", 1),
        ("a)", "a trial of food waste caddies, and", 2),
        ("b)", "a review after six months", 2),
        ("(i)", "reporting to this Committee", 3),
        ("(ii)", "reporting to the Cabinet", 3),
        ("3.", "That officers consult residents.", 0),
    ]


def test_restarted_list_bullets_and_typed_markers(report: Layout) -> None:
    items = _items(report)[9:]
    assert items == [
        ("1.", "Keep fortnightly collections", 0),  # startOverride restarts the list
        ("2.", "Move to three-weekly collections", 0),
        ("•", "Residents asked for reliable collection days", 0),  # Symbol-font bullet
        ("◦", "Clear information about missed bins", 1),
        ("a)", "Typed by hand: a lettered point", 0),
        ("2.1", "A typed clause number", 1),
    ]
    texts = [b.text for b in report.blocks]
    assert "12 members of the public attended the drop-in sessions." in texts


def test_table_with_merged_cells_in_body_order(report: Layout) -> None:
    kinds = [b.kind for b in report.blocks]
    table = report.blocks[kinds.index(BlockKind.TABLE)]
    assert report.blocks[kinds.index(BlockKind.TABLE) - 1].text == "2. Costs"
    assert table.rows == (("Service", "2023/24", "2024/25"),
                          ("Collection", "£1,200,000", "£1,260,000"),
                          ("", "£640,000", "£655,000"),  # vMerge continuation
                          ("Total", "See appendix", ""))  # gridSpan 2
    assert table.page == 2


def test_page_breaks_explicit_and_rendered_counted_once(report: Layout) -> None:
    breaks = [b.page for b in report.blocks if b.kind is BlockKind.PAGE_BREAK]
    assert breaks == [2, 3]
    assert report.source.pages == 3
    by_text = {b.text: b.page for b in report.blocks}
    assert by_text["2. Costs"] == 2
    # the rendered break falls mid-paragraph: the paragraph stays on its first page
    assert by_text["Collections will be monitored monthly and the results published on the "
                   "council website."] == 2
    assert by_text["3. Contact"] == 3


def test_fields_hyperlinks_textboxes_read_once(report: Layout) -> None:
    texts = [b.text for b in report.blocks]
    assert ("The review looked at the weekly round in the northern wards and the cost of "
            "garden waste collection.") in texts
    assert "The figures exclude the depot costs met centrally." in texts
    assert report.text.count("Key figure: 92% of bins collected on time") == 1
    assert texts.index("Key figure: 92% of bins collected on time") == \
        texts.index("Performance is set out below.") + 1
    assert "REF" not in report.text


def test_headers_footers_footnotes_are_not_body_text(report: Layout) -> None:
    assert "OFFICIAL" not in report.text
    assert "footer" not in report.text
    assert "Footnote text" not in report.text


def test_bold_paragraph_and_metadata(report: Layout) -> None:
    purpose = next(b for b in report.blocks if b.text.startswith("Purpose of report"))
    assert purpose.bold and purpose.kind is BlockKind.PARAGRAPH
    plain = next(b for b in report.blocks if b.text.startswith("Report to:"))
    assert not plain.bold
    assert report.metadata["title"] == "Waste Collection Review 2024"
    assert report.metadata["author"] == "Priya Halloran"
    assert report.metadata["created"] == "2024-03-01T09:30:00+00:00"


def test_spans_point_into_layout_text(report: Layout) -> None:
    for b in report.blocks:
        assert report.text[b.start:b.end] == ("" if b.kind is BlockKind.PAGE_BREAK else b.text)


def test_numbered_headings_with_start_value_and_sub_clauses(minutes: Layout) -> None:
    headings = [b.text for b in minutes.blocks if b.kind is BlockKind.HEADING]
    assert headings[1:5] == ["45. Apologies for absence", "46. Declarations of interest",
                             "47. Highways maintenance programme 2024/25",
                             "48. Budget monitoring"]
    items = _items(minutes)
    assert items[:7] == [("47.1", "The Cabinet considered the programme.", 1),
                         ("47.2", "Members asked about:", 1),
                         ("(a)", "pothole repairs on rural roads;", 2),
                         ("(b)", "the winter gritting budget.", 2),
                         ("A.", "Option A", 3), ("B.", "Option B", 3),
                         ("47.3", "RESOLVED that the programme be approved.", 1)]
    # 48.1: level 2 restarts when level 1 advances
    assert items[7] == ("48.1", "The Cabinet noted the position.", 1)
    # upper roman list, then a second num restarting the same definition at I
    assert [m for m, _, _ in items[8:]] == ["I.", "II.", "I."]
    assert minutes.blocks[-1].page == 2


def test_libreoffice_written_numbering() -> None:
    layout = _read("docx_libreoffice_lists.docx")
    assert _items(layout) == [
        ("5.", "Land at Mill Lane: 40 homes", 0),
        ("a.", "highways objection withdrawn", 1),
        ("b.", "affordable housing at 30 per cent", 1),
        ("6.", "Former depot, Station Road: change of use", 0),
        ("i.", "Construction hours limited", 0),
        ("ii.", "Landscaping plan within three months", 0),
        ("iii.", "Bat survey before demolition", 0),
        ("•", "Site visit on 2 April", 0),
        ("•", "Decision notice within eight weeks", 0),
    ]
    table = next(b for b in layout.blocks if b.kind is BlockKind.TABLE)
    assert table.rows == (("Ward", "Applications", ""), ("Eastgate", "Approved", "12"),
                          ("", "Refused", "3"))
    figures = next(b for b in layout.blocks if b.text == "Figures")
    assert figures.page == 2 and figures.level == 2


# --- headings made by hand (Normal style + bold, capitals, a bigger font) ----------------

@pytest.fixture(scope="module")
def template() -> Layout:
    return _read("docx_council_template.docx")


def _headings(layout: Layout) -> list[tuple[str, int, bool]]:
    return [(b.text, b.level, b.bold) for b in layout.blocks if b.kind is BlockKind.HEADING]


def test_bold_capitals_and_larger_paragraphs_are_headings(template: Layout) -> None:
    assert _headings(template) == [
        ("Ravensholme District Council", 1, False),  # 16 pt over 11 pt body: the title
        ("Local Plan Review: Preferred Options", 2, True),
        ("Summary", 2, True),  # inside a one-cell table: a box round body text
        ("1. Purpose of Report", 2, True),  # Word numbering, bold: the number kept
        ("2. Recommendations", 2, True),
        ("3. Background", 2, False),  # plain, but its clause 3.1 is right under it
        ("FINANCIAL IMPLICATIONS", 2, False),
        ("Legal implications", 2, False),  # typed in lower case, shown in capitals (w:caps)
        ("Background Papers", 2, False),  # 14 pt over 11 pt
    ]
    assert ("4.", "To note the timetable", 0) in _items(template)
    assert ("2.1", "That Cabinet approves the preferred options for consultation.", 1) \
        in _items(template)


def test_bold_sentences_dates_labels_and_addresses_stay_paragraphs(template: Layout) -> None:
    bold = [b.text for b in template.blocks if b.kind is BlockKind.PARAGRAPH and b.bold]
    assert bold == ["The consultation will run for six weeks.", "12 November 2025",
                    "Decision type: key decision", "Civic Centre, Ravensholme, RV1 2AB",
                    "planning.policy@ravensholme.gov.uk",
                    "Signed off by the Monitoring Officer"]  # the last line heads nothing


def test_box_table_is_body_text_and_hidden_guidance_is_not(template: Layout) -> None:
    summary = next(i for i, b in enumerate(template.blocks) if b.text == "Summary")
    after = template.blocks[summary + 1:summary + 3]
    assert [(b.kind, b.text) for b in after] == [
        (BlockKind.PARAGRAPH, "Preferred options for 6,200 homes are proposed."),
        (BlockKind.PARAGRAPH, "Ward members were briefed in October.")]
    assert "Guidance" not in template.text
    assert sum(1 for b in template.blocks if b.kind is BlockKind.TABLE) == 1


def test_label_value_table_cells_keep_their_lines(template: Layout) -> None:
    table = next(b for b in template.blocks if b.kind is BlockKind.TABLE)
    assert table.rows == (
        ("Report to", "Cabinet"), ("Date", "12 November 2025"),
        ("Contact officer", "Imogen Thwaite\nHead of Planning Policy\n01632 960417"),
        ("Members consulted", "Councillors A Brook and C Dale\nAldermen E Fox and G Hale"))


def _styled_docx(add: Callable[[Any], None]) -> Layout:
    document = docx.Document()
    add(document)
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    return docx_reader.read_bytes(data, _source(data, "styled.docx"))


def test_look_headings_sit_below_the_heading_styles_used() -> None:
    def add(d: Any) -> None:
        d.add_paragraph("Annual Audit Letter", style="Heading 1")
        d.add_paragraph("Findings", style="Heading 2")
        d.add_paragraph().add_run("Value for money").bold = True
        d.add_paragraph("The Council has proper arrangements in place.")
        d.add_paragraph().add_run("4.2 Financial sustainability").bold = True
        d.add_paragraph("Reserves fell by £2.1 million in the year.")

    assert _headings(_styled_docx(add)) == [
        ("Annual Audit Letter", 1, True), ("Findings", 2, True),
        ("Value for money", 3, True), ("4.2 Financial sustainability", 4, True)]


def test_a_large_font_alone_needs_a_clear_difference() -> None:
    def add(d: Any) -> None:
        d.styles["Normal"].font.size = Pt(11)
        d.add_paragraph().add_run("Slightly larger line").font.size = Pt(12)
        d.add_paragraph("Body text of the report, in the body size.")
        d.add_paragraph("More body text, so that the body size is clear.")

    assert _headings(_styled_docx(add)) == []


@pytest.mark.parametrize("text, expected", [
    ("Purpose of Report", True),
    ("ES 061/25 APOLOGIES", True),
    ("Present:", True),
    ("Bus Service Improvement Plan: Progress Report", True),
    ("RESOLVED.", True),  # capitals may end with a full stop
    ("Region: North East", False),
    ("Purpose of report: for decision", False),
    ("The Committee noted the report.", False),
    ("Do you agree with the proposal?", False),
    ("Wednesday 24 September 2025", False),
    ("2.00 pm", False),
    ("www.ravensholme.gov.uk", False),
    ("Town Hall, Market Place, Ravensholme, RV4 2QT", False),
    (" ".join(["word"] * 15), False),  # too long
])
def test_looks_like_heading(text: str, expected: bool) -> None:
    assert looks_like_heading(text) is expected


@given(st.text(max_size=200))
@settings(max_examples=200, deadline=None)
def test_looks_like_heading_never_raises(text: str) -> None:
    assert looks_like_heading(text) in (True, False)


# --- bad input ---------------------------------------------------------------------------

def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def _reason(data: bytes) -> str:
    with pytest.raises(UnreadableFile) as info:
        readers.read_bytes(data, _source(data))
    return info.value.reason


def test_random_bytes_are_not_a_zip() -> None:
    assert "not a zip package" in _reason(bytes(range(256)) * 8)


def test_ole_file_is_password_protected_or_legacy_doc() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2048
    assert "password-protected or legacy .doc" in _reason(data)


def test_zip_without_word_document() -> None:
    data = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
    assert "without word/document.xml" in _reason(data)


def test_zip_bomb_refused_by_ratio_before_decompressing() -> None:
    data = _zip({"word/document.xml": b"\0" * (8 * 1024 * 1024)})
    reason = _reason(data)
    assert "zip bomb" in reason and "compresses" in reason


def test_zip_bomb_refused_by_declared_total_size() -> None:
    data = bytearray(_zip({"word/document.xml": b"<w:document/>"}))
    central = data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 0xFFFFFF00)  # declared uncompressed size
    reason = _reason(bytes(data))
    assert "zip bomb" in reason and "200 MB limit" in reason


def test_truncated_docx_is_a_damaged_zip() -> None:
    data = (READERS / "docx_report.docx").read_bytes()
    assert "zip" in _reason(data[: len(data) // 2])


def test_malformed_document_xml_is_reported() -> None:
    good = zipfile.ZipFile(READERS / "docx_report.docx")
    members = {n: good.read(n) for n in good.namelist()}
    members["word/document.xml"] = b"<w:document><w:body><w:p>"
    reason = _reason(_zip(members))
    assert "Word document" in reason or "XML" in reason


def test_read_from_path_reports_path(tmp_path: Path) -> None:
    bad = tmp_path / "agenda.docx"
    bad.write_bytes(b"this is not a word document")
    with pytest.raises(UnreadableFile) as info:
        readers.read(bad)
    assert info.value.path == str(bad)


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_raise_only_unreadable_file(data: bytes) -> None:
    try:
        docx_reader.read_bytes(data, _source(data))
    except UnreadableFile:
        pass


@settings(max_examples=25, deadline=None)
@given(st.binary(max_size=300))
def test_any_document_xml_raises_only_unreadable_file(junk: bytes) -> None:
    good = zipfile.ZipFile(READERS / "docx_report.docx")
    members = {n: good.read(n) for n in good.namelist()}
    members["word/document.xml"] = junk
    data = _zip(members)
    try:
        readers.read_bytes(data, _source(data))
    except UnreadableFile:
        pass


# --- small pure parts --------------------------------------------------------------------

@pytest.mark.parametrize("value,fmt,expected", [
    (3, "decimal", "3"), (1, "lowerLetter", "a"), (28, "lowerLetter", "bb"),
    (4, "upperLetter", "D"), (9, "lowerRoman", "ix"), (14, "upperRoman", "XIV"),
    (7, "decimalZero", "07"), (2, "ordinal", "2nd"), (5, "none", "")])
def test_format_number(value: int, fmt: str, expected: str) -> None:
    assert format_number(value, fmt) == expected


@given(st.integers(min_value=1, max_value=3999))
def test_roman_and_letters_never_empty(n: int) -> None:
    assert to_roman(n) and set(to_roman(n)) <= set("ivxlcdm")
    assert to_letters(n) and len(set(to_letters(n))) == 1


@pytest.mark.parametrize("name,level", [("heading 1", 1), ("Heading 3", 3), ("Title", 1),
                                        ("Subtitle", 2), ("CC Agenda Heading", 1),
                                        ("Council Heading 2", 2), ("Normal", 0),
                                        ("List Paragraph", 0)])
def test_heading_level_from_style_name(name: str, level: int) -> None:
    assert heading_level_from_name(name) == level


@pytest.mark.parametrize("text,expected", [
    ("a) the budget", ("a)", "the budget")), ("(iv) the plan", ("(iv)", "the plan")),
    ("2.1 Background", ("2.1", "Background")), ("12. Minutes", ("12.", "Minutes")),
    ("• Item", ("•", "Item")), ("12 members attended", None), ("2024 was busy", None),
    ("1.5 million residents", None), ("11.00 am", None), ("6.30 pm, Council Chamber", None),
    ("e.g. this", None), ("a)", None)])
def test_split_typed_marker(text: str, expected: tuple[str, str] | None) -> None:
    assert split_typed_marker(text) == expected


@given(st.text(max_size=80))
def test_split_typed_marker_keeps_the_text(text: str) -> None:
    split = split_typed_marker(text)
    if split is not None:
        marker, rest = split
        assert text.startswith(marker) and rest and rest in text
