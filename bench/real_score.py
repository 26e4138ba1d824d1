"""Matching rules of the real-paper scorer, reimplemented for bench/real.py.

The development set (``../shared/realpapers``) comes with its own reference scorer; the
project imports nothing from there, so these are the same rules written again: the same
fields, the same normalisation and the same greedy one-to-one matching, so the numbers
``bench/real.py`` prints agree with ``score.py`` on the same output.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# The export contract's genres that the gold has no name for.
GENRE_MAP = {"agenda_pack": "agenda", "summary": "other"}
LIST_FIELDS = ("recommendations", "contacts", "money", "dates", "emails", "agenda_items")

_TAG = re.compile(r"<[^>]+>")
_LEAD = re.compile(r"^\s*(?:[-*\u2022\u00b7]|\(?[a-z0-9]{1,3}[).])\s+", re.IGNORECASE)
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def norm(text: str | None) -> str:
    """Tags, curly quotes, a list marker, case, spacing and a closing '.' or ';' folded."""
    s = _TAG.sub("", text or "").translate(_QUOTES)
    s = _LEAD.sub("", s.strip())
    return re.sub(r"\s+", " ", s).strip().lower().rstrip(".;")


def similarity(a: str | None, b: str | None) -> float:
    """1.0 for equal texts; a long text inside another by their length ratio; else difflib."""
    a, b = norm(a), norm(b)
    if not a or not b:
        return 0.0
    if a in b or b in a:
        short, long_ = sorted((len(a), len(b)))
        if short > 25:
            return short / long_
        return 1.0 if a == b else 0.0
    return difflib.SequenceMatcher(None, a, b).ratio()


def greedy_matches(pred: list[Any], gold: list[Any],
                   match: Callable[[Any, Any], bool]) -> tuple[int, list[Any]]:
    """True positives of a greedy one-to-one matching, and the gold entries left unmatched."""
    used: set[int] = set()
    missed = []
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and match(p, g):
                used.add(i)
                break
        else:
            missed.append(g)
    return len(used), missed


def contacts_of(paper: dict[str, Any]) -> list[Any]:
    """Report contact officers plus the meeting's contact (a dict, a list, or one string)."""
    out = [c for rep in paper.get("reports") or [] for c in rep.get("contact_officers") or []]
    meeting = paper.get("meeting") or {}
    found = meeting.get("contact") or meeting.get("contacts")
    if isinstance(found, (str, dict)):
        found = [found]
    return out + [c for c in found or [] if c]


def contact_match(pred: Any, gold: dict[str, Any]) -> bool:
    """On e-mail or name; a bare string where it starts with the name or holds the e-mail."""
    if isinstance(pred, str):
        s = norm(pred)
        return bool((gold.get("email") and norm(gold["email"]) in s)
                    or (gold.get("name") and s.startswith(norm(gold["name"])))
                    or (not gold.get("name") and gold.get("position")
                        and s.startswith(norm(gold["position"]))))
    if gold.get("email") and norm(pred.get("email")) == norm(gold.get("email")):
        return True
    if norm(pred.get("name")) and norm(pred.get("name")) == norm(gold.get("name")):
        return True
    return bool(not gold.get("name") and gold.get("position")
                and norm(pred.get("position") or pred.get("name")) == norm(gold["position"]))


def _same(a: str, b: str) -> bool:
    return norm(a) == norm(b)


def _field_pairs(paper: dict[str, Any], gold: dict[str, Any]
                 ) -> dict[str, tuple[list[Any], list[Any], Callable[[Any, Any], bool]]]:
    reports = paper.get("reports") or []
    facts = paper.get("facts") or {}
    day_dates = [m.get("text", "") for m in facts.get("dates") or []
                 if not (isinstance(m, dict) and "date" in m and not m.get("date"))]
    return {
        "recommendations": ([r for rep in reports for r in rep.get("recommendations") or []],
                            gold.get("recommendations") or [],
                            lambda a, b: similarity(a, b) >= 0.85),
        "contacts": (contacts_of(paper), gold.get("contact_officers") or [], contact_match),
        "money": ([m.get("text", "") for m in facts.get("money") or []],
                  gold.get("money_amounts") or [], _same),
        "dates": (day_dates, gold.get("dates") or [], lambda a, b: similarity(a, b) >= 0.9),
        "emails": (facts.get("emails") or [], gold.get("emails") or [], _same),
        "agenda_items": ((paper.get("meeting") or {}).get("items") or [],
                         gold.get("agenda_items") or [],
                         lambda a, b: similarity(a.get("title", ""), b.get("title", "")) >= 0.8),
    }


def _unique_texts(values: list[Any]) -> list[Any]:
    """A fact mentioned twice is one fact (plain strings only, as the reference does)."""
    seen: set[str] = set()
    out = []
    for v in values:
        if norm(v) not in seen:
            seen.add(norm(v))
            out.append(v)
    return out


@dataclass(slots=True)
class PaperScore:
    """One paper against its gold: genre and date right or wrong, and per-field counts."""

    name: str
    genre: str | None
    gold_genre: str
    date: str | None
    gold_date: str | None
    counts: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # tp, pred, gold
    missed: dict[str, list[Any]] = field(default_factory=dict)
    evidence: tuple[str, ...] = ()
    failed: str | None = None

    @property
    def genre_ok(self) -> bool:
        return GENRE_MAP.get(self.genre or "", self.genre) == self.gold_genre

    @property
    def date_ok(self) -> bool:
        return self.date == self.gold_date


def score_paper(name: str, paper: dict[str, Any] | None, gold: dict[str, Any],
                failed: str | None = None) -> PaperScore:
    p = paper or {}
    out = PaperScore(name, p.get("genre"), gold["doc_type"],
                     p.get("date") or (p.get("meeting") or {}).get("date"),
                     gold.get("meeting_date"), evidence=tuple(p.get("genre_evidence") or ()),
                     failed=failed)
    for key, (pred, golds, match) in _field_pairs(p, gold).items():
        if pred and isinstance(pred[0], str) and key != "contacts":
            pred, golds = _unique_texts(pred), list(dict.fromkeys(golds))
        tp, missed = greedy_matches(pred, golds, match)
        out.counts[key] = (tp, len(pred), len(golds))
        if missed:
            out.missed[key] = missed
    return out


@dataclass(frozen=True, slots=True)
class FieldScore:
    name: str
    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class SetScore:
    """Micro-averaged over the papers, as the reference scorer reports it."""

    papers: tuple[PaperScore, ...]
    fields: tuple[FieldScore, ...]

    @property
    def genre(self) -> float:
        return sum(p.genre_ok for p in self.papers) / max(len(self.papers), 1)

    @property
    def date(self) -> float:
        dated = [p for p in self.papers if p.gold_date]
        return sum(p.date_ok for p in dated) / max(len(dated), 1)

    @property
    def failed(self) -> int:
        return sum(1 for p in self.papers if p.failed)

    def f1(self, name: str) -> float:
        return next(f.f1 for f in self.fields if f.name == name)

    def headline(self) -> dict[str, float]:
        """The reference scorer's last line: genre and date accuracy, F1 per field."""
        return {"genre": self.genre, "date": self.date} | {f.name: f.f1 for f in self.fields}


def score_set(papers: list[PaperScore]) -> SetScore:
    fields = tuple(FieldScore(k, *(sum(p.counts[k][i] for p in papers) for i in range(3)))
                   for k in LIST_FIELDS)
    return SetScore(tuple(papers), fields)
