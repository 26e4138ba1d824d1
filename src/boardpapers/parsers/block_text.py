"""What a block looks like as text: headline, bullet, plain line, and the links in it.

Readers differ in how much structure they recover: the Markdown and HTML readers mark
headings and list items, while plain text and converted PDFs leave ``## Heading``,
``**Bold**`` or ``· item`` in the text. The minutes and briefing parsers ask these small
questions of a block so that both kinds of Layout read the same way.
"""

from __future__ import annotations

import re

from boardpapers.model.layout import Block, BlockKind
from boardpapers.vocab.text import fold

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_EMPHASIS = re.compile(r"^(\*\*|__)(.+?)\1[:.]?$")
_TAGS = re.compile(r"</?(?:b|i|u|em|strong|sup|sub|span)[^>]*>", re.IGNORECASE)
# Pandoc Markdown keeps HTML classes: "[Venue: ]{.mgLabel}Council Chamber", "# Items {#items}"
_PANDOC_SPAN = re.compile(r"\[([^\]\[]*)\]\{[.#][^{}]*\}")
_PANDOC_ATTRS = re.compile(r"\s*\{#[^{}\s]+(?:\s+\.[^{}\s]+)*\}\s*$")
_BULLET = re.compile(r"^(?:[·•▪◦●‣∙*–-]|\uf0b7|\uf0a7)\s+(.*)$")
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'\]\[()]*[^\s<>\"'\]\[().,;:!?]", re.IGNORECASE)
_TERMINAL = (".", ";", ",", ":", "?", "!")
MAX_HEADLINE_CHARS = 140


def plain(text: str) -> str:
    """Text with stray inline tags and wrapping emphasis or heading marks removed."""
    text = fold(_TAGS.sub("", text))
    if "{" in text:
        text = _PANDOC_ATTRS.sub("", _PANDOC_SPAN.sub(r"\1", text))
    md = _MD_HEADING.match(text)
    if md:
        text = md.group(2)
    em = _EMPHASIS.match(text)
    if em:
        text = em.group(2).strip()
    return text


def markdown_level(block: Block) -> int:
    """The heading level a block declares: the reader's, or ``#`` marks left in the text."""
    if block.kind is BlockKind.HEADING:
        return block.level or 1
    md = _MD_HEADING.match(block.text.strip())
    return len(md.group(1)) if md else 0


def is_all_caps(text: str) -> bool:
    """Mostly capital letters, with enough letters to be a word and not an acronym."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper / len(letters) >= 0.85 and " " in text.strip() or (
        upper == len(letters) and len(letters) >= 6)


def bullet_text(block: Block) -> str | None:
    """A list item's text, whether the reader marked it or left its bullet in the text."""
    if block.kind is BlockKind.LIST_ITEM:
        return plain(block.text)
    m = _BULLET.match(block.text.strip())
    return plain(m.group(1)) if m else None


def headline_text(block: Block) -> str | None:
    """The block's text if it is set out as a headline (heading, bold line, ALL CAPS line)."""
    if block.kind in (BlockKind.TABLE, BlockKind.PAGE_BREAK, BlockKind.LIST_ITEM):
        return None
    raw = block.text.strip()
    text = plain(raw)
    if not text or len(text) > MAX_HEADLINE_CHARS or URL.fullmatch(text):
        return None
    if block.kind is BlockKind.HEADING or _MD_HEADING.match(raw):
        return text
    if bullet_text(block) is not None:
        return None
    if (block.bold or _EMPHASIS.match(raw)) and len(text.split()) <= 16:
        return text
    if is_all_caps(text) and len(text.split()) <= 16:
        return text
    return None


def looks_like_plain_heading(text: str) -> bool:
    """A short line with no closing punctuation, as headings come out of converted text."""
    text = plain(text)
    if not text or len(text) > 80 or len(text.split()) > 10 or URL.search(text):
        return False
    if text.endswith(_TERMINAL) or not text[0].isupper():
        return False
    return not _BULLET.match(text)


def find_urls(text: str) -> list[str]:
    """URLs as written (``www.`` ones too), without the sentence punctuation after them."""
    return [m.group(0) for m in URL.finditer(text)]
