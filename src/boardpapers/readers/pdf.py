"""PDF reader: pdfium (pypdfium2, BSD/Apache) text objects to a Layout.

The stages, each in its own module: ``pdf_extract`` walks pdfium's page objects into
positioned text runs and ruling lines, as each page is shown (turned pages upright), with
``pdf_chars`` slicing every object's text from the page text taken once and
``pdf_geometry`` doing the matrices and the edges of drawn paths; ``pdf_tables`` turns
ruled grids into tables;
``pdf_lines`` groups runs into lines and segments; ``pdf_running`` drops running headers
and footers (see its docstring for the rule); ``pdf_columns`` orders columns; and
``pdf_blocks`` makes paragraphs, headings, list items and column-aligned tables. This
module opens the file, turns pdfium's failures into ``UnreadableFile`` reasons a user can
act on, and assembles the Layout with a page break between pages.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from boardpapers.model.errors import TooComplex, UnreadableFile
from boardpapers.model.layout import Block, BlockKind, Layout, Source, join_blocks
from boardpapers.readers.pdf_blocks import document_style, flow_to_blocks, with_list_depths
from boardpapers.readers.pdf_columns import page_flows
from boardpapers.readers.pdf_extract import PageContent, Run, new_scratch, page_content
from boardpapers.readers.pdf_inflate import refuse_bombs
from boardpapers.readers.pdf_lines import baseline_bands, body_size, runs_to_lines
from boardpapers.readers.pdf_running import PageLines, remove_running_matter
from boardpapers.readers.pdf_scans import Scans
from boardpapers.readers.pdf_tables import Table, find_grids, take_grid_runs
from boardpapers.readers.pdf_text import CellLine, join_cell_lines

_LOAD_ERRORS = {
    pdfium_c.FPDF_ERR_SUCCESS: "PDF has no pages or no page tree (empty or damaged file)",
    pdfium_c.FPDF_ERR_UNKNOWN: "pdfium could not read this PDF (unknown error)",
    pdfium_c.FPDF_ERR_FILE: "PDF file could not be opened",
    pdfium_c.FPDF_ERR_FORMAT: "not a valid PDF (corrupt or truncated file?)",
    pdfium_c.FPDF_ERR_PASSWORD: "encrypted (password-protected) PDF; save an unprotected "
                                "copy to read it",
    pdfium_c.FPDF_ERR_SECURITY: "PDF uses an unsupported security handler (encrypted)",
    pdfium_c.FPDF_ERR_PAGE: "PDF page tree is damaged",
}
MAX_PAGES = 3_000  # the longest real agenda packs run to about 1,000 pages
_ZERO_PAGES = re.compile(rb"/Count\s+0\b")
_SOME_PAGES = re.compile(rb"/Count\s+[1-9]")
_PUNCTUATION = ".,;:!?()[]'\"‘’“”"
_METADATA_KEYS = {"Title": "title", "Author": "author", "Subject": "subject",
                  "Keywords": "keywords", "Creator": "creator", "Producer": "producer",
                  "CreationDate": "created", "ModDate": "modified"}


def read_bytes(data: bytes, source: Source) -> Layout:
    contents, metadata, confidence = _read_pages(data, source.path)
    return layout_of(contents, replace(source, ocr_confidence=confidence), metadata)


def layout_of(contents: list[PageContent], source: Source, metadata: dict[str, str]) -> Layout:
    """The Layout of pages' contents, however they were read (text layer or OCR)."""
    blocks, running = contents_to_blocks(contents)
    spanned, text = join_blocks(blocks)
    metadata.update(running)
    return Layout(source=replace(source, pages=len(contents)), blocks=spanned, text=text,
                  metadata=metadata)


def _read_pages(data: bytes, path: str) -> tuple[list[PageContent], dict[str, str],
                                                 tuple[tuple[int, float], ...]]:
    if not data.lstrip()[:1024].find(b"%PDF") >= 0:
        raise UnreadableFile(path, "not a PDF (no %PDF header)")
    refuse_bombs(data)  # before pdfium inflates a compression bomb whole
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise UnreadableFile(path, _load_error(exc, data)) from None
    try:
        n = len(pdf)
        if n == 0:
            raise UnreadableFile(path, "PDF has no pages")
        if n > MAX_PAGES:
            raise TooComplex(f"the PDF has {n} pages; the limit is {MAX_PAGES} (split it)")
        scratch = new_scratch()
        contents = []
        scans = Scans(path)
        for i in range(n):
            try:
                page = pdf[i]
            except pdfium.PdfiumError:
                raise UnreadableFile(path, f"page {i + 1} cannot be loaded (damaged PDF?)") \
                    from None
            try:
                contents.append(scans.read(page, page_content(page, i + 1, scratch)))
            finally:
                page.close()
        metadata = _metadata(pdf)
    finally:
        pdf.close()
    if not any(c.runs for c in contents):
        scans.check_unread()
        raise UnreadableFile(path, "PDF has no text on any page")
    metadata.update(scans.metadata())
    return contents, metadata, scans.confidence


def _load_error(exc: pdfium.PdfiumError, data: bytes) -> str:
    """pdfium's reason; pdfium refuses a PDF with an empty page tree without setting an
    error of its own (it reports the previous failure), so that case is checked here."""
    if _ZERO_PAGES.search(data) and not _SOME_PAGES.search(data):
        return "PDF has no pages"
    code = getattr(exc, "err_code", None) or pdfium_c.FPDF_ERR_SUCCESS
    return _LOAD_ERRORS.get(code, _LOAD_ERRORS[pdfium_c.FPDF_ERR_UNKNOWN])


def _metadata(pdf: pdfium.PdfDocument) -> dict[str, str]:
    try:
        raw = pdf.get_metadata_dict(skip_empty=True)
    except pdfium.PdfiumError:
        return {}
    return {_METADATA_KEYS[k]: v.strip() for k, v in raw.items()
            if k in _METADATA_KEYS and v.strip()}


def _cell_text(runs: list[Run], limit: float) -> str:
    lines = []
    for band in baseline_bands(list(runs)):
        band.sort(key=lambda r: r.x0)
        text = " ".join(" ".join(r.text for r in band).split())
        lines.append(CellLine(text, band[0].x0, max(r.x1 for r in band), band[0].size))
    return join_cell_lines(lines, limit)


def contents_to_blocks(contents: list[PageContent]) -> tuple[list[Block], dict[str, str]]:
    """Every page's runs to blocks in reading order, page breaks between pages."""
    pages: list[PageLines] = []
    tables_by_page: dict[int, list[Table]] = {}
    for c in contents:
        runs, tables = take_grid_runs(c.runs, find_grids(c.rules), _cell_text)
        tables_by_page[c.number] = tables
        pages.append(PageLines(c.number, c.height, tuple(runs_to_lines(runs, c.rules))))
    pages, running = remove_running_matter(pages)
    all_lines = [ln for p in pages for ln in p.lines]
    style = document_style(body_size([c.runs for c in contents]), all_lines,
                           _Vocabulary(contents))
    left = _body_left(all_lines)
    blocks: list[tuple[Block, float]] = []
    for page in pages:
        if page.number > 1:
            blocks.append((Block(BlockKind.PAGE_BREAK, "", page=page.number), 0.0))
        for flow in page_flows(list(page.lines), tables_by_page[page.number], left):
            blocks += flow_to_blocks(flow, page.number, style)
    return with_list_depths(blocks), running


class _Vocabulary:
    """Words used in the document, built only when a hyphenated line end needs them."""

    def __init__(self, contents: list[PageContent]) -> None:
        self._contents = contents
        self._words: set[str] | None = None

    def __call__(self, word: str) -> bool:
        if self._words is None:
            self._words = {w.strip(_PUNCTUATION).lower() for c in self._contents
                           for r in c.runs for w in r.text.split()}
        return word.strip(_PUNCTUATION).lower() in self._words


def _body_left(lines) -> float:
    """The most common left edge: where body text starts on a full-width page."""
    counts = Counter(round(ln.x0) for ln in lines)
    if not counts:
        return 0.0
    common = counts.most_common(1)[0][0]
    return min((x for x in counts if abs(x - common) <= 3), default=common)
