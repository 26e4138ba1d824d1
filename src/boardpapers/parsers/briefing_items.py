"""A bulletin's stories: headline, body, links, dates, and whether it is news, a vacancy
or an event.

Bulletins set out headlines as markdown headings, bold lines or ALL CAPS lines. A headline
with no text of its own before the next headline is a section ("WORK WITH US!",
"## Events"): it names the kind of what follows. A declared level (markdown, HTML) scopes
a section over deeper headings; an ALL CAPS section only covers the next headline, or
later ones that read as the same kind.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from boardpapers.facts.dates import find_dates
from boardpapers.model.layout import Block, BlockKind
from boardpapers.model.paper import BriefingItem
from boardpapers.parsers.block_text import bullet_text, find_urls, headline_text, markdown_level
from boardpapers.vocab.text import fold

_VACANCY_HEADLINE = re.compile(
    r"\b(?:vacanc(?:y|ies)|jobs?|job\s+opportunit\w+|work\s+with\s+us|join\s+(?:our|the)\s+team|"
    r"we'?re\s+(?:hiring|recruiting)|careers?|secondment\s+opportunit\w+|swyddi|swydd\s+wag|"
    r"cyfleoedd\s+swydd\w*)\b", re.IGNORECASE)
_EVENT_HEADLINE = re.compile(
    r"\b(?:training|events?|webinars?|conferences?|seminars?|workshops?|masterclass(?:es)?|"
    r"save\s+the\s+date|courses?|summit|roadshows?|hyfforddiant|digwyddiad\w*|cynhadledd|"
    r"gweminar\w*)\b", re.IGNORECASE)
_VACANCY_BODY = (r"\bsalary\b", r"\bper\s+annum\b", r"\bclosing\s+date\b", r"\bapply\b",
                 r"\bjob\s+description\b", r"\bfixed[- ]term\b", r"\b(?:full|part)[- ]time\b",
                 r"\bsecondment\b", r"\bthe\s+(?:post|role)\b")
_EVENT_BODY = re.compile(
    r"\bbook\s+(?:your|a|now|here|at|online)\b|\bbooking\b|\bregister\s+(?:now|here|online|at|"
    r"your)\b|\bsign\s+up\b|\bwebinar\b|\bplaces\s+(?:are\s+)?limited\b", re.IGNORECASE)
_STOPWORDS = frozenset("the and for with this that from into our your new are has have will "
                       "its their about over week".split())


@dataclass
class Draft:
    """An item being read: its headline block, the section over it, the blocks of its body."""

    index: int
    headline: str
    level: int
    section: str | None = None  # the section headline over this item, if any
    section_kind: str | None = None
    section_certain: bool = False  # directly under it, or under a section of lower level
    lines: list[tuple[int, str]] = field(default_factory=list)


def headline_kind(text: str) -> str | None:
    if _VACANCY_HEADLINE.search(text):
        return "vacancy"
    if _EVENT_HEADLINE.search(text):
        return "event"
    return None


def body_kind(text: str) -> str | None:
    if sum(1 for p in _VACANCY_BODY if re.search(p, text, re.IGNORECASE)) >= 2:
        return "vacancy"
    return "event" if _EVENT_BODY.search(text) else None


def block_line(block: Block) -> str:
    """A body block's text, list items keeping a bullet so the body reads as written."""
    item = bullet_text(block)
    return f"• {item}" if item is not None else fold(block.text)


def drafts_from(blocks: list[tuple[int, Block]],
                headline_of: Callable[[Block], str | None] = headline_text,
                ) -> tuple[list[Draft], list[tuple[int, str]]]:
    """Group blocks under headlines; also return the lines that came before any headline."""
    drafts: list[Draft] = []
    before: list[tuple[int, str]] = []
    section: Draft | None = None
    current: Draft | None = None
    for index, block in blocks:
        headline = headline_of(block)
        if headline is None:
            (current.lines if current else before).append((index, block_line(block)))
            continue
        level = markdown_level(block)
        fresh = current is not None and not current.lines
        if fresh:
            section = current  # a headline with no text of its own is a section
        elif current is not None:
            drafts.append(current)
        if section is not None and not fresh and section.level and level <= section.level:
            section = None
        current = Draft(index, headline, level)
        if section is not None:
            current.section = section.headline
            current.section_kind = headline_kind(section.headline)
            current.section_certain = fresh or bool(section.level and level > section.level)
    if current is not None and current.lines:
        drafts.append(current)
    return _typed_numbers_dropped(drafts, before, blocks)


def _smaller_than(block: Block, story: Block) -> bool:
    """A bold line, or a heading set smaller than the numbered stories' headings."""
    if block.kind is not BlockKind.HEADING:
        return True
    return story.kind is BlockKind.HEADING and block.level > story.level > 0


_BYLINE = re.compile(r"^(?:(?:a )?(?:message|letter|update|note) )?(?:from|by)\s", re.I)
_TYPED_NUMBER = re.compile(r"^\d{1,2}[.)]\s+(?=\S)")


def _typed_numbers_dropped(drafts: list[Draft], before: list[tuple[int, str]],
                           blocks: list[tuple[int, Block]],
                           ) -> tuple[list[Draft], list[tuple[int, str]]]:
    """Stories numbered "1. Budget consultation opens", "2. …" are headlined without their
    numbers, and a bold line before the first of them ("From the Chief Executive, …") is
    masthead, not a story."""
    numbered = [d for d in drafts if _TYPED_NUMBER.match(d.headline)]
    if len(numbered) < 2:
        return drafts, before
    first = drafts.index(numbered[0])
    by_index = dict(blocks)
    lead = drafts[:first]
    if lead and all(_BYLINE.match(d.headline) or _smaller_than(
            by_index[d.index], by_index[numbered[0].index]) for d in lead):
        before = before + [line for d in lead for line in [(d.index, d.headline), *d.lines]]
        drafts = drafts[first:]
    for d in drafts:
        d.headline = _TYPED_NUMBER.sub("", d.headline)
    return drafts, before


def item_from_draft(draft: Draft, ref: dt.date | None) -> BriefingItem:
    body = "\n".join(text for _, text in draft.lines)
    own = headline_kind(draft.headline) or body_kind(body)
    section = draft.section
    if section and not draft.section_certain and (own is None or own != draft.section_kind):
        section = None  # an ALL CAPS section reaches further only over items of its kind
    section_kind = draft.section_kind if section else None
    kind = headline_kind(draft.headline) or section_kind or own or "news"
    links = list(dict.fromkeys(find_urls(draft.headline) + find_urls(body)))
    return BriefingItem(kind=kind, headline=draft.headline, body=body, links=tuple(links),
                        dates=tuple(item_dates(draft, ref)), first_block=draft.index,
                        section=section)


def item_dates(draft: Draft, ref: dt.date | None) -> list[str]:
    """ISO days and periods the item mentions, in order, once each; unreadable ones left out."""
    out: list[str] = []
    for index, text in [(draft.index, draft.headline), *draft.lines]:
        for fact in find_dates(text, index, ref):
            if not fact.parsed:
                continue
            for value in (fact.date or fact.period, getattr(fact, "end_date", None)):
                if value and value not in out:
                    out.append(value)
    return out


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9£]+", text.lower())
            if len(w) >= 3 and w not in _STOPWORDS}


def highlighted_items(items: list[BriefingItem], highlights: list[str]) -> set[int]:
    """Positions of the items the "Top items" list names (best word overlap, at least half)."""
    chosen: set[int] = set()
    for highlight in highlights:
        wanted = words(highlight)
        best, best_score = None, 0.0
        for k, item in enumerate(items):
            have = words(item.headline)
            if not wanted or not have or k in chosen:
                continue
            score = len(wanted & have) / min(len(wanted), len(have))
            if score > best_score:
                best, best_score = k, score
        if best is not None and best_score >= 0.5:
            chosen.add(best)
    return chosen
