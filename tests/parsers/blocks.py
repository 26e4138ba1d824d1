"""Layouts built from a few lines of text, for parser tests that must not wait on a reader.

One block per line: "# "/"## " headings, "- " bullets, "**bold**" paragraphs, and runs of
tab-separated lines as one table. Deliberately simpler than readers/text.py: the parsers
must cope with any reader's choices, so the tests feed them plain shapes.
"""

from __future__ import annotations

import re

from boardpapers.model.layout import Block, BlockKind, Layout, Source, join_blocks


def block_of(line: str) -> Block:
    m = re.match(r"^(#{1,6})\s+(.*)$", line)
    if m:
        return Block(BlockKind.HEADING, m.group(2).strip("* "), level=len(m.group(1)))
    m = re.match(r"^\s*([-•*])\s+(.*)$", line)
    if m:
        return Block(BlockKind.LIST_ITEM, m.group(2), marker=m.group(1))
    bold = line.startswith("**") and line.rstrip().endswith("**")
    return Block(BlockKind.PARAGRAPH, line.strip().strip("*").strip(), bold=bold)


def layout_from_text(text: str, path: str = "test.txt") -> Layout:
    blocks: list[Block] = []
    table: list[tuple[str, ...]] = []

    def flush() -> None:
        if table:
            blocks.append(Block(BlockKind.TABLE, "\n".join("\t".join(r) for r in table),
                                rows=tuple(table)))
            table.clear()

    for raw in text.splitlines():
        line = re.sub(r"</?[bi]>", "", raw).rstrip()
        if "\t" in line:
            table.append(tuple(c.strip() for c in line.split("\t")))
            continue
        flush()
        if line.strip():
            blocks.append(block_of(line))
    flush()
    spanned, joined = join_blocks(blocks)
    return Layout(Source(path, "0" * 64, "txt"), spanned, joined)
