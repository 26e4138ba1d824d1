"""The fallback parser: a Paper with only what every genre shares (title, date, body).

Papers of no known genre (a forward plan, a consultation response) still have a title,
a date and a publisher, and a user files them by those. The title is the paper's own
heading, not the running header above it ("Fernhurst Borough Council – Forward Plan"
on a one-page paper the reader could not tell from the title); the date is a
"Published:" or short dated line near the top, else one in the running header or
footer; the body is the council or association named at the top or leading the title.
"""

from __future__ import annotations

import re

from boardpapers.model.classification import Classification
from boardpapers.model.layout import Block, BlockKind, Layout
from boardpapers.model.paper import Paper
from boardpapers.parsers.authority import paper_authority
from boardpapers.parsers.report import template_report
from boardpapers.parsers.report_front import (
    running_lines,
    running_text_date,
)
from boardpapers.parsers.report_heads import block_text
from boardpapers.vocab.dates import english_months, parse_date
from boardpapers.vocab.labels import clean_label_text

_TOP = 15
# "Local Government Association – consultation response": a publisher, a dash and a
# few words naming the kind of paper; the reader's running header, not a title.
_BANNER = re.compile(r"^(?P<body>[^–—|]{3,80}?)\s+[–—|-]\s+(?P<kind>[^–—|]{2,60})$")
# An organisation's name leading a line: "The Local Government Association (LGA) is…",
# "Local Government Association response to…", "About the Local Government Association".
_LEADING_BODY = re.compile(
    r"^(?:[Aa]bout\s+)?(?:[Tt]he\s+)?(?P<body>(?:[A-Z][\w&'’.-]*\s+){0,6}?(?:Council|Authority"
    r"|Association|Network|Partnership|Combined Authority))\b(?!\s+(?:Tax|Plan)\b)")
_DATED_LABEL = re.compile(r"^(?:published|issued|date(?: of (?:issue|publication))?|updated)"
                          r"\s*:?\s*(?P<date>.{6,40}?)(?:[.;]|$)", re.IGNORECASE)


def parse_other(layout: Layout, classification: Classification) -> Paper:
    top = [b for b in layout.content_blocks[:_TOP] if block_text(b)]
    title = _title(top)
    body = _body(layout, top, title)
    report = template_report(layout)
    return Paper(source=layout.source, genre=classification.genre, layout=layout,
                 genre_evidence=classification.evidence, title=title,
                 date=_date(layout, top), body=body,
                 authority=paper_authority(layout, body=body),
                 reports=(report,) if report is not None else ())


def _text(block: Block) -> str:
    return clean_label_text(block_text(block))


def _is_banner(text: str) -> bool:
    m = _BANNER.match(text)
    return bool(m and _LEADING_BODY.fullmatch(m.group("body").strip())
                and len(m.group("kind").split()) <= 6)


def _not_a_title(text: str) -> bool:
    """Running headers, bare organisation names, dates and page numbers."""
    return (len(text) > 200 or _is_banner(text) or text.isdigit()
            or (text.endswith(".") and len(text.split()) > 12)  # a sentence of prose
            or bool(_LEADING_BODY.fullmatch(text) or _LEADING_BODY.fullmatch(text.title()))
            or (len(text) <= 40 and parse_date(english_months(text)) is not None))


def _title(top: list[Block]) -> str | None:
    """The first line that is no furniture, with the last word(s) a converter wrapped
    onto a line of their own ("… reform of the New Homes" / "Bonus")."""
    lines = [_text(b) for b in top if b.kind is not BlockKind.TABLE]
    for pos, text in enumerate(lines):
        if _not_a_title(text):
            continue
        after = lines[pos + 1] if pos + 1 < len(lines) else ""
        if _wrapped_title_end(text, after):
            return f"{text} {after}"
        return text
    return lines[0] if lines else None


def _wrapped_title_end(title: str, after: str) -> bool:
    return (len(title.split()) >= 8 and not title.endswith((".", ":", ";", "?"))
            and 0 < len(after.split()) <= 3 and not _not_a_title(after)
            and not after.endswith((".", ":")))


def _date(layout: Layout, top: list[Block]) -> str | None:
    for block in top:
        text = _text(block)
        m = _DATED_LABEL.match(text)
        candidate = m.group("date") if m else text if len(text) <= 40 else ""
        iso = parse_date(english_months(candidate)) if candidate else None
        if iso:
            return iso
    return running_text_date(layout)


def _body(layout: Layout, top: list[Block], title: str | None) -> str | None:
    """The organisation leading the title, a banner, a top line or the running header
    ("Local Government Association response to…", "FERNHURST BOROUGH COUNCIL")."""
    lines = [_text(b) for b in top] + running_lines(layout)
    for text in [title or "", *lines]:
        m = _LEADING_BODY.match(text.title() if text.isupper() else text)
        if m:
            return text[m.start("body"):m.end("body")].strip()
    return None
