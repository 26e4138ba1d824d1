"""The read queries every SQL back end shares, built in SQLAlchemy Core.

Each function returns a statement, never runs one, so the same question is asked of
SQLite, PostgreSQL and MariaDB alike and can be tested on its compiled SQL. Where the
databases differ by default the statements say what they mean: case-insensitive
``ilike`` (SQLite's LIKE folds ASCII, PostgreSQL's does not), missing dates last without
NULLS LAST (which MariaDB lacks), and text ordered by code point (``order_text``: SQLite's
binary order; PostgreSQL would follow the server's locale).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, bindparam, distinct, exists, func, or_, select

from boardpapers.plugins import points
from boardpapers.store import schema

OrderText = Callable[[ColumnElement[Any]], ColumnElement[Any]]

LEAD_TEXT_SECTIONS = ("summary", "purpose", "recommendations")


def descending_missing_last(column: ColumnElement[Any]) -> tuple[ColumnElement[Any], ...]:
    """ORDER BY terms: ``column`` descending, NULLs after the rest, in SQL every back end
    reads (MySQL and MariaDB have no NULLS LAST)."""
    return column.is_(None), column.desc()


def ascending_missing_first(column: ColumnElement[Any]) -> tuple[ColumnElement[Any], ...]:
    """ORDER BY terms: ``column`` ascending, NULLs before the rest (no NULLS FIRST either)."""
    return column.is_not(None), column


def like_escape(value: str) -> str:
    """A value for SQL LIKE … ESCAPE '\\': its own % and _ match only themselves."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains(column: ColumnElement[Any], value: str) -> ColumnElement[bool]:
    """Case-insensitive substring match with the value's own wildcards escaped."""
    return column.ilike("%" + like_escape(value) + "%", escape="\\")


def body_names(body: str) -> Select[Any]:
    """Body names containing the text asked for (the index filters on exact names)."""
    d = schema.documents
    return select(d.c.body).distinct().where(contains(d.c.body, body))


def council_blocks(*, codes: Sequence[str] = (), name: str | None = None) -> Select[Any]:
    """(block id, document) of each passage naming a council: linked to one of the
    register ``codes``, or (a body the register does not hold) written as ``name``."""
    x, b = schema.council_facts, schema.blocks
    where = (x.c.code.in_(list(codes)) if codes else
             or_(func.lower(x.c.text) == func.lower(name or ""),
                 func.lower(x.c.name) == func.lower(name or "")))
    return (select(b.c.id, b.c.doc_id).distinct().select_from(x)
            .join(b, and_(b.c.doc_id == x.c.doc_id, b.c.idx == x.c.block)).where(where))


def authorities() -> Select[Any]:
    """The publishing authorities named on stored papers."""
    d = schema.documents
    return select(d.c.authority).distinct().where(d.c.authority.is_not(None))


def documents_of(authorities: Sequence[str]) -> Select[Any]:
    """The papers these authorities published."""
    d = schema.documents
    return select(d.c.id).where(d.c.authority.in_(list(authorities)))


# Plain-SQL form of ``current`` for the browse queries (documents aliased as d).
CURRENT_SQL = ("NOT EXISTS (SELECT 1 FROM documents newer WHERE newer.path = d.path "
               "AND newer.ingested_at > d.ingested_at)")


def current(d: Any = None) -> ColumnElement[bool]:
    """True for a document no later version replaces: its file (the same path) was not
    ingested again since, changed. Older versions stay stored but every listing, like
    search, shows only the current one."""
    d = schema.documents if d is None else d
    newer = schema.documents.alias("newer")
    return ~exists(select(newer.c.id).where(newer.c.path == d.c.path,
                                            newer.c.ingested_at > d.c.ingested_at))


def newer_version(doc_id: str) -> Select[Any]:
    """The latest document ingested from the same path after this one, if any."""
    d, old = schema.documents, schema.documents.alias("old")
    return (select(d.c.id).join(old, old.c.path == d.c.path)
            .where(old.c.id == doc_id, d.c.ingested_at > old.c.ingested_at)
            .order_by(d.c.ingested_at.desc()).limit(1))


def superseded() -> Select[Any]:
    """Documents whose file (the same path) was ingested again since, changed."""
    d = schema.documents
    latest = (select(d.c.path, func.max(d.c.ingested_at).label("latest"))
              .group_by(d.c.path).having(func.count() > 1).subquery())
    return (select(d.c.id).join(latest, latest.c.path == d.c.path)
            .where(d.c.ingested_at < latest.c.latest))


def hit_details(block_ids: Sequence[int]) -> Select[Any]:
    """What a hit shows of its block, paper and report. (The ids go in as one expanding
    parameter: building an IN of hundreds of literals costs more than the query.)"""
    b, d, r = schema.blocks, schema.documents, schema.reports
    return (select(b.c.id, b.c.doc_id, d.c.path, d.c.title, d.c.genre, d.c.date, d.c.body,
                   b.c.idx, b.c.page, d.c.pages.label("doc_pages"), b.c.kind,
                   b.c.section_kind, b.c.heading,
                   r.c.title.label("report"))
            .join(d, d.c.id == b.c.doc_id)
            .outerjoin(r, and_(r.c.doc_id == b.c.doc_id, r.c.idx == b.c.report_idx))
            .where(b.c.id.in_(bindparam("ids", list(block_ids), expanding=True))))


def facts(kind: str, order_text: OrderText, *, body: str | None, since: str | None,
          until: str | None, limit: int, offset: int = 0,
          after: Sequence[Any] | None = None) -> Select[Any]:
    """Facts of one kind, newest paper first (undated last), then by path, paper and
    place, each with its paper and page; ``after`` (base.FACT_KEY of the last row of the
    previous page) starts the page after that row (keyset pagination)."""
    x, d, b = schema.fact_tables()[kind], schema.documents, schema.blocks
    own = ([x.c.value, x.c.columns_json] if x is schema.facts_extra
           else [x.c[c] for c in _columns(kind)])
    q = (select(x.c.idx, x.c.text, *own, x.c.doc_id,
                x.c.block, x.c.start, x.c.end, d.c.path, d.c.title.label("paper_title"),
                d.c.date.label("paper_date"),
                d.c.body.label("paper_body"), b.c.page)
         .join(d, d.c.id == x.c.doc_id)
         .outerjoin(b, and_(b.c.doc_id == x.c.doc_id, b.c.idx == x.c.block))
         .where(current(d)))
    if x is schema.facts_extra:
        q = q.where(x.c.kind == kind)
    if body:
        q = q.where(contains(d.c.body, body))
    if since:
        q = q.where(d.c.date >= since)
    if until:
        q = q.where(d.c.date <= until)
    if after is not None:
        q = q.where(_after_fact(x, d, order_text, after))
    return q.order_by(*descending_missing_last(order_text(d.c.date)), order_text(d.c.path),
                      order_text(x.c.doc_id), x.c.idx).limit(limit).offset(offset)


def _after_fact(x: Any, d: Any, order_text: OrderText,
                key: Sequence[Any]) -> ColumnElement[bool]:
    """Rows after ``key`` in facts()' order: an older (or undated) paper, or the same
    date and later by path, paper and place."""
    date, path, doc_id, idx = key
    later = or_(order_text(d.c.path) > path,
                and_(d.c.path == path, or_(order_text(x.c.doc_id) > doc_id,
                                           and_(x.c.doc_id == doc_id, x.c.idx > idx))))
    if date is None:
        return and_(d.c.date.is_(None), later)
    return or_(d.c.date.is_(None), order_text(d.c.date) < date,
               and_(d.c.date == date, later))


def councils(order_text: OrderText, *, include_unlinked: bool) -> Select[Any]:
    """Each council mentioned: register details, mentions and papers; mentions the
    register does not hold (only with ``include_unlinked``) are grouped by their text."""
    x = schema.council_facts
    key = func.coalesce(x.c.code, x.c.text)
    name = func.max(func.coalesce(x.c.name, x.c.text)).label("name")
    papers = func.count(distinct(x.c.doc_id)).label("papers")
    mentions = func.count().label("mentions")
    q = (select(func.max(x.c.code).label("code"), name, func.max(x.c.type).label("type"),
                func.max(x.c.region).label("region"), func.max(x.c.nation).label("nation"),
                mentions, papers)
         .where(x.c.doc_id.not_in(superseded()))
         .group_by(key)
         .order_by(papers.desc(), mentions.desc(), order_text(name)))
    return q if include_unlinked else q.where(x.c.code.is_not(None))


def lead_texts(doc_id: str) -> Select[Any]:
    """The headings and summary, purpose and recommendation text of one paper."""
    b = schema.blocks
    return select(b.c.text).where(b.c.doc_id == doc_id, or_(
        b.c.kind == "heading", b.c.section_kind.in_(LEAD_TEXT_SECTIONS))).order_by(b.c.idx)


def find_document(ref: str) -> list[Select[Any]]:
    """The ways a paper is named, tried in turn: its path (as stored or absolute), a
    prefix of its id (4+ characters), the unique ending of its path; a path names the
    current version of its file, an id any version."""
    d = schema.documents
    ref = ref.strip()
    absolute = str(Path(ref).expanduser().resolve()) if ref else ref
    tries = [select(d).where(or_(d.c.path == ref, d.c.path == absolute), current())]
    if len(ref) >= 4:
        tries.append(select(d).where(d.c.id.startswith(ref.lower(), autoescape=True)))
    tries.append(select(d).where(d.c.path.endswith("/" + ref.lstrip("./"), autoescape=True),
                                 current()))
    return [q.limit(2) for q in tries]


def report_versions(doc_id: str, order_text: OrderText) -> Select[Any]:
    """Other documents holding a report with the same title: versions of one report."""
    r, d = schema.reports, schema.documents
    keys = select(r.c.title_key).where(r.c.doc_id == doc_id, r.c.title_key.is_not(None))
    return (select(r.c.title, r.c.doc_id, d.c.path, d.c.genre, d.c.date)
            .join(d, d.c.id == r.c.doc_id)
            .where(r.c.title_key.in_(keys), r.c.doc_id != doc_id)
            .order_by(*ascending_missing_first(order_text(d.c.date)), order_text(d.c.path)))


def _columns(kind: str) -> tuple[str, ...]:
    spec = points().fact_kinds.get(kind)
    return spec.columns if spec is not None else ()
