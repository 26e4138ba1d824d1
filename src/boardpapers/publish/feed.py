"""An Atom feed (RFC 4287) of new papers, optionally only those a saved search finds, so
officers can follow a board, a council or a topic in a feed reader. Entry ids are the
papers' SHA-256 (tag: URIs), so a reader never shows the same paper twice."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from boardpapers.store import Store

FEED_LIMIT = 50  # entries in a feed
TAG_AUTHORITY = "boardpapers,2026"  # tag: URI authority of entry and feed ids
GENRE_WORDS = {"agenda_pack": "Agenda pack", "report": "Report", "agenda": "Agenda",
               "minutes": "Minutes", "agenda_and_minutes": "Agenda and minutes",
               "briefing": "Briefing", "summary": "Summary", "other": "Paper"}


@dataclass(frozen=True, slots=True)
class Entry:
    doc_id: str
    title: str
    updated: str  # when it was stored, ISO with offset
    link: str
    summary: str
    date: str | None = None
    body: str | None = None


def paper_link(doc_id: str, path: str, base_url: str | None) -> str:
    """The paper's page on the web UI when a base URL is given, else a file: URI."""
    if base_url:
        return f"{base_url.rstrip('/')}/papers/{doc_id}"
    from pathlib import Path
    return Path(path).resolve().as_uri()


def new_papers(store: Store, *, query: str | None = None, body: str | None = None,
               limit: int = FEED_LIMIT, base_url: str | None = None) -> list[Entry]:
    """The newest stored papers (by when they were stored), or those a search selects."""
    ids = _search_ids(store, query, limit) if query else None
    if ids is not None and not ids:
        return []
    rows = store.newest_papers(body=body, ids=ids, limit=limit)
    return [Entry(r["id"], r["title"] or r["path"], _stamp(r["ingested_at"]),
                  paper_link(r["id"], r["path"], base_url), _summary(r), r["date"],
                  r["body"]) for r in rows]


def _search_ids(store: Store, query: str, limit: int) -> list[str]:
    from boardpapers.model.query import Filters
    from boardpapers.search import search
    result = search(store, query, filters=Filters(), limit=limit, per_paper=True,
                    order="date")
    return [h.doc_id for h in result.hits]


def _stamp(value: str) -> str:
    when = dt.datetime.fromisoformat(value)
    return (when if when.tzinfo else when.replace(tzinfo=dt.UTC)).isoformat()


def _summary(row: dict[str, str | None]) -> str:
    parts = [GENRE_WORDS.get(row["genre"] or "", "Paper")]
    if row["body"]:
        parts.append(f"of {row['body']}")
    if row["authority"] and row["authority"] != row["body"]:
        parts.append(f"({row['authority']})")
    if row["date"]:
        parts.append(f"dated {row['date']}")
    return " ".join(parts)


def to_atom(entries: list[Entry], *, title: str, feed_id: str,
            link: str | None = None) -> bytes:
    """The Atom document; updated is the newest entry's time (fixed for no entries)."""
    from feedgen.feed import FeedGenerator
    fg = FeedGenerator()
    fg.id(f"tag:{TAG_AUTHORITY}:feed/{feed_id}")
    fg.title(title)
    fg.author({"name": "boardpapers"})
    if link:
        fg.link(href=link, rel="self")
    fg.updated(max((e.updated for e in entries), default="2000-01-01T00:00:00+00:00"))
    fg.generator("boardpapers")
    for e in reversed(entries):  # feedgen prepends: newest ends up first
        fe = fg.add_entry()
        fe.id(f"tag:{TAG_AUTHORITY}:paper/{e.doc_id}")
        fe.title(e.title)
        fe.updated(e.updated)
        fe.link(href=e.link)
        fe.summary(e.summary)
        if e.date:
            fe.published(f"{e.date}T00:00:00+00:00")
    return bytes(fg.atom_str(pretty=True))
