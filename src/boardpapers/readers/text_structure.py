"""Parts to Blocks: which lines are headings, how deep each list item is, which page.

Headings. A Markdown heading is a heading. A short line that is wholly bold (``**Issues**``,
``<b>Background</b>``) or wholly italic (``*Diversity:*``) and stands alone is emitted as a
HEADING with ``bold`` set, not as a bold paragraph: converted papers lose their heading
styles, and the template headings parsers look for ("Purpose of report", "Summary",
"Recommendation", "Background") survive only as emphasis or, in text converted from Word,
as short plain lines. So in text that has no Markdown headings, a short plain line with no
sentence punctuation, no colon and a capital start ("Purpose of Report", "Next steps") is a
heading too. A "Label: value" line ("Region: North East") never is. A numbered line that
reads like a title and stands alone ("1. Summary", "23.<tab>APOLOGIES FOR ABSENCE",
"25/07 Apologies for absence") is a heading with its number kept in the text.

Heading levels are guesses the parsers should not lean on hard: in Markdown documents an
inferred bold heading sits beside the last explicit heading of level 2-3, an italic one a
level below; in plain text the title-like first heading is level 1 and the rest level 2.

List depth comes from indentation, corrected by numbering: "b." is at the depth of the "a."
before it and "8.2" at the depth of "8.1", "8.1" one below "8.", whatever the converter
did to the indentation.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, field, replace

from boardpapers.model.layout import Block, BlockKind
from boardpapers.readers.plain_lines import BARE_DATE, ends_sentence
from boardpapers.readers.text_blocks import Part, resolve_hyphens
from boardpapers.readers.text_lines import DATE_INSIDE, DocumentProfile, Line, LineKind

_MAX_HEADING_WORDS = 14
# Deeper nesting than any real paper's (Word offers 9 levels): an item indented further
# keeps this depth, so a list nested 2,000 deep costs no more than a flat one downstream.
MAX_LIST_DEPTH = 12
_MAX_PLAIN_HEADING_WORDS = 12
_NOT_HEADING_TEXT = re.compile(r"@|www\.|https?:|\.gov\.uk|\.org|\.com|\?|"
                               r"\b\d{1,2}[.:]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)", re.I)
_MINUTE_REF = re.compile(
    r"^(?:[A-Z]{0,3}\d{1,4}/\d{2,4}\.?|\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\.)\s+(?=[A-Z])")
_NUMBER_MARKER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")
_TIME = re.compile(r"^\d{1,2}([.:]\d{2})?\s*(am|pm|a\.m\.|p\.m\.)", re.I)


def parts_to_blocks(parts: list[Part], profile: DocumentProfile) -> tuple[list[Block], int]:
    """Make Blocks with page numbers; also return the number of pages."""
    _decide_headings(parts, profile)
    depths = _list_depths(parts)
    blocks: list[Block] = []
    page = 1
    last_content = _last_content_index(parts)
    for i, part in enumerate(parts):
        if part.kind is BlockKind.PAGE_BREAK:
            page = _next_page(page, part.page_no, started=bool(blocks))
            if blocks and i < last_content:
                blocks.append(Block(BlockKind.PAGE_BREAK, "", page=page))
            continue
        block = _part_to_block(part, page, depths.get(id(part), 0), profile.vocabulary)
        if block is not None:
            blocks.append(block)
    while blocks and blocks[-1].kind is BlockKind.PAGE_BREAK:
        blocks.pop()
    return _collapse_breaks(blocks), blocks[-1].page if blocks else 1


def _next_page(page: int, printed: int | None, started: bool) -> int:
    """The page after a footer/header: trust a printed number only when it fits."""
    if printed is None:
        return page + 1 if started else page
    if printed == page + 1 or (not started and printed >= 1 and printed == page):
        return printed
    if printed == page:
        return page + 1
    return page + 1 if started else page


def _last_content_index(parts: list[Part]) -> int:
    return max((i for i, p in enumerate(parts) if p.kind is not BlockKind.PAGE_BREAK), default=-1)


def _collapse_breaks(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for b in blocks:
        if b.kind is BlockKind.PAGE_BREAK and out and out[-1].kind is BlockKind.PAGE_BREAK:
            out[-1] = b
            continue
        out.append(b)
    return out


def _part_to_block(part: Part, page: int, depth: int,
                   vocabulary: Container[str]) -> Block | None:
    first = part.first
    bold = first.emphasis == "bold" and len(part.lines) == 1
    if part.kind is BlockKind.TABLE:
        rows = _without_empty_lead_columns(
            tuple(tuple(resolve_hyphens(c, vocabulary) for c in r) for r in part.rows if any(r)))
        if not rows:
            return None
        if len(rows) == 1 and sum(1 for c in rows[0] if c) <= 1:
            text = " ".join(c for c in rows[0] if c)
            return Block(BlockKind.PARAGRAPH, text, page=page)
        text = "\n".join("\t".join(r) for r in rows)
        return Block(BlockKind.TABLE, text, page=page, rows=rows)
    text = resolve_hyphens(part.text, vocabulary)
    if part.kind is BlockKind.HEADING:
        return Block(BlockKind.HEADING, text, page=page, level=first.level, bold=bold)
    if part.kind is BlockKind.LIST_ITEM:
        return Block(BlockKind.LIST_ITEM, text, page=page, marker=first.marker,
                     depth=depth, bold=bold)
    return Block(BlockKind.PARAGRAPH, text, page=page, bold=bold)


def _without_empty_lead_columns(rows: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """A table indented with tabs on every row: the empty first columns are indentation."""
    lead = min((next((i for i, c in enumerate(r) if c), len(r)) for r in rows), default=0)
    return tuple(r[lead:] for r in rows) if lead else rows


# ---------------------------------------------------------------------------- headings

def _decide_headings(parts: list[Part], profile: DocumentProfile) -> None:
    last_level = 1
    content_seen = headings = 0
    last_content = _last_content_index(parts)
    prev: Part | None = None
    for i, part in enumerate(parts):
        if part.kind is BlockKind.PAGE_BREAK:
            continue
        content_seen += 1
        before, prev = prev, part
        if part.kind is BlockKind.HEADING:
            last_level = part.first.level
            headings += 1
            continue
        if len(part.lines) != 1 or i >= last_content:
            continue
        if part.kind is BlockKind.LIST_ITEM:
            level = _numbered_heading_level(part, parts[i + 1])
        elif part.kind is BlockKind.PARAGRAPH:
            level = _heading_level(part, profile, last_level, content_seen <= 3 and not headings,
                                   _stacked(part, before, parts[i + 1]))
        else:
            continue
        if level:
            _promote(part, level)
            headings += 1


def _stacked(part: Part, before: Part | None, after: Part) -> bool:
    """A short line between short lines, no blanks between: an address or contact block
    ("Helen Marchbank" / "Head of Transport" / "Tel: …"), not a run of headings."""
    return before is not None and not part.gap_before and not after.gap_before \
        and _short_line(before) and _short_line(after) and after.kind is BlockKind.PARAGRAPH \
        and not ends_sentence(after.text)  # "Purpose of Report" / "For information."


def _short_line(part: Part) -> bool:
    return len(part.lines) == 1 and len(part.text) <= 60 \
        and part.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING)


def _heading_level(part: Part, profile: DocumentProfile, last_level: int,
                   title_slot: bool, stacked: bool = False) -> int:
    """0 for "not a heading", else the level to give the promoted line."""
    line = part.first
    if profile.body_indent and not line.emphasis:
        # a dump shows its headings by where they stand; a plain line at the margin is text
        return _dump_heading_level(line, profile.body_indent)
    if line.emphasis and _emphasised_heading(line.text, line.label):
        if not profile.markdown:
            return 1 if title_slot else 2
        base = max(2, min(last_level, 3))
        return base + 1 if line.emphasis == "italic" else base
    if not profile.markdown and not line.emphasis and not stacked \
            and (_plain_heading(line.text, line.label) or _colon_title(line)):
        return 1 if title_slot else 2
    return 0


_TITLE_SMALL_WORDS = frozenset("a an and for in of on or the to with by at from".split())
# Words of the labels in a report's header: "Contact Officer: Jo Bloggs", "Lead Member: …"
_LABEL_WORDS = frozenset("officer officers contact member members author name date time venue "
                         "email e-mail tel telephone phone ward wards portfolio director "
                         "title subject meeting decision status classification ref "
                         "reference".split())


def _dump_heading_level(line: Line, body_indent: int) -> int:
    """A web-page dump sets paragraphs at one margin: a short line left of it is a heading
    (level 2), a line centred far right of it a title (level 1)."""
    text = line.text
    if len(text.split()) > 14 or ends_sentence(text) or not text[:1].isupper() \
            or BARE_DATE.match(text):
        return 0
    if line.indent < body_indent and not line.label:
        return 2
    return 1 if line.indent >= body_indent + 8 else 0


def _colon_title(line: Line) -> bool:
    """" Local Government Finance: Fair Funding Review 2.0 ": Word text sets a report's
    title on its own indented line, and titles often have a colon.

    Only an indented line in title case with two or more words either side of the colon
    counts, and not a header label: a label's value is a name, a date or lower-case words
    ("LGA Plan Theme: Stronger local economies", "Contact Officer: Jo Bloggs", "Date of Next
    Meeting: Thursday, 18 September").
    """
    head, colon, tail = line.text.partition(": ")
    if not colon or line.indent < 1 or len(head.split()) < 2 or len(tail.split()) < 2 \
            or "," in line.text or DATE_INSIDE.search(line.text) \
            or _LABEL_WORDS.intersection(head.lower().split()):
        return False
    words = f"{head} {tail}".split()
    return all(w[:1].isupper() or w[:1].isdigit() or w in _TITLE_SMALL_WORDS for w in words) \
        and _plain_heading(f"{head} {tail}", False)


def _numbered_heading_level(part: Part, after: Part) -> int:
    """"1. Summary" or "23.<tab>APOLOGIES FOR ABSENCE" standing alone (or right above its
    "1.1"): a numbered heading.

    The number stays in the heading's text ("1. Summary"), as it would in a Markdown
    heading "## 1. Summary". Level: 2 for "1.", 3 for "1.1" and so on.
    """
    line = part.first
    if not _NUMBER_MARKER.match(line.marker) or not (
            after.gap_before or _numbered_under(after, line.marker)
            or _prose_under(line.text, after)):
        return 0
    if not _plain_heading(line.text, line.label) or len(line.text.split()) > 10:
        return 0
    part.texts = [f"{line.marker} {line.text}"]
    return min(6, 1 + line.marker.rstrip(".").count(".") + 1)


def _prose_under(text: str, after: Part) -> bool:
    """"1. Purpose of the report" right above "To notify the Panel of …" (pdftotext keeps no
    blank line): a short title over a longer sentence paragraph is a section heading."""
    return after.kind is BlockKind.PARAGRAPH and len(text.split()) <= 6 \
        and len(after.text) > 2 * len(text) and ends_sentence(after.text)


def _numbered_under(after: Part, marker: str) -> bool:
    """"1.1 The Authority consulted…" right under "1. Summary": the short line heads it."""
    return after.kind is BlockKind.LIST_ITEM and _parent(after.first.marker) == \
        marker.rstrip(".") + "."


def _emphasised_heading(text: str, label: bool) -> bool:
    """A wholly bold/italic line is a heading unless it is a sentence, a date or "Label: value".

    "Bus Service Improvement Plan: Progress Report" (three words or more before the colon)
    is a title; "Region: North East" is a label.
    """
    words = text.split()
    if not words or len(words) > _MAX_HEADING_WORDS or len(text) > 120:
        return False
    if (ends_sentence(text) and not text.isupper()) or BARE_DATE.match(text) \
            or _TIME.match(text):
        return False
    if label and not text.endswith(":"):
        return len(text.split(":", 1)[0].split()) >= 3
    return True


def _plain_heading(text: str, label: bool) -> bool:
    if BARE_DATE.match(text):
        return False
    text = _MINUTE_REF.sub("", text)  # "25/07 Apologies for absence"
    words = text.split()
    if not words or len(words) > _MAX_PLAIN_HEADING_WORDS or len(text) > 90 or label:
        return False
    first_letter = next((ch for ch in text if ch.isalpha()), "")
    if not first_letter or not text[0].isupper():
        return False
    if text[-1] in ".,;:" or (text[-1] == "!" and not text.isupper()):
        return False
    if ":" in text or _NOT_HEADING_TEXT.search(text) or BARE_DATE.match(text) \
            or _TIME.match(text):
        return False
    return True


def _promote(part: Part, level: int) -> None:
    part.kind = BlockKind.HEADING
    part.lines[0] = replace(part.first, kind=LineKind.HEADING, level=level)


# ---------------------------------------------------------------------------- lists

@dataclass
class _ListRun:
    stack: list[tuple[int, int]] = field(default_factory=list)  # (indent, depth)
    seen: dict[str, int] = field(default_factory=dict)  # marker -> depth
    glyphs: dict[str, tuple[int, int]] = field(default_factory=dict)  # glyph -> indent, depth
    last_bullet: tuple[str, int, int] | None = None  # (glyph, indent, depth)

    def depth_for(self, indent: int, marker: str) -> int:
        depth = self._by_numbering(marker)
        if depth is None:
            depth = self._by_glyph(indent, marker)
        if depth is None:
            depth = self._by_indent(indent)
        if _is_glyph(marker):
            self.last_bullet = (marker, indent, depth)
            self.glyphs[marker] = (indent, depth)
        while self.stack and (self.stack[-1][1] >= depth or self.stack[-1][0] >= indent + 2):
            self.stack.pop()
        self.stack.append((indent, depth))
        self.seen[_marker_key(marker)] = depth
        return depth

    def _by_numbering(self, marker: str) -> int | None:
        before = _predecessor(marker)
        if before is not None and before in self.seen:
            return self.seen[before]
        parent = _parent(marker)
        if parent is not None and parent in self.seen:
            return self.seen[parent] + 1
        return None

    def _by_glyph(self, indent: int, glyph: str) -> int | None:
        """Word's bullet levels keep their glyphs (•, o, ▪) even when indentation is lost."""
        if not _is_glyph(glyph):
            return None
        seen = self.glyphs.get(glyph)
        if seen is not None and seen[0] == indent:
            return seen[1]
        last = self.last_bullet
        if last is not None and last[0] != glyph and last[1] == indent:
            return last[2] + 1
        return None

    def _by_indent(self, indent: int) -> int:
        while self.stack and self.stack[-1][0] > indent + 1:
            self.stack.pop()
        if not self.stack:
            return 0
        top_indent, top_depth = self.stack[-1]
        return top_depth + 1 if indent > top_indent + 1 else top_depth


def _is_glyph(marker: str) -> bool:
    return marker == "o" or not any(ch.isalnum() for ch in marker)


def _list_depths(parts: list[Part]) -> dict[int, int]:
    """Depth of every list item part, keyed by id(part); also drops false markers."""
    depths: dict[int, int] = {}
    run = _ListRun()
    for part in parts:
        if part.kind is BlockKind.HEADING:
            run = _ListRun()
            continue
        if part.kind in (BlockKind.TABLE, BlockKind.PARAGRAPH):
            run.stack.clear()
            run.last_bullet = None
            continue
        if part.kind is not BlockKind.LIST_ITEM:
            continue
        _drop_false_marker(part, run)
        if part.kind is BlockKind.LIST_ITEM:
            depths[id(part)] = min(run.depth_for(part.first.indent, part.first.marker),
                                   MAX_LIST_DEPTH)
    return depths


_LETTER = re.compile(r"^\(?([a-z])[.)]$")


def _drop_false_marker(part: Part, run: _ListRun) -> None:
    """"c. 6500 new jobs" is circa, not item c, unless item b came just before."""
    first = part.first
    letter = _LETTER.match(first.marker)
    if not letter or not part.text[:1].isdigit() or letter.group(1) == "a" \
            or _predecessor(first.marker) in run.seen:
        return
    text = f"{first.marker} {part.text}"
    part.texts = [text]
    if first.bullet:
        part.lines[0] = replace(first, marker=first.bullet, bullet="", text=text)
    else:
        part.kind = BlockKind.PARAGRAPH
        part.lines[0] = replace(first, marker="", text=text)


_NUMBERED = re.compile(r"^(\(?)(\d{1,3}(?:\.\d{1,3})*|[a-z])([.)]?)$")


def _marker_key(marker: str) -> str:
    return marker.rstrip(".") if marker[:1].isdigit() and "." in marker[:-1] else marker


def _predecessor(marker: str) -> str | None:
    match = _NUMBERED.match(marker)
    if not match:
        return None
    opening, body, closing = match.groups()
    if body.isalpha():
        return None if body == "a" else _marker_key(f"{opening}{chr(ord(body) - 1)}{closing}")
    numbers = body.split(".")
    last = int(numbers[-1])
    if last <= 1:
        return None
    numbers[-1] = str(last - 1)
    return _marker_key(f"{opening}{'.'.join(numbers)}{closing}")


def _parent(marker: str) -> str | None:
    """"8.1" -> "8." (or "8"): the item a sub-numbered item sits under."""
    match = _NUMBERED.match(marker)
    if not match or "." not in match.group(2):
        return None
    return match.group(2).rsplit(".", 1)[0] + "."
