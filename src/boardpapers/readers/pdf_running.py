"""Running headers and footers: text repeated in the page margins, removed from the flow.

The decision (documented for parsers): a segment in the top or bottom margin band is
*running matter* when it is a bare page number ("3", "Page 3 of 12", "- 3 -") or when its
text, with page numbers and digits folded, recurs in the same band on at least two pages.
Running matter is dropped everywhere, even its first occurrence, so the report title or
"Document is Restricted" never interrupts a paragraph or poses as a heading; its distinct
texts are kept in ``Layout.metadata["running_headers"]`` / ``["running_footers"]`` (joined
by " | "). A margin stamp whose text differs page to page in more than its number, such as
ModernGov's "Agenda Item 4" on the first page of each report, is *not* folded: it recurs
with a different number, so it is kept once where it appears, and parsers can find it.
A publisher's banner ("Public Document Pack") is never running matter: it marks where
each pack of a bundle begins, even when it is stamped in the top margin of each.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from boardpapers.readers.pdf_lines import Line, Segment

BANNER = re.compile(r"^(?:public (?:document|reports) pack|supplementary (?:agenda |information )?"
                    r"pack|agenda pack)$", re.IGNORECASE)
MARGIN = 0.09  # fraction of the page height at top and bottom holding running matter
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–(\[]?\s*\d{1,4}\s*[-–)\]]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)
_PAGE_PHRASE = re.compile(r"\b(?:page\s*)\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PageLines:
    number: int
    height: float
    lines: tuple[Line, ...]


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


def _fold(text: str) -> str:
    """Text with its page-number phrase removed, so repeats on every page compare equal."""
    return " ".join(_PAGE_PHRASE.sub(" ", text).split()).strip(" -–|,").lower()


def _band(seg: Segment, height: float) -> str:
    if seg.bottom <= height * MARGIN:
        return "header"
    if seg.top >= height * (1 - MARGIN):
        return "footer"
    return ""


def _margin_lines(page: PageLines) -> list[Line]:
    """The lines reaching into the top or bottom margin band."""
    head, foot = page.height * MARGIN, page.height * (1 - MARGIN)
    return [ln for ln in page.lines if ln.top <= head or ln.bottom >= foot]


def remove_running_matter(pages: list[PageLines]) -> tuple[list[PageLines], dict[str, str]]:
    """Pages without their running headers and footers, and what those said."""
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    for page in pages:
        for line in _margin_lines(page):
            for seg in line.segments:
                band = _band(seg, page.height)
                if band:
                    seen[(band, _fold(seg.text))].add(page.number)
    running: dict[str, list[str]] = {"header": [], "footer": []}
    out: list[PageLines] = []
    for page in pages:
        kept_lines: list[Line] = []
        head, foot = page.height * MARGIN, page.height * (1 - MARGIN)
        for line in page.lines:
            if line.top > head and line.bottom < foot:  # wholly in the body of the page
                kept_lines.append(line)
                continue
            kept = []
            for seg in line.segments:
                band = _band(seg, page.height)
                if not band or BANNER.match(seg.text):
                    kept.append(seg)
                    continue
                key = (band, _fold(seg.text))
                if is_page_number(seg.text) or not key[1] or len(seen[key]) >= 2:
                    if key[1] and seg.text not in running[band] and \
                            not any(_fold(t) == key[1] for t in running[band]):
                        running[band].append(seg.text)
                    continue
                kept.append(seg)
            if len(kept) == len(line.segments):
                kept_lines.append(line)
            elif kept:
                kept_lines.append(Line(tuple(kept)))
        out.append(PageLines(page.number, page.height, tuple(kept_lines)))
    meta = {f"running_{band}s": " | ".join(_fold_display(t) for t in texts)
            for band, texts in running.items() if texts}
    return out, meta


def _fold_display(text: str) -> str:
    return " ".join(_PAGE_PHRASE.sub(" ", text).split()).strip(" -–|,")
