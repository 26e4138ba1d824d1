"""Plain text and Markdown reader (placeholder: to be replaced by the full reader)."""

from __future__ import annotations

from boardpapers.layout import Block, BlockKind, Layout, Source


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_text_bytes(data: bytes, source: Source) -> Layout:
    text = _decode(data)
    blocks = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            blocks.append(Block(BlockKind.PARAGRAPH, stripped, 1, start, start + len(stripped)))
        pos += len(line)
    return Layout(source=source, blocks=tuple(blocks), text=text)


read_markdown_bytes = read_text_bytes
