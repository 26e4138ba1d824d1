"""Layouts for the report and genre tests, built from lines without any reader.

"# Title" is a heading (more "#" for lower levels), "- text" / "a) text" / "2.1 text" a
list item with that marker ("2.1" nested one level), anything else a paragraph. Spans
are those of the joined text, as a reader would give them.
"""

from __future__ import annotations

import re

from boardpapers.model.layout import Block, BlockKind, Layout, Source, join_blocks

_LIST = re.compile(r"^(?P<marker>[-•]|\(?[a-z]\)|\d{1,2}(?:\.\d{1,2})?\.?)\s+(?P<text>.+)$")


def report_block(line: str) -> Block:
    heading = re.match(r"^(#{1,4})\s+(.*)$", line)
    if heading:
        return Block(BlockKind.HEADING, heading.group(2), level=len(heading.group(1)))
    item = _LIST.match(line)
    if item:
        marker = item.group("marker")
        depth = 1 if re.fullmatch(r"\d+\.\d+", marker) else 0
        return Block(BlockKind.LIST_ITEM, item.group("text"), marker=marker, depth=depth)
    return Block(BlockKind.PARAGRAPH, line)


def report_layout(*lines: str) -> Layout:
    blocks, text = join_blocks([report_block(ln) for ln in lines if ln.strip()])
    return Layout(Source(path="test.txt", sha256="0" * 64, format="txt"), blocks, text)
