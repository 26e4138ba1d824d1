"""Split minutes into their items: "4. Planning application 24/0123/FUL", "CAB 45/24
Budget Monitoring", a ModernGov number cell "67." followed by its title, or (when nothing
is numbered) the headings themselves.

An item number must move forward ("5" after "4", "5a" after "5"): a resolution's own
"1. That the report be noted" after item 7 is text, not a new item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from boardpapers.model.layout import Block, BlockKind, Layout
from boardpapers.parsers.agenda_lines import without_run_in_head
from boardpapers.parsers.block_text import headline_text, is_all_caps, plain
from boardpapers.parsers.minutes_header import body_of_minutes
from boardpapers.vocab.calendar import MONTHS, WELSH_MONTHS
from boardpapers.vocab.text import fold

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
    r"^(?:" + "|".join([*MONTHS, *WELSH_MONTHS]) + r")[a-z]*\.?,?\s+\d{2,4}\b"
    r"|^\d{1,2}[.:]\d{2}\b|^[ap]\.?m\.?\b", re.IGNORECASE)
NOISE = re.compile(
    r"^(?:items?|eitemau|eitem|no\.?\s+items?|rhif\.?\s+eitem|media|cyfryngau|"
    r"agenda(?:,?\s+(?:decisions|reports))?(?:,?\s+and\s+(?:minutes|decisions))?|"
    r"rhaglen(?:\s+a\s+(?:chofnodion|phenderfyniadau))?|skip to (?:main )?content|"
    r"meeting details|manylion y cyfarfod|meeting summary|you are in \w+|committee members|"
    r"sederunt|"
    r"(?:standard|formal|other)\s+items|items\s+of\s+business|documents|attendance|visitors|"
    r"additional\s+documents\s*:?|dogfennau\s+ychwanegol\s*:?|"
    r"view\s+the\s+(?:reasons|decision)\b.*|gweld\s+y\s+.*|"
    r"(?!.*\b[e]?icon\b).*\bPDF\s+\d+(?:\.\d+)?\s*[KM]B)$",  # a link; "pdf icon" marks a title's
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Line:
    """A block, or a row of a table block, as the minutes parser reads it."""

    index: int  # into Layout.blocks
    block: Block
    text: str  # plain text
    cells: tuple[str, ...] = ()  # a table row's own cells (lines within a cell kept)

    @property
    def marker(self) -> str:
        return self.block.marker if self.block.kind is BlockKind.LIST_ITEM else ""


@dataclass(frozen=True, slots=True)
class ItemStart:
    line: int  # position in the list of Lines where the item opens
    number: str
    title: str
    body_from: int  # first Line of the item's text
    number_line: int | None = None  # a number printed apart from its title (see below)


def layout_lines(layout: Layout) -> list[Line]:
    """Every content block as a Line; a table becomes one Line per row (cells joined)."""
    out: list[Line] = []
    for i, block in enumerate(layout.blocks):
        if block.kind is BlockKind.PAGE_BREAK:
            continue
        if block.kind is BlockKind.TABLE and block.rows:
            out.extend(Line(i, block, fold(" ".join(c for c in row if c.strip())),
                            tuple(_cell_lines(c) for c in row))
                       for row in block.rows if any(c.strip() for c in row))
            continue
        text = plain(block.text)
        if text:
            out.append(Line(i, block, text))
    return out


_BULLET_ONLY = re.compile(r"[\s\u2022\u00b7\u25aa\u25cf\uf0b7\uf0a7\-*o]*")


def _cell_lines(cell: str) -> str:
    """A cell's text, each of its lines plain; two lists in one cell stay apart. A cell
    holding only a bullet glyph (Word's Symbol-font \uf0b7 in a list-like table) is empty."""
    if _BULLET_ONLY.fullmatch(cell):
        return ""
    return "\n".join(t for t in (plain(x) for x in cell.split("\n")) if t)


@dataclass(frozen=True, slots=True)
class MinuteItemSettings:
    """Where a minute's items start: how long a title may be (characters) and what makes a
    run of list items a site's A-Z index rather than minutes."""

    title_chars: int = 200  # a numbered line's words past this are a sentence, not a title
    plain_title_chars: int = 110  # ...without a heading, bold or capitals to mark them
    heading_title_chars: int = 250  # a title under a lone number, or a continued numbering
    index_run: int = 5  # an A-Z index runs through at least this many one-letter entries
    index_share: float = 0.7  # ...and they are at least this share of the run
    index_letters: int = 2  # an index entry has at most this many letters ("A", "B")


MINUTE_ITEMS = MinuteItemSettings()


def clean_title(title: str) -> str:
    return _TITLE_JUNK.sub("", fold(title)).strip(" -–")


def _title_ok(title: str, line: Line) -> bool:
    """Whether the words after a number read as an item title rather than a sentence."""
    if not title or len(title) > MINUTE_ITEMS.title_chars or _NOT_TITLE.match(title) \
            or _DATE_LIKE.match(title):
        return False
    if not re.search(r"[^\W\d_]", title):
        return False  # "14/07 – 4": a reference to a minute, no title
    if line.block.kind is BlockKind.HEADING or line.block.bold or is_all_caps(title):
        return True
    if not (title[0].isupper() or title[0].isdigit() or title[0] in "'\"‘“"):
        return False
    return len(title) <= MINUTE_ITEMS.plain_title_chars \
        and not title.rstrip().endswith((".", ";", ","))


def _key(number: str) -> tuple[int, str] | None:
    digits = re.search(r"\d+", number)
    return (int(digits.group(0)), number[digits.end():]) if digits else None


def _moves_forward(number: str, previous: str | None) -> bool:
    if previous is None:
        return True
    if ("/" in number) != ("/" in previous):
        return False  # "14/07 – 4" in a matters-arising table after minute 3: a reference
    new, old = _key(number), _key(previous)
    if new is None or old is None:
        return True
    if new[0] == old[0]:
        return new[1] > old[1]
    return old[0] < new[0] <= old[0] + 25


def _start_at(lines: list[Line], i: int, previous: str | None = None) -> ItemStart | None:
    line = lines[i]
    if line.text != (text := without_run_in_head(line.text)):
        line = Line(line.index, line.block, text, line.cells)
    if line.marker and re.fullmatch(r"\d{1,4}[a-z]?[.)]?", line.marker):
        title = clean_title(line.text)
        if _title_ok(title, line):
            return ItemStart(i, line.marker.rstrip(".)"), title, i + 1)
    only = _NUMBER_ONLY.match(line.text)
    if only and i + 1 < len(lines):
        # a lone "12" may be a page number; "12." or a title set out as one is an item
        title = clean_title(lines[i + 1].text)
        pointed = line.text.rstrip()[-1] in ".)"
        if (title and not NOISE.match(title) and len(title) <= MINUTE_ITEMS.heading_title_chars
                and not _DATE_LIKE.match(title)
                and (pointed or _title_ok(title, lines[i + 1]))):
            return ItemStart(i, only.group("num"), title, i + 2)
    m = _NUMBERED.match(line.text)
    if m:
        title = clean_title(m.group("title"))
        if _title_ok(title, line):
            return ItemStart(i, _bare_number(m.group("num")), title, i + 1)
    return _next_in_turn(line, i, previous)


def _next_in_turn(line: Line, i: int, previous: str | None) -> ItemStart | None:
    """A numbered list item or heading whose number is the very next one ("278." after
    "277.", "3a" after "3") is an item even when its title reads like a sentence ("To
    approve the minutes of the last meeting") or runs long; a resolution's "That …" is not."""
    marker = line.marker.rstrip(".)") if re.fullmatch(r"\d{1,4}[a-z]?[.)]", line.marker) \
        else None
    m = _NUMBERED.match(line.text) if marker is None and (
        line.block.kind is BlockKind.HEADING) else None
    number = marker or (_bare_number(m.group("num")) if m else None)
    if number is None or previous is None or not _follows(number, previous):
        return None
    title = clean_title(line.text if marker else m.group("title") if m else "")
    if not title or len(title) > MINUTE_ITEMS.heading_title_chars \
            or re.match(r"that\b", title, re.IGNORECASE) \
            or NOISE.match(title):
        return None
    return ItemStart(i, number, title, i + 1)


def _follows(number: str, previous: str) -> bool:
    """"278" after "277", "3a" after "3", "1c" after "1b"."""
    new, old = _key(number), _key(previous)
    if new is None or old is None:
        return False
    if new[0] == old[0] + 1 and not new[1]:
        return True
    return new[0] == old[0] and len(new[1]) == 1 and (
        (not old[1] and new[1] == "a") or (len(old[1]) == 1 and ord(new[1]) == ord(old[1]) + 1))


def _bare_number(number: str) -> str:
    return re.sub(r"^min(?:ute)?\.?\s*(?:no\.?\s*)?", "", number, flags=re.IGNORECASE)


def index_lines(lines: list[Line]) -> set[int]:
    """Lines of an alphabetical index a page store kept from the site ("1. A-Z of our
    services", "2. A", "3. B", …): a run of list items most of them a letter or two."""
    out: set[int] = set()
    run: list[int] = []
    for i, line in enumerate([*lines, None]):
        if line is not None and line.block.kind is BlockKind.LIST_ITEM:
            run.append(i)
            continue
        w = MINUTE_ITEMS
        short = [k for k in run if _letters(lines[k].text) <= w.index_letters]
        if len(short) >= w.index_run and len(short) >= w.index_share * len(run):
            out.update(run)
            tail = i
            while tail < len(lines) and _letters(lines[tail].text) <= w.index_letters:
                out.add(tail)  # the last entries, set apart as headings ("29. Y")
                tail += 1
        run = []
    return out


def _letters(text: str) -> int:
    return len(re.sub(r"[\W\d_]", "", text))


def numbered_item_starts(lines: list[Line], first: int = 0) -> list[ItemStart]:
    starts: list[ItemStart] = []
    index = index_lines(lines)
    i = first
    while i < len(lines):
        if i in index:
            i += 1
            continue
        start = _start_at(lines, i, starts[-1].number if starts else None)
        if start and _moves_forward(start.number, starts[-1].number if starts else None):
            starts.append(start)
            i = start.body_from
            continue
        i += 1
    return starts


def heading_item_starts(lines: list[Line], first: int = 0) -> list[ItemStart]:
    """Unnumbered minutes: each heading (or bold / ALL CAPS line) opens an item."""
    out: list[ItemStart] = []
    index = index_lines(lines)
    for i in range(first, len(lines)):
        title = headline_text(lines[i].block) if i not in index else None
        title = title or _page_item_title(lines, i)
        if title and not NOISE.match(title) and not _SEDERUNT_NAME.match(title) \
                and not (not out and is_minutes_cover(title)):
            numbered = _NUMBERED.match(title)
            if numbered and re.fullmatch(r"(?:19|20)\d\d", numbered.group("num")):
                numbered = None  # "2025 Budget Review" is a title, not item 2025
            number, title = ((_bare_number(numbered.group("num")), numbered.group("title"))
                             if numbered else ("", title))
            out.append(ItemStart(i, number, clean_title(title), i + 1))
    return out


_LINKED = re.compile(r"\bpdf\s+e?icon\s+PDF\s+\d+(?:\.\d+)?\s*[KM]B\s*$", re.IGNORECASE)
_TABLE_HEADER = re.compile(r"^(?:no\.?\s+item|rhif\s+eitem)$", re.IGNORECASE)


def _page_item_title(lines: list[Line], i: int) -> str | None:
    """A ModernGov line the reader did not set as a heading that still opens an item: one
    ending in its paper's "pdf icon PDF 150 KB" link, or the first line under "No. Item"."""
    text = lines[i].text
    if lines[i].marker or len(text) > MINUTE_ITEMS.heading_title_chars:
        return None
    if _LINKED.search(text) or (i > 0 and _TABLE_HEADER.match(lines[i - 1].text)
                                and _title_ok(clean_title(text), lines[i])):
        return text
    return None


# "Joe FITZPATRICK", "Julia M STURROCK", "George de GERNIER": a member in a sederunt
# printed one to a line, given names and initials before the surname in capitals.
_SEDERUNT_NAME = re.compile(r"^(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss|Bailie|Provost)\s+)?"
                            r"[A-Z][a-z'’-]+(?:\s+(?:[A-Z]\.?|[A-Z][a-z'’-]+))*"
                            r"\s+(?:(?:de|van|von|le|da|di|du|mac|mc)\s+)?[A-Z]{2,}(?:[-'’][A-Z]+)*$")
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
    """Numbered items when there are at least two, else the headings; a ModernGov page
    whose number cells a converter moved away from their titles is read by its labels."""
    numbered = numbered_item_starts(lines, first)
    found = numbered if len(numbered) >= 2 else heading_item_starts(lines, first) or numbered
    labels = sum(1 for x in lines[first:] if _SECTION_LABEL.match(x.text))
    if labels >= 2 and (len(found) < labels or any(_SECTION_LABEL.match(f"{s.title}:")
                                                   for s in found)):
        apart = detached_number_starts(lines, first)
        if len(apart) > len(found) or (apart and len(apart) == len(found)):
            return apart
    return found


# ------------------------------------------------------------------ numbers set apart

_SECTION_LABEL = re.compile(r"^(?:minutes|cofnodion)\s*:$", re.IGNORECASE)
_SIDE_LABEL = re.compile(r"^(?:minutes|cofnodion|decisions?|penderfyniad(?:au)?|"
                         r"additional documents|dogfennau ychwanegol|purpose|pwrpas)\s*:?$",
                         re.IGNORECASE)
_RESTRICTED_MARK = re.compile(r"^(?:restricted|cyfyngedig)$", re.IGNORECASE)
_NUMBER_TOKEN = re.compile(r"^(?P<num>\d{1,3}[a-z]?)[.)]?(?:\s+(?P<rest>.*))?$")


def _number_token(line: Line) -> tuple[str, str] | None:
    """("5", what follows) for a line that carries an item number of a ModernGov table:
    a list item "5." (any text), or a line "5.", "5. PDF 420 KB", "7. Restricted",
    "4. Town Centre Framework" — not "12A to the Local Government Act", a wrapped line."""
    if line.marker and re.fullmatch(r"\d{1,3}[a-z]?[.)]", line.marker):
        return line.marker.rstrip(".)"), line.text
    m = _NUMBER_TOKEN.match(line.text)
    if not m:
        return None
    rest = (m.group("rest") or "").strip()
    if rest and not (_SIDE_LABEL.match(rest) or _RESTRICTED_MARK.match(rest)
                     or not clean_title(rest) or _title_ok(clean_title(rest), line)):
        return None
    return m.group("num"), rest


def _title_candidate(line: Line) -> str | None:
    """A line that can be an item's title: not a label, a document link or a sentence."""
    if line.marker and not any(c.isalnum() for c in line.marker):
        return None  # "• Appendix A - Framework Plan PDF 3 MB"
    text = line.text
    if _SIDE_LABEL.match(text) or _RESTRICTED_MARK.match(text) or _number_token(line):
        return None
    title = clean_title(text)
    if not title or re.fullmatch(r"(?:items?|eitem(?:au)?|no\.?|rhif)", title, re.I):
        return None
    return title if _title_ok(title, line) else None


def detached_number_starts(lines: list[Line], first: int = 0) -> list[ItemStart]:
    """Items of a ModernGov page whose number cell drifted from its title when converted
    to text: "Declarations of Interest" / "To receive …" / "2." / "Minutes:", or "5." glued
    to the first minute line, or "4." just above its title. The title is on the number's
    line, else the line right after a lone number, else the nearest title-like line
    above it (over labels, "Restricted" and sentences)."""
    starts: list[ItemStart] = []
    floor = first
    for i in range(first, len(lines)):
        token = _number_token(lines[i])
        if not token or not _moves_forward(token[0], starts[-1].number if starts else None):
            continue
        number, rest = token
        own = clean_title(rest)
        if own and not lines[i].marker and _title_ok(own, lines[i]) \
                and not _SIDE_LABEL.match(rest) and not _RESTRICTED_MARK.match(rest):
            starts.append(ItemStart(i, number, own, i + 1, i))
            floor = i + 1
            continue
        after = _title_candidate(lines[i + 1]) if not rest and i + 1 < len(lines) else None
        if after:
            starts.append(ItemStart(i, number, after, i + 2, i))
            floor = i + 2
            continue
        for j in range(i - 1, max(floor, i - 5) - 1, -1):
            title = _title_candidate(lines[j])
            if title:
                starts.append(ItemStart(j, number, title, j + 1, i))
                floor = i + 1
                break
    return starts
