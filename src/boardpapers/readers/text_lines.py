"""One line of converted text at a time: what kind of line is it?

A line is blank, page furniture (footer, header, form feed), a rule, a Markdown heading,
a table row (tab- or pipe-separated), a list item (bullet and/or marker such as "a)",
"2.1", "(iv)") or text. Decisions that need the whole document (is this footer repeated
on every page? is this pipe line part of a table?) are made once by ``profile_document``
and handed to ``classify_line`` as a ``DocumentProfile``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass, field, replace
from enum import StrEnum
from itertools import pairwise

from boardpapers.readers.plain_lines import BARE_DATE, MONTH_WORD, WEEKDAY_WORD
from boardpapers.readers.text_inline import (
    emphasis_of,
    protect_escapes,
    remove_bookmarks,
    visible_text,
)


class LineKind(StrEnum):
    BLANK = "blank"
    FURNITURE = "furniture"  # page footer/header or form feed: a page boundary
    RULE = "rule"            # ---, ***, === : dropped (or a setext underline)
    TABLE_RULE = "table_rule"  # ---|--- or ----\t---- : dropped
    GRID_RULE = "grid_rule"  # pandoc's +----+----+ between a grid table's rows: dropped
    HEADING = "heading"
    TABLE_ROW = "table_row"
    LIST = "list"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Line:
    kind: LineKind
    text: str = ""          # visible text (marker removed for list items)
    indent: int = 0         # leading columns, tabs counted as 4
    level: int = 0          # Markdown heading level
    marker: str = ""        # list marker as written ("a)", "2.1", "•")
    bullet: str = ""        # the bullet in front of a marker ("-" in "- a)")
    cells: tuple[str, ...] = ()
    emphasis: str = ""      # "bold" / "italic" when the whole line is emphasised
    label: bool = False     # "Position: Programme Manager" style line
    hard_break: bool = False  # Markdown line ending in two spaces
    lead_tabs: int = 0      # tabs before the text (a wrapped table cell)
    page_no: int | None = None  # page number printed in a footer/header
    rule_char: str = ""     # "-" or "=" for rules (setext underlines)
    footnote: bool = False  # "<sup>1</sup> Please note…": floats outside the text flow
    columns: tuple[int, ...] = ()  # where each cell starts, for rows aligned with spaces


@dataclass(frozen=True, slots=True)
class DocumentProfile:
    """Whole-document facts the line classifier needs."""

    markdown: bool                  # trust Markdown structure (headings, hard breaks)
    wrapped_width: int              # >0 when the text is hard-wrapped at about this width
    furniture: frozenset[str] = field(default_factory=frozenset)  # repeated footer lines
    pipe_rows: frozenset[int] = field(default_factory=frozenset)  # line numbers in pipe tables
    page_numbers: frozenset[int] = field(default_factory=frozenset)  # bare "12" page lines
    first_line: int = -1  # the first non-blank line: a running header there is the title
    spaced_columns: bool = False  # columns aligned with runs of spaces (pdftotext -layout)
    vocabulary: Container[str] = field(default_factory=frozenset)  # words, lower case
    body_indent: int = 0  # every paragraph indented this much (lynx/w3m dumps): 0 if not


_BARE_NUMBER = re.compile(r"^[0-9]{1,3}$")
DATE_INSIDE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_WORD}\.?,?\s+\d{{4}}\b", re.I)
_HAS_WEEKDAY = re.compile(WEEKDAY_WORD.rstrip(",?\\s+"), re.I)
_PAGE_FURNITURE = (
    re.compile(r"^page\s+(\d{1,4})(?:\s+of\s+\d{1,4})?$", re.I),
    re.compile(r"^[-–—]\s*(\d{1,4})\s*[-–—]$"),
    re.compile(r"^(\d{1,4})\s*\|\s*p\s*a\s*g\s*e$", re.I),
    re.compile(r"^p\s*a\s*g\s*e\s*\|\s*(\d{1,4})$", re.I),
)
_ALWAYS_FURNITURE = re.compile(
    r"^(?:document is restricted|this page is intentionally (?:left )?blank|"
    r"page intentionally left blank)$", re.I)
_REPEATED_FURNITURE = re.compile(r"^agenda\s+item\s+\d{1,3}[a-z]?$", re.I)
_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_=])(?:[ \t]*\1){2,}[ \t]*$")
# One way to match each run of spaces (a pipe between two \s* is not optional): linear
# on a line of 30,000 spaces, where "\s*\|?\s*" would try every split of them.
_PIPE_RULE = re.compile(r"^\s*(?:\|\s*)?:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+(?:\|\s*)?$")
_TAB_RULE = re.compile(r"^\s*-{2,}(?:\t+-{2,})+\s*$")
_GRID_RULE = re.compile(r"^\s*\+(?:[-=:]{3,}\+)+\s*$")  # pandoc's grid table: +----+----+
_FENCED_DIV = re.compile(r"^\s*:{3,}\s*(?:\{[^{}]*\}|[\w-]+)?\s*:*\s*$")  # pandoc's ::: {#id}
_BULLET_CHARS = "-*+•·▪◦‣➢►■□●○✓\uf0b7\uf0a7\uf076\uf0d8\uf0fc"
_BULLET = re.compile(rf"^([{_BULLET_CHARS}]|o(?=\s+[A-Z\"'‘“(]))\s+")
_MARKER = re.compile(
    r"^(\((?:[a-z]{1,3}|[A-Z]|\d{1,3})\)|\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)]|[a-z][.)]|"
    r"[ivxlc]{2,6}[.)]|[A-Z]\))\s+(?=\S)")
_MARKER_ONLY = re.compile(
    rf"^(?:([{_BULLET_CHARS}o])\s*)?(\((?:[a-z]{{1,3}}|\d{{1,3}})\)|\d{{1,3}}(?:\.\d{{1,3}})*[.)]?|"
    r"[a-z][.)]|[ivxlc]{2,6}[.)]|[A-Z]\))?$")
# Symbol/Wingdings bullets from Word arrive as private-use characters.
_BULLET_NAMES = {"\uf0b7": "•", "\uf0a7": "▪", "\uf076": "❖", "\uf0d8": "➢", "\uf0fc": "✓"}
_NOT_AFTER_NUMBER = re.compile(
    r"^(?:am|pm|a\.m\.|p\.m\.|hrs?|hours?|mins?|minutes|million|billion|bn|m|k|%|per|"
    r"percent|acres?|hectares?|miles?|km|sq)\b", re.I)
_LABEL = re.compile(r"^(?:[A-Z][\w ()'’/&.,-]{0,40}:\s+\S|[A-Z]\S*(?:\s+\S+){0,4}:$|cc:|bcc:)")
_WORD = re.compile(r"[^\W\d_]{4,}")
_COLUMN_GAP = re.compile(r"(?<=\S)[ \u00a0]{3,}(?=\S)")
_FOOTNOTE = re.compile(r"^\s*(?:<sup>\s*\d{1,3}\s*</sup>|\[\^\w{1,10}\]:)", re.I)


def _may_have_gap(line: str) -> bool:
    """False when _COLUMN_GAP certainly finds nothing: two str searches, not a regex scan."""
    return "   " in line or "\u00a0" in line


def profile_document(lines: list[str], markdown: bool) -> DocumentProfile:
    """Decide once what the line classifier cannot see from one line."""
    headings = sum(1 for ln in lines if _ATX.match(ln))
    return DocumentProfile(markdown=markdown or headings >= 2,
                           wrapped_width=_wrap_width(lines),
                           furniture=_repeated_furniture(lines),
                           pipe_rows=_pipe_table_rows(lines),
                           page_numbers=_bare_page_numbers(lines),
                           first_line=next((i for i, ln in enumerate(lines) if ln.strip()), -1),
                           spaced_columns=_has_spaced_columns(lines),
                           vocabulary=DocumentWords(lines),
                           body_indent=_dump_body_indent(lines))


class DocumentWords(Container[str]):
    """The document's words of four letters or more, lower case: read from its lines only
    when a word broken by a hyphen at a line end asks (most documents have none)."""

    __slots__ = ("_lines", "_words")

    def __init__(self, lines: list[str]) -> None:
        self._lines: tuple[str, ...] = tuple(lines)
        self._words: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            self._words = frozenset(w.lower() for w in set(_WORD.findall("\n".join(self._lines))))
        return word in self._words


def _dump_body_indent(lines: list[str]) -> int:
    """The margin a web-page dump (``lynx -dump``, ``w3m -dump``) sets paragraphs at.

    Such a dump indents every paragraph by two to four spaces and sets headings at the
    left edge (or centres them), so most lines share one small indent and some have none.
    """
    filled = [ln for ln in lines if ln.strip() and "\t" not in ln and "|" not in ln]
    if len(filled) < 8:
        return 0
    counts = Counter(len(ln) - len(ln.lstrip(" ")) for ln in filled)
    indent, n = counts.most_common(1)[0]
    return indent if 2 <= indent <= 4 and n >= 0.4 * len(filled) and counts[0] >= 1 else 0


def _has_spaced_columns(lines: list[str]) -> bool:
    """Text laid out in columns with spaces (``pdftotext -layout``, a typed table).

    Two or more lines with a wide run of spaces between words are enough: prose never
    has one, except justified lines, which ``column_starts`` tells apart line by line.
    """
    found = 0
    for ln in lines:
        if "\t" not in ln and _may_have_gap(ln) and _COLUMN_GAP.search(ln.strip()):
            found += 1
            if found >= 2:
                return True
    return False


def column_starts(raw: str) -> list[tuple[int, str]]:
    """(start column, text) of each cell of a line aligned with spaces; [] if it is prose.

    Cells are parted by three or more spaces. A justified line spreads its slack evenly
    in small gaps between many words ("The  Council   must   publish"), so a line whose
    every gap is at most four spaces and that has three or more of them is prose.
    """
    if "\t" in raw or not _may_have_gap(raw):
        return []
    stripped = raw.rstrip()
    start = len(stripped) - len(stripped.lstrip(" \u00a0"))
    gaps = list(_COLUMN_GAP.finditer(stripped, start))
    if not gaps:
        return []
    if len(gaps) >= 3 and all(len(g.group(0)) <= 4 for g in gaps):
        return []
    cells, begin = [], start
    for gap in gaps:
        cells.append((begin, stripped[begin:gap.start()]))
        begin = gap.end()
    cells.append((begin, stripped[begin:]))
    return cells


def _wrap_width(lines: list[str]) -> int:
    """About the width a hard-wrapped text was wrapped at, or 0 if lines are paragraphs.

    Wrapped text has many lines just short of one width (the 90th percentile of lengths)
    and few beyond it; text with a line per paragraph has lengths all over the place.
    """
    lengths = sorted(n for n in (len(ln.rstrip()) for ln in lines if "\t" not in ln.strip())
                     if n >= 40)
    if len(lengths) < 4:
        return 0
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not 50 <= width <= 110:
        return 0
    near_edge = sum(1 for n in lengths if 0.75 * width <= n <= 1.1 * width)
    beyond = sum(1 for n in lengths if n > 1.3 * width)
    return width if near_edge >= 0.4 * len(lengths) and beyond <= 0.1 * len(lengths) else 0


def _repeated_furniture(lines: list[str]) -> frozenset[str]:
    """Standalone lines repeated on every page: a bare date, "Agenda Item 4"."""
    keys = ["\f" if ln == "\f" else _furniture_key(ln) if ln.strip() and "\t" not in ln else ""
            for ln in lines]
    counts = Counter(k for k in keys if k and k != "\f")
    edges = _page_edge_lines(keys)
    at_edges = Counter(k for i, k in enumerate(keys) if k and i in edges)
    return frozenset(text for text, n in counts.items() if n >= 2 and (
        (BARE_DATE.match(text) and not _HAS_WEEKDAY.match(text))
        or _REPEATED_FURNITURE.match(text)
        or (len(text.split()) <= 10 and DATE_INSIDE.search(text)
            and not text.startswith(("#", "*", "<", "-")) and (n >= 3 or at_edges[text] == n))))


def _page_edge_lines(keys: list[str]) -> set[int]:
    """First and last lines of pages: only blanks between them and a form feed or file edge."""
    filled = [i for i, k in enumerate(keys) if k]
    edges: set[int] = set()
    for n, i in enumerate(filled):
        before = keys[filled[n - 1]] if n > 0 else "\f"
        after = keys[filled[n + 1]] if n + 1 < len(filled) else "\f"
        if "\f" in (before, after):
            edges.add(i)
    return edges


def _bare_page_numbers(lines: list[str]) -> frozenset[int]:
    """Lines holding only a number, alone between blank lines, rising through the text."""
    found: list[tuple[int, int]] = []
    for i, ln in enumerate(lines):
        stripped = ln.strip()
        if not _BARE_NUMBER.match(stripped):
            continue
        before = lines[i - 1].strip() if i > 0 else ""
        after = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if before in ("", "\f") and after in ("", "\f"):
            found.append((i, int(stripped)))
    values = [v for _, v in found]
    if len(found) < 2 or any(b <= a for a, b in pairwise(values)):
        return frozenset()
    return frozenset(i for i, _ in found)


def _furniture_key(raw: str) -> str:
    """A footer is plain text: "<b>12 June 2025</b>" on the cover is not the footer date."""
    return " ".join(raw.replace("\u00a0", " ").split())


def _pipe_table_rows(lines: list[str]) -> frozenset[int]:
    """Line numbers of Markdown pipe tables: rows around a ---|--- rule, or |-fenced rows."""
    rows: set[int] = set()
    for i, ln in enumerate(lines):
        if not _PIPE_RULE.match(ln):
            continue
        rows.add(i)
        if i > 0 and "|" in lines[i - 1]:
            rows.add(i - 1)
        j = i + 1
        while j < len(lines) and "|" in lines[j] and lines[j].strip():
            rows.add(j)
            j += 1
    fenced = [i for i, ln in enumerate(lines) if ln.strip().startswith("|")
              and ln.strip().endswith("|") and ln.count("|") >= 3]
    rows.update(fenced)
    return frozenset(rows)


def classify_line(raw: str, number: int, profile: DocumentProfile) -> Line:
    """Classify one line (without its newline) of the decoded text."""
    if raw == "\f":
        return Line(LineKind.FURNITURE)
    raw = remove_bookmarks(raw)
    if not raw.strip():
        return Line(LineKind.BLANK)
    indent = _indent_of(raw)
    protected = protect_escapes(raw)
    visible = visible_text(protected)
    if not visible:
        return Line(LineKind.BLANK)
    if number in profile.page_numbers:
        return Line(LineKind.FURNITURE, text=visible, page_no=int(visible))
    furniture = _furniture(visible, raw, profile)
    if furniture is not None and not (number == profile.first_line and furniture.page_no is None
                                      and not _ALWAYS_FURNITURE.match(visible)):
        return furniture
    if _FENCED_DIV.match(raw):
        return Line(LineKind.BLANK)
    if _GRID_RULE.match(raw):
        return Line(LineKind.GRID_RULE)
    if _TAB_RULE.match(raw) or (number in profile.pipe_rows and _PIPE_RULE.match(raw)):
        return Line(LineKind.TABLE_RULE)
    rule = _RULE.match(raw)
    if rule:
        return Line(LineKind.RULE, indent=indent, rule_char=rule.group(1))
    heading = _ATX.match(protected)
    if heading and visible_text(heading.group(2)):
        return Line(LineKind.HEADING, text=visible_text(heading.group(2)),
                    level=len(heading.group(1)), emphasis=emphasis_of(heading.group(2)))
    if number in profile.pipe_rows and "|" in raw:
        return Line(LineKind.TABLE_ROW, cells=_pipe_cells(protected), indent=indent)
    hard_break = profile.markdown and raw.endswith("  ")
    if profile.markdown and raw.endswith("\\") and not raw.endswith("\\\\"):
        # Pandoc's hard line break "…gov.uk\" (also inside a table cell): a break, not text
        raw, hard_break = raw[:-1], True
        protected = protect_escapes(raw)
    if _FOOTNOTE.match(raw):
        return Line(LineKind.TEXT, text=visible, indent=indent, footnote=True)
    if "\t" in raw.strip(" \u00a0"):
        return _tab_line(protected, indent, hard_break)
    if profile.spaced_columns:
        cells = column_starts(raw)
        if cells:
            line = _tab_line(protect_escapes("\t".join(text for _, text in cells)), indent,
                             hard_break)
            return replace(line, columns=tuple(start for start, _ in cells))
    return _text_or_list(protected.strip(), indent, hard_break)


def _indent_of(raw: str) -> int:
    width = 0
    for ch in raw:
        if ch == "\t":
            width += 4
        elif ch in " \u00a0":
            width += 1
        else:
            break
    return width


def _furniture(visible: str, raw: str, profile: DocumentProfile) -> Line | None:
    for pattern in _PAGE_FURNITURE:
        match = pattern.match(visible)
        if match:
            return Line(LineKind.FURNITURE, text=visible, page_no=int(match.group(1)))
    if _ALWAYS_FURNITURE.match(visible) or _furniture_key(raw) in profile.furniture:
        return Line(LineKind.FURNITURE, text=visible)
    return None


def _pipe_cells(protected: str) -> tuple[str, ...]:
    body = protected.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    return tuple(visible_text(cell) for cell in body.split("|"))


def _tab_line(protected: str, indent: int, hard_break: bool) -> Line:
    """A line with tabs inside it: a table row, a "Label:<tabs>value" line, or a wrap."""
    body = protected.strip(" \u00a0")
    lead = len(body) - len(body.lstrip("\t"))
    cells = tuple(visible_text(c) for c in body.lstrip("\t").split("\t"))
    filled = [c for c in cells if c]
    if len(filled) == 1 and lead:
        line = _text_or_list(body.strip(), indent, hard_break)
        return replace(line, lead_tabs=lead)
    raw_cells = [c for c in body.lstrip("\t").split("\t") if c.strip()]
    only = _MARKER_ONLY.match(filled[0]) if filled and filled[0] == cells[0] else None
    numbered_row = len(filled) >= 3 and only and only.group(2) and not only.group(1)
    if len(filled) >= 2 and only and (only.group(1) or only.group(2)) and not numbered_row:
        # "23.<tab>APOLOGIES", "- a)<tab>note…", "o<tab>the £2 fare": a list item set with a tab
        return _list_line(only.group(1) or "", only.group(2) or "",
                          " ".join(c.strip() for c in raw_cells[1:]), indent, hard_break)
    if len(filled) == 2 and filled[0] == cells[0] and filled[0].endswith(":") \
            and len(filled[0]) <= 40:
        return Line(LineKind.TEXT, text=" ".join(filled), indent=indent, label=True,
                    hard_break=hard_break)
    if len(cells) < 2:
        return Line(LineKind.TEXT, text=" ".join(filled), indent=indent, hard_break=hard_break)
    # "<tab>Cllr Cy Dunn<tab>Dorset Council" under "Chair<tab>Cllr Bo Hart<tab>Kent…": the
    # empty first cells keep the columns in place (a column empty in every row is dropped later)
    return Line(LineKind.TABLE_ROW, cells=("",) * lead + cells, indent=indent, lead_tabs=lead,
                emphasis="bold" if all(emphasis_of(c) == "bold" for c in
                                       protected.strip().split("\t") if c.strip()) else "")


def _list_line(bullet: str, marker: str, body: str, indent: int, hard_break: bool) -> Line:
    bullet = _BULLET_NAMES.get(bullet, bullet)
    return Line(LineKind.LIST, text=visible_text(body), indent=indent, marker=marker or bullet,
                bullet=bullet if marker else "", emphasis=emphasis_of(body),
                hard_break=hard_break)


def _text_or_list(body: str, indent: int, hard_break: bool) -> Line:
    bullet = ""
    match = _BULLET.match(body)
    if match:
        bullet, body = match.group(1), body[match.end():]
    marker = ""
    match = _MARKER.match(body)
    if match and not (re.match(r"\d+\.\d", match.group(1))
                      and _NOT_AFTER_NUMBER.match(body[match.end():])):
        marker, body = match.group(1), body[match.end():]
    emphasis = emphasis_of(body)
    text = visible_text(body)
    if not text:
        return Line(LineKind.TEXT, text=visible_text(bullet + " " + marker), indent=indent)
    if bullet or marker:
        return _list_line(bullet, marker, body, indent, hard_break)
    return Line(LineKind.TEXT, text=text, indent=indent, emphasis=emphasis,
                label=bool(_LABEL.match(text)) and len(text) <= 120, hard_break=hard_break)


