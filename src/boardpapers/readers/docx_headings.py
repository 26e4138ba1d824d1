"""Headings that Word shows only by their look: bold, capitals or a bigger font.

Most council Word templates make their headings in the Normal style with bold set by hand
("Purpose of Report", "1. Background", "ES 061/25 APOLOGIES"), so no heading style says what
they are. Parsers look for those headings, so a short paragraph that is wholly bold, in
capitals (typed or by formatting), or set clearly larger than the body text becomes a
HEADING, by the rule the text reader applies to converted text: short, no sentence end, not
a "Label: value" line, not a date or a time. A numbered paragraph ("1. Purpose of Report",
marker from Word's numbering or typed) is a heading when it is bold or has its own
sub-clauses ("1.1 …") right under it; its number stays in the heading's text.

Levels sit below the document's real heading styles: one level under the deepest
heading style used (level 2 when there is none), one more for each ".1" of a number. The
first lines of a document with no heading at all before them are its title (level 1),
as in the text reader.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from boardpapers.model.layout import Block, BlockKind
from boardpapers.readers.plain_lines import BARE_DATE, ends_sentence

_MAX_WORDS = 14
_MAX_NUMBERED_WORDS = 10
_LARGER = 1.15  # "clearly larger": 13 pt over 11 pt body text, 14 pt over 12 pt
_TITLE_SLOT = 3  # content blocks at the top that may be the title
_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")
_TIME = re.compile(r"^\d{1,2}([.:]\d{2})?\s*(am|pm|a\.m\.|p\.m\.)", re.IGNORECASE)
_NOT_HEADING = re.compile(r"@|www\.|https?:|\.gov\.uk\b|\.org\b|\.com\b|"
                          r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}$")  # ends with a postcode
_LABEL = re.compile(r"^(?P<label>[^:]{1,60}):\s+(?P<value>\S.*)$")


@dataclass(frozen=True, slots=True)
class Look:
    """What a paragraph looks like beyond its Block: its smallest run size (half-points,
    0 when unknown) and whether formatting shows it all in capitals."""
    size: int = 0
    caps: bool = False


def promote_look_headings(blocks: list[Block], looks: Mapping[int, Look],
                          body_size: int) -> list[Block]:
    """The blocks with look-only headings made HEADINGs; ``looks`` is keyed by block
    index, ``body_size`` is the body text's size (half-points)."""
    styled = [b.level for b in blocks if b.kind is BlockKind.HEADING]
    base = min(max(styled) + 1, 6) if styled else 2
    content = [i for i, b in enumerate(blocks) if b.kind is not BlockKind.PAGE_BREAK]
    out = list(blocks)
    headings_before = 0
    for n, i in enumerate(content[:-1]):
        block = blocks[i]
        if block.kind is BlockKind.HEADING:
            headings_before += 1
            continue
        following = blocks[content[n + 1]]
        promoted = _promoted(block, following, looks.get(i, Look()), body_size, base,
                             title_slot=n < _TITLE_SLOT and not headings_before)
        if promoted is not None:
            out[i] = promoted
            headings_before += 1
    return out


def _promoted(block: Block, following: Block, look: Look, body_size: int, base: int,
              title_slot: bool) -> Block | None:
    if block.kind is BlockKind.PARAGRAPH and "\n" not in block.text \
            and _stands_out(block, look, body_size) and looks_like_heading(block.text):
        return replace(block, kind=BlockKind.HEADING, level=1 if title_slot else base)
    if block.kind is BlockKind.LIST_ITEM and _NUMBER.match(block.marker) \
            and (block.bold or _numbered_under(following, block.marker)) \
            and _numbered_title(block.text):
        level = min(6, base + block.marker.rstrip(".").count("."))
        return replace(block, kind=BlockKind.HEADING, text=f"{block.marker} {block.text}",
                       level=level, marker="", depth=0)
    return None


def _stands_out(block: Block, look: Look, body_size: int) -> bool:
    """Bold throughout, in capitals, or in a font clearly larger than the body's."""
    letters = [ch for ch in block.text if ch.isalpha()]
    capitals = len(letters) >= 3 and (look.caps or all(ch.isupper() for ch in letters))
    larger = bool(look.size and body_size) and look.size >= body_size * _LARGER
    return block.bold or capitals or larger


def looks_like_heading(text: str) -> bool:
    """A short line that is not a sentence, a date, a time, an address (web, email or
    postal) or "Label: value".

    "Bus Service Improvement Plan: Progress Report" (three words or more before the colon
    and a capital after it) is a title; "Region: North East" and "Purpose of report: for
    decision" are labels. "Present:" alone heads what follows.
    """
    words = text.split()
    if not words or len(words) > _MAX_WORDS or len(text) > 120:
        return False
    if (ends_sentence(text) and not text.isupper()) or BARE_DATE.match(text) \
            or _TIME.match(text) or _NOT_HEADING.search(text):
        return False
    label = _LABEL.match(text)
    if label:
        return len(label.group("label").split()) >= 3 and label.group("value")[0].isupper()
    return True


def _numbered_title(text: str) -> bool:
    """"Purpose of Report" after "1.": short, starting with a capital, no sentence end."""
    if not text[:1].isupper() or len(text.split()) > _MAX_NUMBERED_WORDS:
        return False
    return text[-1] not in ".,;:!?" and looks_like_heading(text)


def _numbered_under(following: Block, marker: str) -> bool:
    """"1.1 The Authority consulted…" right under "1. Summary": the short line heads it."""
    if following.kind is not BlockKind.LIST_ITEM or not _NUMBER.match(following.marker):
        return False
    parent = following.marker.rstrip(".").rsplit(".", 1)[0] if "." in \
        following.marker.rstrip(".") else None
    return parent is not None and parent == marker.rstrip(".")
