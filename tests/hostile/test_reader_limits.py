"""Readers on hostile input: each stops at a documented limit with one "too complex" or
refusal line naming the file, or reads it in time that grows with its size."""

from __future__ import annotations

import pytest

from boardpapers import readers
from boardpapers.model.errors import UnreadableFile
from boardpapers.model.layout import BlockKind, Source
from boardpapers.pipeline import understand
from boardpapers.readers import html_nesting
from boardpapers.readers.docx_body import MAX_GRID_SPAN
from boardpapers.readers.docx_package import MAX_DOCUMENT_XML
from boardpapers.readers.list_numbers import to_letters
from tests.hostile.builders import (
    docx_bytes,
    nested_html,
    para,
    pdf_bytes,
    set_zip_flags,
    under_declare,
)


def _read(data: bytes, fmt: str, name: str = "hostile"):
    source = Source(path=f"{name}.{fmt}", sha256="0" * 64, format=fmt, size=len(data))
    return readers.read_bytes(data, source)


def _refusal(data: bytes, fmt: str) -> str:
    with pytest.raises(UnreadableFile) as caught:
        _read(data, fmt)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"hostile.{fmt}: ")
    return message


def test_a_cell_spanning_100000_columns_is_too_complex():
    cell = ('<w:tc><w:tcPr><w:gridSpan w:val="100000"/></w:tcPr>' + para("x") + "</w:tc>")
    row = "<w:tr><w:tc>" + para("y") + "</w:tc></w:tr>"
    body = para("Report") + f"<w:tbl><w:tr>{cell}</w:tr>{row}</w:tbl>"
    assert "too complex: a table cell spans 100000 columns" in _refusal(docx_bytes(body),
                                                                       "docx")
    ok = body.replace("100000", str(MAX_GRID_SPAN))
    assert _read(docx_bytes(ok), "docx").blocks


def test_a_list_numbered_from_two_billion_stays_small():
    numbering = ('<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start '
                 'w:val="2000000000"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/>'
                 '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/>'
                 "</w:num>")
    item = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            "<w:r><w:t>An item</w:t></w:r></w:p>")
    layout = _read(docx_bytes(para("Report") + item * 3, numbering), "docx")
    assert len(layout.text) < 1000
    assert to_letters(2_000_000_000) == "2000000000" and to_letters(27) == "aa"


def test_encrypted_zip_members_are_refused_in_one_line():
    data = set_zip_flags(docx_bytes(para("Report") + para("Secret")), 0x1)
    assert "encrypted" in _refusal(data, "docx")


def test_a_member_that_inflates_past_its_declared_size_is_refused():
    big = para("Report") + para("A long paragraph of the report. " * 40) * 2000
    data = docx_bytes(big)
    message = _refusal(under_declare(data, "word/document.xml", 4096), "docx")
    assert "corrupt" in message or "inflates past" in message


def test_the_main_document_has_a_size_limit(monkeypatch):
    from boardpapers.readers import docx_package
    monkeypatch.setattr(docx_package, "MAX_DOCUMENT_XML", 1000)
    data = docx_bytes(para("Report") + para("words " * 400))
    assert "too complex" in _refusal(data, "docx")
    assert MAX_DOCUMENT_XML >= 20 * 1024 * 1024


@pytest.mark.parametrize("closed", [True, False])
def test_html_nested_past_the_limit_is_too_complex(closed):
    page = nested_html(html_nesting.MAX_NESTING + 5, closed).encode()
    assert "too complex: elements nested" in _refusal(page, "html")


def test_html_nested_deeper_than_the_walker_keeps_its_text():
    layout = _read(nested_html(600).encode(), "html")
    assert "Deep text of the paper." in layout.text


def test_nesting_depth_ignores_tags_a_parser_closes_itself():
    assert html_nesting.nesting_depth("<p>a" * 5000 + "<li>b" * 5000 + "<br>" * 5000) == 0
    assert html_nesting.nesting_depth("<div><span>x</span></div><div/>") == 2


def test_a_pdf_over_the_page_limit_is_too_complex(monkeypatch):
    import io

    import pypdfium2 as pdfium

    from boardpapers.readers import pdf
    doc = pdfium.PdfDocument.new()
    for _ in range(3):
        doc.new_page(595, 842)
    out = io.BytesIO()
    doc.save(out)
    monkeypatch.setattr(pdf, "MAX_PAGES", 2)
    assert "too complex: the PDF has 3 pages" in _refusal(out.getvalue(), "pdf")


@pytest.mark.parametrize("text", [
    "Report\n\n" + "1" * 1_000_000 + "\n",
    "Report\n\n" + " " * 30_000 + "| a | b |\n",
    "Report\n\n" + "Name\t" * 20_000 + "\n",
    "# Report\n\n" + "".join("  " * i + "- item\n" for i in range(300)),
])
def test_long_lines_and_runs_are_read_without_a_crash(text):
    fmt = "md" if text.startswith("#") else "txt"
    paper = understand(_read(text.encode(), fmt))
    assert paper.genre
    assert all(len(str(m.amount)) < 50 for m in paper.facts.money)


def test_a_text_of_a_million_short_lines_is_too_complex(monkeypatch):
    from boardpapers.readers import text
    data = b"Report\n" + b"x\n" * 1_000_000
    assert "too complex: a text of 1,000,002 lines" in _refusal(data, "txt")
    monkeypatch.setattr(text, "MAX_TEXT_BYTES", 1000)
    assert "too complex: a text of" in _refusal(b"Report\n\n" + b"words " * 400, "md")


def test_a_pdf_stream_inflating_past_the_limit_is_refused_before_pdfium(monkeypatch):
    from boardpapers.readers import pdf_inflate
    monkeypatch.setattr(pdf_inflate, "MAX_STREAM_BYTES", 1024 * 1024)
    message = _refusal(pdf_bytes(1, inflated=3 * 1024 * 1024), "pdf")
    assert "too complex: a PDF stream inflates to more than 1 MB" in message
    assert "council approved" in _read(pdf_bytes(1, inflated=512 * 1024), "pdf").text


def test_a_pdfs_streams_together_are_bounded(monkeypatch):
    from boardpapers.readers import pdf_inflate
    monkeypatch.setattr(pdf_inflate, "MAX_INFLATED_BYTES", 1024 * 1024)
    assert pdf_inflate.check_inflated_size(pdf_bytes(2, inflated=400 * 1024)) == 800 * 1024
    message = _refusal(pdf_bytes(3, inflated=400 * 1024), "pdf")
    assert "too complex: the PDF's streams inflate to more than 1 MB in all" in message


def test_damaged_or_image_streams_are_not_counted():
    from boardpapers.readers.pdf_inflate import check_inflated_size
    bomb = pdf_bytes(1, inflated=200 * 1024 * 1024)
    assert check_inflated_size(bomb.replace(b"/Filter /FlateDecode",
                                            b"/Subtype /Image /Filter /FlateDecode")) == 0
    cut = bomb.index(b"stream\n") + 7 + 2000  # the stream ends early: what came out counts
    assert check_inflated_size(bomb[:cut]) < 200 * 1024 * 1024


def test_markdown_lists_nested_past_the_limit_stay_at_the_deepest_level():
    from boardpapers.readers.text_structure import MAX_LIST_DEPTH
    text = "# Report\n\n" + "".join("  " * i + f"- item {i}\n" for i in range(60))
    layout = _read(text.encode(), "md")
    depths = [b.depth for b in layout.blocks if b.kind is BlockKind.LIST_ITEM]
    assert len(depths) == 60 and depths[:4] == [0, 1, 2, 3]
    assert max(depths) == MAX_LIST_DEPTH == depths[-1]
