"""PDF reader on rendered fixtures (tests/fixtures/readers/*.pdf, sources and build script
in tests/fixtures/sources/pdf/) and on bad PDFs (tests/fixtures/readers/bad_pdf/)."""

from __future__ import annotations

import hashlib
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boardpapers import readers
from boardpapers.model.errors import UnreadableFile
from boardpapers.model.layout import Block, BlockKind, Layout, Source
from boardpapers.readers import pdf
from boardpapers.readers.pdf_running import is_page_number
from boardpapers.readers.pdf_text import CellLine, join_cell_lines, join_line_texts
from tests.conftest import FIXTURES

READERS = FIXTURES / "readers"
BAD = READERS / "bad_pdf"


@cache
def layout(name: str) -> Layout:
    return readers.read(READERS / f"{name}.pdf")


def kinds(name: str, kind: BlockKind) -> list[Block]:
    return [b for b in layout(name).blocks if b.kind is kind]


def texts(name: str) -> list[str]:
    return [b.text for b in layout(name).blocks]


# ------------------------------------------------------------------ committee report

def test_report_headings_and_levels() -> None:
    headings = [(b.text, b.level) for b in kinds("committee_report", BlockKind.HEADING)]
    assert headings == [
        ("Northfield District Council", 1),
        ("Report to Planning and Environment Committee", 2),
        ("Local Cycling and Walking Infrastructure Plan: Consultation Outcome", 1),
        ("1. Purpose of Report", 2), ("2. Recommendations", 2), ("3. Background", 2),
        ("4. Consultation Responses", 2), ("5. Financial Implications", 2),
        ("6. Equalities Implications", 2), ("Background Papers", 2), ("Contact Officer", 2),
    ]
    assert all(b.bold for b in kinds("committee_report", BlockKind.HEADING))


def test_report_running_header_and_footer_never_blocks() -> None:
    lay = layout("committee_report")
    for block in lay.blocks:
        assert "Planning and Environment Committee – 14 May" not in block.text
        assert "Page 1 of 2" not in block.text and "Page 2 of 2" not in block.text
        assert not is_page_number(block.text) or block.kind is BlockKind.PAGE_BREAK
    assert lay.metadata["running_headers"] == "Planning and Environment Committee – 14 May 2025"
    assert lay.metadata["producer"].startswith("LibreOffice")


def test_report_stamp_kept_once_as_written() -> None:
    assert texts("committee_report")[0] == "Agenda Item 6"


def test_report_numbered_paragraphs_and_lettered_recommendations() -> None:
    items = [(b.marker, b.depth, b.page) for b in kinds("committee_report",
                                                         BlockKind.LIST_ITEM)]
    assert items[:7] == [("1.1", 0, 1), ("1.2", 0, 1), ("2.1", 0, 1), ("(a)", 1, 1),
                         ("(b)", 1, 1), ("(c)", 1, 1), ("3.1", 0, 1)]
    assert [m for m, _, p in items if p == 2] == ["4.1", "4.2", "5.1", "5.2", "6.1"]
    recs = {b.marker: b.text for b in kinds("committee_report", BlockKind.LIST_ITEM)}
    assert recs["(b)"] == "recommends to Cabinet that the revised LCWIP be adopted; and"
    # a paragraph wrapped over four lines is one block, its line ends joined by spaces
    assert recs["1.1"].startswith("This report sets out the results of the public")
    assert recs["1.1"].endswith("revised plan to Cabinet for adoption.")


def test_report_ruled_table_keeps_wrapped_cells_whole() -> None:
    tables = kinds("committee_report", BlockKind.TABLE)
    ruled = next(t for t in tables if t.rows[0][0] == "Route")
    assert ruled.page == 2
    assert ruled.rows == (("Route", "Support", "Oppose", "No view"),
                          ("Northfield to Eastbrook", "72%", "18%", "10%"),
                          ("Station Road corridor", "64%", "25%", "11%"),
                          ("Millbrook Valley greenway", "81%", "9%", "10%"))
    assert ruled.text.split("\n")[1] == "Northfield to Eastbrook\t72%\t18%\t10%"


def test_report_column_aligned_tables() -> None:
    tables = {t.rows[0][0]: t for t in kinds("committee_report", BlockKind.TABLE)}
    assert tables["Phase"].rows[2] == ("Construction", "£850,000", "£1,400,000", "£2,250,000")
    assert len(tables["Phase"].rows) == 4
    assert tables["Date of meeting:"].rows == (
        ("Date of meeting:", "14 May 2025"), ("Report of:", "Director of Place and Growth"),
        ("Wards affected:", "All wards"), ("Key decision:", "Yes"))


def test_report_contact_officer_lines_stay_apart() -> None:
    t = texts("committee_report")
    at = t.index("Contact Officer")
    assert t[at + 1:] == ["Priya Chandran, Sustainable Transport Manager",
                          "Tel: 01632 960 418", "Email: priya.chandran@northfield.gov.example"]


def test_page_breaks_and_spans() -> None:
    lay = layout("committee_report")
    assert lay.source.pages == 2
    breaks = [b.page for b in lay.blocks if b.kind is BlockKind.PAGE_BREAK]
    assert breaks == [2]
    assert {b.page for b in lay.blocks if b.text.startswith("3.")} == {1}
    for b in lay.content_blocks:
        assert lay.text[b.start:b.end] == b.text


# ------------------------------------------------------------------ agenda, newsletter

def test_agenda_item_page_table() -> None:
    table = kinds("agenda", BlockKind.TABLE)[0]
    assert table.rows[0] == ("Item", "Title", "Page")
    assert table.rows[3] == ("3.", "Minutes of the meeting held on 8 April 2025", "5 - 12")
    assert table.rows[5] == ("5.", "Housing Revenue Account business plan", "13 - 40")
    assert [r[0] for r in table.rows[1:]] == [f"{n}." for n in range(1, 9)]


def test_agenda_restricted_header_and_page_numbers_removed() -> None:
    lay = layout("agenda")
    assert not any("Restricted" in b.text or b.text.startswith("Page ") for b in lay.blocks)
    assert lay.metadata["running_headers"] == "Document is Restricted until publication"
    assert [b.page for b in lay.blocks if b.kind is BlockKind.PAGE_BREAK] == [2, 3]
    assert lay.source.pages == 3


def test_agenda_minutes_list_depths() -> None:
    items = [(b.marker, b.depth) for b in kinds("agenda", BlockKind.LIST_ITEM)]
    assert items == [("1.", 0), ("2.", 0), ("3.", 0), ("•", 1), ("•", 1), ("•", 1)]
    assert kinds("agenda", BlockKind.LIST_ITEM)[3].text == "usage figures for each leisure centre;"


def test_newsletter_columns_read_in_order() -> None:
    heads = [b.text for b in kinds("newsletter", BlockKind.HEADING)]
    assert heads == ["Members' Briefing – Week ending 9 May 2025",
                     "Funding for rural bus services", "Planning reform consultation",
                     "Councillor training", "Vacancy: Climate Officer"]
    paragraphs = [b.text for b in kinds("newsletter", BlockKind.PARAGRAPH)]
    assert paragraphs[1] == ("The Department for Transport has confirmed a further year of the "
                             "Bus Service Improvement Plan grant. Westmarch will receive £2.3 "
                             "million, which will protect fourteen evening and Sunday routes "
                             "that would otherwise have been withdrawn in September.")
    assert len(paragraphs) == 9


# ------------------------------------------------------------------ bad input

@pytest.mark.parametrize("name,reason", [
    ("encrypted", "encrypted (password-protected) PDF; save an unprotected copy to read it"),
    ("truncated", "not a valid PDF (corrupt or truncated file?)"),
    ("no_pages", "PDF has no pages"),
])
def test_bad_pdfs_say_why(name: str, reason: str) -> None:
    path = BAD / f"{name}.pdf"
    with pytest.raises(UnreadableFile) as err:
        readers.read(path)
    assert err.value.reason == reason
    assert err.value.path == str(path)


def _source(data: bytes) -> Source:
    return Source(path="x.pdf", sha256=hashlib.sha256(data).hexdigest(), format="pdf")


def test_not_a_pdf() -> None:
    with pytest.raises(UnreadableFile, match="not a PDF"):
        pdf.read_bytes(b"<html>hello</html>", _source(b""))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(min_value=0, max_value=45_000), junk=st.binary(max_size=64))
def test_damaged_pdfs_raise_only_unreadable(cut: int, junk: bytes) -> None:
    data = (READERS / "agenda.pdf").read_bytes()
    data = data[:cut] + junk + data[cut + len(junk):]
    try:
        lay = readers.read_bytes(data, _source(data))
    except UnreadableFile:
        return
    assert lay.source.pages >= 1


# ------------------------------------------------------------------ line joining

@pytest.mark.parametrize("lines,known,joined", [
    (["the council will imple-", "mentation plan"], {"implementation"},
     "the council will implementation plan"),
    (["an application-", "based fund"], set(), "an application-based fund"),
    (["North-", "East Combined Authority"], {"northeast"}, "North-East Combined Authority"),
    (["soft\xad", "ware"], set(), "software"),
    (["ends here.", "Next sentence"], set(), "ends here. Next sentence"),
])
def test_join_line_texts(lines: list[str], known: set[str], joined: str) -> None:
    assert join_line_texts(lines, lambda w: w.lower() in known) == joined


@pytest.mark.parametrize("text,expected", [
    ("3", True), ("Page 3 of 12", True), ("- 3 -", True), ("page 12", True),
    ("3 of 12", True), ("Agenda Item 4", False), ("2025", True), ("Page three", False),
])
def test_is_page_number(text: str, expected: bool) -> None:
    assert is_page_number(text) is expected


# ------------------------------------------------------------------ speed path: text slicing

def _pdfium_object_texts(page, textpage) -> dict[int, str]:
    """{object address: text} asked of pdfium object by object (the slow way)."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    out: dict[int, str] = {}

    def walk(objs):
        for obj in objs:
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
                n = pdfium_c.FPDFTextObj_GetText(obj, textpage, None, 0)
                buf = ctypes.create_string_buffer(n)
                pdfium_c.FPDFTextObj_GetText(obj, textpage, ctypes.cast(
                    buf, ctypes.POINTER(ctypes.c_ushort)), n)
                text = buf.raw[:max(n - 2, 0)].decode("utf-16-le")
                if text:
                    out[ctypes.cast(obj, ctypes.c_void_p).value] = text
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                walk([pdfium_c.FPDFFormObj_GetObject(obj, i)
                      for i in range(pdfium_c.FPDFFormObj_CountObjects(obj))])

    walk([pdfium_c.FPDFPage_GetObject(page.raw, i)
          for i in range(pdfium_c.FPDFPage_CountObjects(page.raw))])
    return out


@pytest.mark.parametrize("name", ["committee_report", "agenda", "newsletter", "ruled_rects",
                                  "pack_banner"])
def test_sliced_object_texts_equal_pdfium_per_object(name: str) -> None:
    """The fast path (page text once, sliced per object) gives exactly what pdfium's
    FPDFTextObj_GetText gives, objects inside form XObjects included."""
    import ctypes

    import pypdfium2 as pdfium

    from boardpapers.readers.pdf_chars import TextBuffer, object_texts

    seen: set[str] = set()
    for number, page in enumerate(pdfium.PdfDocument(READERS / f"{name}.pdf"), 1):
        tp = page.get_textpage()
        sliced = object_texts(ctypes.cast(tp.raw, ctypes.c_void_p).value, TextBuffer(16))
        assert sliced is not None, f"page {number} fell back"
        expected = _pdfium_object_texts(page, tp.raw)
        assert {k: v for k, v in sliced.items() if v} == expected
        seen.update(expected.values())
    if name == "ruled_rects":  # text drawn inside form XObjects
        assert {"Westbury Town Council - Finance and General Purposes Committee, "
                "16 September 2025", "Note: all figures exclude VAT."} <= seen


@pytest.mark.parametrize("name", ["committee_report", "pack_banner", "ruled_rects"])
def test_per_object_fallback_reads_the_same(name: str, monkeypatch) -> None:
    from boardpapers.readers import pdf_extract

    fast = readers.read(READERS / f"{name}.pdf")
    monkeypatch.setattr(pdf_extract, "object_texts", lambda *_: None)
    slow = readers.read(READERS / f"{name}.pdf")
    assert slow.blocks == fast.blocks and slow.text == fast.text


# ------------------------------------------------------------------ real-world shapes

def test_cells_drawn_as_rectangles_make_a_ruled_table() -> None:
    tables = kinds("ruled_rects", BlockKind.TABLE)
    assert tables[0].page == 1
    assert tables[0].rows == (("Budget line", "Budget", "Spent to date"),
                              ("Grounds maintenance and tree works", "£42,000", "£19,850"),
                              ("Town hall utilities", "£18,500", ""),
                              ("Community grants", "£12,000", "£7,400"))


def test_grid_drawn_as_one_path_makes_a_ruled_table() -> None:
    table = kinds("ruled_rects", BlockKind.TABLE)[1]
    assert table.page == 2
    assert table.rows == (("Reserve", "Opening", "Closing"),
                          ("General reserve", "£85,000", "£88,500"),
                          ("Play areas", "£22,000", "£14,000"))


def test_a_single_box_is_not_a_table() -> None:
    assert len(kinds("ruled_rects", BlockKind.TABLE)) == 2
    paragraphs = [b.text for b in kinds("ruled_rects", BlockKind.PARAGRAPH)]
    assert paragraphs[:2] == ["Key decision: No", "Exempt information: None"]


def test_text_in_form_xobjects_is_read_placed_and_scaled() -> None:
    lay = layout("ruled_rects")
    # a header stamped on every page through one form XObject is running matter
    assert lay.metadata["running_headers"] == ("Westbury Town Council - Finance and General "
                                              "Purposes Committee, 16 September 2025")
    assert not any("Westbury Town Council" in b.text for b in lay.blocks)
    # a note drawn at 12.5 pt inside a form scaled by 0.8 is body text (10 pt), in place
    note = next(b for b in lay.blocks if b.text.startswith("Note:"))
    assert note.kind is BlockKind.PARAGRAPH and note.page == 1
    assert texts("ruled_rects").index(note.text) == texts("ruled_rects").index(
        "Exempt information: None") + 1


def test_public_document_pack_banner_keeps_heading_levels() -> None:
    heads = [(b.text, b.level) for b in kinds("pack_banner", BlockKind.HEADING)]
    assert heads[:3] == [("Public Document Pack", 1), ("Harrowfield District Council", 1),
                         ("Licensing and Regulatory Committee", 2)]
    assert texts("pack_banner")[0] == "Public Document Pack"  # its box is not a table
    assert ("Review of the Statement of Licensing Policy", 1) in heads


def test_marker_column_with_header_row_stays_a_table() -> None:
    table = kinds("pack_banner", BlockKind.TABLE)[0]
    assert table.rows[0] == ("Item", "Title")
    assert table.rows[1:3] == (("1.", "Apologies for absence"),
                               ("2.", "Declarations of interest"))
    assert len(table.rows) == 6


def test_marker_column_with_page_column_stays_a_table() -> None:
    table = kinds("pack_banner", BlockKind.TABLE)[1]
    assert table.rows == (("6.", "Hackney carriage tariff review", "21 - 30"),
                          ("7.", "Street trading consent fees", ""),
                          ("8.", "Exclusion of the press and public", ""))


def test_numbered_paragraphs_without_header_stay_list_items() -> None:
    items = [(b.marker, b.page) for b in kinds("pack_banner", BlockKind.LIST_ITEM)]
    assert items == [("1.1", 2), ("1.2", 2)]


def test_landscape_page_turned_by_rotate_is_read_upright() -> None:
    table = next(t for t in kinds("pack_banner", BlockKind.TABLE) if t.page == 3)
    assert table.rows[0] == ("Licence", "Current fee", "Proposed fee", "Change", "Term")
    assert table.rows[1] == ("Hackney carriage vehicle", "£215", "£230", "7.0%", "1 year")
    assert len(table.rows) == 5


def test_sideways_page_without_rotate_is_turned_to_read() -> None:
    table = next(t for t in kinds("pack_banner", BlockKind.TABLE) if t.page == 4)
    assert table.rows == (("Tariff", "Hours", "First mile", "Each further mile"),
                          ("Tariff 1", "06:00 - 22:00", "£4.20", "£2.40"),
                          ("Tariff 2", "22:00 - 06:00", "£5.10", "£3.00"),
                          ("Tariff 3", "Bank holidays", "£6.30", "£3.60"))
    heads = [b.text for b in kinds("pack_banner", BlockKind.HEADING) if b.page == 4]
    assert heads == ["Appendix B: Hackney carriage tariffs"]


def test_turned_pages_lose_their_running_header_and_page_numbers() -> None:
    lay = layout("pack_banner")
    assert lay.metadata["running_headers"] == "Licensing and Regulatory Committee – 9 July 2025"
    for block in lay.blocks:
        assert "Committee – 9 July" not in block.text
        assert not block.text.startswith("Page") and block.text not in {"3", "4"}


# ------------------------------------------------------------------ long packs

def test_long_pack_holds_one_page_open_at_a_time(monkeypatch) -> None:
    """Memory stays flat on a long pack: each page (and its text page) is closed before
    the next is loaded."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(READERS / "agenda.pdf")
    long_pack = pdfium.PdfDocument.new()
    for _ in range(100):
        long_pack.import_pages(src)
    buffer = __import__("io").BytesIO()
    long_pack.save(buffer)
    data = buffer.getvalue()

    opened: list = []
    most_open = 0
    real_get_page = pdfium.PdfDocument.get_page

    def counting_get_page(self, index):
        nonlocal most_open
        page = real_get_page(self, index)
        opened.append(page)
        most_open = max(most_open, sum(p.raw is not None for p in opened))
        return page

    monkeypatch.setattr(pdfium.PdfDocument, "get_page", counting_get_page)
    lay = pdf.read_bytes(data, _source(data))
    assert lay.source.pages == 300 and len(opened) == 300
    assert most_open == 1
    assert all(p.raw is None for p in opened)
    assert sum(b.kind is BlockKind.PAGE_BREAK for b in lay.blocks) == 299
    tables = [b for b in lay.blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 100 and tables[99].rows[0] == ("Item", "Title", "Page")


def test_chart_bars_outlined_and_filled_are_not_table_rulings() -> None:
    """Gridlines and coloured, outlined bars meet like a grid; the data labels inside
    must stay text, not become the cells of a table."""
    assert [t.page for t in kinds("ruled_rects", BlockKind.TABLE)] == [1, 2]
    page2 = [b.text for b in layout("ruled_rects").blocks if b.page == 2]
    assert page2[-6:] == ["Spending by quarter (£000)", "110", "95", "70", "60",
                          "Q1 Q2 Q3 Q4"]


def _reimposed(turns: int, offset: float = 0.0) -> bytes:
    """committee_report's first page drawn (as a form XObject) on a page shown turned by
    ``turns`` quarter turns, its box starting ``offset`` points up: it shows upright."""
    import io

    import pypdfium2 as pdfium

    from boardpapers.readers.pdf_geometry import display_matrix

    src = pdfium.PdfDocument(READERS / "committee_report.pdf")
    width, height = src[0].get_size()
    unturned = (height, width) if turns % 2 else (width, height)
    box = (0.0, offset, unturned[0], unturned[1] + offset)
    a, b, c, d, e, f = display_matrix(turns, box) or (1, 0, 0, 1, 0, 0)
    det = a * d - b * c  # place the content by the inverse of how it will be shown
    inverse = (d / det, -b / det, -c / det, a / det, (c * f - d * e) / det,
               (b * e - a * f) / det)
    out = pdfium.PdfDocument.new()
    form = src.page_as_xobject(0, out).as_pageobject()
    form.set_matrix(pdfium.PdfMatrix(*inverse))
    page = out.new_page(*unturned)
    page.insert_obj(form)
    page.gen_content()
    page.set_mediabox(*box)
    page.set_rotation(90 * turns)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def _shape(data: bytes) -> list[tuple]:
    return [(b.kind, b.text, b.level, b.marker, b.rows)
            for b in pdf.read_bytes(data, _source(data)).blocks]


@pytest.mark.parametrize("turns,offset", [(1, 0.0), (2, 0.0), (3, 0.0), (0, 120.0),
                                          (1, 36.0)])
def test_turned_and_shifted_pages_read_as_shown(turns: int, offset: float) -> None:
    upright = _shape(_reimposed(0))
    assert upright[0][1] == "Planning and Environment Committee – 14 May 2025"
    assert ("Wards affected:", "All wards") in next(s[4] for s in upright
                                                    if s[0] is BlockKind.TABLE)
    assert _shape(_reimposed(turns, offset)) == upright


def _rawpdf():
    """The fixtures' minimal PDF writer (tests/fixtures/sources/pdf/rawpdf.py)."""
    import importlib.util
    import sys

    path = FIXTURES / "sources" / "pdf" / "rawpdf.py"
    spec = importlib.util.spec_from_file_location("rawpdf", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("rawpdf", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_banner_stamped_in_the_top_margin_of_each_bundled_pack_is_kept() -> None:
    raw = _rawpdf()
    t = raw.text
    doc = raw.RawPdf()
    for council, page in (("Ashby Vale District Council", 1), ("Brindle Parish Council", 2)):
        doc.pages.append(t(400, 815, 16, "Public Document Pack", bold=True)
                         + t(56, 815, 9, "Bundle of committee papers")
                         + t(56, 740, 14, council, bold=True)
                         + t(56, 700, 10, "Notice is given of a meeting of the committee.")
                         + t(290, 30, 9, f"Page {page}"))
    data = doc.to_bytes()
    lay = pdf.read_bytes(data, _source(data))
    assert [(b.page, b.kind, b.level) for b in lay.blocks if b.text == "Public Document Pack"] \
        == [(1, BlockKind.HEADING, 1), (2, BlockKind.HEADING, 1)]
    assert lay.metadata["running_headers"] == "Bundle of committee papers"
    heads = [(b.text, b.level) for b in lay.blocks if b.kind is BlockKind.HEADING]
    assert ("Ashby Vale District Council", 1) in heads


def test_side_heading_over_a_numbered_list_is_not_a_table_header() -> None:
    raw = _rawpdf()
    t = raw.text
    doc = raw.RawPdf()
    doc.pages.append(t(56, 760, 10, "Summary") + t(128, 760, 10, "This report sets out the "
                                                               "outcome of the review.")
                     + t(56, 744, 10, "1.1") + t(128, 744, 10, "Two options were assessed.")
                     + t(56, 730, 10, "1.2") + t(128, 730, 10, "Option B is recommended."))
    data = doc.to_bytes()
    lay = pdf.read_bytes(data, _source(data))
    assert not any(b.kind is BlockKind.TABLE for b in lay.blocks)
    assert [(b.marker, b.text) for b in lay.blocks if b.kind is BlockKind.LIST_ITEM] == [
        ("1.1", "Two options were assessed."), ("1.2", "Option B is recommended.")]


# ------------------------------------------- wrapped items and cells (corpus markup fixture)

def test_wrapped_lines_of_inline_numbered_and_wide_label_items_stay_in_their_item() -> None:
    items = {(b.marker, b.text.split(" ", 1)[0]): b.text
             for b in kinds("wrapped_items_cells", BlockKind.LIST_ITEM)}
    assert items[("1.1", "To")].endswith("Hollinford market square and the riverside consent "
                                         "streets.")
    assert items[("(iii)", "notes")] == (
        "notes that a report on the consultation responses and a final policy will be "
        "brought to the Committee in March 2026.")
    # the council name split over two lines of a nested "1.1" stays in one block
    assert "the London Borough of Sutton showed that" in items[("1.1", "Benchmarking")]
    paragraphs = [b.text for b in kinds("wrapped_items_cells", BlockKind.PARAGRAPH)]
    assert paragraphs == ["Tuesday 4 November 2025 at 6.30 pm"]


def test_agenda_table_keeps_every_row_and_titles_apart_from_descriptions() -> None:
    agenda = kinds("wrapped_items_cells", BlockKind.TABLE)[0]
    assert agenda.rows == (
        ("1.", "Apologies", "-"),
        ("2.", "Declarations of Interest\nMembers are asked to declare any interests in "
               "items on the agenda.", "-"),
        ("3.", "Minutes of the meeting held on 2 September 2025\nTo approve the minutes as "
               "a correct record.", "1 - 6"),
        ("4.", "Street Trading Policy Review\nReport of the Head of Regulatory Services.",
         "7 - 18"),
        ("5.", "Any other business", "-"))


def test_ruled_cells_join_broken_addresses_and_keep_stacked_lines() -> None:
    contacts = kinds("wrapped_items_cells", BlockKind.TABLE)[1]
    assert contacts.rows[1] == ("Rosalind Featherstonehaugh", "Licensing Team Leader",
                                "01632 960 418", "rosalind.featherstonehaugh@ashvale.gov.uk")
    assert contacts.rows[2] == ("Contact", "Tobias Wren\nLicensing Officer\nTel 01632 960 421",
                                "Room 2.14", "tobias.wren@ashvale.gov.uk")


def test_running_header_with_meeting_and_date_kept_in_metadata() -> None:
    lay = layout("wrapped_items_cells")
    assert lay.metadata["running_headers"] == (
        "Ashvale Borough Council – Licensing Committee – 4 November 2025")
    assert not any("4 November 2025" in b.text and "Licensing Committee" in b.text
                   for b in lay.blocks)


@pytest.mark.parametrize("before,after,joined", [
    ("gareth.ellingham@hollinsrid", "ge.gov.uk", "gareth.ellingham@hollinsridge.gov.uk"),
    ("Head of Environment simon.brayfield", "@fernhurst.gov.",
     "Head of Environment simon.brayfield@fernhurst.gov."),
    ("simon.brayfield@fernhurst.gov.", "uk", "simon.brayfield@fernhurst.gov.uk"),
    ("rosalind.feathers", "tonehaugh@ashvale.gov.uk", "rosalind.featherstonehaugh@ashvale.gov.uk"),
    ("see https://www.ashvale.gov.uk/", "licensing/fees", "see https://www.ashvale.gov.uk/licensing/fees"),
    ("please write to", "jo.bloggs@ashvale.gov.uk", "please write to jo.bloggs@ashvale.gov.uk"),
    ("Contact", "jo.bloggs@ashvale.gov.uk", "Contact jo.bloggs@ashvale.gov.uk"),
    ("email jo.bloggs@ashvale.gov.uk", "or call", "email jo.bloggs@ashvale.gov.uk or call"),
    ("jo.bloggs@ashvale.gov.uk", "To book", "jo.bloggs@ashvale.gov.uk To book"),
    ("follow", "@ashvale_council", "follow @ashvale_council"),
])
def test_lines_broken_inside_an_address_join_without_a_space(before: str, after: str,
                                                              joined: str) -> None:
    assert join_line_texts([before, after]) == joined


@pytest.mark.parametrize("lines,text", [
    ([("Tobias Wren", 60, 118), ("Licensing Officer", 60, 150)], "Tobias Wren\nLicensing Officer"),
    ([("Director of Children's", 60, 196), ("Services", 60, 103)],
     "Director of Children's Services"),
    ([("Grounds maintenance", 60, 150), ("and tree works", 60, 130)],
     "Grounds maintenance and tree works"),
    ([("Head of Housing", 60, 140), ("karen.oduya@fe", 60, 138), ("rnhurst.gov.uk", 60, 130)],
     "Head of Housing\nkaren.oduya@fernhurst.gov.uk"),
])
def test_cell_lines_ended_by_the_writer_keep_a_line_break(lines, text) -> None:
    cell = [CellLine(t, x0, x1, 10.0) for t, x0, x1 in lines]
    assert join_cell_lines(cell, 200.0) == text
