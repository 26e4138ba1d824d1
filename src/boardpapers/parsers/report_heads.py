"""Where a report's sections start: labels, headings and the lines a reader missed.

A *head* is a block that opens a section (a known label in any wording, a real heading,
or a short title-like line before a longer paragraph) or that carries a header field
("Date: 12 March 2024"). Contact blocks are read ahead so that the names and values in
them, whatever the reader made of them, never open sections of their own.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from boardpapers.model.layout import Block, BlockKind
from boardpapers.parsers.contacts_block import read_contacts
from boardpapers.vocab.labels import (
    FIELD_KINDS,
    Field,
    Label,
    clean_label_text,
    fields_anywhere,
    is_placeholder,
    match_label,
    split_fields,
)
from boardpapers.vocab.text import fold

_INLINE_SECTIONS = frozenset({"purpose", "summary", "recommendations", "actions", "contact",
                              "appendix"})
# Inside these, only real labels and headings end the section, never a short plain line
# (a one-line recommendation without a full stop is not a heading).
_CLOSED_SECTIONS = frozenset({"purpose", "recommendations", "actions", "appendix"})
CONTACT_KINDS = frozenset({"contact", "name", "position", "phone", "email"})
_PARA_NUMBER = re.compile(
    r"^(?P<n>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?=\S)|^(?P<m>\d{1,2})[.)]\s+(?=\S)")


@dataclass(frozen=True, slots=True)
class Head:
    """A block that opens a section or carries a header field."""

    index: int  # absolute block index
    kind: str  # a SECTION_KIND, or a FIELD_KIND for header fields
    heading: str
    value: str = ""  # the label's value on the same line
    fields: tuple[Field, ...] = ()  # several header fields flattened onto one line
    language: str = "en"

    @property
    def is_field(self) -> bool:
        return self.kind in FIELD_KINDS or bool(self.fields)


def block_text(block: Block) -> str:
    """The block's text on one line, runs of whitespace folded to one space."""
    return _one_line(block.text)


def clear_caches() -> None:
    _one_line.cache_clear()


@functools.lru_cache(maxsize=16384)
def _one_line(text: str) -> str:
    # str.split() and re's \s agree on what whitespace is, and split is several times faster
    return fold(text)


def paragraph_number(block: Block) -> tuple[str, str]:
    """("2.1", rest) for a numbered paragraph; ("", text) otherwise."""
    marker = block.marker.strip()
    text = block_text(block)
    if marker and re.fullmatch(r"\d{1,2}(?:\.\d{1,2}){0,3}[.)]?", marker):
        return marker.rstrip(".)"), text
    m = _PARA_NUMBER.match(text)
    if not m:
        return "", text
    return (m.group("n") or m.group("m")), text[m.end():].strip()


def _head_from_label(index: int, block: Block, label: Label) -> Head | None:
    text = block_text(block)
    if label.kind in FIELD_KINDS:
        if len(text) > 300:
            return None
        return Head(index, label.kind, label.text, label.value, language=label.language)
    if label.value and label.kind not in _INLINE_SECTIONS:
        return None  # "Background: the council has..." reads as prose
    if not label.value and len(text) > 160:
        return None
    heading = (f"{label.number} {label.text}".strip() if label.number else label.text)
    return Head(index, label.kind, heading, label.value, language=label.language)


def block_head(index: int, block: Block) -> Head | None:
    """The head this block is, from its words alone (labels and flattened fields)."""
    if block.kind in (BlockKind.TABLE, BlockKind.PAGE_BREAK):
        return None
    text = block_text(block)
    fields = split_fields(text)
    if len(fields) < 2:
        fields = fields_anywhere(text)
    if len(fields) >= 2 or (fields and fields[0].kind == "recommendations"):
        return Head(index, fields[0].kind, fields[0].label, fields[0].value, fields=fields)
    label = match_label(text)
    if label is None:
        return None
    return _head_from_label(index, block, label)


def _is_short_title(text: str) -> bool:
    words = text.split()
    return (0 < len(words) <= 14 and len(text) <= 100 and not text.endswith((".", ",", ";", ":"))
            and (text[0].isupper() or text[0].isdigit() or text[0] in "‘'\"(")
            and not is_placeholder(text))


def _plain_heading(blocks: list[tuple[int, Block]], pos: int) -> bool:
    """A short title-like line that introduces longer text: a heading the reader missed."""
    _, block = blocks[pos]
    if block.kind is BlockKind.HEADING:
        return True
    if block.kind is not BlockKind.PARAGRAPH or block.marker or "\t" in block.text:
        return False
    number, rest = paragraph_number(block)
    rest = clean_label_text(rest)
    if not _is_short_title(rest):
        return False
    if block.bold:
        return True
    following = next((b for _, b in blocks[pos + 1:] if b.kind is not BlockKind.PAGE_BREAK), None)
    if following is None or following.kind is BlockKind.HEADING:
        return False
    next_number, next_text = paragraph_number(following)
    if next_number and (not number or next_number.startswith(number.rstrip(".") + ".")):
        return True
    return not number and len(next_text) >= max(120, 2 * len(rest))


def _next_numbered_section(block: Block, previous: str) -> bool:
    """"3. Programme" after recommendation "2.1": the next numbered section's heading,
    which a converter made a list item, not a third recommendation."""
    number, rest = paragraph_number(block)
    if not number.isdigit() or "." not in previous or not previous.split(".")[0].isdigit():
        return False
    return (int(number) == int(previous.split(".")[0]) + 1
            and _is_short_title(clean_label_text(rest)) and len(rest.split()) <= 8)


_BROKEN_LABEL_PART = 40  # characters: each half of a label a narrow table cell broke


def _broken_label(blocks: list[tuple[int, Block]], pos: int) -> Head | None:
    """"Reasons for" / "recommendation(s)": a section label a narrow table cell broke over
    two lines (pdftotext), neither half a label of the right kind alone."""
    index, block = blocks[pos]
    if block.kind is not BlockKind.PARAGRAPH or pos + 1 >= len(blocks):
        return None
    following = blocks[pos + 1][1]
    first, second = block_text(block), block_text(following)
    if following.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING) or block.marker \
            or len(first) > _BROKEN_LABEL_PART or len(second) > _BROKEN_LABEL_PART \
            or not second[:1].islower() or first.endswith((".", ":", ";", ",")):
        return None
    label = match_label(f"{first} {second}")
    if label is None or label.value or label.kind in FIELD_KINDS:
        return None
    return Head(index, label.kind, label.text, language=label.language)


_FLATTENED_BLOCKS = 6  # a flattened cover sheet a PDF set as a few long paragraphs
_FLATTENED_MIN = 200  # characters of a paragraph that may be a flattened cover sheet


def _flattened_over_blocks(blocks: list[tuple[int, Block]], pos: int) -> tuple[Head | None, int]:
    """A cover sheet flattened into one paragraph that a PDF then broke into several (the
    first cut mid-sentence): its fields read over the joined text, and how many blocks it
    used. (None, 0) for anything else."""
    index, block = blocks[pos]
    text = block_text(block)
    if block.kind is not BlockKind.PARAGRAPH or len(text) < _FLATTENED_MIN \
            or text.endswith((".", ":", ";", "?", "!")):
        return None, 0
    used = 1
    while used < _FLATTENED_BLOCKS and pos + used < len(blocks) \
            and blocks[pos + used][1].kind is BlockKind.PARAGRAPH \
            and not text.endswith((".", ";", "?", "!")):
        text = f"{text} {block_text(blocks[pos + used][1])}"
        used += 1
    fields = fields_anywhere(text) if used > 1 else ()
    if len(fields) < 2 or split_fields(block_text(block)):
        return None, 0
    return Head(index, fields[0].kind, fields[0].label, fields[0].value, fields=fields), used


_BROKEN_FIELD_START = re.compile(r"^[\w' ]{2,30}?\s?:\s*\S")


def _label_and_value_broken(blocks: list[tuple[int, Block]], pos: int) -> Head | None:
    """"Contact" / "Point: Kim Dueck, 01632 960001": a field label that hard line breaks
    cut in two, its second half on the line of the value. Taken only when the two halves
    make a longer label than the first alone."""
    index, block = blocks[pos]
    first = block_text(block)
    if pos + 1 >= len(blocks) or len(first) > _BROKEN_LABEL_PART or ":" in first \
            or not _BROKEN_FIELD_START.match(second := block_text(blocks[pos + 1][1])):
        return None
    joined = match_label(f"{first} {second}")
    alone = match_label(first)
    if joined is None or not joined.value or joined.kind not in (*FIELD_KINDS, "contact") \
            or (alone is not None and len(alone.text) >= len(joined.text)):
        return None
    return Head(index, joined.kind, joined.text, joined.value, language=joined.language)


def _inside_contact_block(head: Head) -> bool:
    """Labels that continue a contact block rather than open a new section."""
    kinds = {f.kind for f in head.fields} or {head.kind}
    return kinds <= CONTACT_KINDS


# Page furniture a converter left in the text: "Tudalen / Page 1", "- 2 -", and the running
# header naming the council. Inside a contact block such a line is read as a blank, so
# a block that goes on over a page break is read whole.
_PAGE_FURNITURE = re.compile(
    r"^(?:(?:page|tudalen)(?:\s*/\s*(?:page|tudalen))?\s+\d{1,4}(?:\s+(?:of|o)\s+\d{1,4})?"
    r"|-?\s*\d{1,4}\s*-?|cyngor\b[^\d@:]{0,120}|[^\d@:]{0,120}\b(?:council|authority))$",
    re.IGNORECASE)


def contact_lines(head: Head, blocks: list[tuple[int, Block]]) -> list[str]:
    """The lines of a contact block, one per block (page furniture as blank lines)."""
    if head.fields:
        lines = [" ".join(f"{f.label}: {f.value}" for f in head.fields)]
    else:
        lines = [f"{head.heading}: {head.value}"] if head.value else []
    return lines + [contact_line(b) for _, b in blocks]


def contact_line(block: Block) -> str:
    if block.kind is BlockKind.TABLE:
        return table_as_fields(block)
    text = block_text(block)
    return "" if len(text) <= 160 and _PAGE_FURNITURE.match(text) else text


def contact_extent(head: Head, following: list[tuple[int, Block]]) -> int:
    """How many of the blocks after a contact label belong to its contact block."""
    used = read_contacts(contact_lines(head, following[:40]), heading=not head.value)[1]
    return max(0, used - (1 if head.value or head.fields else 0))


def find_heads(blocks: list[tuple[int, Block]]) -> list[Head]:
    heads: list[Head] = []
    current = ""
    skip_until = -1
    last_number = ""
    for pos, (index, block) in enumerate(blocks):
        previous_number, last_number = last_number, paragraph_number(block)[0] or last_number
        if pos < skip_until:
            continue  # a name or value inside a contact block, whatever the reader made it
        flattened, used = _flattened_over_blocks(blocks, pos)
        if flattened is not None:
            heads.append(flattened)
            skip_until = pos + used
            continue
        head = _label_and_value_broken(blocks, pos) or block_head(index, block)
        if head is None and (broken := _broken_label(blocks, pos)) is not None:
            head, skip_until = broken, pos + 2
        if head is None and current in _CLOSED_SECTIONS \
                and _next_numbered_section(block, previous_number):
            head = Head(index, "other", clean_label_text(block_text(block)))
        if head is not None and current == "contact" and _inside_contact_block(head):
            continue
        if head is not None and head.kind in CONTACT_KINDS - {"contact"} and not head.fields:
            continue  # a stray "Email: x" line belongs to the text around it
        if head is None and current not in _CLOSED_SECTIONS and _plain_heading(blocks, pos):
            head = Head(index, "other", clean_label_text(block.text).rstrip(":"))
        if head is None and current in _CLOSED_SECTIONS and block.kind is BlockKind.HEADING:
            head = Head(index, "other", clean_label_text(block.text).rstrip(":"))
        if head is None:
            continue
        answered = _answer_below(head, blocks, pos)
        if answered is not head:
            head, skip_until = answered, pos + 2  # the answer is the field's, not a head
        heads.append(head)
        if head.kind == "contact" and current != "contact":
            skip_until = pos + 1 + contact_extent(head, blocks[pos + 1:])
        if not head.is_field or head.kind == "contact":
            current = head.kind
        elif current in ("purpose", "summary", "recommendations", "actions"):
            current = ""
    return heads


# Header fields whose value a converter may set on the line below the label, alone:
# "### Is this report confidential?" then "No"; pdftotext's "Report title" then the title.
_STACKED_FIELDS = frozenset({"confidential", "exempt", "key_decision", "subject", "wards",
                             "report_to", "author", "portfolio", "report_number",
                             "plan_theme", "date"})


def _answer_below(head: Head, blocks: list[tuple[int, Block]], pos: int) -> Head:
    """A header label alone on its line takes the short line right below it as its value."""
    if head.kind not in _STACKED_FIELDS or head.value or head.fields \
            or block_text(blocks[pos][1]).rstrip(":?").strip() != head.heading.rstrip(":?").strip():
        return head
    following = blocks[pos + 1][1] if pos + 1 < len(blocks) else None
    if following is None or following.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING):
        return head
    text = block_text(following)
    if not text or len(text) > 200 or block_head(0, following) is not None:
        return head
    if head.kind == "report_to" and pos + 2 < len(blocks):
        text = body_name_completed(text, blocks[pos + 2][1])
    return replace(head, value=text)


_BODY_WORD = re.compile(r"^(?:committee|sub-committee|board|panel|forum|cabinet|executive)$",
                        re.IGNORECASE)


def body_name_completed(name: str, after: Block) -> str:
    """"Pwyllgor Craffu Cymunedau / Communities Scrutiny" + "Committee": a committee's name
    whose last word a converter set on a line of its own."""
    word = block_text(after)
    last = name.split()[-1] if name.split() else ""
    if after.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING) and _BODY_WORD.match(word) \
            and not _BODY_WORD.match(last):
        return f"{name} {word}"
    return name


def table_as_fields(block: Block) -> str:
    """A two-column contact table as "Label: value" lines joined by newlines."""
    rows = [" ".join(c for c in row if c.strip()) for row in block.rows]
    return "\n".join(rows)


def first_section_head(heads: list[Head], default: int) -> int:
    """Where the front ends: the first labelled section.

    A title heading is not one, nor is a header line "Contact officer: Jane Doe": only a
    bare "Contact officer(s)" label opens the contact section of the template.
    """
    labelled = (h.index for h in heads
                if (not h.is_field and h.kind not in ("other", "contact"))
                or (h.kind == "contact" and not h.value and not h.fields))
    return next(labelled, default)
