"""Queries the outputs share: plain SQL both SQLite and PostgreSQL run, through the
store's connection (browse.sql_rows), every user value a bound parameter."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from boardpapers.browse import sql_rows
from boardpapers.store import Store
from boardpapers.store.queries import like_escape

__all__ = ["Week", "sql_rows", "body_clause"]


@dataclass(frozen=True, slots=True)
class Week:
    """The Monday-to-Sunday week holding ``day``; ``day`` is the issue date."""

    day: dt.date

    @property
    def start(self) -> dt.date:
        return self.day - dt.timedelta(days=self.day.weekday())

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=6)

    @classmethod
    def of(cls, iso: str) -> Week:
        return cls(dt.date.fromisoformat(iso))


def body_clause(body: str | None, column: str = "d.body") -> tuple[str, dict[str, Any]]:
    """``AND <column> LIKE %body%`` (any case) when a body is given, else nothing."""
    if not body:
        return "", {}
    return (f" AND lower({column}) LIKE :body ESCAPE '\\'",
            {"body": f"%{like_escape(body.lower())}%"})


def paper_json(store: Store, doc_id: str) -> dict[str, Any]:
    rows = sql_rows(store, "SELECT paper_json FROM documents WHERE id = :d", {"d": doc_id})
    return json.loads(rows[0]["paper_json"]) if rows else {}
