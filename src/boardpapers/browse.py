"""Browsing the store: papers, meetings, boards, councils and recommendations.

The questions the web UI and the HTTP API ask, answered from the stored rows. Lists come
back a page at a time with an opaque cursor (``Page``) so a caller never builds SQL or
offsets itself. The store answers (``Store.paper_list`` and friends); the values reach it
checked here.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from boardpapers.model.errors import QuerySyntaxError
from boardpapers.query import normalise_filter
from boardpapers.registry import authority as register_entry
from boardpapers.store import Store
from boardpapers.store.base import MENTION_KEY
from boardpapers.store.rows import title_key

MAX_PAGE = 200


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a list and the cursor of the next (None on the last page)."""

    items: list[dict[str, Any]]
    next_cursor: str | None = None
    total: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"items": self.items, "next_cursor": self.next_cursor, "total": self.total}


@dataclass(frozen=True, slots=True)
class Window:
    """Where a page starts and how long it is, decoded from a cursor."""

    offset: int = 0
    limit: int = 20

    @classmethod
    def of(cls, cursor: str | None, limit: int) -> Window:
        return cls(decode_cursor(cursor), max(1, min(limit, MAX_PAGE)))


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"o": offset}).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """The offset a cursor stands for; a cursor not made here is a QuerySyntaxError."""
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        offset = json.loads(raw)["o"]
    except (binascii.Error, ValueError, KeyError, TypeError):
        raise QuerySyntaxError("cursor: not one this server gave out; start again without "
                               "it") from None
    if not isinstance(offset, int) or offset < 0:
        raise QuerySyntaxError("cursor: not one this server gave out; start again without it")
    return offset


def _page(rows: list[dict[str, Any]], window: Window, total: int | None = None) -> Page:
    """Rows fetched with LIMIT limit+1: the extra row says whether a next page exists."""
    more = len(rows) > window.limit
    return Page(rows[:window.limit],
                encode_cursor(window.offset + window.limit) if more else None, total)


# The sort key of each keyset-paged list: the last row's values that the next page
# starts after (the store orders papers and meetings newest first by these).
PAPER_KEY = ("date", "path", "id")
MEETING_KEY = ("date", "path", "doc_id")


def encode_key(key: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps({"k": key}).encode()).decode().rstrip("=")


def newest_first_key(key: Any) -> bool:
    """A NewestFirst key: [date or None, path, id]."""
    return (isinstance(key, list) and len(key) == 3 and isinstance(key[1], str)
            and isinstance(key[2], str) and (key[0] is None or isinstance(key[0], str)))


def place_key(key: Any) -> bool:
    """A key of a list ordered newest first, then by path, paper and place in it (facts,
    a council's mentions): [date or None, path, paper id, place]."""
    return (isinstance(key, list) and len(key) == 4
            and (key[0] is None or isinstance(key[0], str)) and isinstance(key[1], str)
            and isinstance(key[2], str) and isinstance(key[3], int))


def decode_key(cursor: str | None,
               valid: Callable[[Any], bool] = newest_first_key) -> list[Any] | None:
    """The sort key a keyset cursor carries; a cursor not made here (or a key of another
    list's shape) is a QuerySyntaxError."""
    if not cursor:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))["k"]
    except (binascii.Error, ValueError, KeyError, TypeError):
        key = None
    if not valid(key):
        raise QuerySyntaxError("cursor: not one this server gave out; start again without it")
    return list(key)


def key_page(rows: list[dict[str, Any]], size: int, fields: tuple[str, ...]) -> Page:
    """Rows fetched with LIMIT size+1: the extra row says a next page exists, and the
    last row shown is where it starts."""
    shown = rows[:size]
    following = encode_key([shown[-1][f] for f in fields]) if len(rows) > size else None
    return Page(shown, following)


def _dates(since: str | None, until: str | None) -> dict[str, str | None]:
    return {"since": normalise_filter("since", since) if since else None,
            "until": normalise_filter("until", until) if until else None}


def list_papers(store: Store, *, cursor: str | None = None, limit: int = 20,
                genre: str | None = None, body: str | None = None,
                authority: str | None = None, since: str | None = None,
                until: str | None = None) -> Page:
    """Stored papers, newest first (undated last), a page after the cursor's paper; older
    versions of a file re-ingested stay hidden."""
    size = max(1, min(limit, MAX_PAGE))
    rows = store.paper_list(genre=normalise_filter("genre", genre) if genre else None,
                            body=body, authority=authority, **_dates(since, until),
                            after=decode_key(cursor), limit=size + 1)
    return key_page(rows, size, PAPER_KEY)


def paper_blocks(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """A stored paper's blocks in reading order, with their report and section."""
    return store.rows_of(doc_id, "blocks")


def list_meetings(store: Store, *, cursor: str | None = None, limit: int = 20,
                  body: str | None = None, authority: str | None = None,
                  since: str | None = None, until: str | None = None) -> Page:
    """Meetings, newest first, each with the paper it was read from."""
    size = max(1, min(limit, MAX_PAGE))
    rows = store.meeting_list(body=body, authority=authority, **_dates(since, until),
                              after=decode_key(cursor), limit=size + 1)
    return key_page(rows, size, MEETING_KEY)


def meeting(store: Store, doc_id: str) -> dict[str, Any] | None:
    """One meeting: members by group and role, agenda items linked to the reports of the
    same paper, and the board's meetings before and after it."""
    found = store.meeting_of(doc_id)
    if found is None:
        return None
    found["members"] = store.rows_of(doc_id, "members")
    items = store.rows_of(doc_id, "agenda_items")
    reports = store.rows_of(doc_id, "reports")
    by_item = {r["agenda_item"]: r["idx"] for r in reports if r["agenda_item"]}
    by_title = {title_key(r["title"]): r["idx"] for r in reports if r["title"]}
    for item in items:
        item["report_idx"] = by_item.get(item["number"], by_title.get(title_key(item["title"])))
        item["presenters"] = [p for p in (item["presenters"] or "").split("; ") if p]
    found["items"] = items
    found["groups"] = members_by_group(found["members"])
    siblings = store.board_meetings(found["body"], found["authority"])
    earlier = [m for m in siblings if (m["date"] or "") < (found["date"] or "")]
    later = [m for m in siblings if (m["date"] or "") > (found["date"] or "")]
    found["previous"] = earlier[-1] if earlier else None
    found["next"] = later[0] if later else None
    return found


def list_meetings_of_doc(store: Store, doc_id: str) -> dict[str, Any] | None:
    return store.meeting_of(doc_id)


ROLE_ORDER = ("chair", "vice_chair", "deputy_chair", "member", "substitute", "observer")


def members_by_group(members: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Members grouped by political group (named groups first), chairs first in each."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for m in members:
        groups.setdefault(m["group_name"] or "", []).append(m)

    def rank(m: dict[str, Any]) -> int:
        role = m["role"] or "member"
        return ROLE_ORDER.index(role) if role in ROLE_ORDER else len(ROLE_ORDER)

    return [(name or "No group given", sorted(ms, key=rank))
            for name, ms in sorted(groups.items(), key=lambda g: (not g[0], g[0]))]


def board(store: Store, body: str, authority: str | None = None,
          today: str | None = None) -> dict[str, Any] | None:
    """A board: its meetings past and next, its latest members by group and role, and
    its other papers."""
    meetings = store.board_meetings(body, authority)
    papers = store.board_papers(body, authority)
    if not meetings and not papers:
        return None
    today = today or dt.date.today().isoformat()
    past = [m for m in meetings if m["date"] and m["date"] < today]
    upcoming = sorted({d for m in meetings for d in (m["date"], m["next_date"])
                       if d and d >= today})
    members: list[dict[str, Any]] = []
    if meetings:
        members = store.rows_of(meetings[-1]["doc_id"], "members")
    return {"body": body, "authority": authority, "meetings": meetings,
            "past": list(reversed(past)), "upcoming": upcoming, "papers": papers,
            "members": members, "groups": members_by_group(members)}


def council(store: Store, key: str, *, cursor: str | None = None,
            limit: int = 50) -> dict[str, Any] | None:
    """A council by register code or by the name papers give it: its register entry,
    every mention across papers with the passage around it, what it takes part in (each
    report or headed item naming it) and the papers naming it."""
    size = max(1, min(limit, MAX_PAGE))
    code = key.upper()
    found = store.council_mentions(code, key, limit=size + 1,
                                   after=decode_key(cursor, place_key))
    entry = register_entry(code)
    if found["head"] is None and entry is None:
        return None
    out: dict[str, Any] = found["head"] or {"code": code, "mentions": 0, "papers": 0}
    if entry is not None:
        out["register"] = dataclasses.asdict(entry)
    shown = found["mentions"][:size]
    following = (encode_key([shown[-1][k] for k in MENTION_KEY])
                 if len(found["mentions"]) > size else None)
    out["mentions_page"] = Page(shown, following, out["mentions"])
    out["programmes"], out["papers_list"] = found["programmes"], found["papers"]
    return out


def recommendations(store: Store, *, cursor: str | None = None, limit: int = 50,
                    **filters: str | None) -> Page:
    """A page of recommendations with what became of each (decisions/stored.py)."""
    from boardpapers.decisions.stored import recommendations as linked
    return linked(store, cursor=cursor, limit=limit, **filters)


def recommendation_rows(store: Store, **filters: str | None) -> list[dict[str, Any]]:
    """Every recommendation with what became of it (decisions/stored.py)."""
    from boardpapers.decisions.stored import recommendation_rows as linked
    return linked(store, **filters)


def upcoming(store: Store, today: str | None = None, limit: int = 10) -> dict[str, Any]:
    """What is coming: meetings on or after today and deadlines papers set."""
    today = today or dt.date.today().isoformat()
    return {"today": today, **store.upcoming(today, limit)}


def slice_page(rows: list[dict[str, Any]], window: Window, total: int | None = None) -> Page:
    """A page of a list already held in full (or up to the end of this page)."""
    return _page(rows[window.offset:window.offset + window.limit + 1], window, total)


def report_paragraphs(store: Store, doc_id: str, key: str | None) -> list[str]:
    """The text of one report of a paper (by title key), paragraph by paragraph; the whole
    paper when the report's blocks are not marked."""
    return store.report_text(doc_id, key)
