"""Agenda pack parser: the meeting's front matter, then each report in the pack.

A pack is a front sheet (body, date, membership, agenda) followed by reports, each
opening with a title and, within a few blocks, the labels of a report template
(Purpose, Summary, Recommendation...). The pack is cut at each report's start; each
slice goes to ``parsers.report.parse_report``; "Appendix 1 – …" blocks after a report
stay with it as appendix sections (so its tables stay with it); and each report is
matched to its agenda item by title similarity, in agenda order.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from boardpapers.model.classification import Classification
from boardpapers.model.layout import Block, BlockKind, Layout
from boardpapers.model.paper import AgendaItem, Paper, Report, Section
from boardpapers.parsers import report as report_module
from boardpapers.parsers.agenda import paper_for_meeting
from boardpapers.parsers.agenda_items import title_similarity, title_words  # noqa: F401
from boardpapers.parsers.front_sheet import read_meeting
from boardpapers.parsers.lines import clean_cell, lines_of, split_label
from boardpapers.parsers.meeting import with_running_body
from boardpapers.vocab.dates import parse_date

_LABELS: tuple[tuple[str, str], ...] = (
    ("purpose", r"purpose(?: of (?:the |this )?report)?|report purpose|pwrpas(?: yr adroddiad)?"
                r"|diben(?: yr adroddiad)?"),
    ("summary", r"(?:executive |report )?summary|crynodeb"),
    ("recommendations", r"recommendations?|recommended decisions?|argymhellion|argymhelliad"),
    ("actions", r"actions?"),
    ("reason", r"reasons? for (?:the )?(?:report|decisions?|recommendations?)"),
    ("introduction", r"introduction|cyflwyniad"),  # a start only with Recommendations
)
_LABEL_RE = [(kind, re.compile(rf"^(?:{pattern})\s*(?::\s*(.*))?$", re.IGNORECASE))
             for kind, pattern in _LABELS]
_NUMBERING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-Z]\.|\(?[a-z0-9]\))\s+")


@dataclass(frozen=True, slots=True)
class SplitSettings:
    """How a pack is cut into its reports: distances in blocks, lengths in characters."""

    label_window: int = 12  # blocks after a label in which the template's next label must appear
    title_lookback: int = 5  # content blocks before the first label in which the title must sit
    stamp_reach: int = 20  # blocks between an "Agenda Item N" stamp and the report's first label
    head_reach: int = 6  # blocks above a title that may be its stamp, date or header lines
    template_kinds: int = 2  # kinds of label close together that make a report template
    label_chars: int = 200  # a longer block is no template label
    title_chars: int = 160  # a longer block is no title
    wrapped_title_chars: int = 30  # a title this long may wrap onto a second heading...
    wrapped_rest_chars: int = 60  # ...no longer than this
    date_only_chars: int = 40  # a date banner between stamp and title
    header_line_chars: int = 120  # a report's own header line ("Report to: Cabinet")
    header_value_chars: int = 80  # the value under a bare header key
    appendix_chars: int = 160  # an appendix heading ("Appendix 1 – ...")
    annex_after: int = 5  # blocks into a report before a bigger heading may start an annex


SPLIT = SplitSettings()
_FURNITURE = re.compile(
    r"^(?:document is restricted|public document pack|page \d+(?: of \d+)?|\d{1,4}|"
    r"(?:agenda )?item\s+\d+[a-z]?|eitem\s+\d+|not for publication|"
    r"(?:part|rhan)\s+(?:1|2|i|ii)|confidential|restricted|official(?:[- ]sensitive)?)$",
    re.IGNORECASE)
_ITEM_MARK = re.compile(r"^(?:agenda\s+)?(?:item|eitem)\s+(?:no\.?\s*)?(\d+[a-z]?)$", re.I)
_TITLE_LABELS = ("title", "report title", "subject", "teitl", "pwnc")
_APPENDIX = re.compile(
    r"^(?:appendix|appendices|annex|annexe|atodiad|schedule)\s+(?:\d{1,2}|[A-Z]|[IVX]{1,4})"
    r"\b(?!\s+(?:to|of|for|provides|sets|shows|gives|lists|contains|is|are|has|which)\b)",
    re.IGNORECASE)

_APPENDIX_WORD = re.compile(r"appendi|annex|atodiad|schedule", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ReportStart:
    """Where one report begins: its first block, its title block, and any "Agenda Item N"."""

    first: int
    title: str | None
    agenda_item: str | None = None


def parse_pack(layout: Layout, classification: Classification) -> Paper:
    starts = find_report_starts(layout.blocks)
    front_end = starts[0].first - 1 if starts else None
    meeting = with_running_body(read_meeting(lines_of(layout, 0, front_end)), layout)
    reports = [_parse_one(layout, start, _end_of(starts, k, len(layout.blocks)))
               for k, start in enumerate(starts)]
    reports = link_agenda_items(reports, meeting.items)
    return paper_for_meeting(layout, classification, meeting, tuple(reports))


def _end_of(starts: Sequence[ReportStart], k: int, n_blocks: int) -> int:
    return starts[k + 1].first - 1 if k + 1 < len(starts) else n_blocks - 1


# ------------------------------------------------------------------ finding reports


def label_kind(block: Block) -> str | None:
    """"purpose", "summary", "recommendations"... for a report-template label block."""
    if block.kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH) \
            or len(block.text) > SPLIT.label_chars:
        return None
    text = _NUMBERING.sub("", clean_cell(block.text))
    for kind, pattern in _LABEL_RE:
        m = pattern.match(text)
        if m and (not m.group(1) or block.kind is BlockKind.PARAGRAPH):
            return kind
    return None


def find_report_starts(blocks: Sequence[Block]) -> list[ReportStart]:
    """Each report's start: a cluster of template labels (a Purpose label, two kinds of
    label close together, or "Introduction" then "Recommendations") with a title just
    above it."""
    kinds = [label_kind(b) for b in blocks]
    starts: list[ReportStart] = []
    cluster_end = -1
    for i, kind in enumerate(kinds):
        if kind is None or i <= cluster_end:
            continue
        cluster = _label_cluster(kinds, i)
        if kind != "purpose" and not _is_template({kinds[j] or "" for j in cluster}):
            continue
        cluster_end = cluster[-1]
        floor = starts[-1].first + 1 if starts else 0
        start = _start_before(blocks, i, floor)
        if start is not None:
            starts.append(start)
    return starts


def _is_template(kinds: set[str]) -> bool:
    """Two kinds of label close together; "1. Introduction" counts only beside
    "2. Recommendations" (an appendix or a briefing has introductions too)."""
    if "introduction" in kinds and "recommendations" in kinds:
        return True
    return len(kinds - {"introduction"}) >= SPLIT.template_kinds


def _label_cluster(kinds: Sequence[str | None], i: int) -> list[int]:
    """Labels after ``i`` that each follow the previous one within the label window."""
    cluster = [i]
    j = i + 1
    while j < len(kinds) and j - cluster[-1] <= SPLIT.label_window:
        if kinds[j] is not None:
            if any(kinds[k] == kinds[j] for k in cluster):
                break  # a second "Purpose": the next report's template
            cluster.append(j)
        j += 1
    return cluster


def _start_before(blocks: Sequence[Block], label: int, floor: int) -> ReportStart | None:
    """The title above a label cluster, and how far back the report's head reaches
    (over "Agenda Item 5", "Report to: Cabinet"-style lines and page furniture)."""
    title_at: int | None = None
    title: str | None = None
    seen = 0
    j = label - 1
    while j >= floor and seen < SPLIT.title_lookback:
        b = blocks[j]
        text = clean_cell(b.text)
        if b.kind is not BlockKind.PAGE_BREAK and not (
                (_is_report_metadata(text) or _is_header_cell(blocks, j)) and title_at is None):
            seen += 1  # "Report to: Cabinet" lines between title and Purpose are not counted
            pair = split_label(text)
            if pair and pair[0] in _TITLE_LABELS and pair[1]:
                title_at, title = j, pair[1]
                break
            if _is_title_block(b, text) and title_at is None:
                title_at, title = j, text
                if b.kind is BlockKind.HEADING or b.bold:
                    break
        j -= 1
    stamped = _title_after_stamp(blocks, label, floor)
    if stamped is not None and (title_at is None or stamped[0] < title_at) and (
            title_at is None or _weak_title(blocks, title_at, stamped)):
        title_at, title = stamped  # the header table's last value ("All") is not the title
    if title_at is None:
        return None
    first, item = _head_of(blocks, title_at, floor)
    return ReportStart(first=first, title=title, agenda_item=item)


def _title_after_stamp(blocks: Sequence[Block], label: int,
                       floor: int) -> tuple[int, str] | None:
    """The block just under the nearest "Agenda Item 4" stamp above a label cluster (past
    page furniture and a date), when it can be a title: the report's own title, above its
    header table."""
    for j in range(label - 1, max(floor, label - SPLIT.stamp_reach) - 1, -1):
        if _ITEM_MARK.match(clean_cell(blocks[j].text)):
            k = j + 1
            while k < label and (blocks[k].kind is BlockKind.PAGE_BREAK
                                 or _FURNITURE.match(clean_cell(blocks[k].text))
                                 or _is_date_only(clean_cell(blocks[k].text))):
                k += 1
            text = clean_cell(blocks[k].text) if k < label else ""
            if k < label and _is_title_block(blocks[k], text) and not _is_header_cell(blocks, k) \
                    and not _is_report_metadata(text) and not _is_banner(blocks, k, text):
                return k, _title_wrapped_onto(blocks, k, label, text)
            return None
        if label_kind(blocks[j]):
            return None  # another report's labels lie between
    return None


def _weak_title(blocks: Sequence[Block], title_at: int, stamped: tuple[int, str]) -> bool:
    """Whether the title found above the labels gives way to the one under the stamp: it
    is plain text (a header table's value, "All"), or the stamped title's wrapped second
    line."""
    if stamped[0] + 1 == title_at and stamped[1] != clean_cell(blocks[stamped[0]].text):
        return True
    block = blocks[title_at]
    return _is_header_cell(blocks, title_at) or not (block.kind is BlockKind.HEADING
                                                     or block.bold)


def _is_banner(blocks: Sequence[Block], k: int, text: str) -> bool:
    """"MARCHESHIRE POLICE AND CRIME PANEL" under every stamp: a running banner, printed
    again on another report's first page, not this report's title."""
    return any(j != k and b.text == blocks[k].text for j, b in enumerate(blocks)
               if len(b.text) == len(blocks[k].text)) and text.isupper()


_DATE_WORDS = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan\w*|feb\w*|mar\w*|apr\w*|may|"
    r"june?|july?|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)\b|\d+(?:st|nd|rd|th)?|[\s,./-]",
    re.IGNORECASE)


def _is_date_only(text: str) -> bool:
    """"5 February 2026", "Thursday, 5 February 2026": a date and nothing else."""
    return len(text) < SPLIT.date_only_chars and not _DATE_WORDS.sub("", text) \
        and parse_date(text) is not None


def _title_wrapped_onto(blocks: Sequence[Block], k: int, label: int, title: str) -> str:
    """"Climate Emergency Action Plan – Annual" + "Progress Report": a converter broke a
    long title into two headings of one level; the second is short and no label."""
    nxt = blocks[k + 1] if k + 1 < label else None
    if nxt is None or nxt.kind is not blocks[k].kind or nxt.kind is not BlockKind.HEADING \
            or nxt.level != blocks[k].level or len(title) < SPLIT.wrapped_title_chars \
            or title.endswith((".", ":")):
        return title
    text = clean_cell(nxt.text)
    if len(text) > SPLIT.wrapped_rest_chars or not text[:1].isupper() \
            or _is_header_cell(blocks, k + 1) or split_label(text) or label_kind(nxt) \
            or _FURNITURE.match(text) or _REPORT_META.match(text):
        return title
    return f"{title} {text}"


def _is_title_block(b: Block, text: str) -> bool:
    if not text or len(text) > SPLIT.title_chars or _FURNITURE.match(text) or label_kind(b):
        return False
    if b.kind is BlockKind.HEADING or b.bold:
        return True
    return b.kind is BlockKind.PARAGRAPH and not text.endswith(".") and _not_a_label(text)


_OTHER_LABELS = re.compile(r"^(?:contact|tel(?:ephone)?|phone|e-?mail|time|venue|location|"
                           r"name|job title|post|enquiries|ffôn|e-bost)\b", re.IGNORECASE)


def _not_a_label(text: str) -> bool:
    """"Bus Franchising: Consultation Outcome" may be a title; "Date: 10 May" is a label."""
    pair = split_label(text)
    return pair is None or (
        not _REPORT_META.match(pair[0]) and not _OTHER_LABELS.match(pair[0])
        and len(pair[0].split()) >= 2 and pair[1][:1].isupper())


def _head_of(blocks: Sequence[Block], title_at: int, floor: int) -> tuple[int, str | None]:
    first, item = title_at, None
    j = title_at - 1
    while j >= floor and title_at - j <= SPLIT.head_reach:
        b = blocks[j]
        text = clean_cell(b.text)
        if b.kind is BlockKind.PAGE_BREAK:
            j -= 1
            continue
        mark = _ITEM_MARK.match(text)
        if mark:
            first, item = j, mark.group(1)
        elif not _is_report_metadata(text) and not _is_date_only(text):
            break  # a date banner ("5 February 2026") may sit between stamp and title
        else:
            first = j
        j -= 1
    return first, item


_REPORT_META = re.compile(
    r"^(?:report (?:to|of|by|author|from)|meeting(?: date)?|date(?: of meeting)?|"
    r"wards?(?: affected)?|(?:electoral )?divisions?(?: affected)?|key decision|author|"
    r"lead (?:member|officer|director)|"
    r"portfolio(?: holder)?|cabinet member|classification|status|decision maker|"
    r"(?:report )?title|subject|exempt|teitl|pwnc|awdur|adroddiad i|dyddiad)$", re.IGNORECASE)


_REPORT_OF = re.compile(r"^report (?:of|by|from|to|author)\s+\S", re.IGNORECASE)


def _is_header_cell(blocks: Sequence[Block], j: int) -> bool:
    """A cell of the report's header table that a converter set out as a line of its own:
    a bare "Status"/"Meeting"/"Date" key, the value just after one ("Public"), or
    "Report of Director of Transport"."""
    text = clean_cell(blocks[j].text)
    if _REPORT_META.match(text) or _REPORT_OF.match(text):
        return len(text) < SPLIT.header_line_chars
    k = j - 1
    while k >= 0 and blocks[k].kind is BlockKind.PAGE_BREAK:
        k -= 1
    return (k >= 0 and len(text) < SPLIT.header_value_chars
            and blocks[k].kind is not BlockKind.TABLE
            and bool(_REPORT_META.match(clean_cell(blocks[k].text))))


def _is_report_metadata(text: str) -> bool:
    """"Report to: Cabinet", "Wards affected: All": a report's own header lines."""
    pair = split_label(text)
    return bool(pair and len(text) < SPLIT.header_line_chars and _REPORT_META.match(pair[0]))


# ------------------------------------------------------------------ one report


def _parse_one(layout: Layout, start: ReportStart, last: int) -> Report:
    title_level = report_title_level(layout.blocks, start.first, last)
    appendices = find_appendices(layout.blocks, start.first, last, title_level)
    body_last = appendices[0].first_block - 1 if appendices else last
    parse = getattr(report_module, "parse_report", None)
    if parse is not None:
        base = parse(layout, start.first, body_last)
    else:  # TODO(integration): the report parser has not landed yet
        base = Report(title=start.title, first_block=start.first, last_block=body_last)
    first_page, last_page = layout.blocks[start.first].page, layout.blocks[last].page
    return dataclasses.replace(
        base, title=start.title or base.title, agenda_item=start.agenda_item,
        sections=base.sections + appendices, first_block=start.first, last_block=last,
        pages=(first_page, last_page))


def report_title_level(blocks: Sequence[Block], first: int, last: int) -> int:
    """The level of a report's first real heading; an "Agenda Item 4" stamp or a "Public
    Document Pack" banner printed above the title (often a small heading) does not count,
    or the report's own numbered headings would look bigger and be cut off as appendices."""
    for b in blocks[first:last + 1]:
        if b.kind is BlockKind.HEADING and not _FURNITURE.match(clean_cell(b.text)) \
                and not _is_date_only(clean_cell(b.text)):
            return b.level
    return 0


def find_appendices(blocks: Sequence[Block], first: int, last: int,
                    title_level: int = 0) -> tuple[Section, ...]:
    """"Appendix 1 – …"/"APPENDIX A" blocks in blocks[first:last+1], each a Section running
    to the next appendix or the end of the report.

    With the level of the report's title heading, a bigger heading well inside the report
    (an untitled annex printed as a document of its own) starts an appendix too.
    """
    heads = [i for i in range(first + 1, last + 1) if _is_appendix_head(blocks[i])
             or (title_level > 1 and i - first > SPLIT.annex_after
                 and blocks[i].kind is BlockKind.HEADING
                 and 0 < blocks[i].level < title_level)]
    out = []
    for k, head in enumerate(heads):
        end = heads[k + 1] - 1 if k + 1 < len(heads) else last
        text = "\n".join(blocks[i].text for i in range(head + 1, end + 1)
                         if blocks[i].kind is not BlockKind.PAGE_BREAK)
        out.append(Section(kind="appendix", heading=clean_cell(blocks[head].text),
                           text=text, first_block=head, last_block=end))
    return tuple(out)


def _is_appendix_head(b: Block) -> bool:
    # cheap checks first: this runs on every block of every report in a pack
    if b.kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH) or len(b.text) > 400:
        return False
    if not _APPENDIX_WORD.search(b.text[:40]):
        return False
    text = clean_cell(b.text)
    if len(text) > SPLIT.appendix_chars or not _APPENDIX.match(text):
        return False
    return b.kind is BlockKind.HEADING or b.bold or not text.endswith(".")


# ------------------------------------------------------------------ agenda links


def link_agenda_items(reports: Sequence[Report],
                      items: Sequence[AgendaItem]) -> list[Report]:
    """Set each report's agenda item: an "Agenda Item N" mark when the pack printed one,
    else the best order-keeping match of titles (reports follow the agenda's order)."""
    pairs = _align([r.title or "" for r in reports], [i.title for i in items])
    by_number = {i.number: i for i in items}
    out = []
    for k, r in enumerate(reports):
        number = r.agenda_item or (items[pairs[k]].number if k in pairs else None)
        item = by_number.get(number) if number else None
        confidential = item.confidential if item else r.confidential
        out.append(dataclasses.replace(r, agenda_item=number, confidential=confidential))
    return out


def _align(reports: Sequence[str], items: Sequence[str]) -> dict[int, int]:
    """Order-keeping assignment of reports to items maximising total title similarity."""
    n, m = len(reports), len(items)
    if not n or not m:
        return {}
    sim = [[title_similarity(r, t) for t in items] for r in reports]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = sim[i][j] + best[i + 1][j + 1] if sim[i][j] > 0 else 0.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    out: dict[int, int] = {}
    i = j = 0
    while i < n and j < m:
        if sim[i][j] > 0 and best[i][j] == sim[i][j] + best[i + 1][j + 1]:
            out[i] = j
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return out
