"""Questions answered from the stored facts: lists of facts, councils, related papers.

The questions are checked and shaped here; the store (whichever database) answers them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from boardpapers.model.errors import QuerySyntaxError
from boardpapers.plugins import points, stored_fact_kinds
from boardpapers.query import normalise_filter
from boardpapers.store import Store
from boardpapers.store.base import FACT_KEY

MAX_FACT_ROWS = 1_000_000  # one listing; beyond it a bound no longer fits SQLite's integers


@dataclass(frozen=True, slots=True)
class FactPage:
    """One page of facts and whether more follow it."""

    rows: list[dict[str, Any]]
    offset: int
    more: bool
    next_key: list[Any] | None = None  # the last row's place, where the next page starts


def list_facts(store: Store, kind: str, *, body: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = 100, offset: int = 0,
               after: list[Any] | None = None) -> FactPage:
    """Facts of one kind across papers, newest paper first, each with its provenance and
    every field ``extract`` gives it (read from the stored paper); ``after`` a page's
    ``next_key``: the page after it, found by key however deep (keyset pagination)."""
    kind = kind.strip().lower()
    if kind not in (kinds := stored_fact_kinds()):
        raise QuerySyntaxError(f"unknown fact kind {kind!r}: use one of "
                               f"{', '.join(kinds)}")
    if not 1 <= limit <= MAX_FACT_ROWS:
        raise QuerySyntaxError(f"--limit must be between 1 and {MAX_FACT_ROWS}, not {limit}")
    found = store.facts(kind, body=body,
                        since=normalise_filter("since", since) if since else None,
                        until=normalise_filter("until", until) if until else None,
                        limit=limit + 1, offset=offset, after=after)
    stored = _stored_facts(store, kind, {r["doc_id"] for r in found[:limit]})
    rows = [_fact_record(kind, r, stored.get(r["doc_id"], [])) for r in found[:limit]]
    more = len(found) > limit
    return FactPage(rows, offset, more=more,
                    next_key=[found[limit - 1][k] for k in FACT_KEY] if more else None)



def _stored_facts(store: Store, kind: str, doc_ids: set[str]
                  ) -> dict[str, list[dict[str, Any]]]:
    """Each document's facts of one kind as ``extract`` printed them."""
    out: dict[str, list[dict[str, Any]]] = {}
    for doc_id in doc_ids:
        doc = store.get(doc_id)
        out[doc_id] = doc["paper"].get("facts", {}).get(kind, []) if doc else []
    return out


def _fact_record(kind: str, row: dict[str, Any], stored: list[dict[str, Any]]
                 ) -> dict[str, Any]:
    """The fact's own fields (as ``extract`` has them), then where it came from."""
    idx = row["idx"]
    kept = stored[idx] if idx < len(stored) else None
    if isinstance(kept, dict):
        own = dict(kept)
    else:  # a plugin's fact that is a plain value, or a paper stored trimmed
        own = {k: row[k] for k in row if k not in _PROVENANCE and k not in ("idx", "text")}
    own.pop("span", None)
    own.pop("idx", None)
    return {"fact": kind, "text": row["text"], **own,
            "paper": {"id": row["doc_id"], "path": row["path"], "title": row["paper_title"],
                      "date": row["paper_date"], "body": row["paper_body"]},
            "page": row["page"], "block": row["block"], "start": row["start"],
            "end": row["end"]}


_PROVENANCE = frozenset({"doc_id", "block", "start", "end", "path", "paper_title",
                         "paper_date", "paper_body", "page"})


def fact_value(record: dict[str, Any]) -> str:
    """A fact's value in a few words, for a table cell."""
    kind = record["fact"]
    if kind == "money":
        amount = record.get("amount")
        if amount is None:
            return ""
        text_ = f"{record.get('currency') or ''} {amount:,.0f}".strip()
        if record.get("amount_max") is not None:
            text_ += f"–{record['amount_max']:,.0f}"
        return " ".join(x for x in (record.get("qualifier"), text_, record.get("unit")) if x)
    if kind == "dates":
        when = record.get("date") or record.get("period") or ""
        if record.get("end_date"):
            when += f" to {record['end_date']}"
        return " ".join(x for x in (when, record.get("time"), f"({record.get('kind')})") if x)
    if kind == "metrics":
        return " ".join(str(x) for x in (record.get("qualifier"), record.get("value"),
                                           record.get("unit")) if x not in (None, ""))
    if kind == "contacts":
        return f"{record.get('kind')}: {record.get('normalised') or record.get('text')}"
    if kind == "people":
        name = " ".join(x for x in (record.get("title"), record.get("name"),
                                    record.get("honours")) if x)
        return name + (f", {record['role']}" if record.get("role") else "")
    if kind == "councils":
        return " ".join(x for x in (record.get("code"), record.get("name")) if x)
    spec = points().fact_kinds.get(kind)  # a plugin's kind: its value field
    value = record.get(spec.value if spec and spec.value else "value")
    return "" if value is None or value == record.get("text") else str(value)


def council_summary(store: Store, *, include_unlinked: bool = False) -> list[dict[str, Any]]:
    """Each council mentioned, with its register details (code, GSS code, type, region,
    whether it still exists), mentions and papers. Names the register does not hold
    (associations, partnerships) are left out unless asked for, flagged as unlinked."""
    rows = store.councils(include_unlinked=include_unlinked)
    from boardpapers.registry import register
    reg = register()
    out = []
    for r in rows:
        a = reg.get(r["code"]) if r["code"] else None
        out.append({"code": r["code"], "gss": a.gss if a else None, "name": r["name"],
                    "official_name": a.name if a else None, "type": r["type"],
                    "region": r["region"], "nation": r["nation"], "linked": a is not None,
                    "current": a.current if a else None,
                    "end_date": a.end_date if a else None,
                    "replaced_by": list(a.replaced_by) if a else [],
                    "mentions": r["mentions"], "papers": r["papers"]})
    return out


def similar(store: Store, doc_id: str, limit: int = 10) -> list[dict[str, Any]]:
    """Papers sharing the most distinctive terms of this one (title and lead text)."""
    return store.similar(doc_id, limit)
