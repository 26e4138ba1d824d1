"""The harvest table (schema.harvest): what a harvest fetched, read and written in
SQLAlchemy Core for every back end. One row per address, replaced whole on each fetch,
so an interrupted harvest resumes from what it had recorded."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from boardpapers.store import schema

PROVENANCE = ("url", "site", "title", "committee", "meeting_id", "meeting_date",
              "item_number", "item_title", "fetched_at")


def get_row(conn: Connection, url: str) -> dict[str, Any] | None:
    h = schema.harvest
    row = conn.execute(select(h).where(h.c.url == url)).mappings().first()
    return dict(row) if row is not None else None


def put_row(conn: Connection, row: dict[str, Any]) -> None:
    """Replace the row for ``row["url"]`` (delete + insert: the same on both back ends)."""
    h = schema.harvest
    known = {k: v for k, v in row.items() if k in h.c}
    conn.execute(delete(h).where(h.c.url == known["url"]))
    conn.execute(insert(h).values(known))


def provenance(conn: Connection, sha256: str) -> list[dict[str, Any]]:
    """Where a stored paper was harvested from: each address that gave these bytes."""
    h = schema.harvest
    cols = [h.c[name] for name in PROVENANCE]
    return [dict(r) for r in conn.execute(select(*cols).where(h.c.sha256 == sha256)
                                          .order_by(h.c.url)).mappings()]


def meeting_date(conn: Connection, sha256: str) -> str | None:
    """The date of the meeting a harvested paper was an item of (the earliest, if the same
    bytes hung under several), so that a report that prints no date of its own is dated by
    its meeting instead of vanishing under a date filter."""
    h = schema.harvest
    return conn.execute(select(h.c.meeting_date).where(
        h.c.sha256 == sha256, h.c.meeting_date.is_not(None))
        .order_by(h.c.meeting_date).limit(1)).scalar()
