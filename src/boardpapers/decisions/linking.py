"""What became of each recommendation: link it to the decision that settled it, by the
meeting and agenda item first, then by the item's title, then by wording; follow
deferrals to the meeting that decided in the end; gather threads.

A thread is every version of one report (the same title for the same board), the
decisions taken on it, and the versions brought back after a deferral. Pure functions over
plain records, so the store, the CLI and the web share one answer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from boardpapers.decisions.model import (
    ITEM_CONFIDENCE,
    MIN_WORDING_SCORE,
    TITLE_CONFIDENCE,
    UNSURE_BELOW,
    WORDING_WINDOW_DAYS,
    Decision,
)
from boardpapers.decisions.outcome import outcome_of

# Title similarity (0-100, rapidfuzz token-sort ratio) for a minute's item to be taken as
# the report's item, or a brought-back report as the deferred one.
MIN_TITLE_SCORE = 88.0
# Two papers holding a report of one title within this many days hold versions of it.
VERSION_DAYS = 62


@dataclass(frozen=True, slots=True)
class RecRef:
    """One recommendation (or action) of a stored report."""

    id: str
    doc_id: str
    report_idx: int
    text: str
    report: str | None  # the report's title
    title_key: str | None
    agenda_item: str | None
    date: str | None  # the paper's date (its meeting's)
    body: str | None
    authority: str | None


@dataclass(frozen=True, slots=True)
class DecisionRef:
    """One stored decision and the paper it came from."""

    doc_id: str
    idx: int
    decision: Decision
    body: str | None
    authority: str | None
    paper: str | None = None  # the paper's title
    title_key: str | None = None  # of the decision's item title


@dataclass(frozen=True, slots=True)
class Link:
    """What happened to one recommendation."""

    status: str  # one of OUTCOMES
    decision: DecisionRef | None = None  # the decision that settled it (the last)
    method: str | None = None  # same_paper | item | title | wording | version
    confidence: float = 0.0
    unsure: bool = False
    thread: str = ""  # the thread's id: its first recommendation's report
    history: tuple[DecisionRef, ...] = field(default=())  # every decision, oldest first
    part: str | None = None  # the numbered resolution of the decision that answers it


def link_all(recs: Sequence[RecRef], decisions: Sequence[DecisionRef]) -> dict[str, Link]:
    """A Link for every recommendation, by its id."""
    by_board: dict[tuple[str, ...], list[DecisionRef]] = {}
    for d in sorted(decisions, key=lambda d: (d.decision.date or "", d.doc_id, d.idx)):
        by_board.setdefault(_board(d.body), []).append(d)
    threads = _Threads()
    _join_versions(threads, recs)
    found: dict[str, tuple[list[DecisionRef], str, float]] = {}
    records = [d for d in decisions if d.decision.source != "minutes" and d.authority]
    boards: dict[tuple[tuple[str, ...], str], list[DecisionRef]] = {}
    reports: dict[tuple[str, int], _ReportMatch] = {}
    for rec in recs:
        key = (_board(rec.body), (rec.authority or "").casefold())
        if key not in boards:
            boards[key] = _candidates(rec, by_board.get(key[0], []), records)
        board = boards[key]
        if (rec.doc_id, rec.report_idx) not in reports:
            reports[rec.doc_id, rec.report_idx] = _report_match(rec, board)
        first = _first_decision(rec, reports[rec.doc_id, rec.report_idx])
        if first:
            history = _follow(first[0], board, rec)
            found[rec.id] = (history, first[1], first[2])
            for d in history:
                threads.join(_report_key(rec), _decision_key(d))
    for rec in sorted(recs, key=lambda r: (r.date or "9999", r.doc_id, r.report_idx)):
        threads.names.setdefault(threads.find(_report_key(rec)),
                                 f"{rec.doc_id[:12]}-{rec.report_idx}")
    _from_versions(found, recs)
    out = {}
    for rec in recs:
        thread = threads.names[threads.find(_report_key(rec))]
        if rec.id not in found:
            out[rec.id] = Link(status="pending", thread=thread)
            continue
        history, method, confidence = found[rec.id]
        part = _part_for(rec, history[-1].decision)
        status = outcome_of(part) if part else history[-1].decision.outcome
        out[rec.id] = Link(status=status, decision=history[-1], method=method,
                           confidence=round(confidence, 3), unsure=confidence < UNSURE_BELOW,
                           thread=thread, history=tuple(history), part=part)
    return out


# "(1)", "2.", "(b)", "iii)" opening a resolution inside a line
_PART_MARK = re.compile(r"(?:^|(?<=[\s;:]))(?=\(?(?:\d{1,2}|[a-h]|[ivx]{1,4})[).]\s)")
MIN_PART_WORDS = 3


def resolution_parts(text: str) -> list[str]:
    """A decision's numbered resolutions (or lines), each with its words."""
    parts = [p.strip(" ;") for line in text.splitlines() for p in _PART_MARK.split(line)]
    return [p for p in parts if len(p.split()) >= MIN_PART_WORDS]


def _part_for(rec: RecRef, decision: Decision) -> str | None:
    """The resolution of a decision in parts that answers this recommendation, by
    wording; None for a decision in one part, a deferral (it defers every part) or no
    part close enough."""
    if decision.outcome == "deferred":
        return None
    parts = resolution_parts(decision.text)
    if len(parts) < 2:
        return None
    score, best = max((fuzz.token_set_ratio(_fold(rec.text), _fold(p)), p) for p in parts)
    return best if score >= MIN_WORDING_SCORE else None


def _join_versions(threads: _Threads, recs: Sequence[RecRef]) -> None:
    """Reports with one title are versions of one report when the same board has them,
    or when either is undated or they are dated within VERSION_DAYS of each other (the
    board's pack and the report published on its own)."""
    by_title: dict[str, list[RecRef]] = {}
    for rec in recs:
        if rec.title_key:
            by_title.setdefault(rec.title_key, []).append(rec)
    for group in by_title.values():
        first = {_report_key(r): r for r in group}
        reports = list(first.values())
        for i, a in enumerate(reports):
            for b in reports[i + 1:]:
                if _same_authority(a.authority, b.authority) and (
                        _board(a.body) == _board(b.body) or _near(a.date, b.date)):
                    threads.join(_report_key(a), _report_key(b))


def _from_versions(found: dict[str, tuple[list[DecisionRef], str, float]],
                   recs: Sequence[RecRef]) -> None:
    """A recommendation nothing decided takes the outcome of the same recommendation in
    another version of its report (same title, nearest wording), if that was decided."""
    decided = [r for r in recs if r.id in found and found[r.id][1] != "version"]
    for rec in recs:
        if rec.id in found or not rec.title_key:
            continue
        versions = [r for r in decided if r.title_key == rec.title_key and r.doc_id != rec.doc_id
                    and _same_authority(r.authority, rec.authority) and _near(r.date, rec.date)]
        scored = [(fuzz.token_set_ratio(_fold(rec.text), _fold(r.text)) / 100, r)
                  for r in versions]
        best = max(scored, key=lambda s: s[0], default=None)
        if best and best[0] * 100 >= MIN_WORDING_SCORE:
            history, _, confidence = found[best[1].id]
            found[rec.id] = (history, "version", min(confidence, best[0]))


def _near(a: str | None, b: str | None) -> bool:
    return _days(a, b) <= VERSION_DAYS


@lru_cache(maxsize=8192)  # a board's few meeting dates, paired again for every report
def _days(a: str | None, b: str | None) -> int:
    """Days between two ISO days; 0 when either is missing or not a day (undated papers
    cannot be told apart)."""
    try:
        return abs((dt.date.fromisoformat(a or "") - dt.date.fromisoformat(b or "")).days)
    except ValueError:
        return 0


def _candidates(rec: RecRef, board: Sequence[DecisionRef], records: Sequence[DecisionRef]
                ) -> list[DecisionRef]:
    """The decisions that may answer a recommendation: its board's, and the authority's
    records of decision and decision pages (a cabinet member or officer decides reports
    whatever board name the report carries), oldest first."""
    out = {(d.doc_id, d.idx): d for d in board if _same_authority(d.authority, rec.authority)}
    if rec.authority:
        out.update({(d.doc_id, d.idx): d for d in records
                    if (d.authority or "").casefold() == rec.authority.casefold()})
    return sorted(out.values(), key=lambda d: (d.decision.date or "", d.doc_id, d.idx))


@dataclass(frozen=True, slots=True)
class _ReportMatch:
    """What one report's recommendations share: the decisions after it, those within the
    wording window, and the decision its paper, item or title points to."""

    near: list[DecisionRef]
    found: tuple[DecisionRef, str, float] | None  # decision, method, base confidence
    words: list[str] = field(default_factory=list)  # the near decisions' folded words


def _report_match(rec: RecRef, board: Sequence[DecisionRef]) -> _ReportMatch:
    later = [d for d in board if _on_or_after(d.decision.date, rec.date)]
    near = [d for d in later if _days(rec.date, d.decision.date) <= WORDING_WINDOW_DAYS]
    same = [d for d in later if d.doc_id == rec.doc_id]
    if same:  # a record of decision whose decision list was read as recommendations
        return _ReportMatch(near, (same[0], "same_paper", 1.0))
    item = _item(rec.agenda_item)
    if item and rec.date:
        for d in later:
            if d.decision.date == rec.date and _item(d.decision.item) == item:
                return _ReportMatch(near, (d, "item", ITEM_CONFIDENCE))
    titled = _first_titled(rec, later, near)
    if titled:
        return _ReportMatch(near, (titled, "title", TITLE_CONFIDENCE))
    return _ReportMatch(near, None, [_fold(d.decision.text) for d in near])


def _first_decision(rec: RecRef, report: _ReportMatch
                    ) -> tuple[DecisionRef, str, float] | None:
    """The decision that first answered the recommendation, how it was found, and how
    sure that is (0-1): a link by item or title is surer the more alike the words."""
    if report.found:
        d, method, base = report.found
        return d, method, base + (1 - base) * _wording(rec, d)
    best = process.extractOne(_fold(rec.text), report.words, scorer=fuzz.token_set_ratio,
                              processor=None, score_cutoff=MIN_WORDING_SCORE)
    return (report.near[best[2]], "wording", best[1] / 100) if best else None


def _first_titled(rec: RecRef, later: Sequence[DecisionRef], near: Sequence[DecisionRef]
                  ) -> DecisionRef | None:
    """The first decision on an item of the report's title: the same title key at any
    later date, or a title nearly the same within the wording window."""
    if not rec.report:
        return None
    same = next((d for d in later if rec.title_key and d.title_key == rec.title_key), None)
    alike = process.extract(_fold(rec.report), [_fold(d.decision.title or "") for d in near],
                            scorer=fuzz.token_sort_ratio, processor=None, limit=None,
                            score_cutoff=MIN_TITLE_SCORE)
    first = near[min(i for _, _, i in alike)] if alike else None
    found = [d for d in (same, first) if d is not None]
    return min(found, key=lambda d: (d.decision.date or "", d.doc_id, d.idx), default=None)


def _follow(first: DecisionRef, board: Sequence[DecisionRef], rec: RecRef
            ) -> list[DecisionRef]:
    """The decision and, while it defers, the decision on the item at a later meeting."""
    chain = [first]
    while chain[-1].decision.outcome == "deferred" and len(chain) < 20:
        here = chain[-1]
        after = here.decision.deferred_date or here.decision.date
        nxt = next((d for d in board if d.doc_id != here.doc_id
                    and _after(d.decision.date, here.decision.date, after)
                    and _same_item_title(here, d, rec)), None)
        if nxt is None:
            break
        chain.append(nxt)
    return chain


def _same_item_title(deferred: DecisionRef, d: DecisionRef, rec: RecRef) -> bool:
    titles = [t for t in (deferred.decision.title, rec.report) if t]
    return any(fuzz.token_sort_ratio(_fold(t), _fold(d.decision.title or "")) >= MIN_TITLE_SCORE
               for t in titles)


def _after(date: str | None, decided: str | None, earliest: str | None) -> bool:
    if not date:
        return False
    return (not decided or date > decided) and (not earliest or date >= earliest)


def _wording(rec: RecRef, d: DecisionRef) -> float:
    """How alike the recommendation's words and the decision's are, 0-1."""
    return fuzz.token_set_ratio(_fold(rec.text), _fold(d.decision.text)) / 100


# Words every recommendation and decision share, left out before wording is compared
STOP_WORDS = frozenset("""a an and any are as at be been by for from has have in into is it
its of on or that the their them these this those to was were which will with resolved
agreed decided recommended recommendation recommendations report cabinet committee council
board members member meeting""".split())


@lru_cache(maxsize=65536)  # each decision's text is compared with many recommendations
def _fold(text: str) -> str:
    return " ".join(w for w in re.sub(r"[^\w£%]+", " ", text.casefold()).split()
                    if w not in STOP_WORDS)


def _item(number: str | None) -> str | None:
    """ "Item 5." and "5" are one item number."""
    if not number:
        return None
    folded = re.sub(r"^(?:item|eitem)\s*", "", number.strip().casefold())
    return re.sub(r"[^\w]+", "", folded) or None


def _board(body: str | None) -> tuple[str, ...]:
    return tuple((body or "").casefold().split())


def _same_authority(a: str | None, b: str | None) -> bool:
    return not a or not b or a.casefold() == b.casefold()


def _on_or_after(date: str | None, since: str | None) -> bool:
    return not date or not since or date >= since


def _report_key(rec: RecRef) -> str:
    return f"r:{rec.doc_id}:{rec.report_idx}"


def _decision_key(d: DecisionRef) -> str:
    return f"d:{d.doc_id}:{d.idx}"


class _Threads:
    """Union-find over reports, report titles and decisions; a thread is named after
    its earliest report (``names``, by root)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.names: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
