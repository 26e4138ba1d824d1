"""Classified lines to blocks: paragraphs joined, tables gathered, pages counted.

Three passes over ``Line`` values:

1. ``lines_to_parts`` groups consecutive lines: wrapped lines join into one paragraph,
   tab rows into one table, page furniture becomes a page-break part.
2. ``merge_across_gaps`` mends what page breaks and blank lines cut in two: a table that
   goes on after a footer or a blank line, a sentence that goes on after a page break
   ("talking them through the" / "05 March 2021" / "next stages and…").
3. ``parts_to_blocks`` decides headings, list depths and page numbers and makes Blocks.

Joining is deliberately cautious: a heading, a list item start, a "Label: value" line, a
wholly bold line or a table row never joins its neighbour.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, field, replace

from boardpapers.model.layout import BlockKind
from boardpapers.readers.plain_lines import ends_sentence
from boardpapers.readers.text_lines import DocumentProfile, Line, LineKind
from boardpapers.vocab.calendar import MONTH_NAMES

_FUNCTION_WORDS = frozenset(
    "a an the of to and or for in on with by from as at that which who will would be is are "
    "was were has have had their its our this these those into than but not should could can "
    "may must also including such between per via within under over".split())
_HYPHENS = "-‐‑–"
_TITLE_SMALL_WORDS = frozenset("a an and for in of on or the to with by at from into".split())
_MINUTE_REF_OR_NUMBER = re.compile(r"^(?:\d{1,3}\.?|[A-Z]{0,4}\s?\d{1,4}/\d{2,4})\s")
# Words a number follows: a line break between "Part" and "2 report" is inside a sentence.
_NUMBERED_WORDS = frozenset("part paragraph paragraphs section sections appendix annex schedule "
                            "page pages item items phase stage tranche option table figure "
                            "chapter clause article regulation".split())
_NUMBER_GOES_ON = re.compile(r"^(?:\d{1,3}[A-Za-z]?|[IVX]{1,4})\b(?![.)]\s)(?!\.\d)")
_LONE_NUMBER = re.compile(r"^(?:\d{1,4}[.)]?|[A-Z]{0,3}\d{1,4}/\d{2,4}\.?)$")
_TOTAL_ROW = re.compile(r"^(?:grand\s+)?totals?\b", re.I)
_MONTH_END = re.compile(r"\b(?:" + "|".join(MONTH_NAMES[1:]) + r")$", re.I)
_YEAR_START = re.compile(r"^(?:19|20)\d\d\b")
_MINUTE_HEAD = re.compile(
    r"^(?:[A-Z]{1,4}/\d{1,4}(?:/\d{1,4})?|[A-Z]{0,3}\d{1,4}/\d{2,4})\.?\s+[A-Z]")  # FA/25/47
# A list marker on a line of its own: pdftotext puts "a)" and its text on separate lines.
_LONE_MARKER = re.compile(r"^(?:\((?:[a-z]{1,4}|\d{1,3})\)|[a-z][.)]|[ivx]{2,6}[.)]|"
                          r"\d{1,3}(?:\.\d{1,3})*[.)]?|[•·▪◦●■\uf0b7])$")
HYPHEN_BREAK = "\u2027"  # stands between the halves of a word hyphenated at a line end
_BROKEN_WORD = re.compile(rf"(\w+)[{_HYPHENS}]{HYPHEN_BREAK}(?=(\w+))")
_BROKEN_EMAIL = re.compile(r"(?:^|\s)[\w.+-]+@[\w-]+$")  # no dot after the @ yet
_EMAIL_REST = re.compile(r"^[\w-]*\.[\w.-]*[a-z]\b(?!@)", re.I)
_URLISH = re.compile(r"^(?:\S+@\S+|www\.|https?://)", re.I)


@dataclass
class Part:
    """A block under construction (mutable while the passes work on it)."""

    kind: BlockKind
    lines: list[Line] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    gap_before: bool = False
    page_no: int | None = None  # printed page number of a footer/header break
    ruled_off: bool = False  # a grid table's rule line above: a row of its own

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def last(self) -> Line:
        return self.lines[-1]

    @property
    def text(self) -> str:
        return "".join(self.texts)

    def append_text(self, line: Line) -> None:
        self.texts.append(_joiner(self.text, line.text) + line.text)
        self.lines.append(line)


def lines_to_parts(lines: list[Line], profile: DocumentProfile) -> list[Part]:
    parts: list[Part] = []
    gap = ruled = False
    for line in lines:
        kind = line.kind
        if kind is LineKind.BLANK:
            gap = True
            continue
        if kind is LineKind.TABLE_RULE:
            continue
        if kind is LineKind.GRID_RULE:
            gap = ruled = True  # each grid row stays a table of its own, as its rules say
            continue
        if kind is LineKind.RULE:
            gap = gap or not _make_setext_heading(parts, line, gap)
            continue
        if kind is LineKind.FURNITURE:
            if parts and parts[-1].kind is BlockKind.PAGE_BREAK:
                parts[-1].page_no = parts[-1].page_no or line.page_no
            else:
                parts.append(Part(BlockKind.PAGE_BREAK, [line], page_no=line.page_no))
            gap = True
            continue
        current = parts[-1] if parts and not gap else None
        if _continue_spaced_cells(current, line) or _add_to_current(current, line, profile) \
                or _continue_table_cell(parts, line):
            gap = False
            continue
        parts.append(_new_part(line, gap))
        parts[-1].ruled_off, gap = ruled, False
        ruled = False
    return parts


def _new_part(line: Line, gap: bool) -> Part:
    if line.kind is LineKind.HEADING:
        return Part(BlockKind.HEADING, [line], [line.text], gap_before=gap)
    if line.kind is LineKind.TABLE_ROW:
        return Part(BlockKind.TABLE, [line], rows=[list(line.cells)], gap_before=gap)
    if line.kind is LineKind.LIST:
        return Part(BlockKind.LIST_ITEM, [line], [line.text], gap_before=gap)
    return Part(BlockKind.PARAGRAPH, [line], [line.text], gap_before=gap)


def _add_to_current(current: Part | None, line: Line, profile: DocumentProfile) -> bool:
    if current is None:
        return False
    if current.kind is BlockKind.TABLE and line.kind is LineKind.TABLE_ROW:
        current.rows.append(list(line.cells))
        current.lines.append(line)
        return True
    if current.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) \
            and line.kind is LineKind.TEXT and _line_continues(current, line, profile):
        current.append_text(line)
        return True
    return False


def _line_continues(part: Part, line: Line, profile: DocumentProfile) -> bool:
    """Whether the next line (no blank between) goes on with the part's last line."""
    last = part.last
    if _lone_marker(last) or _lone_marker(line):
        return False
    if line.lead_tabs and last.label and not line.label:
        return True  # "Present:<tab>Cllr A" then "<tab>Cllrs B and C": the label's value goes on
    if part.kind is BlockKind.LIST_ITEM and line.indent > part.first.indent and not line.lead_tabs:
        return True  # a list item's wrapped text hangs under its first line
    if _dump_wrap(part, line, profile):
        return True
    if line.label or line.emphasis or line.lead_tabs or line.footnote or last.emphasis:
        return False
    if _URLISH.match(line.text) or (last.hard_break and not last.text.endswith(",")):
        return False
    if _starts_lower(line.text) or _ends_open(part.text) or _date_goes_on(part.text, line.text):
        return True
    if _minute_heading(part) or _MINUTE_HEAD.match(line.text):
        return False  # a minute's title line, or the next minute starting
    if _comma_list_tail(part, line) or _title_tail(part, line.text):
        return True
    if ends_sentence(part.text) and _title_like(line, profile.wrapped_width):
        return False  # "…14 November 2024." then "Contact Officers": a heading follows
    width = profile.wrapped_width
    last_len = len(last.text) + last.indent + len(last.marker)
    return bool(width) and last_len >= 0.75 * width and not (last.label and last_len < width)


def _dump_wrap(part: Part, line: Line, profile: DocumentProfile) -> bool:
    """A web-page dump wraps a paragraph at its 80-column margin: "… the Venue: …, 18
    Smith" / "Square, London". At the dump's margin a line goes on when the text so far
    has not ended a sentence and the next line's first word would not have fitted on the
    last line (a short line such as a date above a venue was ended on purpose)."""
    last, width, indent = part.last, profile.wrapped_width, profile.body_indent
    if not indent or not width or part.kind is not BlockKind.PARAGRAPH \
            or last.indent != indent or line.indent != indent \
            or line.label or line.emphasis or last.emphasis or line.lead_tabs \
            or _URLISH.match(line.text):
        return False
    text = part.text.rstrip()
    next_word = line.text.split()[0] if line.text.split() else ""
    return not ends_sentence(text) and not text.endswith(":") \
        and indent + len(last.text) + 1 + len(next_word) > width


def _comma_list_tail(part: Part, line: Line) -> bool:
    """"Nadia Forsyth, Chief Finance Officer, Office of the Police and Crime" then
    "Commissioner": a one-line "name, job, office" list wrapped in a narrow cell. A stacked
    contact block puts one field per line and has no commas, so a word or two in capitals
    under a comma list is the list's last words."""
    return len(part.lines) == 1 and part.kind is BlockKind.PARAGRAPH \
        and _open_comma_list(part.text) and _capitalised_tail(line.text)


def _title_tail(part: Part, after: str) -> bool:
    """"6. Investment Zone – Gateway Approval for Calderby Advanced" then "Manufacturing
    Park": a long numbered title in title case wrapped before its last few words."""
    text = part.text
    if len(part.lines) != 1 or part.kind not in (BlockKind.LIST_ITEM, BlockKind.HEADING) \
            or len(text.split()) < 6 or not _title_case(text) or ends_sentence(text):
        return False
    if part.kind is BlockKind.HEADING and not _MINUTE_REF_OR_NUMBER.match(text):
        return False
    return len(after.split()) <= 4 and _title_case(after) and after[-1:].isalnum()


def _title_case(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalnum()]
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() or w in _TITLE_SMALL_WORDS
                               for w in words)


def _open_comma_list(text: str) -> bool:
    return text.count(", ") >= 2 and not ends_sentence(text) \
        and not any(ch.isdigit() or ch == "@" for ch in text)


def _capitalised_tail(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 2 and all(w[:1].isupper() and w.isalpha() for w in words)


def _contact_cell_goes_on(prev: Part, part: Part) -> bool:
    """"Contact<tab>Nadia Forsyth, …, Office of the Police and Crime", a blank line, then
    "Commissioner" / "Tel: …" / e-mail: a converter split one cell's lines off its row.
    The rest of the comma list goes back into the cell; the details under it stay blocks of
    their own, where a contact block is read anyway."""
    if prev.kind is not BlockKind.TABLE or part.kind is not BlockKind.PARAGRAPH \
            or not prev.rows or len(prev.rows[-1]) != 2:
        return False
    row = prev.rows[-1]
    if len(row[0].split()) > 3 or not _open_comma_list(row[1]) \
            or not _capitalised_tail(part.first.text):
        return False
    row[1] = " ".join([row[1], *(line.text for line in part.lines)])
    prev.lines.extend(part.lines)
    return True


def _open_cell_goes_on(prev: Part, part: Part) -> bool:
    """"| Title: | … Approval to Consult on a |", a blank line, then "20mph Limit": a cell
    the converter wrapped out of its one-row table. A cell ending on "a", "and" or a comma
    cannot end there, so the short line after it is the cell's last words."""
    if prev.kind is not BlockKind.TABLE or part.kind is not BlockKind.PARAGRAPH \
            or len(part.lines) != 1 or not prev.rows or len(prev.rows[-1]) < 2:
        return False
    first, row = part.first, prev.rows[-1]
    if first.label or first.emphasis or len(first.text.split()) > 6 \
            or ends_sentence(first.text) or not row[-1] or not _ends_open(row[-1]):
        return False
    row[-1] = f"{row[-1]}{_joiner(row[-1], first.text)}{first.text}"
    prev.lines.append(first)
    return True


def _continue_table_cell(parts: list[Part], line: Line) -> bool:
    """A wrapped cell: "<tab><tab>the council and…" after a table row goes in that cell."""
    if not line.lead_tabs or line.kind is not LineKind.TEXT or not _starts_lower(line.text):
        return False
    table = next((p for p in reversed(parts) if p.kind is not BlockKind.PAGE_BREAK), None)
    if table is None or table.kind is not BlockKind.TABLE:
        return False
    row = table.rows[-1]
    col = min(line.lead_tabs, len(row) - 1)
    row[col] = f"{row[col]} {line.text}".strip()
    return True


def _title_like(line: Line, width: int) -> bool:
    """A short capitalised line without end punctuation: not the rest of a sentence."""
    text = line.text
    return bool(width) and len(text) < 0.6 * width and len(text.split()) <= 8 \
        and text[:1].isupper() and text[-1:].isalnum()


def _continue_spaced_cells(current: Part | None, line: Line) -> bool:
    """A wrapped cell of a space-aligned table: the next line starts under a later column.

    ``pdftotext -layout`` writes "3.   Minutes of the meeting      1 - 4" and then, under
    the title column, "     To approve the minutes as a correct record.": the words go
    on in that cell. A line that starts under the first column is a new row or a paragraph.
    """
    if current is None or current.kind is not BlockKind.TABLE or not current.last.columns \
            or line.kind not in (LineKind.TEXT, LineKind.TABLE_ROW, LineKind.LIST):
        return False
    columns = current.last.columns
    starts = line.columns or (line.indent,)
    texts = line.cells if line.columns else (_line_words(line),)
    targets = [_column_at(columns, start) for start in starts]
    if targets == [0] and _label_tail(current.rows[-1][0], line):
        targets = [0]  # "Swyddog Cyswllt / Contact" wrapped to "Officer:" in its column
    elif targets[0] is None or targets[0] == 0 or None in targets:
        return False
    row = current.rows[-1]
    for col, text in zip(targets, texts, strict=False):
        if text and col is not None and col < len(row):
            row[col] = f"{row[col]}{_joiner(row[col], text)}{text}".strip()
    return True


def _label_tail(cell: str, line: Line) -> bool:
    """One word ending in ":" under a short label cell that has no colon: its wrapped end
    ("Contact" / "Officer:"). Two words ("Political groups:") head what follows."""
    return line.kind is LineKind.TEXT and not line.columns and line.text.endswith(":") \
        and len(line.text.split()) == 1 and 0 < len(cell.split()) <= 6 \
        and not cell.rstrip().endswith(":")


def _column_at(columns: tuple[int, ...], start: int) -> int | None:
    """The column a cell starting at ``start`` sits in (a little slack either side)."""
    for i, col in enumerate(columns):
        if abs(start - col) <= 2:
            return i
    return None


def _line_words(line: Line) -> str:
    """A line's text with its list marker put back: in a cell "a)" is just words."""
    if line.kind is LineKind.LIST and line.marker:
        return f"{line.marker} {line.text}"
    return line.text


def _make_setext_heading(parts: list[Part], rule: Line, gap: bool) -> bool:
    """A one-line paragraph underlined with === or --- is a heading (levels 1 and 2)."""
    if gap or not parts or rule.rule_char not in "-=":
        return False
    part = parts[-1]
    if part.kind is not BlockKind.PARAGRAPH or len(part.lines) != 1 or len(part.text) > 80:
        return False
    part.kind = BlockKind.HEADING
    part.lines[0] = Line(LineKind.HEADING, text=part.text, level=1 if rule.rule_char == "=" else 2,
                         emphasis=part.first.emphasis)
    return True


def merge_across_gaps(parts: list[Part], body_indent: int = 0) -> list[Part]:
    """Join what blank lines and page furniture split: continued tables and sentences.

    ``body_indent`` is a web-page dump's paragraph margin (0 for other text)."""
    out: list[Part] = []
    for part in parts:
        prev = next((p for p in reversed(out) if p.kind is not BlockKind.PAGE_BREAK
                     and not p.first.footnote), None)
        if prev is not None and part.kind is not BlockKind.PAGE_BREAK:
            if _table_goes_on(prev, part):
                prev.rows.extend(part.rows)
                prev.lines.extend(part.lines)
                continue
            if _broken_email_goes_on(prev, part) or _label_goes_on(prev, part) \
                    or _contact_cell_goes_on(prev, part) or _open_cell_goes_on(prev, part):
                continue
            if _heading_goes_on(prev, part):
                prev.texts = [f"{prev.text} {part.text}"]
                prev.lines[0] = replace(prev.first, text=prev.texts[0])
                continue
            if _number_heads_title(prev, part):
                title = f"{prev.text} {part.text}"
                prev.texts, prev.lines = [title], [replace(part.first, text=title)]
                continue
            if _marker_takes_text(prev, part):
                continue
            if _lone_label_takes_value(prev, part):
                continue
            if body_indent and _centred_title_goes_on(prev, part, body_indent):
                title = f"{prev.text} {part.text}"  # one line: still a heading candidate
                prev.texts, prev.lines = [title], [replace(prev.first, text=title, label=False)]
                continue
            if _sentence_goes_on(prev, part) or _bold_line_goes_on(prev, part):
                prev.append_text(part.first)
                for line in part.lines[1:]:
                    prev.append_text(line)
                continue
        out.append(part)
    return out


# Labels that head a list or a passage, not a one-line value: "Present:", "Resolved:".
_LIST_LABELS = frozenset("present apologies attendance attendees recommendation recommendations "
                         "resolved members membership officers agreed actions decisions "
                         "in attendance also present".split())


def _lone_label_takes_value(prev: Part, part: Part) -> bool:
    """docx2txt puts a blank line between every Word paragraph, so "Date:" and its value
    "Thursday 5 December 2024" stand apart: a lone short label takes the short line after
    it back as "Date: Thursday 5 December 2024"."""
    if prev.kind is not BlockKind.PARAGRAPH or part.kind is not BlockKind.PARAGRAPH \
            or len(prev.lines) != 1 or len(part.lines) != 1 or not part.gap_before:
        return False
    label, value = prev.first, part.first
    head = label.text.rstrip(":").strip().lower()
    if not label.text.endswith(":") or len(head.split()) > 3 or head in _LIST_LABELS \
            or label.emphasis or value.label or value.emphasis \
            or len(value.text.split()) > 16 or ends_sentence(value.text):
        return False
    text = f"{label.text} {value.text}"
    prev.texts, prev.lines = [text], [replace(label, text=text, label=True)]
    return True


def _centred_title_goes_on(prev: Part, part: Part, body_indent: int) -> bool:
    """A dump centres a long title on two lines with a blank between: "Acquisition of
    Temporary Accommodation:" then "Kingsmead Court"."""
    if prev.kind is not BlockKind.PARAGRAPH or part.kind is not BlockKind.PARAGRAPH \
            or len(prev.lines) != 1 or len(part.lines) != 1:
        return False
    centred = body_indent + 8
    text = prev.text.rstrip()
    return prev.first.indent >= centred and part.first.indent >= centred \
        and (text.endswith((":", "–", "-")) or _ends_open(text)) and not ends_sentence(part.text)


def _table_goes_on(prev: Part, part: Part) -> bool:
    if prev.kind is not BlockKind.TABLE or part.kind is not BlockKind.TABLE or part.ruled_off:
        return False
    first = part.first
    header_like = first.emphasis == "bold" and sum(1 for c in first.cells if c) >= 2
    ended_with_total = _TOTAL_ROW.match(prev.rows[-1][0]) is not None
    widths = {len(prev.rows[0]), len(prev.rows[-1])}
    return not header_like and not ended_with_total and len(first.cells) in widths


def _sentence_goes_on(prev: Part, part: Part) -> bool:
    if prev.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) \
            or part.kind is not BlockKind.PARAGRAPH:
        return False
    first, last = part.first, prev.last
    if first.label or first.emphasis or first.lead_tabs or first.footnote or last.label \
            or last.emphasis or _lone_marker(first):
        return False
    text = prev.text
    if ends_sentence(text) or text.rstrip().endswith(":") or _URLISH.match(first.text):
        return False
    if text.endswith(tuple(_HYPHENS)) and first.text[:1].isalnum():
        return True
    if _last_word(text) in _NUMBERED_WORDS and _NUMBER_GOES_ON.match(first.text):
        return True  # "…set out in the exempt Part" / "2 report."
    return _starts_lower(first.text) or _last_word(text) in _FUNCTION_WORDS


def _bold_line_goes_on(prev: Part, part: Part) -> bool:
    """"**… at 4.00 pm in Meeting Room 3,**" then "**Oakhurst Civic Centre, …**": one bold
    line a converter wrapped into two bold paragraphs (the first ends on a comma)."""
    if prev.kind is not BlockKind.PARAGRAPH or part.kind is not BlockKind.PARAGRAPH \
            or len(part.lines) != 1 or prev.last.emphasis != "bold":
        return False
    first = part.first
    return (first.emphasis == "bold" and not first.label and prev.text.rstrip().endswith(",")
            and first.text[:1].isupper() and len(prev.text) > 40)


def _label_goes_on(prev: Part, part: Part) -> bool:
    """"**Officer:**" alone after the row "Swyddog Cyswllt / Contact<tab>Rhodri Llewelyn":
    the end of the row's label, wrapped in its cell and set apart by the converter."""
    if prev.kind is not BlockKind.TABLE or part.kind is not BlockKind.PARAGRAPH \
            or len(part.lines) != 1 or any(len(r) != 2 for r in prev.rows):
        return False
    row = prev.rows[-1]
    if not _label_tail(row[0], part.first):
        return False
    row[0] = f"{row[0]} {part.text}"
    return True


def _broken_email_goes_on(prev: Part, part: Part) -> bool:
    """"ge.gov.uk" alone after a table row ending "…@hollinsrid": the rest of the address."""
    if prev.kind is not BlockKind.TABLE or part.kind is not BlockKind.PARAGRAPH \
            or len(part.lines) != 1 or " " in part.text.strip() \
            or not _EMAIL_REST.match(part.text):
        return False
    row = prev.rows[-1]
    col = next((i for i in range(len(row) - 1, -1, -1) if _BROKEN_EMAIL.search(row[i])), None)
    if col is None:
        return False
    row[col] += part.text.strip()
    return True


def _heading_goes_on(prev: Part, part: Part) -> bool:
    """A long title a converter cut into one heading per line: "## …held in the" then
    "## Council Chamber … on Tuesday 22 April" then "## 2025 at 6.30 pm"."""
    if prev.kind is not BlockKind.HEADING or part.kind is not BlockKind.HEADING \
            or prev.first.level != part.first.level or len(prev.lines) != 1:
        return False
    text, after = prev.text, part.text
    return _ends_open(text) or _starts_lower(after) or _date_goes_on(text, after) \
        or _title_tail(prev, after)


def _date_goes_on(text: str, after: str) -> bool:
    """"… on Tuesday 22 April" then "2025 at 6.30 pm": a date cut before its year."""
    return _MONTH_END.search(text) is not None and _YEAR_START.match(after) is not None


def _minute_heading(part: Part) -> bool:
    """"PL/88 Application 25/00214/OUT – Land north of Hollow Road": a minute's title line.

    pdftotext puts the minute's first sentence right under it, so however long the title
    line is, the capitalised line after it starts the minute's text, not a wrapped line.
    """
    text = part.text
    return len(part.lines) == 1 and _MINUTE_HEAD.match(text) is not None \
        and not ends_sentence(text) and not _ends_open(text) and len(text.split()) <= 16


def _lone_marker(line: Line) -> bool:
    return line.kind is LineKind.TEXT and _LONE_MARKER.match(line.text) is not None


def _marker_takes_text(prev: Part, part: Part) -> bool:
    """"a)" alone on a line and then its words: one list item (pdftotext does this)."""
    if prev.kind is not BlockKind.PARAGRAPH or part.kind is not BlockKind.PARAGRAPH \
            or len(prev.lines) != 1 or not _lone_marker(prev.first) or part.first.label:
        return False
    marker = prev.first
    if marker.text[:1].isdigit() and part.first.indent > marker.indent + 1:
        return False  # a number in a table's first column, its row's words further right
    prev.kind = BlockKind.LIST_ITEM
    prev.lines = [replace(part.first, kind=LineKind.LIST, marker=marker.text,
                          indent=marker.indent)] + part.lines[1:]
    prev.texts = list(part.texts)
    return True


def _number_heads_title(prev: Part, part: Part) -> bool:
    """ModernGov pages put the item number on a line of its own: "139." then "Webcasting"."""
    return (prev.kind is BlockKind.PARAGRAPH and part.kind is BlockKind.PARAGRAPH
            and len(prev.lines) == 1 and len(part.lines) == 1
            and _LONE_NUMBER.match(prev.text) is not None and not part.first.label
            and not ends_sentence(part.text) and len(part.text.split()) <= 12)


def _starts_lower(text: str) -> bool:
    return text[:1].islower()


def _ends_open(text: str) -> bool:
    """A line that cannot end a paragraph: a trailing comma, hyphen or function word."""
    stripped = text.rstrip()
    return stripped.endswith((",", "(", "&") + tuple(_HYPHENS)) \
        or _last_word(stripped) in _FUNCTION_WORDS


def _last_word(text: str) -> str:
    words = text.split()
    return words[-1].lower() if words else ""


def _joiner(before: str, after: str) -> str:
    """Join wrapped lines with a space, except a word broken at a hyphen ("COVID-"+"19") or
    an e-mail address broken in a narrow cell ("jo.bloggs@hollinsrid"+"ge.gov.uk").

    "environ-"+"mental" is joined as "environ-" HYPHEN_BREAK "mental": whether the hyphen
    stays is decided once the whole document's words are known (``resolve_hyphens``).
    """
    if not before:
        return ""
    if before.endswith(tuple(_HYPHENS)) and len(before) > 1 and not before[-2].isspace() \
            and after[:1].isalnum():
        return HYPHEN_BREAK if before[-2].islower() and after[:1].islower() else ""
    if _BROKEN_EMAIL.search(before) and _EMAIL_REST.match(after):
        return ""
    return " "


def resolve_hyphens(text: str, vocabulary: Container[str]) -> str:
    """"environ-mental" -> "environmental" when the document spells the word whole
    elsewhere; "long-term", "non-statutory" keep their hyphen."""
    if HYPHEN_BREAK not in text:
        return text
    mended = _BROKEN_WORD.sub(
        lambda m: m.group(1) if (m.group(1) + m.group(2)).lower() in vocabulary
        else m.group(1) + m.group(0)[len(m.group(1))], text)
    return mended.replace(HYPHEN_BREAK, "")
