"""Browsing the store: papers, meetings, boards, councils and recommendations.

The questions the web UI and the HTTP API ask, answered from the stored rows. Lists come
back a page at a time with an opaque cursor (``Page``) so a caller never builds SQL or
offsets itself; every user value reaches the database as a bound parameter.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import json
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol, cast

from sqlalchemy import text
from sqlalchemy.engine import Connection

from boardpapers.model.errors import QuerySyntaxError, StoreError
from boardpapers.query import normalise_filter
from boardpapers.registry import authority as register_entry
from boardpapers.store import Store
from boardpapers.store.queries import CURRENT_SQL
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


@dataclass(frozen=True, slots=True)
class NewestFirst:
    """A list ordered newest first (undated last), then by path and id: the columns, and
    the names they have in a row. Its pages are found by the last row's key (keyset
    pagination), so a page costs the same however deep, and rows stored meanwhile
    neither repeat nor go missing."""

    date: str
    path: str
    ident: str
    fields: tuple[str, str, str]

    def order_by(self) -> str:
        return f"{self.date} IS NULL, {self.date} DESC, {self.path}, {self.ident}"

    def key(self, row: dict[str, Any]) -> list[Any]:
        return [row[f] for f in self.fields]


NEWEST_PAPERS = NewestFirst("d.date", "d.path", "d.id", ("date", "path", "id"))
NEWEST_MEETINGS = NewestFirst("m.date", "d.path", "m.doc_id", ("date", "path", "doc_id"))


def encode_key(key: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps({"k": key}).encode()).decode().rstrip("=")


def decode_key(cursor: str | None) -> list[Any] | None:
    """The sort key a keyset cursor carries; a cursor not made here is a QuerySyntaxError."""
    if not cursor:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))["k"]
    except (binascii.Error, ValueError, KeyError, TypeError):
        key = None
    if not (isinstance(key, list) and len(key) == 3 and isinstance(key[1], str)
            and isinstance(key[2], str) and (key[0] is None or isinstance(key[0], str))):
        raise QuerySyntaxError("cursor: not one this server gave out; start again without it")
    return key


def after_key(where: Where, key: list[Any] | None, order: NewestFirst) -> None:
    """Rows after ``key`` in ``order``: older, or as old and later by path and id."""
    if key is None:
        return
    date, path, ident = order.date, order.path, order.ident
    later = f"({path} > :k_path OR ({path} = :k_path AND {ident} > :k_id))"
    if key[0] is None:
        where.add(f"({date} IS NULL AND {later})", k_path=key[1], k_id=key[2])
    else:
        where.add(f"({date} IS NULL OR {date} < :k_date OR ({date} = :k_date AND {later}))",
                  k_date=key[0], k_path=key[1], k_id=key[2])


def key_page(rows: list[dict[str, Any]], size: int, order: NewestFirst) -> Page:
    """Rows fetched with LIMIT size+1: the extra row says a next page exists, and the
    last row shown is where it starts."""
    shown = rows[:size]
    following = encode_key(order.key(shown[-1])) if len(rows) > size else None
    return Page(shown, following)


@dataclass(slots=True)
class Where:
    """WHERE clauses and their bound parameters, built one filter at a time."""

    clauses: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)

    def add(self, clause: str, **params: Any) -> None:
        self.clauses.append(clause)
        self.params.update(params)

    def sql(self) -> str:
        return ("WHERE " + " AND ".join(self.clauses) + " ") if self.clauses else ""


def date_filters(where: Where, column: str, since: str | None, until: str | None) -> None:
    if since:
        where.add(f"{column} >= :since", since=normalise_filter("since", since))
    if until:
        where.add(f"{column} <= :until", until=normalise_filter("until", until))


class _Connectable(Protocol):
    def connect(self) -> AbstractContextManager[Connection]: ...


def sql_rows(store: Store, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows of plain SQL that SQLite and PostgreSQL both run, from a SQL-backed store."""
    if not callable(getattr(store, "connect", None)):
        raise StoreError(f"{store.url}: this store cannot be browsed (no SQL connection)")
    with cast(_Connectable, store).connect() as conn:
        return [dict(r) for r in conn.execute(text(sql), params).mappings()]


PAPER_COLUMNS = "d.id, d.path, d.format, d.pages, d.genre, d.title, d.body, d.authority, d.date"


def list_papers(store: Store, *, cursor: str | None = None, limit: int = 20,
                genre: str | None = None, body: str | None = None,
                authority: str | None = None, since: str | None = None,
                until: str | None = None) -> Page:
    """Stored papers, newest first (undated last), a page after the cursor's paper."""
    size = max(1, min(limit, MAX_PAGE))
    where = Where()
    where.add(CURRENT_SQL)  # older versions of a file re-ingested stay hidden
    if genre:
        where.add("d.genre = :genre", genre=normalise_filter("genre", genre))
    if body:
        where.add("d.body = :body", body=body)
    if authority:
        where.add("d.authority = :authority", authority=authority)
    date_filters(where, "d.date", since, until)
    after_key(where, decode_key(cursor), NEWEST_PAPERS)
    sql = (f"SELECT {PAPER_COLUMNS} FROM documents d {where.sql()}"
           f"ORDER BY {NEWEST_PAPERS.order_by()} LIMIT :lim")
    rows = sql_rows(store, sql, {**where.params, "lim": size + 1})
    return key_page(rows, size, NEWEST_PAPERS)


def paper_blocks(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """A stored paper's blocks in reading order, with their report and section."""
    return sql_rows(store, "SELECT idx, kind, text, page, level, marker, depth, report_idx, "
                 "section_kind, heading FROM blocks WHERE doc_id = :d ORDER BY idx",
                 {"d": doc_id})


def list_meetings(store: Store, *, cursor: str | None = None, limit: int = 20,
                  body: str | None = None, authority: str | None = None,
                  since: str | None = None, until: str | None = None) -> Page:
    """Meetings, newest first, each with the paper it was read from."""
    size = max(1, min(limit, MAX_PAGE))
    where = Where()
    where.add(CURRENT_SQL)
    if body:
        where.add("m.body = :body", body=body)
    if authority:
        where.add("d.authority = :authority", authority=authority)
    date_filters(where, "m.date", since, until)
    after_key(where, decode_key(cursor), NEWEST_MEETINGS)
    sql = ("SELECT m.doc_id, m.body, d.authority, m.date, m.time, m.venue, m.online, "
           "m.next_date, d.title, d.genre, d.path FROM meetings m JOIN documents d "
           f"ON d.id = m.doc_id {where.sql()}ORDER BY {NEWEST_MEETINGS.order_by()} "
           "LIMIT :lim")
    rows = sql_rows(store, sql, {**where.params, "lim": size + 1})
    return key_page(rows, size, NEWEST_MEETINGS)


def meeting(store: Store, doc_id: str) -> dict[str, Any] | None:
    """One meeting: members by group and role, agenda items linked to the reports of the
    same paper, and the board's meetings before and after it."""
    found = list_meetings_of_doc(store, doc_id)
    if found is None:
        return None
    found["members"] = sql_rows(store, "SELECT name, role, group_name, authority FROM members "
                             "WHERE doc_id = :d ORDER BY idx", {"d": doc_id})
    items = sql_rows(store, "SELECT number, title, pages, presenters, confidential, decision "
                  "FROM agenda_items WHERE doc_id = :d ORDER BY idx", {"d": doc_id})
    reports = sql_rows(store, "SELECT idx, title, agenda_item FROM reports WHERE doc_id = :d",
                    {"d": doc_id})
    by_item = {r["agenda_item"]: r["idx"] for r in reports if r["agenda_item"]}
    by_title = {title_key(r["title"]): r["idx"] for r in reports if r["title"]}
    for item in items:
        item["report_idx"] = by_item.get(item["number"], by_title.get(title_key(item["title"])))
        item["presenters"] = [p for p in (item["presenters"] or "").split("; ") if p]
    found["items"] = items
    found["groups"] = members_by_group(found["members"])
    siblings = board_meetings(store, found["body"], found["authority"])
    earlier = [m for m in siblings if (m["date"] or "") < (found["date"] or "")]
    later = [m for m in siblings if (m["date"] or "") > (found["date"] or "")]
    found["previous"] = earlier[-1] if earlier else None
    found["next"] = later[0] if later else None
    return found


def list_meetings_of_doc(store: Store, doc_id: str) -> dict[str, Any] | None:
    rows = sql_rows(store, "SELECT m.doc_id, m.body, d.authority, m.date, m.time, m.venue, "
                 "m.online, m.next_date, d.title, d.genre FROM meetings m JOIN documents d "
                 "ON d.id = m.doc_id WHERE m.doc_id = :d", {"d": doc_id})
    return rows[0] if rows else None


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


def _same(column: str, param: str) -> str:
    """Null-safe, case-blind equality both back ends read (SQLite's IS is not
    PostgreSQL's; papers write one board as 'Transport Committee' and 'TRANSPORT
    COMMITTEE')."""
    return f"lower(coalesce({column}, '')) = lower(coalesce(CAST(:{param} AS TEXT), ''))"


def board_meetings(store: Store, body: str | None,
                   authority: str | None) -> list[dict[str, Any]]:
    """Every meeting of one board (a body of one authority), oldest first."""
    return sql_rows(store, "SELECT m.doc_id, m.date, m.time, m.venue, m.next_date, d.title, "
                 "d.genre FROM meetings m JOIN documents d ON d.id = m.doc_id "
                 f"WHERE {_same('m.body', 'body')} AND {_same('d.authority', 'authority')} "
                 "ORDER BY m.date IS NULL, m.date, d.path",
                 {"body": body, "authority": authority})


def board(store: Store, body: str, authority: str | None = None,
          today: str | None = None) -> dict[str, Any] | None:
    """A board: its meetings past and next, its latest members by group and role, and
    its other papers."""
    meetings = board_meetings(store, body, authority)
    papers = sql_rows(store, f"SELECT {PAPER_COLUMNS} FROM documents d "
                   f"WHERE {_same('d.body', 'body')} AND {_same('d.authority', 'authority')} "
                   "ORDER BY d.date DESC, d.path",
                   {"body": body, "authority": authority})
    if not meetings and not papers:
        return None
    today = today or dt.date.today().isoformat()
    past = [m for m in meetings if m["date"] and m["date"] < today]
    upcoming = sorted({d for m in meetings for d in (m["date"], m["next_date"])
                       if d and d >= today})
    members: list[dict[str, Any]] = []
    if meetings:
        latest = meetings[-1]["doc_id"]
        members = sql_rows(store, "SELECT name, role, group_name, authority FROM members "
                        "WHERE doc_id = :d ORDER BY idx", {"d": latest})
    return {"body": body, "authority": authority, "meetings": meetings,
            "past": list(reversed(past)), "upcoming": upcoming, "papers": papers,
            "members": members, "groups": members_by_group(members)}


def council(store: Store, key: str, *, cursor: str | None = None,
            limit: int = 50) -> dict[str, Any] | None:
    """A council by register code or by the name papers give it: its register entry and
    every mention across papers, with the passage around it."""
    window = Window.of(cursor, limit)
    code = key.upper()
    where = ("(x.code = :code OR (x.code IS NULL AND lower(x.text) = lower(:key)) "
             "OR lower(x.name) = lower(:key))")
    params = {"code": code, "key": key}
    head = sql_rows(store, "SELECT x.code, min(coalesce(x.name, x.text)) AS name, min(x.type) "
                 "AS type, min(x.region) AS region, min(x.nation) AS nation, "
                 "min(x.official_name) AS official_name, count(*) AS mentions, "
                 f"count(DISTINCT x.doc_id) AS papers FROM council_facts x WHERE {where} "
                 "GROUP BY x.code ORDER BY x.code IS NULL LIMIT 1", params)
    entry = register_entry(code)
    if not head and entry is None:
        return None
    out: dict[str, Any] = head[0] if head else {"code": code, "mentions": 0, "papers": 0}
    if entry is not None:
        out["register"] = dataclasses.asdict(entry)
    rows = sql_rows(store, "SELECT x.text, x.doc_id, x.block, x.start, x.end, b.page, "
                 "b.text AS passage, d.title, d.genre, d.date, d.body, d.path "
                 "FROM council_facts x JOIN documents d ON d.id = x.doc_id "
                 "LEFT JOIN blocks b ON b.doc_id = x.doc_id AND b.idx = x.block "
                 f"WHERE {where} ORDER BY d.date DESC, d.path, x.idx LIMIT :lim OFFSET :off",
                 {**params, "lim": window.limit + 1, "off": window.offset})
    out["mentions_page"] = _page(rows, window, out["mentions"])
    out["programmes"], out["papers_list"] = council_programmes(store, where, params)
    return out


COUNCIL_LIST_LIMIT = 50  # programmes and papers listed on a council's page


def council_programmes(store: Store, where: str, params: dict[str, Any]
                       ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """What a council takes part in, as the papers show it: each report (a programme,
    a bid, a pilot) or, outside reports, each headed item (a briefing's item) naming
    the council, with how many papers and the latest; and the papers naming it."""
    programmes = sql_rows(store, "SELECT coalesce(r.title, b.heading) AS programme, "
                       "count(DISTINCT x.doc_id) AS papers, count(*) AS mentions, "
                       "max(d.date) AS latest, max(x.doc_id) AS doc_id "
                       "FROM council_facts x JOIN documents d ON d.id = x.doc_id "
                       "LEFT JOIN blocks b ON b.doc_id = x.doc_id AND b.idx = x.block "
                       "LEFT JOIN reports r ON r.doc_id = x.doc_id AND r.idx = b.report_idx "
                       f"WHERE {where} AND coalesce(r.title, b.heading) IS NOT NULL "
                       "GROUP BY coalesce(r.title, b.heading) "
                       "ORDER BY count(DISTINCT x.doc_id) DESC, max(d.date) DESC, "
                       "max(x.doc_id) LIMIT :lim", {**params, "lim": COUNCIL_LIST_LIMIT})
    papers = sql_rows(store, "SELECT d.id AS doc_id, d.title, d.path, d.genre, d.date, d.body, "
                   "count(*) AS mentions FROM council_facts x "
                   f"JOIN documents d ON d.id = x.doc_id WHERE {where} "
                   "GROUP BY d.id, d.title, d.path, d.genre, d.date, d.body "
                   "ORDER BY d.date DESC, d.id LIMIT :lim",
                   {**params, "lim": COUNCIL_LIST_LIMIT})
    return programmes, papers


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
    meetings = sql_rows(store, "SELECT m.doc_id, m.body, d.authority, m.date, m.next_date, m.time, "
                     "m.venue FROM meetings m JOIN documents d ON d.id = m.doc_id WHERE "
                     "m.date >= :t OR m.next_date >= :t ORDER BY coalesce(CASE WHEN m.date "
                     ">= :t THEN m.date END, m.next_date) LIMIT :lim",
                     {"t": today, "lim": limit})
    deadlines = sql_rows(store, "SELECT x.text, x.date, x.context, x.doc_id, x.block, d.title, "
                      "d.body FROM date_facts x JOIN documents d ON d.id = x.doc_id WHERE "
                      "x.kind = 'deadline' AND x.date >= :t ORDER BY x.date LIMIT :lim",
                      {"t": today, "lim": limit})
    return {"today": today, "meetings": meetings, "deadlines": deadlines}


def slice_page(rows: list[dict[str, Any]], window: Window, total: int | None = None) -> Page:
    """A page of a list already held in full (or up to the end of this page)."""
    return _page(rows[window.offset:window.offset + window.limit + 1], window, total)


def report_paragraphs(store: Store, doc_id: str, key: str | None) -> list[str]:
    """The text of one report of a paper (by title key), paragraph by paragraph; the whole
    paper when the report's blocks are not marked."""
    rows = sql_rows(store, "SELECT b.text FROM blocks b JOIN reports r ON r.doc_id = b.doc_id "
                 "AND r.idx = b.report_idx WHERE b.doc_id = :d AND r.title_key = :k "
                 "ORDER BY b.idx", {"d": doc_id, "k": key})
    if not rows:
        rows = sql_rows(store, "SELECT text FROM blocks WHERE doc_id = :d ORDER BY idx",
                     {"d": doc_id})
    return [r["text"] for r in rows]
