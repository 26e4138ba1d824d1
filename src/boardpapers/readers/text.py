"""Plain-text and Markdown reader.

Most papers that arrive as text were converted from Word or PDF, so they carry Markdown
headings, tab-separated tables, stray ``<b>``/``<i>``/``<sup>`` tags, bullets of every
shape and page footers. One pipeline reads both formats:

decode (``text_decode``) -> classify each line (``text_lines``) -> group lines into parts
and mend what page breaks split (``text_blocks``) -> headings, list depths, pages
(``text_structure``) -> ``join_blocks``.

``Layout.text`` is the blocks' texts joined by newlines, so for every block
``layout.text[block.start:block.end] == block.text``. A ``.md`` file differs from a
``.txt`` one only in trusting Markdown from the start: in a ``.txt`` Markdown structure is
trusted once the file shows two or more ``#`` headings; otherwise short plain lines may be
taken as headings (see ``text_structure``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from boardpapers.model.errors import TooComplex, UnreadableFile
from boardpapers.model.layout import BlockKind, Layout, Source, join_blocks
from boardpapers.readers.text_blocks import lines_to_parts, merge_across_gaps
from boardpapers.readers.text_cells import rebuild_cell_tables
from boardpapers.readers.text_decode import decode_text
from boardpapers.readers.text_lines import classify_line, profile_document
from boardpapers.readers.text_lynx import is_link_dump, split_cover_labels, strip_link_list
from boardpapers.readers.text_structure import parts_to_blocks

# A 1,000-page pack converted to text is about 5 MB and 60,000 lines; reading costs
# about 1 ms a line, so these bound one file's time at a few minutes.
MAX_TEXT_BYTES = 64 * 1024 * 1024
MAX_TEXT_LINES = 300_000
_NEWLINES = str.maketrans({"\u2028": "\n", "\u2029": "\n", "\v": "\n", "\x85": "\n"})
_ODD_NEWLINE = re.compile("[\u2028\u2029\v\x85]")


def read_text_bytes(data: bytes, source: Source) -> Layout:
    return _read(data, source, markdown=False)


def read_markdown_bytes(data: bytes, source: Source) -> Layout:
    return _read(data, source, markdown=True)


# Registry convention: every format module exposes read_bytes.
read_bytes = read_text_bytes


def text_to_layout(text: str, source: Source, markdown: bool = False,
                   metadata: dict[str, str] | None = None) -> Layout:
    """Lay out already-decoded text (also handy for tests and other readers)."""
    if any(sign in text for sign in _PANDOC_NEEDLES) and _PANDOC_SIGNS.search(text):
        text = pandoc_dashes(text)
    raw = rebuild_cell_tables(split_lines(text))
    lines, dump = strip_link_list(raw), is_link_dump(raw)
    profile = profile_document(lines, markdown)
    split = split_cover_labels(lines, profile.body_indent, dump)
    if split != lines:  # the cover rows are tab rows now: profile the lines as they stand
        lines = split
        profile = replace(profile_document(lines, markdown), body_indent=profile.body_indent)
    classified = [classify_line(raw, i, profile) for i, raw in enumerate(lines)]
    parts = merge_across_gaps(lines_to_parts(classified, profile), profile.body_indent)
    blocks, pages = parts_to_blocks(parts, profile)
    if not blocks:
        raise UnreadableFile(source.path, "contains no text")
    spanned, joined = join_blocks(blocks)
    paged = pages > 1 or any(b.kind is BlockKind.PAGE_BREAK for b in blocks)
    return Layout(source=replace(source, pages=pages, paged=paged), blocks=spanned,
                  text=joined, metadata=dict(metadata or {}))


# Marks only pandoc writes: a simple or grid table's rule line, an escaped quote, a "\"
# line break, a {.class} attribute.
_PANDOC_SIGNS = re.compile(
    r"^[ \t]*-{3,}(?:[ \t]+-{3,})+[ \t]*$|^\+(?:[-=:]{3,}\+)+[ \t]*$|\\['\"]|\\$|"
    r"\{[.#][A-Za-z][\w-]*", re.MULTILINE)
_PANDOC_NEEDLES = ("---", "+", "\\", "{")  # one is in every match of _PANDOC_SIGNS
_DOUBLE_HYPHEN = re.compile(r"(?<=[\w).,'’\"]) (-{2,3}) (?=[\w('‘\"£$])")


def pandoc_dashes(text: str) -> str:
    """pandoc (smart typography off) writes an en dash as "--" and an em dash as "---";
    between words they are dashes again ("Strategy -- annual progress")."""
    return _DOUBLE_HYPHEN.sub(lambda m: " – " if len(m.group(1)) == 2 else " — ", text)


def split_lines(text: str) -> list[str]:
    """Lines without their endings; a form feed becomes a line of its own."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ODD_NEWLINE.search(text):  # rare, and translate with a table is slow on long text
        text = text.translate(_NEWLINES)
    text = text.replace("\f", "\n\f\n")
    return text.split("\n")


def _read(data: bytes, source: Source, markdown: bool) -> Layout:
    if len(data) > MAX_TEXT_BYTES:
        raise TooComplex(f"a text of {len(data) // (1024 * 1024)} MB; the limit for text is "
                         f"{MAX_TEXT_BYTES // (1024 * 1024)} MB")
    lines = data.count(b"\n") + 1
    if lines > MAX_TEXT_LINES:
        raise TooComplex(f"a text of {lines:,} lines; the limit is {MAX_TEXT_LINES:,}")
    text, encoding = decode_text(data, source.path)
    return text_to_layout(text, source, markdown, {"encoding": encoding})
