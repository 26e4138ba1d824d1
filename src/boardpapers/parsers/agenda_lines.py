"""Agenda lines as page stores and converters leave them, put back one item to a line.

Before ``agenda_items`` reads an agenda, three kinds of damage are undone:

* ModernGov furniture between items: "Additional documents:" joined to the next item's
  number ("Additional documents: 1.1"), "View the background to item 4" links, and the
  "pdf icon PDF 78 KB" link text after a title.
* A flattened numbered agenda: "BUSINESS 1. Chair's Remarks 2. Standing Orders - Report
  by Director 3. …" in one paragraph is one line per item again, when the numbers run on
  one by one (at least three of them) from where the agenda has got to, so that a
  description's own "1. Note … 2. Agree …" under item 5 stays text. A page's furniture
  run into the last title ("- 2 -", a rule of dashes) ends it.
* A heading run into the first item ("A G E N D A 1 Apologies", "AGENDA 1. Welcome").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from boardpapers.model.layout import BlockKind
from boardpapers.model.paper import AgendaItem
from boardpapers.parsers.lines import Line


@dataclass(frozen=True, slots=True)
class InlineAgendaSettings:
    """When a paragraph is read as a flattened numbered agenda."""

    min_items: int = 3  # "1. … 2. …" alone is too weak: a sentence may count two things
    min_chars: int = 40  # a line shorter than this holds one item at most
    max_marks: int = 300  # numbers looked at in one line (a long paragraph stays cheap)


SETTINGS = InlineAgendaSettings()

_FURNITURE_PREFIX = re.compile(r"^(?:additional documents|dogfennau ychwanegol)\s*:\s*",
                               re.IGNORECASE)
_VIEW_LINK = re.compile(r"^(?:view|gweld)\s+(?:the\s+)?(?:background|reasons|decision|"
                        r"y\s+cefndir)\b.*$", re.IGNORECASE)
LINK_TEXT = re.compile(r"\s*(?:\bpdf\s+icon\s+|\bpdf\s+eicon\s+)?\bPDF\s+\d+(?:\.\d+)?\s*[KM]B\b",
                       re.IGNORECASE)
_SPACED_HEAD = re.compile(
    r"^(?:A\s+G\s+E\s+N\s+D\s+A|AGENDA|BUSINESS|RHAGLEN|(?i:(?:standard|formal|main|other)"
    r"\s+items|items\s+of\s+business)|Part\s+(?:[A-D]|[1-4]|I{1,3}|One|Two))"
    r"\s+(?=\d{1,3}[.)]?\s+[A-Z])")
_TABLE_HEAD_RUN = re.compile(r"^(?:no\.?\s+item|rhif\s+eitem)\s+(?=\d{1,3}[a-z]?[.)]?(?:\s|$))",
                             re.IGNORECASE)


def without_run_in_head(text: str) -> str:
    """"Part A 1 Welcome", "No. Item 1a", "Standard Items 1 Apologies": a section or table
    heading a converter ran into the first item, taken off."""
    head = _SPACED_HEAD.match(text) or _TABLE_HEAD_RUN.match(text)
    return text[head.end():] if head else text
_TITLE_MAX = 160
_INLINE_NUMBER = re.compile(r"(?:(?<=\s)|^)([1-9]\d{0,2})[.)]\s+(?=[A-Z‘'“\"(])")
_PAGE_FURNITURE = re.compile(r"\s(?:-{4,}|_{4,}|={4,}|-\s\d{1,3}\s-(?:\s|$))")


def tidy_agenda_lines(lines: Sequence[Line], item_number: Callable[[Line], str | None],
                      settings: InlineAgendaSettings = SETTINGS) -> list[Line]:
    """The lines with furniture dropped and flattened numbered agendas split, see above;
    ``item_number`` says which number a line opens an item with, if any."""
    out: list[Line] = []
    expected = 1
    for line in lines:
        for piece in _without_furniture(line):
            parts = _split_inline(piece, expected, settings)
            out.extend(parts)
            for part in parts:
                number = re.fullmatch(r"0?([1-9]\d{0,2})", item_number(part) or "")
                expected = int(number.group(1)) + 1 if number else expected
    return out


def _with_text(line: Line, text: str) -> Line:
    return replace(line, cells=(text,) + line.cells[1:])


def _without_furniture(line: Line) -> list[Line]:
    """The line without ModernGov link furniture; nothing when that was all it held."""
    first = line.cells[0]
    if _VIEW_LINK.match(first) and len(line.cells) == 1:
        return []
    if line.kind is BlockKind.LIST_ITEM and LINK_TEXT.search(first) and \
            not LINK_TEXT.sub("", first).strip(" -–"):
        return []
    after_docs = _FURNITURE_PREFIX.sub("", first)
    linked = LINK_TEXT.search(after_docs)
    first = LINK_TEXT.sub("", after_docs).rstrip(" -–") if linked else after_docs
    if not first.strip() and len(line.cells) == 1:
        return []
    spaced = _SPACED_HEAD.match(first)
    if spaced and len(line.cells) == 1:
        return [_with_text(line, "AGENDA" if spaced.group(0).startswith("A ") else
                           spaced.group(0).strip()), _with_text(line, first[spaced.end():])]
    if first == line.cells[0]:
        return [line]
    # what follows "Additional documents:", and a title with its paper's link, head an item
    titled = (after_docs != line.cells[0] or (linked and not after_docs[linked.end():].strip())) \
        and len(first) <= _TITLE_MAX and not first.rstrip().endswith(".")
    tidied = _with_text(line, first)
    return [replace(tidied, kind=BlockKind.HEADING) if titled else tidied]


def _split_inline(line: Line, expected: int, settings: InlineAgendaSettings) -> list[Line]:
    """One line per item of a numbered agenda flattened into one paragraph."""
    text = line.cells[0]
    if len(line.cells) != 1 or len(text) < settings.min_chars:
        return [line]
    chain = _numbered_chain(text, expected, settings)
    if len(chain) < settings.min_items:
        return [line]
    cuts = [m.start() for m in chain] + [len(text)]
    pieces = [text[:cuts[0]]] if text[:cuts[0]].strip() else []
    for a, b in zip(cuts, cuts[1:], strict=False):
        pieces.extend(_title_and_rest(text[a:b]))
    return [_with_text(line, p.strip()) for p in pieces if p.strip()]


def _numbered_chain(text: str, expected: int,
                    settings: InlineAgendaSettings) -> list[re.Match[str]]:
    """The longest run of numbers counting up by one from ``expected``."""
    marks = list(_INLINE_NUMBER.finditer(text))[:settings.max_marks]
    best: list[re.Match[str]] = []
    for start in (m for m in marks if int(m.group(1)) == expected):
        chain = [start]
        for m in marks:
            if m.start() > chain[-1].start() and int(m.group(1)) == int(chain[-1].group(1)) + 1:
                chain.append(m)
        if len(chain) > len(best):
            best = chain
    return best


def _title_and_rest(piece: str) -> list[str]:
    """"14. Workplan ------ NOTE For further …" -> the item, then what followed it."""
    m = _PAGE_FURNITURE.search(piece)
    if not m:
        return [piece]
    return [piece[:m.start()], piece[m.end():].strip(" -=_")]


_NOT_ITEM = re.compile(r"^(?:media|cyfryngau|items?|eitemau|minutes\s*:|cofnodion\s*:|"
                       r"decisions?\s*:|penderfyniad(?:au)?\s*:)$", re.IGNORECASE)


def heading_items(lines: Sequence[Line]) -> tuple[AgendaItem, ...]:
    """A ModernGov agenda with no numbers ("No. Item" over the items): each heading is an
    item, the lines under it its text."""
    items: list[AgendaItem] = []
    text: list[str] = []
    for line in lines:
        title = line.text.strip()
        if line.kind is BlockKind.HEADING and not _NOT_ITEM.match(title):
            if items and text:
                items[-1] = replace(items[-1], text=" ".join(text))
            items.append(AgendaItem(number="", title=title.rstrip(" .")))
            text = []
        elif items and not _NOT_ITEM.match(title):
            text.append(title)
    if items and text:
        items[-1] = replace(items[-1], text=" ".join(text))
    return tuple(items)
