"""The questions browsing, publishing and the decisions pages ask of the stored rows, in
plain SQL that SQLite and PostgreSQL both run, every value a bound parameter.

``SqlReads`` is mixed into ``sql.SqlStore``; callers hold a ``Store`` and never see SQL.
Values reach these methods already checked (dates as ISO, genres by name): the query
language is not the store's business.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine, text

from boardpapers.model.errors import StoreError
from boardpapers.plugins import points
from boardpapers.store import schema
from boardpapers.store.queries import like_escape
from boardpapers.store.sqltext import (
    CURRENT_SQL,
    DEFAULT_DIALECT,
    NEWEST_MEETINGS,
    NEWEST_PAPERS,
    NewestFirst,
    SqlDialect,
    Where,
    body_contains,
    date_range,
    same,
)

PAPER_COLUMNS = "d.id, d.path, d.format, d.pages, d.genre, d.title, d.body, d.authority, d.date"
PROVENANCE = "d.path AS paper_path, d.title AS paper_title, d.date AS paper_date, d.body AS body"
MEETING_COLUMNS = ("m.doc_id, m.body, d.authority, m.date, m.time, m.venue, m.online, "
                   "m.next_date, d.title, d.genre")

# The rows of a paper that ``rows_of`` gives, by table: the columns, and their order.
PARTS: dict[str, tuple[tuple[str, ...], str]] = {
    "blocks": (("idx", "kind", "text", "page", "level", "marker", "depth", "report_idx",
                "section_kind", "heading"), "idx"),
    "reports": (("idx", "title", "title_key", "agenda_item", "purpose", "summary",
                 "confidential"), "idx"),
    "recommendations": (("report_idx", "idx", "kind", "text"), "report_idx, kind, idx"),
    "contact_officers": (("report_idx", "idx", "name", "position", "phone", "email"),
                         "report_idx, idx"),
    "members": (("name", "role", "group_name", "authority"), "idx"),
    "agenda_items": (("number", "title", "pages", "presenters", "confidential", "decision"),
                     "idx"),
}

# One SELECT per exported table (facts are built from the fact kinds' registry).
EXPORTS = {
    "papers": "SELECT d.id, d.path, d.format, d.pages, d.size, d.genre, d.title, d.body, "
              "d.authority, d.date, d.language, d.ingested_at FROM documents d "
              "ORDER BY d.date, d.path",
    "reports": f"SELECT r.doc_id, r.idx, r.title, r.agenda_item, r.purpose, r.summary, "
               f"r.confidential, {PROVENANCE} FROM reports r JOIN documents d ON "
               "d.id = r.doc_id ORDER BY d.date, d.path, r.idx",
    "recommendations": f"SELECT x.doc_id, x.report_idx, x.idx, x.kind, x.text, "
                       f"r.title AS report_title, {PROVENANCE} FROM recommendations x "
                       "JOIN documents d ON d.id = x.doc_id LEFT JOIN reports r ON "
                       "r.doc_id = x.doc_id AND r.idx = x.report_idx "
                       "ORDER BY d.date, d.path, x.report_idx, x.kind, x.idx",
}
COUNCIL_LIST_LIMIT = 50  # programmes and papers listed on a council's page


class SqlReads:
    """Read queries over the shared schema, for any SQLAlchemy engine."""

    engine: Engine
    dialect: SqlDialect = DEFAULT_DIALECT

    def _rows(self, sql: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(text(sql), params or {}).mappings()]

    # ------------------------------------------------------------------ one paper

    def rows_of(self, doc_id: str, table: str) -> list[dict[str, Any]]:
        """One paper's rows of a table (``PARTS``: blocks, reports, recommendations,
        contact_officers, members, agenda_items) in the paper's order."""
        if table not in PARTS:
            raise StoreError(f"no rows of {table!r} are kept per paper: use one of "
                             f"{', '.join(PARTS)}")
        columns, order = PARTS[table]
        return self._rows(f"SELECT {', '.join(columns)} FROM {table} WHERE doc_id = :d "
                          f"ORDER BY {order}", {"d": doc_id})

    def stored_paper(self, doc_id: str) -> dict[str, Any]:
        """The paper as stored (the export contract, without blocks); {} if none."""
        rows = self._rows("SELECT paper_json FROM documents WHERE id = :d", {"d": doc_id})
        return json.loads(rows[0]["paper_json"]) if rows else {}

    def report_text(self, doc_id: str, title_key: str | None) -> list[str]:
        """The paragraphs of one report of a paper (by title key); the whole paper's when
        the report's blocks are not marked."""
        rows = self._rows("SELECT b.text FROM blocks b JOIN reports r ON r.doc_id = b.doc_id "
                          "AND r.idx = b.report_idx WHERE b.doc_id = :d AND r.title_key = :k "
                          "ORDER BY b.idx", {"d": doc_id, "k": title_key})
        if not rows:
            rows = self._rows("SELECT text FROM blocks WHERE doc_id = :d ORDER BY idx",
                              {"d": doc_id})
        return [r["text"] for r in rows]

    def meeting_of(self, doc_id: str) -> dict[str, Any] | None:
        """The meeting a paper is for, with the paper's title and genre."""
        rows = self._rows(f"SELECT {MEETING_COLUMNS} FROM meetings m JOIN documents d "
                          "ON d.id = m.doc_id WHERE m.doc_id = :d", {"d": doc_id})
        return rows[0] if rows else None

    # ------------------------------------------------------------------ lists

    def paper_list(self, *, genre: str | None = None, body: str | None = None,
                   authority: str | None = None, since: str | None = None,
                   until: str | None = None, after: list[Any] | None = None,
                   limit: int = 20) -> list[dict[str, Any]]:
        """Current papers newest first (undated last), those after the key ``after``
        (date, path, id of the last one shown)."""
        return self._newest(f"SELECT {PAPER_COLUMNS} FROM documents d", NEWEST_PAPERS,
                            {"d.genre": genre, "d.body": body, "d.authority": authority},
                            since, until, after, limit)

    def meeting_list(self, *, body: str | None = None, authority: str | None = None,
                     since: str | None = None, until: str | None = None,
                     after: list[Any] | None = None,
                     limit: int = 20) -> list[dict[str, Any]]:
        """Meetings newest first, after the key ``after`` (date, path, doc_id)."""
        return self._newest("SELECT m.doc_id, m.body, d.authority, m.date, m.time, m.venue, "
                            "m.online, m.next_date, d.title, d.genre, d.path FROM meetings m "
                            "JOIN documents d ON d.id = m.doc_id", NEWEST_MEETINGS,
                            {"m.body": body, "d.authority": authority},
                            since, until, after, limit)

    def _newest(self, select: str, order: NewestFirst, equal: dict[str, str | None],
                since: str | None, until: str | None, after: list[Any] | None,
                limit: int) -> list[dict[str, Any]]:
        """A keyset page of current rows: columns equal to the values given, the order's
        date between the bounds, after the key ``after``."""
        where = Where()
        where.add(CURRENT_SQL)
        for n, (column, value) in enumerate(equal.items()):
            if value:
                where.add(f"{column} = :v{n}", **{f"v{n}": value})
        date_range(where, order.date, since, until)
        order.after(where, after)
        return self._rows(f"{select} {where.sql()}ORDER BY {order.order_by()} LIMIT :lim",
                          {**where.params, "lim": limit})

    def board_meetings(self, body: str | None, authority: str | None
                       ) -> list[dict[str, Any]]:
        """Every meeting of one board (a body of one authority, in any case), oldest first."""
        return self._rows("SELECT m.doc_id, m.date, m.time, m.venue, m.next_date, d.title, "
                          "d.genre FROM meetings m JOIN documents d ON d.id = m.doc_id "
                          f"WHERE {self._board('m.body')} "
                          "ORDER BY m.date IS NULL, m.date, d.path",
                          {"body": body, "authority": authority})

    def board_papers(self, body: str | None, authority: str | None
                     ) -> list[dict[str, Any]]:
        """Every paper of one board, newest first."""
        return self._rows(f"SELECT {PAPER_COLUMNS} FROM documents d WHERE "
                          f"{self._board('d.body')} ORDER BY d.date DESC, d.path",
                          {"body": body, "authority": authority})

    def _board(self, body_column: str) -> str:
        """The rows of one board: its body (``:body``) of one authority (``:authority``)."""
        return (f"{same(body_column, 'body', self.dialect)} AND "
                f"{same('d.authority', 'authority', self.dialect)}")

    def upcoming(self, today: str, limit: int) -> dict[str, list[dict[str, Any]]]:
        """Meetings on or after ``today`` and the deadlines papers set from then on."""
        meetings = self._rows(
            "SELECT m.doc_id, m.body, d.authority, m.date, m.next_date, m.time, m.venue "
            "FROM meetings m JOIN documents d ON d.id = m.doc_id WHERE m.date >= :t OR "
            "m.next_date >= :t ORDER BY coalesce(CASE WHEN m.date >= :t THEN m.date END, "
            "m.next_date) LIMIT :lim", {"t": today, "lim": limit})
        return {"meetings": meetings, "deadlines": self.deadlines(since=today, limit=limit)}

    def deadlines(self, *, body: str | None = None, since: str | None = None,
                  limit: int | None = None) -> list[dict[str, Any]]:
        """Deadlines papers set (dated ones), soonest first, with their paper."""
        where = Where()
        body_contains(where, body, dialect=self.dialect)
        if since:
            where.add("x.date >= :since", since=since)
        sql = ("SELECT x.text, x.date, x.context, x.doc_id, x.block, d.title, d.body "
               "FROM date_facts x JOIN documents d ON d.id = x.doc_id WHERE "
               f"x.kind = 'deadline' AND x.date IS NOT NULL{where.also()} "
               "ORDER BY x.date, d.path, x.idx")
        if limit is not None:
            sql += " LIMIT :lim"
            where.params["lim"] = limit
        return self._rows(sql, where.params)

    def council_mentions(self, code: str, name: str, *, limit: int,
                         after: Sequence[Any] | None = None) -> dict[str, Any]:
        """A council by register code or by the name papers give it: ``head`` (mentions,
        papers and register details, or None), a page of ``mentions`` with the passage
        around each (newest paper first, undated last; after the mention whose
        MENTION_KEY is ``after``: keyset pagination), the ``programmes`` it takes part
        in and the ``papers`` naming it."""
        where = ("(x.code = :code OR (x.code IS NULL AND lower(x.text) = lower(:key)) "
                 "OR lower(x.name) = lower(:key))")
        params = {"code": code, "key": name}
        head = self._rows(
            "SELECT x.code, min(coalesce(x.name, x.text)) AS name, min(x.type) AS type, "
            "min(x.region) AS region, min(x.nation) AS nation, min(x.official_name) AS "
            "official_name, count(*) AS mentions, count(DISTINCT x.doc_id) AS papers "
            f"FROM council_facts x WHERE {where} GROUP BY x.code ORDER BY x.code IS NULL "
            "LIMIT 1", params)
        page = Where()
        page.add(where, **params)
        _after_mention(page, after)
        mentions = self._rows(
            "SELECT x.text, x.doc_id, x.idx, x.block, x.start, x.end, b.page, b.text AS "
            "passage, d.title, d.genre, d.date, d.body, d.path FROM council_facts x "
            "JOIN documents d ON d.id = x.doc_id LEFT JOIN blocks b ON b.doc_id = x.doc_id "
            f"AND b.idx = x.block {page.sql()}ORDER BY d.date IS NULL, d.date DESC, d.path, "
            "x.doc_id, x.idx LIMIT :lim", {**page.params, "lim": limit})
        # each report (a programme, a bid, a pilot) or, outside reports, each headed item
        # (a briefing's item) naming the council, with how many papers and the latest
        programmes = self._rows(
            "SELECT coalesce(r.title, b.heading) AS programme, count(DISTINCT x.doc_id) "
            "AS papers, count(*) AS mentions, max(d.date) AS latest, max(x.doc_id) AS "
            "doc_id FROM council_facts x JOIN documents d ON d.id = x.doc_id "
            "LEFT JOIN blocks b ON b.doc_id = x.doc_id AND b.idx = x.block "
            "LEFT JOIN reports r ON r.doc_id = x.doc_id AND r.idx = b.report_idx "
            f"WHERE {where} AND coalesce(r.title, b.heading) IS NOT NULL "
            "GROUP BY coalesce(r.title, b.heading) ORDER BY count(DISTINCT x.doc_id) DESC, "
            "max(d.date) DESC, max(x.doc_id) LIMIT :lim",
            {**params, "lim": COUNCIL_LIST_LIMIT})
        papers = self._rows(
            "SELECT d.id AS doc_id, d.title, d.path, d.genre, d.date, d.body, count(*) AS "
            f"mentions FROM council_facts x JOIN documents d ON d.id = x.doc_id WHERE {where} "
            "GROUP BY d.id, d.title, d.path, d.genre, d.date, d.body "
            "ORDER BY d.date DESC, d.id LIMIT :lim", {**params, "lim": COUNCIL_LIST_LIMIT})
        return {"head": head[0] if head else None, "mentions": mentions,
                "programmes": programmes, "papers": papers}

    # ------------------------------------------------------------------ publishing

    def newest_papers(self, *, body: str | None = None, ids: Sequence[str] | None = None,
                      limit: int = 50) -> list[dict[str, Any]]:
        """Papers by when they were stored, newest first (of ``ids`` when given)."""
        where = Where()
        body_contains(where, body, dialect=self.dialect)
        if ids is not None:
            marks = ", ".join(f":i{n}" for n in range(len(ids)))
            where.add(f"d.id IN ({marks})" if ids else "1 = 0",
                      **{f"i{n}": i for n, i in enumerate(ids)})
        return self._rows("SELECT d.id, d.path, d.title, d.genre, d.date, d.body, "
                          f"d.authority, d.ingested_at FROM documents d WHERE 1 = 1"
                          f"{where.also()} ORDER BY d.ingested_at DESC, d.path LIMIT :lim",
                          {**where.params, "lim": limit})

    def dated_meetings(self, body: str | None = None) -> list[dict[str, Any]]:
        """Meetings with a date or a next meeting's date, oldest first."""
        where = Where()
        body_contains(where, body, "m.body", dialect=self.dialect)
        return self._rows("SELECT m.doc_id, m.body, m.date, m.time, m.venue, m.next_date, "
                          "d.title FROM meetings m JOIN documents d ON d.id = m.doc_id "
                          f"WHERE (m.date IS NOT NULL OR m.next_date IS NOT NULL)"
                          f"{where.also()} ORDER BY m.date", where.params)

    def briefings(self, *, since: str | None = None, until: str | None = None,
                  body: str | None = None, item_kind: str | None = None
                  ) -> list[dict[str, Any]]:
        """Briefings (id, title, path) dated between the bounds, oldest first; with
        ``item_kind``, only those with an item of that kind."""
        where = Where()
        date_range(where, "d.date", since, until)
        if item_kind:
            where.add("EXISTS (SELECT 1 FROM briefing_items b WHERE b.doc_id = d.id AND "
                      "b.kind = :item_kind)", item_kind=item_kind)
        body_contains(where, body, dialect=self.dialect)
        return self._rows("SELECT d.id, d.title, d.path FROM documents d WHERE d.genre = "
                          f"'briefing'{where.also()} ORDER BY d.date, d.id", where.params)

    def reports_between(self, since: str, until: str, body: str | None = None
                        ) -> list[dict[str, Any]]:
        """Reports of papers (not briefings) dated between the bounds, with their paper."""
        where = Where()
        body_contains(where, body, dialect=self.dialect)
        return self._rows("SELECT r.doc_id, r.idx, r.title, r.purpose, r.summary, d.path, "
                          "d.title AS paper, d.body, d.date FROM reports r JOIN documents d "
                          "ON d.id = r.doc_id WHERE d.date >= :s AND d.date <= :e AND "
                          f"d.genre <> 'briefing'{where.also()} ORDER BY d.date, d.path, "
                          "r.idx", {**where.params, "s": since, "e": until})

    def recommendations_between(self, since: str, until: str, body: str | None = None
                                ) -> list[dict[str, Any]]:
        """Recommendations (not actions) of papers dated between the bounds."""
        where = Where()
        body_contains(where, body, dialect=self.dialect)
        return self._rows("SELECT x.doc_id, x.report_idx, x.text FROM recommendations x "
                          "JOIN documents d ON d.id = x.doc_id WHERE x.kind = "
                          f"'recommendation' AND d.date >= :s AND d.date <= :e{where.also()} "
                          "ORDER BY x.doc_id, x.report_idx, x.idx",
                          {**where.params, "s": since, "e": until})

    def export_rows(self, table: str) -> list[dict[str, Any]]:
        """An exported table (``EXPORTS``, or ``facts``: every fact kind registered, its
        value beside its text), each row with its paper, in a stable order."""
        if table in EXPORTS:
            return self._rows(EXPORTS[table])
        if table != "facts":
            raise StoreError(f"no exported table {table!r}")
        out: list[dict[str, Any]] = []
        for kind, x in schema.fact_tables().items():
            extra = x is schema.facts_extra
            spec = points().fact_kinds.get(kind)
            value = "value" if extra or spec is None else spec.value
            out.extend(self._rows(
                f"SELECT x.doc_id, CAST(:kind AS {self.dialect.text}) AS kind, x.idx, b.page, "
                f"x.text, CAST(x.{value} AS {self.dialect.text}) AS value, {PROVENANCE} "
                f"FROM {x.name} x "
                "JOIN documents d ON d.id = x.doc_id LEFT JOIN blocks b ON "
                "b.doc_id = x.doc_id AND b.idx = x.block "
                f"{'WHERE x.kind = :kind ' if extra else ''}ORDER BY d.date, d.path, x.idx",
                {"kind": kind}))
        return out

    # ------------------------------------------------------------------ decisions

    def recommendation_list(self, *, body: str | None = None) -> list[dict[str, Any]]:
        """Every recommendation and action (of boards whose name contains ``body``) with
        its report and paper, newest paper first."""
        where = Where()
        body_contains(where, body, any_case=False, dialect=self.dialect)
        return self._rows(
            "SELECT x.doc_id, x.report_idx, x.idx, x.kind, x.text, r.title AS report, "
            "r.title_key, r.agenda_item, d.title AS paper, d.date, d.body, d.authority "
            "FROM recommendations x JOIN documents d ON d.id = x.doc_id LEFT JOIN reports r "
            f"ON r.doc_id = x.doc_id AND r.idx = x.report_idx {where.sql()}"
            "ORDER BY d.date IS NULL, d.date DESC, d.path, x.report_idx, x.kind DESC, x.idx",
            where.params)

    def decision_list(self, *, body: str | None = None) -> list[dict[str, Any]]:
        """Every decision recorded (of boards whose name contains ``body``), oldest
        first, with its paper's body, authority and title."""
        where = Where()
        body_contains(where, body, any_case=False, dialect=self.dialect)
        rows = self._rows("SELECT x.*, d.body AS paper_body, d.authority, d.title AS paper "
                          "FROM decisions x JOIN documents d ON d.id = x.doc_id "
                          f"{where.sql()}ORDER BY x.date, x.doc_id, x.idx", where.params)
        for r in rows:  # SQLite gives booleans back as 0 and 1 through plain SQL
            for flag in ("key_decision", "exempt"):
                r[flag] = None if r[flag] is None else bool(r[flag])
        return rows

    def recommendation_keys(self, *, body: str | None = None, since: str | None = None,
                            until: str | None = None, officer: str | None = None,
                            kind: str | None = None) -> list[dict[str, Any]]:
        """(doc_id, report_idx, idx, kind) of the recommendations these filters select:
        the board's name, the paper's date, a contact officer's name, the kind."""
        where = Where()
        body_contains(where, body, any_case=False, dialect=self.dialect)
        if kind:
            where.add("x.kind = :kind", kind=kind)
        if officer:
            where.add("EXISTS (SELECT 1 FROM contact_officers c WHERE c.doc_id = x.doc_id "
                      "AND c.report_idx = x.report_idx AND c.name LIKE :officer ESCAPE "
                      f"{self.dialect.escape})",
                      officer=f"%{like_escape(officer)}%")
        date_range(where, "d.date", since, until)
        return self._rows("SELECT x.doc_id, x.report_idx, x.idx, x.kind FROM recommendations "
                          f"x JOIN documents d ON d.id = x.doc_id {where.sql()}", where.params)

    def officer_names(self) -> dict[tuple[str, int], list[str]]:
        """Contact officers' names by (paper, report)."""
        out: dict[tuple[str, int], list[str]] = {}
        for r in self._rows("SELECT doc_id, report_idx, name FROM contact_officers "
                            "ORDER BY doc_id, report_idx, idx"):
            out.setdefault((r["doc_id"], r["report_idx"]), []).append(r["name"])
        return out


def _after_mention(where: Where, key: Sequence[Any] | None) -> None:
    """Mentions after ``key`` (MENTION_KEY's values): in an older or undated paper, or
    as old and later by path, paper and place."""
    if key is None:
        return
    later = ("(d.path > :k_path OR (d.path = :k_path AND (x.doc_id > :k_doc OR "
             "(x.doc_id = :k_doc AND x.idx > :k_idx))))")
    keys = {"k_path": key[1], "k_doc": key[2], "k_idx": key[3]}
    if key[0] is None:
        where.add(f"(d.date IS NULL AND {later})", **keys)
    else:
        where.add(f"(d.date IS NULL OR d.date < :k_date OR (d.date = :k_date AND {later}))",
                  k_date=key[0], **keys)
