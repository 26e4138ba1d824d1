"""Briefings (weekly policy briefs, members' bulletins, digests) and annual summaries.

A briefing opens with a masthead (title, issue date, often "brought to you by <body>") and
may list its "Top items this week"; then come its stories, each a headline with a body.
An annual summary of support to members is read the same way, but its headings are often
plain short lines, and the text before the first heading belongs to the summary's title.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from boardpapers.model.classification import Classification
from boardpapers.model.layout import Block, BlockKind, Layout
from boardpapers.model.paper import BriefingItem, Paper
from boardpapers.parsers.authority import is_authority, organisation_authority, paper_authority
from boardpapers.parsers.block_text import (
    bullet_text,
    headline_text,
    looks_like_plain_heading,
    plain,
)
from boardpapers.parsers.briefing_items import (
    Draft,
    drafts_from,
    highlighted_items,
    item_from_draft,
)
from boardpapers.vocab.calendar import MONTHS, WELSH_MONTHS
from boardpapers.vocab.date_patterns import MONTH_YEAR
from boardpapers.vocab.dates import date_in
from boardpapers.vocab.text import fold

_TOP_LABEL = re.compile(
    r"^(?:top\s+(?:items|stories|news|headlines)(?:\s+this\s+(?:week|month|issue|edition))?"
    r"|in\s+this\s+(?:issue|edition|bulletin|briefing|update|week'?s?\s+\w+)"
    r"|this\s+(?:week|month)'?s?\s+(?:highlights|headlines|top\s+stories)"
    r"|headlines|highlights|contents|inside\s+this\s+issue|yn\s+y\s+rhifyn\s+hwn|cynnwys)"
    r"\s*:?$", re.IGNORECASE)
_PUBLISHER = re.compile(
    r"\b(?i:brought\s+to\s+you\s+by|published\s+by|produced\s+by|compiled\s+by|"
    r"a\s+newsletter\s+from|a\s+bulletin\s+from)\s+(?:the\s+)?"
    r"(?P<body>[A-Z][\w&'’ .,-]*?[\w])\s*\.?$")
# a strap line that ends with its sender: "Your fortnightly round up of news for
# councillors        from the Local Government Association"
_STRAP_FROM = re.compile(
    r"(?i:\s{2,}|\b(?:news|round[- ]?up|updates?|bulletin|newsletter|briefing|resources|"
    r"digest)\b.*?\s)(?i:from)\s+(?:the\s+)?(?P<body>[A-Z][\w&'’ .,-]*?[\w])\s*\.?$")
_ISSUE_NUMBER = re.compile(r"\b(?:issue|no\.?|number|vol(?:ume)?\.?|rhifyn|rhif)\s*\d+\s*"
                           r"[-–|,:]?\s*", re.IGNORECASE)
_HEADER_LIMIT = 8  # masthead lines looked at before the stories start
Blocks = list[tuple[int, Block]]


def parse_briefing(layout: Layout, classification: Classification) -> Paper:
    blocks = _content(layout)
    if any(_RELEASE_BANNER.match(plain(b.text)) for _, b in blocks[:3]):
        return _press_release(layout, classification, blocks)
    title_at = _title_position(blocks)
    header, rest = _split_masthead(blocks, title_at)
    date = _issue_date(header)
    highlights, rest = _top_items(rest)
    footer = rest[-1:] if rest and _publisher(rest[-1:]) else []
    drafts, _ = drafts_from(rest[:len(rest) - len(footer)])
    items = _items(drafts, date, highlights)
    publisher = _publisher(header) or _publisher(footer) or paper_authority(layout)
    return Paper(source=layout.source, genre=classification.genre, layout=layout,
                 genre_evidence=classification.evidence, language=_language(classification),
                 title=plain(blocks[title_at][1].text) if title_at is not None else None,
                 body=publisher, authority=organisation_authority(publisher), date=date,
                 items=tuple(items), highlights=tuple(highlights))


_RELEASE_BANNER = re.compile(r"^(?:news|press|media)\s+release$|^datganiad\s+i'?r\s+wasg$",
                             re.IGNORECASE)
_RELEASE_END = re.compile(r"^(?:notes?\s+(?:to|for)\s+editors?|media\s+enquiries|press\s+"
                          r"enquiries|for\s+(?:further|more)\s+information|-?\s*ends\s*-?|"
                          r"nodiadau\s+i\s+olygyddion|diwedd)\s*:?$", re.IGNORECASE)
_OPENS_WITH_BODY = re.compile(
    r"^(?:[Tt]he\s+)?((?:[A-Z][\w'’-]+\s+){1,5}(?:Council|Authority|Association|Board|"
    r"Partnership))\b")


def _press_release(layout: Layout, classification: Classification, blocks: Blocks) -> Paper:
    """A council's news release: one story, whose headline is the title (after the "NEWS
    RELEASE" banner and the "For immediate release: DATE" line) and whose text runs to
    "Notes to editors" / "Media enquiries" / "Ends"; the body is the organisation the
    story opens with."""
    title_at = next((k for k, (_, b) in enumerate(blocks[:_HEADER_LIMIT])
                     if not _RELEASE_BANNER.match(plain(b.text)) and not _is_date_line(b.text)),
                    None)
    if title_at is None:
        return Paper(source=layout.source, genre=classification.genre, layout=layout,
                     genre_evidence=classification.evidence, language=_language(classification))
    date = _issue_date(blocks[:title_at])
    story: list[tuple[int, str]] = []
    for index, block in blocks[title_at + 1:]:
        if _RELEASE_END.match(plain(block.text)):
            break
        story.append((index, plain(block.text)))
    headline = plain(blocks[title_at][1].text)
    draft = Draft(index=blocks[title_at][0], headline=headline, level=1, lines=story)
    opening = _OPENS_WITH_BODY.match(story[0][1]) if story else None
    body = opening.group(1) if opening else None
    return Paper(source=layout.source, genre=classification.genre, layout=layout,
                 genre_evidence=classification.evidence, language=_language(classification),
                 title=headline, body=body, authority=paper_authority(layout, body=body),
                 date=date,
                 items=tuple(_items([draft], date, [])))


def parse_summary(layout: Layout, classification: Classification) -> Paper:
    blocks = _content(layout)
    title_at = _title_position(blocks)
    organisation = None
    if (title_at is not None and title_at + 1 < len(blocks)
            and _ORGANISATION.match(plain(blocks[title_at][1].text))
            and _title_position(blocks[title_at + 1:]) == 0):
        organisation = plain(blocks[title_at][1].text)  # "East Midlands Councils" above
        title_at += 1                                    # "Quarterly Summary of Support"
    header = blocks[:title_at + 1] if title_at is not None else []
    date = _issue_date(header) or _report_to_date(blocks, title_at)
    rest = blocks[title_at + 1:] if title_at is not None else blocks
    title = plain(blocks[title_at][1].text) if title_at is not None else None
    drafts, intro = drafts_from(rest, _summary_headline(rest))
    if intro and title and title_at is not None:
        drafts.insert(0, Draft(blocks[title_at][0], title, 0, lines=intro))
    items = _items(drafts, date, [])
    publisher = _publisher(header) or organisation or paper_authority(layout)
    return Paper(source=layout.source, genre=classification.genre, layout=layout,
                 genre_evidence=classification.evidence, language=_language(classification),
                 title=title, body=publisher, authority=organisation_authority(publisher),
                 date=date,
                 items=tuple(items))


_ORGANISATION = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w&'’-]*\s+){0,5}(?:Councils?|Association|Authority|Partnership|"
    r"Network|Forum|Alliance|Consortium)$")
_REPORT_TO = re.compile(r"^(?:report|paper|briefing)\s+(?:to|for)\s+\S", re.IGNORECASE)


def _report_to_date(blocks: Blocks, title_at: int | None) -> str | None:
    """The date in "Report to Executive Board, Friday 18 July 2025" under a summary's title."""
    start = 0 if title_at is None else title_at + 1
    for _, block in blocks[start:start + 3]:
        text = plain(block.text)
        if len(text) <= 100 and _REPORT_TO.match(text) and (date := date_in(text)):
            return date
    return None


# ------------------------------------------------------------------ masthead


def _content(layout: Layout) -> Blocks:
    return [(i, b) for i, b in enumerate(layout.blocks)
            if b.kind is not BlockKind.PAGE_BREAK and b.text.strip()]


def _is_date_line(text: str) -> bool:
    bare = _without_issue_number(plain(text))
    return len(bare) <= 48 and (date_in(bare) is not None or _month_date(text) is not None)


def _without_issue_number(text: str) -> str:
    """"Issue 18 - 14 November 2024" -> "14 November 2024": the number is not a day."""
    return _ISSUE_NUMBER.sub("", text).strip()


def _title_position(blocks: Blocks) -> int | None:
    """The first short line that is not the issue date."""
    for k, (_, block) in enumerate(blocks[:_HEADER_LIMIT]):
        text = plain(block.text)
        if not _is_date_line(text) and len(text) <= 150 and bullet_text(block) is None:
            return k
    return None


def _split_masthead(blocks: Blocks, title_at: int | None) -> tuple[Blocks, Blocks]:
    """Masthead lines (title, date, strapline) and the rest, which starts at the first
    headline or "Top items" label after the title."""
    start = 0 if title_at is None else title_at + 1
    for k in range(start, min(len(blocks), start + _HEADER_LIMIT)):
        if _TOP_LABEL.match(plain(blocks[k][1].text)):
            return blocks[:k], blocks[k:]  # all before a "Top items" list is masthead
    for k in range(start, min(len(blocks), start + _HEADER_LIMIT)):
        block = blocks[k][1]
        if k == start and k + 1 < len(blocks) and _is_date_line(blocks[k + 1][1].text):
            continue  # a strapline under the title, then the issue date: masthead
        if _TOP_LABEL.match(plain(block.text)) or (
                headline_text(block) and not _is_date_line(block.text)):
            return blocks[:k], blocks[k:]
    return blocks[:start], blocks[start:]


def _issue_date(header: Blocks) -> str | None:
    for _, block in header:
        text = _without_issue_number(plain(block.text))
        if len(text) <= 80 and (date := date_in(text)):
            return date
    return _month_issue(header)


def _month_issue(header: Blocks) -> str | None:
    for _, block in header:
        if date := _month_date(block.text):
            return date
    return None


def _month_date(text: str) -> str | None:
    """A monthly issue's masthead names no day ("Issue 112 – May 2025"): it is dated the
    first day of its month, so that since:/until: by month find it."""
    m = MONTH_YEAR.fullmatch(_without_issue_number(plain(text)).strip(" -–|,.:"))
    if not m:
        return None
    name = m.group("mon").lower().rstrip(".")
    month = WELSH_MONTHS.get(name) or MONTHS[name[:3]]
    return f"{int(m.group('year')):04d}-{month:02d}-01"


def _publisher(header: Blocks) -> str | None:
    for _, block in header:
        text = fold(plain(block.text))
        m = _PUBLISHER.search(text)
        if m:
            return m.group("body").strip()
        m = _STRAP_FROM.search(plain(block.text))
        if m and is_authority(m.group("body").strip()):
            return m.group("body").strip()
    return None


def _top_items(blocks: Blocks) -> tuple[list[str], Blocks]:
    """The "Top items this week" list, and the blocks after it."""
    for k, (_, block) in enumerate(blocks[:_HEADER_LIMIT]):
        if _TOP_LABEL.match(plain(block.text)):
            listed: list[str] = []
            end = k + 1
            while end < len(blocks) and (item := bullet_text(blocks[end][1])) is not None:
                listed.append(item)
                end += 1
            return listed, blocks[:k] + blocks[end:]
    return [], blocks


def _items(drafts: list[Draft], date: str | None, highlights: list[str]) -> list[BriefingItem]:
    ref = dt.date.fromisoformat(date) if date else None
    items = [item_from_draft(d, ref) for d in drafts]
    chosen = highlighted_items(items, highlights)
    return [_mark(item) if k in chosen else item for k, item in enumerate(items)]


def _mark(item: BriefingItem) -> BriefingItem:
    return BriefingItem(kind=item.kind, headline=item.headline, body=item.body,
                        links=item.links, dates=item.dates, first_block=item.first_block,
                        section=item.section, highlighted=True)


def _summary_headline(blocks: Blocks) -> Callable[[Block], str | None]:
    """Headline test for summaries: also a short unpunctuated line followed by more text."""
    followed = {index for (index, _), _next in zip(blocks, blocks[1:], strict=False)}

    def headline_of(block: Block) -> str | None:
        found = headline_text(block)
        if found is not None:
            return found
        index = next((i for i, b in blocks if b is block), None)
        if index in followed and looks_like_plain_heading(block.text):
            return plain(block.text)
        return None

    return headline_of


def _language(classification: Classification) -> str:
    return getattr(classification, "language", None) or "en"
