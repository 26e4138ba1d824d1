"""Harvesting an RSS or Atom feed: regional bodies' briefings, a council's new papers.

feedparser reads the feed (RSS 0.9x–2.0, Atom; it copes with the broken ones); each entry's
enclosures and links to papers are fetched, else the entry's own page, and ingested with
the feed and the entry kept as provenance (the feed's title as the site's name, the
entry's title and date).
"""

from __future__ import annotations

import time
from typing import Any

import feedparser

from boardpapers.harvest.run import Session, Target

PAPER_TYPES = ("application/pdf", "application/msword",
               "application/vnd.openxmlformats-officedocument.wordprocessingml.document")


def harvest(session: Session, url: str, *, since: str | None = None) -> None:
    """Every entry of the feed (published on or after ``since``) and its papers."""
    got = session.listing(url)
    if not got.ok:
        return
    feed = feedparser.parse(got.body)
    if not feed.entries and not feed.get("version"):  # feedparser knew no format in it
        problem = getattr(feed, "bozo_exception", None)
        session.reject(url, "not an RSS or Atom feed" +
                       (f": {' '.join(str(problem).split())}" if problem else ""))
        return
    name = str(feed.feed.get("title", "")).strip()
    targets = []
    for entry in feed.entries:
        day = _day(entry)
        if since and day and day < since:
            continue
        for address in entry_links(entry):
            targets.append(Target(url=address, site=name or url,
                                  title=str(entry.get("title", "")).strip(),
                                  committee=name, meeting_date=day))
    session.fetch_all(targets)


def entry_links(entry: Any) -> list[str]:
    """An entry's papers: its enclosures and links to papers, else its own page."""
    papers = [str(link.get("href")) for link in entry.get("links", [])
              if link.get("href") and (link.get("rel") == "enclosure"
                                       or link.get("type") in PAPER_TYPES)]
    if papers:
        return list(dict.fromkeys(papers))
    return [str(entry["link"])] if entry.get("link") else []


def _day(entry: Any) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", stamp) if stamp else None
