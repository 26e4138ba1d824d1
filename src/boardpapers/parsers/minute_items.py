"""Split minutes into their items: "4. Planning application 24/0123/FUL", "CAB 45/24
Budget Monitoring", a ModernGov number cell "67." followed by its title, or (when nothing
is numbered) the headings themselves.

An item number must move forward ("5" after "4", "5a" after "5"): a resolution's own
"1. That the report be noted" after item 7 is text, not a new item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from boardpapers.layout import Block, BlockKind, Layout
from boardpapers.parsers.block_text import fold, headline_text, is_all_caps, plain
from boardpapers.parsers.minutes_header import body_of_minutes

_NUMBERED = re.compile(
    r"^(?P<num>(?:min(?:ute)?\.?\s*(?:no\.?\s*)?)?(?:[A-Z]{2,6}[ /]?)?\d{1,4}[a-z]?"
    r"(?:[./]\d{1,4}[a-z]?)?)(?:\.|:|\)|\s+[-–])?\s+(?P<title>\S.*)$")
_NUMBER_ONLY = re.compile(r"^(?P<num>(?:[A-Z]{2,6}[ /]?)?\d{1,4}[a-z]?(?:[./]\d{1,4}[a-z]?)?)"
                          r"[.):]?$")
_TITLE_JUNK = re.compile(
    r"\s*(?:(?:pdf|PDF)\s+(?:icon|eicon)\s*)?\bPDF\s+\d+(?:\.\d+)?\s*[KM]B\b.*$"
    r"|\s*\((?:pages?|tudalennau|tudalen)\s+[\d\s\-–]+\)\s*$|\s*:-\s*$|\s*:\s*$",
    re.IGNORECASE)
_NOT_TITLE = re.compile(r"^(?:that\b|to\s+[a-z]|the\s+\w+\s+(?:was|were|is|noted|agreed)\b)",
                        re.IGNORECASE)
_DATE_LIKE = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ionawr|chwefror|mawrth|ebrill|mai|"
    r"mehefin|gorffennaf|awst|medi|hydref|tachwedd|rhagfyr)[a-z]*\.?,?\s+\d{2,4}\b"
    r"|^\d{1,2}[.:]\d{2}\b|^[ap]\.?m\.?\b", re.IGNORECASE)
NOISE = re.compile(
    r"^(?:items?|eitemau|eitem|no\.?\s+items?|rhif\.?\s+eitem|media|cyfryngau|"
    r"additional\s+documents\s*:?|dogfennau\s+ychwanegol\s*:?|"
    r"view\s+the\s+(?:reasons|decision)\b.*|gweld\s+y\s+.*|"
    r".*\bPDF\s+\d+(?:\.\d+)?\s*[KM]B)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Line:
    """A block, or a row of a table block, as the minutes parser reads it."""

    index: int  # into Layout.blocks
    block: Block
    text: str  # plain text

    @property
    def marker(self) -> str:
        return self.block.marker if self.block.kind is BlockKind.LIST_ITEM else ""


@dataclass(frozen=True, slots=True)
class ItemStart:
    line: int  # position in the list of Lines where the item opens
    number: str
    title: str
    body_from: int  # first Line of the item's text


def layout_lines(layout: Layout) -> list[Line]:
    """Every content block as a Line; a table becomes one Line per row (cells joined)."""
    out: list[Line] = []
    for i, block in enumerate(layout.blocks):
        if block.kind is BlockKind.PAGE_BREAK:
            continue
        if block.kind is BlockKind.TABLE and block.rows:
            out.extend(Line(i, block, fold(" ".join(c for c in row if c.strip())))
                       for row in block.rows if any(c.strip() for c in row))
            continue
        text = plain(block.text)
        if text:
            out.append(Line(i, block, text))
    return out


def clean_title(title: str) -> str:
    return _TITLE_JUNK.sub("", fold(title)).strip(" -–")


def _title_ok(title: str, line: Line) -> bool:
    """Whether the words after a number read as an item title rather than a sentence."""
    if not title or len(title) > 200 or _NOT_TITLE.match(title) or _DATE_LIKE.match(title):
        return False
    if line.block.kind is BlockKind.HEADING or line.block.bold or is_all_caps(title):
        return True
    if not (title[0].isupper() or title[0].isdigit() or title[0] in "'\"‘“"):
        return False
    return len(title) <= 110 and not title.rstrip().endswith((".", ";", ","))


def _key(number: str) -> tuple[int, str] | None:
    digits = re.search(r"\d+", number)
    return (int(digits.group(0)), number[digits.end():]) if digits else None


def _moves_forward(number: str, previous: str | None) -> bool:
    if previous is None:
        return True
    new, old = _key(number), _key(previous)
    if new is None or old is None:
        return True
    if new[0] == old[0]:
        return new[1] > old[1]
    return old[0] < new[0] <= old[0] + 25


def _start_at(lines: list[Line], i: int) -> ItemStart | None:
    line = lines[i]
    if line.marker and re.fullmatch(r"\d{1,4}[a-z]?[.)]?", line.marker):
        title = clean_title(line.text)
        if _title_ok(title, line):
            return ItemStart(i, line.marker.rstrip(".)"), title, i + 1)
    only = _NUMBER_ONLY.match(line.text)
    if only and i + 1 < len(lines):
        # a lone "12" may be a page number; "12." or a title set out as one is an item
        title = clean_title(lines[i + 1].text)
        pointed = line.text.rstrip()[-1] in ".)"
        if (title and not NOISE.match(title) and len(title) <= 250 and not _DATE_LIKE.match(title)
                and (pointed or _title_ok(title, lines[i + 1]))):
            return ItemStart(i, only.group("num"), title, i + 2)
    m = _NUMBERED.match(line.text)
    if m:
        title = clean_title(m.group("title"))
        if _title_ok(title, line):
            return ItemStart(i, _bare_number(m.group("num")), title, i + 1)
    return None


def _bare_number(number: str) -> str:
    return re.sub(r"^min(?:ute)?\.?\s*(?:no\.?\s*)?", "", number, flags=re.IGNORECASE)


def numbered_item_starts(lines: list[Line], first: int = 0) -> list[ItemStart]:
    starts: list[ItemStart] = []
    i = first
    while i < len(lines):
        start = _start_at(lines, i)
        if start and _moves_forward(start.number, starts[-1].number if starts else None):
            starts.append(start)
            i = start.body_from
            continue
        i += 1
    return starts


def heading_item_starts(lines: list[Line], first: int = 0) -> list[ItemStart]:
    """Unnumbered minutes: each heading (or bold / ALL CAPS line) opens an item."""
    out: list[ItemStart] = []
    for i in range(first, len(lines)):
        title = headline_text(lines[i].block)
        if title and not NOISE.match(title) and not (not out and is_minutes_cover(title)):
            numbered = _NUMBERED.match(title)
            if numbered and re.fullmatch(r"(?:19|20)\d\d", numbered.group("num")):
                numbered = None  # "2025 Budget Review" is a title, not item 2025
            number, title = ((_bare_number(numbered.group("num")), numbered.group("title"))
                             if numbered else ("", title))
            out.append(ItemStart(i, number, clean_title(title), i + 1))
    return out


_COVER = re.compile(
    r"^(?:(?:draft|confirmed|approved|unconfirmed)\s+)?(?:minutes|cofnodion)\b.*"
    r"\b(?:held|a\s+gynhaliwyd)\b.*\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|dydd|"
    r"\d{1,2}[.:]\d{2}|\d\s*[ap]\.?m)", re.IGNORECASE)


def is_minutes_cover(title: str) -> bool:
    """"Minutes of the meeting of the Planning Committee held … on Tuesday 22 April 2025":
    the paper's title set as a heading, not its first item ("Minutes of the meeting held on
    9 July 2025", an item, names no weekday or time)."""
    return bool(body_of_minutes(title) or _COVER.match(fold(title)))


def item_starts(lines: list[Line], first: int = 0) -> list[ItemStart]:
    """Numbered items when there are at least two, else the headings."""
    numbered = numbered_item_starts(lines, first)
    return numbered if len(numbered) >= 2 else heading_item_starts(lines, first) or numbered
