"""The weekly policy brief: what a regional body sends its member councils each week.

``gather_brief`` collects a week's content from the store into a ``Brief`` (plain values):
items from briefings dated that week and items added by hand; from that week's papers,
new reports and the recommendations they put up for decision; deadlines falling due and
meetings coming up after the issue date; vacancies; training and events. ``render_brief``
turns it into Markdown, plain text, e-mail HTML (inline CSS), a MIME e-mail holding the
text with the HTML as its alternative, or PDF (WeasyPrint).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate

from boardpapers.publish.feed import paper_link
from boardpapers.publish.ical import deadline_events, meeting_events
from boardpapers.publish.rows import Week, paper_json
from boardpapers.store import Store

TOP_ITEMS = 5  # headlines under "Top items this week"
SHORT_BODY_CHARS = 420  # an item's body is cut at a sentence end before this
LOOKAHEAD_DAYS = 28  # deadlines and meetings this far after the issue date
FORMATS = ("md", "html", "txt", "pdf", "eml")


@dataclass(frozen=True, slots=True)
class BriefItem:
    headline: str
    body: str = ""
    links: tuple[str, ...] = ()
    source: str = ""  # where it came from: a paper's title, "added by hand"
    top: bool = False
    when: str | None = None  # ISO day, for deadlines and meetings


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    items: tuple[BriefItem, ...]


@dataclass(frozen=True, slots=True)
class Brief:
    issue_date: str
    week_start: str
    week_end: str
    publisher: str
    top: tuple[str, ...]
    sections: tuple[Section, ...]

    def section(self, title: str) -> Section | None:
        return next((s for s in self.sections if s.title == title), None)


def shorten(text: str, limit: int = SHORT_BODY_CHARS) -> str:
    """The text cut at the last sentence end before ``limit`` (else at a word)."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind(".\n"))
    if end > limit // 3:
        return cut[:end + 1]
    return cut.rsplit(" ", 1)[0] + " …"


def _strip_links(body: str, links: tuple[str, ...]) -> str:
    """An item's body without the lines that only repeat its links."""
    kept = [line for line in body.splitlines()
            if not (line.strip() and any(line.strip().endswith(u) for u in links)
                    and len(line.strip()) <= max(map(len, links), default=0) + 30)]
    return "\n".join(kept)


def briefing_items(store: Store, week: Week, body: str | None) -> list[tuple[str, BriefItem]]:
    """(kind, item) for every item of briefings dated in the week, hand-added ones too."""
    docs = store.briefings(since=week.start.isoformat(), until=week.end.isoformat(),
                           body=body)
    out: list[tuple[str, BriefItem]] = []
    for doc in docs:
        hand = doc["path"].startswith("item:")
        source = "added by hand" if hand else (doc["title"] or "a briefing")
        for item in paper_json(store, doc["id"]).get("items") or ():
            links = tuple(item.get("links") or ())
            text = shorten(_strip_links(item.get("body") or "", links))
            out.append((item.get("kind") or "news",
                        BriefItem(item["headline"], text, links, source,
                                  bool(item.get("highlighted")))))
    return out


def report_items(store: Store, week: Week, body: str | None,
                 base_url: str | None) -> tuple[list[BriefItem], list[BriefItem]]:
    """New reports in the week's papers, and the recommendations they put up for decision."""
    start, end = week.start.isoformat(), week.end.isoformat()
    rows = store.reports_between(start, end, body)
    recs = store.recommendations_between(start, end, body)
    by_report: dict[tuple[str, int], list[str]] = {}
    for rec in recs:
        by_report.setdefault((rec["doc_id"], rec["report_idx"]), []).append(rec["text"])
    reports: list[BriefItem] = []
    decisions: list[BriefItem] = []
    for r in rows:
        link = (paper_link(r["doc_id"], r["path"], base_url),)
        source = " · ".join(x for x in (r["body"], r["date"]) if x)
        title = r["title"] or r["paper"] or "Report"
        reports.append(BriefItem(title, shorten(r["purpose"] or r["summary"] or ""), link,
                                 source))
        asked = by_report.get((r["doc_id"], r["idx"]))
        if asked:
            decisions.append(BriefItem(title, "\n".join(f"• {a}" for a in asked), link,
                                       source))
    return reports, decisions


def coming_up(store: Store, day: dt.date, body: str | None) -> tuple[list[BriefItem],
                                                                        list[BriefItem]]:
    """Deadlines falling due and meetings held from the issue date to LOOKAHEAD_DAYS on."""
    first, last = day.isoformat(), (day + dt.timedelta(days=LOOKAHEAD_DAYS)).isoformat()
    deadlines = [BriefItem(e.summary.removeprefix("Deadline: "), "", (), "", when=e.day)
                 for e in deadline_events(store, body) if first <= e.day <= last]
    meetings = [BriefItem(e.summary, " · ".join(x for x in (e.time, e.location) if x), (),
                          "", when=e.day)
                for e in meeting_events(store, body) if first <= e.day <= last]
    unique = {(m.headline, m.when): m for m in meetings}
    return (sorted(deadlines, key=lambda i: i.when or ""),
            sorted(unique.values(), key=lambda i: (i.when or "", i.body)))


def gather_brief(store: Store, week_of: str, *, body: str | None = None,
                 base_url: str | None = None, publisher: str | None = None) -> Brief:
    """Everything the brief for the week holding ``week_of`` says (issued on that day)."""
    week = Week.of(week_of)
    found = briefing_items(store, week, body)
    news = [i for kind, i in found if kind == "news"]
    vacancies = [i for kind, i in found if kind == "vacancy"]
    events = [i for kind, i in found if kind == "event"]
    reports, decisions = report_items(store, week, body, base_url)
    deadlines, meetings = coming_up(store, week.day, body)
    sections = tuple(Section(t, tuple(items)) for t, items in (
        ("News", news), ("New reports", reports), ("Up for decision", decisions),
        ("Deadlines", deadlines), ("Meetings coming up", meetings),
        ("Vacancies", vacancies), ("Upcoming training and events", events)) if items)
    return Brief(week.day.isoformat(), week.start.isoformat(), week.end.isoformat(),
                 publisher or body or "boardpapers", _top(found, reports), sections)


def _top(found: list[tuple[str, BriefItem]], reports: list[BriefItem]) -> tuple[str, ...]:
    """Highlighted items first (as their briefings listed them), then news, then reports."""
    ordered = [i for _, i in found if i.top] + [i for k, i in found if k == "news"] + reports
    top: list[str] = []
    for item in ordered:
        if item.headline not in top:
            top.append(item.headline)
    return tuple(top[:TOP_ITEMS])


def render_brief(brief: Brief, fmt: str) -> str | bytes:
    """The brief as Markdown, plain text or HTML (str), or PDF (bytes)."""
    from boardpapers.publish.render import html_to_pdf, render
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt == "pdf":
        return html_to_pdf(render("brief.html", brief=brief, anchor=_anchor, pdf=True))
    if fmt == "eml":
        return brief_email(brief).as_bytes()
    return render(f"brief.{fmt}", brief=brief, anchor=_anchor, pdf=False)


def brief_email(brief: Brief) -> EmailMessage:
    """A MIME message ready to send: the plain text, with the HTML as its alternative."""
    message = EmailMessage()
    message["Subject"] = f"Policy brief: {brief.publisher}, {brief.issue_date}"
    message["Date"] = formatdate(dt.datetime.combine(
        dt.date.fromisoformat(brief.issue_date), dt.time(9)).timestamp(), localtime=False)
    message.set_content(str(render_brief(brief, "txt")))
    message.add_alternative(str(render_brief(brief, "html")), subtype="html")
    return message


def _anchor(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:60]
