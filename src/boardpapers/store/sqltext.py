"""Pieces of plain SQL that SQLite and PostgreSQL both run, for the read queries in
reads.py: WHERE clauses built one filter at a time, every value a bound parameter."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from boardpapers.store.queries import like_escape

# Plain-SQL form of ``queries.current`` (documents aliased as d): older versions of a
# file re-ingested stay hidden.
CURRENT_SQL = ("NOT EXISTS (SELECT 1 FROM documents newer WHERE newer.path = d.path "
               "AND newer.ingested_at > d.ingested_at)")


@dataclass(frozen=True, slots=True)
class SqlDialect:
    """What the read queries spell differently per database: the type text is CAST to,
    and the SQL literal of the one-backslash LIKE escape (MySQL's strings take ``\\``
    for one backslash). SQLite and PostgreSQL share the default; another store sets its own
    (``SqlReads.dialect``)."""

    text: str = "TEXT"
    escape: str = "'\\'"


DEFAULT_DIALECT = SqlDialect()


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

    def also(self) -> str:
        """The clauses to follow a WHERE already written: `` AND …`` each."""
        return "".join(f" AND {c}" for c in self.clauses)


def date_range(where: Where, column: str, since: str | None, until: str | None) -> None:
    """ISO dates (already checked by the caller) as bounds on a column."""
    if since:
        where.add(f"{column} >= :since", since=since)
    if until:
        where.add(f"{column} <= :until", until=until)


def body_contains(where: Where, body: str | None, column: str = "d.body",
                  *, any_case: bool = True, dialect: SqlDialect = DEFAULT_DIALECT) -> None:
    """The board's name contains ``body`` (its own % and _ match only themselves); in any
    case, or as SQLite's LIKE and PostgreSQL's each compare (``any_case=False``)."""
    if not body:
        return
    if any_case:
        where.add(f"lower({column}) LIKE :body ESCAPE {dialect.escape}",
                  body=f"%{like_escape(body.lower())}%")
    else:
        where.add(f"{column} LIKE :body ESCAPE {dialect.escape}",
                  body=f"%{like_escape(body)}%")


def same(column: str, param: str, dialect: SqlDialect = DEFAULT_DIALECT) -> str:
    """Null-safe, case-blind equality both back ends read (SQLite's IS is not
    PostgreSQL's; papers write one board as 'Transport Committee' and 'TRANSPORT
    COMMITTEE')."""
    return (f"lower(coalesce({column}, '')) = "
            f"lower(coalesce(CAST(:{param} AS {dialect.text}), ''))")


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

    def after(self, where: Where, key: list[Any] | None) -> None:
        """Rows after ``key``: older, or as old and later by path and id."""
        if key is None:
            return
        date, path, ident = self.date, self.path, self.ident
        later = f"({path} > :k_path OR ({path} = :k_path AND {ident} > :k_id))"
        if key[0] is None:
            where.add(f"({date} IS NULL AND {later})", k_path=key[1], k_id=key[2])
        else:
            where.add(f"({date} IS NULL OR {date} < :k_date OR ({date} = :k_date AND "
                      f"{later}))", k_date=key[0], k_path=key[1], k_id=key[2])


NEWEST_PAPERS = NewestFirst("d.date", "d.path", "d.id", ("date", "path", "id"))
NEWEST_MEETINGS = NewestFirst("m.date", "d.path", "m.doc_id", ("date", "path", "doc_id"))
