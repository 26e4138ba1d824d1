"""extract(paper) -> Paper with facts and tables filled.

Each kind of fact has its own module with a pure ``find_*(text, block)`` function that
returns facts whose Span points into that block's text; this module only walks the
blocks, hands each finder its text, and collects the results in document order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from boardpapers.model.layout import Block, BlockKind
from boardpapers.model.paper import Facts, Paper, TableData
from boardpapers.plugins import points, resolve
from boardpapers.vocab.date_patterns import BODY_NAME

Finder = Callable[..., Sequence[Any]]


@dataclass(frozen=True, slots=True)
class ExtractSettings:
    """What the walk over a paper's blocks reads beyond one block: places in blocks."""

    issue_blocks: int = 5  # a newsletter's issue month is looked for in its first blocks
    issue_day: int = 15  # the day an issue month stands for when it dates the paper
    above_blocks: int = 2  # blocks above a date whose nearest non-empty one may head it
    body_line_chars: int = 120  # a committee's name heading a date is a line no longer
    next_meeting_tail: int = 60  # the end of the block above searched for "next meeting"
    caption_blocks: int = 2  # blocks above a table searched for its caption
    caption_chars: int = 120  # a longer heading or line above a table is no caption
    caption_sentence_words: int = 6  # a line ending "." with more words is a sentence


EXTRACT = ExtractSettings()


def _finders() -> dict[str, tuple[Finder, bool]]:
    """Each registered fact kind's finder, and whether it takes the paper's date."""
    return {spec.name: (resolve(spec.find), spec.dated) for spec in points().fact_kinds}


_BUILT_IN = frozenset(f.name for f in dataclasses.fields(Facts)) - {"extra"}


def reference_date(paper: Paper) -> dt.date | None:
    """The paper's own date, used to complete dates written without a year; failing that,
    the issue month printed at its top ("March 2025" on a newsletter: the 15th)."""
    iso = paper.date or (paper.meeting.date if paper.meeting else None)
    try:
        return dt.date.fromisoformat(iso) if iso else _issue_month(paper)
    except ValueError:
        return None


_MONTH_PERIOD = re.compile(r"^(\d{4})-(\d{2})$")


def _issue_month(paper: Paper) -> dt.date | None:
    from boardpapers.facts.dates import find_dates
    for i, block in enumerate(paper.layout.blocks[:EXTRACT.issue_blocks]):
        for fact in find_dates(block.text, i, None):
            if fact.kind == "publication" and fact.date:
                return dt.date.fromisoformat(fact.date)
            m = _MONTH_PERIOD.match(fact.period or "")
            if m and 1 <= int(m.group(2)) <= 12:
                return dt.date(int(m.group(1)), int(m.group(2)), EXTRACT.issue_day)
    return None


def extract(paper: Paper) -> Paper:
    finders = _finders()
    found: dict[str, list[Any]] = {k: [] for k in finders}
    found_in: dict[str, list[int]] = {k: [] for k in finders if k not in _BUILT_IN}
    tables: list[TableData] = []
    ref = reference_date(paper)
    blocks = paper.layout.blocks
    for i, block in enumerate(blocks):
        if block.kind is BlockKind.PAGE_BREAK or not block.text.strip():
            continue
        for kind, (find, dated) in finders.items():
            if kind == "councils" and block.kind is BlockKind.TABLE:
                continue
            hits = find(block.text, i, ref) if dated else find(block.text, i)
            found[kind].extend(hits)
            if kind in found_in:
                found_in[kind].extend([i] * len(hits))
        if block.kind is BlockKind.TABLE and block.rows and "councils" in finders:
            tables.append(_table(blocks, i))
            found["councils"].extend(_table_councils(block, i))
    if "people" in finders:
        found["people"] = _people_across_blocks(paper, found["people"])
    if "dates" in finders:
        found["dates"] = _meeting_dates_in_context(paper, found["dates"])
    own = {k: tuple(v) for k, v in found.items() if k in _BUILT_IN}
    extra = tuple((k, tuple(v)) for k, v in found.items() if k not in _BUILT_IN)
    facts = Facts(**own, extra=extra,
                  extra_blocks=tuple((k, tuple(v)) for k, v in found_in.items()))
    return dataclasses.replace(paper, facts=facts, tables=tuple(tables))


# Papers written for a meeting: the date heading them is the meeting's, not a
# publication date (a briefing or a summary is dated by when it was issued).
_MEETING_GENRES = frozenset({"agenda_pack", "report", "agenda", "minutes",
                             "agenda_and_minutes"})
_BODY_LINE = re.compile(rf"\b{BODY_NAME}\b")
_NEXT_MEETING = re.compile(r"\b(?:date\s+of\s+(?:the\s+)?next\s+meeting|next\s+meeting)\b",
                           re.IGNORECASE)


def _meeting_dates_in_context(paper: Paper, dates: list[Any]) -> list[Any]:
    """What one block cannot say about a date: the dated header of a meeting's paper,
    or a date under a committee's name, is the meeting's; so is a date opening the block
    under a "Date of next meeting" heading."""
    blocks = paper.layout.blocks
    meeting_paper = paper.genre in _MEETING_GENRES
    out = []
    for d in dates:
        b = d.span.block
        reach = range(b - 1, max(b - 1 - EXTRACT.above_blocks, -1), -1)
        above = next((blocks[j].text for j in reach if blocks[j].text.strip()), "")
        if d.kind == "publication" and d.date and (meeting_paper or (
                len(above) <= EXTRACT.body_line_chars and _BODY_LINE.search(above))):
            d = dataclasses.replace(d, kind="meeting")
        elif (d.kind == "other" and d.date and not blocks[b].text[:d.span.start].strip()
              and _NEXT_MEETING.search(above[-EXTRACT.next_meeting_tail:])):
            d = dataclasses.replace(d, kind="meeting")
        out.append(d)
    return out


def _people_across_blocks(paper: Paper, people: list[Any]) -> list[Any]:
    """People whose name or role sits on another line than their label; a role still
    missing is taken from the report's contact officers, when the parser read one."""
    from boardpapers.facts.people import people_across_blocks
    texts = [b.text for b in paper.layout.blocks]
    completed = people_across_blocks(texts, people)
    positions = {" ".join(o.name.split()[-2:]): o.position
                 for r in paper.reports for o in r.contact_officers if o.position}
    return sorted((p if p.role or p.name not in positions
                   else dataclasses.replace(p, role=positions[p.name]) for p in completed),
                  key=lambda p: (p.span.block, p.span.start))


def _table(blocks: tuple[Block, ...], i: int) -> TableData:
    from boardpapers.facts import tables
    return tables.table_data(blocks[i].rows, i, caption=table_caption(blocks, i))


def _table_councils(block: Block, i: int) -> list[Any]:
    from boardpapers.facts import councils
    return list(councils.find_councils_in_table(block.rows, i))


def table_caption(blocks: tuple[Block, ...], i: int) -> str:
    """The short heading or line just above a table, if it reads like a caption."""
    for j in range(i - 1, max(i - 1 - EXTRACT.caption_blocks, -1), -1):
        prev = blocks[j]
        if prev.kind is BlockKind.PAGE_BREAK:
            continue
        if prev.kind is BlockKind.HEADING and len(prev.text) <= EXTRACT.caption_chars:
            return prev.text
        if (prev.kind is BlockKind.PARAGRAPH and len(prev.text) <= EXTRACT.caption_chars
                and not _sentence(prev.text)):
            return prev.text
        break
    return ""


def _sentence(text: str) -> bool:
    """A full sentence ("To approve the minutes of 5 June 2024.") is no table's caption."""
    return text.rstrip().endswith(".") and len(text.split()) > EXTRACT.caption_sentence_words
