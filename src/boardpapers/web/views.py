"""Small pure helpers the templates use: dates and genres in words, the fact side list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from boardpapers.store.rows import council_key
from boardpapers.web.highlight import marked_kinds

GENRE_LABELS = {"agenda_pack": "Agenda pack", "report": "Report", "agenda": "Agenda",
                "minutes": "Minutes", "agenda_and_minutes": "Agenda and minutes",
                "briefing": "Briefing", "summary": "Summary", "other": "Other"}
KIND_LABELS = {"money": "Money", "dates": "Dates", "metrics": "Figures",
               "councils": "Councils", "people": "People", "contacts": "Contacts"}


def nice_date(iso: str | None) -> str:
    """'2025-03-11' as '11 March 2025'; anything else as it is."""
    if not iso:
        return ""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day:%B %Y}"


def council_label(key: str) -> str:
    """A council facet's value (a register code, else a name) as people know it."""
    from boardpapers.registry import authority
    entry = authority(key)
    return entry.name if entry is not None else key


def genre_label(genre: str | None) -> str:
    return GENRE_LABELS.get(genre or "", (genre or "").replace("_", " ").capitalize())


@dataclass(frozen=True, slots=True)
class SideFact:
    anchor: str
    text: str
    detail: str = ""
    link: str | None = None


def fact_sidebar(facts: dict[str, Any]) -> list[tuple[str, str, list[SideFact]]]:
    """(kind, label, facts) for each kind that has any, in the order the text marks them;
    a council links to its page."""
    out = []
    for kind in marked_kinds():
        items = [SideFact(f"{kind}-{i}", *_describe(kind, f if isinstance(f, dict)
                                                     else {"text": str(f)}))
                 for i, f in enumerate(facts.get(kind) or []) if f is not None]
        if items:
            out.append((kind, KIND_LABELS.get(kind) or kind.replace("_", " ").capitalize(),
                        items))
    return out


def _describe(kind: str, fact: dict[str, Any]) -> tuple[str, str, str | None]:
    text = fact.get("text") or fact.get("name") or ""
    if kind == "money" and fact.get("amount") is not None:
        return text, f"£{fact['amount']:,.0f}", None
    if kind == "dates":
        return text, nice_date(fact.get("date")) if fact.get("date") else "", None
    if kind == "councils":
        key = council_key(fact.get("code"), fact.get("name") or text)
        detail = " · ".join(x for x in (fact.get("code"), fact.get("type"),
                                         fact.get("region")) if x)
        return fact.get("name") or text, detail, f"/councils/{quote(key, safe='')}"
    if kind == "people":
        return fact.get("name") or text, fact.get("role") or "", None
    if kind == "contacts":
        return text, fact.get("kind") or "", None
    return text, str(fact.get("unit") or ""), None
